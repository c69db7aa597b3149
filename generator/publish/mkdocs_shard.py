"""One share of a MkDocs build: the whole site's navigation, but only this share's pages read and rendered.

MkDocs renders pages one after another in one process; on a machine with several CPUs, `yearbook build` runs
one share per CPU into the same folder. Every share builds the full navigation (a page's menu needs every
title, which the generated nav gives), reads and renders only the pages whose path falls in it, and the first
share alone writes the static files and theme pages. MkDocs is pinned (pyproject.toml), so the two functions
wrapped here do not move under us.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.publish.built_pages import BuiltPages


@dataclass(frozen=True)
class Share:
    """Share `index` of `shares` of a site's pages."""

    index: int
    shares: int

    def holds(self, src_uri: str) -> bool:
        """Whether the page at `src_uri` is this share's: stable across runs and even enough over thousands."""
        return zlib.crc32(src_uri.encode("utf-8")) % self.shares == self.index


class _SharePages:
    """The pages of one build: those of its share, each converted and rendered unless `kept` holds its HTML under
    its key; the others only read for their titles (the menus and page footers of this share's pages)."""

    def __init__(self, share: Share | None, kept: BuiltPages | None, populate, render):
        self.share, self.kept, self.populate_page, self.render_page = share, kept, populate, render
        self.found: dict[str, bytes] = {}  # src_uri → the kept HTML of a page of this share
        self.keys: dict[str, str] = {}  # src_uri → the key of a page of this share built afresh
        self.built: list[tuple[str, str, str]] = []  # pages built afresh: src_uri, key, where the HTML was written

    def holds(self, page) -> bool:
        return self.share is None or self.share.holds(page.file.src_uri)

    def populate(self, page, config, *args, **kwargs) -> None:
        src_uri = page.file.src_uri
        if self.holds(page) and self.kept is not None:
            key = self.kept.key(src_uri, Path(page.file.abs_src_path).read_bytes())
            html = self.kept.recall(src_uri, key)
            if html is None:
                self.keys[src_uri] = key
            else:
                self.found[src_uri] = html
        if self.holds(page) and src_uri not in self.found:
            self.populate_page(page, config, *args, **kwargs)
        else:
            page.read_source(config)

    def render(self, page, *args, **kwargs) -> None:
        from mkdocs import utils

        src_uri = page.file.src_uri
        if src_uri in self.found:
            utils.write_file(self.found.pop(src_uri), page.file.abs_dest_path)
        elif self.holds(page):
            self.render_page(page, *args, **kwargs)
            if src_uri in self.keys:
                self.built.append((src_uri, self.keys.pop(src_uri), page.file.abs_dest_path))

    def keep(self) -> None:
        """Keep the HTML of the pages built afresh: only once the build ended without a warning (--strict), as a
        kept page is not checked again."""
        for src_uri, key, written in self.built if self.kept is not None else ():
            self.kept.remember(src_uri, key, Path(written).read_bytes())


def build_share(config, share: Share | None, kept: BuiltPages | None = None) -> str | None:
    """Build `share` of the site with MkDocs (None: the whole site); None on success, else the reason it failed.

    A page whose HTML `kept` holds under its key is written from there, neither converted nor rendered again
    (generator/publish/built_pages.py); the HTML of every other page of the share is kept for the next build.
    The MkDocs functions it wraps are put back when it ends: a single share runs in the caller's process
    (generator/parallel.py).
    """
    import mkdocs.commands.build as mkdocs_build
    from mkdocs.exceptions import Abort, PluginError
    from mkdocs.structure.files import Files

    originals = (
        mkdocs_build._populate_page,
        mkdocs_build._build_page,
        mkdocs_build._build_theme_template,
        Files.copy_static_files,
    )
    pages = _SharePages(share, kept, mkdocs_build._populate_page, mkdocs_build._build_page)
    if share is not None or kept is not None:
        mkdocs_build._populate_page, mkdocs_build._build_page = pages.populate, pages.render
        if share is not None and share.index:
            mkdocs_build._build_theme_template = lambda *args, **kwargs: None
            Files.copy_static_files = lambda self, *args, **kwargs: None
    try:
        mkdocs_build.build(config)
        pages.keep()
    except (Abort, PluginError) as error:
        return str(error)
    finally:
        (
            mkdocs_build._populate_page,
            mkdocs_build._build_page,
            mkdocs_build._build_theme_template,
            Files.copy_static_files,
        ) = originals
    return None
