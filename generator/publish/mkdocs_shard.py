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


def build_share(config, share: Share | None, kept: BuiltPages | None = None) -> str | None:
    """Build `share` of the site with MkDocs (None: the whole site); None on success, else the reason it failed.

    A page whose HTML `kept` holds under its key is written from there, neither converted nor rendered again
    (generator/publish/built_pages.py); the HTML of every other page of the share is kept for the next build.
    The MkDocs functions it wraps are put back when it ends.
    """
    import mkdocs.commands.build as mkdocs_build
    from mkdocs import utils
    from mkdocs.exceptions import Abort, PluginError
    from mkdocs.structure.files import Files

    def holds(page) -> bool:
        return share is None or share.holds(page.file.src_uri)

    # A single share runs in the caller's process (generator/parallel.py): what is wrapped is put back after.
    built: list[tuple[str, str, str]] = []  # the pages built afresh: src_uri, key, where the HTML was written
    originals = (
        mkdocs_build._populate_page,
        mkdocs_build._build_page,
        mkdocs_build._build_theme_template,
        Files.copy_static_files,
    )
    if share is not None or kept is not None:
        populate, render = mkdocs_build._populate_page, mkdocs_build._build_page
        found: dict[str, bytes] = {}  # src_uri → the kept HTML of a page of this share
        keys: dict[str, str] = {}  # src_uri → the key of a page of this share built afresh

        def populate_mine(page, config, *args, **kwargs):
            src_uri = page.file.src_uri
            if holds(page) and kept is not None:
                key = kept.key(src_uri, Path(page.file.abs_src_path).read_bytes())
                html = kept.recall(src_uri, key)
                if html is None:
                    keys[src_uri] = key
                else:
                    found[src_uri] = html
            if holds(page) and src_uri not in found:
                populate(page, config, *args, **kwargs)
            else:
                page.read_source(config)  # its title, for the menus and page footers of this share's pages

        def render_mine(page, *args, **kwargs):
            src_uri = page.file.src_uri
            if src_uri in found:
                utils.write_file(found.pop(src_uri), page.file.abs_dest_path)
            elif holds(page):
                render(page, *args, **kwargs)
                if src_uri in keys:
                    built.append((src_uri, keys.pop(src_uri), page.file.abs_dest_path))

        mkdocs_build._populate_page, mkdocs_build._build_page = populate_mine, render_mine
        if share is not None and share.index:
            mkdocs_build._build_theme_template = lambda *args, **kwargs: None
            Files.copy_static_files = lambda self, *args, **kwargs: None
    try:
        mkdocs_build.build(config)
        # Kept only once the share built without a warning (--strict): a kept page is not checked again.
        for src_uri, key, written in built:
            kept.remember(src_uri, key, Path(written).read_bytes())
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
