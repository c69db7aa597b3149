"""Claims (generator/reading/claims.py): a name bound to the figure it governs, with its 同比."""

from __future__ import annotations

from tests.extract_helpers import draft, indicators, refused


def test_a_figure_and_its_growth_are_one_entry():
    found = indicators("2024年,全区营业总收入2315.4亿元,增长9.2%;进出口总额312.5亿元,同比下降3.4%。")
    assert (found["operating_revenue"]["value"], found["operating_revenue"]["change_pct"]) == (2315.4, 9.2)
    assert found["import_export_total"]["change_pct"] == -3.4
    assert found["operating_revenue"]["quote"] == "全区营业总收入2315.4亿元,增长9.2%"


def test_qi_zhong_naming_another_indicator_is_drafted_a_part_of_the_same_is_not():
    found = indicators("2024年,工业总产值1820.6亿元,增长8.5%,其中规模以上工业总产值1642.3亿元,增长9.0%。")
    assert found["industrial_output"]["value"] == 1820.6
    assert found["industrial_output_above_scale"]["value"] == 1642.3
    found = indicators("2024年,工业总产值1820.6亿元,其中工业总产值增长最快的是电子信息业,为800亿元。")
    assert found["industrial_output"]["value"] == 1820.6


def test_a_stock_after_its_change_and_measures_per_person_are_told_apart():
    found = indicators("2024年,全年新增国家高新技术企业68家,总数达到426家;每万人有效发明专利拥有量达到48.6件。")
    assert found["new_national_high_tech_enterprises"]["value"] == 68
    assert found["national_high_tech_enterprises"]["value"] == 426
    assert "valid_invention_patents" not in found  # 48.6 per 10,000 people is not the count


def test_older_and_traditional_names_map_to_the_catalogue():
    assert indicators("2012年,高新区实现技工贸总收入1856.2亿元。", 2012)["operating_revenue"]["value"] == 1856.2
    # 内联引资: an older word for domestic capital brought in
    inland = indicators("2015年,全年内联引资完成178亿元,同比增幅20%。", 2015)["domestic_capital_introduced"]
    assert (inland["value"], inland["change_pct"]) == (178, 20)
    found = indicators("2024年,全年進出口總額186.4億元,稅收收入52.3億元,同比增長4.6%。")
    assert found["import_export_total"]["value"] == 186.4
    assert found["tax_revenue"]["quote"] == "稅收收入52.3億元,同比增長4.6%"  # the report's own script


def test_the_total_revenue_of_the_firms_above_scale_is_the_parks_and_of_its_industry_a_part():
    # The zone's statistics count its firms above scale: 规上企业总收入 is its 企业总收入, as 规上企业营业收入 is (the
    # held-out editors of 中关村 2011 and 2017 and 张江 2023 read it so, and the catalogue counts the 入统 firms).
    assert indicators("2024年,规模以上企业实现总收入7905亿元,同比增长19.3%。")["operating_revenue"]["value"] == 7905
    assert indicators("2023年,区域内规上企业总收入高达9.6万亿元。", 2023)["operating_revenue"]["value"] == 96000
    found = indicators("2017年上半年,中关村示范区规模以上企业实现总收入21422.5亿元,同比增长16.7%。", 2017)
    assert (found["operating_revenue"]["value"], found["operating_revenue"]["change_pct"]) == (21422.5, 16.7)
    assert "operating_revenue" not in indicators("2024年,园区规模以上工业企业总收入300亿元。")


def test_another_places_amount_a_sentence_compares_with_leaves_the_parks_alone():
    # Two amounts of one measure in a paragraph are a breakdown left to the editor, unless the other is the amount of
    # a place the park is compared with (略低于薛家镇的一般预算收入): the park's is then its own.
    text = "2021年,西太湖全年一般公共预算收入达到18.76亿元,已经和湖塘镇的一般预算收入差不多,"
    text += "略低于薛家镇的一般预算收入(19.7亿元,)。"
    assert indicators(text, 2021)["district_general_budget_revenue"]["value"] == 18.76
    assert refused(text, 2021) == []


def test_a_counting_verb_governs_every_item_of_its_list():
    text = "2024年,高新区新认定国家级高新技术企业334家、国家级专精特新“小巨人”企业14家、瞪羚企业51家。"
    found = indicators(text)
    assert found["new_national_high_tech_enterprises"]["value"] == 334
    assert found["new_little_giant_enterprises"]["value"] == 14
    assert refused(text) == []


def test_a_targets_amounts_told_as_a_target_met_are_no_results():
    # The target's amounts after the results (…6.7亿元的目标) are neither results nor a breakdown of them.
    text = "截止11月底,高新区财税总收入累计完成15.02亿元,同比增长46.48%;"
    text += "一般公共预算收入累计完成7.61亿元,同比增长79.30%。"
    text += "提前完成年初制定的财税总收入14亿元、地方一般公共财政预算收入6.7亿元的目标。"
    found = indicators(text, 2016)
    assert (found["fiscal_revenue_total"]["value"], found["fiscal_revenue_total"]["period"]) == (15.02, "截止11月底")
    assert found["district_general_budget_revenue"]["value"] == 7.61
    assert refused(text, 2016) == []


def test_a_total_after_a_change_binds_to_the_stock_the_change_counts():
    found = indicators("2012年,全年新认定高新技术企业58家,累计达到312家。", 2012)
    assert found["new_national_high_tech_enterprises"]["value"] == 58
    stock = found["national_high_tech_enterprises"]
    assert (stock["value"], stock["quote"]) == (312, "新认定高新技术企业58家,累计达到312家")


def test_a_hedge_on_the_growth_is_drafted_as_change_qualifier_and_one_on_the_amount_is_not():
    found = indicators("2024年,全区营业收入1200亿元,增长约15%;进出口总额312.5亿元,增长超过20%。")
    assert (found["operating_revenue"]["change_pct"], found["operating_revenue"]["change_qualifier"]) == (15, "约")
    assert found["import_export_total"]["change_qualifier"] == "超过"
    assert "qualifier" not in found["operating_revenue"]
    found = indicators("2024年,全区营业收入约1200亿元,增长15%。")
    assert found["operating_revenue"]["qualifier"] == "约" and "change_qualifier" not in found["operating_revenue"]


def test_names_listed_before_fenbie_take_the_amounts_and_growths_in_order():
    found = indicators("2024年,全区地区生产总值和财政总收入分别达到215亿元和17.99亿元,分别增长10.1%和5%。")
    assert (found["gdp"]["value"], found["gdp"]["change_pct"]) == (215, 10.1)
    assert (found["fiscal_revenue_total"]["value"], found["fiscal_revenue_total"]["change_pct"]) == (17.99, 5)
    assert found["fiscal_revenue_total"]["quote"] == found["gdp"]["quote"]  # the whole list: the order proves it
    found = indicators("2024年,出口总额12亿美元、实际利用外资8亿美元,分别下降5%和3%。")
    assert (found["export_total"]["change_pct"], found["fdi_actual"]["change_pct"]) == (-5, -3)


def test_drafts_of_fenbie_lists_and_hedged_growths_pass_the_checker():
    from generator.data.model import Source
    from generator.data.validate import entry_problems
    from tests.test_binding import CATALOGUE

    text = (
        "2024年,全区地区生产总值和财政总收入分别达到215亿元和17.99亿元,分别增长10.1%和5%。"
        "出口总额12亿美元、实际利用外资8亿美元,分别下降5%和3%。营业收入1200亿元,增长约15%。"
    )
    source = Source(id="s", title="示范", publisher="示范", kind="work-report", published=None, park="p",
                    paragraphs=[text], covers=(2024,))  # fmt: skip
    found = indicators(text)
    assert set(found) >= {"gdp", "fiscal_revenue_total", "export_total", "fdi_actual", "operating_revenue"}
    for entry in found.values():
        assert entry_problems("indicators", entry, source, ("p", 2024), CATALOGUE) == [], entry


def test_a_table_is_read_through_its_header_as_the_checker_reads_it():
    from generator.data.model import Source, paragraphs_of
    from generator.data.validate import entry_problems
    from tests.test_binding import CATALOGUE

    text = (
        "2024年科技创新指标\n指标名称\t单位\t上年\t本年\t同比增長（%）\n高新技术企业数\t家\t358\t402\t12.3\n"
        "主要经济指标\n单位：亿元\n指标\t2023年\t2024年\t比上年增长(%)\n地区生产总值\t478.1\t512.3\t7.2\n"
        "财政指标\n指标\t本年（亿元）\t增长%\n税收收入\t38.9\t5.4\n"
    )
    source = Source(id="s", title="示范", publisher="示范", kind="work-report", published=None, park="p",
                    paragraphs=paragraphs_of(text), covers=(2024,))  # fmt: skip
    found = indicators(text)
    assert (
        found["national_high_tech_enterprises"]["value"],
        found["national_high_tech_enterprises"]["change_pct"],
    ) == (
        402,
        12.3,
    )
    assert (found["gdp"]["value"], found["gdp"]["change_pct"]) == (512.3, 7.2)  # not the 2023年 column
    assert (found["tax_revenue"]["value"], found["tax_revenue"]["change_pct"]) == (38.9, 5.4)  # 本年（亿元）
    for entry in found.values():
        assert entry_problems("indicators", entry, source, ("p", 2024), CATALOGUE) == [], entry


def test_the_exact_amount_after_a_round_hedged_one_is_the_figure():
    found = indicators("2024年,规模以上工业总产值超700亿元,达到713.4亿元,增长10.6%;营业收入逾千亿元,达到1058.7亿元。")
    assert (found["industrial_output_above_scale"]["value"], found["industrial_output_above_scale"]["change_pct"]) == (
        713.4,
        10.6,
    )
    assert "qualifier" not in found["industrial_output_above_scale"]
    assert found["operating_revenue"]["value"] == 1058.7
    found = indicators("2024年,国家高新技术企业总数达到近900家,为896家。")
    assert found["national_high_tech_enterprises"]["value"] == 896
    # The level reached told in the same clause after the round bound: 突破百亿、增至100.7亿.
    found = indicators("2024年,全口径税收突破百亿、增至100.7亿,增长44.9%;规上工业增加值突破500亿元、达到512.3亿元。")
    assert (found["tax_revenue"]["value"], found["tax_revenue"]["change_pct"]) == (100.7, 44.9)
    assert found["industrial_value_added_above_scale"]["value"] == 512.3
    assert "qualifier" not in found["tax_revenue"]
    # Another amount after the round bound, not a level reached, leaves the bound the figure: 突破百亿元、利润8亿元.
    found = indicators("2024年,营业收入突破百亿元、利润8亿元。")
    assert found["operating_revenue"]["value"] == 100


def test_where_a_change_started_and_a_groups_threshold_are_not_the_value():
    # 由…: the start of a change over years is no value; the level reached, hedged, is (as 从1.46亿元增加到近1300亿元)
    found = indicators("2024年,国家高新技术企业由不足200家增加到近900家。")
    drafted = found["national_high_tech_enterprises"]
    assert (drafted["value"], drafted["qualifier"]) == (900, "近")
    found = indicators("2024年,实现营业收入1036.5亿元,增长8.1%。营业收入超10亿元的企业28家。")
    assert found["operating_revenue"]["value"] == 1036.5  # 超10亿元的企业: a threshold, not a second value


def test_a_price_basis_between_a_figure_and_its_growth_keeps_them_together():
    found = indicators("2024年,全区实现地区生产总值356.72亿元,按不变价格计算,比上年增长5.9%。")
    assert found["gdp"]["change_pct"] == 5.9
    found = indicators("2024年,全區實現地區生產總值約742.3億元,按可比價格計算增長7.4%。")
    assert (found["gdp"]["change_pct"], found["gdp"]["qualifier"]) == (7.4, "约")


def test_a_change_told_after_its_stock_takes_the_stocks_object():
    found = indicators("2024年,國家高新技術企業達到1,246家,當年新認定218家。")
    assert found["national_high_tech_enterprises"]["value"] == 1246
    assert found["new_national_high_tech_enterprises"]["value"] == 218
    assert found["new_national_high_tech_enterprises"]["quote"] == "國家高新技術企業達到1,246家,當年新認定218家"
    found = indicators("2024年,国家高新技术企业达到896家,新增12家研发机构。")
    assert "new_national_high_tech_enterprises" not in found  # 12家 counts the 研发机构


def test_numbers_in_chinese_numerals_are_drafted_and_pass_the_checker():
    from tests.extract_helpers import refused

    text = (
        "2024年,高新区实现营业收入逾百亿元,同比增长百分之五。规模以上工业总产值三千万元。新增国家高新技术企业十二家。"
    )
    found = indicators(text)
    revenue = found["operating_revenue"]
    assert (revenue["value"], revenue["qualifier"], revenue["change_pct"]) == (100, "逾", 5)
    assert found["industrial_output_above_scale"]["value"] == 0.3
    assert found["new_national_high_tech_enterprises"]["value"] == 12
    assert refused(text) == []


def test_the_text_s_exact_figure_wins_over_a_headline_s_round_one():
    text = "某高新区营业收入首次突破千亿元\n2024年,某高新区完成营业收入1036.8亿元,同比增长12.4%,首次突破千亿元大关。"
    assert indicators(text)["operating_revenue"]["value"] == 1036.8
    text = "某高新區營業收入首破兩千億元\n2024年,全區企業實現營業收入2,108.6億元,較上年增長10.3%。"
    assert indicators(text)["operating_revenue"]["value"] == 2108.6


def test_names_as_reports_write_them_are_drafted_and_pass_the_checker():
    from tests.extract_helpers import refused

    text = (
        "2024年,全区地区生产总值(GDP)123.4亿元,增长6.1%。高企总数达到426家。"
        "科技型中小企业入库评价数量约1,360家。企业总收入1,580亿元。"
    )
    found = indicators(text)
    assert (found["gdp"]["value"], found["gdp"]["change_pct"]) == (123.4, 6.1)
    assert found["national_high_tech_enterprises"]["value"] == 426
    assert (found["tech_smes"]["value"], found["tech_smes"]["qualifier"]) == (1360, "约")
    assert found["operating_revenue"]["value"] == 1580  # an older name of the measure
    assert refused(text) == []


def test_an_amount_in_another_currency_is_a_fact_that_says_why():
    from tests.extract_helpers import draft, refused

    text = "2024年,全区实现营业收入12亿美元,同比增长5%。出口总额80亿元。"
    found = draft(text)
    assert found["indicators"] == []
    notes = [fact.get("note", "") for fact in found["facts"]]
    assert notes == [
        "原文以亿美元计,目录指标“营业收入”以亿元计,币种不同不换算,故记为事实。",
        "原文以亿元计,目录指标“出口总额”以亿美元计,币种不同不换算,故记为事实。",
    ]
    assert refused(text) == []


def test_a_round_hedged_figure_beside_the_exact_one_is_the_same_figure_told_twice():
    from tests.extract_helpers import refused

    text = "记者从2022年高新区GDP超千亿元新闻发布会上获悉,2022年高新区地区生产总值达1010.24亿元,较上年增长4.9%。"
    gdp = indicators(text, 2022)["gdp"]
    assert (gdp["value"], gdp["change_pct"], gdp.get("qualifier")) == (1010.24, 4.9, None)
    assert refused(text, 2022) == []


def test_a_longer_name_holding_the_catalogue_name_measures_a_part_and_older_names_map():
    text = "2020年,高新区一般公共预算税收收入75.01亿元,增长7%;规上工业产值971.3亿元,增长7.2%;注册外资7.3亿美元。"
    found = indicators(text, 2020)
    assert "tax_revenue" not in found and "district_general_budget_revenue" not in found
    assert found["industrial_output_above_scale"]["value"] == 971.3
    assert found["fdi_contracted"]["value"] == 7.3
    found = indicators("2011年,地方一般预算收入73.02亿元;全区完成全社会固定资产投入56.3亿元,到账外资4.98亿美元。", 2011)
    assert found["district_general_budget_revenue"]["value"] == 73.02
    assert (found["fixed_asset_investment"]["value"], found["fdi_actual"]["value"]) == (56.3, 4.98)
    assert refused(text, 2020) == []


def test_a_sentence_naming_the_year_ends_the_history_that_opened_the_paragraph():
    text = (
        "某高新区1992年经国务院批准,1997年又被确定为科技工业园区。据统计,高新区2002年实现国内生产总值204亿元,"
        "同比增长21.8%;社会消费品零售总额为5.3亿元,增长25%。全区完成全社会固定资产投入56.3亿元。"
    )
    found = indicators(text, 2002)
    assert (found["retail_sales"]["value"], found["fixed_asset_investment"]["value"]) == (5.3, 56.3)
    assert refused(text, 2002) == []


def test_flows_listed_after_a_total_since_the_start_are_not_the_year_s():
    text = "2002年,合同外资7.2亿美元,到账外资4.98亿美元。到2002年底累计吸收合同外资50.59亿美元,实际到帐外资30.3亿美元。"
    found = indicators(text, 2002)
    assert (found["fdi_contracted"]["value"], found["fdi_actual"]["value"]) == (7.2, 4.98)


def test_exports_named_by_the_bare_verb_are_drafted_and_imports_and_exports_are_not_exports():
    found = indicators("2004年完成技工贸总收入503亿元,实现利税58.5亿元,出口4亿美元。", 2004)
    assert found["export_total"]["value"] == 4
    assert "export_total" not in indicators("2024年,全区进出口86.67亿美元,增长5%。")


def test_industry_s_value_added_is_the_above_scale_measure_only_where_the_paragraph_speaks_of_it():
    breakdown = "2011年,第二产业增加值410.57亿元,同比增长22.6%,其中工业增加值388.71亿元,同比增长23.3%。"
    assert "industrial_value_added_above_scale" not in indicators(breakdown, 2011)
    above_scale = "2014年,规模以上工业企业完成总产值622亿元,同比增长16.7%;完成工业增加值140亿元,同比增长13.3%。"
    assert indicators(above_scale, 2014)["industrial_value_added_above_scale"]["value"] == 140
    assert indicators("2016年,預計實現規模工業總產值1400億元。", 2016)["industrial_output_above_scale"]["value"] == 1400


def test_a_name_carried_on_past_a_short_phrase_takes_the_amount_of_the_next_clause():
    text = "2011年,全区财政总收入跃上新台阶,达204.11亿元,同比增长28.8%。"
    found = indicators(text, 2011)["fiscal_revenue_total"]
    assert (found["value"], found["change_pct"]) == (204.11, 28.8)
    assert refused(text, 2011) == []


def test_a_round_bound_or_a_change_in_the_unit_between_an_amount_and_its_growth_is_passed_over():
    text = "2021年,社会消费品零售总额实现405.3亿元,首次突破400亿,同比增长15.2%。"
    assert indicators(text, 2021)["retail_sales"]["change_pct"] == 15.2
    assert refused(text, 2021) == []
    text = "2011年,全年实现地区生产总值623.13亿元,比上年增加122.66亿元,同比增长24.5%(按可比价计算,同比增长14.1%)。"
    assert indicators(text, 2011)["gdp"]["change_pct"] == 14.1  # at comparable prices, as statistics compare
    assert refused(text, 2011) == []


def test_fenbie_pairs_its_growths_with_the_amounts_of_the_clauses_listed_before_it():
    text = "2002年,进出口总额86.67亿美元,其中出口43.02亿美元,分别增长47.6%和44.8%。"
    assert indicators(text, 2002)["export_total"]["change_pct"] == 44.8
    assert refused(text, 2002) == []


def test_a_round_mark_reached_is_not_the_figure_hedged_or_not():
    # A milestone (…大关) is no amount of the year, as the held-out editors of 济南 2018 and 江阴 2021 judged.
    assert "industrial_output_above_scale" not in indicators("2024年,规上工业总产值站上6600亿元大关。")
    assert "operating_revenue" not in indicators("2024年,营业收入突破1000亿元大关。")
    assert indicators("2024年,营业收入突破1000亿元。")["operating_revenue"]["qualifier"] == "突破"


def test_a_part_s_subject_before_the_verb_makes_the_name_after_it_the_part_s():
    assert "operating_revenue" not in indicators("2021年,规模以上服务业实现营业收入784.8亿元。", 2021)
    assert indicators("2021年,高新区实现营业收入784.8亿元。", 2021)["operating_revenue"]["value"] == 784.8


def test_one_industry_named_before_a_measure_makes_it_that_industry_s():
    assert "operating_revenue" not in indicators("2020年,现代物流业实现营业总收入70亿元。", 2020)
    assert indicators("2020年,全区企业实现营业总收入70亿元。", 2020)["operating_revenue"]["value"] == 70
    assert indicators("2020年,带动就业,实现营业收入70亿元。", 2020)["operating_revenue"]["value"] == 70


def test_an_average_growth_over_years_is_not_drafted_as_the_year_s():
    text = "2024年,全区地区生产总值520亿元,年均增长8.5%;营业收入1200亿元,增长9%,两年平均增长7.9%。"
    found = indicators(text)
    assert "change_pct" not in found["gdp"] and found["operating_revenue"]["change_pct"] == 9
    assert refused(text) == []


def test_a_period_written_the_long_way_is_the_figures_period():
    found = indicators("2023年1月至6月,全区规上工业增加值完成277.54亿元,同比增长2.2%。", 2023)
    assert found["industrial_value_added_above_scale"]["period"] == "1月至6月"


def test_a_monthly_note_whose_text_says_cumulative_gives_its_figures_from_january():
    note = "2020年10月全区经济运行情况\n10月,主要经济指标累计降幅持续收窄。\n全区规上工业实现总产值121.25亿元。"
    assert indicators(note, 2020)["industrial_output_above_scale"]["period"] == "1-10月"
    assert refused(note, 2020) == []
    single_month = note.replace("累计降幅", "降幅")  # no word that the figures run from January: the month is unknown
    assert "period" not in indicators(single_month, 2020)["industrial_output_above_scale"]


def test_a_headline_telling_again_a_figure_the_text_gives_for_a_part_of_the_year_is_that_parts():
    text = "规上工业增加值完成277.54亿元\n据统计,1-6月,全区规上工业增加值完成277.54亿元,同比增长2.2%。"
    assert indicators(text, 2023)["industrial_value_added_above_scale"]["period"] == "1-6月"


def test_all_industrys_value_added_is_not_the_above_scale_measure():
    text = "全年全部工业增加值31.16亿元,比上年增长7.1%。规模以上工业增加值增长8.0%。"
    assert "industrial_value_added_above_scale" not in indicators(text, 2024)


def test_a_part_of_the_park_after_the_clauses_year_is_the_figures_scope():
    found = indicators("2016年麓谷园区实现企业总收入2816亿元。", 2016)
    assert found["operating_revenue"]["scope"] == "麓谷园区"


def test_a_round_up_of_several_parks_drafts_only_the_parks_own_paragraphs():
    from generator.editor.extract import extract
    from tests.extract_helpers import catalogue

    text = (
        "长沙高新区创建于1988年10月,2016年实现规模工业总产值1353亿元。\n"
        "株洲高新区成立于1992年5月,2016年园区规模工业总产值突破400亿元。"
    )
    for names, value in ((("长沙高新技术产业开发区", "长沙高新区"), 1353), (("株洲高新技术产业开发区",), 400)):
        data = extract(text, "s", catalogue(), "p", 2016, names).data
        drafted = [item["value"] for item in data["indicators"] if item["id"] == "industrial_output_above_scale"]
        assert drafted == [value]
        assert not any(str(1353 + 400 - value) in fact["quote"] for fact in data["facts"])  # nor as a fact


def test_qi_zhong_opening_the_next_sentence_is_a_part_of_the_total_before_it():
    text = (
        "社会消费品零售总额45.26亿元,同比下降19.9%。"
        "其中:限额以上零售企业实现社会消费品零售总额22.92亿元,同比下降10.41%。"
    )
    assert indicators(text, 2020)["retail_sales"]["value"] == 45.26


def test_a_budget_s_outturn_is_drafted_and_its_plans_and_its_taxes_are_not():
    text = (
        "2024年,一般公共预算收入年初预算为34.2亿元,调整预算数为32亿元,决算数为32.2亿元,同比增长0.8%。"
        "其中,税收收入27.9亿元,增长7.0%。"
    )
    drafted = indicators(text, 2024)
    assert drafted["district_general_budget_revenue"]["value"] == 32.2
    assert drafted["district_general_budget_revenue"]["change_pct"] == 0.8
    assert "tax_revenue" not in drafted
    # A budget told with no outturn is a plan: nothing to draft.
    assert "district_general_budget_revenue" not in indicators("2025年,一般公共预算收入年初预算为36亿元。", 2025)


def test_foreign_direct_investment_paid_in_is_drafted_and_contracted_is_not():
    text = "2015年,合同外商直接投资3.2亿美元,实际使用外商直接投资1.3亿美元;外商直接投资同比增长46.1%。"
    drafted = indicators(text, 2015)
    assert drafted["fdi_actual"]["value"] == 1.3
    assert "fdi_actual" not in indicators("2015年,外商直接投资合同额3.2亿美元。", 2015)


def test_a_round_bound_an_exact_amount_of_the_page_fills_gives_way_to_it():
    # A page of short lines gives the exact amount; its prose the bound it passed: the same figure, the exact one.
    prose = "过去一年,全区克服疫情影响,2022年GDP突破3000亿元,增速居前。"
    text = "2022年该区高效统筹\n\n实现地区生产总值3015.8亿元\n\n迈上新千亿台阶\n\n" + prose
    assert indicators(text, 2022)["gdp"]["value"] == 3015.8
    # A bound the exact amount does not fill (far past it) is not that amount: the sentence's bound stays.
    text = "2022年该区高效统筹\n\n实现地区生产总值3815.8亿元\n\n" + prose
    assert indicators(text, 2022)["gdp"]["value"] == 3000


def test_a_name_opening_on_the_park_is_read_whole():
    assert indicators("2018年,南昌高新区总收入超过3000亿元。", 2018)["operating_revenue"]["value"] == 3000
    assert "operating_revenue" not in indicators("2010年,园区技术总收入达到1100亿元。", 2010)  # 技术: a part
    assert indicators("2010年,园区经营总收入达到1100亿元。", 2010)["operating_revenue"]["value"] == 1100  # its old name


def test_a_period_holds_over_semicolon_items_until_the_whole_year_is_named_again():
    month = indicators("今年1月份共完成地区生产总值6.8亿元,同比增长23.2%;全社会固定资产投资1.4亿元,同比增长31%。", 2011)
    assert (month["gdp"]["period"], month["fixed_asset_investment"]["period"]) == ("1月份", "1月份")
    year = indicators("2025年1-9月高新区实现GDP115.5亿元,全年预计实现GDP178亿元;全年固定资产投资39.4亿元。", 2025)
    assert (year["gdp"]["value"], year["gdp"]["qualifier"], year["gdp"].get("period")) == (178, "预计", None)
    assert "period" not in year["fixed_asset_investment"] and "qualifier" not in year["fixed_asset_investment"]


def test_fenbie_pairs_a_total_and_its_qi_zhong_part_with_their_growths():
    text = (
        "开发区地方财政一般预算收入等主要经济指标连年攀升。完成全社会固定资产投资110.19亿元,其中工业投资85.57亿元,"
        "分别同比增长24.72%和27.68%;实现财政总收入41.73亿元,其中地方一般预算收入17.28亿元,分别同比增长49.03%和39.76%。"
    )
    found = indicators(text, 2011)
    assert found["fixed_asset_investment"]["change_pct"] == 24.72
    assert found["fiscal_revenue_total"]["change_pct"] == 49.03
    assert (
        found["district_general_budget_revenue"]["value"],
        found["district_general_budget_revenue"]["change_pct"],
    ) == (17.28, 39.76)
    assert found["fixed_asset_investment"]["quote"].startswith("完成全社会固定资产投资")  # the item, not the paragraph


def test_a_forecast_opening_the_sentence_governs_its_semicolon_items_one_inside_an_item_does_not():
    opening = indicators("预计高新技术产业收入500亿元以上,增长25%;软件和服务外包收入505.5亿元,增长50%。", 2010)
    assert opening["software_outsourcing_revenue"]["qualifier"] == "预计"
    inside = indicators("1-9月实现GDP115.5亿元,全年预计实现GDP178亿元;全年固定资产投资39.4亿元。", 2025)
    assert "qualifier" not in inside["fixed_asset_investment"]


def test_a_sentence_with_no_subject_goes_on_telling_of_the_part_the_sentence_before_told_of():
    text = "区属实现GDP 40.4亿元,增长19.2%。新增规模企业10家,固定资产投资33.25亿元,增长49.25%。"
    assert indicators(text, 2009)["fixed_asset_investment"]["scope"] == "区属"
    assert refused(text, 2009) == []


def test_totals_over_several_years_are_not_the_years_and_a_level_reached_is():
    five_years = indicators(
        "五年来,全区工业总产值累计实现134.4亿元;累计完成固定资产投资141.3亿元,年均增长33.2%。", 2020
    )
    assert "industrial_output" not in five_years and "fixed_asset_investment" not in five_years
    reached = indicators("营业总收入由3.7亿元增长到2750亿元,GDP由1.35亿元增长到875亿元。", 2016)
    assert (reached["operating_revenue"]["value"], reached["gdp"]["value"]) == (2750, 875)
    estimate = indicators("截止到2017年第三季度,园区地方财政收入达4.79亿元,2017年全年预计实现工业总产值285亿元。", 2017)
    assert "period" not in estimate["industrial_output"] and estimate["industrial_output"]["qualifier"] == "预计"


def test_semicolon_items_with_no_subject_go_on_with_the_part_the_items_before_named():
    text = (
        "2017年,全区实现规模以上工业增加值43.1亿元,增长6.1%;完成固定资产投资227.5亿元,增长53%。"
        "其中,主园区实现规模以上工业总产值198.5亿元,增长8.6%;规模以上工业增加值35.5亿元,增长6.2%;"
        "固定资产投资187亿元,增长43.6%。"
    )
    found = indicators(text, 2017)
    assert found["industrial_value_added_above_scale"]["value"] == 43.1
    assert found["fixed_asset_investment"]["value"] == 227.5
    assert refused(text, 2017) == []


def test_a_list_of_names_opening_on_its_year_pairs_with_both_lists_after_fen_bie():
    found = indicators("2022年高新技术企业数、科技型中小企业数分别同上年增长48%、20%,分别达到215家、433家。", 2022)
    assert (
        found["national_high_tech_enterprises"]["value"],
        found["national_high_tech_enterprises"]["change_pct"],
    ) == (
        215,
        48,
    )
    assert (found["tech_smes"]["value"], found["tech_smes"]["change_pct"]) == (433, 20)
    # The quote holds the whole list of amounts, which the checker pairs with the names.
    assert found["national_high_tech_enterprises"]["quote"].endswith("215家、433家")


def test_several_parks_together_or_an_area_are_drafted_as_none_of_the_park():
    text = (
        "据省科技厅统计,我省27个高新技术产业园区,2016年1月至6月完成规模以上工业总产值12210亿元,同比增长13.22%。"
        "去年四川省4个国家高新区工业总产值将超过3500亿元,财政总收入将达300亿元。"
    )
    assert indicators(text, 2016) == {}
    city = "我市形成了“一核两翼”的高新区发展格局。2015年营业总收入达到394.97亿元。"
    assert indicators(city, 2015) == {}  # the sentence goes on with the city the one before ended on
    park = indicators(city.replace("我市", "高新区"), 2015)
    assert park["operating_revenue"]["value"] == 394.97
    own = indicators("营业收入约占全国近60个高新区总收入的七分之一,实现工业总产值2366亿元,同比增长13.6%。", 2016)
    assert own["industrial_output"]["value"] == 2366  # the parks a share compares with are no subject


def test_a_repost_s_date_lines_do_not_date_the_story_it_carries():
    text = (
        "发布网友 发布时间:2023-12-21 09:59\n共1个回答\n热心网友 时间:2024-03-20 21:08\n"
        "南都讯 昨日,河源市高新区升级为国家级高新区已获国务院批准。\n"
        "河源市高新区去年实现工业总产值429.6亿元,比增22%。今年力争8家以上企业成功申报国家级高新技术企业。\n"
    )
    found = indicators(text, 2014)  # the editor's covers: the story tells 2014's results in 2015
    assert (found["industrial_output"]["value"], found["industrial_output"]["change_pct"]) == (429.6, 22)
    assert indicators(text.replace("去年实现", "2012年实现"), 2014) == {}  # a year named is the year


def test_an_estimate_with_words_before_it_governs_its_items():
    found = indicators(
        "初步预计,2017年完成地区生产总值192.7亿元,增长2.5%;社会消费品零售总额92.78亿元,增长10.5%。", 2017
    )
    assert found["retail_sales"]["qualifier"] == "预计"
    assert found["gdp"]["qualifier"] == "预计"


def test_a_founding_year_at_a_paragraphs_opening_is_not_the_year_it_tells_of():
    text = (
        "承载使命,从2007年正式挂牌起,这里由最初的1.1平方公里蜕变成为现在430多平方公里的新区。\n"
        "11年的奋进,记录下太多闪亮时刻:成为国家级产城融合示范区……\n"
        "2017年,高新区规模以上工业产值达854亿元;今年1-10月,规模以上工业总产值累计完成671.74亿元。\n"
    )
    found = indicators(text, 2017)
    assert found["industrial_output_above_scale"]["value"] == 854  # the …… line ends; 2007 dates the founding


def test_a_period_the_paragraphs_figures_open_on_holds_after_a_lead_sentence():
    text = "数据彰显自信。截至11月底,高新区规模以上工业总产值累计完成435亿元。固定资产投资累计完成235亿元,同比增长16%。"
    found = indicators(text, 2014)
    assert found["fixed_asset_investment"]["period"] == "截至11月底"


def test_a_part_named_by_what_it_leaves_out_is_not_the_measure():
    text = "1至6月,规上工业增加值326.99亿元,同比增长6.3%。其中,非烟规上工业增加值29.68亿元,同比增长8.9%。"
    found = indicators(text, 2023)
    assert found["industrial_value_added_above_scale"]["value"] == 326.99
    assert "valid_invention_patents" not in indicators("2017年,高新区每万人拥有有效发明专利108件。", 2017)


def test_a_sentence_opening_on_qi_zhong_tells_parts_in_every_clause():
    text = (
        "2015年,全区实现规模以上工业增加值43.08亿元,同比增长7.4%;完成固定资产投资44.72亿元,同比增长19.4%。"
        "其中,新开工项目14个,新增工业项目固定资产投资36.14亿元。"
    )
    assert indicators(text, 2015)["fixed_asset_investment"]["value"] == 44.72


def test_a_zones_own_name_is_the_park_and_a_span_of_years_in_a_later_clause_gives_totals():
    found = indicators("据市统计局数据,2011年,莆田高新园区工业总产值达312.05亿元,完成固定资产投资26.7亿元。", 2011)
    assert found["industrial_output"].get("scope") is None
    assert found["fixed_asset_investment"]["value"] == 26.7
    text = "今年以来,高新区构建大招商格局,近三年新招引外资项目41个,新增注册外资21.8亿美元、到账外资10.6亿美元。"
    assert "fdi_actual" not in indicators(text, 2024)


def test_plain_industrial_value_added_is_above_scale_only_after_the_paragraph_spoke_of_it():
    text = "一季度,该区完成工业总产值42.91亿元;完成工业增加值11.27亿元,同比增长14.9%;开展技改规模以上工业企业5家。"
    assert "industrial_value_added_above_scale" not in indicators(text, 2017)
    listed = "2014年,规模以上工业企业实现主营业务收入500亿元;完成工业增加值140亿元,同比增长13.3%。"
    assert indicators(listed, 2014)["industrial_value_added_above_scale"]["value"] == 140


def test_rd_expenditure_as_a_share_of_gdp_is_rd_intensity():
    found = indicators("2023年,全社会研发经费支出占地区生产总值的比重达5.2%。", 2023)
    assert found == {"rd_intensity": found["rd_intensity"]} and found["rd_intensity"]["value"] == 5.2


def test_a_level_reached_from_a_start_years_before_has_no_year_on_year_growth():
    text = (
        "据统计,高新区地区生产总值从2014年的211亿元增长到2017年的297亿元,增长41%;"
        "财政总收入从35.5亿元增长到87.2亿元,增长146%。"
    )
    found = indicators(text, 2017)
    assert (found["gdp"]["value"], found["gdp"].get("change_pct")) == (297, None)  # 2014 is where the rise started
    assert (found["fiscal_revenue_total"]["value"], found["fiscal_revenue_total"].get("change_pct")) == (87.2, None)
    next_year = indicators("营业收入由2015年的100亿元增长到2016年的120亿元,增长20%。", 2016)
    assert next_year["operating_revenue"]["change_pct"] == 20


def test_a_measure_split_from_its_subject_stands_whole_after_a_verb_only():
    text = "全年,规模以上工业增加值26.3亿元,规模以上工业企业开票销售29.6亿元;服务业增加值1.2亿元。"
    assert (
        indicators(text, 2014)["industrial_value_added_above_scale"]["value"] == 26.3
    )  # 服务业增加值 is no part of it


def test_exports_of_a_trade_mode_a_product_group_or_own_trading_rights_are_parts():
    for text in ("2003年,实现自营出口4.24亿美元,比上年增长46.96%。", "2003年,高新技术加工贸易产品出口1.8394亿美元。"):
        assert "export_total" not in indicators(text, 2003), text


def test_growths_listed_after_a_second_fenbie_pair_with_the_names_listed_before_the_first():
    text = "2023年,高新区营业收入、工业总产值分别达到1200亿元、800亿元,同比分别增长9%、8%。"
    found = indicators(text, 2023)
    assert [(found[i]["value"], found[i]["change_pct"]) for i in ("operating_revenue", "industrial_output")] == [
        (1200, 9),
        (800, 8),
    ]
    assert refused(text, 2023) == []


def test_a_list_counted_before_its_respective_amounts_is_paired():
    listed = "2008年,高新区生产总值、工业总产值、工业增加值4项主要经济指标分别达到了208亿元、631亿元和171亿元。"
    found = indicators(listed, 2008)
    assert (found["gdp"]["value"], found["industrial_output"]["value"]) == (208, 631)
    found = indicators("2008年,高新区生产总值、工业总产值三项指标分别为208亿元、631亿元。", 2008)
    assert (found["gdp"]["value"], found["industrial_output"]["value"]) == (208, 631)


def test_a_rank_among_several_parks_is_no_subject_of_the_figures_after_it():
    # 增速排名全省16个国家级开发区第三位 compares the park's growth; the next item of the ；-list is the park's again.
    found = indicators(
        "2021年,全区实际吸收外资10679万美元,完成全年目标的109.5%,同比增长13.3%,增速排名全省16个国家级开发区第三位;"
        "完成社会消费品零售总额73.89亿元,同比增长9.2%,总量居全市第5位。",
        2021,
    )
    assert (found["fdi_actual"]["value"], found["fdi_actual"]["change_pct"]) == (1.0679, 13.3)
    assert (found["retail_sales"]["value"], found["retail_sales"]["change_pct"]) == (73.89, 9.2)
    # Several parks as the subject still take the amounts after them.
    found = indicators("2021年,全省16个国家级开发区完成社会消费品零售总额730亿元。", 2021)
    assert "retail_sales" not in found


def test_the_software_industry_under_its_statistical_name_is_the_catalogues_software_revenue():
    # 软件和信息技术服务业 is the statistics' name of the industry; 500万口径 is the measure's own threshold, no part.
    found = indicators("2022年,500万口径软件和信息技术服务业业务收入全年完成116.8亿元,同比增长22.7%。", 2022)
    revenue = found["software_info_services_revenue"]
    assert (revenue["value"], revenue["change_pct"], revenue.get("scope")) == (116.8, 22.7, None)
    # 软件产业 (an industry of the park's own naming) is not the catalogue's measure.
    assert "software_info_services_revenue" not in indicators("2022年,软件产业实现收入221亿元。", 2022)


def test_a_name_written_verb_first_takes_the_level_inside_it():
    # 完成市以上重点项目投资21亿元: the key projects' completed investment; 总投资: their whole cost, not a year's.
    found = indicators("2025年,高新区完成市以上重点项目投资21亿元,同比增长5%。", 2025)
    assert (found["key_project_investment"]["value"], found["key_project_investment"]["change_pct"]) == (21, 5)
    assert "key_project_investment" not in indicators("2025年,19个重点项目总投资规模达332.4亿元。", 2025)


def test_of_two_amounts_of_one_measure_the_one_told_of_the_park_by_its_name_is_the_parks():
    # The wider whole first, then 其中 the park by its name; its next clause, opening on a verb, is the park's too.
    from generator.editor.extract import extract
    from tests.extract_helpers import catalogue

    text = "8月22日,记者从乐山高新区了解到,上半年,“一总部三基地”实现营业收入451亿元,固定资产投资76.32亿元,"
    text += "其中,乐山高新区完成营业收入102.3亿元,同比增长52.8%;完成固定资产投资18.4亿元,同比增长15.65%。"
    drafted = extract(text, "s", catalogue(), "p", 2019, ("乐山高新技术产业开发区",)).data["indicators"]
    found = {item["id"]: (item["value"], item["change_pct"], item["period"]) for item in drafted}
    assert found == {"operating_revenue": (102.3, 52.8, "上半年"), "fixed_asset_investment": (18.4, 15.65, "上半年")}
    # With no name of the park among them, two amounts of one measure stay the editor's to choose.
    unnamed = text.replace("乐山高新区完成", "园区完成")
    drafted = extract(unnamed, "s", catalogue(), "p", 2019, ("乐山高新技术产业开发区",)).data["indicators"]
    assert "operating_revenue" not in {item["id"] for item in drafted}


def test_a_clause_opening_on_its_verb_carries_a_class_of_firms_named_as_the_subject_before_it():
    text = "2022年,规模以上工业实现总产值208.2亿元,同比增长5.2%,实现营业收入222.8亿元,同比增长9.8%。"
    found = indicators(text, 2022)
    assert found["industrial_output_above_scale"]["value"] == 208.2
    assert "operating_revenue" not in found  # above-scale industry's revenue, not the park's firms'
    services = "2022年上半年,规模以上服务业保持良好增长势头,实现营业收入18.7亿元,同比增长22.7%。"
    assert "operating_revenue" not in indicators(services, 2022)
    found = indicators("2022年,全区实现地区生产总值115亿元,同比增长4.4%,实现营业收入222.8亿元。", 2022)
    assert found["operating_revenue"]["value"] == 222.8  # the park's own clause carries on: its revenue


def test_the_park_s_own_grounds_are_the_park_and_a_named_park_inside_it_is_a_part():
    whole = indicators("2024年1至9月,高新区园区实现规上工业总产值405.97亿元。", 2024)["industrial_output_above_scale"]
    assert (whole["value"], whole.get("scope"), whole["period"]) == (405.97, None, "1至9月")
    part = indicators("2024年1至9月,高新区光谷园区实现规上工业总产值405.97亿元。", 2024)
    assert part["industrial_output_above_scale"]["scope"] == "高新区光谷园区"


def test_a_level_reached_from_a_start_is_the_stock_and_a_dated_count_is_no_estimate():
    text = "2020年,预计营业总收入达3475亿元,截至2020年11月底有效发明专利12500件,高企总数从360家增至1031家。"
    found = indicators(text, 2020)
    assert found["operating_revenue"]["qualifier"] == "预计"
    patents = found["valid_invention_patents"]
    assert (patents["value"], patents["period"], patents.get("qualifier")) == (12500, "截至2020年11月底", None)
    assert found["national_high_tech_enterprises"]["value"] == 1031  # not 360, where it started


def test_a_will_after_an_amount_told_sets_no_plan_and_the_park_s_part_holds_over_its_items():
    text = (
        "2016年高新区核心区地区生产总值增长11.8%左右,总量将实现历史性突破;完成工业总产值1821亿元,同比增长15.7%。\n"
        "全年实际利用外资7.62亿美元,实际利用内资205.5亿元。\n"
    )
    found = draft(text, 2016)
    drafted = {entry["id"]: entry for entry in found["indicators"]}
    assert drafted["industrial_output"]["scope"] == "核心区"  # the core area's, told before the ;
    assert (drafted["fdi_actual"]["value"], drafted["domestic_capital_introduced"]["value"]) == (7.62, 205.5)
    assert not [target for target in found.get("targets", []) if target.get("indicator") == "industrial_output"]


def test_a_flow_after_leiji_in_the_sentence_after_a_span_of_years_is_a_total_over_them():
    text = (
        "2020年,实现地区生产总值289.4亿元。“十三五”期间,累计完成固定资产投资501.7亿元。"
        "质量效益不断提高,累计实现财政总收入347.4亿元。"
    )
    found = indicators(text, 2020)
    assert "fiscal_revenue_total" not in found and found["gdp"]["value"] == 289.4
    assert indicators("2020年,全年累计实现财政总收入347.4亿元。", 2020)["fiscal_revenue_total"]["value"] == 347.4


def test_firms_made_over_a_span_opened_earlier_in_the_paragraph_are_no_year_end_count():
    text = (
        "“十三五”期间,初步构建了五大产业。规模以上工业产值年均增幅超过10%。"
        "累计培育国家高新技术企业102家、国家科技型中小企业218家。2020年产业总收入440亿元,规模以上工业产值315亿元。"
    )
    found = indicators(text, 2020)
    assert "national_high_tech_enterprises" not in found and "tech_smes" not in found
    assert found["industrial_output_above_scale"]["value"] == 315
    later = indicators("“十三五”期间,构建了五大产业。国家高新技术企业累计达到102家。", 2020)
    assert later["national_high_tech_enterprises"]["value"] == 102


def test_what_a_project_is_to_bring_once_built_is_no_result_and_taxes_paid_as_older_reports_say():
    text = "2012年,这个项目建成后,年可实现销售收入700亿元,上缴税收近100亿元。全区企业实际上缴税收50.5亿元,同比增长8%。"
    found = draft(text, 2012)
    paid = [entry for entry in found["indicators"] if entry["id"] == "taxes_paid"]
    assert [(entry["value"], entry.get("change_pct")) for entry in paid] == [(50.5, 8)]
    assert not found["targets"]  # a project's projection is a fact, no goal of the park


def test_a_place_the_page_lost_to_a_question_mark_is_no_other_park_and_local_public_finance_revenue_maps():
    text = "?趪家高新区于1991年经国务院批准成立。2021年,该园区固定资产投资完成73.9亿元,同比增长36.3%。"
    found = draft(text, 2021)
    assert [entry["value"] for entry in found["indicators"] if entry["id"] == "fixed_asset_investment"] == [73.9]
    older = indicators("2013年1~3月,地方公共财政收入28.82亿元,增幅20.4%。", 2013)["district_general_budget_revenue"]
    assert (older["value"], older["change_pct"], older["period"]) == (28.82, 20.4, "1~3月")


def test_a_city_a_comparison_takes_as_its_object_is_no_subject_and_a_customs_zone_is_a_part():
    text = (
        "成都高新区2015年实现地区生产总值1277.6亿元,增长10.1%,在成都市地区生产总值中的占比提升至11.8%,拉动全市地区"
        "生产总值增长1个百分点;完成固定资产投资552.3亿元,实际利用外资15亿美元。成都高新综合保税区全年实现进出口总额1250亿元。"
    )
    found = indicators(text, 2015)
    assert (found["fixed_asset_investment"]["value"], found["fdi_actual"]["value"]) == (552.3, 15)
    assert found["import_export_total"]["scope"] == "成都高新综合保税区"  # drafted as a part, never the year's


def test_a_clause_opening_on_wei_as_for_carries_no_amount_on():
    text = "2020年,已向34个国家科技型中小企业发放科技创新券580万元,为胜达过滤等7家科技型中小企业获得贷款2000万元。"
    assert "tech_smes" not in indicators(text, 2020)
    assert indicators("2020年出口总额同比增长5%,达到了12.5亿美元。", 2020)["export_total"]["value"] == 12.5


def test_a_verb_first_clause_after_a_growth_goes_on_with_the_class_of_firms_named_before():
    text = "2014年,规模以上工业企业完成总产值622亿元,同比增长16.7%;实现主营业务收入620亿元,同比增长16.5%。"
    revenue = indicators(text, 2014)["industrial_revenue_above_scale"]
    assert (revenue["value"], revenue["change_pct"]) == (620, 16.5)
    park = indicators("2014年,高新区完成总产值622亿元;实现主营业务收入620亿元。", 2014)
    assert "industrial_revenue_above_scale" not in park


def test_of_two_amounts_of_one_measure_on_a_page_the_one_told_of_the_park_by_its_name_is_the_park_s():
    text = (
        "石峰区是株洲工业的主要集聚地。2009年,石峰区实现GDP185.3亿元,2009年工业总产值432亿元。\n"
        "株洲高新区为国家级高新技术产业开发区。2009年高新区实现GDP230亿元,工业总产值538亿元。"
    )
    found = indicators(text, 2009)
    assert (found["gdp"]["value"], found["industrial_output"]["value"]) == (230, 538)


def test_a_heading_of_results_run_into_its_text_heads_what_follows():
    # A page that lost its line breaks: the report's date and plan words first, then 一、2010年工作回顾 inside the text.
    text = (
        "会议纪要>(2011年)政府工作报告各位代表:现在,我代表区人民政府向大会报告工作,并作《十二五规划纲要(草案)》的说明。"
        "一、2010年工作回顾2010年是不同寻常的一年。区政府较好地完成了各项目标任务。全区实现生产总值341.7亿元,增长13.1%。"
    )
    gdp = indicators(text, 2010)["gdp"]
    assert (gdp["value"], gdp["change_pct"]) == (341.7, 13.1)


def test_funds_won_after_zhengqu_set_no_goal_over_the_items_after_them():
    text = "2009年,全年共获得科技项目立项161项,争取无偿资助7039万元;新认定高新技术企业26家,累计达到110家。"
    found = indicators(text, 2009)
    assert (found["new_national_high_tech_enterprises"]["value"], found["national_high_tech_enterprises"]["value"]) == (
        26,
        110,
    )
    assert "new_national_high_tech_enterprises" not in indicators("2009年,争取新认定高新技术企业26家。", 2009)


def test_a_sentence_opening_on_qizhong_goes_on_in_the_period_the_sentence_before_stated():
    text = (
        "这是今年以来,仲恺保持经济平稳较快发展的缩影。数据显示,1—6月份,仲恺多项经济指标位居全市前列。"
        "其中,实现地区生产总值416.08亿元,同比增长7.2%。"
    )
    assert indicators(text, 2022)["gdp"]["period"] == "1—6月份"


def test_an_amount_before_the_name_it_is_of_and_gdp_per_area():
    text = "2010年,该区在4.5平方公里的土地上实现了70亿元的地区生产总值,12.3亿元的财政收入,单位面积GDP17.68亿元。"
    assert indicators(text, 2010)["gdp"]["value"] == 70
    assert "gdp" not in indicators("2010年,单位面积GDP17.68亿元。", 2010)
    assert "operating_revenue" not in indicators("2010年,营业收入超10亿元的企业28家。", 2010)


def test_a_subhead_s_bare_amount_on_a_page_of_july_is_of_the_months_the_note_named():
    text = (
        "仲恺加快建设国家一流高新区\n2022-07-29 08:37:33 来源: 南方日报\n"
        "数据显示,1—6月份,仲恺多项经济指标位居全市前列。其中,实现地区生产总值416.08亿元,同比增长7.2%。\n"
        "工业发展“强筋骨”完成规上工业增加值284.90亿元\n盛夏七月,流金似火。\n"
    )
    assert indicators(text, 2022)["industrial_value_added_above_scale"]["period"] == "1—6月份"


def test_a_stocks_total_after_its_change_past_a_dunhao_is_drafted_with_the_change():
    # 新认定…1757家、累计达到5008家: the new ones and the total, each its own indicator, both proven by the checker.
    text = "1—9月,西安高新区新认定国家高新技术企业1757家、累计达到5008家。\n"
    found = indicators(text, 2023)
    assert found["new_national_high_tech_enterprises"]["value"] == 1757
    assert (found["national_high_tech_enterprises"]["value"], found["national_high_tech_enterprises"]["period"]) == (
        5008,
        "1—9月",
    )
    assert refused(text, 2023) == []
    listed = "高新区新认定国家高新技术企业1757家、瞪羚企业51家。\n"
    assert "national_high_tech_enterprises" not in indicators(listed, 2023)


def test_the_parks_item_of_a_ranking_is_its_amount_of_the_measure_the_lead_names():
    lines = ["2021年各区县GDP出炉", "一、2021年某市19个区县GDP排名:", "12、路南区, 308.1亿 ,增速 7.0%",
             "13、高新开发区, 278.6亿 ,增速 7.8%", "14、古冶区, 266.6亿 ,增速 2.0%"]  # fmt: skip
    gdp = indicators("\n".join(lines), 2021)["gdp"]
    assert (gdp["value"], gdp["change_pct"]) == (278.6, 7.8)
    assert gdp["quote"].startswith("13、高新开发区") and gdp["quote"].endswith("7.8%")  # the item, its mark and growth
    inline = "根据数据,2022年某市地区生产总值的前五位分别是:历下区2282.9亿元,高新区1619.3亿元,市中区1275.6亿元。"
    assert indicators(inline, 2022)["gdp"]["value"] == 1619.3
    # A ranking of a part of the year, of another year, or whose lead names two measures drafts nothing.
    half = "\n".join([lines[0], "一、2021年上半年各区县GDP排名:", *lines[2:]])
    other_year = "\n".join([lines[0], "一、2020年各区县GDP排名:", *lines[2:]])
    two = "2022年某市地区生产总值和财政总收入的排名依次为:历下区2282.9亿元,高新区1619.3亿元。"
    assert "gdp" not in indicators(half, 2021) and "gdp" not in indicators(other_year, 2021)
    assert not {"gdp", "fiscal_revenue_total"} & set(indicators(two, 2022))
    # A ranking told after the page named a part of the year (2022年一季度…) may be of that part: nothing drafted.
    after_a_quarter = "2022年一季度共实现1039.02亿元的GDP总量。\n根据GDP依次为临淄区(219.3亿元)、高新区(88.5亿元)。"
    assert indicators(after_a_quarter, 2022).get("gdp", {}).get("value") != 88.5


def test_places_listed_before_one_measure_are_paired_with_its_amounts_in_order():
    # 分别 pairs places, not measures, when places are listed before the one measure: the park's place has its own.
    gdp = indicators("怀集县和高新区2023年GDP总量分别为305.26亿元和269.08亿元,在全市各区县市中排名第四和第五。", 2023)
    assert gdp["gdp"]["value"] == 269.08
    with_growth = indicators("2023年高新区和端州区GDP分别为269.08亿元和478.99亿元,分别增长5.1%和3.2%。", 2023)["gdp"]
    assert (with_growth["value"], with_growth["change_pct"]) == (269.08, 5.1)
    # Two other places: nothing is the park's; measures listed (地区生产总值、财政总收入) are paired as before.
    assert "gdp" not in indicators("四会市和端州区2023年GDP总量分别为490.07亿元和478.99亿元。", 2023)
    measures = indicators("2023年,高新区地区生产总值、财政总收入分别为215亿元、17.99亿元。", 2023)
    assert (measures["gdp"]["value"], measures["fiscal_revenue_total"]["value"]) == (215, 17.99)
