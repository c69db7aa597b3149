"""One failing fixture per rule of the proof: the quote binds the figure to its indicator, amount, growth, sign,
hedge, year, period, part of the park and source. Each case breaks one thing in the mini data folder of
tests/conftest.py (see tests/test_rules.py for its line numbers) and asserts the one `path:line: field: message`.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.data.pipeline import read_yearbook
from tests.test_rules import run_check

PROJECT = Path(__file__).resolve().parent.parent

YEAR, TEXT, SOURCE = "years/demo/2016.yaml", "sources/demo-2016.txt", "sources/demo-2016.yaml"
OUTPUT_QUOTE = "quote: 规模以上工业总产值2145.69亿元,同比增长8%"
OUTPUT_TEXT = "高新区完成规模以上工业总产值2145.69亿\n元,同比增长8%"
FDI_TEXT = "实际利用外资约3.65 亿美元"


def _replace(old: str, new: str) -> list[tuple[str, str]]:
    return [(old, new)]


# (rule, {file: [(old, new), …]}, the one problem expected in the year file, or in another file when given)
CASES = [
    ("binding: the quote does not name the indicator",
     {YEAR: _replace("quote: 实际利用外资约3.65亿美元", "quote: 约3.65亿美元")},
     "data/years/demo/2016.yaml:16: indicators[1].quote: expected the quote to name 实际利用外资 "
     "(looked for: 实际利用外资), found none"),
    ("binding: another amount of the clause",
     {TEXT: _replace(OUTPUT_TEXT, "高新区规模以上工业总产值2145.69亿元、利税300亿元,同比增长8%"),
      YEAR: [(OUTPUT_QUOTE, "quote: 规模以上工业总产值2145.69亿元、利税300亿元"), ("value: 2145.69", "value: 300"),
             ("    change_pct: 8\n", "")]},
     "data/years/demo/2016.yaml:6: indicators[0].value: expected 2145.69亿元 (the amount '规模以上工业总产值' "
     "governs in its clause), found 300 亿元"),
    ("binding: a planned amount",
     {TEXT: _replace(OUTPUT_TEXT, "高新区计划规模以上工业总产值2145.69亿元,同比增长8%"),
      YEAR: _replace(OUTPUT_QUOTE, "quote: 计划规模以上工业总产值2145.69亿元,同比增长8%")},
     "data/years/demo/2016.yaml:6: indicators[0].value: expected an actual amount, found 2145.69亿元 given as a plan"),
    ("binding: no amount in the catalogue unit",
     {TEXT: _replace(FDI_TEXT, "实际利用外资约3.65 亿元"),
      YEAR: _replace("quote: 实际利用外资约3.65亿美元", "quote: 实际利用外资约3.65亿元")},
     "data/years/demo/2016.yaml:12: indicators[1].value: expected an amount in 美元 after '实际利用外资' in the "
     "same clause, found none for 3.65 亿美元"),
    ("binding: a part of a number",
     {TEXT: _replace(OUTPUT_TEXT, "高新区完成规模以上工业总产值1,200亿元,同比增长8%"),
      YEAR: [(OUTPUT_QUOTE, "quote: 规模以上工业总产值1,200亿元,同比增长8%"), ("value: 2145.69", "value: 200")]},
     "data/years/demo/2016.yaml:6: indicators[0].value: expected 1,200亿元 (the amount '规模以上工业总产值' governs "
     "in its clause), found 200 亿元"),
    ("growth: another amount's growth",
     {TEXT: _replace(OUTPUT_TEXT, "高新区完成规模以上工业总产值2145.69亿元,同比增长8%,利税300亿元,同比增长9%"),
      YEAR: [(OUTPUT_QUOTE, "quote: 规模以上工业总产值2145.69亿元,同比增长8%,利税300亿元,同比增长9%"),
             ("change_pct: 8", "change_pct: 9")]},
     "data/years/demo/2016.yaml:8: indicators[0].change_pct: expected 8% (the growth that follows 2145.69亿元), "
     "found 9%"),
    ("growth: a share is not growth",
     {TEXT: _replace(OUTPUT_TEXT, "高新区完成规模以上工业总产值2145.69亿元,占全市45%"),
      YEAR: [(OUTPUT_QUOTE, "quote: 规模以上工业总产值2145.69亿元,占全市45%"), ("change_pct: 8", "change_pct: 45")]},
     "data/years/demo/2016.yaml:8: indicators[0].change_pct: expected the growth of 2145.69亿元 (增长/下降 …% after "
     "it, before any other amount), found none in the quote for 45%"),
    ("growth: the sign of a decline",
     {TEXT: _replace(OUTPUT_TEXT, "高新区完成规模以上工业总产值2145.69亿元,同比下降8%"),
      YEAR: _replace(OUTPUT_QUOTE, "quote: 规模以上工业总产值2145.69亿元,同比下降8%")},
     "data/years/demo/2016.yaml:8: indicators[0].change_pct: expected -8% (the growth that follows 2145.69亿元; "
     "下降/减少/降幅 make it negative), found 8%"),
    ("hedge: a range is not one value",
     {TEXT: _replace(FDI_TEXT, "实际利用外资3-3.65 亿美元"),
      YEAR: [("quote: 实际利用外资约3.65亿美元", "quote: 实际利用外资3-3.65亿美元"), ("    qualifier: 约\n", "")]},
     "data/years/demo/2016.yaml:12: indicators[1].value: expected a single amount, found a range ending in 3.65亿美元"),
    ("hedge: 约为 unstated",
     {TEXT: _replace(FDI_TEXT, "实际利用外资约为3.65 亿美元"),
      YEAR: [("quote: 实际利用外资约3.65亿美元", "quote: 实际利用外资约为3.65亿美元"), ("    qualifier: 约\n", "")]},
     "data/years/demo/2016.yaml:11: indicators[1].qualifier: expected '约为' (the quote hedges the number), "
     "found null"),
    ("hedge: 预计 governing the sentence",
     {TEXT: _replace(FDI_TEXT, "预计全年实际利用外资3.65 亿美元"),
      YEAR: [("quote: 实际利用外资约3.65亿美元", "quote: 实际利用外资3.65亿美元")]},
     "data/years/demo/2016.yaml:14: indicators[1].qualifier: expected the hedge to stand next to the number in the "
     "quote, found 预计 instead of '约'"),
    ("target: the comparator contradicts the words",
     {TEXT: _replace("全年共策划生成96个产业项目", "全年共策划生成96个左右产业项目"),
      YEAR: [("quote: 全年共策划生成96个产业项目\ntargets", "quote: 全年共策划生成96个左右产业项目\ntargets"),
             ("    quote: 全年共策划生成96个产业项目\n", "    quote: 全年共策划生成96个左右产业项目\n"),
             ("figures: [{value: 96, unit: 个}]", "figures: [{value: 96, unit: 个, qualifier: 左右}]")]},
     "data/years/demo/2016.yaml:29: targets[0].comparator: expected '~' (the quote says 左右), found '>='"),
    ("target: at most without words",
     {YEAR: _replace('comparator: ">="', 'comparator: "<="')},
     "data/years/demo/2016.yaml:29: targets[0].comparator: expected '=' or '>=' (the quote puts no 以内/左右 on the "
     "number), found '<='"),
    ("year: a goal for another year",
     {TEXT: _replace("全年共策划生成96个产业项目", "全年共策划生成96个产业项目。2018年共策划生成96个产业项目"),
      YEAR: _replace('">="\n    source: demo-2016\n    quote: 全年', '">="\n    source: demo-2016\n    quote: 2018年')},
     "data/years/demo/2016.yaml:24: targets[0].for_year: expected for_year 2018 (the year the quote sets the goal "
     "for), found 2017"),
    ("year: another year's amount",
     {TEXT: _replace(OUTPUT_TEXT, "2015年高新区完成规模以上工业总产值2145.69亿元,同比增长8%"),
      YEAR: _replace(OUTPUT_QUOTE, "quote: 2015年高新区完成规模以上工业总产值2145.69亿元,同比增长8%")},
     "data/years/demo/2016.yaml:6: indicators[0].value: expected an amount for 2016 (the file's year), found it "
     "given for 2015"),
    ("period: a part of the year not recorded",
     # 全年 before the next item: the 1至9月 holds for the first item only (a period holds over ；-items until then).
     {TEXT: [(OUTPUT_TEXT, "1至9月,高新区完成规模以上工业总产值2145.69亿元,同比增长8%"),
             (FDI_TEXT, "全年" + FDI_TEXT)]},
     "data/years/demo/2016.yaml:5: indicators[0].period: expected period: 1至9月 (the quote's sentence gives a part "
     "of the year), found none"),
    ("period: recorded but not in the sentence",
     {YEAR: _replace("    change_pct: 8\n", "    change_pct: 8\n    period: 上半年\n")},
     "data/years/demo/2016.yaml:9: indicators[0].period: expected the quote's sentence to show the period 上半年, "
     "found no part of the year"),
    ("scope: a part of the park not recorded",
     # 全区 names the next item's subject: the 主园区 holds for the first item only.
     {TEXT: [(OUTPUT_TEXT, "主园区完成规模以上工业总产值2145.69亿元,同比增长8%"), (FDI_TEXT, "全区" + FDI_TEXT)]},
     "data/years/demo/2016.yaml:5: indicators[0].scope: expected scope: 主园区 (the quote names a part of the park), "
     "found none"),
    ("scope: recorded but not named",
     {YEAR: _replace("    change_pct: 8\n", "    change_pct: 8\n    scope: 核心区\n")},
     "data/years/demo/2016.yaml:9: indicators[0].scope: expected the quote's sentence to name 核心区, found no part "
     "of the park"),
    ("invisible: a zero-width space in the quote",
     {YEAR: _replace("quote: 实际利用外资约3.65亿美元", "quote: 实际利用外资约3.6\u200b5亿美元")},
     "data/years/demo/2016.yaml:16: indicators[1].quote: expected visible text, found U+200B inside the quote "
     "(delete it)"),
    ("invisible: a soft hyphen in the archived text",
     {TEXT: _replace("全年共策划生成96个产业项目", "全年共策划生成9\u00ad6个产业项目")},
     "data/sources/demo-2016.txt:4: (text): expected visible text, found U+00AD (delete it)"),
    ("fact: a figure read from inside a number",
     {YEAR: _replace("figures: [{value: 96, unit: 个}]", "figures: [{value: 6, unit: 个}]")},
     "data/years/demo/2016.yaml:20: facts[0].figures[0].value: expected 6 个 to stand in the quote, found it not: "
     "no number in the quote reads as this value in this unit"),
]  # fmt: skip


def _apply(mini_data, edits: dict[str, list[tuple[str, str]]]) -> dict[str, str]:
    changed = {}
    for relative, replacements in edits.items():
        text = mini_data.files[relative]
        for old, new in replacements:
            assert old in text, (relative, old)
            text = text.replace(old, new, 1)
        changed[relative] = text
    return changed


@pytest.mark.parametrize(("rule", "edits", "expected"), CASES, ids=[case[0] for case in CASES])
def test_each_proof_rule_gives_one_exact_problem(tmp_path, capsys, mini_data, rule, edits, expected):
    status, problems, _ = run_check(mini_data(tmp_path, _apply(mini_data, edits)), capsys)
    assert status == 1
    assert problems == [expected]


def test_a_source_of_another_park(tmp_path, capsys, mini_data):
    other = mini_data.files["parks/demo.yaml"].replace("id: demo", "id: other")
    source = mini_data.files[SOURCE].replace("park: demo", "park: other")
    status, problems, _ = run_check(mini_data(tmp_path, {"parks/other.yaml": other, SOURCE: source}), capsys)
    assert status == 1
    assert problems[0] == (
        "data/years/demo/2016.yaml:9: indicators[0].source: expected a source of demo (this file's park), "
        "found 'demo-2016', a source of other"
    )
    assert len(problems) == 4  # every entry quoting it: two indicators, a fact, a target


def test_a_source_that_does_not_cover_the_year(tmp_path, capsys, mini_data):
    source = mini_data.edited(SOURCE, "covers: [2016, 2017]", "covers: [2017]")
    status, problems, _ = run_check(mini_data(tmp_path, {SOURCE: source}), capsys)
    assert status == 1
    assert problems[0] == (
        "data/years/demo/2016.yaml:9: indicators[0].source: expected a source whose covers lists 2016 (this file's "
        "year), found 'demo-2016' (covers: 2017)"
    )
    assert len(problems) == 4


def test_a_source_that_lists_the_park_may_be_quoted(tmp_path, capsys, mini_data):
    other = mini_data.files["parks/demo.yaml"].replace("id: demo", "id: other")
    source = mini_data.files[SOURCE].replace("park: demo", "park: other\nparks: [demo]")
    status, problems, err = run_check(mini_data(tmp_path, {"parks/other.yaml": other, SOURCE: source}), capsys)
    assert status == 0, err


def test_a_recorded_period_and_scope_pass(tmp_path, capsys, mini_data):
    text = mini_data.edited(TEXT, OUTPUT_TEXT, "1至9月,主园区完成规模以上工业总产值2145.69亿元,同比增长8%")
    text = text.replace(FDI_TEXT, "全年" + FDI_TEXT)  # the next item is the whole year's again
    year = mini_data.edited(YEAR, "    change_pct: 8\n", "    change_pct: 8\n    period: 1-9月\n    scope: 主园区\n")
    status, _, err = run_check(mini_data(tmp_path, {TEXT: text, YEAR: year}), capsys)
    assert status == 0, err


def test_a_part_of_the_year_or_park_is_carried_but_not_compared(tmp_path, capsys, mini_data):
    text = mini_data.edited(TEXT, OUTPUT_TEXT, "1至9月,主园区完成规模以上工业总产值2145.69亿元,同比增长8%")
    text = text.replace(FDI_TEXT, "全年" + FDI_TEXT)  # the next item is the whole year's again
    year = mini_data.edited(YEAR, "    change_pct: 8\n", "    change_pct: 8\n    period: 1-9月\n    scope: 主园区\n")
    yearbook = read_yearbook(mini_data(tmp_path, {TEXT: text, YEAR: year}))
    partial = yearbook.years[("demo", 2016)].figures[0]
    assert (partial.period, partial.scope, partial.whole) == ("1-9月", "主园区", False)
    assert partial in yearbook.figures()  # the downloads carry it, with its period and scope
    assert yearbook.series("demo", "industrial_output_above_scale") == []  # no trend chart draws it
    assert yearbook.figure("demo", 2016, "industrial_output_above_scale") is None  # no target is checked against it
    assert yearbook.figure("demo", 2016, "fdi_actual") is not None


# --- the examples on our own data ------------------------------------------------------------------------

# The summary states the year's headline figures: an entry changed to a wrong number leaves the summary's number
# unproven too, and the check says so (generator/data/prose.py).
SUMMARY = (
    "data/years/{}:4: summary: expected a number this file proves (an indicator's value or growth, a fact's figure, "
    "a target's value), found {}"
)

REAL = [
    ("xiamen-torch/2016.yaml",
     [("  - id: key_project_investment\n    value: 182", "  - id: key_project_investment\n    value: 174")],
     "data/years/xiamen-torch/2016.yaml:72: indicators[9].value: expected 182亿元 (the amount '省市重点项目完成投资' "
     "governs in its clause), found 174 亿元", SUMMARY.format("xiamen-torch/2016.yaml", "182亿元")),
    ("xinyu/2014.yaml", [("    change_pct: 10.1", "    change_pct: 5"),
                         ("quote: 2014年全区完成生产总值215亿元,同比增长10.1%\n",
                          "quote: 2014年全区完成生产总值215亿元,同比增长10.1%;完成财政总收入17.99亿元,同比增长5%\n")],
     "data/years/xinyu/2014.yaml:10: indicators[0].change_pct: expected 10.1% (the growth that follows 215亿元), "
     "found 5%", SUMMARY.format("xinyu/2014.yaml", "10.1%")),
    ("xinyu/2014.yaml", [("  - id: gdp\n    value: 215", "  - id: gdp\n    value: 17.99"),
                         ("quote: 2014年全区完成生产总值215亿元,同比增长10.1%\n",
                          "quote: 2014年全区完成生产总值215亿元,同比增长10.1%;完成财政总收入17.99亿元,同比增长5%\n")],
     "data/years/xinyu/2014.yaml:8: indicators[0].value: expected 215亿元 (the amount '生产总值' governs in its "
     "clause), found 17.99 亿元", SUMMARY.format("xinyu/2014.yaml", "215亿元")),
    ("xiamen-torch/2022.yaml", [("qualifier: 预计突破", "qualifier: null")],
     "data/years/xiamen-torch/2022.yaml:41: indicators[4].qualifier: expected '预计突破' (the quote hedges the "
     "number), found null", None),
]  # fmt: skip


@pytest.mark.parametrize(
    ("relative", "edits", "expected", "in_summary"), REAL, ids=[f"{r[0]}:{r[2].split(': ')[1]}" for r in REAL]
)
def test_wrong_entries_in_our_own_data_are_refused(tmp_path, capsys, relative, edits, expected, in_summary):
    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data", data)
    path = data / "years" / relative
    text = path.read_text(encoding="utf-8")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    status, problems, _ = run_check(data, capsys)
    assert status == 1
    assert sorted(problems) == sorted([expected] + ([in_summary] if in_summary else []))
