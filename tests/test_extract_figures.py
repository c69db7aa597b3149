"""Figures (generator/reading/figures.py): amounts count, page furniture does not."""

from __future__ import annotations

from decimal import Decimal

from generator.reading.figures import compatible, counted, in_unit
from generator.reading.numbers import find_numbers


def _values(text: str) -> list[str]:
    return [text[t.start : t.end] for t in counted(text)]


def test_dates_periods_codes_addresses_anniversaries_and_ranks_are_not_figures():
    assert _values("1至9月,全区营业收入512亿元") == ["512亿"]
    assert _values("1—9月实现增加值45亿元") == ["45亿"]
    assert _values("联系电话:0791-86551234地址:凤栖市高新大道1888号") == []
    assert _values("邮编:650106联系电话:0871-68123456") == []
    assert _values("园区成立30周年系列活动圆满举办") == []
    assert _values("高企数量居全省高新区第3位") == []
    assert _values("2025年01月20日发布") == []
    assert _values("新建人才公寓1200套,新增企业20家") == ["1200", "20"]


def test_amounts_in_wan_yuan_are_converted_to_the_catalogue_unit():
    token = next(t for t in find_numbers("实现净利润1123456万元") if t.after.startswith("万元") or t.multiplier)
    assert in_unit(token, "亿元") == 112.3456
    assert compatible("万元", "亿元") and compatible("名", "人") and not compatible("亿元", "亿美元")
    assert Decimal(str(in_unit(token, "万元"))) == Decimal("1123456")
