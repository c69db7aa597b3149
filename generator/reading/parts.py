"""The part of the year, the part of the park and the year a text speaks of, and the hedge that governs a clause.

* A period (1—9月, 1至9月, 前三季度, 上半年, 截至9月底) named in a heading holds until the next
  heading (in the document's title: for the whole document); named at the opening of a paragraph it
  holds for the paragraph; inside a sentence, from its clause to the end of the sentence. 全年 and
  全年预计 bring the whole year back.
* A part of the park (主园区, 核心区, a named 科技园/产业园/片区) that opens a clause, as the subject
  of what follows, holds to the end of the sentence or until 全区/高新区 takes over again.
* 预计 opening a clause governs every figure after it in the sentence (预计全年完成…亿元,…亿元).
* A year (2015年) names the time of what follows, unless it is a comparison or a start (比2015年, 自2015年以来).
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from generator.reading.hedges import counted_at_a_date
from generator.reading.numbers import chinese_value, normalize
from generator.reading.script import simplified
from generator.reading.text import LIST_MARK
from generator.reading.words import (
    AS_OF_A_DATE,
    FORECAST,
    LIST_MARKS,
    NEW_VERBS,
    REPORT_VERBS,
    SCOPE_WORDS,
    WHOLE_PARK,
    WHOLE_YEAR_WORDS,
    YEAR_BEFORE_BASES,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from generator.reading.clauses import Clause, Sentences

# --- the part of the year ---------------------------------------------------------------------------------------

_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DASH = r"[-－—–~～至到]"
# 1-9月, 1至9月, 1月至9月, 一至九月, 1—11月份; 上半年; 前三季度, 1-3季度; 前9个月; 截至9月底; 9月末; and the reports
# of a part of the year as the press names them: 半年报 (上半年), 一季报 (一季度), 三季报 (前三季度).
PERIOD = re.compile(
    rf"{_MONTH}月?{_DASH}{_MONTH}月份?|[上下]半年|前[一二三两1-3]季度|[一二三1-3]{_DASH}[二三四2-4]季度|第?[一二三四1-4]季度"
    r"|(?<![上下])半年[报報]|[一三]季[报報]"
    rf"|前{_MONTH}个月|截[至止](?:(?:19|20)\d\d年)?{_MONTH}月[底末份]?|(?<![0-9]){_MONTH}月[底末]"
    rf"|(?<![0-9\-－—–~～至到]){_MONTH}月份"  # 1月份: a single month's figures
)


# The year so far, up to the time of writing (今年以来, 年初以来): a part of the year in a report written before
# its end.
SO_FAR = re.compile(r"(?<![比较与同])(?:今年|年初)以来")


def _month_number(text: str) -> str:
    return str(int(text)) if text.isdigit() else str(int(chinese_value(text)))


# The press's names of the report of a part of the year, as the part they report.
_REPORT_OF_PERIOD = {"半年报": "上半年", "一季报": "一季度", "三季报": "前三季度"}


def period_named(period: str) -> str:
    """A period as the yearbook names it: the press's name of a report (半年报) as the part of the year it reports
    (上半年); any other as the report writes it."""
    return _REPORT_OF_PERIOD.get(simplified(period), period)


def period_key(text: str) -> str:
    """A period written any way reduced to one spelling: 1至9月, 一至九月, 1—9月份 → 1-9月; 截至11月底 → 11月底."""
    text = simplified(normalize(text)).translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    text = _REPORT_OF_PERIOD.get(text, text)
    # 截至11月底, 截至2018年11月, 截止11月份: a count at the end of November, 11月底
    text = re.sub(rf"^截[至止](?:(?:19|20)\d\d年)?({_MONTH})月[底末份]?$", r"\1月底", text)
    text = re.sub(_DASH, "-", text).replace("月份", "月").replace("第", "").replace("两", "二").replace("月-", "-")
    text = re.sub(rf"^前({_MONTH})个月$", r"1-\1月", text)  # 前10个月 is 1-10月
    # 1-3季度 is the first to the third quarter, 1-9月
    quarters = re.fullmatch(r"([一二三1-3])-([二三四2-4])季度", text)
    if quarters:
        first, last = (int(_month_number(q)) for q in quarters.groups())
        return f"{3 * first - 2}-{3 * last}月"
    text = re.sub(_MONTH, lambda match: _month_number(match.group(0)), text)
    return _MONTHS_OF_PART.get(text, text)


def last_month(period: str) -> int | None:
    """The month a part of the year ends in (1至6月 and 上半年 → 6, 一季度 → 3, 截至11月底 → 11), or None."""
    found = re.fullmatch(r"(?:\d+-)?(\d+)月(?:底|末)?", period_key(period))
    return int(found.group(1)) if found else None


# The parts of the year named by halves and quarters, as the months they are: 上半年 is 1-6月, 前三季度 1-9月.
_MONTHS_OF_PART = {"上半年": "1-6月", "前2季度": "1-6月", "下半年": "7-12月", "1季度": "1-3月", "2季度": "4-6月",
                   "3季度": "7-9月", "4季度": "10-12月", "前3季度": "1-9月"}  # fmt: skip


# 2020年10月全区经济运行情况: a monthly note of the economy, its figures cumulative when its text says 累计.
_MONTH_NOTE = re.compile(rf"(?:19|20)\d\d年({_MONTH})月份?[^0-9,，。]{{0,12}}?(?:经济运行|主要经济指标|经济数据)")
_OPENING_PARAGRAPHS = 3  # where a monthly note says its figures are 累计 (主要经济指标累计降幅持续收窄)


def title_periods(title: str, opening: Iterable[str]) -> list[str]:
    """The part of the year a report's title gives all its figures: a period it names, or 1-N月 for a monthly note of
    month N whose opening paragraphs say its figures are cumulative (累计), as statistics offices write them."""
    named = periods_in(title)
    if named:
        return named
    note = _MONTH_NOTE.search(simplified(title))
    if note is None:
        return []  # most titles: no need to look further (this runs for every quote a report holds)
    prose = (paragraph for paragraph in opening if any(mark in paragraph for mark in "。，,"))  # not a date line
    cumulative = any("累计" in simplified(paragraph) for paragraph in itertools.islice(prose, _OPENING_PARAGRAPHS))
    if not cumulative:
        return []
    period = f"1-{_month_number(note.group(1))}月"
    return [period] if period_key(period) not in WHOLE_YEAR_PERIODS else []


# Words that tell of the whole year somewhere on a page (年度 and 年终 of a year's review too): its figures are not
# all of one part of it.
_WHOLE_YEAR_WORDS = re.compile("|".join((*WHOLE_YEAR_WORDS, "年度", "年终")))


def lead_periods(paragraphs: Iterable[str]) -> list[str]:
    """The part of the year an undated page's lead gives all its figures, when its title names neither a year nor a
    part of one: the period its first sentence of prose tells of (日前,西安高新区公布前三季度生产总值…), on a page that
    names no whole year."""
    paragraphs = list(paragraphs)
    if any(_WHOLE_YEAR_WORDS.search(simplified(paragraph)) for paragraph in paragraphs):
        return []
    prose = next((p for p in paragraphs if any(mark in p for mark in "。，,")), "")
    first = re.split(r"[。!！?？]", simplified(prose), maxsplit=1)[0]
    # 增速比1—6月加快: a period compared with is not the one told of
    return [period for period in periods_in(first) if not re.search(f"[比较]{re.escape(period)}", first)]


# Periods that run to the end of December are the whole year (1—12月, 截至12月底), not a part of it; December alone
# (12月份) is one month.
WHOLE_YEAR_PERIODS = frozenset(
    period_key(f"{start}12月{end}")
    for start in ("1-", "截至", "截止", "")
    for end in ("", "底", "末", "份")
    if start or end in ("底", "末")
)


def periods_in(text: str) -> list[str]:
    """The partial periods a text states, as written (a period to the end of December is the whole year)."""
    if "月" not in text and "半年" not in text and "季" not in text:
        return []  # most sentences: no pattern can match
    found = [match.group(0) for match in PERIOD.finditer(text) if not _CONTINUED.search(text, 0, match.start())]
    return [period for period in found if period_key(period) not in WHOLE_YEAR_PERIODS]


# A period a clause carries on from, or aims at, not the one its figures are of: 前三季度,…经济运行延续上半年稳定恢复…的
# 发展态势; 也将为…奋战四季度、夺取“全年红”储备充沛动能, 冲刺四季度.
_CONTINUED = re.compile(r"(?:延续|延续了|保持|保持了|承接|奋战|冲刺|决战|决胜|备战)(?:好)?$")


# --- the part of the park ---------------------------------------------------------------------------------------

# Not when 域 follows: 拓展区域创新生态 is "expand regional innovation".
_SCOPE_ALTERNATIVES = "|".join(sorted(SCOPE_WORDS, key=len, reverse=True))
SCOPE_PATTERN = re.compile(rf"(?:{_SCOPE_ALTERNATIVES})(?!域)")
# A customs zone by its name (成都高新综合保税区, 南宁综合保税区): the part as the report names it, the two characters
# (and 高新) before it; words that open a clause (其中, 全市, 实现…) are no name. Looked for only before a customs zone,
# so that the scope words are still found by their literal text (fast).
_CUSTOMS_ZONES = ("综合保税区", "保税区")
_CLAUSE_OPENINGS = ("其中", "全市", "全区", "全省", "我区", "我市", "区内", "园区", "以及", "实现", "完成")
_CUSTOMS_ZONE_NAME = re.compile(r"[\u4e00-\u9fff]{2}(?:高新)?$")


def _as_named(text: str, found: re.Match) -> str:
    """A scope word as the text names the part: a customs zone with its name before it, else the word."""
    scope = found.group(0)
    if scope not in _CUSTOMS_ZONES:
        return scope
    name = _CUSTOMS_ZONE_NAME.search(text, max(0, found.start() - 4), found.start())
    return name.group(0) + scope if name and not name.group(0).startswith(_CLAUSE_OPENINGS) else scope


# Each scope word's last character: a text with none of them names no part (most sentences; read fast). Derived, so a
# new scope word (产业带) is never skipped by the guard.
_SCOPE_MARKS = frozenset(word[-1] for word in SCOPE_WORDS)


def _may_name_a_part(text: str) -> bool:
    return any(mark in text for mark in _SCOPE_MARKS)


def scopes_in(text: str) -> list[str]:
    """The parts of a park a text names."""
    if not _may_name_a_part(text):
        return []
    return [_as_named(text, match) for match in SCOPE_PATTERN.finditer(text)]


# A clause opening on the park itself after a part's name (其中:区本级…130亿元,高新区…): the part no longer holds.
_PARK_AGAIN = re.compile(r"[,，;；、](?:高新区|全区|全园)")


def scopes_in_force(text: str) -> list[str]:
    """The parts of a park a text names that still hold at its end: not one that a later clause opening on the park
    itself sets aside (其中:区本级预计完成130亿元,高新区预计完成16.5亿元 is the park's 16.5亿元)."""
    if not _may_name_a_part(text):
        return []
    found = SCOPE_PATTERN.finditer(text)
    return [_as_named(text, match) for match in found if not _PARK_AGAIN.search(text, match.end())]


# --- totals over several years -----------------------------------------------------------------------------------

# 到2002年底累计吸收合同外资…: totals since the park began; 五年来…, “十三五”期间…, 过去五年…: over several years.
_NUMERAL = "[一二两三四五六七八九十\\d]+"
# A span of more than one year: 一年来, 过去一年 are the year itself.
_YEARS = rf"(?!一年|1年){_NUMERAL}年"
# What follows a span's first year: 1992年至2010年, 2016—2020年 (clauses.year_mentions dates the span by its end).
YEAR_SPAN_END = r"年?(?:至|到|—|-|~|～)(?:19|20)\d\d年"
_SPAN_OF_YEARS = re.compile(
    rf"^(?:(?:到|至|截至|截止到?)[^,，。;；]{{0,12}}(?:底|末)[,，]?累计|(?:19|20)\d\d{YEAR_SPAN_END}(?!底|末)"
    rf"|{_YEARS}来|过去{_YEARS}|近{_YEARS}|[“\"]?十[一二三四五六]五[”\"]?(?:以来|期间|时期))"
)


# A count made over a span after 累计 (累计培育国家高新技术企业102家): the firms the span added, not those of its end.
_MADE_OVER = re.compile(r"累计(?:新?培育|新?认定|新?引进|新增)")


def total_after_a_span(before: str, said: str, stock: bool = False) -> str | None:
    """The span of years an amount after 累计 totals when a sentence before it in its paragraph opened the span and
    none since named a year (“十三五”期间,…。…,累计实现财政总收入347.4亿元), or None. `before`: the paragraph before
    the amount's sentence; `said`: that sentence up to the amount. A list of amounts after 累计 is all such totals.
    A stock's count is such a total only after a verb of making (累计培育国家高新技术企业102家); 累计达到312家 is the
    stock at the span's end."""
    clauses = re.split(r"[,，;；:：]", said)
    if not (_MADE_OVER.search(clauses[-1]) if stock else _after_total(clauses)):
        return None
    return span_of_years(re.sub(r"[。!?！？]", ",", before) + "," + said)


def _after_total(clauses: list[str]) -> bool:
    """Whether the last clause is told after 累计: in it, or in a clause before it that the clauses between go on
    listing with no verb of their own (累计完成固定资产投资超2400亿元,实际利用外资34亿美元,进出口总额超6600亿元)."""
    for clause in reversed(clauses):
        if "累计" in clause:
            return True
        if any(verb in clause for verb in REPORT_VERBS):
            return False
    return False


# A rise from one amount to another (从1.46亿元增加到…, 由3.7亿元增长到…): the second is a level, not a total.
_RISE_TO_A_LEVEL = re.compile(
    r"[由从][^,，;；。]{0,20}?[\d.]+(?:万|亿)?(?:美元|元|家|个|件|人|项)[^,，;；。]{0,6}?(?:到|至)"
)
_YEAR_TO_YEAR = re.compile(rf"(?:19|20)\d\d{YEAR_SPAN_END}")


# A budget's revenue or a bare fiscal revenue (its 口径 unsaid) told last before 其中: its taxes are the budget's.
_BUDGET_BEFORE = re.compile(
    r"(?:(?:一般公共预算|一般预算|公共财政预算|公共预算|地方财政)(?:总)?收入|(?<![总口径全部])财政收入)"
    r"[^。;；]{0,90}[。;；,，]?$"  # its sentence may tell its budget's stages first (年初预算为…,决算数为…。其中,…)
)


_BARE_PART_OPENING = re.compile(r"(?<=[。;；,，])(?:其中|含)[,，:：]$")


# The catalogue's measure of all the taxes collected in the park (全口径): the budget's taxes are never it.
ALL_TAXES = "tax_revenue"


def budget_taxes(before: str, said: str) -> bool:
    """Whether taxes told in `said` after `before` (…一般公共预算收入14.2亿元;其中税收收入11.5亿元) are the part of a
    budget's revenue, or of a fiscal revenue whose 口径 is unsaid, that 其中 opens: the budget's taxes (its local
    share), not all the taxes collected in the park (税收收入, 全口径)."""
    bare = _BARE_PART_OPENING.search(before)  # 其中, standing as a clause of its own
    if bare:
        before, said = before[: bare.start()], "其中" + said
    clause_start = max(before.rfind(mark) for mark in ",，;；。") + 1
    clause = simplified(before[clause_start:] + said)
    return clause.startswith(("其中", "含")) and bool(_BUDGET_BEFORE.search(simplified(before[:clause_start][-130:])))


def total_over_years(before: str, said: str, kind: str) -> str | None:
    """The span of years whose total an amount of catalogue `kind` is, not the year's, or None: a flow after a clause
    of its sentence that opens on a span (五年来…, span_of_years) or after 累计 when an earlier sentence of its
    paragraph opened one (total_after_a_span); a stock's count made over such a span. `before`: the paragraph before
    the amount's sentence; `said`: that sentence up to the amount."""
    if kind == "flow":
        span = span_of_years(said) or total_after_a_span(before, said)
        # 1992年至2010年,工业总产值从1.46亿元增加到近1300亿元, “十三五”以来,…专利授权量从2902件增加到6903件: the
        # level at the span's end (its last year, or now for a span up to the time of writing), no total over it.
        up_to = span and (_YEAR_TO_YEAR.match(span) or span.endswith(("以来", "来")))
        if up_to and _RISE_TO_A_LEVEL.search(re.split(r"[,，;；:：]", said)[-1]):
            return None
        return span
    return total_after_a_span(before, said, stock=True) if kind == "stock" else None


# What dates a total to the year or a part of it: 全年累计…, 2018年累计…, 1-9月累计…
_DATED = re.compile(r"(?:19|20)\d\d年|今年|全年|当年|本年|年内|去年|上年|月|季度|半年")


# A total compared with the year before: 同比, 比上年, or a growth told after it (累计完成4.89亿美元,增长16.4%).
_YEAR_ON_YEAR = re.compile(
    rf"{'|'.join(YEAR_BEFORE_BASES)}|上年同期|(?:增长|增速|增幅|下降|减少)[^,，。]{{0,4}}?[\d.]+%"
)


# A sentence told at the time of writing: 目前,…, 至今…
_NOW_OPENING = re.compile(r"(?:^|[。,，;；])(?:目前|至今|迄今|截至目前|截止目前|到目前为止)")


# A sentence counting up to a year's end (到1997年底,全区累计完成…): its 累计 totals are since the park began, not the
# year's to date (1—9月累计完成…, 全年累计…).
_TO_A_YEARS_END = re.compile(r"^(?:到|截至|截止|至)(?:19|20)\d\d年(?:底|末)[,，]?[^。;；]{0,6}?累计")


def total_since_the_start(said: str, after: str = "") -> str | None:
    """The word that makes a flow named at the end of `said` (its sentence up to the name or amount) a total since the
    park began, or None: 累计 in its clause, or a change (新认定) among what the park has (拥有), in a sentence told at
    the time of writing (目前,…,累计授权专利数343件; 目前园区拥有…新认定的高新技术企业82家; 拥有…、累计固定资产投资
    500亿元的…园区) that names no year, month or
    全年, nor compares with the year before (`after`: the sentence after the name or amount); or any flow of a sentence
    that opens counting up to a year's end (到1997年底,全区累计完成…;…,合同利用外资1.45亿美元)."""
    if "累计" not in said and "拥有" not in said:
        return None  # most amounts: nothing to read further (this runs for every flow the checker proves)
    clause = re.split(r"[,，;；:：]", said)[-1]
    if _YEAR_ON_YEAR.search(said + re.split(r"[。;；!?！？]", after)[0]):
        return None  # 出口累计完成4.02亿美元,同比增长11.1%: compared with the year before, so the year's to date
    if _TO_A_YEARS_END.match(re.split(r"[。!?！？]", said)[-1].lstrip()):
        return "累计"
    told_now = _NOW_OPENING.search(said)  # 出口累计完成47.7亿美元 in a year's report is the year's to date
    # …拥有…6大企业集团、…、累计固定资产投资500亿元: what a park has, told with no time, is had now.
    # What an earlier ;-item had (…,累计已拥有40家;新增上市企业8家) is that item's, not this one's.
    item_start = max(said.rfind(";"), said.rfind("；")) + 1
    having = said.find("拥有", item_start)
    if (not told_now and having < 0) or _DATED.search(said):
        return None
    held = "拥有" in said[max(told_now.end() if told_now else having, item_start) :]
    return next((word for word in ("累计", *(NEW_VERBS if held else ())) if word in clause), None)


# A clause that opens on the year again ends a span: …,近三年新招引…;今年新增…
YEAR_WORDS = "今年|全年|去年|当年|本年"  # the words that name the year a clause tells of, as a pattern's alternatives
_YEAR_AGAIN = re.compile(rf"^(?:{YEAR_WORDS}|(?:19|20)\d\d年)")


# A heading over a span of years: “十三五”郑州高新区发展成绩喜人, 五年来…, 过去五年….
_SPAN_HEADING = re.compile(rf"十[一二三四五六]五|{_YEARS}来|过去{_YEARS}|近{_YEARS}")
_A_YEAR = re.compile(r"(?:19|20)\d\d年?")


def names_a_time(heading: str) -> bool:
    """Whether a heading names a year or a span of years (二、2015年工作打算, “十三五”…成绩喜人)."""
    return bool(_A_YEAR.search(heading) or _SPAN_HEADING.search(simplified(heading)))


# A base of comparison at the end of a plan period: 与“十一五”末相比, 较“十二五”期末, 比“十三五”末.
_PLAN_END_BASE = re.compile(r"(?:与|较|比)[“\"]?十[一二三四五六]五[”\"]?(?:期)?末")


def growth_over_years(heading: str, before: str, said: str) -> bool:
    """Whether a growth is over several years: told under `heading` naming a span of years (“十三五”…成绩喜人: 增至
    67.4亿,增长133% compares with 2015) where `before` (its paragraph up to the clause or quote) names no year of its
    own; or where `said` (its sentence up to the clause's or quote's end) compares with the end of a plan period
    (与“十一五”末相比,2015年…GDP完成34.5亿元,增长178%)."""
    if _PLAN_END_BASE.search(simplified(said)):
        return True
    return bool(heading and _SPAN_HEADING.search(simplified(heading))) and not _A_YEAR.search(before)


def span_of_years(sentence: str) -> str | None:
    """The words a clause of the sentence opens on that make every flow after them a total over several years, not
    the year's (五年来…, …,近三年新招引…), unless a later clause opens on a year again."""
    span = None
    for clause in re.split(r"[,，;；:：]", sentence):
        match = _SPAN_OF_YEARS.match(clause.lstrip())
        if match:
            span = match.group(0)
        elif _YEAR_AGAIN.match(clause.lstrip()):
            span = None
    return span


# --- the park a passage is about -------------------------------------------------------------------------------

# 株洲高新区成立于…, 2016年株洲国家高新区实现…: a zone named where a paragraph or sentence opens is its subject.
# A zone named by its place: 株洲高新区, 兰州国家高新区, 深圳高新技术产业开发区 (the place in the group `stem`).
NAMED_ZONE = r"(?P<stem>[\u4e00-\u9fff]{2,8}?)(?:国家级|国家)?(?:高新技术产业开发区|高新技术开发区|高新区)"
# (a time may open the sentence before the zone: 2021年,…; 今年1-6月,成都高新区实现…)
_PARK_OPENING = re.compile(
    rf"^(?:(?:19|20)\d\d年(?:\d{{1,2}}月)?[,，]?)?(?:(?:今年|去年)?(?:{PERIOD.pattern})[,，]?)?(?:据统计[,，]?)?{NAMED_ZONE}"
)
_NOT_A_PLACE = ("全国", "各", "全省", "省级", "其他", "本", "该", "我", "国家", "两", "三", "多个", "全市", "首批",
                "年", "年内", "同期", *LIST_MARKS)  # fmt: skip  # 全年高新区…, 今年高新区…: a time, not a place
# (怀集县和高新区…: a list of places and the zone, the county no place of the zone's)


# What a headline puts before 高新区 when it tells of a visit or a meeting, not of a place: 范燕青听取高新区…,
# 市长调研高新区…, 省领导莅临高新区….
_ACTION_IN_STEM = re.compile(r"听取|调研|视察|考察|走访|莅临|参观|督导|检查|座谈|会见|慰问|指导|赴|走进|来到|深入")


# An economic and technological development zone (长沙经开区成立于…): a zone of another national kind than any high-tech
# park, even of the park's own city, unless the text names it the park (…经开区(高新区)).
_OTHER_KIND = ("经济技术开发区", "经开区")
_OTHER_KIND_OPENING = re.compile(
    rf"^(?:(?:19|20)\d\d年[,，]?)?(?:(?:{PERIOD.pattern})[,，]?)?"
    rf"(?P<zone>[\u4e00-\u9fff]{{2,6}}?(?:{'|'.join(_OTHER_KIND)}))(?![(（]高新)"
)


def park_opening(text: str) -> str | None:
    """The place of the high-tech zone a paragraph or sentence opens on (株洲 of 株洲高新区成立于…), if any; for a
    zone of another kind, its whole name (长沙经开区), which is no park's place."""
    text = simplified(text)
    match = _PARK_OPENING.match(text)
    stem = match.group("stem") if match else None
    if stem and (_ACTION_IN_STEM.search(stem) or _NOT_A_NAME.search(stem)):
        # 范燕青听取高新区工作安排: a visitor and a verb; 为进一步弘扬高新区企业的…: a purpose, the park its object
        return None
    if stem and not stem.endswith(_NOT_A_PLACE):
        return stem
    other = _OTHER_KIND_OPENING.match(text)
    return other.group("zone") if other and not other.group("zone").startswith(_NOT_A_PLACE) else None


def park_place(name: str) -> str:
    """A park's name as park_opening reads it: 长沙 of 长沙高新技术产业开发区."""
    return park_opening(name) or name


def own_places(names) -> tuple[str, ...]:
    """A park's places as park_opening reads them, from its names (长沙 of 长沙高新技术产业开发区, 长沙高新区)."""
    return tuple(dict.fromkeys(park_place(simplified(name)) for name in names if name))


def park_told(passage: str) -> str | None:
    """The place of the zone a passage (a paragraph up to a sentence of it) tells of: the last of its sentences that
    opened on one, else none (a round-up of several parks: each paragraph or sentence opens on its own)."""
    place = None
    # A half-width ? is no question mark in a Chinese text but a character the page lost (?趪家高新区 for 海口国家
    # 高新区): what follows it is no sentence opening on a place.
    # A ；-item opening on a zone of its own tells of that zone (今年1-6月,中关村…;成都高新区实现…;合肥高新区实现…).
    for sentence in re.split(r"(?<=[。!！？;；])", passage):
        place = park_opening(sentence) or place
    return place


# What opens a paragraph before 高新区 and is no zone's own name: a verb or a preposition of which the park is the
# object (制定高新区…规划, 要求高新区…), a time, or a clause (今年是我市高新区…, 截至目前我省共有…).
_NOT_A_NAME = re.compile(
    r"[是我的有要]|^(?:制定|印发|落实|开展|推进|围绕|支持|加快|推动|完成|关于|对于|作为|为|把|将|在|从|目前|今年|去年|全年|截至)"
)


@lru_cache(maxsize=4096)
def zone_opened_on(paragraph: str) -> str | None:
    """The zone a paragraph's first words name as its subject, by a name of its own (鲤城高新区2001年开园建设…), which
    park_told_before carries to the paragraphs after it."""
    place = park_opening(paragraph)
    return place if place and len(place) <= 6 and not _NOT_A_NAME.search(place) else None


def park_told_before(paragraphs: Sequence[str], number: int) -> str | None:
    """The zone the paragraphs before `number` left the story on, which a paragraph naming no zone goes on telling
    of (鲤城高新区核准面积…。/ 高新区现有入驻企业1200家…): the zone the last paragraph opening on one named, if any."""
    for paragraph in reversed(paragraphs[:number]):
        place = zone_opened_on(paragraph)
        if place:
            return place
    return None


def about_another_park(place: str | None, own: tuple[str, ...]) -> bool:
    """Whether a passage about `place` is about another park than one of the `own` places (长沙 for 长沙高新区)."""
    if place and own and place.endswith(_OTHER_KIND):
        return True
    return bool(place and own) and not any(place in mine or mine in place for mine in own)


# --- several parks together, or an area ---------------------------------------------------------------------

# 我省27个高新技术产业园区…, 去年四川省4个国家高新区…, 武汉东湖、襄阳…等7个国家高新区…: the amounts that follow are
# several parks' together; 我市…, 全省… open on an area. Neither is one park's amount.
_ZONES = (
    r"(?:国家级|国家|省级|市级)?(?:高新技术产业(?:开发区|园区)|高新技术开发区|高新区|开发区|工业园区|产业园区|园区)"
)
_SEVERAL_PARKS = re.compile(
    rf"(?:[2-9]|[1-9]\d+|[两三四五六七八九十]+|多)个{_ZONES}"
    # 各类高新技术产业基地45家(其中国家级18家),实现营业总收入…: the count after the places it counts.
    r"|(?:各类|各)[\u4e00-\u9fff]{0,8}?(?:基地|园区|高新区|开发区)(?:[2-9]|[1-9]\d+)[个家]"
)
# A city's district by its name (石峰区), not a zone or a part of one that ends in 区 (高新区, 园区, 新区, 核心区 …).
_DISTRICT = (
    r"(?<!高新)(?<!开发)(?<!示范)(?<!保税)(?<!核心)(?<!功能)(?<!集聚)(?<!试验)(?<!自贸)(?<!合作)(?<!产业)(?<!工业)"
    r"(?<!主园)(?<!自创)(?<![园新城港景社厂校街片地我本该辖全一二三四五六七八九十])区"
)
# A district the page ties to the park is the park (七星区,又称桂林国家高新技术产业开发区; 高新区(浑南区); 株洲高新区与
# 天元区职能归并,实行两区合一), and so is one whose name the park's holds (浑南 of 浑南高新区).
# Each way is found from its fixed words first, and the district's name read just before or after them: a pattern
# opening on a character class would be tried at every character of a page.
_ANOTHER_NAME = re.compile(r"又称|亦称|也称|即|暨")
_NAME_BEFORE = re.compile(r"([\u4e00-\u9fff]{2,3}区)[(（,，]?$")
_DISTRICT_AFTER_PARK = re.compile(r"高新(?:技术产业开发)?区[(（]?([\u4e00-\u9fff]{2,3}区)")
_PARK_IN_BRACKETS = re.compile(r"区[(（][^)）]{0,12}高新")
_PARK_NAME = re.compile(r"(?:国家级|国家)?高新(?:技术产业开发)?区")
_PLACE_BEFORE = re.compile(r"[\u4e00-\u9fff]{2,6}$")
_ONE_BODY = re.compile(r"两区合一|职能归并|合署办公|一套班子|区政合一")
_ANY_DISTRICT = re.compile(r"[\u4e00-\u9fff]{2,6}?区")
_A_ZONE = re.compile(r"开发|高新|园")  # 产业开发区 of 常州国家高新技术产业开发区: the park's own name, no district
_LOOK_BACK = 60  # characters back to the sentence before a tie that names no district


def _districts_in(text: str) -> list[str]:
    """The districts named in `text`, not the park's own name (产业开发区)."""
    return [name for name in _ANY_DISTRICT.findall(text) if not _A_ZONE.search(name)]


def tied_districts(text: str) -> frozenset[str]:
    """The districts a page (in its simplified form) tells are the park itself."""
    places = []
    for found in _ANOTHER_NAME.finditer(text):  # 七星区,又称桂林国家高新技术产业开发区
        before = _NAME_BEFORE.search(text[max(0, found.start() - 5) : found.start()])
        places += [before.group(1)[:-1]] if before else []
    places += [found.group(1)[:-1] for found in _DISTRICT_AFTER_PARK.finditer(text)]  # 高新区(浑南区)
    for found in _PARK_IN_BRACKETS.finditer(text):  # 浑南区(沈阳高新区)
        before = _PLACE_BEFORE.search(text[max(0, found.start() - 3) : found.start()])
        places += [before.group(0)] if before else []
    for found in _PARK_NAME.finditer(text):  # 浑南高新区: the park named by its district
        before = _PLACE_BEFORE.search(text[max(0, found.start() - 6) : found.start()])
        places += [before.group(0)] if before else []
    for found in _ONE_BODY.finditer(text):  # the sentence that makes them one body
        start, end = text.rfind("。", 0, found.start()) + 1, text.find("。", found.end())
        named = _districts_in(text[start : end if end >= 0 else len(text)])
        # …建立新北区。与常州国家高新技术产业开发区实行“两块牌子、一套班子”: the district of the sentence before.
        places += [name[:-1] for name in named or _districts_in(text[max(0, start - _LOOK_BACK) : start])[-1:]]
    # A name caught with the words before it (2018年七星区): its last two or three characters name the district.
    return frozenset(place[-length:] + "区" for place in places for length in (2, 3) if len(place) >= length)


@lru_cache(maxsize=64)
def page_districts(paragraphs: tuple[str, ...]) -> frozenset[str]:
    """The districts a page, given as its paragraphs, tells are the park (tied_districts), read once per page."""
    return tied_districts(simplified("".join(paragraphs)))


# A host district's (or county's, city's) report splits its own amounts into its own level and the park: 固定资产投资
# 预计完成146.5亿元…(其中:区本级预计完成130亿元,高新区预计完成16.5亿元). Such a page tells of the host: an amount it
# states with no subject of its own is the host's, the park's part in the brackets.
OWN_LEVEL = r"(?P<level>区|县|市)本级"  # a host's own level, the park apart (区本级, 县本级)
_HOST_SPLIT = re.compile(rf"[(（]其中[:：]?{OWN_LEVEL}[^()（）]{{0,40}}?[,，、;；]高新区")
HOST_SUBJECT = "全{level}(含{level}本级与高新区)"


@lru_cache(maxsize=64)
def page_host(paragraphs: tuple[str, ...]) -> str | None:
    """The host a page tells of when it splits its amounts into the host's own level and the park (HOST_SUBJECT), else
    None; read once per page."""
    found = _HOST_SPLIT.search(simplified("".join(paragraphs)))
    return HOST_SUBJECT.format(level=found.group("level")) if found else None


# The provinces and regions by their bare names (the four cities of provincial rank are cities: 市 names them).
_PROVINCES = (
    "河北|山西|内蒙古|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|海南|四川|贵州|云南|西藏|陕西|"
    "甘肃|青海|宁夏|新疆"
)
# A city, county, town or district by its name (not one opening on 全: 全市 is the whole of the one named before).
_AREA = r"(?:(?!全)[\u4e00-\u9fff]){2,4}?(?:市|地区|县|镇|街道|" + _DISTRICT + ")"
_AREA_OPENING = re.compile(
    # 西安2023年全市…: a city's bare name may stand before the year that opens the clause
    rf"^(?:[\u4e00-\u9fff]{{2,3}}(?=(?:19|20)\d\d年))?"
    # (the words after a year are a time's, not a list's or the zone's: 2023年高新区和端州区 opens on the zone)
    rf"(?:(?:19|20)\d\d年(?:(?!高新)[^,，。{LIST_MARKS}]){{0,6}}?|去年|今年|{PERIOD.pattern})?[,，]?"
    rf"(?:据[^,，。]{{0,12}}统计[,，]?)?"
    # Not a ranking or a comparison that follows a figure: 全市第一, 全省前列, 全国领先, 全市平均.
    # …占全市53%,全省30%: a share of the area, not the area as the subject.
    r"(?:(?:我|全|本)(?:省|市|国)(?!级|第|前|领先|最|首|排|之|平均|的|同类|\d)"
    # A subdistrict or town the page told of as the subject (该办实现企业总产值…, 全镇完成…): not the park's.
    r"|(?:该|本|全)(?:办事处|街道|办|镇|乡)"
    # A province by its bare name as the subject of its firms' or its whole amounts (浙江企业专利申请…, 江苏全省…).
    rf"|(?:{_PROVINCES})(?:省)?(?=企业|全省|规模以上|规上|各地|共有|累计|今年|全年|上半年|一季度|前三季度)"
    # A city, county or region named as the subject, a time, a verb or a measure right after it: 大庆地区今年上半年
    # 实现GDP…, 荣昌县一季度完成…; not one a preposition or a verb takes as its object (在成都市地区生产总值中的占比,
    # 拉动全市地区生产总值增长1个百分点).
    # Another place's amount a sentence compares the park's with (…,略低于薛家镇的一般预算收入(19.7亿元)).
    r"|(?:(?:略|稍|远|均)?(?:低于|高于|超过|超出|相当于|接近|仅次于|多于|少于))?"
    # (a place's own first character may be one of those words': 高要区 is no 高于)
    r"(?!在|对|为|占|比|较|拉动|带动|高于|低于|居|位于|位居|位列|向)"
    # Places listed (四会市和端州区2023年GDP总量分别为…): the areas together, none of them the park.
    rf"(?P<place>(?:{_AREA}[{LIST_MARKS}])*{_AREA})"
    # 济南市全市生产总值: the city named, then the whole of it.
    r"(?=今年|去年|全年|上半年|一季度|前三季度|(?:19|20)\d\d年|实现|完成|GDP|地区生产总值|财政|全市生产总值|"
    # 雁塔区的税收收入为46.80亿元, 雁塔区税收收入…: the district's own measure, named right after it
    r"的?(?:税收|一般公共预算|一般预算|规模以上|规上|固定资产投资|进出口|社会消费品|营业收入|实际利用外资|实际使用外资)))"
)
# A clause that names one park or the park itself as its subject takes the amounts back (…,乐山高新区园区产值…), and
# so does one zone of another kind named by its place (…。1999年底,烈山经济技术开发区生产总值1.1亿元).
_ONE_ZONE = r"[\u4e00-\u9fff]{2,8}?(?:经济技术开发区|经济开发区|工业园区|工业集中区|产业集聚区)"
# (2011年高新区GDP为…: the zone after the year that opens the clause)
_ONE_PARK = re.compile(
    rf"^[^,，。]{{0,12}}?(?:{NAMED_ZONE}|{_ONE_ZONE}|我区|全区)"
    r"|^(?:其中[:：]?)?(?:(?:19|20)\d\d年(?:\d{1,2}月)?[,，]?|今年|去年|全年)?高新区"
)


# Several parks as the object of a verb are not the subject: 整合3个园区, 由两个园区组成, 新建5个园区; nor those a
# share or a rank compares with: 约占全国近60个高新区总收入的七分之一, 居全国54个高新区第5位,
# 增速排名全省16个国家级开发区第三位.
_VERB_BEFORE = re.compile(
    r"整合|合并|建成|建设|新建|包括|包含|由|拥有|设立|规划|形成|打造|获批|认定|布局|共有|辖|占|居|位列|列|排名|排位|排在|高于|超过|相当于|比"
)


# Brackets that tell amounts of their own (其中:区本级…13%,高新区…-11.9%), not a name's other name (经开区(高新区)).
_CLOSED_BRACKETS = re.compile(r"[(（][^()（）]*\d[^()（）]*[)）]")


# The park ranked among an area's others: …我区均名列首位, …高新区位居第一.
_PARK_RANKED = re.compile(r"(?:我区|本区|我园|高新区)[^,，;；。]{0,4}?(?:名列|位居|位列|排名|排在|居)")


# A rank right after an area (全省县(市)区第一, 全市首位): where the park stands among its units, not their amount.
_RANK_AFTER = re.compile(r"[^,，;；。\d]{0,8}?(?:中)?(?:均)?(?:第[一二三四五六七八九十\d]+|首位|前列|前[三五十])")


def _subject_of(clause: str, tied: frozenset[str], host: str | None) -> tuple[bool, str | None]:
    """Whether a clause names a subject, and the several parks or area it names (None for one park or none); a
    district in `tied` is the park; on a host's page (page_host) 全区 and 我区 are the host."""
    several = _SEVERAL_PARKS.search(clause)
    if several and not _VERB_BEFORE.search(clause, 0, several.start()):
        return True, clause[: several.end()]
    area = _AREA_OPENING.match(clause)
    if area and area.group("place") in tied:
        return True, None
    if area and (_PARK_RANKED.search(clause, area.end()) or _RANK_AFTER.match(clause, area.end())):
        # 全省工业强县(市、区)综合评价…我区均名列首位, 新增上市企业5家,全省县(市)区第一: the park, ranked in the area,
        # is the subject
        return True, None
    if area:
        return True, area.group(0).lstrip(",，")
    one = _ONE_PARK.match(clause)
    if one and host and one.group(0).endswith(("我区", "全区")):
        return True, host
    return bool(one), None


# A city's round-up of its zones in one sentence (园区规上工业总产值突破1000亿元,龙潭临港产业园产值…,玉林高新区产值突破
# 100亿元,玉林经济技术开发区产值达到280亿元): the bare 园区 opening it, with its amount, is the zones' together; the
# zones after it each have their own (not parts after 其中, which a park's own report lists).
_BARE_PARKS = re.compile(r"^(?:(?:19|20)\d\d年|今年|全年)?[,，]?(?:全市|各|全省)?园区(?!内)")
_ZONE_WITH_AMOUNT = re.compile(
    rf"(?:{NAMED_ZONE}|{_ONE_ZONE}|[\u4e00-\u9fff“”\"]{{2,8}}?产业园)[^,，;；。\d]{{0,10}}\d"
)
ROUND_UP = "园区(其后所列各园区合计)"


def zones_round_up(before: str, after: str) -> str | None:
    """ROUND_UP when the clause holding an amount (the last clause of `before`, its sentence up to the amount) opens on
    a bare 园区 and the rest of its sentence (`after`) names two or more zones each with an amount of its own, not as
    parts after 其中; else None."""
    clause = re.split(r"[,，;；]", before)[-1]
    if not _BARE_PARKS.match(clause) or "其中" in after:
        return None
    return ROUND_UP if sum(1 for _ in _ZONE_WITH_AMOUNT.finditer(after)) >= 2 else None


def several_parks(
    paragraph_before: str, before: str, tied: frozenset[str] = frozenset(), host: str | None = None
) -> str | None:
    """The several parks or the area whose amount follows `before` (its sentence up to the amount), in a paragraph
    whose text before that sentence is `paragraph_before`: the last subject named, clause by clause; sentences that
    name none go on with the one before (…,我市形成了…格局。2015年…。完成固定资产投资…). `tied`: the districts
    the page tells are the park (tied_districts); `host`: the host a page splitting its amounts with the park tells of
    (page_host), the subject until a clause names another."""
    subject = host
    # A subject named inside brackets of amounts closed before the amount tells of the brackets only (…(其中:区本级…,
    # 高新区预计增长-11.9%);固定资产投资…).
    told = _CLOSED_BRACKETS.sub("", f"{paragraph_before}。{before}")
    for clause in re.split(r"[,，;；:：。!?！？]", told):
        named, several = _subject_of(clause, tied, host)
        if named:
            subject = several
    return subject


# --- the year --------------------------------------------------------------------------------------------------

# A year's amount in brackets between the year and the multiple that compares with it: 为2015年(51亿元)的1.9倍.
_ITS_AMOUNT = r"(?:[(（][^()（）]{0,16}[)）])?"
# 2015年 names the year of what follows, unless it is a comparison (比2015年, 是1991年的365倍, 为2015年(51亿元)的1.9倍),
# a start (自2015年以来, 由2015年的) or a range.
_YEAR = re.compile(
    r"(?<![0-9比较同与自从由—-])((?:19|20)\d\d)年"
    rf"(?!以来|来|起|至|到|底前|前|[-—~～]|度预算|{_ITS_AMOUNT}的[0-9.]+倍)"
)
# An amount right after 2015年的 (2015年末的, 2015年底的), or after the year and its share or verb (由2015年占比2.1%,
# 2015年为…), is that year's, whatever stands before: 较2015年的12家增加到35家.
_YEARS_OWN = re.compile(r"((?:19|20)\d\d)年(?:末|底)?(?:的|的?(?:占比|比重)(?:为)?|为|达到?)(?:约|近|逾)?$")
# An amount compared with a year's (相当于2011年的5倍, 是2011年的80%): a multiple or share of it, told for the year
# the words before the comparison state, not for 2011.
_COMPARED_WITH = re.compile(rf"(?:相当于|是|为)(?:19|20)\d\d年(?:末|底)?{_ITS_AMOUNT}的$")


# A year that dates the park's approval or founding (1992年经国务院批准成立的…, 2010年11月,经国务院批准升格为…)
# is the time of that event, not of the amounts a profile states after it (总面积105平方公里, 常住人口30万人).
_EVENT_AFTER_YEAR = re.compile(
    r"(?:\d{1,2}月(?:\d{1,2}日)?)?[,，、]?(?:(?:经[^。;；,，]{0,16}?批准|获批|正式)?"
    r"(?:成立|设立|建立|组建|创建|建区|挂牌|升格|升级|晋升|更名|批复)"
    r"|经[^。;；,，]{0,16}?批准为"  # 1992年经国务院批准为国家级高新区
    # The approving body first, in a name's attribute: 前身是2015年科技部批准建设的…园区 (not 全年批准设立外资企业12家).
    r"|[^。;；,，\d]{1,12}?批准(?:建设|设立|成立|组建)的)"
)


# The event told before its year: 始建于1994年, 成立于2007年.
_EVENT_BEFORE_YEAR = re.compile(r"(?:始建|兴建|建立|成立|设立|创建|创办|建区|开发建设|挂牌|获批|批准)于$")


def dates_an_event(text: str, year_end: int) -> bool:
    """Whether the year ending at `year_end` of `text` (after its 年) dates the park's founding or approval (2007年正式
    挂牌, 1992年经国务院批准成立, 始建于1994年): not the year of the amounts after it."""
    before = text[: max(0, year_end - len("1994年"))]
    return bool(_EVENT_AFTER_YEAR.match(text, year_end) or _EVENT_BEFORE_YEAR.search(before))


def year_stated(text: str) -> int | None:
    """The last year `text` names as the time of what follows it (a year of founding or approval aside)."""
    found = [m for m in _YEAR.finditer(text) if not dates_an_event(text, m.end())]
    return int(found[-1].group(1)) if found else None


def own_year_amount(before: str) -> bool:
    """Whether the amount after `before` is written as a year's own: 2015年的12家, 2015年末的120家."""
    return bool(_YEARS_OWN.search(before))


def year_of_amount(before: str) -> int | None:
    """The year an amount is given for, from the text before it: 2015年的 right before it, else the year stated."""
    compared = _COMPARED_WITH.search(before)
    if compared:
        return year_stated(before[: compared.start()])
    own = _YEARS_OWN.search(before)
    return int(own.group(1)) if own else year_stated(before)


# --- a clause's period, scope and hedge, as the extractor drafts them -----------------------------------------

# A clause that brings the whole year back: 全年…, 预计全年…, 2017年全年预计… .
_WHOLE_YEAR = re.compile(r"^(?:(?:19|20)\d\d年)?(?:预计)?(?:全年|年末|年底|截至年底|截至年末|截至12月底)")
_TIMES = "去年|今年|当年|全年|目前|现在|当前|如今"
_TIME_OPENINGS = f"{_TIMES}|截至"
_SCOPE = re.compile(
    # After the clause's year and verb: 2016年麓谷园区实现…, 实现软件园规上…营收.
    rf"^(?:其中[:：]?)?(?:(?:19|20)\d\d年)?(?:预计)?(?:{_TIMES}|截至目前)?(?:预计)?(?:实现|完成)?"
    # The park's own name before its part: 2016年高新区核心区地区生产总值…, 2016年天津高新区核心区….
    rf"(?:[\u4e00-\u9fff]{{0,4}}?(?:高新区|开发区)(?={_SCOPE_ALTERNATIVES}))?"
    # A time or an estimate is no part's name: 目前园区拥有… is the park now, 预计全年园区实现… the park's year.
    rf"(?P<scope>{_SCOPE_ALTERNATIVES}|(?!{_TIME_OPENINGS}|{FORECAST})[\u4e00-\u9fff]{{2,6}}?(?:园区|片区|分园|新城|园|综合保税区|保税区))"
    # …and before what it reports, an estimate first: 主园区预计完成地区生产总值172亿元.
    r"(?=(?:预计)?(?:实现|完成|共|累计|新增|全年|营业|工业|规模|规上|地区|固定|进出口|出口|税收|引进|的|总面积|规划面积|面积|"
    r"集聚|拥有))"
)
_WHOLE_PARK = re.compile(r"^(?:全区|全园|高新区|开发区|园区全年|全年)")
# A measure of the whole society (全社会固定资产投资, 全社会研发投入): the whole area's, never one part's.
_WHOLE_SOCIETY = re.compile(r"^(?:完成|实现|累计完成)?全社会")
# 预计全年…, 初步预计…, 据初步预计…: the estimate governs what follows.
_HEDGE = re.compile(rf"^(?:据)?(?:初步)?(?:全年)?{FORECAST}")
_AS_OF_A_DATE = re.compile(f"^{AS_OF_A_DATE}")
# 其中,实现… too; 其间 (in that time) goes on in the time told before whatever follows it.
_SUBJECTLESS = re.compile(rf"^(?:(?:其中[,，:：]?)?(?:{'|'.join((*NEW_VERBS, *REPORT_VERBS))})|其间|在此期间)")


# A paragraph's opening words before its first comma: 1—9月，全区…
_HEAD = re.compile(r"^[^，,：:。;；]{1,12}[，,：:]")
# A lead sentence whose subject is followed by its time (据了解,高新区上半年积极推进…。生产总值完成…): the time
# heads the paragraph's figures, as one before a comma does.
_SUBJECT_THEN_TIME = re.compile(
    rf"^(?:(?:据了解|据悉|据统计|据介绍|记者了解到|记者获悉)[，,])?(?:[^，,：:。;；\d]{{1,8}}?)(?:{PERIOD.pattern})(?!以前|前)"
)


def paragraph_head(paragraph: str) -> tuple[int, str]:
    """Where the words a paragraph's figures open on stand, and the words: the head of its first sentence with a
    number or a period (上半年,…), lead sentences without one aside (数据彰显自信。截至11月底,…); (-1, '') if none."""
    at = 0
    for sentence in re.split(r"(?<=[。!?！？])", paragraph):
        head = _HEAD.match(sentence)
        if any(character.isdigit() for character in sentence) or (head and periods_in(head.group(0))):
            return (at, head.group(0)) if head else (-1, "")
        timed = _SUBJECT_THEN_TIME.match(sentence)
        if timed:
            return at, timed.group(0)
        at += len(sentence)
    return -1, ""


_LIST_ITEM = re.compile(rf"^\s*(?:{LIST_MARK})")


def _item_kind(paragraph: str) -> str | None:
    """What kind of list mark a paragraph opens on (digits, numerals in brackets, …), or None for no list item."""
    mark = _LIST_ITEM.match(paragraph)
    if mark is None:
        return None
    return re.sub(r"\d+", "9", re.sub(r"[一二三四五六七八九十]+", "十", mark.group(0).strip()))


def forecast_list_lead(paragraphs: Sequence[str], number: int) -> str:
    """The lead line of the numbered list paragraph `number` is an item of, when it is an estimate that governs every
    item (2015年预计主要经济指标完成: / 1、规模以上工业总产值567亿元…): the line before the run of items marked alike,
    ending on a colon and saying 预计; '' otherwise."""
    kind = _item_kind(paragraphs[number])
    if kind is None:
        return ""
    above = number - 1
    while above >= 0 and _item_kind(paragraphs[above]) == kind:  # 1、 2、 …, not the 二、 heading above them
        above -= 1
    lead = simplified(paragraphs[above]).strip() if above >= 0 else ""
    return lead if lead.endswith((":", "：")) and FORECAST in lead else ""


# The verbs 预计 may stand right before an amount with (预计达到420亿元): the estimate of that item alone.
_ESTIMATED_VERBS = ("", "达到", "达", "为", "实现", "完成", "突破", "超过", "超", "可达", "将达到", "将达", "增长")
# A sentence's first amount with its unit (100亿元, 11%, 26家).
_FIRST_AMOUNT = re.compile(r"\d[\d.,]*\s*(?:万亿|亿|万|千|元|美元|%|％|家|件|个|项|人)")


def setting_of(sentence: str) -> str:
    """The words of a sentence before its first amount with its unit: its setting (据悉,高新区预计全年地区生产总值…).
    Unlike its first digit, a day (10日从…获悉,今年1—6月) is no amount: the setting goes on past it."""
    return _FIRST_AMOUNT.split(sentence, maxsplit=1)[0]


def items_governed(before: str) -> str:
    """The words before a number whose 预计 bears on it: its own ；-item's, and the earlier items' only where the
    first opens on an estimate of them all (forecast_opening); 主园区软件和集成电路产业预计规模达64亿元…;生物医药…
    产值达54.5亿元: the 预计 after the first item's name hedges that item alone."""
    items = re.split(r"(?<=[;；])", before)
    if len(items) > 1 and FORECAST in "".join(items[:-1]) and not forecast_opening(items[0]):
        return items[-1]
    return before


def forecast_opening(sentence: str) -> bool:
    """Whether a sentence opens on an estimate that governs every figure of it, its ；-items too (初步预计,…;…):
    预计 opening it, or standing in its setting before its first amount (据悉,高新区预计全年地区生产总值实现205亿元,…;
    规模以上工业增加值实现37.6亿元…), not before a clause that opens on the date of a count."""
    sentence = sentence.lstrip()
    setting = re.split(r"[;；]", setting_of(sentence), maxsplit=1)[0]  # in its first item
    if _HEDGE.match(sentence):
        return not counted_at_a_date(setting)
    at = setting.rfind(FORECAST)
    # 地区生产总值预计达到420亿元(…);…比重预计17.48%: after its name, 预计 hedges that item alone, as each item says.
    after = setting[at + len(FORECAST) :] if at >= 0 else ""
    item_only = re.sub(r"^(?:规模|总量|总额|产值|收入)", "", after) in _ESTIMATED_VERBS  # 产业预计规模达64亿元
    return at >= 0 and not item_only and not counted_at_a_date(after)


def period_going_on(paragraph_before: str, paragraph: str) -> str | None:
    """The part of the year a paragraph opening on 其中 or 其间 goes on in: the one the paragraph before stated by its
    end (…发布今年上半年经济运行情况:…。/ 其中,…实现社会消费品零售总额458.9亿元), else None."""
    return period_stated(paragraph_before)[0] if paragraph.startswith(_GOING_ON) else None


# 其中 (of which) and 其间 (in that time) open a paragraph that goes on in the time the paragraph before told.
_GOING_ON = ("其中", "其间", "在此期间")


def period_stated(text: str) -> tuple[str | None, bool]:
    """The part of the year a sentence has stated by its end, as a reader follows it clause by clause: the latest
    period named, unless a later clause opens on 全年 (年末, 预计全年…), which brings the whole year back; and whether
    it did (2025年1-9月实现GDP115.5亿元,全年预计实现GDP178亿元: the whole year, said so)."""
    period, whole = None, False
    for clause in re.split(r"[,，;；:：]", text):
        named = latest_period(clause)
        if named:
            period, whole = named, False
        elif _WHOLE_YEAR.match(clause):
            period, whole = None, True
    return period, whole


def latest_period(clause: str) -> str | None:
    """The last part of the year a clause names: the one its figures follow (冲刺四季度动员大会上半年的…全力攻坚
    1~8月,…: headings a page ran together before the clause's own 1~8月)."""
    return next(reversed(periods_in(clause)), None)


def so_far_narrowed(paragraph: str) -> str | None:
    """The part of the year a paragraph opening on 今年以来 names later in its opening sentence (今年以来,…,上半年
    策划实施…), which the paragraph's figures are of: 今年以来 frames the story, the period after it measures it."""
    opening = re.split(r"(?<=[。!?！？])", paragraph.lstrip(), maxsplit=1)[0]
    so_far = SO_FAR.match(opening)
    return period_stated(opening[so_far.end() :])[0] if so_far else None


def period_in(text: str) -> str | None:
    """The first part of the year a text names (1—12月 and 截至12月底 are the whole year, not a part)."""
    return next(iter(periods_in(text)), None)


# A zone's own name (莆田高新园区, 株洲高新技术产业开发区) names a park, never a part of one.
_ZONE_NAME = re.compile(r"(?:高新区|高新园区|高新技术产业园区|高新技术产业开发区|高新技术开发区|开发区)$")


_ZONE_FIRST = re.compile(r"^(?:高新区|开发区)")


def _scope_at(text: str) -> str | None:
    """The part of the park a clause opens on, or None: not the park itself, by its name, its words for the whole or
    both (高新区园区实现规上工业总产值…: the park's grounds, the whole)."""
    match = _SCOPE.match(text)
    if match is None:
        return None
    scope = match.group("scope")
    if scope in WHOLE_PARK or _ZONE_NAME.search(scope) or _ZONE_FIRST.sub("", scope) in WHOLE_PARK:
        return None
    return scope


# A year named alone before a comma (…说,2018年,济南高新区…), or the year before opening a clause (…,去年开发区企业总
# 收入5006亿元): the passage dates its figures by a whole year.
_YEAR_ALONE = re.compile(r"(?:19|20)\d\d年度?[,，]|(?:^|[,，。;；])(?:去年|上年)(?!同期)")


def dated_by_a_year(passage: str) -> bool:
    """Whether a passage dates its figures by a year named alone (2018年,…) or by the year before (去年…), over which
    the period of a report's title that names no year (济南一季度高新区gdp) does not hold."""
    return bool(_YEAR_ALONE.search(simplified(passage)))


# A clause that is a period and nothing else, estimated or not: 1-5月份, 今年1至5月, 上半年, 预计1-6月.
_PERIOD_ALONE = re.compile(rf"(?:{FORECAST})?(?:今年|(?:19|20)\d\d年)?(?:{PERIOD.pattern})(?:份|以来)?")


def qualify(read: list[Sentences], paragraphs: list[str], headings: set[int]) -> None:
    """Set period, scope and hedge on every clause (in place)."""
    titled = title_periods(paragraphs[0], paragraphs[1:]) if paragraphs and 0 in headings else []
    tied, host = page_districts(tuple(paragraphs)), page_host(tuple(paragraphs))
    document_period = next(iter(titled), None)
    heading_period = document_period
    for number, sentences in enumerate(read):
        if number in headings and number:
            heading_period = period_in(paragraphs[number]) or document_period
        going_on = period_going_on(paragraphs[number - 1], paragraphs[number]) if number else None
        paragraph_period = going_on or heading_period
        titled_period = document_period if heading_period is document_period else None
        head_at, head = paragraph_head(paragraphs[number])
        told_before = park_told_before(paragraphs, number)
        for s_index, clauses in enumerate(sentences):
            before = sentences[s_index - 1] if s_index else []
            previous = paragraphs[number][before[0].sentence_start : clauses[0].start] if before and clauses else ""
            scope = carried_scope(previous, clauses[0].text) if previous else None
            # 1—6月份,…指标位居全市前列。其中,实现…: a sentence with no subject or time of its own goes on in the
            # period the sentence before stated, as the checker reads it (quotes.Context.periods).
            said = paragraphs[number][clauses[0].sentence_start : clauses[-1].end] if clauses else ""
            period = (carried_period(previous, said) if previous else None) or paragraph_period
            hedge = None
            place = (park_told(paragraphs[number][: clauses[0].end]) if clauses else None) or told_before
            for c_index, clause in enumerate(clauses):
                if clause.start and paragraphs[number][clause.start - 1] in "；;":
                    # After a semicolon an item names its own hedge (a 预计 opening the sentence aside:
                    # 预计高新技术产业收入500亿元以上…;软件和服务外包收入505.5亿元); the part of the park and the period
                    # named before go on (其中,主园区实现…;规模以上工业增加值35.5亿元 / 1月份共完成…;…) until an item
                    # names its own subject (核心区…；东港园…, …;全区…) or 全年 (parts.item_scope, period_stated).
                    so_far = paragraphs[number][clause.sentence_start : clause.start]
                    hedge = "预计" if forecast_opening(so_far) else None
                    scope = item_scope(so_far, clause.text)
                    place = park_opening(clause.text) or place  # an item opening on a zone: that zone's (park_told)
                if period is titled_period and dated_by_a_year(paragraphs[number][: clause.end]):
                    period = None  # 2018年,…: a year of its own, not the title's 一季度
                named = latest_period(clause.text)
                if named:
                    period = named
                    refines = paragraph_period is not None and _PERIOD_ALONE.fullmatch(clause.text)
                    in_head = clause.start == head_at or head_at < clause.start < head_at + len(head)
                    if in_head or (c_index == 0 and refines):
                        # 1—9月,全区…: the whole paragraph. In a paragraph already telling a part of the year
                        # (今年上半年,…平稳。), a sentence opening on a period alone (1-5月份,完成…) holds it over
                        # the sentences after it that name none (固定资产投资37.45亿元…): its figures' months.
                        paragraph_period = named
                elif _WHOLE_YEAR.match(clause.text):
                    period = None
                found_scope = _scope_at(clause.text)
                if found_scope:
                    scope = found_scope
                elif _WHOLE_PARK.match(clause.text):
                    scope = None
                if _HEDGE.match(clause.text):
                    hedge = "预计"
                elif _AS_OF_A_DATE.match(clause.text):
                    hedge = None  # counted at a date, not estimated (words.AS_OF_A_DATE)
                clause.period, clause.scope, clause.hedge, clause.park = period, scope, hedge, place
                sentence_start = clause.sentence_start
                sentence_end = clauses[-1].end
                clause.several = several_parks(
                    paragraphs[number][:sentence_start], paragraphs[number][sentence_start : clause.end], tied, host
                ) or zones_round_up(clause.text, paragraphs[number][clause.end : sentence_end])


def carried_scope(previous: str, sentence: str) -> str | None:
    """The part of the park a sentence opening on a verb, with no subject of its own, goes on telling of: the one the
    sentence before named at its opening and held to its end (区属实现GDP 40.4亿元,…。新增规模企业10家,…), not one
    a later item named (…;实现软件园规上互联网软件业营收676.9亿元。) or that 全区 took back."""
    if not _SUBJECTLESS.match(sentence) or any(mark in previous for mark in "；;"):
        return None
    clauses = [clause for clause in re.split(r"[,，:：。!?！？]", previous) if clause]
    opening = _scope_at(clauses[0]) if clauses else None
    taken_back = any(_WHOLE_PARK.match(clause) or _scope_at(clause) not in (None, opening) for clause in clauses[1:])
    return None if taken_back else opening


def carried_period(previous: str, sentence: str) -> str | None:
    """The part of the year a sentence opening on a verb, with no subject or time of its own, or on 其间, goes on
    telling of: the one the sentence before had stated by its end (1月到6月,规模以上工业企业130家。实现工业总产值
    595.85亿元)."""
    if not _SUBJECTLESS.match(sentence) or any(mark in previous for mark in "；;"):
        return None
    return period_stated(previous)[0]


def item_scope(opening: str, item: str) -> str | None:
    """The part of the park the ；-items before `item` told of, which an item naming no subject of its own goes on
    with (其中,主园区实现…198.5亿元;规模以上工业增加值35.5亿元): the one part named, unless 全区 took it back."""
    if not opening.rstrip().endswith(("；", ";")) or _scope_at(item) or _WHOLE_PARK.match(item) or park_opening(item):
        return None
    if _WHOLE_SOCIETY.match(item.lstrip()):
        return None  # 软件园…增长21.5%;完成全社会固定资产投资477.34亿元: society-wide, the whole area's
    scope, named = None, set()
    for clause in re.split(r"[,，;；:：]", opening):
        found = _scope_at(clause)
        if found:
            scope = found
            named.add(found)
        elif _WHOLE_PARK.match(clause):
            scope = None
    # Items that each name their own part (核心区…;东港园…;集聚研发机构126家): one naming none is no part's.
    return scope if len(named) == 1 else None


def period_words(clause: Clause) -> str | None:
    """The period as written in the clause itself, if it is named there."""
    return period_in(clause.text)


# A year in brackets after a ranking's name is its edition, not the time of the amount: 综合实力(2021年度)位居第14位.
_EDITION = re.compile(r"[(（](?:19|20)\d\d年度?[)）]")


def year_of_fact_amount(before: str) -> int | None:
    """The year a fact's amount is given for: as year_of_amount, a ranking's edition in brackets aside."""
    return year_of_amount(_EDITION.sub("", before))
