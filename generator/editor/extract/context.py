"""Stage 5, period, scope and hedges: what part of the year and of the park a clause speaks of, and
whether a hedge governs it.

* A period (1—9月, 1至9月, 前三季度, 上半年, 截至9月底) named in a heading holds until the next
  heading (in the document's title: for the whole document); named at the opening of a paragraph it
  holds for the paragraph; inside a sentence, from its clause to the end of the sentence. 全年 and
  全年预计 bring the whole year back.
* A part of the park (主园区, 核心区, a named 科技园/产业园/片区) that opens a clause, as the subject
  of what follows, holds to the end of the sentence or until 全区/高新区 takes over again.
* 预计 opening a clause governs every figure after it in the sentence (预计全年完成…亿元,…亿元).
"""

from __future__ import annotations

import re

from generator.editor.extract.clauses import Clause, Sentences
from generator.reading.clauses import WHOLE_YEAR_PERIODS, period_key

_MONTH = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
PERIOD = re.compile(
    rf"({_MONTH}[-—–~至到]{_MONTH}月份?|前[一二三]季度|[一二三四]季度|第[一二三四]季度|上半年|下半年"
    rf"|截[至止](?:{_MONTH}月(?:底|末|份)?|目前|年中)|{_MONTH}月(?:底|末))"
)
_WHOLE_YEAR = re.compile(r"^(?:预计)?(?:全年|年末|年底|截至年底|截至年末|截至12月底)")
_SCOPE = re.compile(
    r"^(?:其中[:：]?)?(?:去年|今年|当年|全年)?(?:实现|完成)?"  # 实现软件园规上…营收: after the clause's verb
    r"(?P<scope>主园区|核心区|核心园区|主园|[\u4e00-\u9fff]{2,6}?(?:园区|片区|分园|新城|园))"
    r"(?=实现|完成|共|累计|新增|全年|营业|工业|规模|规上|地区|固定|进出口|出口|税收|引进|的|总面积|规划面积|面积|集聚|拥有)"
)
_NOT_SCOPES = ("园区", "全区", "高新区", "开发区", "本园区", "全园区", "高新园区")
_WHOLE_PARK = re.compile(r"^(?:全区|全园|高新区|开发区|园区全年|全年)")
_HEDGE = re.compile(r"^(?:全年)?预计")


def period_in(text: str) -> str | None:
    """The first part of the year a text names (1—12月 and 截至12月底 are the whole year, not a part)."""
    return next((m.group(1) for m in PERIOD.finditer(text) if period_key(m.group(1)) not in WHOLE_YEAR_PERIODS), None)


def _scope_at(text: str) -> str | None:
    match = _SCOPE.match(text)
    if match and match.group("scope") not in _NOT_SCOPES and not match.group("scope").endswith("高新区"):
        return match.group("scope")
    return None


def qualify(read: list[Sentences], paragraphs: list[str], headings: set[int]) -> None:
    """Set period, scope and hedge on every clause (in place)."""
    document_period = period_in(paragraphs[0]) if paragraphs and 0 in headings else None
    heading_period = document_period
    for number, sentences in enumerate(read):
        if number in headings and number:
            heading_period = period_in(paragraphs[number]) or document_period
        paragraph_period = heading_period
        for s_index, clauses in enumerate(sentences):
            period = paragraph_period
            scope, hedge = None, None
            for c_index, clause in enumerate(clauses):
                named = period_in(clause.text)
                if named:
                    period = named
                    if s_index == 0 and c_index == 0:
                        paragraph_period = named  # 1—9月,全区…: the whole paragraph
                elif _WHOLE_YEAR.match(clause.text):
                    period = None
                if clause.start and paragraphs[number][clause.start - 1] in "；;":
                    scope = None  # 核心区…；东港园…: each item after a semicolon names its own subject
                found_scope = _scope_at(clause.text)
                if found_scope:
                    scope = found_scope
                elif _WHOLE_PARK.match(clause.text):
                    scope = None
                if _HEDGE.match(clause.text):
                    hedge = "预计"
                clause.period, clause.scope, clause.hedge = period, scope, hedge


def period_words(clause: Clause) -> str | None:
    """The period as written in the clause itself, if it is named there."""
    return period_in(clause.text)
