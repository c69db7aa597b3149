"""The careful editor's table: phrasings of reports, each with the entry an editor might write and the answer.

Each row is a passage (as a source paragraph, or several paragraphs for a table), the quote, the entry claimed
(indicator, value, change_pct, qualifier, period, scope; or a fact's figure; or a target), and the answer a careful
editor gives: accept, or reject with the field and the words of the message that tells what to fix. Rows marked
with a report id are verbatim passages of that report (a test proves it); the others are styles the five reports
do not have: statistical tables, 1–9 month notes, press releases, plans, traditional-character reposts.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.data.model import Source
from generator.data.validate import entry_problems
from generator.reading.numbers import normalize

PROJECT = Path(__file__).resolve().parent.parent
CATALOGUE = {entry["id"]: entry for entry in yaml.safe_load((PROJECT / "data" / "indicators.yaml").read_text("utf-8"))}
X16, X20, X22, X25, XY14 = (
    "xiamen-torch-2016-work-report",
    "xiamen-torch-2020-blueprint",
    "xiamen-torch-2022-review",
    "xiamen-torch-2025-work-report",
    "xinyu-2014-work-summary",
)
ACCEPT = None
YEAR_OF = {X16: 2016, X20: 2020, X22: 2022, X25: 2025, XY14: 2014}  # the year file a report's passage feeds


def ind(indicator: str, value, **fields) -> tuple[str, dict]:
    return "indicators", {"id": indicator, "value": value, "unit": CATALOGUE[indicator]["unit"], **fields}


def fact(value, unit: str, qualifier=None, **fields) -> tuple[str, dict]:
    figure = {"value": value, "unit": unit, "qualifier": qualifier}
    return "facts", {"theme": "主题", "text": "事实。", "figures": [figure], **fields}


def target(value, unit: str, comparator: str) -> tuple[str, dict]:
    return "targets", {"for_year": 2017, "text": "目标。", "value": value, "unit": unit, "comparator": comparator}


SOFTWARE_PARK = "实现软件园规上互联网软件业营收676.9亿元"
TABLE = ["2016年主要经济指标", "单位:亿元、%", "指标 绝对值 增长", "(一) 规模以上工业总产值 1,203.5 9.1"]
UNIT_COLUMN_TABLE = [
    "2016年科技创新指标",
    "指标 单位 2016年 同比增长(%)",
    "有效发明专利 件 3856 15.2",
    "入统企业数 家 1215 --",
]
TABLE += ["(二) 地区生产总值 512.30 7.2", "(三) 财政总收入 80.1 -3.5"]
# Headers over two lines: groups (the whole park, a part of it; a period) over 绝对额 | 同比; a unit in a row's label.
GROUPED_TABLE = [
    "2016年主要经济指标",
    "单位:亿元",
    "指标名称 全区 其中:主园区",
    "绝对额 同比(%) 绝对额 同比(%)",
    "1.营业收入 2108.6 10.3 1500.2 9.1",
    "续表",
    "出口总额(亿美元) 12.47 -3.7 8.1 2.0",
]
PART_TABLE = ["2016年主园区主要指标", "单位:亿元", "指标 主园区", "绝对额 同比(%)", "营业收入 1500.2 9.1"]
PERIOD_TABLE = ["主要经济指标", "单位:亿元", "指标 1-6月", "绝对额 同比(%)", "营业收入 1010.5 8.8"]
# Tables whose header says what each column holds: a unit column, this year and last year, the 同比 in %.
EARLIER_COLUMN_TABLE = [
    "2016年科技创新指标",
    "指标名称 单位 本年 上年 同比增長(%)",
    "高新技术企业数 家 402 358 12.3",
    "有效发明专利 件 3856 -- 15.2",
]
YEARS_TABLE = ["2016年主要经济指标", "单位:亿元", "指标 2016年 2015年 增长%", "地区生产总值 512.30 478.1 7.2"]
LAST_YEARS_TABLE = ["2015年主要经济指标", "单位:亿元", "指标 2015年 增长%", "地区生产总值 478.1 6.5"]
HEADER_UNITS_TABLE = ["2016年主要经济指标", "指标 本年(亿元) 比上年增长(%)", "地区生产总值 512.30 7.2"]
NO_UNIT_TABLE = ["2016年主要经济指标", "指标 2016年 增长%", "地区生产总值 512.30 7.2"]
# A statistical bureau's bulletin: bars between cells, the value column headed by the months it covers.
MONTHS_TABLE = ["2016年1—12月主要经济指标", "指标 | 计量单位 | 1-12月 | 比上年同期增长(%)"]
MONTHS_TABLE += ["地区生产总值 | 亿元 | 512.30 | 7.2"]
HALF_TABLE = ["2016年1—6月主要经济指标", "指标 | 计量单位 | 1-6月 | 比上年同期增长(%)"]
HALF_TABLE += ["地区生产总值 | 亿元 | 236.40 | 6.9"]

# (passage, quote or None for the whole passage, (section, entry), answer, why, report or None)
ROWS = [
    # --- binding: the quote names the indicator and the value is the amount it governs -------------------------
    ("高新区完成规模以上工业总产值2145.69亿元,同比增长8%", None, ind("industrial_output_above_scale", 2145.69,
     change_pct=8), ACCEPT, "name, amount and growth in one clause", X16),
    ("规模以上工业增加值461.42亿元,同比增长8.3%", None, ind("industrial_value_added_above_scale", 461.42,
     change_pct=8.3), ACCEPT, "the plain statement", X16),
    ("高新区16个省市重点项目计划总投资174亿元,全年完成投资182亿元", None, ind("key_project_investment", 182),
     ACCEPT, "the name in two parts: its subject, then 完成投资 182", X16),
    ("高新区16个省市重点项目计划总投资174亿元,全年完成投资182亿元", None, ind("key_project_investment", 174),
     "value: expected 182亿元 (the amount '省市重点项目完成投资' governs", "174 is the plan, not the actual", X16),
    ("高新区16个省市重点项目计划总投资174亿元,全年完成投资182亿元", None, ind("key_project_investment", 16),
     "value: expected 182亿元", "16 个 is a count of projects, not 亿元", X16),
    ("规模以上工业企业完成总产值622亿元,同比增长16.7%", None, ind("industrial_output_above_scale", 622,
     change_pct=16.7), ACCEPT, "an alias in two parts around 完成", XY14),
    ("规模以上工业企业完成总产值622亿元,同比增长16.7%;实现主营业务收入620亿元,同比增长16.5%", None,
     ind("industrial_revenue_above_scale", 620, change_pct=16.5), ACCEPT, "the subject opens the sentence", XY14),
    ("实现主营业务收入620亿元,同比增长16.5%", None, ind("industrial_revenue_above_scale", 620, change_pct=16.5),
     "quote: expected the quote to name 规模以上工业主营业务收入 (looked for:", "主营业务收入 of what?", XY14),
    ("共有27人入选国家、省、市各类人才计划", None, ind("new_high_level_talents", 27),
     "quote: expected the quote to name 新增高层次人才", "入选人才计划 is not 新增高层次人才", X16),
    ("新增3家上市企业,美图在香港主板上市,清源科技、吉比特在上海上市", None, ind("new_listed_companies", 3), ACCEPT,
     "a count standing inside the name: 新增3家上市企业", X16),
    ("新增唯科、嘉戎等两家上市公司", None, ind("new_listed_companies", 2), ACCEPT, "a count in Chinese numerals", X22),
    ("新增市级以上高层次人才699名", None, ind("new_high_level_talents", 699), ACCEPT, "名 counts people", X25),
    ("国家级高新技术企业预计突破1500家", None, ind("national_high_tech_enterprises", 1500, qualifier="预计突破"),
     ACCEPT, "the hedge recorded", X22),
    ("实际利用外资约2.9亿美元", None, ind("fdi_actual", 2.9, qualifier="约"), ACCEPT, "约 recorded", X25),
    ("实现利用外资1.46亿元,同比增长13.98%", None, ind("fdi_actual", 1.46),
     "value: expected an amount in 美元 after '利用外资'", "1.46亿元 is yuan; the catalogue counts dollars", XY14),
    ("51个省市重点项目完成投资226.7亿元,完成年度计划123.1%", None, ind("key_project_investment", 226.7), ACCEPT,
     "the count of projects is in another unit", X25),
    ("地区生产总值215亿元、财政总收入17.99亿元", None, ind("gdp", 17.99),
     "value: expected 215亿元", "the first amount after 地区生产总值 is its own", None),
    ("地区生产总值215亿元、财政总收入17.99亿元", None, ind("fiscal_revenue_total", 17.99), ACCEPT,
     "the amount after 财政总收入", None),
    ("全区实现工业总产值300亿元", None, ind("industrial_output_above_scale", 300),
     "quote: expected the quote to name 规模以上工业总产值", "工业总产值 of all firms is not 规模以上", None),
    ("实现GDP 512.3亿元,增长7.2%", None, ind("gdp", 512.3, change_pct=7.2), ACCEPT, "an alias in Latin letters",
     None),
    ("新增国家高新技术企业120家,累计达到1500家", None, ind("new_national_high_tech_enterprises", 1500),
     "value: expected 120家", "1500 is the running total, not the new ones", None),
    ("新增国家高新技术企业120家,累计达到1500家", None, ind("national_high_tech_enterprises", 120),
     "value: expected 1500家 (the amount '国家高新技术企业数' governs in its clause), found 120 家",
     "新增国家高新技术企业 names the new ones, not the total", None),
    ("新增国家高新技术企业120家,累计达到1500家", None, ind("national_high_tech_enterprises", 1500), ACCEPT,
     "累计 carries the total of the same subject", None),
    ("新增国家高新技术企业120家", None, ind("national_high_tech_enterprises", 120),
     "quote: expected the quote to name 国家高新技术企业数 (looked for: … found it only inside 新增国家高新技术企业, "
     "the name of another indicator", "a change is not the stock", None),
    ("研发投入强度约为3.1%", None, ind("rd_intensity", 3.1, qualifier="约为"), ACCEPT, "a rate in %", None),
    ("研發投入強度3.1%", None, ind("rd_intensity", 3.1), ACCEPT, "a traditional-character name", None),
    ("高企总数达到426家", None, ind("national_high_tech_enterprises", 426), ACCEPT, "高企 is 高新技术企业", None),
    ("全区三园共实现营业收入980亿元,同比增长9.2%", None, ind("operating_revenue", 980, change_pct=9.2), ACCEPT,
     "三园 together are the park", None),
    ("其中光谷园实现营业收入210亿元", None, ind("operating_revenue", 210),
     "scope: expected scope: 光谷园 (the quote names a part of the park), found none", "one 园 is a part", None),
    ("地区生产总值(GDP)123.4亿元", None, ind("gdp", 123.4), ACCEPT, "the abbreviation in brackets after", None),
    ("GDP(地区生产总值)123.4亿元", None, ind("gdp", 123.4), ACCEPT, "the name in brackets after", None),
    ("科技型中小企业入库评价数量约1,360家", None, ind("tech_smes", 1360, qualifier="约"), ACCEPT,
     "a short phrase between the name and its number", None),
    ("高企总数达到426家", None, ind("national_high_tech_enterprises", 462),
     "value: expected 426家 (the amount '高企总数' governs", "an abbreviated name governs its amount", None),
    ("R&D經費內部支出逾28亿元", None, ind("rd_expenditure", 28, qualifier="逾"), ACCEPT,
     "traditional and simplified characters mixed", None),
    ("研发投入强度3.1%,同比提高0.2个百分点", None, ind("rd_intensity", 0.2),
     "value: expected 3.1% (the amount '研发投入强度' governs", "points are not the rate", None),
    ("国家级高新技术企业总数达到1500家", None, ind("national_high_tech_enterprises", 1500), ACCEPT,
     "the total, named", None),
    ("合同利用外资5亿美元,实际利用外资3.65亿美元", None, ind("fdi_actual", 5),
     "value: expected 3.65亿美元 (the amount '实际利用外资' governs", "利用外资 inside 合同利用外资 is another", None),
    ("出口总额同比增长5%,达到12.5亿美元", None, ind("export_total", 12.5, change_pct=5), ACCEPT,
     "the next clause carries the amount on", None),
    ("固定資產投資同比下降1.8%，總額為76.4億元", None, ind("fixed_asset_investment", 76.4, change_pct=-1.8), ACCEPT,
     "总额为 carries the subject on (a traditional-character repost)", None),
    ("固定资产投资同比下降1.8%,总额为76.4亿元", None, ind("fixed_asset_investment", 76.4, change_pct=1.8),
     "change_pct: expected -1.8%", "下降 before 总额为 makes the growth negative", None),
    ("出口总额同比增长5%,进口总额达到12.5亿美元", None, ind("export_total", 12.5),
     "value: expected an amount in 美元 after '出口总额'", "the amount belongs to 进口总额", None),
    ("全年计划完成固定资产投资300亿元", None, ind("fixed_asset_investment", 300),
     "value: expected an actual amount, found 300亿元 given as a plan", "a plan is not a result", None),
    ("固定资产投资目标300亿元,实际完成固定资产投资280亿元", None, ind("fixed_asset_investment", 280), ACCEPT,
     "the actual amount of the second clause", None),
    ("固定资产投资目标300亿元,实际完成固定资产投资280亿元", None, ind("fixed_asset_investment", 300),
     "value: expected an actual amount, found 300亿元 given as a plan", "the target of the first clause", None),
    # --- 分别: names paired with amounts and growths in the same order ---------------------------------------------
    ("地区生产总值、财政总收入分别为215亿元、17.99亿元", None, ind("fiscal_revenue_total", 17.99), ACCEPT,
     "the second name takes the second amount", None),
    ("地区生产总值、财政总收入分别为215亿元、17.99亿元", None, ind("gdp", 215), ACCEPT, "the first takes the first",
     None),
    ("地区生产总值、财政总收入分别为215亿元、17.99亿元", None, ind("fiscal_revenue_total", 215),
     "value: expected 17.99亿元 (the amount 分别 pairs with '财政总收入', the names and amounts in the same order)",
     "the pairing swapped", None),
    ("全区地区生产总值和财政总收入分别达到215亿元和17.99亿元,分别增长10.1%和5%", None,
     ind("fiscal_revenue_total", 17.99, change_pct=5), ACCEPT, "分别增长 pairs the growths in the same order", None),
    ("全区地区生产总值和财政总收入分别达到215亿元和17.99亿元,分别增长10.1%和5%", None,
     ind("fiscal_revenue_total", 17.99, change_pct=10.1),
     "change_pct: expected 5% (the growth 分别 pairs with '财政总收入'), found 10.1%", "the growths swapped", None),
    ("出口总额、实际利用外资分别为12亿美元、8亿美元,分别下降5%、3%", None, ind("fdi_actual", 8, change_pct=-3),
     ACCEPT, "分别下降: both declines", None),
    ("出口总额、实际利用外资分别为12亿美元、8亿美元,分别下降5%、3%", None, ind("fdi_actual", 12),
     "value: expected 8亿美元 (the amount 分别 pairs with '实际利用外资'", "the first amount is the first name's",
     None),
    ("出口总额12亿美元、实际利用外资8亿美元,分别增长5%和3%", None, ind("fdi_actual", 8, change_pct=3), ACCEPT,
     "each name with its amount, then the growths in the order of the amounts", None),
    ("出口总额12亿美元、实际利用外资8亿美元,分别增长5%和3%", None, ind("export_total", 12, change_pct=3),
     "change_pct: expected 5% (the growth 分别 pairs with '出口总额')", "the second growth is the second amount's",
     None),
    ("研发投入强度和高新技术企业数分别为3.1%和420家", None, ind("rd_intensity", 3.1), ACCEPT,
     "amounts of different units in one list", None),
    # --- growth: the growth of that same amount, with its sign --------------------------------------------------
    ("2014年全区完成生产总值215亿元,同比增长10.1%;完成财政总收入17.99亿元,同比增长5%", None,
     ind("gdp", 215, change_pct=10.1), ACCEPT, "the growth after the amount", XY14),
    ("2014年全区完成生产总值215亿元,同比增长10.1%;完成财政总收入17.99亿元,同比增长5%", None,
     ind("gdp", 215, change_pct=5), "change_pct: expected 10.1% (the growth that follows 215亿元)",
     "5% is 财政总收入's growth", XY14),
    ("固定资产投资241亿元;同比增长19.5%", None, ind("fixed_asset_investment", 241, change_pct=19.5), ACCEPT,
     "growth in the next clause, no amount between", X16),
    ("规上工业总产值200亿元,占全市45%", None, ind("industrial_output_above_scale", 200, change_pct=45),
     "change_pct: expected the growth of 200亿元", "占全市45% is a share", None),
    ("实际利用外资3.65亿美元,完成计划的101.5%", None, ind("fdi_actual", 3.65, change_pct=101.5),
     "change_pct: expected the growth of 3.65亿美元", "plan completion is not growth", X16),
    ("出口总额2亿美元,增长3%,进口总额1亿美元,增长5%", None, ind("export_total", 2, change_pct=5),
     "change_pct: expected 3% (the growth that follows 2亿美元)", "5% is 进口's growth", None),
    ("出口总额2亿美元,增长3%,进口总额1亿美元,增长5%", None, ind("export_total", 2, change_pct=3), ACCEPT,
     "出口's own growth", None),
    ("出口总额2亿美元,降幅为5%", None, ind("export_total", 2, change_pct=5),
     "change_pct: expected -5% (the growth that follows 2亿美元; 下降/减少/降幅 make it negative), found 5%",
     "降幅 is a decline", None),
    ("出口总额2亿美元,降幅为5%", None, ind("export_total", 2, change_pct=-5), ACCEPT, "the decline negative", None),
    ("出口总额2亿美元,同比下跌6%", None, ind("export_total", 2, change_pct=6), "change_pct: expected -6%",
     "下跌 is a decline", None),
    ("出口总额2亿美元,同比萎缩4%", None, ind("export_total", 2, change_pct=4), "change_pct: expected -4%",
     "萎缩 is a decline", None),
    ("出口总额2亿美元,同比下降5%", None, ind("export_total", 2, change_pct=-5), ACCEPT, "下降 negative", None),
    ("出口总额2亿美元,同比减少5%", None, ind("export_total", 2, change_pct=5), "change_pct: expected -5%",
     "减少 is a decline", None),
    ("出口总额2亿美元,同比回落5%", None, ind("export_total", 2, change_pct=-5), ACCEPT, "回落 5% is -5%", None),
    ("出口总额2亿美元,负增长3%", None, ind("export_total", 2, change_pct=-3), ACCEPT, "负增长 negative", None),
    ("出口总额2亿美元,增长-3%", None, ind("export_total", 2, change_pct=3), "change_pct: expected -3%",
     "a minus sign", None),
    ("出口总额2亿美元,增速回落至9%", None, ind("export_total", 2, change_pct=9), ACCEPT,
     "the growth fell to 9%: still +9%", None),
    ("出口总额2亿美元,增速回落至9%", None, ind("export_total", 2, change_pct=-9), "change_pct: expected 9%",
     "回落至 gives the level, not a decline", None),
    ("规模以上互联网软件业实现营收近300亿元,增速近9%", None, ind("internet_software_revenue_above_scale", 300,
     change_pct=9, qualifier="近", change_qualifier="近"), ACCEPT, "hedged amount and growth", X22),
    ("规模以上互联网软件业实现营收近300亿元,增速近9%", None, ind("internet_software_revenue_above_scale", 300,
     change_pct=9, qualifier="近"), "change_qualifier: expected '近' (the quote hedges the growth), found null",
     "the growth's own 近 unrecorded", X22),
    ("营业收入1200亿元,增长约15%", None, ind("operating_revenue", 1200, change_pct=15),
     "change_qualifier: expected '约' (the quote hedges the growth), found null", "增长约15% is about 15%", None),
    ("营业收入1200亿元,增长约15%", None, ind("operating_revenue", 1200, change_pct=15, change_qualifier="约"),
     ACCEPT, "the growth's hedge recorded", None),
    ("营业收入1200亿元,增长超过20%", None, ind("operating_revenue", 1200, change_pct=20, change_qualifier="超过"),
     ACCEPT, "超过 on the growth", None),
    ("营业收入1200亿元,增长15%以上", None, ind("operating_revenue", 1200, change_pct=15, change_qualifier="以上"),
     ACCEPT, "以上 after the growth", None),
    ("营业收入1200亿元,增长20%", None, ind("operating_revenue", 1200, change_pct=20, change_qualifier="约"),
     "change_qualifier: expected the hedge to stand next to the growth in the quote, found no hedge instead of '约'",
     "an exact growth hedged", None),
    ("营业收入约1200亿元,增长15%", None, ind("operating_revenue", 1200, change_pct=15, qualifier="约",
     change_qualifier="约"), "change_qualifier: expected the hedge to stand next to the growth",
     "约 hedges the amount, not its growth", None),
    ("营业收入约1200亿元,增长15%", None, ind("operating_revenue", 1200, change_pct=15, change_qualifier="约"),
     "qualifier: expected '约' (the quote hedges the number), found null", "the hedge put on the wrong number",
     None),
    ("预计全年完成地区生产总值300亿元,增长8%", None, ind("gdp", 300, change_pct=8, qualifier="预计"), ACCEPT,
     "预计 of the sentence is recorded once, on the figure", None),
    ("营业收入约1200亿元", None, ind("operating_revenue", 1200, qualifier="约", change_qualifier="约"),
     "change_qualifier: expected a change_pct for the hedge to bear on", "no growth to hedge", None),
    (TABLE, "地区生产总值 512.30 7.2", ind("gdp", 512.3, change_pct=7.2, change_qualifier="约"),
     "change_qualifier: expected the hedge to stand next to the growth in the quote, found no hedge",
     "a table's cell carries no hedge", None),
    ("实现利税42亿元,同比增长18.51%", None, ind("industrial_output_above_scale", 18.51),
     "quote: expected the quote to name 规模以上工业总产值", "a growth rate is not an amount", XY14),
    ("规模以上工业增加值461.42亿元,同比增长8.3%,高于全市增速2.9个百分点", None,
     ind("industrial_value_added_above_scale", 461.42, change_pct=2.9), "change_pct: expected 8.3%",
     "points above the city are not growth", None),
    # --- whole numbers, signs and units ------------------------------------------------------------------------
    ("地区生产总值1,200亿元", None, ind("gdp", 200), "value: expected 1,200亿元", "part of 1,200", None),
    ("地区生产总值1,200亿元", None, ind("gdp", 1200), ACCEPT, "grouped digits are one number", None),
    ("规上工业总产值2,145.69亿元", None, ind("industrial_output_above_scale", 145.69), "value: expected 2,145.69亿元",
     "part of 2,145.69", None),
    ("财政总收入-5亿元", None, ind("fiscal_revenue_total", 5), "value: expected -5亿元", "the minus sign", None),
    ("财政总收入-5亿元", None, ind("fiscal_revenue_total", -5), ACCEPT, "a negative amount kept", None),
    ("地区生产总值２１４５．６９亿元", None, ind("gdp", 2145.69), ACCEPT, "full-width digits", None),
    ("地区生产总值5123000万元", None, ind("gdp", 512.3), ACCEPT, "万元 converted to 亿元", None),
    ("全年统一批复项目", None, fact(1, "批"), "value: expected 1 批 to stand in the quote",
     "统一 is a word, not a count", None),
    ("高于全市增速2.9个百分点", None, fact(2.9, "个"), "value: expected 2.9 个 to stand in the quote",
     "the unit is 个百分点", X16),
    ("高于全市增速2.9个百分点", None, fact(2.9, "个百分点"), ACCEPT, "the unit whole", X16),
    ("共计5200人次投入第十四号超强台风灾后重建活动", None, fact(5200, "人"),
     "value: expected 5200 人 to stand in the quote", "人次 counts visits, not people", X16),
    ("科技型中小企业分别新增120,230家", None, fact(120, "家"), ACCEPT, "分别: a list typed with a comma", None),
    ("全年新增科技型中小企业120,230家", None, fact(230, "家"), "value: expected 230 家 to stand in the quote",
     "without 分别 the digits are one number", None),
    # --- invisible characters ----------------------------------------------------------------------------------
    ("地区生产总值21\u200b45亿元", None, ind("gdp", 45), "quote: expected visible text, found U+200B",
     "a zero-width space splits the number", None),
    ("地区生产总值21\u00ad45亿元", None, ind("gdp", 2145), "quote: expected visible text, found U+00AD",
     "a soft hyphen", None),
    ("地区生产总值\u202e2145亿元", None, ind("gdp", 2145), "quote: expected visible text, found U+202E",
     "a bidirectional control", None),
    # --- hedges ------------------------------------------------------------------------------------------------
    ("地区生产总值约为300亿元", None, ind("gdp", 300), "qualifier: expected '约为' (the quote hedges the number)",
     "约为 unstated", None),
    ("地区生产总值约为300亿元", None, ind("gdp", 300, qualifier="约"), ACCEPT, "约为 recorded as 约", None),
    ("地区生产总值不足300亿元", None, ind("gdp", 300), "qualifier: expected '不足'", "不足 unstated", None),
    ("地区生产总值300亿元上下", None, ind("gdp", 300), "qualifier: expected '上下'", "上下 unstated", None),
    ("地区生产总值300亿元左右", None, ind("gdp", 300, qualifier="左右"), ACCEPT, "左右 recorded", None),
    ("地区生产总值逾300亿元", None, ind("gdp", 300), "qualifier: expected '逾'", "逾 unstated", None),
    ("地区生产总值将近300亿元", None, ind("gdp", 300, qualifier="将近"), ACCEPT, "将近 recorded", None),
    ("实现营业收入300多亿元", None, fact(300, "亿元"), "qualifier: expected '多'", "多 unstated", None),
    ("带动100家上下游企业集聚", None, fact(100, "家"), ACCEPT, "上下游 is the supply chain, not a hedge", None),
    ("地区生产总值200-300亿元", None, ind("gdp", 300), "value: expected a single amount, found a range",
     "a range is not one value", None),
    ("地区生产总值200至300亿元", None, ind("gdp", 200), "value: expected a single amount, found a range",
     "a range written with 至", None),
    ("预计全年完成地区生产总值300亿元", None, ind("gdp", 300), "qualifier: expected '预计'",
     "预计 governs the clause", None),
    ("预计全年完成地区生产总值300亿元", None, ind("gdp", 300, qualifier="预计"), ACCEPT, "预计 recorded", None),
    ("预计,全年地区生产总值将超过300亿元", None, ind("gdp", 300, qualifier="超过"),
     "qualifier: expected the hedge to stand next to the number in the quote, found 预计超过",
     "预计 of the sentence and 超过 both bear on it", None),
    ("力争全区生产总值突破235亿元", None, target(235, "亿元", ">="), ACCEPT, "突破 is at least", XY14),
    ("力争全区生产总值突破235亿元", None, target(235, "亿元", "<="), "comparator: expected '>=' (the quote says 突破)",
     "the comparator contradicts 突破", XY14),
    ("力争用2年左右时间使我区进入科技部创新型特色园区行列", None, target(2, "年", "~"), ACCEPT, "左右 is about",
     XY14),
    ("力争用2年左右时间使我区进入科技部创新型特色园区行列", None, target(2, "年", ">="),
     "comparator: expected '~' (the quote says 左右)", "左右 stored as >=", XY14),
    ("力争规模以上工业主营业务收入达到682亿元", None, target(682, "亿元", ">="), ACCEPT, "达到: a goal to reach",
     XY14),
    ("力争规模以上工业主营业务收入达到682亿元", None, target(682, "亿元", "<="),
     "comparator: expected '=' or '>=' (the quote puts no 以内/左右 on the number)", "nothing says at most", XY14),
    ("能耗增幅控制在3%以内", None, target(3, "%", "<="), ACCEPT, "以内 is at most", None),
    ("到2020年,全区地区生产总值力争突破300亿元", None, target(300, "亿元", ">="),
     "for_year: expected for_year 2020 (the year the quote sets the goal for), found 2017", "a goal for 2020", None),
    ("2017年,全区地区生产总值力争突破300亿元", None, target(300, "亿元", ">="), ACCEPT, "next year's goal", None),
    ("力争2-3年内建成科技企业加速器并申报国家级平台", None, target(3, "年", "<="),
     "value: expected a single amount, found a range", "2-3年 is a range", XY14),
    # --- another year, another period, another part of the park ----------------------------------------------
    ("2015年地区生产总值100亿元,2016年地区生产总值120亿元", None, ind("gdp", 100),
     "value: expected an amount for 2016 (the file's year), found it given for 2015", "another year's amount", None),
    ("2015年地区生产总值100亿元,2016年地区生产总值120亿元", None, ind("gdp", 120), ACCEPT, "this year's", None),
    ("高新技术企业较2015年的12家增加到35家", None, fact(12, "家"),
     "value: expected an amount for 2016 (the file's year), found it given for 2015",
     "12 is the count of 2015, the base of the comparison", None),
    ("高新技术企业较2015年的12家增加到35家", None, fact(35, "家"), ACCEPT, "35 is this year's count", None),
    ("高新技术企业由2015年末的12家增加到35家", None, fact(12, "家"),
     "value: expected an amount for 2016 (the file's year), found it given for 2015", "由…年末的 dates it too", None),
    ("高新技术企业由2015年末的12家增加到35家", None, fact(35, "家"), ACCEPT,
     "由2015年 is where the change starts, not the year of 35", None),
    ("综合实力(2015年度)位居全国第14位", None, fact(14, "位"), ACCEPT,
     "a fact may speak of another year in its own words; only an amount written as that year's own is refused",
     None),
    ("国家高新技术企业数由2015年的120家增加到150家", None, ind("national_high_tech_enterprises", 120),
     "value: expected an amount for 2016 (the file's year), found it given for 2015", "the base year's count", None),
    ("地区生产总值120亿元,比2015年增长20%", None, ind("gdp", 120, change_pct=20), ACCEPT,
     "比2015年 compares, it does not date the amount", None),
    ("1至9月,园区实现规上工业总产值312.45亿元,同比增长6.2%。", "园区实现规上工业总产值312.45亿元,同比增长6.2%",
     ind("industrial_output_above_scale", 312.45, change_pct=6.2),
     "period: expected period: 1至9月 (the quote's sentence gives a part of the year), found none",
     "nine months are not the year", None),
    ("1至9月,园区实现规上工业总产值312.45亿元,同比增长6.2%。", "园区实现规上工业总产值312.45亿元,同比增长6.2%",
     ind("industrial_output_above_scale", 312.45, change_pct=6.2, period="1-9月"), ACCEPT, "1-9月 recorded", None),
    ("1—9月,全区经济运行总体平稳。实现地区生产总值236.4亿元,同比增长5.9%。", "实现地区生产总值236.4亿元,同比增长5.9%",
     ind("gdp", 236.4, change_pct=5.9, period="1-9月"), ACCEPT,
     "a nine-month note states its period once, at the head of the paragraph", None),
    ("1—9月,全区经济运行总体平稳。实现地区生产总值236.4亿元。", "实现地区生产总值236.4亿元",
     ind("gdp", 236.4, period="上半年"),
     "period: expected the quote's sentence to show the period 上半年", "the paragraph states 1—9月, not 上半年", None),
    ("上半年,全区地区生产总值256亿元", None, ind("gdp", 256, period="前三季度"),
     "period: expected the quote's sentence to show the period 前三季度, found 上半年", "the wrong period", None),
    ("前三季度,全区地区生产总值356亿元", None, ind("gdp", 356, period="前三季度"), ACCEPT, "前三季度", None),
    ("一至九月,全区地区生产总值356亿元", None, ind("gdp", 356, period="1-9月"), ACCEPT,
     "the same period in Chinese numerals", None),
    ("全区地区生产总值356亿元", None, ind("gdp", 356, period="上半年"),
     "period: expected the quote's sentence to show the period 上半年, found no part of the year",
     "a period the report does not state", None),
    ("预计主园区实现地区生产总值400亿元", None, ind("gdp", 400, qualifier="预计"),
     "scope: expected scope: 主园区 (the quote names a part of the park), found none", "part of the park", None),
    ("预计主园区实现地区生产总值400亿元", None, ind("gdp", 400, qualifier="预计", scope="主园区"), ACCEPT,
     "scope and hedge recorded", None),
    ("核心区实现规模以上工业总产值800亿元", None, ind("industrial_output_above_scale", 800, scope="核心区"), ACCEPT,
     "核心区 recorded", None),
    ("全区实现规模以上工业总产值800亿元", None, ind("industrial_output_above_scale", 800, scope="核心区"),
     "scope: expected the quote's sentence to name 核心区, found no part of the park", "a part not named", None),
    ("拓展区域创新生态,新签约项目60个", None, fact(60, "个"), ACCEPT, "拓展区域 is not a part of the park", None),
    ("全年规上工业增加值同比增长14.3%;实现软件园规上互联网软件业营收676.9亿元。", SOFTWARE_PARK,
     ind("internet_software_revenue_above_scale", 676.9),
     "scope: expected scope: 软件园 (the quote names a part of the park), found none",
     "the software park is a part of the park", X25),
    ("全年规上工业增加值同比增长14.3%;实现软件园规上互联网软件业营收676.9亿元。", SOFTWARE_PARK,
     ind("internet_software_revenue_above_scale", 676.9, scope="软件园"), ACCEPT, "软件园 recorded", X25),
    ("同翔基地完成固定资产投资90亿元", None, ind("fixed_asset_investment", 90), "scope: expected scope: 同翔基地",
     "a base of the park", None),
    ("全园区完成固定资产投资90亿元", None, ind("fixed_asset_investment", 90), ACCEPT, "全园区 is the whole", None),
    # --- styles: statistical tables, traditional characters, press releases ------------------------------------
    (TABLE, "地区生产总值 512.30 7.2", ind("gdp", 512.3, change_pct=7.2), ACCEPT,
     "a table row in the unit of its 单位 line", None),
    (TABLE, "地区生产总值 512.30 7.2", ind("gdp", 7.2),
     "value: expected 512.30亿元 (the table's 绝对值 column of that row), found 7.2 亿元 in the 增长 column",
     "the growth column", None),
    (TABLE, "规模以上工业总产值 1,203.5 9.1", ind("industrial_output_above_scale", 203.5), "value: expected 1,203.5",
     "part of a grouped cell", None),
    (TABLE, "财政总收入 80.1 -3.5", ind("fiscal_revenue_total", 80.1, change_pct=-3.5), ACCEPT,
     "a negative growth cell", None),
    (TABLE, "财政总收入 80.1 -3.5", ind("fiscal_revenue_total", 80.1, change_pct=3.5),
     "change_pct: expected -3.5% (the table's 增长 column of that row)", "the sign of the cell", None),
    (UNIT_COLUMN_TABLE, "有效发明专利 件 3856 15.2", ind("valid_invention_patents", 3856), ACCEPT,
     "a table whose units stand in a column: the cell after its unit cell", None),
    (GROUPED_TABLE, "1.营业收入 2108.6 10.3 1500.2 9.1", ind("operating_revenue", 2108.6, change_pct=10.3), ACCEPT,
     "a header over two lines: the first group's 绝对额 and 同比", None),
    (GROUPED_TABLE, "1.营业收入 2108.6 10.3 1500.2 9.1", ind("operating_revenue", 1500.2, scope="主园区"),
     "value: expected 2108.6亿元 (the table's 全区绝对额 column of that row)", "the park's column comes first", None),
    (GROUPED_TABLE, "出口总额(亿美元) 12.47 -3.7 8.1 2.0", ind("export_total", 12.47, change_pct=-3.7), ACCEPT,
     "a unit in the row's label, a row after 续表", None),
    (PART_TABLE, "营业收入 1500.2 9.1", ind("operating_revenue", 1500.2, scope="主园区"), ACCEPT,
     "a table whose column names a part of the park", None),
    (PART_TABLE, "营业收入 1500.2 9.1", ind("operating_revenue", 1500.2),
     "scope: expected scope: 主园区 (the table's column names a part of the park), found none",
     "a part of the park's table is not the park's year", None),
    (PERIOD_TABLE, "营业收入 1010.5 8.8", ind("operating_revenue", 1010.5),
     "period: expected period: 1-6月 (the table's caption or column gives a part of the year), found none",
     "a group naming the months", None),
    (UNIT_COLUMN_TABLE, "入统企业数 家 1215 --", ind("enterprises_in_statistics", 1215), ACCEPT,
     "a row ending in the mark of a missing cell", None),
    (UNIT_COLUMN_TABLE, "有效发明专利 件 3856 15.2", ind("valid_invention_patents", 15.2),
     "value: expected 3856", "the growth cell is not the amount", None),
    (UNIT_COLUMN_TABLE, "有效发明专利 件 3856 15.2", ind("valid_invention_patents", 3856, change_pct=15.2), ACCEPT,
     "the header's 同比增长(%) column gives the growth, though no 单位 line says %", None),
    (UNIT_COLUMN_TABLE, "入统企业数 家 1215 --", ind("enterprises_in_statistics", 1215, change_pct=5),
     "change_pct: expected a growth in the table's 同比增长(%) column of that row, found -- for 5%",
     "the table gives no growth for that row", None),
    (EARLIER_COLUMN_TABLE, "高新技术企业数 家 402 358 12.3", ind("national_high_tech_enterprises", 402,
     change_pct=12.3), ACCEPT, "本年 is the amount, 同比增長 (traditional) the growth", None),
    (EARLIER_COLUMN_TABLE, "高新技术企业数 家 402 358 12.3", ind("national_high_tech_enterprises", 358),
     "value: expected 402家 (the table's 本年 column of that row), found 358 家 in the 上年 column",
     "the 上年 column is last year's amount", None),
    (EARLIER_COLUMN_TABLE, "有效发明专利 件 3856 -- 15.2", ind("valid_invention_patents", 3856, change_pct=15.2),
     ACCEPT, "a missing 上年 cell keeps the columns in place", None),
    (EARLIER_COLUMN_TABLE, "有效发明专利 件 3856 -- 15.2", ind("valid_invention_patents", 3856, change_pct=12.3),
     "change_pct: expected 15.2% (the table's 同比增长(%) column of that row), found 12.3%",
     "12.3% is the growth of the row above", None),
    (YEARS_TABLE, "地区生产总值 512.30 478.1 7.2", ind("gdp", 512.3, change_pct=7.2), ACCEPT,
     "of two years' columns the latest is the year's; 增长% the growth", None),
    (YEARS_TABLE, "地区生产总值 512.30 478.1 7.2", ind("gdp", 478.1),
     "value: expected 512.30亿元 (the table's 2016年 column of that row), found 478.1 亿元 in the 2015年 column",
     "the 2015年 column is the year before", None),
    (YEARS_TABLE, "地区生产总值 512.30 478.1 7.2", ind("gdp", 7.2),
     "value: expected 512.30亿元 (the table's 2016年 column of that row), found 7.2 亿元 in the 增长% column",
     "the growth column is not the amount", None),
    (LAST_YEARS_TABLE, "地区生产总值 478.1 6.5", ind("gdp", 478.1, change_pct=6.5),
     "value: expected an amount for 2016 (the file's year), found it given for 2015",
     "a table of 2015 quoted in the file of 2016", None),
    (HEADER_UNITS_TABLE, "地区生产总值 512.30 7.2", ind("gdp", 512.3, change_pct=7.2), ACCEPT,
     "units in the header's cells: 本年(亿元), 比上年增长(%)", None),
    (HEADER_UNITS_TABLE, "地区生产总值 512.30 7.2", ind("gdp", 512.3, change_pct=-7.2),
     "change_pct: expected 7.2% (the table's 比上年增长(%) column of that row)", "no minus in the cell", None),
    (NO_UNIT_TABLE, "地区生产总值 512.30 7.2", ind("gdp", 512.3),
     "value: expected an amount in 亿元 in the table's 2016年 column of the row '地区生产总值', found 512.30 in no "
     "unit",
     "neither a 单位 line, a unit column nor the header gives the unit", None),
    ("地區生產總值約300億元,同比增長5%", None, ind("gdp", 300, change_pct=5, qualifier="约"), ACCEPT,
     "a traditional-character repost", None),
    ("地區生產總值約300億元,同比增長5%", None, ind("gdp", 300, change_pct=5), "qualifier: expected '约'",
     "約 is 约", None),
    ("记者从高新区获悉,2016年高新区实现地区生产总值512.3亿元,同比增长7.2%。", None,
     ind("gdp", 512.3, change_pct=7.2), ACCEPT, "a press release", None),
    ("2017年,高新区将力争实现地区生产总值560亿元", None, ind("gdp", 560),
     "value: expected an amount for 2016 (the file's year), found it given for 2017", "next year's plan", None),
    # --- the second held-out set: bulletins, press conferences, traditional reposts ------------------------------
    (MONTHS_TABLE, "地区生产总值|亿元|512.30|7.2", ind("gdp", 512.3, change_pct=7.2), ACCEPT,
     "a column headed 1-12月 holds the whole year's amounts", None),
    (HALF_TABLE, "地区生产总值|亿元|236.40|6.9", ind("gdp", 236.4, change_pct=6.9, period="1—6月"), ACCEPT,
     "a 1-6月 table is half the year, as its title says", None),
    (HALF_TABLE, "地区生产总值|亿元|236.40|6.9", ind("gdp", 236.4, change_pct=6.9),
     "period: expected period: 1—6月 (the table's caption or column gives a part of the year)",
     "a row of a 1-6月 table recorded as the year's figure", None),
    (["宁川高新区2024年1—9月经济运行情况", "全区经济运行总体平稳。实现地区生产总值380.5亿元,同比增长6.2%。"],
     "实现地区生产总值380.5亿元,同比增长6.2%", ind("gdp", 380.5, change_pct=6.2),
     "period: expected period: 1—9月 (the report's title or the head of its paragraph gives a part of the year)",
     "a 1-9月 note's figure recorded as the year's: the title gives the period once for all", None),
    (["宁川高新区经济运行情况", "1—9月,全区经济运行总体平稳。实现地区生产总值380.5亿元,同比增长6.2%。"],
     "实现地区生产总值380.5亿元,同比增长6.2%", ind("gdp", 380.5, change_pct=6.2),
     "period: expected period: 1—9月 (the report's title or the head of its paragraph gives a part of the year)",
     "the head of the paragraph gives the period of its figures", None),
    (["宁川高新区2024年1—9月经济运行情况", "全区经济运行总体平稳。预计全年实现地区生产总值510亿元,增长6%左右。"],
     "预计全年实现地区生产总值510亿元,增长6%左右",
     ind("gdp", 510, change_pct=6, qualifier="预计", change_qualifier="左右"),
     ACCEPT, "a nine-month note's full-year estimate says 全年", None),
    (["宁川高新区2024年经济运行情况",
      "地区生产总值增速比1—6月加快0.5个百分点。全区实现地区生产总值512.3亿元,增长7.2%。"],
     "全区实现地区生产总值512.3亿元,增长7.2%", ind("gdp", 512.3, change_pct=7.2), ACCEPT,
     "an earlier sentence compares with 1—6月: that is not the passage's period", None),
    (["高新区1—9月实现规上工业总产值612亿元,同比增长8%。", "实现地区生产总值512.3亿元,增长7.2%。"],
     "实现地区生产总值512.3亿元,增长7.2%", ind("gdp", 512.3, change_pct=7.2), ACCEPT,
     "a text saved without its title: its first paragraph is prose, not a title that dates the rest", None),
    (HALF_TABLE[1:], "地区生产总值|亿元|236.40|6.9", ind("gdp", 236.4, change_pct=6.9),
     "period: expected period: 1-6月 (the table's caption or column gives a part of the year)",
     "a table without a caption: its amount column is headed 1-6月", None),
    (["2016年主要经济指标", "2016年1—9月,全区经济平稳运行,主要指标好于预期。", *MONTHS_TABLE[1:]],
     "地区生产总值|亿元|512.30|7.2", ind("gdp", 512.3, change_pct=7.2), ACCEPT,
     "a sentence of prose above a 1-12月 table is not the table's caption", None),
    ("截至12月底,全区有效发明专利4382件,同比增长16.7%", None, ind("valid_invention_patents", 4382, change_pct=16.7),
     ACCEPT, "截至12月底 is the year's end, not a part of the year", None),
    ("全年规上工业总产值812.45亿元,增长7.6%,增速比1—6月加快0.5个百分点", "全年规上工业总产值812.45亿元,增长7.6%",
     ind("industrial_output_above_scale", 812.45, change_pct=7.6), ACCEPT,
     "a period named after the quote belongs to another figure", None),
    ("规模以上工业总产值超700亿元,达到713.4亿元,增长10.6%", None,
     ind("industrial_output_above_scale", 713.4, change_pct=10.6), ACCEPT, "the exact amount after a round one", None),
    ("规模以上工业总产值超700亿元,达到713.4亿元,增长10.6%", None, ind("industrial_output_above_scale", 700),
     "value: expected 713.4亿元", "the round amount is a headline, the exact one the figure", None),
    ("新增國家級專精特新「小巨人」企業11家", None, ind("new_little_giant_enterprises", 11), ACCEPT,
     "「」 are the quotation marks of a traditional-character text", None),
    ("全年新引進各類高層次人才1,126人", None, ind("new_high_level_talents", 1126), ACCEPT,
     "高層次 reads as 高层次", None),
    ("国家高新技术企业总数达到896家,其中去年新认定132家", None, ind("new_national_high_tech_enterprises", 132),
     ACCEPT, "a change after its stock, the object named once", None),
    ("国家高新技术企业总数达到896家,新增研发机构12家", None, ind("new_national_high_tech_enterprises", 12),
     "quote: expected the quote to name", "新增 here counts 研发机构", None),
]  # fmt: skip


def problems_of(passage, quote, section: str, entry: dict, year: int = 2016) -> list[str]:
    paragraphs = passage if isinstance(passage, list) else [passage]
    source = Source(
        id="demo", title="示范", publisher="示范", kind="work-report", published=None, park="demo",
        paragraphs=paragraphs, covers=(year, year + 1),
    )  # fmt: skip
    claimed = {**entry, "source": "demo", "quote": quote if quote is not None else paragraphs[0]}
    if section == "targets":
        claimed["for_year"] = year + 1
    return entry_problems(section, claimed, source, ("demo", year), CATALOGUE)


@pytest.mark.parametrize(
    ("passage", "quote", "claim", "answer", "why", "report"), ROWS, ids=[f"{n}-{row[4]}" for n, row in enumerate(ROWS)]
)
def test_the_careful_editors_answer(passage, quote, claim, answer, why, report):
    found = problems_of(passage, quote, *claim, year=YEAR_OF.get(report, 2016))
    if answer is ACCEPT:
        assert found == [], why
    else:
        pieces = answer.split(" … ")  # " … " stands for words that may change (a catalogue's list of aliases)
        matching = [problem for problem in found if all(piece in problem for piece in pieces)]
        assert matching, (why, found)
        assert all(problem.split(":")[0].endswith(answer.split(":")[0]) for problem in matching)


def test_the_table_is_large_and_balanced():
    answers = [row[3] for row in ROWS]
    assert len(ROWS) >= 80
    assert answers.count(ACCEPT) >= 30 and len(answers) - answers.count(ACCEPT) >= 40


def test_rows_from_the_reports_stand_in_the_archived_texts():
    reports = (PROJECT / "data" / "sources").glob("*.txt")
    texts = {path.stem: normalize(path.read_text(encoding="utf-8")) for path in reports}
    missing = [row[0] for row in ROWS if row[5] is not None and normalize(row[0]) not in texts[row[5]]]
    assert missing == []
