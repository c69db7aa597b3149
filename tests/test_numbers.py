"""The number matcher against real phrasings from the five reports."""

from __future__ import annotations

import pytest

from generator.numbers import find_change_pct, find_figure

# (value, unit, quote as the report writes it, hedge expected next to the number or None)
FOUND = [
    (2145.69, "亿元", "高新区完成规模以上工业总产值2145.69亿元,同比增长8%", None),
    (0.0958, "亿元", "兑现增产多销奖励政策资金958万元", None),
    (958, "万元", "兑现增产多销奖励政策资金958万元", None),
    (300, "亿元", "规模以上互联网软件业实现营收近300亿元,增速近9%", "近"),
    (1100, "条", "汇集项目线索超1100条", "超"),
    (2.9, "亿美元", "实际利用外资约2.9亿美元", "约"),
    (1500, "家", "国家级高新技术企业预计突破1500家", "预计突破"),
    (1.5, "万平方米", "建成1.5万平方米人工智能专业孵化器", None),
    (15000, "平方米", "建成1.5万平方米人工智能专业孵化器", None),
    (165, "%", "合同外资4.94亿美元,完成计划的 165%", None),
    (20, "家", "激励20多家企业经营团队稳产及增产", "多"),
    (34, "万平方米", "已出租(出售)面积达34万余平方米", "余"),
    (3626, "亿元", "完成规模以上工业总产值3626亿\n元,增长3.9%", None),
    (43.3, "亿元", "一般公共预算总收入43.3 亿元", None),
    (2145.69, "亿元", "规模以上工业总产值２１４５．６９亿元", None),
    (1234.5, "亿元", "全年实现地区生产总值1,234.5亿元", None),
    (1800, "亿元", "新签约项目总投资1800亿元以上", "以上"),
    (5.78, "万亿", "紧盯国家下达5.78万亿重大项目投资机遇", None),
    (699, "人", "新增市级以上高层次人才699名", None),
    (2, "家", "新增唯科、嘉戎等两家上市公司", None),
    (1.5, "万人", "新增就业人数1.5万人", None),
    (4.94, "亿美元", "合同外资4.94亿美元", None),
    (10, "个", "争取年内引进10个以上高能级项目", "以上"),
    (2.9, "个百分点", "高于全市增速2.9个百分点", None),
    (1130, "家", "有1130家企业通过达标评审", None),
    (8000, "万元", "为企业减免房租近8000万元", "近"),
]

NOT_FOUND = [
    (2145.6, "亿元", "高新区完成规模以上工业总产值2145.69亿元"),  # wrong value
    (2145.69, "万元", "高新区完成规模以上工业总产值2145.69亿元"),  # wrong scale
    (8, "家", "同比增长8%"),  # right number, wrong unit
    (958, "亿元", "兑现增产多销奖励政策资金958万元"),  # unconverted 万
    (3, "亿美元", "实际利用外资3.65亿美元"),  # a prefix of the number is not the number
]


@pytest.mark.parametrize(("value", "unit", "quote", "hedge"), FOUND)
def test_real_phrasings_are_read(value, unit, quote, hedge):
    match = find_figure(value, unit, quote)
    assert match.found, match.reason
    assert (match.hedges[0] if match.hedges else None) == hedge


@pytest.mark.parametrize(("value", "unit", "quote"), NOT_FOUND)
def test_wrong_figures_are_not_found(value, unit, quote):
    assert not find_figure(value, unit, quote).found


@pytest.mark.parametrize(
    ("change", "quote", "found"),
    [
        (8, "规模以上工业总产值2145.69亿元,同比增长8%", True),
        (8.3, "规模以上工业增加值461.42亿元,同比增长8.3%", True),
        (18.51, "实现利税42亿元,同比增长18.51%", True),
        (-3.2, "出口总额同比下降3.2%", True),
        (3.2, "出口总额同比下降3.2%", False),  # the sign is read
        (-8, "同比增长8%", False),
        (9, "增速近9%", True),
        (8.1, "同比增长８．１%", True),
        (3.9, "同比增长3.9个百分点", False),  # points are not a growth rate
    ],
)
def test_change_pct(change, quote, found):
    assert find_change_pct(change, quote).found is found
