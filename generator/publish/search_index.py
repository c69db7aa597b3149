"""The site's search: two Pagefind indexes (extended build, Chinese segmentation) fed one page's article at a time.

The first, `pagefind/`, holds the yearbook's own pages (parks, their years, indicators, listings): what a reader's
first search loads. The second, `pagefind-text/`, holds the archived reports' full text, 50 MB at 178 parks × 20
years; the search box searches it when the reader asks, or when the first finds nothing. In one index, a first
search at that scale fetched 490 kB, mostly the index chunks of words every report repeats (区, 工业, 以上); the
reports' quoted passages are still found in the first, on the year pages that cite them.

Pagefind's command line reads every page of the site at once. Its indexing service (`pagefind --service`, what its
Python and Node APIs drive) takes one page at a time instead: each page's article alone is sent. Pagefind holds an
index whole while it writes it, so each is built by its own service, one after the other; and the full text is
split into parts of at most REPORTS_PER_PART reports (`pagefind-text/`, `pagefind-text-2/`, …), which the search
box merges into one search (Pagefind's mergeIndex): in one index, the 3,560 reports at 178 × 20 took 2.6 GB while
it was written, the build's peak (bench/memory.py).
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import tempfile
import zlib
from pathlib import Path

from generator.parallel import die_with_parent

SEARCH_DIR = "pagefind"  # the yearbook's pages
FULL_TEXT_DIR = "pagefind-text"  # the reports' full text: its first part, and the list of the others
FULL_TEXT_PARTS = "parts.json"  # in FULL_TEXT_DIR: the folders of the other parts, which the search box merges in
# Pagefind's memory while it writes an index grows with the words it holds: 3,560 reports took 2.6 GB in one index.
REPORTS_PER_PART = 1200
REPORT_BODY = '<div class="yb-source">'  # a report page's archived text (generator/pages/render.py, _source_body)
# Pagefind's own service options (its PagefindIndex config): the article, without what a reader does not search.
# Left out as well, because each repeats what is indexed where a result should open: the data tables under the
# charts (`details`: the figures of the page's own tables), and a year page's footnotes (each quote is found on its
# report's page, at its passage), and a target's value and actual figure (its text says the value, the year's
# indicators the actual). And the words every page of a kind repeats: a chart's key, table headers, a target's
# status and its 原文 link, a year page's line of region, province and city (its park page has them).
# Every word indexed is fetched again by every search that loads its chunk, and at 3,560 year pages a line of
# boilerplate weighs on the chunks of common words (以上, 数据, 年份).
PAGEFIND_CONFIG = {
    "root_selector": "article",
    "exclude_selectors": [
        ".headerlink", ".md-source-file", ".yb-chart", ".footnote-backref", ".footnote-ref", ".yb-pnum",
        "details", ".footnote", ".yb-chart-key", "thead", ".yb-status", ".yb-target-text a", ".yb-target-value",
        ".yb-park-line",
    ],
    "force_language": "zh",
}  # fmt: skip


def index_site(site_dir: Path, store: Path | None = None) -> None:
    """Index the built site's articles: the yearbook's pages into site/pagefind/, the reports into
    site/pagefind-text/ and, past REPORTS_PER_PART reports, pagefind-text-2/ … (each chunked, so readers fetch only
    what a query needs), the first part's parts.json naming the others.

    With a `store` folder, each index is kept there under the hash of what it is made from (every page's path and
    article, Pagefind's version and options), and copied from there when that is unchanged: the reports' full text,
    the larger of the two, is indexed again only when a report page changed (each part of it, when one of its own
    reports did)."""
    pages = sorted(path.relative_to(site_dir) for path in site_dir.rglob("*.html"))
    pages = [page for page in pages if not _index_folder(page.parts[0])]
    report_pages = []
    yearbook = hashlib.sha256(_INDEX_VERSION)
    report_articles: dict[Path, bytes] = {}  # each report's hash: a part's key is made of those of its reports
    for page in pages:
        article = _article((site_dir / page).read_text(encoding="utf-8"))
        record = f"{page.as_posix()}\0{len(article)}\0".encode() + article.encode("utf-8")
        if REPORT_BODY in article:
            report_pages.append(page)
            report_articles[page] = hashlib.sha256(record).digest()
        else:
            yearbook.update(record)
    report_set = set(report_pages)
    _stored_index(site_dir, SEARCH_DIR, yearbook.hexdigest(), store, [p for p in pages if p not in report_set])
    parts = _full_text_parts(report_pages)
    for folder, part_pages in parts.items():
        digest = hashlib.sha256(_INDEX_VERSION + f"{folder}\0{len(parts)}".encode())
        for page in part_pages:
            digest.update(report_articles[page])
        _stored_index(site_dir, folder, digest.hexdigest(), store, part_pages)
    for stale in site_dir.glob(f"{FULL_TEXT_DIR}-*"):  # an earlier build's parts beyond today's
        if _index_folder(stale.name) and stale.name not in parts:
            shutil.rmtree(stale)
    others = [f"{folder}/" for folder in parts if folder != FULL_TEXT_DIR]
    (site_dir / FULL_TEXT_DIR / FULL_TEXT_PARTS).write_text(json.dumps(others) + "\n", encoding="utf-8")


def _index_folder(name: str) -> bool:
    """Whether a folder at the site's root is one of the search indexes (not pages to index)."""
    return name == SEARCH_DIR or re.fullmatch(rf"{FULL_TEXT_DIR}(-\d+)?", name) is not None


def _full_text_parts(report_pages: list[Path]) -> dict[str, list[Path]]:
    """The reports shared among parts of at most about REPORTS_PER_PART each, by a hash of their path (a report
    stays in its part while the number of parts stays the same), each part's folder with its reports in order."""
    count = max(1, math.ceil(len(report_pages) / REPORTS_PER_PART))
    folders = [FULL_TEXT_DIR] + [f"{FULL_TEXT_DIR}-{number}" for number in range(2, count + 1)]
    parts: dict[str, list[Path]] = {folder: [] for folder in folders}
    for page in report_pages:
        parts[folders[zlib.crc32(page.as_posix().encode("utf-8")) % count]].append(page)
    return parts


def _stored_index(site_dir: Path, name: str, key: str, store: Path | None, pages: list[Path]) -> None:
    """site_dir/name: the index of `pages` copied from the store when it holds one under `key`, else built (and
    kept there, beside at most one older index of the same name)."""
    output = site_dir / name
    kept = store / f"{name}-{key}" if store is not None else None
    if kept is not None and (kept / _COMPLETE).is_file():
        shutil.rmtree(output, ignore_errors=True)
        shutil.copytree(kept, output, ignore=shutil.ignore_patterns(_COMPLETE))
        return
    with _Index(output) as index:
        for page in pages:
            article = _article((site_dir / page).read_text(encoding="utf-8"))
            if article:  # a page without an article (a redirect) has nothing to find
                index.add(page, article)
    if kept is not None:
        _keep(output, kept)


def _keep(output: Path, kept: Path) -> None:
    """Copy a fresh index into the store (whole or not at all: the mark is written last), dropping older ones."""
    with contextlib.suppress(OSError):
        kept.parent.mkdir(parents=True, exist_ok=True)
        name = kept.name.rsplit("-", 1)[0]
        # This index's own older copies only: `pagefind-*` would take in `pagefind-text-*`, and `pagefind-text-*`
        # the other parts.
        same = [path for path in kept.parent.iterdir() if re.fullmatch(rf"{re.escape(name)}-[0-9a-f]{{64}}", path.name)]
        for older in sorted(same, key=lambda path: path.stat().st_mtime)[:-1]:
            shutil.rmtree(older, ignore_errors=True)  # one older index stays, for a change undone
        partial = kept.with_name(kept.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        shutil.copytree(output, partial)
        (partial / _COMPLETE).write_text("complete\n", encoding="utf-8")
        shutil.rmtree(kept, ignore_errors=True)
        partial.rename(kept)


class _Index:
    """One Pagefind index written into `output` when the block ends (its own service: one index in memory)."""

    def __init__(self, output: Path) -> None:
        self._output = output

    def __enter__(self) -> _Index:
        shutil.rmtree(self._output, ignore_errors=True)  # Pagefind adds its files beside an earlier index's
        self._service = PagefindService().__enter__()
        self._id = self._service.call({"type": "NewIndex", "config": PAGEFIND_CONFIG})["index_id"]
        return self

    def add(self, page: Path, article: str) -> None:
        """Index one page (its path under the site) by its article."""
        self._service.call(
            {"type": "AddFile", "index_id": self._id, "file_path": page.as_posix(), "file_contents": article}
        )

    def __exit__(self, exc_type, *exc_info) -> None:
        try:
            if exc_type is None:
                # The index's files are written here from Pagefind's answer, not by Pagefind (WriteFiles): the service
                # answered that before its own writes were done, and ending it then left files cut short (a build's
                # pagefind-ui.js of 65536 bytes of 119987, and every search on that site failed).
                files = self._service.call({"type": "GetFiles", "index_id": self._id})["files"]
                _write_files(self._output, files)
        finally:
            self._service.__exit__(exc_type, *exc_info)


def _write_files(output: Path, files: list[dict]) -> None:
    """Write an index's files (each a path under `output` and its content in base64), whole, each before the next."""
    root = output.resolve()
    for file in files:
        target = (output / file["path"]).resolve()
        if root not in target.parents:
            raise RuntimeError(f"pagefind failed: a file outside the index folder ({file['path']})")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(base64.b64decode(file["content"]))


def _pagefind_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("pagefind")
    except PackageNotFoundError:
        return "unknown"


# What an index is made by, beside its pages: Pagefind's version and the options it is given.
_INDEX_VERSION = json.dumps([_pagefind_version(), PAGEFIND_CONFIG], sort_keys=True).encode("utf-8")
_COMPLETE = ".complete"  # written last into a stored index: one without it was cut short and is not used


def _article(html: str) -> str:
    """The page's <article> element in a bare document: all Pagefind reads of it (the root selector), a third of
    a park-year page's bytes (the navigation and the header stay behind); its ids as empty markers."""
    start, end = html.find("<article"), html.rfind("</article>")
    if start < 0 or end < start:
        return ""
    return "<!DOCTYPE html><html><body>" + _ids_as_markers(html[start : end + len("</article>")]) + "</body></html>"


# The start tag of an element with an id that may hold a <span> (not a heading, nor a table's rows or a list itself).
_ID_ELEMENT = re.compile(
    r'<(p|mark|li|div|td|th|sup|a|dd|dt|blockquote|figure|details|section)\b([^>]*?)\sid="([^"]*)"([^>]*)>'
)


def _ids_as_markers(article: str) -> str:
    """The article with each id (but a heading's) on an empty <span> at the start of its element.

    Pagefind keeps, for every element with an id, its id, where it starts among the page's words, and its whole
    text: a report's paragraphs (#p4) and quoted passages (#q-…) stored their text a second time in each result's
    fragment (a third of the full text's fragment bytes at 178 × 20). The search box opens a result at the id
    before its best word (docs/assets/yearbook-search.js), which an empty marker at the same place gives the same; a
    heading keeps its text, which Pagefind shows as a sub-result."""
    return _ID_ELEMENT.sub(r'<\1\2\4><span id="\3"></span>', article)


class PagefindService:
    """Pagefind's indexing service in a child process, one request answered at a time.

    The `pagefind` package's asynchronous client reads one answer per tenth of a second (a sleep in its polling
    loop), so thousands of pages would take as many tenths; this client speaks the same protocol (base64 JSON
    messages, each followed by a comma) and reads each answer as soon as it is written."""

    def __init__(self) -> None:
        from pagefind.service import get_executable  # the extended binary, as `python -m pagefind` runs it

        executable = get_executable()
        if executable is None:
            raise RuntimeError("pagefind failed: no Pagefind binary installed (pagefind[extended] in pyproject.toml)")
        self._command = [str(executable), "--service"]
        self._process: subprocess.Popen | None = None
        self._message = 0
        self._pending = b""

    def __enter__(self) -> PagefindService:
        parent = os.getpid()
        self._errors = tempfile.TemporaryFile()  # not a pipe: nobody reads it until the end, so it must not fill
        self._process = subprocess.Popen(
            self._command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._errors,
            preexec_fn=lambda: die_with_parent(parent),
        )
        return self

    def __exit__(self, *exc_info) -> None:
        process = self._process
        if process is None:
            return
        with contextlib.suppress(BrokenPipeError):  # the service may have ended already
            process.stdin.close()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
        self._errors.close()
        self._process = None

    def call(self, payload: dict) -> dict:
        """Send one request and return its answer's payload; a RuntimeError with Pagefind's message on failure."""
        process = self._process
        self._message += 1
        message = json.dumps({"message_id": self._message, "payload": payload}).encode("utf-8")
        try:
            process.stdin.write(base64.b64encode(message) + b",")
            process.stdin.flush()
        except BrokenPipeError:
            raise RuntimeError(f"pagefind failed: {self._stderr()}") from None
        answer = self._read_answer()
        if answer is None:
            raise RuntimeError(f"pagefind failed: {self._stderr()}")
        result = answer.get("payload") or {}
        if result.get("type") == "Error":
            raise RuntimeError(f"pagefind failed: {result.get('message')}")
        return result

    def _read_answer(self) -> dict | None:
        """The next answer (base64 JSON up to a comma), or None when the service has ended. Read in chunks of what
        the pipe holds: an index's files come back in one answer, megabytes long."""
        buffer = bytearray(self._pending)
        stdout = self._process.stdout
        while (end := buffer.find(b",")) < 0:
            chunk = stdout.read1(1 << 16)
            if not chunk:
                return None
            buffer += chunk
        self._pending = bytes(buffer[end + 1 :])  # the start of a next answer, if the service wrote one already
        return json.loads(base64.b64decode(bytes(buffer[:end])))

    def _stderr(self) -> str:
        """What the service said before it ended (its exit status if nothing)."""
        process = self._process
        with contextlib.suppress(BrokenPipeError):
            process.stdin.close()
        status = process.wait()
        self._errors.seek(0)
        said = self._errors.read().decode("utf-8", "replace").strip()
        return said or f"the indexing service ended with status {status}"
