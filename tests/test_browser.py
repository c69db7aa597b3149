"""Real-browser checks in Debian's headless Chromium: charts, dark mode, search, sources, safety, requests."""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from tests.waiting import CEILING

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"  # tests using the browser fixture are marked browser


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(built_site: Path):
    """The built site served on a free loopback port."""
    handler = functools.partial(_QuietHandler, directory=str(built_site / "site"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debian's chromium is required at {CHROMIUM} (apt-get install chromium)")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


class Visit:
    """A browser page that records console errors, page errors and every request it makes."""

    def __init__(self, browser, base: str, color_scheme: str = "light"):
        self.base = base
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=color_scheme)
        self.context.set_default_timeout(CEILING * 1000)  # every wait for a condition: one generous ceiling
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

    def go(self, path: str):
        self.page.goto(self.base + path)
        self.page.wait_for_load_state("networkidle")
        return self.page

    def outside_requests(self) -> list[str]:
        host = urlparse(self.base).netloc
        return [
            u
            for u in self.requests
            if urlparse(u).scheme in ("http", "https", "ws", "wss") and urlparse(u).netloc != host
        ]

    def close(self):
        self.context.close()


_SHOWN_CHARTS = ".yb-chart:not(details:not([open]) .yb-chart)"  # not inside a closed section


def _wait_for_charts(page) -> int:
    """Scroll every chart a reader can see into view and wait until each is drawn; a chart inside a closed section
    (the indicator page's all-years chart) is drawn only when the reader opens it, so it is left out."""
    shown = page.locator(_SHOWN_CHARTS)
    count = shown.count()
    assert count > 0
    for chart in shown.all():  # a chart is drawn when it comes near the screen
        chart.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.yb-chart')].filter(e => !e.closest('details:not([open])'))"
        ".every(e => e.classList.contains('yb-drawn') || e.classList.contains('yb-failed'))"
    )
    assert page.locator(".yb-chart.yb-failed").count() == 0
    assert page.locator(f"{_SHOWN_CHARTS} svg").count() == count
    return count


def _wait_until_still(page, expression: str, also: str = "true", frames: int = 20) -> None:
    """Wait until the JavaScript `expression` has kept one value for `frames` animation frames while `also` holds
    (a scroll that has ended, a layout that has settled); the ceiling only stops a hang."""
    page.evaluate("() => { window.__ybStill = {value: undefined, frames: 0}; }")
    page.wait_for_function(
        f"""() => {{
            const value = JSON.stringify({expression}), still = window.__ybStill;
            if (value === still.value && ({also})) still.frames += 1;
            else {{ still.value = value; still.frames = 0; }}
            return still.frames >= {frames};
        }}""",
        polling="raf",
        timeout=CEILING * 1000,
    )


def test_year_page_draws_charts_in_light_and_dark(browser, server, tmp_path):
    visit = Visit(browser, server)
    page = visit.go("/parks/xiamen-torch/2016/")
    charts = _wait_for_charts(page)
    page.screenshot(path=str(tmp_path / "light.png"), full_page=True)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    # The reader's toggle: Material's palette switch.
    page.locator("label.md-header__button[for^='__palette_']:visible").first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.wait_for_function(f"document.querySelectorAll('.yb-chart[data-scheme=\"dark\"] svg').length === {charts}")
    page.screenshot(path=str(tmp_path / "dark.png"), full_page=True)
    # A data-table alternative exists for every chart.
    assert page.locator("details:has-text('数据表')").count() >= charts
    assert visit.errors == []
    assert visit.outside_requests() == []
    visit.close()


def test_charts_survive_instant_navigation(browser, server):
    visit = Visit(browser, server)
    page = visit.go("/parks/xiamen-torch/")
    _wait_for_charts(page)
    page.locator("a[href$='2016/']").first.click()
    page.wait_for_url("**/parks/xiamen-torch/2016/")
    _wait_for_charts(page)
    assert visit.errors == []
    visit.close()


def test_figure_links_to_its_own_highlighted_quote(browser, server):
    """A figure's link opens its source at its own quote (#q-…): that passage alone is highlighted."""
    visit = Visit(browser, server)
    page = visit.go("/parks/xiamen-torch/2016/")
    link = page.locator("table a[title='查看原文出处']").first
    value = link.inner_text()
    link.click()
    page.wait_for_url("**/sources/xiamen-torch-2016-work-report/#q-*")
    anchor = unquote(urlparse(page.url).fragment)
    page.wait_for_selector(".yb-source mark.yb-current")
    current = page.eval_on_selector_all(".yb-source mark.yb-current", "ms => ms.map(m => [m.dataset.q, m.textContent])")
    assert current and all(anchor in q.split(" ") for q, _ in current)
    quoted = "".join(text for _, text in current)
    digits = "".join(ch for ch in value if ch.isdigit() or ch == ".").rstrip(".")
    assert digits in quoted
    # Every other passage of the report, those of the same paragraph included, stays quiet.
    others = page.eval_on_selector_all(
        ".yb-source mark[data-q]:not(.yb-current)", "ms => ms.map(m => getComputedStyle(m).backgroundColor)"
    )
    assert len(others) > 1 and set(others) == {"rgba(0, 0, 0, 0)"}
    lit = page.eval_on_selector(".yb-source mark.yb-current", "m => getComputedStyle(m).backgroundColor")
    assert lit != "rgba(0, 0, 0, 0)"
    assert page.evaluate("id => document.getElementById(id).getBoundingClientRect().top", anchor) < 900
    assert visit.errors == []
    visit.close()


def test_every_quote_anchor_is_unique_and_linked_ones_exist(built_site):
    """Quote anchors are readable (#q-…) and unique on their page, and every link to one finds it."""
    site = built_site / "site"
    for page in (site / "sources").glob("*/index.html"):
        ids = re.findall(r'id="(q-[^"]+)"', page.read_text(encoding="utf-8"))
        assert ids, page
        assert len(ids) == len(set(ids)), page
    year_page = (site / "parks/xiamen-torch/2016/index.html").read_text(encoding="utf-8")
    assert "#q-" in year_page and "/#p" not in year_page


def test_back_from_a_source_returns_to_the_reader_place(browser, server):
    visit = Visit(browser, server)
    page = visit.go("/parks/xiamen-torch/2016/")
    _wait_for_charts(page)
    link = page.locator(".footnote a[href*='#q-']").nth(3)
    link.scroll_into_view_if_needed()
    scrolled = page.evaluate("scrollY")
    page.mouse.wheel(0, -200)
    _wait_until_still(page, "scrollY", also=f"scrollY !== {scrolled}")  # the wheel's scroll has ended
    before = link.evaluate("a => a.getBoundingClientRect().top")
    link.click()
    page.wait_for_url("**/sources/**#q-*")
    page.go_back()
    page.wait_for_url(lambda url: urlparse(url).path == "/parks/xiamen-torch/2016/")
    # No scrolling here (that would move the page itself): the charts near the place draw as they come in view; the
    # place is read once they are drawn and the link has stopped moving.
    page.wait_for_load_state("load")
    near_charts_drawn = (
        "[...document.querySelectorAll('.yb-chart')].filter(e => !e.closest('details:not([open])')).every(e => {"
        " const box = e.getBoundingClientRect();"
        " return box.bottom < -300 || box.top > innerHeight + 300"
        " || e.classList.contains('yb-drawn') || e.classList.contains('yb-failed'); })"
    )
    top = "document.querySelectorAll(\".footnote a[href*='#q-']\")[3].getBoundingClientRect().top"
    _wait_until_still(page, top, also=near_charts_drawn)
    after = page.locator(".footnote a[href*='#q-']").nth(3).evaluate("a => a.getBoundingClientRect().top")
    assert abs(after - before) < 40, (before, after)
    assert visit.errors == []
    visit.close()


@pytest.mark.parametrize(
    ("query", "park"),
    [("新余", "xinyu"), ("新余高新区", "xinyu"), ("新余市", "xinyu"), ("Xinyu", "xinyu"), ("厦门火炬", "xiamen-torch")],
)
def test_search_finds_a_park_by_any_of_its_names_first(browser, server, built_site, query, park):
    """Full, short, city or English name: the park's page comes first, then its years; Enter opens the first."""
    visit = Visit(browser, server)
    page = visit.go("/")
    page.locator(".yb-search input").fill(query)
    page.wait_for_selector(".yb-search-results a")
    paths = page.eval_on_selector_all(".yb-search-results a", "els => els.map(e => new URL(e.href).pathname)")
    assert paths[0] == f"/parks/{park}/", paths
    # Its years next, under it, newest first: every year the yearbook has for it.
    first = page.locator(".yb-search-results > li").first
    years = first.locator(".yb-search-years a").evaluate_all("els => els.map(e => new URL(e.href).pathname)")
    on_file = sorted((built_site / "data/years" / park).glob("*.yaml"), reverse=True)
    assert years == [f"/parks/{park}/{path.stem}/" for path in on_file], years
    assert paths[1 : 1 + len(years)] == years, paths
    for year in years:  # each opens a page of the site
        assert (built_site / "site" / year.strip("/") / "index.html").is_file(), year
    page.locator(".yb-search input").press("Enter")
    page.wait_for_url(f"**/parks/{park}/")
    assert visit.errors == [] and visit.outside_requests() == []
    visit.close()


def test_search_keyboard_and_results_at_the_passage(browser, server):
    """`/` focuses the box, arrows move through the results, and a result opens at the passage it matched."""
    visit = Visit(browser, server)
    page = visit.go("/parks/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('.yb-search input')")
    page.keyboard.type("莫兰蒂")
    page.wait_for_selector(".yb-search-results a")
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.href")
    assert first == page.eval_on_selector(".yb-search-results a", "a => a.href")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") != first
    excerpts = page.eval_on_selector_all(".yb-search-excerpt", "els => els.map(e => e.textContent)")
    assert not any(". " in text for text in excerpts), excerpts  # Pagefind's joins read as " · "
    # The year page that cites the passage is found first; the reports' full text is searched on request, and the
    # keyboard reaches its button too (arrows, then Enter).
    paths = page.eval_on_selector_all(".yb-search-results a", "els => els.map(e => new URL(e.href).pathname)")
    assert not any(path.startswith("/sources/") for path in paths), paths
    while not page.evaluate("document.activeElement.matches('.yb-search-text-button')"):
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_selector(".yb-search-text .yb-search-results a")
    assert page.locator(".yb-search-text .yb-search-status").inner_text().startswith("报告原文:")
    hrefs = page.eval_on_selector_all(".yb-search-text .yb-search-results a", "els => els.map(e => e.href)")
    report = next(href for href in hrefs if "/sources/" in href)
    anchor = unquote(urlparse(report).fragment)
    assert anchor
    page.goto(report)
    passage = page.evaluate("id => document.getElementById(id).closest('p, tr, li, h2, h3').textContent", anchor)
    assert "莫兰蒂" in passage
    assert visit.errors == [] and visit.outside_requests() == []
    visit.close()


_AXE_PAGES = (
    "/",
    "/parks/xiamen-torch/",
    "/parks/xiamen-torch/2016/",
    "/indicators/industrial_output_above_scale/",
    "/sources/xiamen-torch-2016-work-report/",
    "/parks/",
    "/404.html",
)


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 1280), ("light", 390)])
def test_axe_finds_no_violation(browser, server, scheme, width):
    """axe-core (shipped by the axe-playwright-python package, injected from disk) on the main page kinds."""
    axe_package = pytest.importorskip("axe_playwright_python")
    script = Path(axe_package.__file__).parent / "axe.min.js"
    visit = Visit(browser, server, color_scheme=scheme)
    visit.page.set_viewport_size({"width": width, "height": 844})
    found = {}
    for path in _AXE_PAGES:
        page = visit.go(path)
        if page.locator(_SHOWN_CHARTS).count():
            _wait_for_charts(page)
        page.add_script_tag(path=str(script))
        violations = page.evaluate(
            """async () => (await axe.run(document, {resultTypes: ['violations'],
                 runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']}))
               .violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))"""
        )
        if violations:
            found[path] = violations
    assert found == {}
    assert visit.outside_requests() == []
    visit.close()


def test_chinese_interface_on_every_page_kind(browser, server):
    visit = Visit(browser, server)
    page = visit.go("/parks/xiamen-torch/2016/")
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    assert page.locator("a.headerlink").first.get_attribute("title") == "本节链接"
    headings = page.eval_on_selector_all("article h2[id]", "hs => hs.map(h => h.id)")
    assert "主要指标" in headings and not any(h.startswith("_") for h in headings)
    page = visit.go("/")
    for listing in ("parks/", "indicators/", "sources/"):
        assert page.locator(f"nav a[href$='{listing}']").count() >= 1, listing
    page = visit.go("/404.html")
    assert "找不到这个页面" in page.locator("article").inner_text()
    for listing in ("/parks/", "/indicators/", "/sources/"):
        assert page.locator(f"article a[href$='{listing}']").count() == 1, listing
    assert "Not found" not in page.content()
    assert visit.errors == []
    visit.close()


def test_phone_layout_keeps_values_whole_and_targets_large(browser, server):
    visit = Visit(browser, server)
    visit.page.set_viewport_size({"width": 390, "height": 844})
    for path in (
        "/",
        "/parks/xiamen-torch/",
        "/parks/xiamen-torch/2016/",
        "/sources/xiamen-torch-2016-work-report/",
        "/indicators/industrial_output_above_scale/",  # a ranking wider than the phone scrolls within itself
        "/sources/",
        "/parks/xiamen-torch/sources/",
    ):
        page = visit.go(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        # A value and its unit on one line: no right-aligned cell or card value is taller than one line.
        broken = page.eval_on_selector_all(
            ".yb-card-value, article td[style*='right']",
            "els => els.filter(e => e.textContent.trim() && getComputedStyle(e).whiteSpace !== 'nowrap')"
            ".map(e => e.textContent)",
        )
        assert broken == [], (path, broken)
    page = visit.go("/parks/xiamen-torch/2016/")
    sizes = page.eval_on_selector_all(
        "sup a.footnote-ref", "els => els.map(e => [e.getBoundingClientRect().width, e.getBoundingClientRect().height])"
    )
    assert sizes and all(w >= 24 and h >= 24 for w, h in sizes), sizes[:3]
    title = page.locator(".md-header__topic").first
    assert title.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    assert visit.errors == []
    visit.close()


_WIDE_TABLES = """() => [...document.querySelectorAll('article table')].map(table => {
    const box = table.closest('.md-typeset__scrollwrap') || table, hint = box.previousElementSibling;
    return {wide: box.scrollWidth > box.clientWidth + 1 || table.scrollWidth > table.clientWidth + 1,
            hinted: !!hint && hint.classList.contains('yb-scroll-hint') && !hint.hidden && hint.offsetHeight > 0,
            right: box.getBoundingClientRect().right};
})"""


@pytest.mark.parametrize("width", [390, 1280])
def test_wide_tables_scroll_within_themselves_under_a_hint(browser, server, width):
    """The home page's one table of latest figures and a park's table of years: on a phone wider than the screen,
    they scroll within themselves (not the page), each under a visible hint, and only those have one."""
    visit = Visit(browser, server)
    visit.page.set_viewport_size({"width": width, "height": 844})
    for path in ("/", "/parks/xiamen-torch/", "/parks/dalian/"):
        page = visit.go(path)
        assert page.evaluate("document.documentElement.scrollWidth") <= width, path
        tables = page.evaluate(_WIDE_TABLES)
        assert tables and all(t["hinted"] == t["wide"] and t["right"] <= width for t in tables), (path, tables)
        if width == 390:
            assert any(t["wide"] for t in tables), path  # the latest figures, a park's years: wider than a phone
        if path == "/":
            assert page.locator("article table").count() == 2  # the latest figures and the comparison, no more
    page = visit.go("/parks/dalian/")
    page.set_viewport_size({"width": 1280, "height": 844})  # a phone turned into a wide window: the hints go
    page.wait_for_function("() => [...document.querySelectorAll('.yb-scroll-hint')].every(hint => hint.hidden)")
    assert visit.errors == []
    visit.close()


def test_print_opens_tables_and_leaves_out_navigation(browser, server):
    visit = Visit(browser, server)
    page = visit.go("/parks/xiamen-torch/2016/")
    _wait_for_charts(page)
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("article details:not([open])").count() == 0
    for hidden in (".md-header", ".md-sidebar--primary", ".yb-search", ".md-footer"):
        assert page.locator(hidden).first.evaluate("e => getComputedStyle(e).display") == "none", hidden
    assert page.locator(".yb-chart svg").count() > 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("article details[open]").count() == 0
    visit.close()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("集成电路", "/parks/xiamen-torch/"),
        ("火炬", "/parks/xiamen-torch/"),
        ("高新技术企业", "/indicators/"),
        ("实际利用外资", "/indicators/fdi_actual/"),
    ],
)
def test_chinese_search_finds_the_page(browser, server, query, expected):
    visit = Visit(browser, server)
    page = visit.go("/")
    page.locator(".yb-search input").fill(query)
    page.wait_for_selector(".yb-search-results a")
    hrefs = page.eval_on_selector_all(".yb-search-results a", "els => els.map(e => e.href)")
    assert any(expected in href for href in hrefs), hrefs
    assert visit.outside_requests() == []
    visit.close()


def _load_all(page, section: str) -> list[str]:
    """Every result path in a part of the search panel, loading them all with its 再显示 button."""
    links, more = f"{section} > .yb-search-results > li > a", f"{section} > .yb-search-more"  # not a park's years
    while page.locator(more).count():
        shown = page.locator(links).count()
        page.locator(more).click()
        page.wait_for_function(f"document.querySelectorAll('{links}').length > {shown}")
    return page.eval_on_selector_all(links, "els => els.map(e => new URL(e.href).pathname)")


def _search_urls(browser, base: str, query: str, full_text: bool = False) -> list[str]:
    """Every result path of a search; with `full_text`, the reports' full text (asked for with its button) too."""
    visit = Visit(browser, base)
    page = visit.go("/")
    page.locator(".yb-search input").fill(query)
    page.wait_for_selector(".yb-search-results a")
    status = page.locator(".yb-search-panel > .yb-search-status").inner_text()
    urls = _load_all(page, ".yb-search-panel")
    assert status == f"找到 {len(urls)} 个结果"
    if full_text:
        page.locator(".yb-search-text-button").click()
        page.wait_for_selector(".yb-search-text .yb-search-results a")
        status = page.locator(".yb-search-text > .yb-search-status").inner_text()
        reports = _load_all(page, ".yb-search-text")
        assert status == f"报告原文:{len(reports)} 份报告提到“{query}”"
        urls += reports
    assert visit.errors == [] and visit.outside_requests() == []
    visit.close()
    return urls


def test_search_indexes_find_what_pagefind_finds_in_the_whole_site(browser, server, built_site, tmp_path):
    """The indexes are fed page by page (generator/publish/search_index.py): the yearbook's pages in one, the reports
    in the other, each written once; together they find the same pages as Pagefind's own command indexing the whole
    site at once with the same options, and the first holds no report."""
    from generator.publish.search_index import FULL_TEXT_DIR, PAGEFIND_CONFIG, SEARCH_DIR

    for folder in (SEARCH_DIR, FULL_TEXT_DIR):
        assert len(list((built_site / "site" / folder).glob("pagefind.*.pf_meta"))) == 1, folder
    site = tmp_path / "site"
    shutil.copytree(built_site / "site", site, ignore=shutil.ignore_patterns(SEARCH_DIR, FULL_TEXT_DIR))
    config = PAGEFIND_CONFIG
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--silent"]
    command += ["--root-selector", config["root_selector"], "--force-language", config["force_language"]]
    command += ["--exclude-selectors", ", ".join(config["exclude_selectors"])]
    subprocess.run(command, check=True, capture_output=True)
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        for query in ("高新技术企业", "集成电路", "厦门火炬"):
            first = _search_urls(browser, server, query)
            assert first and not any(url.startswith("/sources/") and url != "/sources/" for url in first), first
            ours = _search_urls(browser, server, query, full_text=True)
            whole = _search_urls(browser, f"http://127.0.0.1:{httpd.server_address[1]}", query)
            assert sorted(ours) == sorted(whole), query
        assert len(_search_urls(browser, server, "高新技术企业")) > 5  # more than one batch: 再显示 was used
    finally:
        httpd.shutdown()


def test_full_text_in_parts_finds_what_one_index_finds(browser, server, built_site, tmp_path, monkeypatch):
    """The reports' full text split into parts (generator/publish/search_index.py), which the search box merges into
    one search, finds the same reports as the one index of the built site."""
    from generator.publish import search_index

    site = tmp_path / "site"
    shutil.copytree(built_site / "site", site)
    reports = len(list((site / "sources").glob("*/index.html")))
    monkeypatch.setattr(search_index, "REPORTS_PER_PART", max(1, reports // 3))
    search_index.index_site(site)
    assert len(json.loads((site / search_index.FULL_TEXT_DIR / "parts.json").read_text())) >= 2
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        for query in ("高新技术企业", "集成电路"):
            split = _search_urls(browser, f"http://127.0.0.1:{httpd.server_address[1]}", query, full_text=True)
            whole = _search_urls(browser, server, query, full_text=True)
            assert sorted(split) == sorted(whole), query
            assert any(url.startswith("/sources/") for url in split), query
    finally:
        httpd.shutdown()


def test_search_without_an_index_says_why(browser, built_site, tmp_path):
    """A preview (`yearbook serve`) has no search index: the search box says so instead of failing."""
    from generator.publish.search_index import SEARCH_DIR

    site = tmp_path / "site"
    shutil.copytree(built_site / "site", site, ignore=shutil.ignore_patterns(SEARCH_DIR, "pagefind-text"))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        visit = Visit(browser, f"http://127.0.0.1:{httpd.server_address[1]}")
        page = visit.go("/")
        page.locator(".yb-search input").fill("集成电路")
        status = page.locator(".yb-search-panel > .yb-search-status")
        page.wait_for_function("!document.querySelector('.yb-search-status').textContent.startsWith('正在搜索')")
        assert "尚未建立搜索索引" in status.inner_text()
        assert page.locator(".yb-search-results a").count() == 0
        visit.close()
    finally:
        httpd.shutdown()


def test_injected_text_stays_inert(browser, server):
    visit = Visit(browser, server)
    for path in ("/parks/zz-injection/", "/parks/zz-injection/2020/", "/sources/zz-injection-report/", "/"):
        page = visit.go(path)
        if page.locator(".yb-chart").count():
            _wait_for_charts(page)
        assert page.evaluate("window.__injected") is None, path
        assert page.locator("a[href^='javascript:']").count() == 0, path
        assert page.locator("main img[src='x']").count() == 0, path
    page = visit.go("/parks/zz-injection/2020/")
    assert "<script>window.__injected = 'summary'</script>" in page.locator("article").inner_text()
    page.locator(".yb-search input").fill("注入测试")
    page.wait_for_selector(".yb-search-results a")
    assert page.locator(".yb-search-results img, .yb-search-results script").count() == 0
    assert page.evaluate("window.__injected") is None
    assert visit.errors == []
    visit.close()


def test_csv_download_and_no_outside_requests(browser, server):
    visit = Visit(browser, server)
    for path in ("/", "/parks/", "/indicators/industrial_output_above_scale/", "/sources/", "/about/"):
        visit.go(path)
    page = visit.go("/data/")
    href = page.locator("a[href$='yearbook.csv']").first.evaluate("a => a.href")
    response = page.request.get(href)
    assert response.ok
    body = response.body()
    assert body.startswith(b"\xef\xbb\xbf")  # the byte-order mark: Excel in a Chinese locale reads UTF-8
    lines = body.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("park,park_name,year,indicator")
    assert any(line.startswith("xiamen-torch,") for line in lines[1:])
    assert visit.outside_requests() == []
    assert visit.errors == []
    visit.close()


def test_theme_switch_names_the_scheme_in_force(browser, server):
    """Each radio button of the light/dark switch is named after its own scheme, the one in force checked."""
    for scheme, name in (("light", "浅色模式"), ("dark", "深色模式")):
        visit = Visit(browser, server, color_scheme=scheme)
        page = visit.go("/")
        checked = page.eval_on_selector_all(
            "input[name='__palette']:checked", "is => is.map(i => i.getAttribute('aria-label'))"
        )
        assert checked == [name], (scheme, checked)
        visit.close()


def test_material_bundle_loads_on_first_touch_and_the_page_works_before_and_after(browser, server):
    """Material's bundle is not loaded with the page (yearbook-material.js) but on the reader's first touch; the
    yearbook's scripts are deferred, in order. Before it: the scheme of the system and its switch button, charts.
    On a phone the first touches then open the menu, switch light/dark (the choice made while the bundle loads is
    kept), and instant navigation runs the yearbook's scripts on the next page."""
    visit = Visit(browser, server, color_scheme="dark")
    visit.page.set_viewport_size({"width": 390, "height": 844})
    page = visit.go("/parks/xiamen-torch/2016/")
    scripts = page.eval_on_selector_all("script[src]", "ss => ss.map(s => [s.getAttribute('src'), s.defer])")
    assert [(src.rsplit("/", 1)[-1], deferred) for src, deferred in scripts] == [
        ("yearbook-material.js", True),
        ("yearbook-charts.js", True),
        ("yearbook-search.js", True),
        ("yearbook-reader.js", True),
    ]
    assert not [url for url in visit.requests if "/javascripts/bundle." in url]
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    shown = page.locator("form[data-md-component='palette'] label:not([hidden])")
    assert shown.count() == 1 and shown.get_attribute("title") == "切换到浅色模式"
    page.locator("label.md-header__button[for='__drawer']").click()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.md-sidebar--primary a')].some(a => a.textContent.trim() === '园区'"
        " && a.getBoundingClientRect().left >= 0 && a.getBoundingClientRect().right <= innerWidth && a.offsetParent)"
    )
    page.wait_for_function("() => typeof (window.document$ || {}).pipe === 'function'")  # Material's own
    assert [url for url in visit.requests if "/javascripts/bundle." in url]
    page.locator("label.md-overlay").click(position={"x": 380, "y": 400})
    page.locator("form[data-md-component='palette'] label:not([hidden])").click()
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'default'")
    page.evaluate("document.activeElement.blur()")  # the switch keeps the focus; `/` is text in a form field
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('.yb-search input')")
    page.keyboard.press("Escape")
    _wait_for_charts(page)
    assert visit.errors == []
    visit.close()

    # A switch pressed before the bundle has arrived is applied when it does.
    visit = Visit(browser, server)
    page = visit.go("/")
    page.locator("form[data-md-component='palette'] label:not([hidden])").click()
    page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.reload()
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"  # and remembered
    assert visit.errors == []
    visit.close()


def test_long_page_title_shows_whole_in_a_phone_header(browser, server):
    """The page title Material puts in the header once the heading scrolls away: wrapped, never cut."""
    visit = Visit(browser, server)
    for width in (390, 1280):
        visit.page.set_viewport_size({"width": width, "height": 844})
        page = visit.go("/sources/xiamen-torch-2025-work-report/")
        page.mouse.wheel(0, 800)
        page.wait_for_selector(".md-header__title--active")
        topic = page.locator(".md-header__topic[data-md-component='header-topic'] .md-ellipsis")
        assert "2026年主要工作思路的报告" in topic.inner_text()
        box, header = topic.bounding_box(), page.locator(".md-header").bounding_box()
        fits = topic.evaluate("e => e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1")
        assert fits and box["y"] >= header["y"] and box["y"] + box["height"] <= header["y"] + header["height"] + 1
        assert width > 390 or box["height"] > 20  # on the phone it takes more than one line
    assert visit.errors == []
    visit.close()
