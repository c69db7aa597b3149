"""Figures: the numbers of a clause that count something, with their units.

Page furniture is not a figure: dates and periods (2024年, 1至9月, 1—9月), times, document and
serial numbers, phone numbers, postcodes and registration numbers, addresses (1888号),
anniversaries (30周年), ordinals and ranks (第3位, 500强), list marks, and numbers with no unit.
"""

from __future__ import annotations

import re
from decimal import Decimal

from generator.reading.numbers import NumberToken, find_chinese_numbers, find_numbers, in_yuan_unsaid, split_unit
from generator.reading.script import simplified
from generator.reading.words import INNER_HEDGES, TIME_UNITS, UNIT_SYNONYMS, UNIT_WORDS

_LIST_MARK = re.compile(r"^[.、．)）]")
_DATE_AFTER = re.compile(rf"^(年|{'|'.join(TIME_UNITS)}|-\d|/\d|届)")
_LETTER = re.compile(r"[A-Za-z]")
_YEAR_WORDS = ("蓝图", "展望", "规划", "计划", "版", "愿景", "远景")  # 2035远景目标: the long-range goals' year
# What may follow a year-like number that is an amount: a multiplier or a unit (2000亿元, 2019.5亿元, 2023家).
_AMOUNT_AFTER = re.compile(
    "[万亿千百]|" + "|".join(re.escape(unit) for unit in sorted(UNIT_WORDS, key=len, reverse=True))
)
_NOT_A_COUNT = ("大", "强", "省道", "国道", "县道")
_TELEPHONE_BEFORE = re.compile(r"电话[:：]?\s*(?:\d{3,4}\s*[-—–]\s*)?$")

UNITS = sorted(UNIT_WORDS, key=len, reverse=True)  # longest first
_MONEY_AND_COUNTS = ("元", "美元", "欧元", "家", "个", "件", "项", "人", "名", "%")
COUNT_UNITS = "家个人名位项件所座套户"
# What follows a number that is a date, a span of months or an anniversary rather than an amount.
_NOT_AMOUNT_AFTER = re.compile(r"^(至\d|[—–~-]\d|周年|年度|强|号|届|次会议|版)")
# What stands before a number that is a phone number, a postcode or a registration code.
_CODE_BEFORE = re.compile(r"(电话|传真|热线|邮编|邮政编码|标识码|备案号|备|编号|代码|索引号|[-—])[:：]?$")


def is_date(token: NumberToken) -> bool:
    """2016年, 1月, 13日, 2023-12: a date (or a time), not an amount."""
    return not token.multiplier and bool(_DATE_AFTER.match(token.after))


def is_counted(token: NumberToken, paragraph: str) -> bool:
    """Numbers with a unit count; dates, document numbers, ordinals and list marks do not."""
    after, before = token.after, token.before
    if not after or not re.match(r"[\u4e00-\u9fff%]", after):
        return in_yuan_unsaid(token, after)  # no unit: 1+N, G20, a bare number; but 增至67.4亿, counts money
    if _LETTER.match(after) or (before and _LETTER.match(before[-1])):
        return False  # 5G, ISO9001
    if is_date(token):
        return False  # 2016年, 1月, 13日, 十四五 years
    if re.fullmatch(r"(19|20)\d\d", str(token.number)) and (
        after.startswith(_YEAR_WORDS) or not (token.multiplier or _AMOUNT_AFTER.match(simplified(after)))
    ):
        return False  # 2020蓝图, 2023展望, 2023政法…创新案例, 2021沈阳浑南区: a year naming what follows, no amount
    if after.startswith(_NOT_A_COUNT):
        return False  # “3大战略”, 世界500强: a slogan's parts, a ranking's class; 338省道: a road's number
    if _TELEPHONE_BEFORE.search(paragraph[max(0, token.start - 16) : token.start]):
        return False  # 举报电话:0591-87275327
    if before.endswith(("〔", "[", "【")):
        return False  # 〔2026〕4号
    if before.endswith((":", ":")) and before[-2:-1].isdigit():
        return False  # 16:21
    if before.endswith("第"):
        return False  # 第14位
    if token.start == 0 and _LIST_MARK.match(after):
        return False  # 1. 2、 (1)
    if before.endswith(("(", "（")) and _LIST_MARK.match(after):
        return False
    return True


def unit_of(token: NumberToken) -> str:
    """The unit written after a number (with its multiplier: 亿元, 万平方米), after any 多/余 hedge; "" if none."""
    tail = token.after
    for hedge in INNER_HEDGES:
        if tail.startswith(hedge):
            tail = tail[len(hedge) :]
            break
    unit = next((u for u in UNITS if tail.startswith(u)), None)
    if unit is None and in_yuan_unsaid(token, tail):
        return f"{token.multiplier}元"
    if unit is None:
        return ""  # 5.78万亿重大项目: a bare multiplier before other words is no unit, so no figure
    return f"{token.multiplier}{unit}"


def plain_number(value: Decimal) -> int | float:
    """A decimal as the plainest YAML number (0.0958, 2000, 1234.5)."""
    value = value.normalize()
    if value == value.to_integral_value():
        return int(value)
    return float(format(value, "f"))


def in_unit(token: NumberToken, unit: str) -> int | float:
    """The token's amount expressed in `unit` (958万元 in 亿元 → 0.0958)."""
    scale, _ = split_unit(unit)
    return plain_number(token.amount / scale)


def compatible(written: str, wanted: str) -> bool:
    """Whether a unit as written can be converted to the catalogue unit (万元 → 亿元, 名 → 人)."""
    base, wanted_base = split_unit(written)[1], split_unit(wanted)[1]
    return bool(base) and (base == wanted_base or base in UNIT_SYNONYMS.get(wanted_base, ()))


def is_furniture(token: NumberToken, text: str) -> bool:
    """Whether a number is a date, a code, an address, an anniversary or an ordinal, not a figure."""
    if _NOT_AMOUNT_AFTER.match(token.after):
        return True
    if _CODE_BEFORE.search(token.before):
        return True
    digits = text[token.start : token.end]
    if not token.multiplier and "." not in digits and len(digits) >= 6 and not unit_of(token):
        return True  # a long bare number: a phone number, a code
    return False


def counted(text: str) -> list[NumberToken]:
    """Numbers that count something, with a unit (dates, codes, list marks and ranks left out)."""
    found = []
    for token in find_numbers(text):
        if is_furniture(token, text) or not unit_of(token):
            continue
        acronym = token.before[-1:].isascii() and token.before[-1:].isupper() and token.before[-2:-1].isupper()
        if is_counted(token, text) or (acronym and unit_of(token)[len(token.multiplier) :] in _MONEY_AND_COUNTS):
            found.append(token)  # GDP1234亿元 counts; ISO9001, G20 do not
    return found


def chinese_counts(text: str) -> list[NumberToken]:
    """Numbers in Chinese numerals that count or measure (两家, 三个, 三千万元, 逾百亿元): for indicators only."""
    return [
        t
        for t in find_chinese_numbers(text)
        if (t.after[:1] and t.after[0] in COUNT_UNITS) or (t.multiplier and unit_of(t) != t.multiplier)
    ]


def unit_end(token: NumberToken) -> int:
    """Where the unit written after a number ends (after a 多/余 hedge too)."""
    hedge = 1 if token.after[:1] in INNER_HEDGES else 0
    written = unit_of(token)[len(token.multiplier) :]
    return token.end + hedge + (len(written) if token.after[hedge:].startswith(written) else 0)
