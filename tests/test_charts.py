"""Charts read right: specs, colours, series lines, marks and rankings; and, in Chromium, lazy drawing."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest

from generator.data.model import Figure, Quoted
from generator.data.pipeline import read_yearbook
from generator.pages import present
from generator.pages.charts import PALETTES, chart_specs
from generator.pages.render import render_site
from generator.pages.site_index import SiteIndex
from tests.conftest import PROJECT
from tests.test_browser import Visit, browser, server  # noqa: F401 (the browser tests' fixtures)
from tests.waiting import CEILING


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """The WCAG contrast ratio of two #rrggbb colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("scheme", sorted(PALETTES))
def test_every_mark_colour_stands_out_from_the_page_and_the_grid(scheme):
    palette = PALETTES[scheme]
    marks = [palette[key] for key in ("line", "highlight", "break", "up", "down", "text")] + palette["category"]
    for colour in marks:
        assert contrast(colour, palette["background"]) >= 3, (scheme, colour)
        assert contrast(colour, palette["background"]) > contrast(palette["grid"], palette["background"])


def test_specs_name_no_colour_or_number_format_of_their_own():
    """Colours come from the scheme's palette (placeholders), numbers in 万/亿 (never SI's k and M)."""
    for kind, text in chart_specs().items():
        spec = json.loads(text)
        body = json.dumps({key: value for key, value in spec.items() if key != "usermeta"}, ensure_ascii=False)
        assert "~s" not in body and '"format": "s"' not in body, kind
        assert re.search(r'"#[0-9a-fA-F]{6}"', body) is None, kind
        if kind != "growth":
            assert "万" in body and "亿" in body, kind
        assert set(spec["usermeta"]["colors"]) == set(PALETTES)


def test_small_multiples_give_every_panel_its_own_year_axis_on_one_scale():
    spec = json.loads(chart_specs()["panels"])
    assert spec["resolve"]["axis"]["x"] == "independent"
    assert spec["resolve"]["scale"]["x"] == "shared"
    for layer in spec["spec"]["layer"]:
        if "y" in layer.get("encoding", {}):
            axis = layer["encoding"]["y"]["axis"]
            assert axis["minExtent"] == axis["maxExtent"]  # plot areas start at the same place in every panel


def _figure(year: int, value: float, **changes) -> Figure:
    origin = Quoted("s", "q", 0, changes.pop("note", None))
    return Figure("p", year, "i", value, "亿元", None, None, origin, **changes)


def test_lines_join_only_consecutive_whole_years_on_one_definition():
    series = [
        _figure(2014, 1),
        _figure(2015, 2),
        _figure(2016, 3, period="1-9月"),  # part of the year: off the line
        _figure(2017, 4),  # after a gap (2016 has no whole-year value)
        _figure(2018, 5, note="口径为市级以上人才。"),  # another definition
        _figure(2019, 6, note="口径为市级以上人才。"),
        _figure(2025, 7, note="口径为市级以上人才。"),  # six years later
    ]
    marks = present.series_marks(series)
    segments = [marks[("p", f.year, "i", 0)]["segment"] for f in series]
    assert segments[0] == segments[1]
    assert segments[2] is None
    assert len({segments[1], segments[3], segments[4], segments[6]}) == 4
    assert segments[4] == segments[5]
    breaks = [marks[("p", f.year, "i", 0)]["basis_break"] for f in series]
    assert breaks == [False, False, False, False, True, False, False]


def test_ranking_compares_whole_year_values_of_one_year_only():
    a = replace(_figure(2020, 5), park="a")
    b = replace(_figure(2020, 9), park="b")
    c = replace(_figure(2020, 9), park="c")
    part = replace(_figure(2020, 50, scope="主园区"), park="d")
    ranked = present.ranked([a, b, c, part])
    assert [(rank, f.park) for rank, f in ranked] == [(1, "b"), (1, "c"), (3, "a"), (None, "d")]
    assert present.ranking_year([a, replace(_figure(2021, 1), park="a"), b]) == (2020, 2)
    assert present.ranking_year([part]) is None


def _of(indicator: str, park: str, year: int, **changes) -> Figure:
    return replace(_figure(year, 1, **changes), indicator=indicator, park=park)


def test_home_compares_the_indicator_and_year_most_parks_report():
    """Worked by hand: a's best year is 2020 (p, q; 2021 has p alone), b's 2019 (p, q; r's figure covers 主园区
    only), c's 2021 (p, q), d has only 1-9月 figures. Three pairs of parks: the latest year wins, c in 2021."""
    figures = {
        "a": [_of("a", "p", 2020), _of("a", "q", 2020), _of("a", "p", 2021)],
        "b": [_of("b", "p", 2019), _of("b", "q", 2019), _of("b", "r", 2019, scope="主园区"), _of("b", "p", 2018)],
        "c": [_of("c", "p", 2021), _of("c", "q", 2021)],
        "d": [_of("d", p, 2022, period="1-9月") for p in "pqr"],
    }
    assert present.compared(figures) == ("c", 2021, 2)
    # r's whole-park figure gives b three parks in 2019: more parks beat a later year.
    figures["b"][2] = _of("b", "r", 2019)
    assert present.compared(figures) == ("b", 2019, 3)
    # Equal parks and years: the indicator first in the catalogue.
    assert present.compared({"e": figures["c"], "c": figures["c"]}) == ("e", 2021, 2)
    # No year with two parks: nothing to compare.
    assert present.compared({"a": [_of("a", "p", 2020), _of("a", "q", 2021)], "d": figures["d"]}) is None


def test_home_table_takes_the_indicators_most_parks_report():
    """Worked by hand: b is reported whole by p, q and r (any year), a by p and q, c by p (q's is 1-9月), d by none."""
    figures = {
        "a": [_of("a", "p", 2020), _of("a", "q", 2016)],
        "b": [_of("b", "p", 2019), _of("b", "q", 2019), _of("b", "r", 2012)],
        "c": [_of("c", "p", 2021), _of("c", "q", 2021, period="1-9月")],
        "d": [],
    }
    assert present.headline_indicators(figures, 2) == ["b", "a"]
    assert present.headline_indicators(figures, 4) == ["b", "a", "c"]
    assert present.headline_indicators({"x": figures["c"], "c": figures["c"]}, 1) == ["x"]  # equals: catalogue order


def test_a_year_with_facts_but_no_indicator_is_not_called_a_plan():
    from generator.data.model import Fact, ParkYear, Target

    origin = Quoted("s", "q", 0, None)
    fact = Fact("p", 2020, "综合实力", "t", (), origin)
    target = Target("p", 2020, 2021, None, "t", 1, "个", ">=", origin)
    year = ParkYear("p", 2020, None, ("s",), [], [fact], [target])
    assert present.year_content(year) == "无可比指标,见该年的其他数字"
    assert present.year_content(replace(year, facts=[])) == "规划文件,仅含目标"
    assert present.year_content(replace(year, figures=[_figure(2020, 1)])) == ""


def test_home_and_indicator_pages_state_the_year_they_compare():
    files = render_site(read_yearbook(PROJECT / "data"))
    home = files["index.md"].decode("utf-8")
    assert "latest.json" not in home and "最新年份" not in home
    assert "data/latest.json" not in files
    # Whatever the data, the home page compares what present.compared chooses, and says how many parks.
    chosen = present.compared(SiteIndex(read_yearbook(PROJECT / "data")).figures_by_indicator)
    # 2020's GDP is reported whole by six parks (鞍山, 蚌埠, 兰州, 宁波, 太仓, 郑州), the most of any year and measure.
    assert chosen == ("gdp", 2020, 6)
    assert "2020年的地区生产总值是报告同一指标、同一年份全年数字的园区最多的一组,共 6 个园区" in home
    page = files["indicators/gdp.md"].decode("utf-8")
    assert "## 2020年各园区排名" in page and "园区最多的2020年(6 个园区)" in page
    page = files["indicators/industrial_output_above_scale.md"].decode("utf-8")
    # 2020 (河源, 沈阳, 太仓) has the most parks reporting the year whole.
    assert "## 2020年各园区排名" in page and "园区最多的2020年(3 个园区)" in page
    for year in (2008, 2011, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023):
        assert f"indicators/industrial_output_above_scale/{year}.md" in files
        assert f"data/indicators/industrial_output_above_scale/{year}.json" in files


def _year_labels(kind: str, years: list[int]) -> list[str]:
    """The year axis' labels of a chart kind drawn (by vl-convert, the libraries the site serves) over one series."""
    import vl_convert

    text = chart_specs()[kind]
    for placeholder in re.findall(r"__[A-Z_]+__", text):
        text = text.replace(placeholder, "#555555" if placeholder.startswith("__C_") else "t")
    spec = json.loads(text)
    spec["datasets"] = {
        "figures": [
            {
                "park_name": "甲",
                "year": year,
                "indicator_label": "指标(亿元)",
                "indicator_order": 0,
                "value": 10 + n,
                "segment": "a/1",
                "basis_break": False,
                "mark": "exact",
                "highlight": False,
            }
            for n, year in enumerate(years)
        ]
    }
    if kind == "compare":
        spec["width"] = 600
    return re.findall(r"<text[^>]*>(\d{4}(?:\.\d+)?)</text>", vl_convert.vegalite_to_svg(spec))


@pytest.mark.parametrize(
    ("kind", "years", "labels"),
    [
        ("panels", [2022, 2023], ["2022", "2023"]),  # was 2022, 2023, 2023 (ticks on half-years)
        ("panels", [2010, 2011, 2012], ["2010", "2011", "2012"]),
        ("panels", [2007, 2009, 2014, 2015, 2016, 2022, 2023], ["2010", "2015", "2020"]),
        ("panels", [2015], ["2015"]),
        ("compare", [2022, 2023], ["2022", "2023"]),
        ("compare", [2002, 2022], ["2005", "2010", "2015", "2020"]),
    ],
)
def test_year_axis_has_whole_years_each_once(kind, years, labels):
    assert _year_labels(kind, years) == labels


def test_a_plan_year_target_names_what_is_missing():
    """2020 only plans: a target naming an indicator says the year reports no such figure, not 无可比指标."""
    yearbook = read_yearbook(PROJECT / "data")
    targets = [t for t in yearbook.years[("xiamen-torch", 2020)].targets if t.for_year == 2020]
    named = [t for t in targets if t.indicator]
    assert named
    for target in named:
        assert present.target_status(yearbook, target).label == "当年未报告该指标"
    for target in targets:
        if target.indicator is None:
            assert present.target_status(yearbook, target).label == "无可比指标"


# -- In Chromium --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_chart_library_loads_only_when_a_chart_nears_the_screen(browser, server, scheme, width, tmp_path):  # noqa: F811
    visit = Visit(browser, server, color_scheme=scheme)
    visit.context.close()
    visit.context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
    visit.context.set_default_timeout(CEILING * 1000)
    visit.page = visit.context.new_page()
    visit.page.on("request", lambda r: visit.requests.append(r.url))
    visit.page.on("pageerror", lambda e: visit.errors.append(str(e)))
    page = visit.go("/parks/xiamen-torch/2016/")
    nearest = page.evaluate(
        "() => Math.min(...[...document.querySelectorAll('.yb-chart')].map(e => e.getBoundingClientRect().top))"
        " - window.innerHeight"
    )
    if nearest > 300 + 100:  # no chart near the screen (the loading margin is 300 px): no chart library yet
        assert not any("vega-bundle" in url for url in visit.requests)
    else:
        assert width > 390  # on a phone the headline table keeps every chart well below the first screen
    panels = page.locator(".yb-chart[data-kind='panels']")
    panels.scroll_into_view_if_needed()
    page.wait_for_selector(".yb-chart[data-kind='panels'].yb-drawn svg")
    assert any("vega-bundle" in url for url in visit.requests)
    # Every panel has its own year axis (2016 under each), and no label in SI's k.
    labels = panels.locator("svg text").evaluate_all("texts => texts.map(t => t.textContent)")
    assert not any(label.endswith(("k", "M")) for label in labels), labels
    indicators = panels.get_attribute("data-filter-indicator-in").split()
    assert labels.count("2016") == len(indicators)
    # Axis numbers as Chinese readers write them, evaluated by Vega itself.
    layers = json.loads(chart_specs()["compare"])["layer"]
    expression = next(layer["encoding"]["y"]["axis"]["labelExpr"] for layer in layers if "y" in layer["encoding"])
    formatted = page.evaluate(
        """async expr => {
             const out = [];
             for (const v of [4000, 12000, 300000000, 0.5]) {
               const update = expr.replace(/datum\\.value/g, String(v));
               const spec = {signals: [{name: "out", update: update}]};
               const result = await vegaEmbed(document.createElement("div"), spec, {mode: "vega", actions: false});
               out.push(result.view.signal("out"));
             }
             return out;
           }""",
        expression,
    )
    assert formatted == ["4000", "1.2万", "3亿", "0.5"]
    panels.screenshot(path=str(tmp_path / f"panels-{scheme}-{width}.png"))
    assert visit.errors == []
    assert visit.outside_requests() == []
    visit.close()
