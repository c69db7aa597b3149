"""Escaping for generated Markdown and HTML: YAML text is always shown as text."""

from __future__ import annotations

import posixpath
import re
import zlib
from functools import lru_cache

from markupsafe import Markup, escape

from generator.reading.numbers import normalize

# Inline syntax anywhere (emphasis, code, links, attribute lists, table cells) …
_INLINE_SYNTAX = re.compile(r"([\\`*_{\[\]|])")
# … and block syntax at the start of a line (headings, lists, rules, numbered lists) …
_BLOCK_START = re.compile(r"^(#|[+\-](?=\s|$)|-(?=-)|\d+(?=\.(?:\s|$)))")
# … and the block syntax of the extensions (admonitions !!!, details ???) and setext underlines (===), whose first
# character Markdown cannot backslash-escape: it becomes a character reference, which shows the same.
_EXTENSION_BLOCK_START = re.compile(r"^(?:!{3}|\?{3}|=)")
_CHARACTER_REFERENCE = {"!": "&#33;", "?": "&#63;", "=": "&#61;"}


def md_text(value) -> str:
    """Any value as inline Markdown text: HTML-escaped, Markdown syntax backslash-escaped, on one line."""
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    return _md_text(str(value))


@lru_cache(maxsize=262144)  # names, titles and units recur on thousands of pages
def _md_text(value: str) -> str:
    return _md_escaped(" ".join(value.split()))


def _md_escaped(text: str, line_start: bool = True) -> str:
    """Text on one line as Markdown text; `line_start`: it begins the line, where block syntax counts."""
    text = _INLINE_SYNTAX.sub(r"\\\1", str(escape(text)))
    if not line_start:
        return text
    # `12. x` → `12\. x`; `# x` → `\# x`; `!!! danger` → `&#33;!! danger`.
    text = _BLOCK_START.sub(lambda m: m.group(1) + "\\" if m.group(1)[0].isdigit() else "\\" + m.group(1), text)
    if _EXTENSION_BLOCK_START.match(text):
        text = _CHARACTER_REFERENCE[text[0]] + text[1:]
    return text


# An address in an editor's text: http(s), up to a space, a quote, a bracket or a full-width character; trailing
# sentence punctuation is not part of it.
_URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#@!$&'*+,;=%()\[\]]+")
_URL_TRAILING = ".,;:!?'"
_OPENING = {")": "(", "]": "["}


def _address(found: str) -> str:
    """An address without the sentence's punctuation after it: a closing bracket stays only when the address
    opened it (…/a_(b))."""
    while True:
        found = found.rstrip(_URL_TRAILING)
        if found[-1:] in _OPENING and found.count(found[-1]) > found.count(_OPENING[found[-1]]):
            found = found[:-1]
        else:
            return found


def md_text_linked(value) -> Markup:
    """Text as md_text, with each http(s) address in it made a link to itself (HTML-escaped in and out)."""
    text = "" if value is None else " ".join(str(value).split())
    pieces, at = [], 0
    for match in _URL.finditer(text):
        url = _address(match.group(0))
        if len(url) <= len("https://"):
            continue
        start = match.start()
        pieces.append(_md_escaped(text[at:start], at == 0))
        pieces.append(f'<a href="{escape(url)}">{_md_escaped(url, False)}</a>')
        at = start + len(url)
    pieces.append(_md_escaped(text[at:], at == 0))
    return Markup("".join(pieces))


def html_text(value) -> Markup:
    """Any value as HTML text (for raw HTML blocks, where Markdown is not interpreted)."""
    return escape("" if value is None else str(value))


@lru_cache(maxsize=65536)
def page_url_dir(md_path: str) -> str:
    """The folder a page is served from with directory URLs: parks/x/2016.md → parks/x/2016/."""
    stem, _ = posixpath.splitext(md_path)
    if posixpath.basename(stem) == "index":
        return posixpath.dirname(stem)
    return stem


@lru_cache(maxsize=65536)
def _relative(to_path: str, from_dir: str) -> str:
    """posixpath.relpath for paths inside the site (no '..', no leading '/'), without its os calls."""
    to_parts = [part for part in to_path.split("/") if part and part != "."]
    from_parts = [part for part in from_dir.split("/") if part and part != "."]
    common = 0
    for a, b in zip(to_parts, from_parts, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(from_parts) - common) + to_parts[common:]) or "."


def md_link(from_md: str, to_md: str, anchor: str = "") -> str:
    """A relative link between two Markdown files, which MkDocs checks and rewrites."""
    target = _relative(to_md, posixpath.dirname(from_md))
    return f"{target}#{anchor}" if anchor else target


def asset_url(from_md: str, to_path: str) -> str:
    """A relative URL from a page (as served) to a file of the site, for HTML attributes."""
    return _relative(to_path, page_url_dir(from_md))


def page_url(from_md: str, to_md: str, anchor: str = "") -> str:
    """A page's URL as served (directory URLs), relative to the page `from_md`, for finished HTML."""
    target = _relative(page_url_dir(to_md) or ".", page_url_dir(from_md))
    target = "./" if target == "." else target + "/"
    return f"{target}#{anchor}" if anchor else target


def quote_anchor(quote: str) -> str:
    """A quoted passage's anchor on its source page, from the quote alone (so every page links to the same one):
    `q-` and the quote's first letters and digits, with a short checksum of the whole when it is longer."""
    kept = "".join(_ANCHOR_CHARACTERS.findall(normalize(quote)))
    if len(kept) <= _ANCHOR_LETTERS:
        return f"q-{kept}"
    return f"q-{kept[:_ANCHOR_LETTERS]}-{zlib.crc32(normalize(quote).encode()) % 16**6:06x}"


_ANCHOR_CHARACTERS = re.compile(r"[^\W_]+|(?<=\d)\.(?=\d)")  # letters and digits, and a decimal point
_ANCHOR_LETTERS = 16
