"""How much of each report's numbers the curated quotes cover (which numbers count is read by
generator/reading/figures.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.data.model import Source
from generator.reading.clauses import clause_bounds
from generator.reading.figures import is_counted
from generator.reading.numbers import find_numbers
from generator.reading.words import CARRY_ON, REPORT_VERBS


@dataclass(frozen=True)
class Mention:
    """A numeric mention of a source: the number as written with what follows, and where."""

    paragraph: int
    offset: int
    text: str


def mentions(source: Source) -> list[Mention]:
    """Every counted numeric mention of a source, paragraph by paragraph."""
    found = []
    for number, paragraph in enumerate(source.paragraphs):
        for token in find_numbers(paragraph):
            if is_counted(token, paragraph):
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


_NAMED_BY = 6  # characters before a number, back to its clause's start, that name what it counts
_NAMED_AT_LEAST = 2  # the words two mentions must share before the number (增长 of 增长17.7%) to be one figure


def _named(source: Source, mention: Mention) -> tuple[str, str]:
    """The words right before a mention in its clause, and the mention (工业总产值, 1572亿): what tells it again."""
    paragraph = source.paragraphs[mention.paragraph]
    start = max(clause_bounds(paragraph, mention.offset)[0], mention.offset - _NAMED_BY)
    words = re.split(r"[,，;；:：、。\s]", paragraph[start : mention.offset])[-1]
    # The verb before the amount says nothing of what it counts: 预计总投资达到76.63亿元 tells 预计总投资76.63亿元.
    verb = next((verb for verb in (*REPORT_VERBS, *CARRY_ON) if words.endswith(verb)), "")
    return words.removesuffix(verb) if len(words) > len(verb) else words, mention.text


def _told_again(named: tuple[str, str], covered: set[tuple[str, str]]) -> bool:
    """Whether a mention is a covered one told again: the same number after the same words (one's words ending on the
    other's, two characters at least), as a lead or a headline tells a figure of the body (工业总产值1572亿元 in the
    lead and in the body; 去年竣工项目37个 above 竣工项目37个)."""
    words, text = named
    return any(
        text == other_text
        and (words.endswith(other_words) or other_words.endswith(words))
        and min(len(words), len(other_words)) >= _NAMED_AT_LEAST
        for other_words, other_text in covered
    )


def coverage(source: Source, quotes: list[str]) -> Coverage:
    """Which mentions of `source` stand inside one of `quotes`; a mention telling a covered one again, with the same
    words before it, is covered by it."""
    marked: dict[int, set[int]] = {}
    for quote in quotes:
        for occurrence in source.occurrences(quote):
            for span in occurrence:
                marked.setdefault(span.paragraph, set()).update(range(span.start, span.end))
    covered, missed = [], []
    for mention in mentions(source):
        inside = mention.offset in marked.get(mention.paragraph, set())
        (covered if inside else missed).append(mention)
    told = {_named(source, mention) for mention in covered}
    again = [mention for mention in missed if _told_again(_named(source, mention), told)]
    return Coverage(source.id, covered + again, [mention for mention in missed if mention not in again])
