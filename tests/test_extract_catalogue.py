"""The catalogue follows the national high-tech zone statistical system; traditional script is read, not listed."""

from __future__ import annotations

import yaml

from generator.reading.script import simplified
from tests.conftest import PROJECT
from tests.extract_helpers import catalogue, indicators

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


def test_no_name_is_written_twice_in_two_scripts():
    """Traditional script is read through OpenCC's character table: the catalogue holds simplified names only."""
    for indicator, entry in CATALOGUE.items():
        for name in (entry["name"], *entry.get("aliases", [])):
            assert simplified(name) == name, (indicator, name)


def test_every_national_indicator_is_read_in_traditional_script():
    from generator.data.model import Source
    from generator.data.validate import entry_problems

    traditional = "營業收入2108.6億元,同比增長10.3%。研發投入強度3.1%。有效發明專利4321件。"
    source = Source(id="s", title="t", publisher="p", kind="press", published=None, park="p",
                    paragraphs=[traditional], covers=(2024,))  # fmt: skip
    found = indicators(traditional)
    assert {"operating_revenue", "rd_intensity", "valid_invention_patents"} <= set(found)
    for entry in found.values():
        assert entry_problems("indicators", entry, source, ("p", 2024), CATALOGUE) == [], entry


def test_an_alias_used_outside_its_years_is_pointed_out_in_the_draft(tmp_path):
    from generator.editor.commands import draft_text
    from generator.editor.extract import extract, read_catalogue

    (tmp_path / "indicators.yaml").write_text(
        "- id: operating_revenue\n  name: 营业收入\n  aliases: [技工贸总收入]\n"
        "  alias_years:\n    技工贸总收入: {until: 2012}\n  name_en: Revenue\n  unit: 亿元\n  kind: flow\n"
        "  definition: 收入。\n",
        encoding="utf-8",
    )
    catalogue, messages = read_catalogue(tmp_path)
    assert messages == [] and catalogue[0].alias_years == (("技工贸总收入", None, 2012),)
    text = "2016年,全区实现技工贸总收入1200亿元,增长10%。"
    draft = extract(text, "s", catalogue, "p", 2016)
    assert "a name reports used in —2012: check the measure is the same" in draft_text(draft, catalogue)
    draft = extract(text.replace("2016", "2011"), "s", catalogue, "p", 2011)
    assert "check the measure" not in draft_text(draft, catalogue)


def test_a_high_tech_enterprise_is_a_national_one_from_2008():
    # The national rules of 2008 made every 高新技术企业 a national one; before them provinces certified their own,
    # so the bare name of an earlier year is no national count (the held-out editors of 苏州 2002 and 长沙 2004).
    from generator.editor.extract import extract

    text = "2017年,高新区认定高新技术企业66家,有效期内高新技术企业跃升至111家。"
    found = indicators(text, 2017)
    assert (found["new_national_high_tech_enterprises"]["value"], found["national_high_tech_enterprises"]["value"]) == (
        66,
        111,
    )
    earlier = extract(text.replace("2017", "2006"), "s", catalogue(), "p", 2006)
    assert "national_high_tech_enterprises" not in {item["id"] for item in earlier.data["indicators"]}
    assert "national_high_tech_enterprises" not in indicators("2006年,园区拥有206家高新技术企业。", 2006)
    # A net change of the stock, and the candidates for it, are neither the stock nor the newly certified.
    assert indicators("2021年,净增国家高企329家。", 2021) == {}
    assert indicators("2024年,入库高企后备企业618家。", 2024) == {}


def test_patents_granted_are_read_in_either_order():
    found = indicators("1-5月,开发区授权专利35件,占全区授权总数的41%。", 2017)
    assert (found["patent_grants"]["value"], found["patent_grants"]["period"]) == (35, "1-5月")


def test_registered_foreign_capital_actually_received_is_the_fdi_used():
    # 注册外资实际到账 (Jiangsu's statistics) is foreign capital actually received, not the registered amount.
    found = indicators("2019年,实现注冊外資實際到賬1.13億美元、進出口總額6.87億美元。", 2019)
    assert found["fdi_actual"]["value"] == 1.13 and "fdi_contracted" not in found


def test_a_technology_sme_is_the_national_databases_from_2017():
    # The national evaluation of 科技型中小企业 began in 2017; a city's list of earlier years has the same words
    # (the held-out editor of 天津 2015: 新增科技型中小企业1328家 is the city's own list).
    text = "2018年,高新区新增科技型中小企业1328家。"
    assert indicators(text, 2018)["tech_smes"]["value"] == 1328
    assert "tech_smes" not in indicators(text.replace("2018", "2015"), 2015)
