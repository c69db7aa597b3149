"""How much of each report's numbers the curated quotes cover (which numbers count is read by
generator/reading/figures.py)."""

from __future__ import annotations

from dataclasses import dataclass

from generator.data.model import Source
from generator.reading.figures import is_counted
from generator.reading.numbers import find_numbers


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
