"""Link previews (Open Graph) on every page; 引用本页 (GB/T 7714, BibTeX) under year, park and indicator pages."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest

from tests.test_browser import browser, server  # noqa: F401  (fixtures: the built site served, Chromium)

SITE_URL = "https://park-yearbook.github.io/"


def _html(built_site: Path, address: str) -> str:
    return (built_site / "site" / address / "index.html").read_text(encoding="utf-8")


def _meta(html: str) -> dict[str, str]:
    """The page's Open Graph and twitter tags, by property or name."""
    tags = re.findall(r'<meta (?:property|name)="((?:og|twitter):[^"]+)" content="([^"]*)"', html)
    return {key: unescape(value) for key, value in tags}


# Each page kind with what its preview must say: the year's summary, the park's profile, the indicator's definition.
PAGES = [
    ("", "高新区年鉴", "中国高新技术产业开发区年鉴"),
    ("parks/xiamen-torch/2016/", "厦门火炬高新区 2016年 · 高新区年鉴", "2016年,厦门火炬高新区克服“莫兰蒂”台风影响"),
    (
        "parks/xiamen-torch/",
        "厦门火炬高新区 · 高新区年鉴",
        "厦门火炬高技术产业开发区(厦门火炬高新区),位于福建省厦门市,东部地区",
    ),
    ("indicators/gdp/", "地区生产总值 · 高新区年鉴", "地区生产总值:"),
    ("sources/xiamen-torch-2016-work-report/", "厦门火炬高新区2016年工作报告和2017年工作安排 · 高新区年鉴", ""),
    ("about/", "关于 · 高新区年鉴", ""),
]


@pytest.mark.parametrize(("address", "title", "description"), PAGES)
def test_every_page_kind_has_a_link_preview(built_site, address, title, description):
    meta = _meta(_html(built_site, address))
    assert meta["og:title"] == title
    assert meta["og:description"].startswith(description)
    assert meta["og:site_name"] == "高新区年鉴"
    assert meta["og:locale"] == "zh_CN"
    assert meta["og:url"] == SITE_URL + address
    assert meta["og:image"] == SITE_URL + "assets/yearbook-preview.png"
    assert meta["twitter:card"] == "summary_large_image"
    assert (built_site / "site" / "assets" / "yearbook-preview.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_long_summary_is_cut_to_a_preview_with_an_ellipsis(built_site):
    description = _meta(_html(built_site, "parks/xiamen-torch/2016/"))["og:description"]
    assert len(description) <= 120
    assert description.endswith("…")


def _citation(html: str) -> str:
    found = re.search(r'<details class="yb-cite".*?</details>', html, re.S)
    assert found, "no 引用本页 on the page"
    return unescape(re.sub(r"<[^>]+>", "", found.group(0)))


def test_year_page_cites_the_page_and_its_report(built_site):
    text = _citation(_html(built_site, "parks/xiamen-torch/2016/"))
    edition = re.search(r"\[EB/OL\]\. \((\d{4}-\d{2}-\d{2})\)", text).group(1)
    gbt = f"高新区年鉴. 厦门火炬高新区 2016年[EB/OL]. ({edition})[{edition}]. {SITE_URL}parks/xiamen-torch/2016/."
    assert gbt in text
    assert "[1] 厦门火炬高新区. 厦门火炬高新区2016年工作报告和2017年工作安排[R]. 2017-02-03." in text
    assert "@misc{park-yearbook-parks-xiamen-torch-2016," in text
    assert "title        = {厦门火炬高新区 2016年}," in text
    assert f"howpublished = {{\\url{{{SITE_URL}parks/xiamen-torch/2016/}}}}," in text
    assert "数据来源:厦门火炬高新区. 厦门火炬高新区2016年工作报告和2017年工作安排[R]. 2017-02-03;访问日期" in text


@pytest.mark.parametrize("address", ["parks/xiamen-torch/", "indicators/gdp/"])
def test_park_and_indicator_pages_are_citable(built_site, address):
    text = _citation(_html(built_site, address))
    assert "[EB/OL]. (" in text and f"{SITE_URL}{address}." in text
    assert "@misc{park-yearbook-" in text


@pytest.mark.parametrize("address", ["", "about/", "sources/xiamen-torch-2016-work-report/"])
def test_pages_without_figures_of_their_own_carry_no_citation(built_site, address):
    assert 'class="yb-cite"' not in _html(built_site, address)


def test_citation_is_kept_out_of_the_search_index(built_site):
    html = _html(built_site, "parks/xiamen-torch/2016/")
    assert '<details class="yb-cite" data-pagefind-ignore="all">' in html


@pytest.mark.browser
def test_citation_opens_and_gives_the_reader_date_of_access(browser, server):  # noqa: F811
    page = browser.new_page(viewport={"width": 390, "height": 800})
    page.goto(server + "/parks/xiamen-torch/2016/")
    page.locator(".yb-cite summary").click()
    accessed = page.evaluate(
        "() => [...document.querySelectorAll('.yb-cite [data-yb-accessed]')].map(e => e.textContent)"
    )
    today = page.evaluate(
        "() => { const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0')"
        " + '-' + String(d.getDate()).padStart(2, '0'); }"
    )
    assert accessed == [today, today]
    assert page.locator(".yb-cite pre").first.is_visible()
    # The citation wraps on a phone: the page does not grow wider than the screen.
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 390
    page.close()
