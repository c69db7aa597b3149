"""Targets are checked against the target year's figure: met, missed, no report yet, or not comparable."""

from __future__ import annotations

from generator.data.pipeline import read_yearbook
from generator.data.verdicts import status
from generator.pages.render import render_site
from tests.test_rules import YEAR, make_data

TARGETS_2016 = YEAR.replace(
    """  - for_year: 2017
    indicator: null
    text: 策划项目
    value: 96
    unit: 个
    comparator: ">="
    source: demo-2016
    quote: 全年共策划生成96个产业项目
""",
    """  - for_year: 2017
    indicator: industrial_output_above_scale
    text: 规上工业总产值不低于2145.69亿元
    value: 2145.69
    unit: 亿元
    comparator: ">="
    source: demo-2016
    quote: 规模以上工业总产值2145.69亿元
  - for_year: 2017
    indicator: fdi_actual
    text: 实际利用外资约3.65亿美元
    value: 3.65
    unit: 亿美元
    comparator: "~"
    source: demo-2016
    quote: 实际利用外资约3.65亿美元
  - for_year: 2018
    indicator: null
    text: 策划项目96个
    value: 96
    unit: 个
    comparator: ">="
    source: demo-2016
    quote: 全年共策划生成96个产业项目
""",
)
YEAR_2017 = """\
park: demo
year: 2017
indicators:
  - id: industrial_output_above_scale
    value: 2000
    unit: 亿元
    source: demo-2016
    quote: 规模以上工业总产值2145.69亿元
"""


def test_met_missed_and_no_report(tmp_path):
    data = make_data(tmp_path, years__demo__2016_yaml=TARGETS_2016)
    (data / "years/demo/2017.yaml").write_text(YEAR_2017.replace("value: 2000", "value: 2145.69"), encoding="utf-8")
    yearbook = read_yearbook(data)
    output, fdi, projects = yearbook.years[("demo", 2016)].targets
    assert status(yearbook, output).state == "met"
    assert status(yearbook, output).actual.value == 2145.69
    assert status(yearbook, fdi).state == "not-comparable"  # 2017 reports no FDI
    assert status(yearbook, projects).state == "no-report"  # no 2018 file yet


def test_missed_target_shows_both_numbers_on_both_years(tmp_path):
    data = make_data(tmp_path, years__demo__2016_yaml=TARGETS_2016)
    (data / "years/demo/2017.yaml").write_text(
        YEAR_2017.replace("value: 2000", "value: 2145.69"),
        encoding="utf-8",
    )
    yearbook = read_yearbook(data)
    output = yearbook.years[("demo", 2016)].targets[0]
    assert status(yearbook, output).state == "met"
    year_2017 = (data / "years/demo/2017.yaml").read_text(encoding="utf-8")
    (data / "years/demo/2017.yaml").write_text(year_2017.replace("value: 2145.69", "value: 2145"), encoding="utf-8")
    source = (data / "sources/demo-2016.txt").read_text(encoding="utf-8")
    (data / "sources/demo-2016.txt").write_text(source + "2017年规模以上工业总产值2145亿元。\n", encoding="utf-8")
    year_2017 = (data / "years/demo/2017.yaml").read_text(encoding="utf-8")
    (data / "years/demo/2017.yaml").write_text(
        year_2017.replace("quote: 规模以上工业总产值2145.69亿元", "quote: 2017年规模以上工业总产值2145亿元"),
        encoding="utf-8",
    )
    yearbook = read_yearbook(data)
    output = yearbook.years[("demo", 2016)].targets[0]
    assert status(yearbook, output).state == "missed"
    files = render_site(yearbook)
    for page in ("parks/demo/2016.md", "parks/demo/2017.md"):
        text = files[page].decode("utf-8")
        assert "未实现" in text and "2145.69" in text and "2145亿元" in text, page
    # The park's page counts its targets per target year (the year pages list them one by one).
    park_page = files["parks/demo.md"].decode("utf-8")
    row = next(line for line in park_page.splitlines() if line.startswith('<tr><td><a href="2017/">2017年</a>'))
    cells = [cell.split(">")[-1] for cell in row.split("</td>")[:-1]]
    assert cells[4] == "1", row  # 未实现: one
