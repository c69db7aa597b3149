"""The catalogue follows the national high-tech zone statistical system, in both scripts."""

from __future__ import annotations

import yaml

from generator.reading.script import simplified
from tests.conftest import PROJECT

CATALOGUE = {e["id"]: e for e in yaml.safe_load((PROJECT / "data" / "indicators.yaml").read_text(encoding="utf-8"))}
NATIONAL = {
    "operating_revenue": ("营业收入", "亿元"),
    "industrial_output": ("工业总产值", "亿元"),
    "net_profit": ("净利润", "亿元"),
    "taxes_paid": ("上缴税费", "亿元"),
    "import_export_total": ("进出口总额", "亿元"),
    "export_total": ("出口总额", "亿美元"),
    "retail_sales": ("社会消费品零售总额", "亿元"),
    "tax_revenue": ("税收收入", "亿元"),
    "fiscal_revenue_total": ("财政总收入", "亿元"),
    "rd_expenditure": ("R&D经费内部支出", "亿元"),
    "rd_intensity": ("研发投入强度", "%"),
    "employees_year_end": ("年末从业人员", "万人"),
    "enterprises_in_statistics": ("入统企业数", "家"),
    "national_high_tech_enterprises": ("国家高新技术企业数", "家"),
    "tech_smes": ("科技型中小企业", "家"),
    "valid_invention_patents": ("有效发明专利", "件"),
}


def test_the_national_indicators_are_in_the_catalogue_with_their_units():
    for indicator, (name, unit) in NATIONAL.items():
        entry = CATALOGUE[indicator]
        assert (entry["name"], entry["unit"]) == (name, unit), indicator
        assert entry["name_en"] and entry["definition"] and entry["kind"] in ("flow", "stock", "ratio")


def test_older_and_other_wordings_are_aliases():
    assert {"营业总收入", "技工贸总收入"} <= set(CATALOGUE["operating_revenue"]["aliases"])
    assert "技工贸总收入" in CATALOGUE["operating_revenue"]["note"]  # where the definition changed
    assert "全口径财政收入" in CATALOGUE["fiscal_revenue_total"]["aliases"]
    assert "一般公共预算收入" in CATALOGUE["district_general_budget_revenue"]["aliases"]


def test_new_entries_carry_aliases_in_traditional_characters():
    for indicator in NATIONAL:
        names = [CATALOGUE[indicator]["name"], *CATALOGUE[indicator].get("aliases", [])]
        if indicator in ("export_total", "national_high_tech_enterprises"):
            continue  # older entries: read in traditional characters through the matching form
        assert any(simplified(name) != name for name in names), indicator
