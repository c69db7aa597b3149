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


@dataclass(frozen=True)
class Share:
    """Share `index` of `shares` of a site's pages."""

    index: int
    shares: int

    def holds(self, src_uri: str) -> bool:
        """Whether the page at `src_uri` is this share's: stable across runs and even enough over thousands."""
        return zlib.crc32(src_uri.encode("utf-8")) % self.shares == self.index


def build_share(config, share: Share | None) -> str | None:
    """Build `share` of the site with MkDocs (None: the whole site); None on success, else the reason it failed.

    A share runs in a process of its own (generator/parallel.py): the MkDocs functions it wraps stay wrapped
    only there.
    """
    import mkdocs.commands.build as mkdocs_build
    from mkdocs.exceptions import Abort, PluginError
    from mkdocs.structure.files import Files

    if share is not None:
        populate, render = mkdocs_build._populate_page, mkdocs_build._build_page

        def populate_mine(page, config, *args, **kwargs):
            if share.holds(page.file.src_uri):
                populate(page, config, *args, **kwargs)
            else:
                page.read_source(config)  # its title, for the menus and page footers of this share's pages

        def render_mine(page, *args, **kwargs):
            if share.holds(page.file.src_uri):
                render(page, *args, **kwargs)

        mkdocs_build._populate_page, mkdocs_build._build_page = populate_mine, render_mine
        if share.index:
            mkdocs_build._build_theme_template = lambda *args, **kwargs: None
            Files.copy_static_files = lambda self, *args, **kwargs: None
    try:
        mkdocs_build.build(config)
    except (Abort, PluginError) as error:
        return str(error)
    return None
