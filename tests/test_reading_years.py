"""The year an amount is given for, as a careful editor reads a park's profile: the year of its approval or founding
dates that event, not the area or population stated after it; a year that introduces results still dates them."""

import pytest

from generator.reading.parts import year_of_fact_amount

# (text before the amount, the year it is given for, why)
ROWS = [
    ("绵阳高新技术产业开发区是1992年经国务院批准成立的国家高新技术产业开发区,位于绵阳市城区西部,总面积", None,
     "the year of approval dates the approval; the area is the park's as described"),
    ("2010年11月,经国务院批准升格为青海高新技术产业开发区(国家级),园区规划区面积为", None,
     "a year and month of an upgrade, with 经…批准 between"),
    ("2002年4月经青海省政府批准成立。2010年园区实现地区生产总值", 2010, "a later year introduces results"),
    ("2010年,园区经营总收入达到", 2010, "a year introducing a result dates it"),
    ("2010年新增高新技术企业", 2010, "新增 is a result of that year, not a founding"),
    ("综合实力(2021年度)位居第", None, "a ranking's edition in brackets"),
    ("农高区的前身是2015年科技部批准建设的周口国家农业科技园区,集聚各类企业", None,
     "the approving body named between the year and 批准建设的: the year dates the approval"),
    ("2019年全年共批准设立外资企业", 2019, "the year's approvals of firms are its results, not a founding"),
    ("南宁高新技术产业开发区创建于1988年,1992年经国务院批准为国家级高新区,总规划面积", None,
     "经国务院批准为国家级高新区: the year dates the approval"),
]  # fmt: skip


@pytest.mark.parametrize(("before", "year", "why"), ROWS, ids=[row[2] for row in ROWS])
def test_the_year_an_amount_is_given_for(before, year, why):
    assert year_of_fact_amount(before) == year, why


def test_a_count_of_now_on_a_page_of_the_year_after_is_not_the_years():
    # 目前 is the time of writing: on a page of April 2021 a count of then is no year-end count of 2020; on a page of
    # December 2020 it is.
    from tests.extract_helpers import indicators

    text = "某高新区获批省级高新区\n2021-04-27 11:51:46 红网\n2020年该区实现营业收入102.36亿元,同比增长21.8%。\n"
    text += "目前有高新技术企业26家。"
    assert set(indicators(text, 2020)) == {"operating_revenue"}
    assert indicators(text.replace("2021-04-27", "2020-12-27"), 2020)["national_high_tech_enterprises"]["value"] == 26


def test_a_count_of_now_in_a_note_of_the_year_so_far_is_not_the_years():
    # 今年以来 with figures of 1—9月: the note is written before the year's end, so 现有…351家 counts the enterprises of
    # then, not of the year's end. A report of the whole year that says 目前 is of the year's end.
    from tests.extract_helpers import indicators

    text = "今年以来,高新区各项重点指标进度良好。预计1—9月完成固定资产投资115.66亿元,同比增长16.62%。"
    text += "现有已备案的高新技术企业共351家。"
    assert set(indicators(text, 2020)) == {"fixed_asset_investment"}
    whole_year = "2020年,高新区完成固定资产投资115.66亿元,同比增长16.62%。现有已备案的高新技术企业共351家。"
    assert indicators(whole_year, 2020)["national_high_tech_enterprises"]["value"] == 351


def test_a_list_opened_by_a_count_of_now_goes_on_counting_then():
    # 现有 opens the list; the items after it in the sentence count the same time (园区内有…10家), not the year's end.
    from tests.extract_helpers import indicators

    text = "某高新区视察活动\n2020-08-23 09:32作者:某某\n2020年上半年,该区实现营业收入52.1亿元。"
    text += "园区内现有入驻企业653户,其中工业企业442户;园区内有国家级高新技术企业10家。"
    assert "national_high_tech_enterprises" not in indicators(text, 2020)
    whole_year = "2020年,该区实现营业收入102.1亿元。"
    whole_year += "园区内现有入驻企业653户,其中工业企业442户;园区内有国家级高新技术企业10家。"
    assert indicators(whole_year, 2020)["national_high_tech_enterprises"]["value"] == 10


def test_a_count_of_now_on_a_page_dated_before_the_years_end_is_not_the_years():
    # 目前有…26家 on a page of August 2020, told of 2020: the count of August, not of the year's end.
    from tests.extract_helpers import indicators

    text = "某高新区视察活动\n2020-08-23 09:32作者:某某\n"
    text += "2020年上半年,该区实现营业收入52.1亿元。目前有高新技术企业26家。"
    assert "national_high_tech_enterprises" not in indicators(text, 2020)
    assert indicators(text.replace("2020-08-23", "2020-12-23"), 2020)["national_high_tech_enterprises"]["value"] == 26


def test_a_later_year_named_in_a_clause_holds_to_the_sentences_end():
    # 到2011年…之际 sets the rest of the sentence in 2011: its amounts are goals, not 2009's results.
    from tests.extract_helpers import indicators

    text = "2009年,高新区实现营业收入120亿元。"
    text += "滨州开发区到2011年建区10周年之际,地区生产总值将突破100亿元,财政总收入突破10亿元。"
    assert set(indicators(text, 2009)) == {"operating_revenue"}


def test_a_story_brought_to_a_later_year_tells_that_year_to_the_sentences_end():
    """1991年…,到2008年,…,是1991年的365倍,完成地区生产总值412亿元: the GDP is 2008's. The year a multiple is counted
    against (是1991年的365倍) is no year of what follows it, for the drafts and the checker alike."""
    from tests.extract_helpers import indicators, refused

    text = (
        "1991年全区完成技工贸总收入4.7亿元,上缴税金2416万元,到2008年,分别达到1718亿元和97亿元,"
        "是1991年的365倍和401倍,完成地区生产总值412亿元,实现了历史性跨越。\n"
    )
    assert indicators(text, 2008)["gdp"]["value"] == 412
    assert refused(text, 2008) == []
    assert year_of_fact_amount("到2008年,分别达到1718亿元,是1991年的365倍,完成地区生产总值") == 2008


def test_a_sentence_opening_on_a_years_edition_tells_that_year():
    # 2020年度,… after a paragraph of 2021年第一季度 on a page of May 2021: the sentence is 2020's again.
    from tests.extract_helpers import indicators

    text = "某高新区营收同比涨25%\n2021-05-19 09:42:59\n5月17日,记者从管委会获悉,2021年第一季度,高新区经济运行平稳,"
    text += "六大支柱产业的营业收入达到1148亿元,同比上升25.60%。\n"
    text += "一切因为高质量发展。2020年度,高新区营业收入5215亿元,同比增长17.2%,工业总产值4434亿元。\n"
    found = indicators(text, 2020)
    assert (found["operating_revenue"]["value"], found["operating_revenue"]["change_pct"]) == (5215, 17.2)
    assert found["industrial_output"]["value"] == 4434
    assert set(found) == {"operating_revenue", "industrial_output"}  # not the six industries' 1148 of 2021


def test_one_year_past_is_the_year_not_a_span_of_years():
    # 一年来 and 过去一年 in a review of the year tell the year; 五年来 sums several years.
    from tests.extract_helpers import indicators

    text = "2021年是奋进之年。一年来,多项主要经济指标再创新高,其中,规上工业总产值2955.2亿元,增长24.7%;"
    text += "固定资产投资524.7亿元。"
    found = indicators(text, 2021)
    assert found["industrial_output_above_scale"]["value"] == 2955.2
    assert found["fixed_asset_investment"]["value"] == 524.7
    assert indicators(text.replace("一年来", "五年来"), 2021) == {}


def test_what_the_park_has_now_is_no_years_change_and_now_is_no_part_of_the_park():
    # 目前园区拥有…新认定的高新技术企业82家: the newly certified counted now, of no year; 目前园区 is the park, no part.
    from tests.extract_helpers import draft

    text = "目前园区拥有注册企业2200余家,新认定的高新技术企业82家。2010年全年实现技工贸总收入1425亿元,同比增长16%。"
    found = draft(text, 2010)
    assert [item["id"] for item in found["indicators"]] == ["operating_revenue"]
    assert not any(item.get("scope") for key in ("indicators", "facts") for item in found[key])


def test_the_date_the_source_records_dates_a_text_that_kept_none():
    # The archive takes a page's date line out with the furniture; the source's `published` keeps it, and the reading
    # reads the text as written then: 今年以来 on a page of August is the year so far, checked and drafted alike.
    from generator.data.model import Source, paragraphs_of
    from generator.data.validate import entry_problems
    from generator.editor.extract import extract
    from tests.extract_helpers import catalogue
    from tests.test_binding import CATALOGUE

    text = "某高新区视察活动\n今年以来,高新区完成固定资产投资37.5亿元,同比增长12%。\n"
    drafted = extract(text, "s", catalogue(), "p", 2019, published="2019-08-23").data["indicators"]
    assert [(item["id"], item.get("period")) for item in drafted] == [("fixed_asset_investment", "今年以来")]
    december = extract(text, "s", catalogue(), "p", 2019, published="2019-12-23").data["indicators"]
    assert december[0].get("period") is None
    source = Source(id="s", title="示范", publisher="示范", kind="work-report", published="2019-08-23", park="p",
                    paragraphs=paragraphs_of(text), covers=(2019,))  # fmt: skip
    entry = {**drafted[0], "source": "s"}
    assert entry_problems("indicators", entry, source, ("p", 2019), CATALOGUE) == []
    whole = {k: v for k, v in entry.items() if k != "period"}
    assert entry_problems("indicators", whole, source, ("p", 2019), CATALOGUE) == [
        "indicators[0].period: expected period: 今年以来 (the quote's sentence gives a part of the year), found none"
    ]
    # A page of January telling the year before is not part-way through the year it tells.
    january = Source(**{**source.__dict__, "published": "2020-01-10"})
    assert entry_problems("indicators", whole, january, ("p", 2019), CATALOGUE) == []


def test_a_later_years_part_already_past_is_a_result_not_a_target():
    # 2021年第一季度 on a page of May 2021 that reports 2020: results of 2021 so far, never 2021's targets.
    from generator.editor.extract import extract
    from tests.extract_helpers import catalogue

    text = "某高新区营收同比涨25%\n5月17日,记者从管委会获悉,2021年第一季度,高新区经济运行平稳,在2370家火炬企业中,"
    text += "高新技术企业有1864家,营业收入达到1148亿元,同比上升25.60%。\n"
    assert extract(text, "s", catalogue(), "p", 2020, published="2021-05-19").data["targets"] == []
    planned = "2021年,高新区营业收入将达到1300亿元,同比增长13%。\n"
    assert extract(planned, "s", catalogue(), "p", 2020, published="2021-01-19").data["targets"] != []


def test_this_year_on_a_page_late_in_the_year_after_is_the_year_of_writing():
    # A note of November 2020 on 2019: a sentence opening on 今年 tells 2020 to its end, so 到7月10日…外资7.6亿美元
    # is neither 2019's nor a target. A summary published in January 2015 may say 今年 of the 2014 it sums up.
    from generator.editor.extract import extract
    from tests.extract_helpers import catalogue

    text = "2019年常州高新区实现地区生产总值1543.7亿元。\n"
    text += "今年,高新区超额完成全年重大项目招引目标,并且到7月10日实际到账外资就超过7.6亿美元,同比增长88.7%。"
    text += "1-10月,54个市重点项目完成投资195.4亿元,完成年度计划的93%。\n"  # the paragraph goes on in 2020
    late = extract(text, "s", catalogue(), "p", 2019, published="2020-11-24").data
    assert [item["id"] for item in late["indicators"]] == ["gdp"] and late["targets"] == []
    summary = "今年以来,全区专利申请281件;专利授权量153件。\n"
    early = extract(summary, "s", catalogue(), "p", 2014, published="2015-01-10").data["indicators"]
    assert {item["id"] for item in early} == {"patent_applications", "patent_grants"}


# (text, year reported, indicator, its amount, (words, other words) that make it no amount of the year, why)
BOTH_WAYS = [
    ("农高区的前身是2015年科技部批准建设的周口国家农业科技园区,园区以小麦为主导产业。"
     "集聚各类企业106家,其中高新技术企业20家,2021年实现产值279.3亿元。", 2022, "national_high_tech_enterprises", 20,
     ("批准建设的", "完成"), "前身是2015年…批准建设的 dates the approval; the present counts after it are of the year "
     "reported, and 2021年 later in their sentence dates only what follows it"),
    ("兰州白银国家高新区综合排名进位\n2021-02-14 09:00 来源:每日甘肃网\n2020年白银高新区地区生产总值128亿元。"
     "现有高新技术企业71家。", 2020, "national_high_tech_enterprises", 71, ("2021-02-14", "2021-04-27"),
     "现有 in a note of the next year's first quarter counts the year's end; from April on, its own time"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "year", "indicator", "value", "otherwise", "why"), BOTH_WAYS, ids=[r[5] for r in BOTH_WAYS]
)
def test_a_count_told_in_the_present_is_the_years_or_not(text, year, indicator, value, otherwise, why):
    from tests.extract_helpers import indicators

    assert indicators(text, year)[indicator]["value"] == value, why
    assert indicator not in indicators(text.replace(*otherwise), year), why


def test_a_whole_years_amounts_on_a_page_of_its_first_weeks_are_its_aims():
    # 2019年…分别达到220亿元、200亿元 on a page of 19 January 2019 cannot be the year's results: the park's aims for it.
    # A part of the year named (2012年一季度) is a result so far; the same sentence on a page of December is a result.
    from tests.extract_helpers import draft

    text = "红网1月19日讯\n2019-01-19 10:00 来源:红网\n江华高新区分为五个功能区。2019年高新区技工贸总收入、"
    text += "规模工业总产值分别达到220亿元、200亿元,将建设成为国家级高新区。"
    early = draft(text, 2019)
    assert early["indicators"] == []
    assert {(t["for_year"], t["value"]) for t in early["targets"]} >= {(2019, 220), (2019, 200)}
    late = {item["id"]: item for item in draft(text.replace("2019-01-19", "2019-12-19"), 2019)["indicators"]}
    assert late["industrial_output_above_scale"]["value"] == 200
    quarter = "2012-04-26 14:35 来源:前瞻网\n上市公司群体加速壮大。2012年一季度,中关村新增上市公司8家。"
    listed = draft(quarter, 2012)["indicators"]
    assert [(i["id"], i["value"], i.get("period")) for i in listed] == [("new_listed_companies", 8, "一季度")]


def test_a_year_of_approval_opening_a_paragraph_does_not_date_the_paragraphs_after_it():
    # 1992年经国务院批准为国家级高新区 in a profile of October 2009; 今年1-6月 further down is 2009's first half.
    from tests.extract_helpers import draft

    text = "来源:广西日报 2009-10-21 23:31\n南宁高新技术产业开发区创建于1988年,1992年经国务院批准为国家级高新区。\n"
    text += "在全球金融危机的影响下,高新区经济保持较快增长。\n今年1-6月,高新区实现规模工业产值86.2亿元,同比增长20.26%。"
    found = [(i["id"], i["value"], i.get("period")) for i in draft(text, 2009)["indicators"]]
    assert found == [("industrial_output_above_scale", 86.2, "1-6月")]


def test_a_span_of_years_tells_its_end_in_a_rise_and_totals_otherwise():
    """1992年至2010年,…从1.46亿元增加到近1300亿元: the level at the span's end, 2010's; a flow told over the span
    with no rise (2006年至2010年,…实现工业总产值5000亿元) is a total over years, no year's amount."""
    from tests.extract_helpers import indicators, refused

    text = "1992年至2010年,高新区工业总产值从1.46亿元增加到近1300亿元,增长800多倍;出口额从140万美元增加到113亿美元。\n"
    drafted = indicators(text, 2010)
    assert (drafted["industrial_output"]["value"], drafted["industrial_output"]["qualifier"]) == (1300, "近")
    assert drafted["export_total"]["value"] == 113
    assert refused(text, 2010) == []
    assert indicators("2006年至2010年,高新区实现工业总产值5000亿元。\n", 2010) == {}


def test_last_year_opening_a_sentence_after_a_plan_tells_the_year_reported():
    """A page of March 2001 on a plan for 2001-2005, then 去年,…出口总额…: the sentence tells 2000's results."""
    from tests.extract_helpers import indicators

    page = "2001年3月28日\n\n自治区制定计划,力争到2005年建成全国最大的稀土产业基地。"
    page += "去年,高新区出口总额为0.65亿美元,增长51%。\n"
    assert indicators(page, 2000)["export_total"]["change_pct"] == 51


def test_this_year_on_a_dated_page_is_the_year_of_writing_after_an_earlier_year_told():
    # 历经2002年…“寒冬”之后 tells of 2002; the next paragraph's 今年1—6月, on a page dated July 2003 below a portal's
    # furniture, is 2003's.
    from tests.extract_helpers import indicators

    furniture = "中国新闻社\n中新网分类新闻查询>>\n本页位置:首页>>新闻大观>>经济新闻\n放大字体  缩小字体\n光谷再发力\n"
    text = furniture + "2003年07月13日 13:18\n中新网7月13日电 历经2002年全球光电产业“寒冬”之后,光谷再度发力。\n"
    text += "据长江日报报道,10日从开发区管委会获悉,今年1—6月,高新区规模以上工业企业完成工业总产值100亿元,同比增长11%。"
    found = indicators(text, 2003)["industrial_output_above_scale"]
    assert (found["value"], found["period"]) == (100, "1—6月")
    assert indicators(text, 2002) == {}


def test_an_amount_counted_by_a_past_date_after_a_plan_is_a_result():
    """A paragraph opening on 将 (the year's output will pass a bound), then 截至10月底,…实现26.2亿元: counted by a date
    already past, a result of the months so far; a sentence that plans with 预计 stays a plan."""
    from tests.extract_helpers import indicators

    plan = "2022年高新区工业总产值将首次突破千亿元大关,预计年底达到1100亿元以上。"
    counted = "随着产值高速增长,截至10月底,一般公共预算收入实现26.2亿元、同比增长11.2%。\n"
    found = indicators(plan + counted, 2022)["district_general_budget_revenue"]
    assert (found["value"], found["change_pct"], found["period"]) == (26.2, 11.2, "截至10月底")
    assert "industrial_output" not in indicators(plan + counted, 2022)
    assert indicators(plan + "截至10月底,预计一般公共预算收入将实现26.2亿元。\n", 2022) == {}


def test_this_year_after_a_paragraph_opening_on_the_year_before_brings_it_to_the_year_of_writing():
    """2011年,…贡献率接近24%,今年一季度同样表现不俗。…一季度共实现营业收入4067亿元 on a page of April 2012: 2012's."""
    from tests.extract_helpers import indicators

    page = "一季度示范区收入同比增长23%\n2012-04-26 14:35:23 来源:某网\n"
    page += "2011年,示范区对全市经济增长的贡献率接近24%,今年一季度同样表现不俗。"
    page += "据了解,示范区一季度共实现营业收入4067亿元,同比增长23%。\n"
    found = indicators(page, 2012)["operating_revenue"]
    assert (found["value"], found["change_pct"], found["period"]) == (4067, 23, "一季度")
    assert "operating_revenue" not in indicators(page, 2011)


def test_months_already_past_when_the_page_was_written_are_of_the_year_of_writing():
    """1至6月 with no year on a page of July 2011 is 2011's, asked for 2010 or after a paragraph of 2010; its headline,
    telling the body's amount again, is of that time too. A page of January 2012 may still tell 2011's 1-11月."""
    from tests.extract_helpers import indicators, refused

    page = "示范区规模以上企业总收入达7905亿\n2011-07-26 15:21:00\n"
    page += "2010年,示范区实现增加值2644亿元。\n1至6月,示范区规模以上企业实现总收入7905亿元,同比增长19.3%。\n"
    found = indicators(page, 2011)["operating_revenue"]
    assert (found["value"], found["change_pct"], found["period"]) == (7905, 19.3, "1至6月")
    assert "operating_revenue" not in indicators(page, 2010)  # neither the body's months nor the headline
    assert refused(page, 2011) == []
    review = "示范区经济运行\n2012-01-20 09:00:00\n1-11月,示范区规模以上企业实现总收入17905亿元,同比增长19.3%。\n"
    assert indicators(review, 2011)["operating_revenue"]["period"] == "1-11月"
