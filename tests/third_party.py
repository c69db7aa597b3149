"""Every way a built page could make the reader's browser ask another host for something, found without a browser.

A page reaches another host through any attribute holding an absolute (http:, https:, ws:, wss:) or
protocol-relative (//host) address: src, href on <link> (stylesheet, preload, preconnect, dns-prefetch, icon …),
srcset, action, formaction, poster, data, ping, background, a data-* attribute a script reads; a <meta http-equiv>
refresh; CSS url() and @import, in a style attribute, a <style> element or a stylesheet; and a script that fetches,
imports or inserts an address. Allowed: a plain <a href> (the reader follows it by clicking; it asks for nothing
before), the page's own address in <link rel=canonical> and the og:/twitter: <meta> tags (read by crawlers, not by
the browser), XML namespaces (names, never fetched), and text attributes (title, alt, aria-*).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# An absolute or protocol-relative address where a value, a list item or a CSS/JS token starts.
ADDRESS = re.compile(r"(?:(?<=^)|(?<=[\s,(\"'=;]))(?:(?:https?|wss?):)?//[A-Za-z0-9\[][^\s\"'<>(),;]*", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*([\"']?)(.*?)\1\s*\)", re.IGNORECASE | re.DOTALL)
CSS_IMPORT = re.compile(r"@import\s+([\"'])(.*?)\1", re.IGNORECASE)  # @import url(…) is a url() already
JS_STRING = re.compile(r"(['\"`])((?:\\.|(?!\1)[^\\\n])*)\1")
NAMESPACES = ("http://www.w3.org/",)  # xmlns values and createElementNS names: identifiers, never fetched
TEXT_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "aria-description", "aria-roledescription"}


def _absolute(value: str) -> list[str]:
    """The addresses of other hosts in a value; a data: URL holds its content (what it names inside is not loaded)."""
    if value.strip().lower().startswith("data:"):
        return []
    return [found for found in ADDRESS.findall(value.strip()) if not found.startswith(NAMESPACES)]


def css_reaches(css: str) -> list[str]:
    """Addresses of other hosts a stylesheet (or a style attribute) asks for: url() and @import."""
    found = [target for _, target in CSS_URL.findall(css) if _absolute(target)]
    return found + [target for _, target in CSS_IMPORT.findall(css) if _absolute(target)]


def script_reaches(script: str) -> list[str]:
    """Absolute addresses written in a script (any string it could fetch, import, open or insert)."""
    return [address for _, text in JS_STRING.findall(script) for address in _absolute(text)]


class _Page(HTMLParser):
    def __init__(self, own: str):
        super().__init__(convert_charrefs=True)
        self.own, self.found, self.inside = own, [], None

    def handle_starttag(self, tag, attrs):
        named = {name: value or "" for name, value in attrs}
        for name, value in named.items():
            if name == "style":
                self.found += [f"<{tag} style> {url}" for url in css_reaches(value)]
            elif not self._allowed(tag, name, value, named):
                self.found += [f"<{tag} {name}> {url}" for url in _absolute(value)]
        if tag == "meta" and named.get("http-equiv", "").lower() == "refresh":
            target = re.sub(r"^\s*\d+\s*;?\s*(url\s*=\s*)?", "", named.get("content", ""), flags=re.IGNORECASE)
            self.found += [f"<meta http-equiv=refresh> {url}" for url in _absolute(target.strip("'\""))]
        self.inside = tag if tag in ("script", "style") else None

    def handle_endtag(self, tag):
        self.inside = None

    def handle_data(self, data):
        if self.inside == "style":
            self.found += [f"<style> {url}" for url in css_reaches(data)]
        elif self.inside == "script":
            self.found += [f"<script> {url}" for url in script_reaches(data)]

    def _allowed(self, tag: str, name: str, value: str, attributes: dict) -> bool:
        if name in TEXT_ATTRIBUTES or name.startswith("aria-") or name == "xmlns" or name.startswith("xmlns:"):
            return True
        if tag == "a" and name == "href" and "ping" not in attributes:
            return True  # followed only when the reader clicks it
        own = self.own and value.startswith(self.own)
        if tag == "link" and name == "href" and attributes.get("rel", "").lower() == "canonical" and own:
            return True
        social = attributes.get("property", attributes.get("name", "")).startswith(("og:", "twitter:"))
        return tag == "meta" and name == "content" and social and own


def html_reaches(html: str, own: str = "") -> list[str]:
    """What in a page (attributes, inline styles and scripts) would ask another host for something; `own` is the
    site's own address, allowed as the page's canonical and social-card address."""
    page = _Page(own)
    page.feed(html)
    page.close()
    return page.found
