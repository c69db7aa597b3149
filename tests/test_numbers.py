"""The number matcher (generator/reading/numbers.py) against real phrasings of the reports.

Rows marked with a report name are verbatim passages of that report (the test below proves they stand in the
archived text under data/sources/); rows marked None are variants a report could write (full-width digits,
declines: none of the five reports has either).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.reading.numbers import find_change_pct, find_figure, find_numbers, normalize
from generator.reading.quotes import invisible_in
from generator.reading.words import QUALIFIERS

SOURCES = Path(__file__).resolve().parent.parent / "data" / "sources"
X16, X20, X22, X25, XY14 = (
    "xiamen-torch-2016-work-report",
    "xiamen-torch-2020-blueprint",
    "xiamen-torch-2022-review",
    "xiamen-torch-2025-work-report",
    "xinyu-2014-work-summary",
)

# (value, unit as curated, quote as the report writes it, the hedge the matcher must see or None, source)
FOUND = [
    (2145.69, "亿元", "高新区完成规模以上工业总产值2145.69亿元,同比增长8%", None, X16),
    (0.0958, "亿元", "兑现增产多销奖励政策资金958万元", None, X16),  # 万元 converted to the catalogue's 亿元
    (958, "万元", "兑现增产多销奖励政策资金958万元", None, X16),
    (300, "亿元", "规模以上互联网软件业实现营收近300亿元,增速近9%", "近", X22),
    (1100, "条", "汇集项目线索超1100条", "超", X25),
    (2.9, "亿美元", "实际利用外资约2.9亿美元", "约", X25),
    (1500, "家", "国家级高新技术企业预计突破1500家", "预计突破", X22),
    (1.5, "万平方米", "建成1.5万平方米人工智能专业孵化器", None, X25),
    (15000, "平方米", "建成1.5万平方米人工智能专业孵化器", None, X25),
    (165, "%", "合同外资4.94亿美元,完成计划的 165%", None, X16),
    (4.94, "亿美元", "合同外资4.94亿美元,完成计划的 165%", None, X16),
    (20, "家", "激励20多家企业经营团队稳产及增产", "多", X16),
    (3626, "亿元", "完成规模以上工业总产值3626亿\n\n元,增长3.9%", None, X22),  # the page layout breaks the number
    (36260000, "万元", "完成规模以上工业总产值3626亿\n\n元,增长3.9%", None, X22),
    (43.3, "亿元", "一般公共预算总收入43.3 亿元", None, X16),
    (1800, "亿元", "新签约项目总投资1800亿元以上", "以上", X25),
    (10, "个", "争取年内引进10个以上高能级项目", "以上", X20),
    (130, "家", "力争全年净增国高企业130家以上", "以上", X20),
    (5000, "万元", "兑现高新区区级扶持资金超过5000万元", "超过", X16),
    (1000, "家", "总数突破1000家", "突破", X20),
    (8000, "万元", "为企业减免房租近8000万元", "近", X22),
    (1.5, "亿元", "兑付扶持资金约1.5亿元", "约", X25),
    (34, "万平方米", "已出租(出售)面积达34万余平方米", "余", XY14),
    (70, "所", "深度对接清华、浙大等70余所高校", "余", X25),
    (10, "次", "组织10余次安全生产专项行动", "余", X16),
    (10, "个", "台湾美日丰创光罩等十余个配套项目", "余", X16),  # a Chinese numeral
    (2, "家", "新增唯科、嘉戎等两家上市公司", None, X22),
    (4150, "亩", "全年出让产业用地23宗,面积超4150亩", "超", X22),
    (23, "宗", "全年出让产业用地23宗,面积超4150亩", None, X22),
    (2334, "亩", "出让产业用地2334亩", None, X25),
    (1698, "套", "筹集了人才公寓及公租房1698套(间)", None, X16),
    (153, "件", "专利授权量153件", None, XY14),
    (60, "项", "企业获各级科技奖60项", None, X25),
    (699, "人", "新增市级以上高层次人才699名", None, X25),  # 名 counts as 人
    (1.5, "万人", "新增就业人数1.5万人", None, XY14),
    (15000, "人", "新增就业人数1.5万人", None, XY14),
    (5.78, "万亿", "紧盯国家下达5.78万亿重大项目投资机遇", None, XY14),
    (42, "亿元", "实现利税42亿元,同比增长18.51%", None, XY14),
    (2.9, "个百分点", "高于全市增速2.9个百分点", None, X16),
    (1130, "家", "有1130家企业通过达标评审", None, X16),
    (2000, "套", "提供人才公寓等市级公租房2000套 全力推进千亿投资工程", None, X20),
    # not in a report: full-width digits and point, a thousands separator
    (2145.69, "亿元", "规模以上工业总产值２１４５．６９亿元", None, None),
    (1500, "家", "国家级高新技术企业预计突破１５００家", "预计突破", None),
    (1234.5, "亿元", "全年实现地区生产总值1,234.5亿元", None, None),
]

# (value, unit, quote, why it must not be found)
NOT_FOUND = [
    (2145.6, "亿元", "高新区完成规模以上工业总产值2145.69亿元", "wrong value"),
    (2145.69, "万元", "高新区完成规模以上工业总产值2145.69亿元", "wrong scale"),
    (958, "亿元", "兑现增产多销奖励政策资金958万元", "万元 not converted"),
    (9.58, "亿元", "兑现增产多销奖励政策资金958万元", "converted by the wrong power of ten"),
    (2.9, "亿元", "实际利用外资约2.9亿美元", "yuan for dollars"),
    (1100, "个", "汇集项目线索超1100条", "wrong counting word"),
    (1.5, "平方米", "建成1.5万平方米人工智能专业孵化器", "万 dropped"),
    (15000, "万平方米", "建成1.5万平方米人工智能专业孵化器", "万 applied twice"),
    (165, "个", "合同外资4.94亿美元,完成计划的 165%", "a percentage is not a count"),
    (8, "家", "同比增长8%", "right number, wrong unit"),
    (3, "亿美元", "实际利用外资3.65亿美元", "a prefix of the number"),
    (65, "亿美元", "实际利用外资3.65亿美元", "a suffix of the number"),
    (3626, "亿元", "完成规模以上工业总产值3626万元", "wrong multiplier in the quote"),
    (2.9, "%", "高于全市增速2.9个百分点", "points are not percent"),
    (18.51, "亿元", "实现利税42亿元,同比增长18.51%", "the growth rate is not the amount"),
]


@pytest.mark.parametrize(("value", "unit", "quote", "hedge", "source"), FOUND, ids=[str(row[:2]) for row in FOUND])
def test_real_phrasings_are_read(value, unit, quote, hedge, source):
    match = find_figure(value, unit, quote)
    assert match.found, match.reason
    assert (match.hedges[0] if match.hedges else None) == hedge


@pytest.mark.parametrize(("value", "unit", "quote", "why"), NOT_FOUND, ids=[row[3] for row in NOT_FOUND])
def test_wrong_figures_are_not_found(value, unit, quote, why):
    match = find_figure(value, unit, quote)
    assert not match.found
    assert match.reason


def test_the_reason_names_the_unit_when_only_the_unit_is_wrong():
    match = find_figure(1100, "个", "汇集项目线索超1100条")
    assert match.reason == "the number stands in the quote but is followed by '条', not the unit '个'"


def test_the_table_rows_stand_in_the_archived_reports():
    """Keeps the table honest: each row marked with a source is a verbatim passage of it."""
    texts = {path.stem: normalize(path.read_text(encoding="utf-8")) for path in SOURCES.glob("*.txt")}
    missing = [
        (source, quote)
        for *_, quote, _, source in FOUND
        if source is not None and normalize(quote) not in texts.get(source, "")
    ]
    assert not missing
    assert sum(1 for row in FOUND if row[-1] is not None) >= 25


# (change_pct, quote, found, source)
CHANGES = [
    (8, "规模以上工业总产值2145.69亿元,同比增长8%", True, X16),
    (8.0, "规模以上工业总产值2145.69亿元,同比增长8%", True, X16),
    (8.3, "规模以上工业增加值461.42亿元,同比增长8.3%", True, X16),
    (18.51, "实现利税42亿元,同比增长18.51%", True, XY14),
    (3.9, "完成规模以上工业总产值3626亿\n\n元,增长3.9%", True, X22),
    (9, "规模以上互联网软件业实现营收近300亿元,增速近9%", True, X22),
    (27.4, "全社会固定资产投资增长27.4%", True, X22),
    (167.2, "同比增长167.2%", True, X22),
    (10, "实现同比增长10%以上", True, XY14),
    # not in a report (none of the five reports a decline)
    (-3.2, "出口总额同比下降3.2%", True, None),
    (-3.2, "出口总额同比减少3.2%", True, None),
    (-3.2, "营业收入下降了3.2%", True, None),
    (-3.2, "利润总额增长-3.2%", True, None),
    (8.1, "同比增长８．１％", True, None),
    # wrong sign, wrong number, not a percentage
    (3.2, "出口总额同比下降3.2%", False, None),
    (-8, "规模以上工业总产值2145.69亿元,同比增长8%", False, X16),
    (8, "规模以上工业增加值461.42亿元,同比增长8.3%", False, X16),
    (2.9, "高于全市增速2.9个百分点", False, X16),
    (2145.69, "规模以上工业总产值2145.69亿元,同比增长8%", False, X16),
    (165, "合同外资4.94亿美元,完成计划的 165%", True, X16),  # the matcher reads any percentage
]


@pytest.mark.parametrize(("change", "quote", "found", "source"), CHANGES, ids=[f"{r[0]}-{r[2]}" for r in CHANGES])
def test_change_pct(change, quote, found, source):
    assert find_change_pct(change, quote).found is found


def test_wrong_sign_is_explained():
    assert find_change_pct(3.2, "出口总额同比下降3.2%").reason == "the quote gives the growth with the opposite sign"


def test_change_pct_rows_stand_in_the_archived_reports():
    texts = {path.stem: normalize(path.read_text(encoding="utf-8")) for path in SOURCES.glob("*.txt")}
    assert not [(s, q) for _, q, _, s in CHANGES if s is not None and normalize(q) not in texts.get(s, "")]


@pytest.mark.parametrize(
    ("value", "unit", "quote", "hedges"),
    [
        (2.9, "亿美元", "实际利用外资约2.9亿美元", ("约",)),
        (1100, "条", "汇集项目线索超1100条", ("超",)),
        (1500, "家", "国家级高新技术企业预计突破1500家", ("预计突破", "突破")),
        (1800, "亿元", "新签约项目总投资1800亿元以上", ("以上",)),
        (20, "家", "激励20多家企业", ("多",)),
        (34, "万平方米", "已出租(出售)面积达34万余平方米", ("余",)),
        (2145.69, "亿元", "高新区完成规模以上工业总产值2145.69亿元", ()),
        (699, "人", "新增市级以上高层次人才699名", ()),  # 以上 before the number is not its hedge
    ],
)
def test_every_hedge_next_to_the_number(value, unit, quote, hedges):
    match = find_figure(value, unit, quote)
    assert match.found
    assert match.hedges == hedges


@settings(max_examples=150, deadline=None, derandomize=True)
@given(
    number=st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
    written=st.sampled_from(["亿元", "万元", "元"]),
    stored=st.sampled_from(["亿元", "万元", "元"]),
    full_width=st.booleans(),
    broken=st.booleans(),
)
def test_any_amount_is_found_in_any_catalogue_scale(number, written, stored, full_width, broken):
    """`<number><written unit>` in a quote reads as the same amount in the stored unit, and not as a neighbour."""
    scale = {"亿元": Decimal(10) ** 8, "万元": Decimal(10) ** 4, "元": Decimal(1)}
    text = format(number.normalize(), "f")
    if full_width:
        text = text.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))
    quote = f"全年实现营业收入{text}{written[:-1]}{chr(10) if broken else ''}{written[-1]},同比增长5%"
    value = number * scale[written] / scale[stored]
    assert find_figure(float(value), stored, quote).found
    assert not find_figure(float(value * 10 + 1), stored, quote).found


# --- cases that were generator bugs -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "quote"), [(5, "出口下降5%,进口增长5%"), (-5, "出口增长5%,进口下降5%")], ids=["growth", "decline"]
)
def test_change_pct_after_an_equal_one_of_the_other_sign(change, quote):
    assert find_change_pct(change, quote).found


@pytest.mark.parametrize("quote", ["营收将近300亿元", "营收接近300亿元", "预计超过300亿元"])
def test_the_hedge_offered_is_a_qualifier_editors_can_write(quote):
    match = find_figure(300, "亿元", quote)
    assert match.found and match.hedges[0] in QUALIFIERS


@pytest.mark.parametrize("quote", ["科技型中小企业分别新增120,230家", "科技型中小企业分别新增120，230家"])
def test_two_numbers_separated_by_a_comma(quote):
    assert find_figure(120, "家", quote).found or find_figure(230, "家", quote).found


def test_a_word_ending_in_a_hedge_character_is_not_a_hedge():
    assert find_figure(3, "年", "最近3年累计引进项目120个").hedges == ()


@pytest.mark.parametrize("value", [float("nan"), float("inf")], ids=["nan", "inf"])
def test_non_finite_value_is_not_found(value):
    assert not find_figure(value, "亿元", "规模以上工业总产值2145.69亿元").found


# --- whole numbers, signs, ranges ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("地区生产总值1,200亿元", [Decimal("1.2e11")]),  # one number, never 200
        ("规上工业总产值2,145.69亿元", [Decimal("2.14569e11")]),
        ("利润-5亿元", [Decimal("-5e8")]),  # a minus sign keeps its sign
        ("增长－3.2%", [Decimal("-3.2")]),  # full-width minus
        ("1-9月", [Decimal(1), Decimal(9)]),  # a dash between digits is a range, not a sign
        ("营收300多亿元", [Decimal("3e10")]),  # 多 between the digits and 亿
        ("21,45家", [Decimal(21)]),  # not grouped in threes: 45 is not read from inside it
    ],
)
def test_numbers_are_read_whole_with_their_sign(text, amounts):
    assert [token.amount for token in find_numbers(text)] == amounts


@pytest.mark.parametrize(("text", "in_range"), [("200-300亿元", True), ("200至300亿元", True), ("300亿元", False)])
def test_a_range_is_seen_from_its_end(text, in_range):
    assert find_numbers(text)[-1].in_range is in_range


@pytest.mark.parametrize("quote", ["全年统一批复项目", "唯一一家", "同一批次"])
def test_a_numeral_inside_a_word_is_not_a_count(quote):
    assert not find_figure(1, "批", quote).found and not find_figure(1, "家", quote).found


def test_invisible_characters_are_named():
    assert invisible_in("21\u200b45亿元\u00ad") == "U+00AD U+200B"
    assert invisible_in("2145亿元") is None


@pytest.mark.parametrize(
    ("change", "quote", "found"),
    [(-5, "降幅为5%", True), (5, "降幅为5%", False), (-6, "同比下跌6%", True), (-4, "萎缩4%", True),
     (-3, "负增长3%", True), (9, "增速回落至9%", True), (-9, "增速回落至9%", False)],
)  # fmt: skip
def test_decline_words_give_the_sign(change, quote, found):
    assert find_change_pct(change, quote).found is found


# Numbers as written in Chinese numerals or mixed forms, read through cn2an: (value, unit, quote, hedge).
CHINESE_NUMERALS = [
    (100, "亿元", "实现营业收入逾百亿元", "逾"),
    (0.3, "亿元", "完成投资三千万元", None),
    (3000, "万元", "完成投资三千万元", None),
    (12700, "亿元", "营业收入1.27万亿元", None),
    (12, "家", "新增上市企业十二家", None),
    (1000, "家", "集聚企业近千家", "近"),
    (123, "亿元", "税收一百二十三亿元", None),
    (3.5, "亿元", "出口三点五亿元", None),
    (12000, "家", "市场主体一万二千家", None),
]


@pytest.mark.parametrize(
    ("value", "unit", "quote", "hedge"), CHINESE_NUMERALS, ids=[row[2] for row in CHINESE_NUMERALS]
)
def test_chinese_numerals_and_mixed_forms_are_read(value, unit, quote, hedge):
    match = find_figure(value, unit, quote)
    assert match.found, match.reason
    assert (match.hedges[0] if match.hedges else None) == hedge


@pytest.mark.parametrize("quote", ["十四五规划", "百家争鸣", "统一批复", "第一批", "千企万户"])
def test_words_made_of_numerals_are_not_numbers(quote):
    from generator.reading.numbers import find_chinese_numbers

    assert find_chinese_numbers(quote) == []


def test_a_percentage_in_words_is_a_growth():
    assert find_change_pct(5, "同比增长百分之五").found
    assert find_change_pct(12.5, "比上年增长百分之十二点五").found
    assert find_change_pct(-5, "同比下降百分之五").found
    assert not find_change_pct(5, "同比下降百分之五").found
