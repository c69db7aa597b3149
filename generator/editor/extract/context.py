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

_MONTH = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
PERIOD = re.compile(
    rf"({_MONTH}[-—–~至到]{_MONTH}月份?|前[一二三]季度|[一二三四]季度|第[一二三四]季度|上半年|下半年"
    rf"|截[至止](?:{_MONTH}月(?:底|末|份)?|目前|年中)|{_MONTH}月(?:底|末))"
)
_WHOLE_YEAR = re.compile(r"^(?:预计)?(?:全年|年末|年底|截至年底|截至年末|截至12月底)")
_SCOPE = re.compile(
    r"^(?:其中[:：]?)?(?:实现|完成)?"  # 实现软件园规上…营收: the part of the park after the clause's verb
    r"(?P<scope>主园区|核心区|核心园区|主园|[\u4e00-\u9fff]{2,6}?(?:科技园|产业园|工业园|软件园|园区|片区|分园|新城))"
    r"(?=实现|完成|共|累计|新增|全年|营业|工业|规模|规上|地区|固定|进出口|出口|税收|引进|的)"
)
_NOT_SCOPES = ("园区", "全区", "高新区", "开发区", "本园区", "全园区", "高新园区")
_WHOLE_PARK = re.compile(r"^(?:全区|全园|高新区|开发区|园区全年|全年)")
_HEDGE = re.compile(r"^(?:全年)?预计")


def _period_in(text: str) -> str | None:
    match = PERIOD.search(text)
    return match.group(1) if match else None


def _scope_at(text: str) -> str | None:
    match = _SCOPE.match(text)
    if match and match.group("scope") not in _NOT_SCOPES and not match.group("scope").endswith("高新区"):
        return match.group("scope")
    return None


def qualify(read: list[Sentences], paragraphs: list[str], headings: set[int]) -> None:
    """Set period, scope and hedge on every clause (in place)."""
    document_period = _period_in(paragraphs[0]) if paragraphs and 0 in headings else None
    heading_period = document_period
    for number, sentences in enumerate(read):
        if number in headings and number:
            heading_period = _period_in(paragraphs[number]) or document_period
        paragraph_period = heading_period
        for s_index, clauses in enumerate(sentences):
            period = paragraph_period
            scope, hedge = None, None
            for c_index, clause in enumerate(clauses):
                named = _period_in(clause.text)
                if named:
                    period = named
                    if s_index == 0 and c_index == 0:
                        paragraph_period = named  # 1—9月,全区…: the whole paragraph
                elif _WHOLE_YEAR.match(clause.text):
                    period = None
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
    return _period_in(clause.text)
