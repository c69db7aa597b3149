"""One share of a MkDocs build: the whole site's navigation, but only this share's pages read and rendered.

MkDocs renders pages one after another in one process; on a machine with several CPUs, `yearbook build` runs
one share per CPU into the same folder. Every share builds the full navigation (a page's menu needs every
title, which the generated nav gives), reads and renders only the pages whose path falls in it, and the first
share alone writes the static files and theme pages. MkDocs is pinned (pyproject.toml), so the two functions
wrapped here do not move under us.
"""

from __future__ import annotations

import os
import zlib

SHARE_VARIABLE = "YEARBOOK_BUILD_SHARE"  # "index/shares" inside a share; the hook leaves search to the parent


def share_of(src_uri: str, shares: int) -> int:
    """The share a page belongs to: stable across runs and even enough over thousands of pages."""
    return zlib.crc32(src_uri.encode("utf-8")) % shares


def current_share() -> tuple[int, int] | None:
    """(index, shares) when this process builds one share of the site, else None."""
    value = os.environ.get(SHARE_VARIABLE, "")
    index, _, shares = value.partition("/")
    return (int(index), int(shares)) if index.isdigit() and shares.isdigit() else None


def build_share(config, index: int, shares: int) -> str | None:
    """Build share `index` of `shares` with MkDocs; None on success, else the reason it failed."""
    import mkdocs.commands.build as mkdocs_build
    from mkdocs.exceptions import Abort, PluginError
    from mkdocs.structure.files import Files

    if shares > 1:
        os.environ[SHARE_VARIABLE] = f"{index}/{shares}"
        populate, render = mkdocs_build._populate_page, mkdocs_build._build_page

        def populate_mine(page, config, *args, **kwargs):
            if share_of(page.file.src_uri, shares) == index:
                populate(page, config, *args, **kwargs)
            else:
                page.read_source(config)  # its title, for the menus and page footers of this share's pages

        def render_mine(page, *args, **kwargs):
            if share_of(page.file.src_uri, shares) == index:
                render(page, *args, **kwargs)

        mkdocs_build._populate_page, mkdocs_build._build_page = populate_mine, render_mine
        if index:
            mkdocs_build._build_theme_template = lambda *args, **kwargs: None
            Files.copy_static_files = lambda self, *args, **kwargs: None
    try:
        mkdocs_build.build(config)
    except (Abort, PluginError) as error:
        return str(error)
    return None
