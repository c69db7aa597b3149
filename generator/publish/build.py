"""Generate the site's Markdown and data from data/, and build it with MkDocs."""

from __future__ import annotations

import logging
import os
import shutil
import stat
import sys
import tempfile
import time
from pathlib import Path

from generator.data.files import Refused, kind_of, resolve_entry
from generator.data.pipeline import read_yearbook
from generator.data.problems import DataError, Problem
from generator.pages.nav import site_nav
from generator.pages.render import TEMPLATE_DIR, render_site
from generator.pages.vendor import BUNDLE_PATH, vega_bundle
from generator.pages.write import GENERATED, WriteReport, write_output
from generator.parallel import map_shares, worker_count
from generator.publish.guard import STAGING_PREFIX, project_lock, recover_site, swap_in
from generator.publish.mkdocs_shard import build_share
from generator.reuse import Reuse

# Set by `yearbook build` after it generated, so the MkDocs hook does not render everything again. It lives here,
# not in the hook: MkDocs loads the hook file as a module of its own, apart from the `generator` package.
PREGENERATED: dict[str, list] = {}
# The yearbook the last generate of a project read, for the printed volumes its build writes into the site.
GENERATED_FROM: dict[str, object] = {}


class Serving:
    """`mkdocs serve` state that must outlive one build: MkDocs loads the hook module afresh for every rebuild."""

    active = False
    reuse: dict[str, Reuse] = {}  # project folder → the results of its last generate
    problems: list[str] = []  # of the last rebuild's data, as `file:line: …`; shown by the preview until fixed


class Progress:
    """`pages done / total` on a terminal, silent when output is not a terminal (CI logs)."""

    def __init__(self, label: str, stream=None):
        self.label, self.stream = label, stream or sys.stderr
        self.enabled = self.stream.isatty() and not os.environ.get("CI")
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if self.enabled and (done == total or now - self.last > 0.1):
            self.last = now
            end = "\n" if done == total else ""
            self.stream.write(f"\r{self.label}: {done}/{total}{end}")
            self.stream.flush()


def generate(project: Path, progress=None, reuse: Reuse | None = None) -> tuple[WriteReport, list]:
    """Check the data, render every generated file and write the changed ones into docs/; returns the nav.

    `reuse` (kept by a long-lived process such as `mkdocs serve`) holds the last run's results, so that only
    the files an edit touched are read, checked, rendered and compared again.
    """
    with project_lock(project):
        return _generate(project, progress, reuse)


def _generate(project: Path, progress, reuse: Reuse | None) -> tuple[WriteReport, list]:
    yearbook = read_yearbook(project / "data", reuse)
    problems = hand_written_problems(project / "docs", project.resolve())
    if problems:
        raise DataError(problems)
    templates = _templates_stamp()
    # An edited template may change any page: then everything is rendered again.
    previous = reuse.site[:2] if reuse and reuse.site and reuse.site[2] == templates else None
    files = render_site(yearbook, previous)
    files[BUNDLE_PATH] = vega_bundle()
    report = write_output(project / "docs", files, progress, on_disk=previous[1] if previous else None)
    GENERATED_FROM[str(project)] = yearbook
    if reuse:
        reuse.site = (yearbook, files, templates)
    return report, site_nav(yearbook)


def hand_written_problems(docs: Path, project: Path) -> list[Problem]:
    """Links out of the project, FIFOs and devices among docs/'s hand-written files, which MkDocs would publish."""
    problems = []

    def refuse(path: Path, message: str) -> None:
        problems.append(Problem(path.relative_to(docs.parent).as_posix(), 1, "(file)", message))

    for folder, subfolders, names in os.walk(docs):
        base = Path(folder)
        # The generated folders are rewritten by generate (links in them removed); only hand-written files count.
        subfolders[:] = [name for name in subfolders if (base / name).relative_to(docs).as_posix() not in GENERATED]
        for name in sorted(subfolders + names):
            path = base / name
            if path.relative_to(docs).as_posix() in GENERATED:
                continue
            try:
                _, status = resolve_entry(path, project, "a regular file" if name in names else "a folder")
            except Refused as refused:
                refuse(path, refused.message)
                continue
            if not (stat.S_ISREG(status.st_mode) or stat.S_ISDIR(status.st_mode)):
                refuse(path, f"expected a regular file, found {kind_of(status.st_mode)}")
    return problems


def _templates_stamp() -> tuple:
    """Name, size and modification time of every page template."""
    return tuple(
        (path.name, path.stat().st_size, path.stat().st_mtime_ns) for path in sorted(TEMPLATE_DIR.glob("*.j2"))
    )


def build_site(project: Path, strict: bool = True, seconds: dict | None = None) -> int:
    """`mkdocs build` into a fresh folder, swapped in for site/ only when the build succeeds.

    One build at a time per project (the project lock); whatever an interrupted build left is repaired first, and
    whatever this one stages is removed however it ends. `seconds`, when given, receives the wall time of the
    MkDocs and the search-index stages.
    """
    with project_lock(project):
        recover_site(project)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=project))
        try:
            staging.chmod(0o755)  # mkdtemp's folder is private; the site is for a web server to read
            return _build_into(project, staging, strict, {} if seconds is None else seconds)
        finally:
            shutil.rmtree(staging, ignore_errors=True)


def _build_into(project: Path, staging: Path, strict: bool, seconds: dict) -> int:
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    from generator.publish.search_index import index_site

    started = time.perf_counter()
    try:
        config = load_config(str(project / "mkdocs.yml"), strict=strict, site_dir=str(staging))
    except ConfigurationError as error:
        print(f"site build failed: {error}", file=sys.stderr)
        return 1
    _show_mkdocs_warnings()
    failures = build_shares(config)
    seconds["mkdocs"] = time.perf_counter() - started
    if not failures:
        from generator.pages.volume.store import write_volumes

        started = time.perf_counter()
        write_volumes(GENERATED_FROM.get(str(project)) or read_yearbook(project / "data"), project, staging)
        seconds["volumes"] = time.perf_counter() - started
    if not failures:
        started = time.perf_counter()
        try:
            index_site(staging)
        except RuntimeError as error:
            failures.append(str(error))
        seconds["search index"] = time.perf_counter() - started
    if failures:
        print(f"site build failed: {failures[0]}", file=sys.stderr)
        return 1
    swap_in(staging, project / "site")
    return 0


def build_shares(config) -> list[str]:
    """MkDocs into config.site_dir, one share of the pages per CPU; the reasons of the shares that failed."""
    pages = sum(1 for path in Path(config.docs_dir).rglob("*.md"))
    shares = worker_count() if pages >= _PAGES_PER_WORKER else 1
    # Each share is a whole MkDocs build that renders only its pages (see mkdocs_shard.py); the search index
    # is made afterwards, once, from all of them.
    return [error for error in map_shares(lambda index: build_share(config, index, shares), shares) if error]


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
