"""A page in English read in the reading's own words (generator/reading/english.py), and drafted from."""

from __future__ import annotations

import pytest

from generator.reading.english import as_written, chinese_form, in_english
from tests.extract_helpers import indicators, refused


@pytest.mark.parametrize(
    ("english", "read_as"),
    [
        ("GDP reached 22.83 billion yuan", "地区生产总值达到228.3亿元"),
        ("local public finance budgetary revenue was 726 million yuan", "地方一般公共预算收入为7.26亿元"),
        ("exports reached US$5.386 billion, up 6.8 percent", "出口总额达到53.86亿美元,增长6.8%"),
        ("retail sales of consumer goods fell 2.1% to RMB 10 billion", "社会消费品零售总额下降2.1%"),
        ("The zone's GDP was 53.19 billion yuan in 2021", "2021年,高新区地区生产总值为531.9亿元"),
        ("the output value of industries above designated scale of the zone", "规模以上工业总产值"),
        ("A, B and C amounted to 1, 2 and 3 billion yuan respectively", "分别为1、2、30亿元"),
        ("the zone has 185 high-tech companies", "高新区目前拥有高新技术企业185家"),
        # A word left out between two numbers keeps them apart: 69 Global Fortune 500 companies is not 69500.
        ("the zone is home to 69 Global Fortune 500 companies", "高新区目前拥有69 500家"),
        ("patent applications totalled up to 24,833 pieces", "专利申请量达到24833件"),
        ("During the first three quarters of the year, GDP totaled", "前三季度,地区生产总值"),
        ("Updated: 2018-12-17", ":"),
        ("its per capita GDP soared to 345,800 yuan", "人均地区生产总值"),
        ("GDP reached 251.57 billion yuan (34.98 billion), a 6.1-percent increase", "2515.7亿元,增长6.1%"),
        ("The actual foreign investment in WND reached $1.14 billion", "实际利用外资达到11.4亿美元"),
        ("Regional GDP is expected to reach 143 billion yuan", "地区生产总值预计达到1430亿元"),
        (
            "The revenue in the general public budget was up 3.8 percent year-on-year to 17.5 billion yuan",
            "地方一般公共预算收入增长3.8%,达到175亿元",
        ),
        (
            "the total value of industrial companies above a designated size was 300 billion yuan",
            "规模以上工业总产值为3000亿元",
        ),
        (
            "the amount of foreign capital in actual use growing 4.2 percent to $552 million",
            "实际利用外资增长4.2%,达到5.52亿美元",
        ),
        ("The fixed asset investment of Suzhou New District was 53.3 billion yuan", "固定资产投资为533亿元"),
        (
            "The general public budget revenue was up 11.6 percent year-on-year to 15.29 billion yuan",
            "地方一般公共预算收入增长11.6%,达到152.9亿元",
        ),
        ("The regional GDP reached 119.7 billion yuan, growing 12.3 percent", "增长12.3%"),
        (
            "The total foreign trade volume of the comprehensive bonded zone will reach 581.9 billion yuan",
            "进出口总额综合保税区达到5819亿元",
        ),
        ("The GDP of Wuhan totaled nearly 825.15 billion yuan", "全市,地区生产总值达到近8251.5亿元"),
        ("investment in fixed assets of 63 billion 670 million yuan", "固定资产投资为636.7亿元"),
        ("per square kilometer, GDP reached 1 billion 105 million yuan", "地均地区生产总值达到11.05亿元"),
        ("its industrial GDP reached 11 billion yuan", "工业地区生产总值达到110亿元"),
        ("the zone generated 380.5 billion yuan ($57.49 billion) of industrial output", "达到3805亿元的工业总产值"),
        ("patent applications, in the area in 2016, totalled up to 24,833 pieces", "2016年,专利申请量达到24833件"),
        (
            "The GDP of the zone increased from 21.1 billion yuan in 2014 to 29.7 billion yuan in 2017",
            "地区生产总值从2014年的211亿元到2017年的297亿元",
        ),
        (
            "The GDP of the Hefei National High-tech Industry Development Zone – located in Hefei city – topped 130 "
            "billion yuan",
            "地区生产总值突破1300亿元",
        ),
        ("GDP was 10.87 billion yuan in the first quarter, a 10.1 percent year-on-year growth", "108.7亿元,增长10.1%"),
        ("output reached 38 billion yuan in 2016, an increase of 7.8 percent from 2015", "2016年"),
        ("The first five months also saw 9,647 patent applications", "1-5月专利申请量9647件"),
        ("GDP totaled 16.79 billion yuan ($2.42 billion), an increase of 8.23 percent", "167.9亿元,增长8.23%"),
        (
            "In this period, tax revenue surged 23.66 percent, reaching 2.6 billion yuan",
            "其间,税收收入增长23.66%,达到26亿元",
        ),
        ("In H1 2021, the zone's GDP grew 34.1 percent", "2021年上半年,高新区地区生产总值增长34.1%"),
        ("Revenue from the public finance budget was 910 million yuan", "地方一般公共预算收入为9.1亿元"),
        ("the Chengdu hi tech comprehensive bonded import and export volume of 157 billion", "综合保税区进出口总额"),
        ("the city's GDP reached 100 billion yuan", "全市地区生产总值达到1000亿元"),
        ("The local budget revenue was 1.53 billion yuan", "地方一般公共预算收入为15.3亿元"),
        ("the R&D investment intensity will reach 5.87%", "研发投入强度达到5.87%"),
        ("the zone's net profit was 30 billion yuan", "净利润为300亿元"),
        ("the zone had 12,500 valid invention patents", "有效发明专利12500件"),
        (
            "the zone has 8865 applications for invention patents and 2230 effective invention patents",
            "有效发明专利2230件",
        ),
        ("The number of recognized high-tech enterprises reached 3,315, a record", "高新技术企业达到3315家"),
        ("patent applications reached 24,833 pieces", "专利申请量达到24833件"),
        ("the number of patent applications in the zone exceeded 40,000", "专利申请量超过40000件"),
        ("In the past year, the zone's GDP reached 50 billion yuan", "去年"),
        ("the newly-launched high-tech enterprises will exceed 10,000 this year", "新创办科技企业"),
        (
            "the exports and imports of Optics Valley of China are estimated to reach 185 billion yuan",
            "进出口总额预计达到1850亿元",
        ),
        ("In 2011, the zone achieved a total revenue of 108.86 billion yuan", "营业总收入为1088.6亿元"),
        ("total fiscal revenue reached 3.58 billion yuan", "财政总收入达到35.8亿元"),
        ("and paid 2.7 billion yuan in taxes", "上缴税费27亿元"),
        ("the zone is aiming for 25 per cent GDP growth rate to 300 billion yuan", "力争"),
        (
            "regional GDP, which was 387 million yuan that year, had grown to 4.3 billion yuan by 2010",
            "2010年,地区生产总值达到43亿元",
        ),
        (
            "total financial income more than 30bn RMB (among which local public financial income more than 10bn RMB)",
            "财政总收入超过300亿元(其中地方一般公共预算收入超过100亿元)",
        ),
        (
            "the revenue of the software and information services industry reached 51.69 billion yuan",
            "软件和信息服务业营业收入达到516.9亿元",
        ),
        ("In 2013, the GDP of Zhuhai HIDZ rose 13.5% year on year", "2013年,地区生产总值增长13.5%"),
        ("Utilized FDI     US$141.75 million, 14.1% up", "实际利用外资1.4175亿美元,增长14.1%"),
        (
            "The gross industrial output value from enterprises with designated size or above grew 20.7%",
            "规模以上工业总产值增长20.7%",
        ),
        (
            "the number of scale companies in the zone reached 287, with an output value of 72.4 billion yuan",
            "规模以上工业总产值为724亿元",
        ),
        ("a total technological, industrial and commercial income of RMB150 billion Yuan", "技工贸总收入为1500亿元"),
        (
            "it can realize a total of 8.01 billion yuan in technology, industry and trade revenue",
            "预计达到80.1亿元的技工贸总收入",
        ),
        ("its gross output value of industries is CNY 68.5 billion", "工业总产值为685亿元"),
        ("the added value of scale-sized industries is 15.89 billion yuan", "规模以上工业增加值为158.9亿元"),
        (
            "achieved a total industrial production of RMB 94.4 billion (an increase of 6.8%)",
            "工业总产值为944亿元(增长6.8%)",
        ),
        (
            "By the end of October, fixed-asset investment is 6.59057 billion yuan",
            "截至10月底,固定资产投资为65.9057亿元",
        ),
        ("The zone utilized foreign capital of US$560 million in 2012", "实际利用外资为5.6亿美元"),
        ("it attracted actual foreign direct investment of 420 million U.S. dollars", "实际利用外资为4.2亿美元"),
        ("contracted foreign capital of US$1 billion", "合同利用外资为10亿美元"),
        ("the zone's industrial added value grew 14 percent to 30.1 billion yuan", "工业增加值增长14%,达到301亿元"),
        ("enterprises in the zone were granted 3,100 patents", "专利授权量3100件"),
        ("It also made 26,331 patent applications, with 15,951 being granted", "专利申请量26331件,专利授权量15951件"),
        ("8,000 patent applications, of which 5,200 were granted", "其中专利授权量5200件"),
        ("The zone collected 9.8 billion yuan in taxes", "税收收入98亿元"),
        ("Enterprises in the zone paid taxes of 9.8 billion yuan", "上缴税费98亿元"),
        ("In 2012, the zone registered revenue of 300 billion yuan", "营业收入"),
        ("the general budget revenue hit 10 billion yuan for the first time", "地方一般公共预算收入突破100亿元"),
        ("the zone's GDP reached 100 billion yuan", "地区生产总值达到1000亿元"),
    ],
)
def test_english_phrases_read_as_the_reading_reads_chinese(english, read_as):
    assert read_as in chinese_form(english).text


def test_a_titles_edition_in_brackets_is_no_time():
    said = chinese_form("Binhai High-tech Index (2017) was released. In 2016, the Index hit 748.15 points.").text
    assert "2017年" not in said and "2016年" in said


def test_the_sales_of_one_kind_of_goods_are_no_zones_revenue():
    assert "营业收入" not in chinese_form("the zone's sales revenue of high-tech products reached 98 billion yuan").text


def test_a_word_inside_another_is_no_phrase():
    assert "超" not in chinese_form("turnover 5 billion yuan").text  # over inside turnover is no hedge


def test_every_character_remembers_where_it_came_from():
    text = "In 2016, the region's GDP reached 22.83 billion yuan, an increase of 6.4% year-on-year; more."
    form = chinese_form(text)
    start = form.text.index("高新区")
    end = form.text.index("%") + 1
    cut = text[form.start_in_source(start) : form.end_in_source(end, text)]
    assert cut == "the region's GDP reached 22.83 billion yuan, an increase of 6.4% year-on-year"


def test_a_page_in_english_is_told_from_chinese():
    assert in_english("The zone's GDP was 53.19 billion yuan.")
    assert not in_english("高新区实现GDP 531.9亿元, R&D投入强度5.8%")


def test_a_quote_keeps_the_spaces_it_is_written_with():
    assert as_written("GDP reached22.83billion yuan", "Its GDP reached 22.83  billion yuan.") == (
        "GDP reached 22.83 billion yuan"
    )


PAGE = (
    "Zhaoqing High-tech Zone\n\n"
    "In 2016, the region's GDP reached 22.83 billion yuan, an increase of 6.4% year-on-year; the gross industrial "
    "output value above designated size was 82.33 billion yuan, an increase of 6.8%; national tax revenue was 1.387 "
    "billion yuan. The zone has more than 300 industrial enterprises.\n"
)


def test_an_english_page_drafts_its_figures_with_quotes_as_written():
    drafted = indicators(PAGE, 2016)
    assert drafted["gdp"]["value"] == 228.3 and drafted["gdp"]["change_pct"] == 6.4
    assert drafted["gdp"]["quote"] == "the region's GDP reached 22.83 billion yuan, an increase of 6.4% year-on-year"
    assert drafted["industrial_output_above_scale"]["value"] == 823.3
    assert "tax_revenue" not in drafted  # national tax revenue (国税) is a part of the taxes
    assert refused(PAGE, 2016) == []


def test_a_paragraph_in_japanese_drafts_nothing():
    """上半期 is Japanese for the first half: read as Chinese, the amount would be drafted as the year's."""
    page = "常徳ハイテク区の上半期の固定資産投資額が23.8億元に上り、規模工業付加価値額を18.3億元実現した。\n"
    assert indicators(page, 2018) == {}


def test_a_measure_of_a_part_or_per_area_is_not_the_parks():
    page = (
        "In 2016, the zone's industrial GDP reached 11 billion yuan; per square kilometer, GDP reached 1.1 billion "
        "yuan.\n"
    )
    assert "gdp" not in indicators(page, 2016)


def test_a_count_told_before_its_name_is_quoted_from_the_count():
    drafted = indicators("By 2017, the zone was home to 33 listed companies and 1,058 high-tech firms.\n", 2017)
    assert drafted["national_high_tech_enterprises"]["quote"].endswith("and 1,058 high-tech firms")


def test_an_aside_in_brackets_names_no_measure():
    said = "The revenue made by manufacturers (those with annual operating revenues of $3.1 million or more) was up"
    assert "营业收入" not in chinese_form(said).text


def test_the_size_that_defines_a_class_of_firms_is_no_figure():
    said = (
        "enterprises with an annual industrial output value above 20 million yuan each contributed 295.7 billion yuan"
    )
    assert "0.2亿元" not in chinese_form(said).text


def test_a_part_of_the_year_written_any_way_is_one_period():
    from generator.reading.parts import period_key

    assert period_key("前10个月") == period_key("1-10月") == period_key("1—10月份")
    # halves and quarters are the months they are
    assert period_key("上半年") == period_key("1-6月") == period_key("前两季度")
    assert period_key("前三季度") == period_key("1至9月") and period_key("第一季度") == period_key("1-3月")
    assert period_key("二季度") == period_key("4-6月") != period_key("上半年")
    # a count as of a month, its year written or not, is of the month's end
    assert period_key("截至2018年11月") == period_key("截至11月") == period_key("截止11月底") == period_key("11月底")
    # December alone is one month; to December's end, or from January to December, the whole year
    from generator.reading.parts import periods_in

    assert periods_in("12月份") == ["12月份"] and periods_in("1—12月") == periods_in("截至12月底") == []


def test_an_industry_that_opens_a_sentence_owns_its_measures():
    """In the services sector, … an operating income: the service firms' revenue, a part of the park's."""
    page = (
        "In 2023, the zone's total industrial output value was 650.87 billion yuan. In the services sector, "
        "enterprises above the designated scale achieved an operating income of 65 billion yuan. Manufacturing "
        "accounted for the majority, with actual foreign investment totaling $818 million. The actual foreign "
        "investment in the zone reached $1.14 billion.\n"
    )
    drafted = indicators(page, 2023)
    assert "operating_revenue" not in drafted
    assert drafted["fdi_actual"]["value"] == 11.4
    assert drafted["industrial_output"]["value"] == 6508.7  # the industrial sector's own measure stays the park's


def test_a_rank_among_the_citys_places_is_not_the_citys_measure():
    page = (
        "In 2023, the zone maintained its position as the city's leader in foreign trade, with total imports and "
        "exports reaching 356.39 billion yuan.\n"
    )
    assert indicators(page, 2023)["import_export_total"]["value"] == 3563.9


@pytest.mark.parametrize(
    ("said", "count"),
    [
        ("In 2020, three local companies going public, and 15 unicorn companies", 3),
        ("In 2020, 12 enterprises were listed on stock exchanges", 12),
        ("By 2020, the zone was home to 33 listed companies", None),  # listed firms now: a stock, not the year's
    ],
)
def test_firms_that_went_public_are_the_years_new_listings(said, count):
    drafted = indicators(said + ".\n", 2020)
    assert drafted.get("new_listed_companies", {}).get("value") == count


def test_a_bare_measure_of_the_firms_above_the_designated_size_is_theirs():
    page = (
        "According to the zone's statistics for 2018, enterprises above designated scale, those with annual sales of "
        "more than 5 million yuan ($744,371), generated an added value of 8.86 billion yuan, an increase of 14 percent "
        "compared with the previous year.\n"
    )
    drafted = indicators(page, 2018)["industrial_value_added_above_scale"]
    assert (drafted["value"], drafted["change_pct"]) == (88.6, 14)
    assert drafted["quote"].startswith("enterprises above designated scale")  # the quote names whose measure it is
    assert refused(page, 2018) == []
    assert "规模以上" not in chinese_form("The zone generated an added value of 8.86 billion yuan.").text


def test_the_year_a_zone_began_is_no_year_of_its_figures():
    assert "1992" not in chinese_form("Year of Establishment     1992").text
    assert "1997" not in chinese_form("The demonstration zone was established in July 1997").text
    assert "1992" not in chinese_form("The zone, founded in 1992, had a GDP of 10 billion yuan in 2013").text
    assert "2013年" in chinese_form("The zone, founded in 1992, had a GDP of 10 billion yuan in 2013").text


@pytest.mark.parametrize(
    ("said", "measure", "value", "change"),
    [
        # a growth told as a comparison with the year before, in words or by the year itself
        ("In 2019, the zone's GDP was 250 billion yuan, 11.5 percent higher than in 2018", "gdp", 2500, 11.5),
        ("In 2019, its tax revenue reached ¥8.8 billion, 9 percent more than the previous year", "tax_revenue", 88, 9),
        ("In 2019, exports were US$3 billion, 4 percent lower than last year", "export_total", 30, -4),
        # an amount told as spent on a measure, the measure's name after it
        ("The zone invested 56 billion yuan in fixed assets in 2019, up 12%", "fixed_asset_investment", 560, 12),
        ("In 2019 the zone's enterprises spent 3.2 billion yuan on R&D", "rd_expenditure", 32, None),
        ("The zone applied for 2,300 patents in 2019", "patent_applications", 2300, None),
        ("In 2019, 1,100 patents were granted in the zone", "patent_grants", 1100, None),
        # the revenue of the zone's firms, told as theirs or as the zone's with no other kind named
        ("In 2019, the park generated revenue of 215.6 billion yuan, an 11.2 percent increase", "operating_revenue",
         2156, 11.2),
        ("Revenue from the zone's enterprises totaled 1.2 trillion yuan in 2019", "operating_revenue", 12000, None),
        # a count reached, with a time after it; a count told by numbered
        ("The number of high-tech enterprises in the zone rose to 860 in 2019", "national_high_tech_enterprises", 860,
         None),
        ("In 2019, the zone's high-tech enterprises numbered 1,230", "national_high_tech_enterprises", 1230, None),
        # the year's new ones, counted before or after their name
        ("In 2019, the zone added 120 new high-tech enterprises", "new_national_high_tech_enterprises", 120, None),
        ("In 2019, 210 newly recognized national high-tech enterprises were in the zone",
         "new_national_high_tech_enterprises", 210, None),
        # a record, a share of the GDP, a machine's 100 million yuan, the zone named inside a measure's name
        ("The zone's GDP hit a record 180 billion yuan in 2019", "gdp", 1800, None),
        ("In 2019, the zone's R&D expenditure accounted for 5.2% of GDP", "rd_intensity", 5.2, None),
        ("In 2019, the zone's GDP reached 1,205 100 million yuan", "gdp", 1205, None),
        ("The total output value of the zone's industrial enterprises above designated scale reached 300 billion "
         "yuan in 2019", "industrial_output_above_scale", 3000, None),
    ],
)  # fmt: skip
def test_the_dailies_common_phrasings_are_read(said, measure, value, change):
    drafted = indicators(said + ".\n", 2019)[measure]
    assert (drafted["value"], drafted.get("change_pct")) == (value, change)
    assert refused(said + ".\n", 2019) == []


def test_fiscal_revenue_of_no_stated_kind_is_not_the_firms_revenue():
    """Fiscal, tax and budget revenues are never the firms' revenue, and a bare fiscal revenue is drafted as none."""
    drafted = indicators("In 2019, the zone's fiscal revenue reached 9.8 billion yuan, up 15.3%.\n", 2019)
    assert "operating_revenue" not in drafted
    assert "营业收入" not in chinese_form("its revenue from the public budget was 9 billion yuan").text


def test_a_kind_of_firm_as_the_subject_reports_a_part():
    """The zone's leading companies' output is theirs, as 龙头企业实现工业总产值 is, not the zone's."""
    said = "In 2019, the zone's leading companies reported 29.34 billion yuan in total industrial output value.\n"
    assert "industrial_output" not in indicators(said, 2019)
    assert "龙头企业" in chinese_form(said).text


@pytest.mark.parametrize(
    ("said", "period"),
    [("In Jan-Sept 2019, the zone's GDP stood at 80.1 billion yuan", "1-9月"),
     ("From January to October, the zone's GDP reached 90 billion yuan", "1-10月")],
)  # fmt: skip
def test_months_told_by_their_short_names_are_a_part_of_the_year(said, period):
    assert indicators(said + ".\n", 2019)["gdp"]["period"] == period


def test_last_year_opens_its_clause_and_a_comparison_with_it_is_no_time():
    assert chinese_form("Last year, the zone's GDP was 120.5 billion yuan").text.startswith("去年,")
    assert "去年" not in chinese_form("GDP was 120.5 billion yuan, up 8.1% over last year").text


@pytest.mark.parametrize(
    ("english", "read_as"),
    [
        ("Updated: Jan 5, 2022 Print", ":2022年1月5日"),  # a day's date, no year of figures
        ("Key economic indicators (Jan-May, 2017)", "1-5月"),  # a time in brackets is no aside
        ("It made 26,331 patent applications, with 15,951 being granted between January and May", "1-5月"),
        ("The annual income is expected to exceed 3.5 trillion yuan", "全年营业收入预计超过35000亿元"),
        ("6,954 enterprises achieved revenue of 3.8 trillion yuan during the period", "其间,6954家营业收入为38000亿元"),
        ("The company invested 57.5 billion yuan in research", "R&D经费支出575亿元"),
        (
            "the number of high-tech enterprises has grown from 493 in 2012 to 1,928 in 2021.",
            "高新技术企业从2012年的493家到2021年的1928家",
        ),
        ("The economy grew in 2013 with revenue exceeding 3 trillion yuan", "2013年营业收入超过30000亿元"),
        (
            "The number of technology-based SMEs and high-tech enterprises reached 1,323 and 2,931 respectively.",
            "科技型中小企业、高新技术企业分别为1323家、2931家",
        ),
        (  # a name of no measure keeps its place in the list; the comma after a time is no list's
            "In 2020, the number of small and medium-sized enterprises and high-tech enterprises were 1,323 and 2,931 "
            "respectively.",
            "2020年,中小企业、高新技术企业分别为1323家、2931家",
        ),
    ],
)
def test_the_parks_own_english_pages_are_read(english, read_as):
    assert read_as in chinese_form(english).text


def test_a_count_of_now_on_a_page_telling_part_of_the_year_is_no_year_end_count():
    """A page of early January whose figures are of January to November counts its own time: its "more than 1,000
    high-tech companies" is no count at the end of the year before, as its latest statistics end in November."""
    page = (
        "Updated: Jan 5, 2022\n\n"
        "It is home to more than 1,000 national-level high-tech companies.\n\n"
        "From January to November, the accumulated investment in fixed assets was 30.14 billion yuan, an increase of "
        "20.4 percent year-on-year.\n"
    )
    drafted = indicators(page, 2021)
    assert "national_high_tech_enterprises" not in drafted
    investment = drafted["fixed_asset_investment"]
    assert (investment["value"], investment["period"]) == (301.4, "1-11月")


def test_a_name_before_firms_is_not_another_places_measure():
    """The taxes of Zhongguancun enterprises are the zone's firms' (or a city's firms'), not a place's own measure."""
    assert "全市" not in chinese_form("The GDP of Zhongguancun enterprises grew 30 percent").text
    assert "全市" in chinese_form("The GDP of Wuhan grew 30 percent").text
