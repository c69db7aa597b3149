"""Editor tools: scaffolds, archiving a report, drafting a year file, on a park the yearbook has never seen."""

from __future__ import annotations

import shutil

import yaml

from generator.archive import clean_report
from generator.cli import main
from tests.conftest import PROJECT

# A report written in another park's style: different wording, thousands separators, 比上年, a plan section.
NEW_REPORT = """首页 > 新闻中心 > 工作报告
字体大小:大 中 小
测试高新区2023年工作总结
2023年,全区经济运行稳中有进。全年实现地区生产总值1,234.5亿元,比上年增长6.2%;
规模以上工业总产值突破2000亿元,同比增长8.1%。实际使用外资约3.2亿美元。
科技创新成效明显。新认定国家高新技术企业156家,全区专利授权量达4,321件。
引进高层次人才20多人,新建标准厂房12万平方米。
二、2024年工作安排
力争地区生产总值增长6%左右,新增国家高新技术企业200家以上。
扫一扫在手机打开当前页
"""


def _project_with_new_park(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data", data)
    return data


def test_clean_report_drops_furniture_and_a_duplicated_body():
    body = "一、总结\n全年实现产值100亿元。\n引进项目20个。\n二、计划\n力争产值120亿元。\n"
    text = "首页 > 新闻\n字体大小:大 中 小\n" + body + "\n\n" + body + "|\n扫一扫在手机打开当前页\n"
    assert clean_report(text) == body


def test_new_park_and_year_scaffolds_pass_check(tmp_path, capsys):
    data = _project_with_new_park(tmp_path)
    assert main(["--data", str(data), "new", "park", "test-park"]) == 0
    assert main(["--data", str(data), "check"]) == 0
    assert main(["--data", str(data), "new", "park", "test-park"]) == 1  # never overwrites
    assert "expected a new file" in capsys.readouterr().err
    report = tmp_path / "report.txt"
    report.write_text(NEW_REPORT, encoding="utf-8")
    args = ["--data", str(data), "add-source", str(report), "--id", "test-park-2023", "--park", "test-park",
            "--title", "测试高新区2023年工作总结", "--publisher", "测试高新区管委会",
            "--published", "2024-01-20"]  # fmt: skip
    assert main(args) == 0
    archived = (data / "sources/test-park-2023.txt").read_text(encoding="utf-8")
    assert "扫一扫" not in archived and "字体大小" not in archived and "首页" not in archived
    assert "全年实现地区生产总值1,234.5亿元" in archived
    assert main(["--data", str(data), "new", "year", "test-park", "2023", "--source", "test-park-2023"]) == 0
    assert main(["--data", str(data), "check"]) == 0
    assert main(["--data", str(data), "new", "year", "nowhere", "2023", "--source", "test-park-2023"]) == 1


def test_extract_drafts_a_year_file_that_passes_check(tmp_path, capsys):
    data = _project_with_new_park(tmp_path)
    assert main(["--data", str(data), "new", "park", "test-park"]) == 0
    report = tmp_path / "report.txt"
    report.write_text(NEW_REPORT, encoding="utf-8")
    add = ["--data", str(data), "add-source", str(report), "--id", "test-park-2023", "--park", "test-park",
           "--title", "测试", "--publisher", "测试"]  # fmt: skip
    assert main(add) == 0
    assert main(["--data", str(data), "extract", "test-park-2023", "--park", "test-park", "--year", "2023"]) == 0
    draft = yaml.safe_load((data / "years/test-park/2023.yaml").read_text(encoding="utf-8"))
    figures = {e["id"]: e for e in draft["indicators"]}
    assert figures["gdp"]["value"] == 1234.5 and figures["gdp"]["change_pct"] == 6.2
    assert figures["industrial_output_above_scale"]["value"] == 2000
    assert figures["industrial_output_above_scale"]["qualifier"] == "突破"
    assert figures["fdi_actual"]["qualifier"] == "约"
    assert figures["new_national_high_tech_enterprises"]["value"] == 156
    assert figures["patent_grants"]["value"] == 4321
    targets = {(t["for_year"], t["value"], t["comparator"]) for t in draft["targets"]}
    assert (2024, 6, "~") in targets and (2024, 200, ">=") in targets
    assert figures["new_high_level_talents"]["value"] == 20
    assert figures["new_high_level_talents"]["qualifier"] == "多"
    facts = [fig for fact in draft["facts"] for fig in fact["figures"]]
    assert {"value": 12, "unit": "万平方米"} in facts
    capsys.readouterr()
    assert main(["--data", str(data), "check"]) == 0
    assert main(["--data", str(data), "coverage"]) == 0
    assert "test-park-2023: " in capsys.readouterr().out


def test_score_extraction_reports_precision_and_recall(capsys):
    assert main(["--data", str(PROJECT / "data"), "score-extraction"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("total: precision ")
