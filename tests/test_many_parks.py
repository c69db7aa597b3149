"""Pages that read well with many parks: the home page's one table of latest figures, the parks listing's names,
addresses in a park's description as links."""

from __future__ import annotations

import re

import pytest

from generator.data.pipeline import read_yearbook
from generator.pages.kinds import HOME_PARKS
from generator.pages.markup import md_text_linked
from generator.pages.render import render_pages
from tests.conftest import PROJECT


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_pages(read_yearbook(PROJECT / "data"), {"index.md", "parks/index.md", "parks/dalian.md"})


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        (
            "见 https://a.example.cn/x/index.html 。",
            '见 <a href="https://a.example.cn/x/index.html">https://a.example.cn/x/index.html</a> 。',
        ),
        # Full-width punctuation and a closing bracket the address did not open end it.
        (
            "(http://a.example.cn/law/1.html)。",
            '(<a href="http://a.example.cn/law/1.html">http://a.example.cn/law/1.html</a>)。',
        ),
        (
            "(见http://a.example.cn/p.html，2026)",
            '(见<a href="http://a.example.cn/p.html">http://a.example.cn/p.html</a>，2026)',
        ),
        (
            "http://a.example.cn/a_(b) 与 http://a.example.cn/c.",
            '<a href="http://a.example.cn/a_(b)">http://a.example.cn/a\\_(b)</a> 与 <a href="http://a.example.cn/c">http://a.example.cn/c</a>.',
        ),
        # Quotes and angle brackets never reach the attribute; other schemes stay text.
        (
            'http://a.example.cn/"onmouseover="x <b>',
            '<a href="http://a.example.cn/">http://a.example.cn/</a>&#34;onmouseover=&#34;x &lt;b&gt;',
        ),
        ("javascript:alert(1) ftp://a.example.cn/ https://", "javascript:alert(1) ftp://a.example.cn/ https://"),
        (
            "http://a.example.cn/?a=1&b=2",
            '<a href="http://a.example.cn/?a=1&amp;b=2">http://a.example.cn/?a=1&amp;b=2</a>',
        ),
        ("*不是强调* http://a.example.cn/", '\\*不是强调\\* <a href="http://a.example.cn/">http://a.example.cn/</a>'),
    ],
)
def test_addresses_in_text_become_links_and_the_rest_stays_text(text, markdown):
    assert str(md_text_linked(text)) == markdown


def test_the_park_description_links_its_address(pages):
    assert (
        '<a href="https://www.dlhitech.gov.cn/yqgk/index.html">https://www.dlhitech.gov.cn/yqgk/index.html</a>'
        in (pages["parks/dalian.md"])
    )


def test_the_parks_listing_sets_the_english_name_apart(pages):
    line = next(line for line in pages["parks/index.md"].splitlines() if line.startswith("- [大连高新区]"))
    assert line.startswith(
        '- [大连高新区](dalian.md) · <span class="yb-name-en" lang="en">Dalian Hi-tech Industrial Zone</span>:'
    )


def test_the_home_page_has_one_table_of_latest_figures_a_row_a_park(pages):
    home = pages["index.md"]
    part = home[home.index("## 各园区最新数据") : home.index("## 园区比较")]
    assert part.count("<table>") == 1 and "###" not in part
    rows = re.findall(r'^<tr><td><a href="parks/([a-z0-9-]+)/">', part, re.M)
    yearbook = read_yearbook(PROJECT / "data")
    # More parks than HOME_PARKS: the home page lists that many, each once, and sends readers to the parks' page.
    assert len(yearbook.parks) > HOME_PARKS and len(rows) == len(set(rows)) == HOME_PARKS
    assert set(rows) <= set(yearbook.parks)
    assert (
        f"最近报告的 {HOME_PARKS} 个园区;全部 {len(yearbook.parks)} 个园区及其历年数据见[园区](parks/index.md)页"
        in part
    )
    # 无锡's 2024 GDP is of its latest year (no year mark); a column of 昆明 is of 2021, its latest year 2023.
    wuxi = next(line for line in part.splitlines() if 'href="parks/wuxi/"' in line)
    kunming = next(line for line in part.splitlines() if 'href="parks/kunming/"' in line)
    assert ">2645.28</a></td>" in wuxi
    assert '</a> <span class="yb-mark">(2021年)</span>' in kunming  # a column of 2021, its latest year 2023


def test_the_about_page_states_the_home_page_rules_with_their_numbers():
    from generator.pages.kinds import HOME_INDICATORS, HOME_PARKS

    about = (PROJECT / "docs/about.md").read_text(encoding="utf-8")
    assert f"园区多于 {HOME_PARKS} 个时只列最近报告的 {HOME_PARKS} 个" in about
    assert f"报告全年数字的园区最多的 {HOME_INDICATORS} 项指标" in about
    assert "取报告园区最多的一个指标和年份;园区数相同时取较近的年份,再相同时取指标目录中靠前的指标" in about
