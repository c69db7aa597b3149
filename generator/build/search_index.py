"""The site's search index: one Pagefind index (extended build, Chinese segmentation) of every page's article.

Pagefind's command line reads every page of the site at once. Its indexing service (`pagefind --service`, what its
Python and Node APIs drive) takes one page at a time instead: each page's article alone is sent and indexed, and
readers' browsers load one index, not a set of parts to merge (a part lacking a query's word answered with the
word's prefix). Pagefind still holds the whole index while it writes it: the build's peak memory at 178 parks ×
20 years is 3.6 GB (bench/run.py), against 1.6 GB when the site was indexed in four parts.
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from generator.parallel import die_with_parent

SEARCH_DIR = "pagefind"
# Pagefind's own service options (its PagefindIndex config): the article, without what a reader does not search.
# Left out as well, because each repeats what is indexed where a result should open: the data tables under the
# charts (`details`: the figures of the page's own tables), and a year page's footnotes (each quote is found on its
# report's page, at its passage). Every word indexed is fetched again by every search that loads its chunk.
PAGEFIND_CONFIG = {
    "root_selector": "article",
    "exclude_selectors": [
        ".headerlink", ".md-source-file", ".yb-chart", ".footnote-backref", ".footnote-ref", ".yb-pnum",
        "details", ".footnote",
    ],
    "force_language": "zh",
}  # fmt: skip


def index_site(site_dir: Path) -> None:
    """Index the built site's article bodies into site/pagefind/ (chunked, so readers fetch only what they need)."""
    pages = sorted(path.relative_to(site_dir) for path in site_dir.rglob("*.html"))
    pages = [page for page in pages if page.parts[0] != SEARCH_DIR]
    output = site_dir / SEARCH_DIR
    shutil.rmtree(output, ignore_errors=True)  # Pagefind adds its files beside an earlier index's, never removes
    with PagefindService() as service:
        index = service.call({"type": "NewIndex", "config": PAGEFIND_CONFIG})["index_id"]
        for page in pages:
            article = _article((site_dir / page).read_text(encoding="utf-8"))
            if article:  # a page without an article (a redirect) has nothing to find
                service.call(
                    {"type": "AddFile", "index_id": index, "file_path": page.as_posix(), "file_contents": article}
                )
        service.call({"type": "WriteFiles", "index_id": index, "output_path": str(output)})


def _article(html: str) -> str:
    """The page's <article> element in a bare document: all Pagefind reads of it (the root selector), a third of
    a park-year page's bytes (the navigation and the header stay behind)."""
    start, end = html.find("<article"), html.rfind("</article>")
    if start < 0 or end < start:
        return ""
    return "<!DOCTYPE html><html><body>" + html[start : end + len("</article>")] + "</body></html>"


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
        """The next answer (base64 JSON up to a comma), or None when the service has ended."""
        buffer = bytearray()
        stdout = self._process.stdout
        while True:
            byte = stdout.read(1)
            if not byte:
                return None
            if byte == b",":
                return json.loads(base64.b64decode(bytes(buffer)))
            buffer += byte

    def _stderr(self) -> str:
        """What the service said before it ended (its exit status if nothing)."""
        process = self._process
        with contextlib.suppress(BrokenPipeError):
            process.stdin.close()
        status = process.wait()
        self._errors.seek(0)
        said = self._errors.read().decode("utf-8", "replace").strip()
        return said or f"the indexing service ended with status {status}"
