"""MkDocs hook: run the generator before every build, so `mkdocs serve` reloads on data edits."""

from __future__ import annotations

import gc
import logging
import re
import secrets
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from generator.data.problems import DataError
from generator.pages.write import GENERATED
from generator.publish.build import PREGENERATED, Progress, Serving, generate
from generator.publish.mkdocs_shard import current_share, share_of
from generator.publish.search_index import index_site
from generator.reuse import Reuse

_PAGES = {"done": 0, "total": 0, "progress": None}
_LOG = logging.getLogger("mkdocs.yearbook")


def _project(config: MkDocsConfig) -> str:
    return str(Path(config.config_file_path).resolve().parent)


def on_startup(command: str, dirty: bool) -> None:
    """Under `mkdocs serve`, keep each generate's results for the next (reloads redo only what an edit touched)."""
    Serving.active = Serving.active or command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Generate pages and data into docs/ and install the yearbook's navigation."""
    project = _project(config)
    nav = PREGENERATED.get(project)
    if nav is None:
        reuse = Serving.reuse.setdefault(project, Reuse()) if Serving.active else None
        previous_nav = reuse.nav if reuse else None
        started = time.perf_counter()
        try:
            report, nav = generate(Path(project), reuse=reuse)
        except DataError as error:
            Serving.problems = [str(problem) for problem in error.problems]
            lines = "\n".join(Serving.problems)
            raise PluginError(f"the yearbook's data has {len(error.problems)} problem(s):\n{lines}") from None
        Serving.problems = []
        if reuse is not None:
            # The kept results are millions of long-lived objects: out of the cycle collector's full passes,
            # which would otherwise walk them all, for a second or more, during every rebuild.
            gc.freeze()
            reuse.nav = nav
            written = len(report.written) + len(report.removed)
            _LOG.info(f"Yearbook regenerated in {time.perf_counter() - started:.2f} seconds ({written} files changed)")
            if previous_nav is not None and previous_nav != nav:
                _mark_all_pages_changed(Path(config.docs_dir))
    config.nav = nav
    return config


def _mark_all_pages_changed(docs: Path) -> None:
    """A `serve --dirty` rebuild renders only pages newer than their HTML: a changed menu must reach them all."""
    for root in GENERATED:
        for page in (docs / root).rglob("*.md") if (docs / root).is_dir() else []:
            page.touch()


def on_files(files, config: MkDocsConfig):
    """Count the pages to build, for the progress line (shown by the first share of a parallel build)."""
    share = current_share()
    pages = [f for f in files if f.is_documentation_page()]
    if share:
        pages = [f for f in pages if share_of(f.src_uri, share[1]) == share[0]]
    progress = Progress("build" if not share else f"build (1 of {share[1]} processes)")
    _PAGES.update(done=0, total=len(pages), progress=progress if not share or share[0] == 0 else None)
    return files


# Generated pages carry large finished HTML (a report's text) between these markers. It is set aside before
# Markdown runs and put back after: Markdown would only re-parse it, which costs more than the rest of the page.
_RAW_BLOCK = re.compile(r"^<!-- yb:raw -->\n(.*?)\n<!-- /yb:raw -->$", re.DOTALL | re.MULTILINE)
_SET_ASIDE: dict[str, list[str]] = {}
# The placeholders carry a secret of this process, so no text of the data (which reaches the same Markdown) can
# name one: data text reading `YB-RAW-BLOCK-0` stays text instead of pulling a block in or breaking the build.
_PLACEHOLDER = f"YB-RAW-BLOCK-{secrets.token_hex(12)}-"
_PLACED = re.compile(rf"<p>{_PLACEHOLDER}(\d+)</p>")


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files) -> str:
    """Set finished HTML blocks aside, leaving a placeholder paragraph for each."""
    blocks: list[str] = []

    def set_aside(match: re.Match) -> str:
        blocks.append(match.group(1))
        return f"{_PLACEHOLDER}{len(blocks) - 1}"

    markdown = _RAW_BLOCK.sub(set_aside, markdown)
    if blocks:
        _SET_ASIDE[page.file.src_uri] = blocks
    return markdown


def on_page_content(html: str, page, config: MkDocsConfig, files) -> str:
    """Put the finished HTML blocks back where their placeholders stand."""
    blocks = _SET_ASIDE.pop(page.file.src_uri, None)
    if not blocks:
        return html
    if page.present_anchor_ids is not None:  # MkDocs checks links to #anchors against the ids it saw
        for block in blocks:
            page.present_anchor_ids.update(re.findall(r'\bid="([^"]+)"', block))
    unused = set(range(len(blocks)))

    def put_back(match: re.Match) -> str:
        index = int(match.group(1))
        if index not in unused:  # each block goes back once, where its own placeholder stands
            return match.group(0)
        unused.discard(index)
        return blocks[index]

    return _PLACED.sub(put_back, html)


# Elements whose whitespace shows (or, for scripts, may matter); everything else renders a run of whitespace
# as one space, so the theme's indentation at the start of a line can go (about a tenth of a page's bytes).
_KEEP_WHITESPACE = re.compile(r"(<(pre|textarea|script)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)
_INDENTATION = re.compile(r"\n[ \t]+")


def without_indentation(html: str) -> str:
    """The page with every line's leading spaces removed, except inside <pre>, <textarea> and <script>."""
    pieces = _KEEP_WHITESPACE.split(html)
    # split() yields text, element, tag name, text, element, tag name, …: only the text pieces change.
    for index in range(0, len(pieces), 3):
        pieces[index] = _INDENTATION.sub("\n", pieces[index])
    return "".join(piece for index, piece in enumerate(pieces) if index % 3 != 2)


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    """Drop the indentation; show `pages done / total` on a terminal (silent in CI logs)."""
    _PAGES["done"] += 1
    if _PAGES["progress"]:
        _PAGES["progress"](_PAGES["done"], _PAGES["total"])
    return without_indentation(output)


def on_post_build(config: MkDocsConfig) -> None:
    """Index the built pages for search (not under `mkdocs serve`: reloads stay fast)."""
    if Serving.active or current_share():  # a parallel build indexes once, after every share
        return
    try:
        index_site(Path(config.site_dir))
    except RuntimeError as error:
        raise PluginError(str(error)) from None
