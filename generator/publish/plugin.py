"""The yearbook's MkDocs plugin: runs the generator before every build, so `mkdocs serve` reloads on data edits.

Registered as the `yearbook` entry point of `mkdocs.plugins` (pyproject.toml) and listed under `plugins:` in
mkdocs.yml. As with Material's own plugins, its state lives on the instance: MkDocs keeps one instance per process
(a plugin with `on_startup` is not made afresh for each rebuild of `mkdocs serve`), and whoever runs MkDocs for the
yearbook (`yearbook build`, `yearbook serve`) says what it wants through `configure` on the config it loaded.
"""

from __future__ import annotations

import gc
import logging
import re
import secrets
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError, PluginError
from mkdocs.plugins import BasePlugin
from pathspec.gitignore import GitIgnoreSpec

from generator.data.problems import DataError
from generator.pages.kinds import off_menu_patterns
from generator.pages.write import GENERATED, WriteReport
from generator.publish.generate import generate
from generator.publish.mkdocs_shard import Share
from generator.publish.progress import Progress
from generator.publish.search_index import index_site
from generator.reuse import Reuse

NAME = "yearbook"  # the plugin's entry point (pyproject.toml) and its name under `plugins:` in mkdocs.yml
_LOG = logging.getLogger("mkdocs.yearbook")


class Preview:
    """What a live preview keeps from one rebuild to the next, for one project: the last generate's results (so an
    edit redoes only what it touched), the menu it gave, and the data's problems (shown over every page)."""

    def __init__(self, project: Path):
        self.project = project
        self.reuse = Reuse()
        self.nav: list | None = None
        self.problems: list[str] = []  # of the last rebuild's data, as `file:line: …`; empty once they are fixed

    def regenerate(self, progress=None) -> tuple[WriteReport, list, bool]:
        """Generate what changed since the last rebuild: (what was written, the nav, whether the nav changed).

        Raises DataError when the data has problems, which stay in `problems` until a rebuild succeeds.
        """
        try:
            report, nav, _ = generate(self.project, progress, reuse=self.reuse)
        except DataError as error:
            self.problems = [str(problem) for problem in error.problems]
            raise
        self.problems = []
        # The kept results are millions of long-lived objects: out of the cycle collector's full passes,
        # which would otherwise walk them all, for a second or more, during every rebuild.
        gc.freeze()
        changed = self.nav is not None and self.nav != nav
        self.nav = nav
        return report, nav, changed


def yearbook_plugin(config: MkDocsConfig) -> YearbookPlugin:
    """The yearbook's plugin in a loaded config; a ConfigurationError when mkdocs.yml does not list it."""
    plugin = config.plugins.get(NAME)
    if not isinstance(plugin, YearbookPlugin):
        raise ConfigurationError(f"{config.config_file_path}: plugins: expected {NAME}, found it missing")
    return plugin


class YearbookPlugin(BasePlugin):
    """Generates the pages before MkDocs reads them, installs their menu (and which pages it leaves out), keeps big
    finished HTML out of Markdown, drops the theme's indentation, shows progress and indexes the built site for
    search."""

    def __init__(self) -> None:
        super().__init__()
        self.is_serve = False  # under `mkdocs serve` (on_startup): generate with a Preview kept between rebuilds
        self.preview: Preview | None = None
        self.pregenerated: list | None = None  # the menu of pages the caller has just generated, for the next build
        self.index_search = True  # False when the caller indexes the built site itself, and under a preview
        self.share: Share | None = None  # set in a process that builds one share of the site
        self.set_aside: dict[str, list[str]] = {}  # page → its finished HTML blocks, between Markdown and HTML
        self.pages_done = self.pages_total = 0
        self.progress: Progress | None = None

    def configure(self, nav: list | None = None, preview: Preview | None = None, index_search: bool = True) -> None:
        """Say what the next build is: the `nav` of pages the caller has just generated (None: generate them), the
        `preview` whose results the rebuilds reuse, whether to index the built site for search. Whoever runs MkDocs
        for the yearbook calls it on every config it loads."""
        self.pregenerated, self.preview, self.share = nav, preview, None
        self.is_serve = preview is not None
        self.index_search = index_search and preview is None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Under `mkdocs serve`, keep each generate's results for the next (reloads redo only what an edit touched):
        in the Preview the caller configured, else in one made at the first build. Any other command keeps nothing."""
        if command != "serve":
            self.configure()
        self.is_serve = command == "serve"
        self.index_search = not self.is_serve

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        """Generate pages and data into docs/ (unless the caller has) and install the yearbook's navigation."""
        project = Path(config.config_file_path).resolve().parent
        nav, self.pregenerated = self.pregenerated, None  # the caller's pages serve one build
        if nav is None:
            if self.is_serve and self.preview is None:
                self.preview = Preview(project)
            nav = self._generate(project, Path(config.docs_dir))
        config.nav = nav
        # The pages the menu leaves out (a park's years, the reports), from the table of page kinds.
        off_menu = GitIgnoreSpec.from_lines(off_menu_patterns())
        config.not_in_nav = off_menu if config.not_in_nav is None else config.not_in_nav + off_menu
        return config

    def _generate(self, project: Path, docs: Path) -> list:
        """Check and generate; the data's problems as one PluginError, every `file:line: …` on a line of its own."""
        started = time.perf_counter()
        try:
            if self.preview is None:
                return generate(project, need_yearbook=False)[1]
            report, nav, nav_changed = self.preview.regenerate()
        except DataError as error:
            lines = "\n".join(str(problem) for problem in error.problems)
            raise PluginError(f"the yearbook's data has {len(error.problems)} problem(s):\n{lines}") from None
        written = len(report.written) + len(report.removed)
        _LOG.info(f"Yearbook regenerated in {time.perf_counter() - started:.2f} seconds ({written} files changed)")
        if nav_changed:
            _mark_all_pages_changed(docs)
        return nav

    def on_files(self, files, *, config: MkDocsConfig):
        """Count the pages to build, for the progress line (shown by the first share of a parallel build)."""
        pages = [f for f in files if f.is_documentation_page()]
        if self.share:
            pages = [f for f in pages if self.share.holds(f.src_uri)]
            label, shown = f"build (1 of {self.share.shares} processes)", self.share.index == 0
        else:
            label, shown = "build", True
        self.pages_done, self.pages_total = 0, len(pages)
        self.progress = Progress(label) if shown else None
        return files

    def on_page_markdown(self, markdown: str, *, page, config: MkDocsConfig, files) -> str:
        """Set finished HTML blocks aside, leaving a placeholder paragraph for each."""
        markdown, blocks = set_aside(markdown)
        if blocks:
            self.set_aside[page.file.src_uri] = blocks
        return markdown

    def on_page_content(self, html: str, *, page, config: MkDocsConfig, files) -> str:
        """Put the finished HTML blocks back where their placeholders stand."""
        blocks = self.set_aside.pop(page.file.src_uri, None)
        if not blocks:
            return html
        if page.present_anchor_ids is not None:  # MkDocs checks links to #anchors against the ids it saw
            for block in blocks:
                page.present_anchor_ids.update(re.findall(r'\bid="([^"]+)"', block))
        return put_back(html, blocks)

    def on_post_page(self, output: str, *, page, config: MkDocsConfig) -> str:
        """Drop the indentation; show `pages done / total` on a terminal (silent in CI logs)."""
        self.pages_done += 1
        if self.progress:
            self.progress(self.pages_done, self.pages_total)
        return without_indentation(output)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        """Index the built pages for search (not under a preview, whose reloads stay fast, nor in a share: a
        parallel build indexes once, after every share)."""
        if not self.index_search or self.share:
            return
        try:
            index_site(Path(config.site_dir))
        except RuntimeError as error:
            raise PluginError(str(error)) from None


def _mark_all_pages_changed(docs: Path) -> None:
    """A `serve --dirty` rebuild renders only pages newer than their HTML: a changed menu must reach them all."""
    for root in GENERATED:
        for page in (docs / root).rglob("*.md") if (docs / root).is_dir() else []:
            page.touch()


# Generated pages carry large finished HTML (a report's text) between these markers. It is set aside before
# Markdown runs and put back after: Markdown would only re-parse it, which costs more than the rest of the page.
_RAW_BLOCK = re.compile(r"^<!-- yb:raw -->\n(.*?)\n<!-- /yb:raw -->$", re.DOTALL | re.MULTILINE)
# The placeholders carry a secret of this process, so no text of the data (which reaches the same Markdown) can
# name one: data text reading `YB-RAW-BLOCK-0` stays text instead of pulling a block in or breaking the build.
_PLACEHOLDER = f"YB-RAW-BLOCK-{secrets.token_hex(12)}-"
_PLACED = re.compile(rf"<p>{_PLACEHOLDER}(\d+)</p>")


def set_aside(markdown: str) -> tuple[str, list[str]]:
    """The Markdown with each finished HTML block replaced by a placeholder paragraph, and the blocks."""
    blocks: list[str] = []

    def placeholder(match: re.Match) -> str:
        blocks.append(match.group(1))
        return f"{_PLACEHOLDER}{len(blocks) - 1}"

    return _RAW_BLOCK.sub(placeholder, markdown), blocks


def put_back(html: str, blocks: list[str]) -> str:
    """The HTML with each placeholder paragraph replaced by its block, each block once, where its own stands."""
    unused = set(range(len(blocks)))

    def block(match: re.Match) -> str:
        index = int(match.group(1))
        if index not in unused:
            return match.group(0)
        unused.discard(index)
        return blocks[index]

    return _PLACED.sub(block, html)


# Elements whose whitespace shows (or, for scripts, may matter); everything else renders a run of whitespace
# as one space, so the theme's indentation at the start of a line can go (about a tenth of a page's bytes), and so
# can the blank lines its template blocks leave (about 2%). Only HTML's own whitespace: a line may begin with an
# ideographic space (U+3000), which shows.
_KEEP_WHITESPACE = re.compile(r"(<(pre|textarea|script)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)
_INDENTATION = re.compile(r"\n[ \t\r\n]+")


def without_indentation(html: str) -> str:
    """The page with every line's leading spaces and every blank line removed, except inside <pre>, <textarea>
    and <script>."""
    pieces = _KEEP_WHITESPACE.split(html)
    # split() yields text, element, tag name, text, element, tag name, …: only the text pieces change.
    for index in range(0, len(pieces), 3):
        pieces[index] = _INDENTATION.sub("\n", pieces[index])
    return "".join(piece for index, piece in enumerate(pieces) if index % 3 != 2)
