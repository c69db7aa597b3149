"""Editor tools: scaffolds, archiving a report, drafting a year file, scoring drafts.

Most tests run on a small data folder of their own (a catalogue of a few indicators, no park yet),
so they do not depend on the data curators are editing; the last ones run on a copy of the real data.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.editor.archive import clean_report, clean_report_with_log
from generator.editor.extract import extract, logical_paragraphs, read_catalogue
from tests.conftest import PROJECT

CATALOGUE = """\
# yaml-language-server: $schema=../schemas/indicators.schema.json
- id: gdp
  name: 地区生产总值
  aliases: [生产总值, GDP]
  name_en: Gross domestic product
  unit: 亿元
  kind: flow
  definition: 园区生产活动的最终成果。
- id: industrial_output_above_scale
  name: 规模以上工业总产值
  aliases: [规模以上工业企业总产值]
  name_en: Gross industrial output above designated size
  unit: 亿元
  kind: flow
  definition: 规模以上工业企业的产品总量,以货币表现。
- id: industrial_value_added_above_scale
  name: 规模以上工业增加值
  aliases: [工业增加值]
  name_en: Industrial value added above designated size
  unit: 亿元
  kind: flow
  definition: 规模以上工业企业新创造的价值。
- id: fdi_actual
  name: 实际利用外资
  aliases: [实际使用外资]
  name_en: Foreign direct investment actually used
  unit: 亿美元
  kind: flow
  definition: 外商实际到位的直接投资。
- id: export_total
  name: 出口总额
  name_en: Total exports
  unit: 亿美元
  kind: flow
  definition: 出口货物的总金额。
- id: fixed_asset_investment
  name: 固定资产投资
  aliases: [全社会固定资产投资]
  name_en: Fixed-asset investment
  unit: 亿元
  kind: flow
  definition: 建造和购置固定资产的工作量。
- id: new_national_high_tech_enterprises
  name: 新增国家高新技术企业
  aliases: [新认定国家高新技术企业]
  name_en: Newly certified national high-tech enterprises
  unit: 家
  kind: flow
  definition: 本年内新通过认定的国家高新技术企业数量。
- id: national_high_tech_enterprises
  name: 国家高新技术企业数
  aliases: [国家高新技术企业]
  name_en: National high-tech enterprises
  unit: 家
  kind: stock
  definition: 年末有效期内的国家高新技术企业总数。
- id: patent_grants
  name: 专利授权量
  name_en: Patents granted
  unit: 件
  kind: flow
  definition: 本年内获得授权的专利数量。
- id: new_listed_companies
  name: 新增上市企业
  aliases: [新增上市公司]
  name_en: Newly listed companies
  unit: 家
  kind: flow
  definition: 本年内首次公开发行上市的企业数量。
- id: new_high_level_talents
  name: 新增高层次人才
  aliases: [引进高层次人才]
  name_en: High-level talents newly attracted
  unit: 人
  kind: flow
  definition: 本年内新引进的高层次人才人数。
- id: key_project_investment
  name: 省市重点项目完成投资
  aliases: [重点项目完成投资]
  name_en: Investment completed in key projects
  unit: 亿元
  kind: flow
  definition: 省、市重点项目完成的投资额。
"""

# A report in a style none of the five archived reports use: a web page around it, thousands
# separators, 比上年, 万元 to convert, a hedge after the unit, a Chinese numeral, a paragraph about
# the year before, a breakdown into parts, and a plan section with goals for the next year.
REPORT = """首页 > 新闻中心 > 工作报告
字体大小:大 中 小
测试高新区2023年工作总结
2023年,全区经济运行稳中有进。全年实现地区生产总值1,234.5亿元,比上年增长6.2%;
规模以上工业总产值突破2000亿元,同比增长8.1%。实际使用外资约3.2亿美元,出口总额9850万美元。
科技创新成效明显。新认定国家高新技术企业156家,全区专利授权量达4,321件;新增上市公司两家。
引进高层次人才20多人,新建标准厂房12万平方米。全社会固定资产投资310亿元以上。
重点项目加快建设。12个省重点项目完成投资56.7亿元,8个市重点项目完成投资31.2亿元。
2022年,全区地区生产总值为1162.4亿元,国家高新技术企业总数达到800家。
二、2024年工作安排
力争地区生产总值增长6%左右,新增国家高新技术企业200家以上,实际利用外资不低于3.5亿美元。
扫一扫在手机打开当前页
"""

PARK = "test-park"
SOURCE = "test-park-2023-work-summary"


def _data(tmp_path: Path) -> Path:
    """A data folder with the catalogue above and nothing else yet."""
    data = tmp_path / "data"
    (data / "parks").mkdir(parents=True)
    (data / "sources").mkdir()
    (data / "years").mkdir()
    (data / "indicators.yaml").write_text(CATALOGUE, encoding="utf-8")
    return data


def _run(data: Path, *args: str) -> int:
    return main(["--data", str(data), *args])


PARK_ARGS = ("new", "park", PARK, "--name", "测试高新技术产业开发区", "--short-name", "测试高新区",
             "--name-en", "Test Hi-tech Zone", "--province", "测试省", "--city", "测试市",
             "--region", "中部")  # fmt: skip


def _with_source(tmp_path: Path, report: str = REPORT) -> Path:
    data = _data(tmp_path)
    assert _run(data, *PARK_ARGS) == 0
    path = tmp_path / "report.txt"
    path.write_text(report, encoding="utf-8")
    add = ["add-source", str(path), "--id", SOURCE, "--park", PARK, "--title", "测试高新区2023年工作总结",
           "--publisher", "测试高新区管委会", "--published", "2024-01-20"]  # fmt: skip
    assert _run(data, *add) == 0
    with (data / "sources" / f"{SOURCE}.yaml").open("a", encoding="utf-8") as metadata:
        metadata.write("covers: [2023, 2024]\n")  # as the editor fills it in: year files may quote it for these years
    return data


# --- new park / new year ----------------------------------------------------------------------


def test_scaffolds_fail_check_until_their_placeholders_are_filled_in(tmp_path, capsys):
    data = _data(tmp_path)
    assert _run(data, "new", "park", PARK) == 0
    path = data / "parks" / f"{PARK}.yaml"
    park = path.read_text(encoding="utf-8")
    assert park.startswith("# yaml-language-server: $schema=../../schemas/park.schema.json\n")
    capsys.readouterr()
    assert _run(data, "check") == 1
    err = capsys.readouterr().err
    assert "parks/test-park.yaml:4: name: expected the park's own name, found the placeholder '待填写'" in err
    assert err.count("found the placeholder") == 5  # name, short_name, name_en, province, city
    # The region is a placeholder too, not a valid region the editor might leave unchecked.
    assert "parks/test-park.yaml:9: region: expected one of '东部', '中部', '西部', '东北', found '待填写'" in err
    path.unlink()
    assert _run(data, *PARK_ARGS) == 0
    assert _run(data, "check") == 0
    (data / "sources" / "s.txt").write_text("全年共策划生成96个产业项目。\n", encoding="utf-8")
    (data / "sources" / "s.yaml").write_text(
        f"id: s\ntitle: 报告\npublisher: 管委会\nkind: work-report\npublished: null\npark: {PARK}\n", encoding="utf-8"
    )
    assert _run(data, "new", "year", PARK, "2023", "--source", "s") == 0
    year = (data / "years" / PARK / "2023.yaml").read_text(encoding="utf-8")
    assert year.startswith("# yaml-language-server: $schema=../../../schemas/year.schema.json\n")
    assert "#  - id: industrial_output_above_scale" in year  # commented examples of each entry
    capsys.readouterr()
    assert _run(data, "check") == 0
    assert capsys.readouterr().out.startswith("ok: 1 parks, 1 park-years")


def test_scaffolds_refuse_to_overwrite_and_name_bad_input(tmp_path, capsys):
    data = _data(tmp_path)
    assert _run(data, "new", "park", PARK) == 0
    before = (data / "parks" / f"{PARK}.yaml").read_text(encoding="utf-8")
    capsys.readouterr()
    assert _run(data, "new", "park", PARK, "--name", "别的名字") == 1
    assert "expected a new file, found one already" in capsys.readouterr().err
    assert (data / "parks" / f"{PARK}.yaml").read_text(encoding="utf-8") == before
    # --force, as the message says, replaces it.
    assert _run(data, "new", "park", PARK, "--name", "别的名字", "--force") == 0
    assert "name: 别的名字" in (data / "parks" / f"{PARK}.yaml").read_text(encoding="utf-8")
    cases = [
        (["new", "park", "Bad_Id"], "id: expected lowercase letters, digits and '-'"),
        (["new", "park", "../escape"], "id: expected lowercase letters"),
        (["new", "park", "ok", "--region", "南部"], "--region: expected one of 东部, 中部, 西部, 东北"),
        (["new", "year", "nowhere", "2023", "--source", "s"], "park: expected a park with a file in data/parks/"),
        (["new", "year", PARK, "2023", "--source", "missing"], "--source: expected a source id"),
        (["new", "year", PARK, "1900", "--source", "s"], "year: expected a year from 1988 to 2100"),
    ]
    for args, message in cases:
        assert _run(data, *args) == 1, args
        assert message in capsys.readouterr().err, args
    assert not (data / "parks" / "ok.yaml").exists()
    assert main(["--data", str(tmp_path / "nowhere"), "new", "park", "ok"]) == 1
    assert "expected a data folder, found none" in capsys.readouterr().err
    assert not (tmp_path / "nowhere").exists()


# --- add-source -------------------------------------------------------------------------------


def test_clean_report_drops_furniture_and_a_duplicated_body():
    body = "一、总结\n全年实现产值100亿元。\n引进项目20个。\n二、计划\n力争产值120亿元。\n"
    furniture = "首页 > 新闻\n索引号: XM00203-03-02-2017-001 文号: 无\n发布时间:2017-02-04 字体大小: | |\n日期:\n"
    footer = "|\n扫一扫在手机打开当前页\n请扫描二维码\n关注测试高新区\nTORCH\n"
    text = furniture + "\n\n  " + body + "\n\n" + body.replace("\n", "\r\n") + footer
    cleaned, log = clean_report_with_log(text)
    assert cleaned == body
    assert log.duplicated == 5 and len(log.furniture) == 9


def test_clean_report_keeps_every_word_and_repeats_that_are_style():
    text = (
        "**2022年**,实现产值**3626亿元**。\n"  # Markdown bold left by a scraper goes, the words stay
        "一般公共预算总收入43.3 亿元。\n"
        "关注民生,新建学校3所,实现营收100亿元。\n"  # a long line opening on 关注 is text, not a footer
        "坚持创新。\n坚持创新。\n"  # a short line said twice is style, not duplication
        "2026年2月11日\n(此件主动公开)\n"
    )
    assert clean_report(text) == (
        "2022年,实现产值3626亿元。\n一般公共预算总收入43.3 亿元。\n关注民生,新建学校3所,实现营收100亿元。\n"
        "坚持创新。\n坚持创新。\n2026年2月11日\n(此件主动公开)\n"
    )


def test_clean_report_splits_a_document_pasted_on_one_line():
    paragraphs = ["2020蓝图", "(记者 张三 李四 文/图)聚焦重点领域,加快3个百亿项目建设投产。" * 8, "提供公租房2000套"]
    paragraphs += ["全力推进千亿投资工程,全年计划完成固投90亿元。" * 10, "今年,将完善政策体系。" * 10]
    assert clean_report(" ".join(paragraphs) + " |") == "\n".join(paragraphs) + "\n"


def test_add_source_archives_a_report_that_passes_check(tmp_path, capsys):
    data = _with_source(tmp_path)
    archived = (data / "sources" / f"{SOURCE}.txt").read_text(encoding="utf-8")
    assert "扫一扫" not in archived and "字体大小" not in archived and "首页" not in archived
    assert "全年实现地区生产总值1,234.5亿元,比上年增长6.2%;\n规模以上工业总产值突破2000亿元" in archived
    metadata = yaml.safe_load((data / "sources" / f"{SOURCE}.yaml").read_text(encoding="utf-8"))
    assert metadata["park"] == PARK and metadata["kind"] == "work-report" and metadata["reference"] is None
    capsys.readouterr()
    assert _run(data, "check") == 0


def test_add_source_refuses_bad_input(tmp_path, capsys):
    data = _with_source(tmp_path)
    report = tmp_path / "report.txt"
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("report\n测试报告".encode("gbk"))
    common = ["--title", "t", "--publisher", "p"]
    cases = [
        ([str(report), "--id", SOURCE, "--park", PARK], "expected a new file, found one already"),
        ([str(report), "--id", "Other", "--park", PARK], "--id: expected lowercase letters"),
        ([str(report), "--id", "other", "--park", "nowhere"], "--park: expected a park with a file in data/parks/"),
        ([str(report), "--id", "other", "--park", PARK, "--published", "2024-13-01"], "--published: expected a date"),
        ([str(tmp_path / "missing.txt"), "--id", "other", "--park", PARK], "expected a readable file"),
        ([str(gbk), "--id", "other", "--park", PARK], "gbk.txt:2: expected UTF-8 text"),
    ]
    for args, message in cases:
        assert _run(data, "add-source", *args, *common) == 1, args
        assert message in capsys.readouterr().err, args
    assert not (data / "sources" / "other.yaml").exists()


# --- extract ----------------------------------------------------------------------------------


def reviewed(path: Path) -> None:
    """What an editor does last: delete the draft marker."""
    text = path.read_text(encoding="utf-8")
    path.write_text("".join(line for line in text.splitlines(True) if not line.startswith("draft: true")), "utf-8")


def _draft(tmp_path: Path, report: str = REPORT, year: int = 2023) -> tuple[Path, dict]:
    """A draft, checked: refused as a draft, passing once its marker is deleted."""
    data = _with_source(tmp_path, report)
    assert _run(data, "extract", SOURCE, "--park", PARK, "--year", str(year)) == 0
    path = data / "years" / PARK / f"{year}.yaml"
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../../../schemas/year")
    draft = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert draft.pop("draft") is True
    assert _run(data, "check") == 1
    reviewed(path)
    return data, draft


def test_extract_maps_figures_to_the_catalogue(tmp_path, capsys):
    data, draft = _draft(tmp_path)
    figures = {e["id"]: e for e in draft["indicators"]}
    assert figures["gdp"]["value"] == 1234.5 and figures["gdp"]["change_pct"] == 6.2
    assert figures["gdp"]["quote"] == "全年实现地区生产总值1,234.5亿元,比上年增长6.2%"
    output = figures["industrial_output_above_scale"]
    assert (output["value"], output["qualifier"], output["change_pct"]) == (2000, "突破", 8.1)
    assert (figures["fdi_actual"]["value"], figures["fdi_actual"]["qualifier"]) == (3.2, "约")
    assert figures["export_total"]["value"] == 0.985  # 9850万美元 in the catalogue unit 亿美元
    assert figures["new_national_high_tech_enterprises"]["value"] == 156
    assert figures["patent_grants"]["value"] == 4321
    assert figures["new_listed_companies"]["value"] == 2  # 两家
    talents = figures["new_high_level_talents"]
    assert (talents["value"], talents["qualifier"], talents["unit"]) == (20, "多", "人")
    assert (figures["fixed_asset_investment"]["value"], figures["fixed_asset_investment"]["qualifier"]) == (310, "以上")
    # Not indicators: the year before (1162.4), a stock of 2022 (800), parts of a total (省/市 重点项目).
    assert "key_project_investment" not in figures and "national_high_tech_enterprises" not in figures
    assert figures["gdp"]["value"] != 1162.4
    facts = [(f["value"], f["unit"]) for fact in draft["facts"] for f in fact["figures"]]
    assert (12, "万平方米") in facts and (56.7, "亿元") in facts
    assert all(fact["theme"] and fact["source"] == SOURCE for fact in draft["facts"])
    # The year before's amount is no fact of this year either: the check refuses a fact dated another year.
    assert (1162.4, "亿元") not in facts
    capsys.readouterr()
    assert _run(data, "check") == 0


def test_extract_reads_targets_for_the_next_year(tmp_path):
    _, draft = _draft(tmp_path)
    targets = {(t["for_year"], t["indicator"], t["value"], t["unit"], t["comparator"]) for t in draft["targets"]}
    assert targets == {
        (2024, None, 6, "%", "~"),
        (2024, "new_national_high_tech_enterprises", 200, "家", ">="),
        (2024, "fdi_actual", 3.5, "亿美元", ">="),
    }


def test_extract_in_a_newspaper_style_with_layout_line_breaks(tmp_path, capsys):
    report = (
        "攀高逐新 交出亮眼答卷\n本报记者 王五\n"
        "刚过去的2023年,园区交出亮眼答卷:完成规模以上工业总产值3626亿\n元,增长3.9%;GDP 856.3亿元,"
        "同比下降2.1%;出口总额同比增长5%,达到12.5亿美元;全年净增国家高新技术企业85家、总数达到612家。\n"
        "2024 展望\n"
        "2024年,园区将进一步加大招商力度,确保实际利用外资超4亿美元,国家高新技术企业总数突破700家。\n"
    )
    data, draft = _draft(tmp_path, report)
    figures = {e["id"]: (e["value"], e.get("change_pct")) for e in draft["indicators"]}
    assert figures == {
        "industrial_output_above_scale": (3626, 3.9),
        "gdp": (856.3, -2.1),
        "export_total": (12.5, 5),
        "national_high_tech_enterprises": (612, None),
    }  # 净增…85家 is a change, not the stock of national high-tech enterprises; 、总数达到612家 is the stock
    targets = {(t["for_year"], t["indicator"], t["value"], t["comparator"]) for t in draft["targets"]}
    assert targets == {(2024, "fdi_actual", 4, ">="), (2024, "national_high_tech_enterprises", 700, ">=")}
    capsys.readouterr()
    assert _run(data, "check") == 0


def test_extract_for_a_plan_only_report_gives_targets_for_its_year(tmp_path):
    report = "2024蓝图\n今年,园区将力争新增国家高新技术企业150家以上,新增上市企业3家,引进高层次人才500名左右。\n"
    _, draft = _draft(tmp_path, report, year=2024)
    assert draft["indicators"] == [] and draft["facts"] == []
    targets = {(t["for_year"], t["indicator"], t["value"], t["comparator"]) for t in draft["targets"]}
    assert targets == {
        (2024, "new_national_high_tech_enterprises", 150, ">="),
        (2024, "new_listed_companies", 3, "="),
        (2024, "new_high_level_talents", 500, "~"),
    }


def test_extract_to_stdout_and_refusals(tmp_path, capsys):
    data = _with_source(tmp_path)
    capsys.readouterr()
    assert _run(data, "extract", SOURCE, "--park", PARK, "--year", "2023", "--output", "-") == 0
    out = capsys.readouterr().out
    assert out.startswith("# yaml-language-server") and "quote: 全年实现地区生产总值1,234.5亿元" in out
    assert not (data / "years" / PARK).exists()
    assert _run(data, "extract", SOURCE, "--park", PARK, "--year", "2023") == 0
    assert _run(data, "extract", SOURCE, "--park", PARK, "--year", "2023") == 1
    assert "expected a new file, found one already" in capsys.readouterr().err
    assert _run(data, "extract", SOURCE, "--park", PARK, "--year", "2023", "--force") == 0
    cases = [
        (["missing-source", "--park", PARK, "--year", "2023"], "source: expected an archived source"),
        ([SOURCE, "--park", "nowhere", "--year", "2023"], "--park: expected a park with a file in data/parks/"),
        ([SOURCE, "--park", PARK, "--year", "3023"], "--year: expected a year from 1988 to 2100"),
    ]
    for args, message in cases:
        assert _run(data, "extract", *args) == 1, args
        assert message in capsys.readouterr().err, args


def test_extract_reports_an_unreadable_catalogue(tmp_path, capsys):
    data = _with_source(tmp_path)
    (data / "indicators.yaml").write_text("- id: [unclosed\n", encoding="utf-8")
    capsys.readouterr()
    assert _run(data, "extract", SOURCE, "--park", PARK, "--year", "2023") == 1
    err = capsys.readouterr().err
    assert "indicators.yaml:2: (yaml): expected valid YAML" in err


def test_quotes_are_verbatim_passages_of_the_archived_text(tmp_path):
    data = _with_source(tmp_path)
    text = (data / "sources" / f"{SOURCE}.txt").read_text(encoding="utf-8")
    catalogue, _ = read_catalogue(data)
    draft = extract(text, SOURCE, catalogue, PARK, 2023).data
    flat = "".join(logical_paragraphs(text))
    for entry in [*draft["indicators"], *draft["facts"], *draft["targets"]]:
        assert entry["quote"] in flat
        assert len(entry["quote"]) <= 60  # a clause, not a paragraph


# --- the real reports -------------------------------------------------------------------------


@pytest.fixture
def real_data(tmp_path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data", data)
    return data


def test_drafts_of_every_real_report_pass_check(real_data, capsys):
    sources = sorted(p.stem for p in (real_data / "sources").glob("*.yaml"))
    for years in (real_data / "years").iterdir():
        shutil.rmtree(years)
    for source in sources:
        metadata = yaml.safe_load((real_data / "sources" / f"{source}.yaml").read_text(encoding="utf-8"))
        published = str(metadata.get("published") or "2021")
        year = min(metadata.get("covers") or [int(published[:4]) - 1])
        assert _run(real_data, "extract", source, "--park", metadata["park"], "--year", str(year)) == 0
        reviewed(real_data / "years" / metadata["park"] / f"{year}.yaml")
    capsys.readouterr()
    assert _run(real_data, "check") == 0, capsys.readouterr().err


def test_score_extraction_reaches_the_aims_on_the_curated_files(real_data, capsys):
    assert _run(real_data, "score-extraction", "--min-recall", "90", "--min-precision", "80") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1].startswith("total: precision ")
    assert any(line.startswith("xinyu/2014: precision ") for line in lines)


def test_a_wrong_growth_listed_as_not_a_figure_counts_only_when_the_draft_carries_it(tmp_path):
    # {gdp, 486, change_pct: 30} among not_figures says the 30% is no 同比: a draft with the right 11.8% is no fault.
    from generator.editor.extract.score import score_fixtures
    from tests.extract_helpers import catalogue

    report = "2016年,完成地区生产总值486亿元,同比增长11.8%,保持着年30%的增幅。\n"
    (tmp_path / "r.txt").write_text(report, encoding="utf-8")
    entry = "- file: r.txt\n  park: p\n  year: 2016\n  figures:\n"
    entry += "    - {id: gdp, value: 486, unit: 亿元, change_pct: 11.8}\n  not_figures:\n"
    (tmp_path / "expected.yaml").write_text(entry + "    - {id: gdp, value: 486, change_pct: 30}\n", encoding="utf-8")
    assert score_fixtures(tmp_path, catalogue())[0].partial_as_year == []
    # The same amount told again elsewhere as no figure (a rank restating it): a draft of the amount is the figure.
    (tmp_path / "expected.yaml").write_text(entry + "    - {id: gdp, value: 486}\n", encoding="utf-8")
    assert score_fixtures(tmp_path, catalogue())[0].partial_as_year == []
    # An amount that is no figure at all, drafted as the year's, counts.
    other = entry.replace("value: 486, unit: 亿元, change_pct: 11.8", "value: 487, unit: 亿元")
    (tmp_path / "expected.yaml").write_text(other + "    - {id: gdp, value: 486}\n", encoding="utf-8")
    assert score_fixtures(tmp_path, catalogue())[0].partial_as_year == ["gdp 486 (another measure)"]


def extract_notes(folder: Path, capsys, report: str, year: int) -> str:
    """What `yearbook extract` tells the editor (its standard error) of `report`, archived for the test park."""
    data = _data(folder)
    assert _run(data, *PARK_ARGS) == 0
    path = folder / "report.txt"
    path.write_text(report, encoding="utf-8")
    add = ["add-source", str(path), "--id", SOURCE, "--park", PARK, "--title", "t", "--publisher", "p",
           "--covers", str(year)]  # fmt: skip
    assert _run(data, *add) == 0
    capsys.readouterr()
    assert _run(data, "extract", SOURCE, "--park", PARK, "--year", str(year), "--output", "-") == 0
    return capsys.readouterr().err
