"""The table of page kinds: every generated page is one of its rows, its paths are the ones links and the menu use,
and the yearbook's MkDocs plugin is installed where MkDocs finds it."""

from __future__ import annotations

from importlib.metadata import entry_points

import pytest
import yaml

from generator.data.pipeline import read_yearbook
from generator.pages.kinds import KINDS, off_menu_patterns, path_of, site_pages
from generator.pages.nav import site_nav
from generator.pages.render import TEMPLATE_DIR, page_paths, render_pages
from generator.pages.site_index import SiteIndex
from generator.pages.write import GENERATED
from tests.conftest import PROJECT


@pytest.fixture(scope="module")
def yearbook():
    return read_yearbook(PROJECT / "data")


def test_every_page_template_belongs_to_one_kind():
    templates = sorted(path.name for path in TEMPLATE_DIR.glob("*.md.j2") if not path.name.startswith("_"))
    assert sorted(kind.template for kind in KINDS) == templates
    assert len({kind.name for kind in KINDS}) == len({kind.path for kind in KINDS}) == len(KINDS)


def test_the_pages_rendered_are_the_pages_of_the_table(yearbook):
    rendered = render_pages(yearbook)
    assert set(rendered) == page_paths(yearbook)
    kinds_seen = {page.kind.name for page in site_pages(SiteIndex(yearbook))}
    assert kinds_seen == {kind.name for kind in KINDS}  # the real data has a page of every kind
    assert all(path.split("/")[0] in GENERATED for path in rendered)


def test_paths_fill_the_keys_of_their_kind():
    assert path_of("park_year", park="xinyu", year=2014) == "parks/xinyu/2014.md"
    assert path_of("indicator_year", indicator="fdi_actual", year=2016) == "indicators/fdi_actual/2016.md"
    assert path_of("source", source="xinyu-2014-work-summary") == "sources/xinyu-2014-work-summary.md"
    assert path_of("home") == "index.md"
    assert path_of("park", park="xinyu") == "parks/xinyu.md"  # not an index.md: see kinds.py


def test_the_menu_lists_the_menu_kinds_and_leaves_out_the_others(yearbook):
    """Every page is either in the menu or matched by a pattern the plugin gives MkDocs' not_in_nav."""
    from pathspec.gitignore import GitIgnoreSpec

    def listed(entries) -> set[str]:
        found = set()
        for entry in entries:
            values = entry.values() if isinstance(entry, dict) else [entry]
            for value in values:
                found |= listed(value) if isinstance(value, list) else {value}
        return found

    in_menu = listed(site_nav(yearbook))
    off_menu = GitIgnoreSpec.from_lines(off_menu_patterns())
    for page in site_pages(SiteIndex(yearbook)):
        if page.kind.in_menu:
            assert page.path in in_menu, page.path
        else:
            assert page.path not in in_menu and off_menu.match_file(page.path), page.path
    assert off_menu_patterns() == [
        "/parks/*/[0-9]*.md",
        "/indicators/*/[0-9]*.md",
        "/parks/*/sources.md",
        "/sources/*.md",
    ]


def test_the_plugin_is_an_entry_point_mkdocs_finds():
    """`pip install -e .` (scripts/setup) registers it; mkdocs.yml, and so every test project, lists it."""
    (plugin,) = [point for point in entry_points(group="mkdocs.plugins") if point.name == "yearbook"]
    assert plugin.value == "generator.publish.plugin:YearbookPlugin"
    from generator.publish.plugin import YearbookPlugin

    assert plugin.load() is YearbookPlugin
    config = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["plugins"] == ["yearbook"] and "hooks" not in config


def test_a_config_without_the_plugin_is_refused_in_one_line(tmp_path):
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    from generator.publish.plugin import yearbook_plugin

    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins: []\n", encoding="utf-8")
    config = load_config(str(tmp_path / "mkdocs.yml"))
    with pytest.raises(ConfigurationError, match="plugins: expected yearbook, found it missing"):
        yearbook_plugin(config)


def test_an_indicator_page_shows_the_years_an_alias_was_used_in(yearbook):
    # data/indicators.yaml: 高新技术企业 is the national stock from 2008 (alias_years), shown so on its page.
    page = render_pages(yearbook)["indicators/national_high_tech_enterprises.md"]
    assert "、高新技术企业数、" in page  # an alias without known years is shown as it is
    assert "、高新技术企业(2008年起)</td>" in page


def test_an_indicator_page_shows_the_years_its_own_name_names_it_in(yearbook):
    # data/indicators.yaml: 科技型中小企业 names the national database's count from 2017, when it opened.
    page = render_pages(yearbook)["indicators/tech_smes.md"]
    assert '<th scope="row">此名称所指的年份</th><td>2017年起</td>' in page
    assert "入库科技型中小企业(2017年起)" in page
    other = render_pages(yearbook)["indicators/national_high_tech_enterprises.md"]
    assert "此名称所指的年份" not in other  # its own name has no years of its own
