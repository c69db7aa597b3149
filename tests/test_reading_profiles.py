"""The reading of a yearbook entry and a news page around a park's figures: counts in 户, spans to now, foundings,
a yearbook's edition, a zone of another kind, and a page's list of other stories."""

from tests.extract_helpers import indicators


def test_firms_counted_in_hu_are_counted_in_jia():
    # 户 is how many reports count firms (规模以上企业26户): the catalogue's 家.
    found = indicators("2022年,园区有规模以上企业26户,高新技术企业18户。", 2022)
    count = found["national_high_tech_enterprises"]
    assert (count["value"], count["unit"]) == (18, "家")


def test_a_span_to_now_names_no_year_of_its_own():
    # 2013年以来…增加到现在的155户: from 2013 to the time of writing; the counts after it are not 2013's.
    text = "《某某年鉴2023·工业园区》\n"
    text += "2013年以来,入园企业由2013年的35户增加到现在的155户,其中高新技术企业18户,各类从业人员11495人。"
    found = indicators(text, 2022)
    assert found["national_high_tech_enterprises"]["value"] == 18
    assert found["employees_year_end"]["value"] == 1.1495  # 11495人 in the catalogue's 万人


def test_a_founding_told_before_its_year_dates_the_founding_only():
    # 始建于1994年: the year of the founding, not of the counts after it in the paragraph.
    text = "园区始建于1994年,位于某县,规划面积140平方公里。园区现有高新技术企业18户。"
    assert indicators(text, 2022)["national_high_tech_enterprises"]["value"] == 18


def test_a_yearbooks_edition_records_the_year_before():
    # 《民乐年鉴2023》 records 2022: its counts are 2022's results, not goals for 2023.
    text = "《某某年鉴2023·工业园区》\n【概况】园区现有高新技术企业18户,各类从业人员11495人。"
    assert set(indicators(text, 2022)) == {"national_high_tech_enterprises", "employees_year_end"}
    assert indicators(text.replace("年鉴2023", "2023年工作计划"), 2022) == {}  # a heading of 2023's plans


def test_an_economic_and_technological_zone_of_the_parks_city_is_another_park():
    # 长沙经开区 is a national zone of another kind than 长沙高新区, though of the same city; …经开区(高新区) is the
    # park.
    from generator.editor.extract import extract
    from tests.extract_helpers import catalogue

    def found(text):
        draft = extract(text, "s", catalogue(), "changsha", 2016, ("长沙高新技术产业开发区",)).data
        return {item["id"]: item["value"] for item in draft["indicators"]}

    other = "长沙经开区成立于1992年,2000年升格为国家级经济技术开发区,去年,园区完成规模工业总产值2111亿元。"
    assert found(other) == {}
    assert found("2016年,长沙高新区完成规模工业总产值1353亿元。") == {"industrial_output_above_scale": 1353}
    assert found("2016年,某某经开区(高新区)完成规模工业总产值1353亿元。") == {"industrial_output_above_scale": 1353}


def test_a_pages_list_of_other_stories_is_no_part_of_the_report():
    # 相关新闻: headlines of other stories, each dated; their figures are not the report's.
    text = "2020年,高新区生产总值预计292亿元。\n相关新闻\n- 2020年12月31日高新区举行迎新年企业家畅谈会\n"
    text += "- 2020年12月14日高新区今年新增高新技术企业80户\n"
    assert set(indicators(text, 2020)) == {"gdp"}
    assert "new_national_high_tech_enterprises" in indicators(text.replace("相关新闻\n", ""), 2020)


def test_a_goal_governs_the_rest_of_its_sentence():
    # 将力争工业总产值突破1000亿元,地区生产总值超过155亿元: both are aims; a clause that opens on a year again tells it.
    from tests.extract_helpers import draft

    text = "2023年,园区完成固定资产投资65.6亿元。今年,园区将力争工业总产值突破1000亿元,地区生产总值超过155亿元。"
    found = draft(text, 2023)
    assert {item["id"] for item in found["indicators"]} == {"fixed_asset_investment"}
    assert {target["value"] for target in found["targets"]} == {1000, 155}
    told = "园区力争工业总产值突破1000亿元,全年实现地区生产总值155亿元。"
    assert indicators(told, 2023)["gdp"]["value"] == 155


def test_the_new_year_of_a_report_of_results_is_the_year_after():
    # 在新的一年里,…,全年完成工业总产值80亿元: the aims of the year after, not a second amount of the year reported.
    text = "去年,园区实现工业总产值70.64亿元,同比增长55%。管委会要求,在新的一年里,全年完成工业总产值80亿元。"
    found = indicators(text + "\n2012-02-01 10:24:00\n", 2011)
    assert (found["industrial_output"]["value"], found["industrial_output"]["change_pct"]) == (70.64, 55)


def test_older_and_regional_names_of_catalogue_measures():
    # 科工贸总收入 (Shaanxi's 技工贸总收入) is 营业收入; 纳统企业 (firms brought into the statistics) are 入统企业,
    # their total told after the year's new ones.
    found = indicators("2016年,园区完成科工贸总收入255.26亿元,同比增长10.7%。", 2016)
    assert (found["operating_revenue"]["value"], found["operating_revenue"]["change_pct"]) == (255.26, 10.7)
    found = indicators("2023年,全年新增纳统企业30家,总量达到360家,其中规模以上工业企业60家。", 2023)
    assert found["enterprises_in_statistics"]["value"] == 360


def test_firms_counted_after_a_class_of_firms_are_among_that_class_only():
    # 规模以上工业企业44户,限上服务业58户,其中高新技术企业13家: 13 of the firms above scale, not the park's stock;
    # after all the park's firms (企业5000家), 其中高新技术企业300家 is the park's.
    text = "截止2018年底,园区共有规模以上工业企业44户,限上服务业58户,其中高新技术企业13家,占29.50%。"
    assert "national_high_tech_enterprises" not in indicators(text, 2018)
    text = "截止2018年底,园区共有入驻企业5000家,其中高新技术企业300家。"
    assert indicators(text, 2018)["national_high_tech_enterprises"]["value"] == 300


def test_a_count_held_before_a_name_is_its_count():
    # 拥有291家高新技术企业: a verb of having, the count, then the name whole. After a verb of change (新增15家…) or
    # before one of becoming (42家成长为…) a count is no stock.
    assert indicators("2024年,园区拥有291家高新技术企业。", 2024)["national_high_tech_enterprises"]["value"] == 291
    assert "national_high_tech_enterprises" not in indicators("2024年,园区42家企业成长为高新技术企业。", 2024)
    assert "national_high_tech_enterprises" not in indicators("2024年,园区新增15家国家高新技术企业。", 2024)


def test_a_name_used_in_some_years_names_the_measure_in_those_years_only():
    # Bare 高新技术企业 are the national ones from 2008 (alias_years); in 2002 they may be any province's.
    text = "{year}年,园区拥有206家高新技术企业。"
    assert indicators(text.format(year=2012), 2012)["national_high_tech_enterprises"]["value"] == 206
    assert "national_high_tech_enterprises" not in indicators(text.format(year=2002), 2002)


def test_firms_applying_for_a_title_are_not_its_holders():
    # 新培育申报高企25家: firms applying to be certified, neither the stock nor the newly certified.
    assert indicators("2019年,高新区新培育申报高企25家。", 2019) == {}


def test_a_name_stands_whole_inside_a_span_too_wide_to_be_it():
    # 工业[园区企业完成]工业总产值: the words between are too many for one name with words inside it, and the name
    # stands whole at its end.
    text = "2008年,工业园区企业完成工业总产值120亿元,同比增长33.6%。"
    found = indicators(text, 2008)["industrial_output"]
    assert (found["value"], found["change_pct"]) == (120, 33.6)


def test_a_headline_of_a_visit_names_no_place_before_the_park():
    # 范燕青听取高新区工作安排: a visitor and a verb before 高新区, not another park whose figures these would be.
    from generator.editor.extract import extract
    from tests.extract_helpers import catalogue

    text = "范燕青听取高新区工作安排创造发展的黄金期\n刚刚过去的2010年,全区实现地区生产总值500亿元,同比增长23.5%。"
    draft = extract(text, "s", catalogue(), "changzhou", 2010, ("常州高新技术产业开发区",)).data
    assert {item["id"]: item["value"] for item in draft["indicators"]} == {"gdp": 500}


def test_a_forecast_stops_at_a_count_s_date_for_one_figure_and_for_a_sentence_alike():
    # One rule (hedges.counted_at_a_date) for the 预计 of a figure and the 预计 that governs a sentence's items.
    from generator.reading.hedges import hedges_of
    from generator.reading.numbers import tokens_of
    from generator.reading.parts import forecast_opening

    dated = "预计,截至11月底高新技术企业达到500家;营业收入1000亿元。"
    undated = "预计全年高新技术企业达到500家;营业收入1000亿元。"
    for sentence, estimated in ((dated, False), (undated, True)):
        token = next(t for t in tokens_of(sentence) if t.amount == 500)
        assert forecast_opening(sentence) is estimated
        assert (hedges_of(token, sentence[: token.start]) == ("预计",)) is estimated


def test_a_sentence_opening_on_now_leaves_the_history_its_paragraph_opened_on():
    from generator.editor.extract import extract
    from tests.extract_helpers import catalogue

    text = "一、园区运营\n1992年国务院批准苏州高新区为国家高新技术产业开发区。截至目前,苏州高新区集聚国家高企近1900家。"
    draft = extract(text, "s", catalogue(), "suzhou", 2025, ("苏州高新技术产业开发区",)).data
    found = {item["id"]: (item["value"], item.get("qualifier")) for item in draft["indicators"]}
    assert found["national_high_tech_enterprises"] == (1900, "近")


def test_a_time_before_the_park_names_no_place():
    # 全年高新区总收入…: the whole year, not a zone named 全年 whose figures these would be.
    from generator.editor.extract import extract
    from tests.extract_helpers import catalogue

    text = "2010年,全区出口总额逾8.9亿美元,增长17%。全年高新区总收入达到26.17亿元。"
    draft = extract(text, "s", catalogue(), "foshan", 2010, ("佛山高新技术产业开发区",)).data
    assert {item["id"]: item["value"] for item in draft["indicators"]}["operating_revenue"] == 26.17


def test_growths_paired_by_fen_bie_with_amounts_each_named_are_quoted_whole():
    # A、X, B、Y, …, 同比分别增长a、b、c和d: each amount its growth in order; the quote holds the whole list the checker
    # pairs.
    text = "2010年,全区实现地区生产总值500亿元,地方一般预算收入56亿元,工业销售收入1680亿元,"
    text += "同比分别增长23.5%、35.6%和21%。"
    found = indicators(text, 2010)
    assert (found["gdp"]["change_pct"], found["district_general_budget_revenue"]["change_pct"]) == (23.5, 35.6)
    assert found["gdp"]["quote"].endswith("23.5%、35.6%和21%")


def test_a_year_that_names_a_meeting_is_not_the_time_of_what_is_told_at_it():
    # 召开的2019年工委工作会议上了解到,2018年…完成…,完成…: the amounts are 2018's results, not 2019's plans.
    text = "日前从高新区召开的2019年工委工作会议上了解到,2018年高新区完成技工贸总收入100.2亿元,"
    text += "完成规模以上工业增加值26.5亿元,完成固定资产投资51.9亿元。"
    found = indicators(text, 2018)
    assert {key: item["value"] for key, item in found.items()} == {
        "operating_revenue": 100.2,
        "industrial_value_added_above_scale": 26.5,
        "fixed_asset_investment": 51.9,
    }


def test_the_period_a_clause_names_last_is_its_figures():
    # Headings a page ran together before a clause (…冲刺四季度动员大会上半年的…攻坚1~8月,…): the figures follow the
    # last period named, 1~8月.
    text = "冲刺四季度动员大会上半年的高新区目标再攀高全员冲锋全力攻坚1~8月,"
    text += "高新区完成实际使用外资7.74亿美元,增长45.98%。"
    assert indicators(text, 2020)["fdi_actual"]["period"] == "1~8月"


def test_a_period_then_an_economic_zone_opens_on_another_zone():
    # 1~9月,浒墅关经济技术开发区预计完成一般预算收入27.1亿元: that zone's amounts, not the park's.
    text = "1~9月,浒墅关经济技术开发区预计完成一般预算收入27.1亿元,增长3.3%。"
    from generator.editor.extract import extract
    from tests.extract_helpers import catalogue

    draft = extract(text, "s", catalogue(), "suzhou", 2020, ("苏州高新技术产业开发区",)).data
    assert draft["indicators"] == []
