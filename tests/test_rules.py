"""One failing fixture per rule of `yearbook check`: the message, the line, exit status 1."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.cli import main

INDICATORS = """\
- id: industrial_output_above_scale
  name: 规模以上工业总产值
  aliases: [规上工业总产值]
  name_en: Gross industrial output of enterprises above designated size
  unit: 亿元
  kind: flow
  definition: 规模以上工业企业的总产值。
- id: fdi_actual
  name: 实际利用外资
  name_en: Foreign direct investment actually used
  unit: 亿美元
  kind: flow
  definition: 实际到位的外资。
"""
PARK = """\
id: demo
name: 示范高新技术产业开发区
short_name: 示范高新区
name_en: Demo Hi-tech Zone
province: 福建省
city: 厦门市
region: 东部
"""
SOURCE = """\
id: demo-2016
title: 示范高新区2016年工作报告
publisher: 示范高新区
kind: work-report
published: 2017-02-03
park: demo
"""
SOURCE_TEXT = """\
工业增长保持良好势头。高新区完成规模以上工业总产值2145.69亿元,
同比增长8%;实际利用外资约3.65亿美元。
全年共策划生成96个产业项目。
"""
YEAR = """\
park: demo
year: 2016
summary: 示范。
indicators:
  - id: industrial_output_above_scale
    value: 2145.69
    unit: 亿元
    change_pct: 8
    source: demo-2016
    quote: 规模以上工业总产值2145.69亿元,同比增长8%
  - id: fdi_actual
    value: 3.65
    unit: 亿美元
    qualifier: 约
    source: demo-2016
    quote: 实际利用外资约3.65亿美元
facts:
  - theme: 招商引资
    text: 策划生成产业项目96个
    figures: [{value: 96, unit: 个}]
    source: demo-2016
    quote: 全年共策划生成96个产业项目
targets:
  - for_year: 2017
    indicator: null
    text: 策划项目
    value: 96
    unit: 个
    comparator: ">="
    source: demo-2016
    quote: 全年共策划生成96个产业项目
"""
FILES = {
    "indicators.yaml": INDICATORS,
    "parks/demo.yaml": PARK,
    "sources/demo-2016.yaml": SOURCE,
    "sources/demo-2016.txt": SOURCE_TEXT,
    "years/demo/2016.yaml": YEAR,
}


def make_data(root: Path, **changes: str) -> Path:
    """A small valid data folder; `changes` maps a file (path with / → __) to its replacement text."""
    data = root / "data"
    for relative, text in FILES.items():
        key = relative.replace("/", "__").replace(".", "_")
        path = data / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(changes.get(key, text), encoding="utf-8")
    return data


def check(data: Path, capsys) -> tuple[int, list[str]]:
    status = main(["--data", str(data), "check"])
    captured = capsys.readouterr()
    return status, [line for line in captured.err.splitlines() if re.match(r"^data/.+:\d+: ", line)]


def test_the_valid_fixture_passes(tmp_path, capsys):
    assert main(["--data", str(make_data(tmp_path)), "check"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("ok: 1 parks, 1 park-years, 3 figures, 1 targets, 1 sources, 2 indicators")


YEAR_FILE = "years__demo__2016_yaml"
CASES = [
    # (name, file, old text, new text, expected "path:line: field: message" start)
    ("missing field", YEAR_FILE, "    unit: 亿美元\n", "",
     "data/years/demo/2016.yaml:11: indicators[1].unit: expected a value, found none (required field)"),
    ("wrong type", YEAR_FILE, "value: 2145.69", 'value: "2145.69"',
     "data/years/demo/2016.yaml:6: indicators[0].value: expected a number, found '2145.69'"),
    ("unknown field", YEAR_FILE, "    change_pct: 8\n", "    change_pct: 8\n    chang_pct: 8\n",
     "data/years/demo/2016.yaml:9: indicators[0].chang_pct: expected one of the fields"),
    ("bad enum", YEAR_FILE, 'comparator: ">="', "comparator: 大于",
     "data/years/demo/2016.yaml:29: targets[0].comparator: expected one of '>=', '<=', '~', '=', found '大于'"),
    ("year differs from file name", YEAR_FILE, "year: 2016", "year: 2015",
     "data/years/demo/2016.yaml:2: year: expected 2016 (the file name), found 2015"),
    ("park differs from folder", YEAR_FILE, "park: demo", "park: other",
     "data/years/demo/2016.yaml:1: park: expected 'demo' (the folder name), found 'other'"),
    ("unknown source", YEAR_FILE, "    source: demo-2016\n    quote: 实际", "    source: demo-2015\n    quote: 实际",
     "data/years/demo/2016.yaml:15: indicators[1].source: expected a source id (demo-2016), found 'demo-2015'"),
    ("unknown indicator", YEAR_FILE, "- id: fdi_actual", "- id: fdi",
     "data/years/demo/2016.yaml:11: indicators[1].id: expected an indicator id of data/indicators.yaml, found 'fdi'"),
    ("unit differs from catalogue", YEAR_FILE, "    unit: 亿美元", "    unit: 亿元",
     "data/years/demo/2016.yaml:13: indicators[1].unit: expected '亿美元' (the catalogue unit of fdi_actual)"),
    ("quote not in source", YEAR_FILE, "quote: 实际利用外资约3.65亿美元", "quote: 实际使用外资约3.65亿美元",
     "data/years/demo/2016.yaml:16: indicators[1].quote: expected a verbatim passage of data/sources/demo-2016.txt"),
    ("value not in quote", YEAR_FILE, "value: 2145.69", "value: 2145.7",
     "data/years/demo/2016.yaml:6: indicators[0].value: expected 2145.7 亿元 to stand in the quote"),
    ("change_pct not in quote", YEAR_FILE, "change_pct: 8", "change_pct: 9",
     "data/years/demo/2016.yaml:8: indicators[0].change_pct: expected 9% to stand in the quote"),
    ("missing hedge", YEAR_FILE, "    qualifier: 约\n", "",
     "data/years/demo/2016.yaml:11: indicators[1].qualifier: expected '约' (the quote hedges the number), found null"),
    ("wrong hedge", YEAR_FILE, "qualifier: 约", "qualifier: 近",
     "data/years/demo/2016.yaml:14: indicators[1].qualifier: expected the hedge to stand next to the number"),
    ("target before the file's year", YEAR_FILE, "for_year: 2017", "for_year: 2015",
     "data/years/demo/2016.yaml:24: targets[0].for_year: expected 2016 or later (the file's year), found 2015"),
    ("park id differs from file name", "parks__demo_yaml", "id: demo", "id: demo2",
     "data/parks/demo.yaml:1: id: expected 'demo' (the file name), found 'demo2'"),
    ("source id differs from file name", "sources__demo-2016_yaml", "id: demo-2016", "id: demo-2017",
     "data/sources/demo-2016.yaml:1: id: expected 'demo-2016' (the file name), found 'demo-2017'"),
    ("source of an unknown park", "sources__demo-2016_yaml", "park: demo", "park: nowhere",
     "data/sources/demo-2016.yaml:6: park: expected a park with a file in data/parks/, found 'nowhere'"),
    ("bad date", "sources__demo-2016_yaml", "published: 2017-02-03", "published: 2017年2月3日",
     "data/sources/demo-2016.yaml:5: published: expected text matching"),
    ("duplicate catalogue id", "indicators_yaml", "- id: fdi_actual", "- id: industrial_output_above_scale",
     "data/indicators.yaml:8: [1].id: expected each id once, found 'industrial_output_above_scale' again"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "file", "old", "new", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_rule_reports_file_line_field_and_message(tmp_path, capsys, name, file, old, new, expected):
    original = {k.replace("/", "__").replace(".", "_"): v for k, v in FILES.items()}[file]
    assert old in original, name
    data = make_data(tmp_path, **{file: original.replace(old, new, 1)})
    status, lines = check(data, capsys)
    assert status == 1
    assert any(line.startswith(expected) for line in lines), lines


def test_duplicate_indicator_in_a_park_year(tmp_path, capsys):
    year = YEAR.replace(
        "  - id: fdi_actual\n    value: 3.65\n    unit: 亿美元",
        "  - id: industrial_output_above_scale\n    value: 3.65\n    unit: 亿元",
    )
    status, lines = check(make_data(tmp_path, **{YEAR_FILE: year}), capsys)
    assert status == 1
    assert any(
        line.startswith("data/years/demo/2016.yaml:11: indicators[1].id: expected one entry per indicator")
        for line in lines
    )


def test_quote_across_line_breaks_and_spaces_is_found(tmp_path, capsys):
    # The source breaks the line inside the quoted passage (after "2145.69亿元,"): still found.
    assert SOURCE_TEXT.count("\n") == 3
    assert main(["--data", str(make_data(tmp_path)), "check"]) == 0


def test_missing_source_text(tmp_path, capsys):
    data = make_data(tmp_path)
    (data / "sources/demo-2016.txt").unlink()
    status, lines = check(data, capsys)
    assert status == 1
    assert (
        "data/sources/demo-2016.yaml:1: (file): expected the archived text beside it, found no demo-2016.txt" in lines
    )


def test_all_problems_are_reported_together_and_nothing_is_written(tmp_path, capsys):
    data = make_data(
        tmp_path,
        **{
            YEAR_FILE: YEAR.replace("year: 2016", "year: 2015"),
            "parks__demo_yaml": PARK.replace("region: 东部", "region: 南部"),
        },
    )
    before = sorted(p for p in tmp_path.rglob("*"))
    status = main(["--data", str(data), "generate"])
    err = capsys.readouterr().err
    assert status == 1
    assert "data/years/demo/2016.yaml:2: year:" in err and "data/parks/demo.yaml:7: region:" in err
    assert "problem(s) found; nothing was written." in err
    assert "Traceback" not in err
    assert sorted(p for p in tmp_path.rglob("*")) == before
