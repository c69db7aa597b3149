"""How much of each report's numbers the curated quotes cover."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.data.model import Source
from generator.reading.numbers import NumberToken, find_numbers

_LIST_MARK = re.compile(r"^[.、．)）]")
_DATE_AFTER = re.compile(r"^(年|月|日|-\d|/\d|届|季度)")
_LETTER = re.compile(r"[A-Za-z]")
_YEAR_WORDS = ("蓝图", "展望", "规划", "计划", "版", "愿景")


@dataclass(frozen=True)
class Mention:
    """A numeric mention of a source: the number as written with what follows, and where."""

    paragraph: int
    offset: int
    text: str


def _is_counted(token: NumberToken, paragraph: str) -> bool:
    """Numbers with a unit count; dates, document numbers, ordinals and list marks do not."""
    after, before = token.after, token.before
    if not after or not re.match(r"[\u4e00-\u9fff%]", after):
        return False  # no unit: 1+N, G20, a bare number
    if _LETTER.match(after) or (before and _LETTER.match(before[-1])):
        return False  # 5G, ISO9001
    if not token.multiplier and _DATE_AFTER.match(after):
        return False  # 2016年, 1月, 13日, 十四五 years
    if re.fullmatch(r"(19|20)\d\d", str(token.number)) and after.startswith(_YEAR_WORDS):
        return False  # 2020蓝图, 2023展望: a year naming a plan
    if after.startswith(("号", "讯")) or before.endswith(("〔", "[", "【")):
        return False  # 〔2026〕4号, 1月13讯
    if before.endswith((":", ":")) and before[-2:-1].isdigit():
        return False  # 16:21
    if before.endswith("第"):
        return False  # 第14位
    if token.start == 0 and _LIST_MARK.match(after):
        return False  # 1. 2、 (1)
    if before.endswith(("(", "（")) and _LIST_MARK.match(after):
        return False
    return True


def mentions(source: Source) -> list[Mention]:
    """Every counted numeric mention of a source, paragraph by paragraph."""
    found = []
    for number, paragraph in enumerate(source.paragraphs):
        for token in find_numbers(paragraph):
            if _is_counted(token, paragraph):
                found.append(Mention(number, token.start, paragraph[token.start : token.end]))
    return found


@dataclass(frozen=True)
class Coverage:
    """Covered and missed mentions of one source."""

    source: str
    covered: list[Mention]
    missed: list[Mention]

    @property
    def ratio(self) -> float:
        total = len(self.covered) + len(self.missed)
        return len(self.covered) / total if total else 1.0


def coverage(source: Source, quotes: list[str]) -> Coverage:
    """Which mentions of `source` stand inside one of `quotes`."""
    marked: dict[int, set[int]] = {}
    for quote in quotes:
        for occurrence in source.occurrences(quote):
            for span in occurrence:
                marked.setdefault(span.paragraph, set()).update(range(span.start, span.end))
    covered, missed = [], []
    for mention in mentions(source):
        inside = mention.offset in marked.get(mention.paragraph, set())
        (covered if inside else missed).append(mention)
    return Coverage(source.id, covered, missed)
