"""Period, scope and hedges of a clause (generator/reading/parts.py)."""

from __future__ import annotations

from tests.extract_helpers import draft, indicators, refused


def test_a_period_in_the_title_or_a_paragraph_opening_is_recorded():
    text = (
        "某高新区2024年1—9月经济运行情况\n1—9月,全区固定资产投资98.6亿元,同比下降2.3%。\n"
        "截至9月底,全区共有国家高新技术企业318家。\n"
    )
    found = indicators(text)
    assert found["fixed_asset_investment"]["period"] == "1—9月"
    assert found["national_high_tech_enterprises"]["period"] == "截至9月底"
    assert found["national_high_tech_enterprises"]["quote"].startswith("截至9月底")  # the quote shows its period


def test_a_whole_year_figure_wins_and_the_part_stays_a_fact_with_its_period():
    text = "2024年,上半年地区生产总值236.4亿元,增长5.9%。全年实现地区生产总值486.7亿元,同比增长6.8%。"
    data = draft(text)
    gdp = {item["id"]: item for item in data["indicators"]}["gdp"]
    assert gdp["value"] == 486.7 and "period" not in gdp
    part = [f for f in data["facts"] if any(fig["value"] == 236.4 for fig in f["figures"])]
    assert part and part[0]["period"] == "上半年"


def test_a_part_of_the_park_opening_a_clause_is_its_scope():
    text = "2024年,全区营业收入2315.4亿元。主园区实现营业收入1508.2亿元,东湖科技园实现营业收入512.6亿元。"
    data = draft(text)
    assert {item["id"]: item["value"] for item in data["indicators"]} == {"operating_revenue": 2315.4}
    scopes = {fig["value"]: f.get("scope") for f in data["facts"] for fig in f["figures"]}
    assert scopes == {1508.2: "主园区", 512.6: "东湖科技园"}


def test_a_hedge_governing_the_clause_is_recorded():
    found = indicators("2024年,预计全年全口径财政收入完成45.6亿元,一般公共预算收入21.3亿元。")
    assert found["fiscal_revenue_total"]["qualifier"] == "预计"
    assert found["district_general_budget_revenue"]["qualifier"] == "预计"
    assert found["fiscal_revenue_total"]["quote"].startswith("预计全年")


def test_a_part_of_the_park_keeps_its_growth_in_the_same_fact():
    data = draft("2024年,全区营业收入2315.4亿元。主园区实现营业收入1508.2亿元,同比增长10.3%。")
    part = [f for f in data["facts"] if f.get("scope") == "主园区"]
    assert len(part) == 1 and part[0]["quote"] == "主园区实现营业收入1508.2亿元,同比增长10.3%"
    assert part[0]["figures"] == [{"value": 1508.2, "unit": "亿元"}, {"value": 10.3, "unit": "%"}]


def test_a_period_to_the_end_of_december_is_the_whole_year():
    found = indicators("2024年1—12月主要经济指标\n截至12月底,全区有效发明专利4382件,同比增长16.7%。")
    assert "period" not in found["valid_invention_patents"]


def test_every_item_after_a_semicolon_names_its_own_part_of_the_park():
    text = "2024年,全区营业收入2108.6亿元。"
    text += "其中,核心區實現營業收入1263.8億元;東港園實現營業收入512.4億元;集聚研发机构126家。"
    scopes = {fig["value"]: f.get("scope") for f in draft(text)["facts"] for fig in f["figures"]}
    assert scopes == {1263.8: "核心區", 512.4: "東港園", 126: None}  # the scope as the report writes it


def test_a_list_after_a_forecast_part_of_the_park_is_that_part_s_not_the_park_s():
    from tests.extract_helpers import draft, refused

    text = (
        "2024年,全区实现营业收入2100亿元,增长8%。"
        "预计主园区实现营业收入1500亿元、工业总产值800亿元、税收收入50亿元,同比分别增长9%、7%和5%。"
    )
    found = draft(text)
    whole = [(i["id"], i["value"]) for i in found["indicators"] if "scope" not in i]
    assert whole == [("operating_revenue", 2100)]
    parts = {i["id"]: i for i in found["indicators"] if "scope" in i}
    assert {(i["scope"], i["qualifier"]) for i in parts.values()} == {("主园区", "预计")}
    assert refused(text) == []


def test_the_period_and_part_of_the_park_a_quote_is_read_under_are_drafted_as_the_checker_reads_them():
    from tests.extract_helpers import draft, refused

    title = "某某市某某国家高新技术产业开发区管理委员会关于2024年1-4月全区主要经济指标完成情况的通报"
    text = title + "\n全区实现营业收入420.5亿元,同比增长8.1%。依托核心区,新引进项目36个。\n"
    found = draft(text)
    (revenue,) = found["indicators"]
    assert (revenue["value"], revenue["period"]) == (420.5, "1-4月")  # the note's title gives the period
    fact = next(f for f in found["facts"] if f["figures"][0]["value"] == 36)
    assert (fact["period"], fact["scope"]) == ("1-4月", "核心区")  # named before the figure in its sentence
    assert refused(text) == []


def test_the_press_name_of_a_half_year_report_gives_its_period():
    # 半年报 is the report of the first half year, as 一季报 and 三季报 are of the first quarter and three quarters.
    text = "7月26日,某高新区经济“半年报”出炉,完成地区生产总值230.46亿元,同比增长14.1%。"
    assert indicators(text)["gdp"]["period"] == "上半年"
    assert refused(text) == []


def test_a_sentence_opening_on_a_verb_goes_on_in_the_period_of_the_sentence_before():
    text = "1月到6月,全区规模以上工业企业130家。实现规模以上工业总产值595.85亿元,增长10.23%。"
    assert indicators(text)["industrial_output_above_scale"]["period"] == "1月到6月"
    assert refused(text) == []
    # Told after the paragraph's opening: a sentence with a subject of its own, or a 全年 of its own, is not carried on.
    opening = "2024年,全区营业收入2315.4亿元。1月到6月,规上工业企业130家。"
    for sentence in ("全区规模以上工业总产值595.85亿元。", "全年实现规模以上工业总产值595.85亿元。"):
        assert "period" not in indicators(opening + sentence)["industrial_output_above_scale"]
    carried = indicators(opening + "实现规模以上工业总产值595.85亿元。")["industrial_output_above_scale"]
    assert carried["period"] == "1月到6月"


def test_a_period_alone_refining_the_paragraphs_part_of_the_year_holds_over_the_sentences_after_it():
    # 今年上半年 heads the paragraph; 1-5月份 opens a sentence of its own: the figures after it are counted to May.
    text = "今年上半年,高新区经济运行总体平稳。1-5月份,完成规上工业产值132.4亿元,同比增长7.0%。"
    text += "固定资产投资37.45亿元,同比增长23.0%。"
    found = indicators(text, 2024)
    assert found["fixed_asset_investment"]["period"] == "1-5月份"
    assert found["industrial_output_above_scale"]["period"] == "1-5月份"
    assert refused(text, 2024) == []


def test_a_share_told_after_its_measures_amount_is_the_share_of_that_measure():
    # 占地区生产总值比重 names the base of the share, not an amount of GDP; the measure is the clause before's.
    text = "2023年,全社会研发经费支出超15.7亿元,占地区生产总值比重达5.2%,是市平均水平的2.2倍。"
    found = indicators(text, 2023)
    assert (found["rd_expenditure"]["value"], found["rd_intensity"]["value"]) == (15.7, 5.2)
    assert "gdp" not in found
    assert refused(text, 2023) == []


def test_a_share_written_as_a_ratio_is_the_same_share():
    # 比值 for 比重, GDP for 地区生产总值: 研发投入占GDP比值 is the catalogue's 研发投入占地区生产总值比重.
    text = "2020年,园区全社会研发投入占GDP比值为5.46%。"
    assert indicators(text, 2020)["rd_intensity"]["value"] == 5.46
    assert refused(text, 2020) == []
    assert indicators("2023年,R&D投入占GDP比重达4.5%。", 2023)["rd_intensity"]["value"] == 4.5  # R&D for 研发


def test_a_year_named_alone_is_not_held_by_the_period_of_a_title_naming_no_year():
    # A copy's title (济南一季度高新区gdp) gives its period to a text of the quarter, not to a paragraph dated 2018年,….
    text = "济南一季度高新区gdp\n论坛上,主任说,2018年,高新区新培育税收“亿元楼”10个。R&D经费支出占GDP比重8.1%。"
    assert "period" not in indicators(text, 2018)["rd_intensity"]
    assert refused(text, 2018) == []
    quarter = "济南一季度高新区gdp\n论坛上,主任说,高新区新培育税收“亿元楼”10个。R&D经费支出占GDP比重8.1%。"
    assert indicators(quarter, 2018)["rd_intensity"]["period"] == "一季度"


def test_a_round_mark_the_year_passed_is_no_amount_of_it():
    # 首次突破千亿元大关, 迈上千亿台阶: a milestone, hedged or not; 超15.7亿元 is a hedged amount.
    for text in ("2018年,高新区地区生产总值首次突破千亿元大关。", "2018年,高新区规上工业总产值迈上千亿台阶。"):
        assert indicators(text, 2018) == {}
    assert indicators("2018年,高新区地区生产总值超1015亿元。", 2018)["gdp"]["qualifier"] == "超"


def test_money_with_a_bare_multiplier_and_growths_under_a_heading_of_several_years():
    # 增至67.4亿, is 67.4亿元; under “十三五”…成绩喜人 an undated growth compares with 2015, so no 同比 is drafted.
    text = "“十三五”郑州高新区发展成绩喜人\n综合实力大幅增强。\n"
    text += "一般公共预算收入增至67.4亿,增长133%;\n全口径财政收入增至139亿,增长75.1%。"
    found = indicators(text, 2020)
    assert [(found[i]["value"], found[i]["unit"], found[i].get("change_pct")) for i in sorted(found)] == [
        (67.4, "亿元", None),
        (139, "亿元", None),
    ]
    assert refused(text, 2020) == []
    # Before other words a bare multiplier is no unit: 5.78万亿重大项目.
    assert indicators("2024年,全区实现营业收入5.78万亿重大项目。") == {}


def test_the_same_figure_told_again_with_its_growth_is_drafted_from_the_fuller_telling():
    text = "2024年某高新区统计公报\n年末全区拥有高新技术企业512家，比上年末增加45家。\n\n"
    text += "指标 | 计量单位 | 2024年 | 比上年增长(%)\n高新技术企业数 | 家 | 512 | 9.6\n"
    found = indicators(text)["national_high_tech_enterprises"]
    assert (found["value"], found["change_pct"], found["quote"]) == (512, 9.6, "高新技术企业数|家|512|9.6")
    assert refused(text) == []


def test_an_estimate_a_numbered_list_hangs_from_governs_every_item():
    text = "一、2015年經濟運行情況\n2015年預計主要經濟指標完成:\n1、規模以上工業總產值567億元,同比增長5%;\n"
    text += "2、固定資產投資46億元,同比下降8%;\n二、主要工作完成情況\n1、新增高新技術企業12家。\n"
    found = indicators(text, 2015)
    assert {
        i: (found[i]["qualifier"], found[i]["change_pct"])
        for i in sorted(found)
        if i != "new_national_high_tech_enterprises"
    } == {
        "fixed_asset_investment": ("预计", -8),
        "industrial_output_above_scale": ("预计", 5),
    }
    assert "qualifier" not in found["new_national_high_tech_enterprises"]  # another list, under a heading of results
    assert refused(text, 2015) == []


def test_a_growth_compared_with_the_end_of_a_plan_period_is_not_the_years():
    text = "经过5年发展,与“十一五”末相比,2015年高新区GDP完成34.5亿元,增长178%;规模以上工业增加值达27.3亿元,增长327%。"
    found = indicators(text, 2015)
    assert [(found[i]["value"], found[i].get("change_pct")) for i in ("gdp", "industrial_value_added_above_scale")] == [
        (34.5, None),
        (27.3, None),
    ]
    assert refused(text, 2015) == []
