"""The HTML MkDocs built for each page, kept between builds in .cache/pages/ and keyed by everything it is made
from, so a build converts and renders only the pages whose Markdown, menu or theme changed.

A page's HTML is made from its own Markdown file, the site's menu (every park's and indicator's name, the few
pages the menu names by their heading), mkdocs.yml and the address it reads from the environment, the theme
overrides, the generator's code and the pinned packages (generator.cache.generator_version). The key of a page
holds all of them: a changed park name changes the menu, so every page is built again; an edited value changes
only the pages that show it. One file per page, which each build of the page overwrites: the folder holds at most
one entry per page ever built. `--no-cache` and YEARBOOK_NO_CACHE turn it off like the rest of the cache.
"""

from __future__ import annotations

import os
import zlib
from pathlib import Path

from generator.cache import digest, enabled, generator_version

FOLDER = Path(".cache") / "pages"
_KEY_LENGTH = 64  # a sha256 in hex, written before the compressed HTML


class BuiltPages:
    """The kept HTML of a site's pages, under `folder`, for builds whose menu, configuration and theme hash to
    `context`."""

    def __init__(self, folder: Path, context: str):
        self.folder, self.context = folder, context

    def key(self, src_uri: str, markdown: bytes) -> str:
        """The key of a page: where it is, its Markdown file's bytes, and the context of the whole build."""
        return digest(self.context, src_uri, markdown)

    def _path(self, src_uri: str) -> Path:
        return self.folder / (src_uri + ".html.z")

    def recall(self, src_uri: str, key: str) -> bytes | None:
        """The HTML kept for the page under `key`, or None (none kept, another key, or an unreadable entry)."""
        try:
            data = self._path(src_uri).read_bytes()
            if data[:_KEY_LENGTH].decode("ascii") != key:
                return None
            return zlib.decompress(data[_KEY_LENGTH:])
        except (OSError, UnicodeDecodeError, zlib.error):
            return None

    def remember(self, src_uri: str, key: str, html: bytes) -> None:
        """Keep the page's HTML under `key`, replacing whatever was kept for it (written whole or not at all)."""
        path = self._path(src_uri)
        temporary = path.with_name(f".{path.name}.{os.getpid()}")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_bytes(key.encode("ascii") + zlib.compress(html, 6))
            os.replace(temporary, path)
        except OSError:
            temporary.unlink(missing_ok=True)  # a full disk or a read-only folder: the build goes on without it


def built_pages(config, nav: list, refused: bool = False) -> BuiltPages | None:
    """The kept pages of the project whose MkDocs `config` and generated `nav` this build uses; None when the
    cache is off."""
    if not enabled(refused):
        return None
    config_file = Path(config.config_file_path)
    project, docs = config_file.parent, Path(config.docs_dir)
    # mkdocs.yml as read, with what it takes from the environment (site_url: !ENV YEARBOOK_SITE_URL).
    parts: list[str | bytes] = [generator_version(), config_file.read_bytes(), str(config.site_url), repr(nav)]
    overrides = config.theme.custom_dir
    for path in sorted(Path(overrides).rglob("*")) if overrides else ():
        if path.is_file():
            parts += [path.relative_to(overrides).as_posix(), path.read_bytes()]
    # Pages the menu names by their own heading, not by a title of its own (关于: about.md, guide.md, the indexes).
    for src_uri in sorted(_untitled(nav)):
        source = docs / src_uri
        parts += [src_uri, source.read_bytes() if source.is_file() else b""]
    return BuiltPages(project / FOLDER, digest(*parts))


def _untitled(nav) -> set[str]:
    """The pages a MkDocs `nav` lists without a title."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, list):
        return set().union(*(_untitled(item) for item in nav)) if nav else set()
    if isinstance(nav, dict):
        return set().union(*(_untitled(value) for value in nav.values() if not isinstance(value, str)))
    return set()
