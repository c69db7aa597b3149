"""The generated site: golden pages, reproducibility, incremental writes, safe text, one real MkDocs build."""

from __future__ import annotations

import datetime
import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest
import yaml
from markupsafe import escape

from generator.cli import main
from generator.data.pipeline import read_yearbook
from generator.pages.render import render_site
from tests.conftest import HAND_WRITTEN_DOCS, PROJECT, copy_project
from tests.third_party import css_reaches, html_reaches, script_reaches
from tests.update_golden import GOLDEN, GOLDEN_PAGES


@pytest.fixture(scope="module")
def real_files() -> dict[str, bytes]:
    return render_site(read_yearbook(PROJECT / "data"))


@pytest.mark.parametrize("page", sorted(GOLDEN_PAGES))
def test_golden_page(real_files, page):
    """To accept a deliberate change: `python -m tests.update_golden`, then review the diff."""
    golden = GOLDEN / GOLDEN_PAGES[page]
    assert real_files[page].decode("utf-8") == golden.read_text(encoding="utf-8")


def test_rendering_is_byte_identical(real_files):
    again = render_site(read_yearbook(PROJECT / "data"))
    assert again == real_files


def test_every_park_year_and_source_has_a_page(real_files):
    yearbook = read_yearbook(PROJECT / "data")
    for park, year in yearbook.years:
        assert f"parks/{park}/{year}.md" in real_files
    for source in yearbook.sources:
        assert f"sources/{source}.md" in real_files
    for indicator in yearbook.indicators:
        assert f"indicators/{indicator}.md" in real_files


def test_sources_are_listed_by_park_and_each_park_listing_links_its_reports(real_files):
    """The sources index is paged by park (one listing of every report passes 900 KB at 178 parks × 20 years)."""
    yearbook = read_yearbook(PROJECT / "data")
    index = real_files["sources/index.md"].decode("utf-8")
    for park in {source.park for source in yearbook.sources.values()}:
        assert f"(../parks/{park}/sources.md)" in index
        listing = real_files[f"parks/{park}/sources.md"].decode("utf-8")
        for source in yearbook.sources.values():
            linked = f"(../../sources/{source.id}.md)" in listing
            assert linked == (park in (source.park, *source.parks)), (park, source.id)
    assert not any(f"sources/{source}.md)" in index for source in yearbook.sources)
    listing = real_files["parks/xiamen-torch/sources.md"].decode("utf-8")
    row = "| [厦门火炬高新区2016年工作报告和2017年工作安排](../../sources/xiamen-torch-2016-work-report.md) | "
    assert row + "[2016](2016.md) · 2017 | 厦门火炬高新区 | 2017-02-03 | 工作报告 |" in listing


PARKS = 30  # of the synthetic yearbook below: more than the home page shows, and a ranking longer than its cut


def test_home_page_keeps_to_the_latest_parks_and_the_top_of_the_ranking(tmp_path):
    """With more parks than the home page shows (a synthetic yearbook of 30 parks), it shows the parks that
    reported last and a ranking's first rows, and links to the rest; the sources and parks listings, one line a
    park."""
    from bench.make_corpus import make_corpus
    from generator.pages.kinds import HOME_PARKS, HOME_RANKING
    from generator.pages.render import render_pages

    make_corpus(tmp_path / "corpus", PARKS, 2, 1)
    yearbook = read_yearbook(tmp_path / "corpus" / "data")
    pages = render_pages(yearbook, {"index.md", "sources/index.md", "parks/index.md"})
    home = pages["index.md"]
    cards = re.findall(r'^<tr><td><a href="parks/([^/]+)/">', home, re.M)  # a row a park in one table
    last = max(py.year for py in yearbook.years.values())
    assert len(cards) == HOME_PARKS < len(yearbook.parks)
    assert all(yearbook.park_years(park)[-1].year == last for park in cards)
    assert f"最近报告的 {HOME_PARKS} 个园区;全部 {PARKS} 个园区及其历年数据见[园区](parks/index.md)页。" in home
    ranking = home[home.index('<table class="yb-ranking">') :]
    cut = re.search(
        rf"以上为前 {HOME_RANKING} 名;(\d{{4}})年全部 (\d+) 个园区的排名见"
        r"\[(.+?)的\1年排名\]\(indicators/([a-z0-9_]+)/\1\.md\)",
        home,
    )
    ranked_year, indicator = int(cut.group(1)), cut.group(4)
    assert yearbook.indicators[indicator].name == cut.group(3)
    ranked = [f for f in yearbook.figures() if f.indicator == indicator and f.year == ranked_year]
    assert len(ranked) == int(cut.group(2)) > HOME_RANKING  # so the home page must cut the ranking
    assert ranking[: ranking.index("</table>")].count("<tr><td>") == HOME_RANKING
    index = pages["sources/index.md"]
    assert len(re.findall(r"^- \[[^]]+\]\(\.\./parks/[^/]+/sources\.md\):2 份,涉及 \d{4}", index, re.M)) == PARKS
    parks = pages["parks/index.md"]  # one line a park: the span of its years and a link to the latest
    line = rf"^- \[.*:{last - 1}–{last}年共 2 个年度,最新 \[{last}年\]\([^/]+/{last}\.md\)$"
    assert len(re.findall(line, parks, re.M)) == PARKS


def test_downloads_hold_every_figure_with_its_quote(real_files):
    yearbook = read_yearbook(PROJECT / "data")
    rows = json.loads(real_files["data/yearbook.json"])
    assert len(rows) == len(yearbook.figures()) > 0
    csv_lines = real_files["data/yearbook.csv"].decode("utf-8-sig").splitlines()
    header = "park,park_name,year,indicator,indicator_name,value,unit,change_pct,change_qualifier,qualifier,period"
    assert csv_lines[0] == header + ",scope,note,source,source_title,quote,source_url"
    assert len(csv_lines) == len(rows) + 1
    for row in rows:
        source = yearbook.sources[row["source"]]
        assert source.locate(row["quote"]), row
    # The charts draw the per-park files: the same numbers as the download.
    for park in yearbook.parks:
        chart_rows = json.loads(real_files[f"data/parks/{park}.json"])
        assert [(r["year"], r["indicator"], r["value"]) for r in chart_rows] == [
            (r["year"], r["indicator"], r["value"]) for r in rows if r["park"] == park
        ]


def _generate(project: Path) -> str:
    return str(main(["--data", str(project / "data"), "generate"]))


def test_second_generate_writes_nothing_and_an_edit_rewrites_only_its_pages(tmp_path, capsys):
    project = copy_project(tmp_path / "p")
    assert main(["--data", str(project / "data"), "generate"]) == 0
    capsys.readouterr()
    assert main(["--data", str(project / "data"), "generate"]) == 0
    assert "generated: 0 written, 0 removed" in capsys.readouterr().out
    year_file = project / "data/years/xiamen-torch/2016.yaml"
    text = year_file.read_text(encoding="utf-8")
    assert "summary:" in text
    year_file.write_text(text.replace("summary:", "summary: 新摘要。", 1), encoding="utf-8")
    assert main(["--data", str(project / "data"), "generate"]) == 0
    assert "generated: 1 written, 0 removed" in capsys.readouterr().out


def test_deleted_year_file_leaves_no_stale_page(tmp_path):
    project = copy_project(tmp_path / "p")
    assert main(["--data", str(project / "data"), "generate"]) == 0
    assert (project / "docs/parks/xinyu/2014.md").is_file()
    (project / "data/years/xinyu/2014.yaml").unlink()
    assert main(["--data", str(project / "data"), "generate"]) == 0
    assert not (project / "docs/parks/xinyu/2014.md").exists()
    assert "xinyu" not in json.dumps(json.loads((project / "docs/data/yearbook.json").read_text()))


def test_failed_check_leaves_previous_output_untouched(tmp_path, capsys):
    project = copy_project(tmp_path / "p")
    assert main(["--data", str(project / "data"), "generate"]) == 0
    before = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    year_file = project / "data/years/xiamen-torch/2016.yaml"
    year_file.write_text(year_file.read_text(encoding="utf-8").replace("year: 2016", "year: 2015"), encoding="utf-8")
    assert main(["--data", str(project / "data"), "build"]) == 1
    assert "data/years/xiamen-torch/2016.yaml:" in capsys.readouterr().err
    after = {p: p.read_bytes() for p in (project / "docs").rglob("*") if p.is_file()}
    assert after == before
    assert not (project / "site").exists()


# Words, not numbers, mark each injection: the editor's prose states no number its file does not prove.
INJECTIONS = [
    "<script>alert('x')</script>",
    "<img src=x onerror=alert('img')>",
    "[点我](javascript:alert('link'))",
    "{{ x*y }}{% raw %}",
    "</script><script>alert('end')</script>",
    "**粗体** _斜体_ `代码` # 标题",
]


def _inject(data: Path) -> None:
    """Put every injection string into free-text fields a reader sees."""
    year_file = data / "years/xiamen-torch/2016.yaml"
    import yaml

    year = yaml.safe_load(year_file.read_text(encoding="utf-8"))
    year["summary"] = " ".join(INJECTIONS)
    year["facts"][0]["text"] = INJECTIONS[0] + INJECTIONS[2]
    year["facts"][0]["theme"] = INJECTIONS[1]
    year["targets"][0]["text"] = INJECTIONS[4] + INJECTIONS[3]
    year_file.write_text(yaml.safe_dump(year, allow_unicode=True, sort_keys=False), encoding="utf-8")
    park_file = data / "parks/xiamen-torch.yaml"
    park = yaml.safe_load(park_file.read_text(encoding="utf-8"))
    park["description"] = " ".join(INJECTIONS)
    park_file.write_text(yaml.safe_dump(park, allow_unicode=True, sort_keys=False), encoding="utf-8")
    catalogue_file = data / "indicators.yaml"
    catalogue = yaml.safe_load(catalogue_file.read_text(encoding="utf-8"))
    catalogue[0]["definition"] = " ".join(INJECTIONS)
    catalogue_file.write_text(yaml.safe_dump(catalogue, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_injected_text_is_escaped_in_generated_markdown(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data", data)
    _inject(data)
    files = render_site(read_yearbook(data))
    page = files["parks/xiamen-torch/2016.md"].decode("utf-8")
    assert "<script>" not in page and "<img" not in page
    # Finished HTML blocks never reach Markdown: there, text only needs HTML escaping; the rest is Markdown.
    raw_blocks = re.findall(r"^<!-- yb:raw -->\n(.*?)\n<!-- /yb:raw -->$", page, re.DOTALL | re.MULTILINE)
    front_matter, body = re.fullmatch(r"---\n(.*?)\n---\n(.*)", page, re.DOTALL).groups()
    # The front matter is YAML, printed into attributes by the theme: its text is HTML-escaped, never Markdown.
    meta = yaml.safe_load(front_matter)
    assert meta["description"].startswith("&lt;script&gt;alert") and "<" not in front_matter
    markdown_part = re.sub(r"^<!-- yb:raw -->\n.*?\n<!-- /yb:raw -->$", "", body, flags=re.DOTALL | re.MULTILINE)
    assert raw_blocks and all("<script" not in block and "<img" not in block for block in raw_blocks)
    assert not re.findall(r'href="javascript:', page)
    assert not re.search(r"(?<!\\)\]\(javascript:", markdown_part)
    assert "&lt;script&gt;alert" in page
    assert "\\{\\{ x\\*y }}" in markdown_part
    park_page = files["parks/xiamen-torch.md"].decode("utf-8")
    assert "<script>" not in park_page and not re.search(r"(?<!\\)\]\(javascript:", park_page)
    indicator_page = files["indicators/" + read_yearbook(data).figures()[0].indicator + ".md"].decode("utf-8")
    assert "<script>" not in indicator_page


def test_real_site_builds_strict_with_every_page(built_site):
    site = built_site / "site"
    yearbook = read_yearbook(built_site / "data")
    assert (site / "index.html").is_file()
    for park, year in yearbook.years:
        html = (site / f"parks/{park}/{year}/index.html").read_text(encoding="utf-8")
        assert str(escape(yearbook.parks[park].short_name)).replace("&#34;", "&quot;") in html or park == "zz-injection"
    assert (site / "data/yearbook.csv").is_file()
    assert (site / "assets/vendor/vega-bundle.js").stat().st_size > 100_000


def test_every_park_is_a_link_of_its_province_in_the_side_navigation(built_site):
    """With the theme's navigation.indexes, a section takes an index.md child as its own page: a park must never be
    that page, or the first park of each province (and the only one of a one-park province) leaves the list."""
    site = built_site / "site"
    yearbook = read_yearbook(built_site / "data")
    for park in yearbook.parks.values():
        # The park's own page opens its province in the menu (navigation.prune leaves other provinces closed).
        html = (site / f"parks/{park.id}/index.html").read_text(encoding="utf-8")
        nav = html[html.index('<nav class="md-nav md-nav--primary"') : html.index('<div class="md-content"')]
        links = {
            unescape(text.strip()): href
            for href, text in re.findall(r'<a href="([^"]*)"[^>]*>\s*<span class="md-ellipsis">(.*?)</span>', nav, re.S)
        }
        for neighbour in (p for p in yearbook.parks.values() if p.province == park.province):
            assert links.get(neighbour.short_name) == ("./" if neighbour is park else f"../{neighbour.id}/"), (
                park.id,
                neighbour.id,
            )
        # The province is a section with a label of its own, not a link standing for its first park.
        labels = re.findall(r'<label class="md-nav__link[^>]*>\s*<span class="md-ellipsis">(.*?)</span>', nav, re.S)
        assert park.province in {unescape(label.strip()) for label in labels}, park.id


# One page per way of reaching another host, each written by hand; and what may stand in a page without asking.
REACHING = {
    "script": '<script src="https://cdn.example.com/x.js"></script>',
    "protocol-relative image": '<img src="//img.example.com/a.png">',
    "stylesheet": '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Noto">',
    "preload": '<link rel="preload" as="font" href="https://fonts.gstatic.com/s/a.woff2">',
    "preconnect": '<link rel="preconnect" href="https://fonts.gstatic.com">',
    "dns-prefetch": '<link rel="dns-prefetch" href="//stats.example.com">',
    "icon": '<link rel="icon" href="https://example.com/favicon.ico">',
    "srcset": '<img src="a.png" srcset="a.png 1x, https://img.example.com/a@2x.png 2x">',
    "form action": '<form action="https://example.com/submit"></form>',
    "video poster": '<video poster="https://example.com/p.jpg"></video>',
    "object data": '<object data="https://example.com/x.svg"></object>',
    "iframe": '<iframe src="https://example.com/embed"></iframe>',
    "a link's ping": '<a href="/x/" ping="https://stats.example.com/p">x</a>',
    "a data attribute a script reads": '<div data-src="https://example.com/spec.json"></div>',
    "base address": '<base href="https://example.com/">',
    "refresh": '<meta http-equiv="refresh" content="0; url=https://example.com/">',
    "inline style url()": "<div style=\"background: url('https://example.com/bg.png')\"></div>",
    "style element url()": "<style>body { background: url(//example.com/bg.png) }</style>",
    "style element @import": '<style>@import "https://fonts.googleapis.com/css";</style>',
    "script fetch": "<script>fetch('https://api.example.com/data.json')</script>",
    "script import": '<script type="module">import("https://cdn.example.com/m.js")</script>',
    "script XHR": '<script>var x = new XMLHttpRequest(); x.open("GET", "//api.example.com/d")</script>',
    "canonical elsewhere": '<link rel="canonical" href="https://mirror.example.com/x/">',
}
NOT_REACHING = [
    '<a href="https://creativecommons.org/licenses/by/4.0/deed.zh-hans">CC BY 4.0</a>',  # clicked, not fetched
    '<link rel="canonical" href="https://yearbook.example.org/parks/">',  # the page's own address
    '<meta property="og:image" content="https://yearbook.example.org/assets/preview.png">',
    '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"></svg>',
    '<abbr title="见 https://example.com/">注</abbr>',
    '<img src="../assets/a.png" srcset="../assets/a.png 1x, ../assets/b.png 2x" style="background: url(data:x)">',
    "<script>document.createElementNS('http://www.w3.org/2000/svg', 'svg'); fetch('../data/parks/x.json')</script>",
    "<style>.x { background: url(\"data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>\") }</style>",
]


@pytest.mark.parametrize("way", sorted(REACHING))
def test_the_self_contained_check_finds_each_way_of_reaching_another_host(way):
    assert html_reaches(REACHING[way], own="https://yearbook.example.org/") != [], way


def test_the_self_contained_check_lets_links_names_and_own_addresses_be():
    for page in NOT_REACHING:
        assert html_reaches(page, own="https://yearbook.example.org/") == [], page
    assert css_reaches("@import url(https://example.com/x.css); a { background: url( '//cdn.example.com/y' ) }") == [
        "https://example.com/x.css",
        "//cdn.example.com/y",
    ]
    assert script_reaches("const u = `https://api.example.com/${id}`; load('./x.json')") == [
        "https://api.example.com/${id}"
    ]


def test_the_built_site_asks_no_other_host_for_anything(built_site):
    """Self-contained: no page, stylesheet or script of the yearbook's own makes the reader's browser ask another
    host for a script, style, font, image or data (the browser tests also watch the requests of a few pages)."""
    from generator.pages.address import site_url

    site, own = built_site / "site", site_url(built_site / "mkdocs.yml")
    found = {}
    for page in sorted(site.rglob("*.html")):
        found[page.relative_to(site).as_posix()] = html_reaches(page.read_text(encoding="utf-8"), own)
    for stylesheet in sorted(site.rglob("*.css")):  # the yearbook's, Material's and Pagefind's
        found[stylesheet.relative_to(site).as_posix()] = css_reaches(stylesheet.read_text(encoding="utf-8"))
    for script in (name for name in HAND_WRITTEN_DOCS if name.endswith(".js")):  # the yearbook's own scripts
        found[script] = script_reaches((site / script).read_text(encoding="utf-8"))
    assert {path: urls for path, urls in found.items() if urls} == {}
    assert len(found) > 100 and any(path.endswith(".css") for path in found)


def test_material_bundle_named_in_the_loader_is_in_the_site(built_site):
    """overrides/main.html names Material's bundle to load it on the reader's first touch: a Material upgrade that
    renames the file must change it there too; every page names the same file, relative to itself."""
    site = built_site / "site"
    for page in (site / "index.html", site / "parks/xiamen-torch/2016/index.html", site / "404.html"):
        html = page.read_text(encoding="utf-8")
        (name,) = re.findall(r'<script src="[^"]*yearbook-material\.js" data-bundle="([^"]+)" defer>', html)
        file = site / name[1:] if name.startswith("/") else page.parent / name  # 404.html: from the site's root
        assert name.endswith(".min.js") and file.resolve().is_file(), (page, name)
        assert "javascripts/bundle." not in html.replace(name, ""), page  # not also loaded with the page


def _local_links(html: str) -> list[str]:
    return [link for link in re.findall(r'(?:href|src)="([^"]+)"', html) if not re.match(r"(?:[a-z]+:|//|#)", link)]


def test_every_local_link_and_source_anchor_resolves(built_site):
    """Finished HTML blocks bypass MkDocs' link checks, so every built page's links are checked here."""
    site = built_site / "site"
    ids: dict[Path, set[str]] = {}
    broken = []
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        for link in _local_links(html):
            path, _, anchor = link.partition("#")
            base = site if path.startswith("/") else page.parent  # 404.html links from the site root
            target = (base / path.lstrip("/")).resolve() if path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {link}")
            elif anchor and target.suffix == ".html":
                if target not in ids:
                    ids[target] = set(re.findall(r'\bid="([^"]+)"', target.read_text(encoding="utf-8")))
                if anchor not in ids[target]:
                    broken.append(f"{page.relative_to(site)}: {link} (no such anchor)")
    assert not broken, "\n".join(broken[:20])


def test_build_split_over_processes_equals_one_process_build(built_site, tmp_path, monkeypatch):
    """The parallel MkDocs build (one share per CPU) writes the same pages as a single MkDocs process."""
    from generator.cli import main
    from generator.publish import build

    project = tmp_path / "yearbook"
    shutil.copytree(built_site, project, ignore=shutil.ignore_patterns("site", ".venv", ".cache"))
    monkeypatch.setattr(build, "_PAGES_PER_WORKER", 0)
    monkeypatch.setenv("YEARBOOK_JOBS", "2")
    # The pages carry the edition, MkDocs' build date: this build is dated as the one it is compared with, which may
    # have run before midnight (UTC) and this one after.
    cited = (
        re.search(r"版本 (\d{4}-\d{2}-\d{2})", p.read_text(encoding="utf-8"))
        for p in (built_site / "site/parks").rglob("*.html")
    )
    edition = next((found for found in cited if found), None)
    assert edition, "a park page's citation names its edition"
    day = datetime.datetime.strptime(edition.group(1), "%Y-%m-%d").replace(tzinfo=datetime.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(day.timestamp())))
    assert main(["--data", str(project / "data"), "build"]) == 0
    single = {p.relative_to(built_site / "site"): p.read_bytes() for p in (built_site / "site").rglob("*.html")}
    split = {p.relative_to(project / "site"): p.read_bytes() for p in (project / "site").rglob("*.html")}
    assert split.keys() == single.keys()
    assert [page for page in single if split[page] != single[page]] == []
    assert (project / "site/pagefind/pagefind.js").is_file()


def test_built_pages_drop_indentation_but_keep_preformatted_text():
    """Leading spaces and blank lines go from every line except inside <pre>, <textarea> and <script>, where they
    show or count; an ideographic space that starts a line stays (it shows)."""
    from generator.publish.plugin import without_indentation

    page = (
        "<html>\n  <body>\n\n  \n    <p>规模以上\n      工业总产值</p>\n\u3000\u3000<p>正文</p>\n"
        "    <pre><code>  第一行\n\n    缩进的第二行</code></pre>\n"
        "    <script>\n      var text = `a\n        b`;\n    </script>\n"
        "    <textarea>\n  保留\n</textarea>\n  </body>\n</html>"
    )
    assert without_indentation(page) == (
        "<html>\n<body>\n<p>规模以上\n工业总产值</p>\n\u3000\u3000<p>正文</p>\n"
        "<pre><code>  第一行\n\n    缩进的第二行</code></pre>\n"
        "<script>\n      var text = `a\n        b`;\n    </script>\n"
        "<textarea>\n  保留\n</textarea>\n</body>\n</html>"
    )


def test_built_pages_carry_no_theme_indentation(built_site):
    park, year = min(read_yearbook(built_site / "data").years)
    html = (built_site / f"site/parks/{park}/{year}/index.html").read_text(encoding="utf-8")
    outside = re.sub(r"<(pre|textarea|script)\b.*?</\1>", "", html, flags=re.DOTALL)
    assert "<article" in outside and not re.search(r"\n[ \t]+<", outside)
