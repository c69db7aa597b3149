"""Build the site with MkDocs from the generated pages: into a fresh folder swapped in for site/, in shares."""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

from generator.parallel import map_shares, worker_count
from generator.publish.built_pages import BuiltPages, built_pages
from generator.publish.guard import STAGING_PREFIX, project_lock, recover_site, swap_in
from generator.publish.mkdocs_shard import Share, build_share
from generator.publish.plugin import yearbook_plugin


def build_site(
    project: Path, nav: list, yearbook, strict: bool = True, seconds: dict | None = None, cache: bool = True
) -> int:
    """`mkdocs build` of the pages just generated (`nav` their menu, from `yearbook`) and the yearbook's printed
    volumes into a fresh folder, swapped in for site/ only when the build succeeds.

    One build at a time per project (the project lock); whatever an interrupted build left is repaired first, and
    whatever this one stages is removed however it ends. `seconds`, when given, receives the wall time of the
    MkDocs and the search-index stages. Pages built before from the same inputs are taken from .cache/pages/
    unless `cache` is False (generator/publish/built_pages.py).
    """
    with project_lock(project):
        recover_site(project)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=project))
        try:
            staging.chmod(0o755)  # mkdtemp's folder is private; the site is for a web server to read
            return _build_into(project, nav, yearbook, staging, strict, {} if seconds is None else seconds, cache)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _build_into(project: Path, nav: list, yearbook, staging: Path, strict: bool, seconds: dict, cache: bool) -> int:
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    from generator.publish.search_index import index_site

    started = time.perf_counter()
    try:
        config = load_config(str(project / "mkdocs.yml"), strict=strict, site_dir=str(staging))
        plugin = yearbook_plugin(config)
    except ConfigurationError as error:
        print(f"site build failed: {error}", file=sys.stderr)
        return 1
    plugin.configure(nav=nav, index_search=False)  # generated already; the search index is made once, below
    _show_mkdocs_warnings()
    failures = build_shares(config, built_pages(config, nav, refused=not cache))
    seconds["mkdocs"] = time.perf_counter() - started
    if not failures:
        from generator.pages.volume.store import write_volumes

        started = time.perf_counter()
        write_volumes(yearbook, project, staging)
        seconds["volumes"] = time.perf_counter() - started
    if not failures:
        started = time.perf_counter()
        try:
            index_site(staging, project / ".cache" / "search")
        except RuntimeError as error:
            failures.append(str(error))
        seconds["search index"] = time.perf_counter() - started
    if failures:
        print(f"site build failed: {failures[0]}", file=sys.stderr)
        return 1
    swap_in(staging, project / "site")
    return 0


def build_shares(config, kept: BuiltPages | None = None) -> list[str]:
    """MkDocs into config.site_dir, one share of the pages per CPU, the pages `kept` holds written from there; the
    reasons of the shares that failed."""
    pages = sum(1 for path in Path(config.docs_dir).rglob("*.md"))
    shares = worker_count() if pages >= _PAGES_PER_WORKER else 1
    plugin = yearbook_plugin(config)

    def build(index: int) -> str | None:
        # Each share is a whole MkDocs build that renders only its pages (see mkdocs_shard.py); the search index
        # is made afterwards, once, from all of them. A share's plugin (in its own process) counts only its pages.
        plugin.share = Share(index, shares) if shares > 1 else None
        return build_share(config, plugin.share, kept)

    return [error for error in map_shares(build, shares) if error]


_PAGES_PER_WORKER = 400  # below this, a second MkDocs process costs more than it saves


class _StderrHandler(logging.StreamHandler):
    """Writes to the sys.stderr of the moment (a test may have replaced the one there was when it was added)."""

    @property
    def stream(self):
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


def _not_a_page_failure(record: logging.LogRecord) -> bool:
    # MkDocs logs a page that failed to build, then raises the error again; that error is reported, in one line.
    return not record.getMessage().startswith("Error building page")


def _show_mkdocs_warnings() -> None:
    """Print MkDocs' warnings (which --strict turns into a failure) as `WARNING: …` lines on stderr."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(handler, "yearbook", False) for handler in logger.handlers):
        handler = _StderrHandler()
        handler.setLevel(logging.WARNING)
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        handler.addFilter(_not_a_page_failure)
        handler.yearbook = True
        logger.addHandler(handler)
