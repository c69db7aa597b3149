"""Real-browser checks in Debian's headless Chromium: charts, dark mode, search, sources, safety, requests."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
pytestmark = pytest.mark.browser


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


def _wait_for_charts(page) -> int:
    count = page.locator(".yb-chart").count()
    assert count > 0
    for chart in page.locator(".yb-chart").all():  # a chart is drawn when it comes near the screen
        chart.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.yb-chart')]"
        ".every(e => e.classList.contains('yb-drawn') || e.classList.contains('yb-failed'))",
        timeout=20_000,
    )
    assert page.locator(".yb-chart.yb-failed").count() == 0
    assert page.locator(".yb-chart svg").count() == count
    return count


def test_year_page_draws_charts_in_light_and_dark(browser, server, tmp_path):
    visit = Visit(browser, server)
    page = visit.go("/parks/xiamen-torch/2016/")
    charts = _wait_for_charts(page)
    page.screenshot(path=str(tmp_path / "light.png"), full_page=True)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "default"
    # The reader's toggle: Material's palette switch.
    page.locator("label.md-header__button[for^='__palette_']:visible").first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    page.wait_for_function(
        f"document.querySelectorAll('.yb-chart[data-scheme=\"dark\"] svg').length === {charts}", timeout=20_000
    )
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


def test_figure_links_to_highlighted_passage(browser, server):
    visit = Visit(browser, server)
    page = visit.go("/parks/xiamen-torch/2016/")
    link = page.locator("table a[title='查看原文出处']").first
    value = link.inner_text()
    link.click()
    page.wait_for_url("**/sources/xiamen-torch-2016-work-report/#p*")
    anchor = urlparse(page.url).fragment
    paragraph = page.locator(f"p#{anchor}")
    assert paragraph.locator("mark").count() >= 1
    digits = "".join(ch for ch in value if ch.isdigit() or ch == ".")
    assert digits.rstrip(".") in paragraph.locator("mark").all_inner_texts()[0] or digits in paragraph.inner_text()
    assert page.evaluate(f"document.querySelector('p#{anchor}').matches(':target')")
    assert visit.errors == []
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
    page.wait_for_selector(".yb-search-results a", timeout=15_000)
    hrefs = page.eval_on_selector_all(".yb-search-results a", "els => els.map(e => e.href)")
    assert any(expected in href for href in hrefs), hrefs
    assert visit.outside_requests() == []
    visit.close()


def _search_urls(browser, base: str, query: str) -> list[str]:
    """Every result path of a search, loading them all with the 更多 button."""
    visit = Visit(browser, base)
    page = visit.go("/")
    page.locator(".yb-search input").fill(query)
    page.wait_for_selector(".yb-search-results a", timeout=15_000)
    status = page.locator(".yb-search-status").inner_text()
    while page.locator(".yb-search-more").count():
        shown = page.locator(".yb-search-results a").count()
        page.locator(".yb-search-more").click()
        page.wait_for_function(f"document.querySelectorAll('.yb-search-results a').length > {shown}")
    urls = page.eval_on_selector_all(".yb-search-results a", "els => els.map(e => new URL(e.href).pathname)")
    assert status == f"找到 {len(urls)} 个结果"
    assert visit.errors == [] and visit.outside_requests() == []
    visit.close()
    return urls


@pytest.mark.xfail(
    reason="Pagefind searches each part on its own: a part without the query's word falls back to its longest "
    "prefix in that part (高新技术企业 → 高新, as in 高新区) and lists pages the whole index does not; which part "
    "lacks the word depends on how the pages fall into parts",
    strict=False,
)
def test_search_over_an_index_in_parts_finds_what_one_index_finds(browser, server, built_site, tmp_path, monkeypatch):
    from generator.build.search_index import PART_BYTES_VARIABLE, PARTS_FILE, SEARCH_DIR, index_site

    site = tmp_path / "site"
    shutil.copytree(built_site / "site", site, ignore=shutil.ignore_patterns(SEARCH_DIR))
    monkeypatch.setenv(PART_BYTES_VARIABLE, "300000")  # the test site is a few MB: several parts
    index_site(site)
    parts = (site / SEARCH_DIR / PARTS_FILE).read_text(encoding="utf-8")
    assert parts.count("parts/") >= 2
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        whole = _search_urls(browser, server, "高新技术企业")
        in_parts = _search_urls(browser, f"http://127.0.0.1:{httpd.server_address[1]}", "高新技术企业")
    finally:
        httpd.shutdown()
    assert len(whole) > 5  # more than one batch, so the 更多 button was used
    assert sorted(in_parts) == sorted(whole)


def test_search_without_an_index_says_why(browser, built_site, tmp_path):
    """A preview (`yearbook serve`) has no search index: the search box says so instead of failing."""
    from generator.build.search_index import SEARCH_DIR

    site = tmp_path / "site"
    shutil.copytree(built_site / "site", site, ignore=shutil.ignore_patterns(SEARCH_DIR))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        visit = Visit(browser, f"http://127.0.0.1:{httpd.server_address[1]}")
        page = visit.go("/")
        page.locator(".yb-search input").fill("集成电路")
        status = page.locator(".yb-search-status")
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
    assert "<script>window.__injected = 9</script>" in page.locator("article").inner_text()
    page.locator(".yb-search input").fill("注入测试")
    page.wait_for_selector(".yb-search-results a", timeout=15_000)
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
