"""The numbers the site computes, each by the one rule the about page states, against examples worked by hand.

The expected numbers below were worked out on paper from the rules of docs/about.md ("网站计算的数字"), not read
from the code under test.
"""

from __future__ import annotations

import re

import pytest

from generator.data.model import Figure, Indicator, Park, ParkYear, Quoted, Target, Yearbook
from generator.data.verdicts import status
from generator.pages import present
from generator.pages.render import _Pages
from tests.conftest import PROJECT

ABOUT = (PROJECT / "docs" / "about.md").read_text(encoding="utf-8")
ORIGIN = Quoted(source="s", quote="引文", paragraph=0, note=None)


def fig(park: str, year: int, value, period=None, qualifier=None, indicator="gdp") -> Figure:
    return Figure(park, year, indicator, value, "亿元", None, qualifier, ORIGIN, period=period)


def _parks(*ids: str) -> dict[str, Park]:
    return {i: Park(i, i, i, i, "省", "市", "东部") for i in ids}


def test_the_ranking_largest_first_equal_values_share_a_place():
    # By hand: B 500 is first (no park above it: 1 + 0); A and C 300 share second (only B above: 1 + 1); D 100 is
    # fourth (B, A and C above: 1 + 3); E reports only 1-9月: listed after them, unranked.
    figures = [fig("a", 2020, 300), fig("b", 2020, 500), fig("c", 2020, 300), fig("d", 2020, 100)]
    figures.append(fig("e", 2020, 900, period="1-9月"))
    ranked = [(rank, f.park) for rank, f in present.ranked(figures)]
    assert ranked == [(1, "b"), (2, "a"), (2, "c"), (4, "d"), (None, "e")]


def test_the_ranking_of_a_hedged_number_uses_the_number_as_written():
    # By hand: 近300 ranks as 300, level with an exact 300; 310 is above both.
    figures = [fig("a", 2020, 300, qualifier="近"), fig("b", 2020, 300), fig("c", 2020, 310)]
    assert [(rank, f.park) for rank, f in present.ranked(figures)] == [(1, "c"), (2, "a"), (2, "b")]


def test_the_comparison_year_has_most_parks_the_later_of_equals():
    # By hand: 2019 has a, b (c's 2019 figure is for 1-9月 only: not counted), 2020 has a, b, 2018 has a.
    # 2019 and 2020 tie at two parks: the later, 2020, with 2 parks.
    figures = [fig("a", 2018, 1), fig("a", 2019, 1), fig("b", 2019, 2), fig("c", 2019, 3, period="1-9月")]
    figures += [fig("a", 2020, 1), fig("b", 2020, 2)]
    assert present.ranking_year(figures) == (2020, 2)
    assert present.ranking_year([fig("a", 2019, 1, period="上半年")]) is None


def test_the_bar_is_the_value_over_the_largest():
    # By hand: 500 is the largest: 500/500 = 100.0%, 300/500 = 60.0%, 100/500 = 20.0%; 0 draws no bar (0.0%).
    figures = [fig("b", 2020, 500), fig("a", 2020, 300), fig("d", 2020, 100), fig("z", 2020, 0)]
    yearbook = Yearbook({}, _parks("a", "b", "d", "z"), {}, {})
    rows = str(_Pages(yearbook).ranking_rows("index.md", present.ranked(figures)))
    widths = re.findall(r"width: ([0-9.]+)%", rows)
    assert widths == ["100.0", "60.0", "20.0", "0.0"]
    places = re.findall(r"<tr><td>([^<]+)</td>", rows)
    assert places == ["1", "2", "3", "4"]


def test_a_years_place_in_the_parks_series():
    # By hand: 2016 10, 2017 30, 2018 20, 2019 30. For 2018: the years 2016–2019, 4 of them, lowest 10 (2016),
    # highest 30 (2017, the first of the two), and two years above 20: place 1 + 2 = 3. For 2019: one year is not
    # strictly above 30's pair: 1 + 0 = 1, level with 2017.
    series = [fig("a", 2016, 10), fig("a", 2017, 30), fig("a", 2018, 20), fig("a", 2019, 30)]
    p = present.position(series, 2018)
    assert (p["first"], p["last"], p["count"], p["rank"]) == (2016, 2019, 4, 3)
    assert (p["low"].value, p["low"].year, p["high"].value, p["high"].year) == (10, 2016, 30, 2017)
    assert present.position(series, 2019)["rank"] == 1


GDP = Indicator("gdp", "地区生产总值", "GDP", "亿元", "flow", "释义")


def _target_book(actual, comparator: str, goal, period=None) -> tuple[Yearbook, Target]:
    target = Target("a", 2016, 2017, "gdp", "目标", goal, "亿元", comparator, ORIGIN)
    years = {
        ("a", 2016): ParkYear("a", 2016, None, (), [], [], [target]),
        ("a", 2017): ParkYear("a", 2017, None, (), [fig("a", 2017, actual, period=period)], [], []),
    }
    return Yearbook({"gdp": GDP}, _parks("a"), {}, years), target


# (comparator, goal, actual, state): worked by hand from the about page's rules.
VERDICTS = [
    (">=", 100, 100, "met"),  # not below the goal
    (">=", 100, 99.9, "missed"),
    ("<=", 100, 100, "met"),  # not above it
    ("<=", 100, 100.1, "missed"),
    ("=", 100, 100.0, "met"),  # equal
    ("=", 100, 101, "missed"),
    ("~", 100, 105, "met"),  # 5% of 100 is 5: 95 to 105
    ("~", 100, 95, "met"),
    ("~", 100, 105.1, "missed"),
    ("~", 100, 94.9, "missed"),
    ("~", 300, 314, "met"),  # 5% of 300 is 15: 285 to 315
    ("~", 300, 316, "missed"),
]


@pytest.mark.parametrize(("comparator", "goal", "actual", "state"), VERDICTS)
def test_a_target_met_or_missed(comparator, goal, actual, state):
    yearbook, target = _target_book(actual, comparator, goal)
    assert status(yearbook, target).state == state
    assert present.target_status(yearbook, target).state == state


def test_a_target_without_a_comparable_figure():
    yearbook, target = _target_book(200, ">=", 100, period="1-9月")
    assert present.target_status(yearbook, target).label == "当年未报告该指标"  # nine months are not the year
    lone = Target("a", 2016, 2019, "gdp", "目标", 1, "亿元", ">=", ORIGIN)
    assert status(yearbook, lone).state == "no-report"
    unnamed = Target("a", 2016, 2017, None, "目标", 1, "个", ">=", ORIGIN)
    assert status(yearbook, unnamed).state == "not-comparable"


def test_a_link_preview_cuts_the_summary_between_clauses():
    # By hand: 33 characters, the limit 20: the last clause mark within the first 19 is the 、 after 亿元 (the 17th
    # character), so the preview keeps the 16 before it, 规上工业总产值2145.69亿元, and adds …; no number is cut.
    summary = "规上工业总产值2145.69亿元、增长8%,固定资产投资241亿元"
    assert present.clip(summary, 20) == "规上工业总产值2145.69亿元…"
    assert present.clip(summary, 40) == summary
    # With no clause mark, the cut goes back before the number the limit falls in: 2145.69 whole or not at all.
    assert present.clip("规上工业总产值2145.69亿元", 13) == "规上工业总产值…"


def test_the_about_page_states_each_rule():
    rules = (
        "名次是 1 加上数值严格大于它的园区数",
        "园区数相同时取较晚的年份",
        "数值除以该表最大值",
        "排位:1 加上数值严格大于当年的年份数",
        "不超过目标值的 5%",
        "从不用两年的数值自行计算增长率",
    )
    assert [words for words in rules if words not in ABOUT] == []
