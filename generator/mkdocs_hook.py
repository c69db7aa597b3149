"""MkDocs hook: run the generator before every build, so `mkdocs serve` reloads on data edits."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from generator.build import Progress, generate
from generator.problems import DataError
from generator.search_index import index_site

# Set by `yearbook build` after it generated, so the hook does not render everything twice.
PREGENERATED: dict[str, list] = {}
_COMMAND = {"name": "build"}
_PAGES = {"done": 0, "total": 0, "progress": None}


def on_startup(command: str, dirty: bool) -> None:
    """Remember whether this is `mkdocs serve`, where the search index is skipped to keep reloads fast."""
    _COMMAND["name"] = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Generate pages and data into docs/ and install the yearbook's navigation."""
    project = Path(config.config_file_path).resolve().parent
    nav = PREGENERATED.get(str(project))
    if nav is None:
        try:
            _, nav = generate(project)
        except DataError as error:
            lines = "\n".join(str(problem) for problem in error.problems)
            raise PluginError(f"the yearbook's data has {len(error.problems)} problem(s):\n{lines}") from None
    config.nav = nav
    return config


def on_files(files, config: MkDocsConfig):
    """Count the pages to build, for the progress line."""
    _PAGES.update(done=0, total=sum(1 for f in files if f.is_documentation_page()), progress=Progress("build"))
    return files


def on_post_page(output: str, page, config: MkDocsConfig) -> str:
    """Show `pages done / total` on a terminal (silent in CI logs)."""
    _PAGES["done"] += 1
    if _PAGES["progress"]:
        _PAGES["progress"](_PAGES["done"], _PAGES["total"])
    return output


def on_post_build(config: MkDocsConfig) -> None:
    """Index the built pages for search (not under `mkdocs serve`: reloads stay fast)."""
    if _COMMAND["name"] == "serve":
        return
    try:
        index_site(Path(config.site_dir))
    except RuntimeError as error:
        raise PluginError(str(error)) from None
