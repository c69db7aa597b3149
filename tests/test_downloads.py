"""Downloads for spreadsheets and programs: CSV with a byte-order mark, per indicator and per park, facts and
targets, period/scope/note columns and absolute source addresses."""

from __future__ import annotations

import csv
import io
import json

import pytest

from generator.data.pipeline import read_yearbook
from generator.pages.address import ENV, site_url
from generator.pages.markup import quote_anchor
from generator.pages.render import render_site
from tests.conftest import PROJECT

BOM = b"\xef\xbb\xbf"


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, bytes]:
    patch = pytest.MonkeyPatch()
    patch.setenv(ENV, "https://yearbook.example.org/fork")
    try:
        yield render_site(read_yearbook(PROJECT / "data"))
    finally:
        patch.undo()


def _rows(data: bytes) -> list[dict]:
    assert data.startswith(BOM)  # Excel in a Chinese locale reads the file as UTF-8 only with it
    assert BOM not in data[3:]
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_every_csv_starts_with_a_byte_order_mark_and_names_its_columns(files):
    csvs = [path for path in files if path.endswith(".csv")]
    yearbook = read_yearbook(PROJECT / "data")
    expected = {"data/yearbook.csv", "data/facts.csv", "data/targets.csv"}
    expected |= {f"data/parks/{park}.csv" for park in yearbook.parks}
    expected |= {f"data/indicators/{indicator}.csv" for indicator in yearbook.indicators}
    assert expected <= set(csvs)
    for path in csvs:
        header = files[path].decode("utf-8-sig").splitlines()[0].split(",")
        wanted = {"note", "source_url"} | (set() if path == "data/targets.csv" else {"period", "scope"})
        assert wanted <= set(header), path  # targets have no period or scope of their own


def test_figure_rows_carry_period_scope_note_and_an_absolute_source_address(files):
    yearbook = read_yearbook(PROJECT / "data")
    rows = _rows(files["data/yearbook.csv"])
    assert len(rows) == len(yearbook.figures())
    noted = 0
    for row, figure in zip(rows, yearbook.figures(), strict=True):
        assert (row["park"], int(row["year"]), row["indicator"]) == (figure.park, figure.year, figure.indicator)
        assert row["period"] == (figure.period or "") and row["scope"] == (figure.scope or "")
        assert row["note"] == (figure.origin.note or "")
        noted += bool(row["note"])
        assert row["source_url"] == (
            f"https://yearbook.example.org/fork/sources/{figure.origin.source}/#{quote_anchor(figure.origin.quote)}"
        )
    assert noted > 0
    # The whole-yearbook file is the parks' files put together; each indicator's file holds its figures.
    for park in yearbook.parks:
        assert _rows(files[f"data/parks/{park}.csv"]) == [r for r in rows if r["park"] == park]
    for indicator in yearbook.indicators:
        got = [(r["park"], r["year"]) for r in _rows(files[f"data/indicators/{indicator}.csv"])]
        assert got == [(r["park"], r["year"]) for r in rows if r["indicator"] == indicator]


SITE = "https://yearbook.example.org/fork/"
XIAMEN_2016 = {"park": "xiamen-torch", "park_name": "厦门火炬高新区", "year": 2016}
REPORT_2016 = {
    "source": "xiamen-torch-2016-work-report",
    "source_title": "厦门火炬高新区2016年工作报告和2017年工作安排",
}

# Rows worked out by hand from data/years/xiamen-torch/2016.yaml, its park and its report's metadata: the fact's
# figures as the report hedges them (超过1.1亿元; 20多家), one column, joined by "; ".
HAND_FACT_ROWS = [
    {**XIAMEN_2016, "theme": "产业发展", "text": "规上工业增加值增速比全市高2.9个百分点。", "figures": "2.9个百分点",
     "period": None, "scope": None, "note": None, **REPORT_2016, "quote": "同比增长8.3%,高于全市增速2.9个百分点"},
    {**XIAMEN_2016, "theme": "产业发展", "text": "兑现增产多销奖励资金958万元、增产增效奖励资金1328万元。",
     "figures": "958万元; 1328万元", "period": None, "scope": None, "note": None, **REPORT_2016,
     "quote": "兑现增产多销奖励政策资金958万元、增产增效奖励政策资金1328万元"},
    {**XIAMEN_2016, "theme": "产业发展", "text": "以人才政策和高管个税优惠资金激励二十多家企业的经营团队稳产增产。",
     "figures": "20多家", "period": None, "scope": None, "note": None, **REPORT_2016,
     "quote": "兑现市、区人才政策和高管个税优惠政策资金,激励20多家企业经营团队稳产及增产"},
    {**XIAMEN_2016, "theme": "科技金融",
     "text": "获得国家、省、市各级扶持资金1.1亿元以上,兑现区级扶持资金5000万元以上。",
     "figures": "超过1.1亿元; 超过5000万元", "period": None, "scope": None, "note": None, **REPORT_2016,
     "quote": "获得国家、省、市各类扶持资金支持超过1.1亿元,兑现高新区区级扶持资金超过5000万元"},
    {**XIAMEN_2016, "theme": "科技金融", "text": "新增新三板挂牌企业36家。", "figures": "36家", "period": None,
     "scope": None, "note": "原文“新三版”即“新三板”,引文照录原文。", **REPORT_2016, "quote": "新增36家新三版挂牌企业"},
]  # fmt: skip

# Whether each target was met, worked out by hand: xiamen-torch reports 2016, 2020, 2022 and 2025, xinyu 2014, so a
# target for any other year has no report yet (尚无报告). The 2020 report's targets are for 2020 itself: those naming
# no indicator have nothing to compare with (无可比指标); the fifth names national_high_tech_enterprises, a figure the
# 2020 report does not give (当年未报告该指标). Dalian's 2010 goals are for 2010, whose file gives only
# software_outsourcing_revenue: GDP, fixed-asset investment, FDI and domestic capital are not reported that year, the
# third names no indicator; its 2011 goal (software_outsourcing_revenue >= 1100亿元 in 2012) has no verdict: the 2012
# report's 1145亿元 is the city's (我市), kept as a fact, not the park's indicator.
# In file order, per (park, year set in).
HAND_VERDICTS = {
    ("xiamen-torch", 2016): ["尚无报告"] * 14,
    ("xiamen-torch", 2020): ["无可比指标"] * 4 + ["当年未报告该指标"] + ["无可比指标"] * 3,
    ("xiamen-torch", 2022): ["尚无报告"] * 5,
    ("xiamen-torch", 2025): ["尚无报告"] * 9,
    ("xinyu", 2014): ["尚无报告"] * 13,
    ("dalian", 2010): ["当年未报告该指标"] * 2 + ["无可比指标"] + ["当年未报告该指标"] * 2,
    ("dalian", 2011): ["无可比指标"],  # its goal says only 收入, no indicator's name
    ("changchun", 2013): ["尚无报告"] * 6,
    ("guilin", 2014): ["尚无报告"] * 2,
    ("jingyue", 2022): ["尚无报告"] * 3,
}
HAND_TARGET_ROW = {
    "park": "xiamen-torch", "park_name": "厦门火炬高新区", "set_in": "2020", "for_year": "2020",
    "indicator": "national_high_tech_enterprises", "indicator_name": "国家高新技术企业数",
    "text": "国家级高新技术企业总数突破1000家", "comparator": ">=", "value": "1000", "unit": "家",
    "status": "当年未报告该指标", "actual_value": "",
}  # fmt: skip


def _with_address(row: dict) -> dict:
    """A hand-worked row with the address of its quote on the published site."""
    return {**row, "source_url": f"{SITE}sources/{row['source']}/#{quote_anchor(row['quote'])}"}


def test_facts_and_targets_downloads_hold_every_entry(files):
    yearbook = read_yearbook(PROJECT / "data")
    facts = [fact for key in sorted(yearbook.years) for fact in yearbook.years[key].facts]
    targets = [target for key in sorted(yearbook.years) for target in yearbook.years[key].targets]
    fact_rows, target_rows = _rows(files["data/facts.csv"]), _rows(files["data/targets.csv"])
    assert len(fact_rows) == len(facts) > 0 and len(target_rows) == len(targets) > 0
    for row, fact in zip(fact_rows, facts, strict=True):
        assert row["quote"] == fact.origin.quote and row["theme"] == fact.theme
        assert row["source_url"].startswith(SITE + "sources/")
    for row, target in zip(target_rows, targets, strict=True):
        assert (int(row["set_in"]), int(row["for_year"]), row["text"]) == (target.set_in, target.for_year, target.text)


def test_facts_download_rows_are_the_hand_worked_ones(files):
    by_text = {row["text"]: row for row in json.loads(files["data/facts.json"])}
    for expected in map(_with_address, HAND_FACT_ROWS):
        assert by_text[expected["text"]] == expected
    csv_rows = {row["text"]: row for row in _rows(files["data/facts.csv"])}
    for expected in map(_with_address, HAND_FACT_ROWS):  # in the CSV, an empty cell for nothing, numbers as text
        assert csv_rows[expected["text"]] == {key: "" if v is None else str(v) for key, v in expected.items()}


def test_target_verdicts_are_the_hand_worked_ones(files):
    rows = _rows(files["data/targets.csv"])
    verdicts: dict[tuple[str, int], list[str]] = {}
    for row in rows:
        verdicts.setdefault((row["park"], int(row["set_in"])), []).append(row["status"])
    assert verdicts == HAND_VERDICTS
    (row,) = [row for row in rows if row["text"] == HAND_TARGET_ROW["text"]]
    assert {key: row[key] for key in HAND_TARGET_ROW} == HAND_TARGET_ROW


def test_site_url_comes_from_the_environment_or_mkdocs_yml(tmp_path, monkeypatch):
    config = tmp_path / "mkdocs.yml"
    config.write_text('site_url: !ENV [YEARBOOK_SITE_URL, "https://a.example/yearbook"]\n', encoding="utf-8")
    monkeypatch.delenv(ENV, raising=False)
    assert site_url(config) == "https://a.example/yearbook/"
    monkeypatch.setenv(ENV, "https://b.example/")
    assert site_url(config) == "https://b.example/"
    # The project's own mkdocs.yml names an address, so the sitemap and the downloads' links are absolute.
    monkeypatch.delenv(ENV)
    assert site_url().startswith("https://")


def test_an_edit_redoes_the_facts_and_targets_rows_it_touches(tmp_path):
    """The facts and targets files are put together per park-year; a rerun after an edit equals a fresh render."""
    import shutil

    from generator.reuse import Reuse

    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data", data)
    reuse = Reuse()
    first = render_site(read_yearbook(data, reuse))
    year_file = data / "years/xiamen-torch/2016.yaml"
    text = year_file.read_text(encoding="utf-8")
    facts = text.index("\nfacts:")
    line = next(line for line in text[facts:].splitlines() if line.strip().startswith("text:"))
    year_file.write_text(text[:facts] + text[facts:].replace(line, line + "(修订)", 1), encoding="utf-8")
    again = render_site(read_yearbook(data, reuse))  # unchanged park-years are the same objects: their rows reused
    fresh = render_site(read_yearbook(data))
    assert again["data/facts.csv"] == fresh["data/facts.csv"] != first["data/facts.csv"]
    assert again["data/targets.csv"] == fresh["data/targets.csv"]
