"""The yearbook as typed objects, built from validated data (no reading, no writing)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from generator.reading.numbers import normalize
from generator.reading.tables import table_lines
from generator.reading.text import may_continue, paragraphs_with_lines, raw_lines

_KEPT = re.compile(r"[^\s\u3000]")  # characters the checker compares (see numbers.normalize)


@dataclass(frozen=True)
class Indicator:
    """A comparable indicator of the catalogue."""

    id: str
    name: str
    name_en: str
    unit: str
    kind: str
    definition: str
    aliases: tuple[str, ...] = ()
    headline: bool = False
    # The years reports used an alias in, where known: (alias, from, until), either end open (None).
    alias_years: tuple[tuple[str, int | None, int | None], ...] = ()

    @property
    def aliases_shown(self) -> tuple[str, ...]:
        """The aliases as a reader sees them, each with the years it was used in if known: 高新技术企业(2008年起)."""
        years = {name: (first, last) for name, first, last in self.alias_years}
        return tuple(
            f"{alias}({_years_shown(*years[alias])})" if any(years.get(alias, ())) else alias for alias in self.aliases
        )

    @property
    def name_years_shown(self) -> str | None:
        """The years the indicator's own name names it in, where the catalogue knows them (科技型中小企业: 2017年起)."""
        years = next(((first, last) for name, first, last in self.alias_years if name == self.name), None)
        return _years_shown(*years) if years and any(years) else None


def _years_shown(first: int | None, last: int | None) -> str:
    """A span of years as a reader sees it: 2008年起, 2012年及以前, 1991—2012年."""
    if first and last:
        return f"{first}—{last}年"
    return f"{first}年起" if first else f"{last}年及以前"


def alias_years_of(fields: dict) -> tuple[tuple[str, int | None, int | None], ...]:
    """An indicator's alias_years as (alias, from, until) triples; what is not a mapping of spans gives none."""
    years = fields.get("alias_years") if isinstance(fields.get("alias_years"), dict) else {}
    spans = ((alias, span) for alias, span in years.items() if isinstance(span, dict))
    return tuple((alias, span.get("from"), span.get("until")) for alias, span in spans)


@dataclass(frozen=True)
class Park:
    """A high-tech park's profile."""

    id: str
    name: str
    short_name: str
    name_en: str
    province: str
    city: str
    region: str
    national_since: int | None = None
    website: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class Span:
    """Where a quote stands in a source: paragraph index and character range in that paragraph."""

    paragraph: int
    start: int
    end: int


@dataclass
class Source:
    """An archived report: metadata and its text as paragraphs."""

    id: str
    title: str
    publisher: str
    kind: str
    published: str | None
    park: str
    paragraphs: list[str]
    reference: str | None = None
    covers: tuple[int, ...] = ()
    url: str | None = None
    parks: tuple[str, ...] = ()  # other parks a report covers (a city-wide press release), besides `park`
    note: str | None = None
    retrieved: str | None = None  # when the archived copy was taken
    original: dict | None = None  # the published file beside the text: {file, sha256}
    _index: tuple[str, list[int]] | None = field(default=None, repr=False)
    _offsets: dict[int, list[int]] = field(default_factory=dict, repr=False)
    _starts: dict[str, int] = field(default_factory=dict, repr=False, compare=False)  # paragraph_of's answers
    # What the reading finds once for all the quotes of this text (reading/quotes.py): its page, its paragraphs.
    readings: dict = field(default_factory=dict, repr=False, compare=False)

    def _normalized(self) -> tuple[str, list[int]]:
        """The text without spaces and line breaks, and where each paragraph starts in it."""
        if self._index is None:
            parts = [normalize(paragraph) for paragraph in self.paragraphs]
            starts, total = [], 0
            for part in parts:
                starts.append(total)
                total += len(part)
            self._index = ("".join(parts), starts)
        return self._index

    def _offset_map(self, paragraph: int) -> list[int]:
        """For each kept character of a paragraph, its offset in the paragraph as written (computed on demand)."""
        if paragraph not in self._offsets:
            text = self.paragraphs[paragraph]
            self._offsets[paragraph] = [match.start() for match in _KEPT.finditer(text)]
        return self._offsets[paragraph]

    def contains(self, quote: str) -> bool:
        """Whether `quote` stands in the text, spaces and line breaks aside."""
        wanted = normalize(quote)
        return bool(wanted) and wanted in self._normalized()[0]

    def paragraph_of(self, quote: str) -> int:
        """The paragraph (0-based) where the first occurrence of `quote` starts, or 0."""
        found = self._starts.get(quote)
        if found is None:
            text, starts = self._normalized()
            wanted = normalize(quote)
            at = text.find(wanted) if wanted else -1
            found = self._starts[quote] = bisect.bisect_right(starts, at) - 1 if at >= 0 else 0
        return found

    def share_paragraphs(self, memo: dict[str, int]) -> None:
        """Answer paragraph_of from `memo` (the answers for this very text, kept by an earlier run) and add new
        answers to it."""
        memo.update(self._starts)
        self._starts = memo

    def locate(self, quote: str) -> list[Span]:
        """The spans (one per paragraph crossed) of the first occurrence of `quote`, or []."""
        occurrences = self.occurrences(quote, first_only=True)
        return occurrences[0] if occurrences else []

    def occurrences(self, quote: str, first_only: bool = False) -> list[list[Span]]:
        """The spans of every occurrence of `quote` (a passage may stand twice in a report)."""
        text, _ = self._normalized()
        wanted = normalize(quote)
        found, at = [], text.find(wanted) if wanted else -1
        while at >= 0:
            found.append(self._spans(at, len(wanted)))
            if first_only:
                break
            at = text.find(wanted, at + 1)
        return found

    def _spans(self, at: int, length: int) -> list[Span]:
        _, starts = self._normalized()
        spans: list[Span] = []
        paragraph = bisect.bisect_right(starts, at) - 1
        position, end = at, at + length
        while position < end:
            paragraph_end = starts[paragraph + 1] if paragraph + 1 < len(starts) else float("inf")
            stop = min(end, paragraph_end)
            offsets = self._offset_map(paragraph)
            first, last = position - starts[paragraph], stop - 1 - starts[paragraph]
            spans.append(Span(paragraph, offsets[first], offsets[last] + 1))
            position, paragraph = stop, paragraph + 1
        return spans

    @property
    def year(self) -> int | None:
        """The publication year, where known."""
        return int(self.published[:4]) if self.published else None


@dataclass(frozen=True)
class Quoted:
    """What every curated figure carries: its source, the verbatim quote and where it stands."""

    source: str
    quote: str
    paragraph: int  # where the quote starts (0-based); the source page finds its exact spans when it marks them
    note: str | None


@dataclass(frozen=True)
class Figure:
    """A value of a catalogue indicator for one park and year."""

    park: str
    year: int
    indicator: str
    value: float
    unit: str
    change_pct: float | None
    qualifier: str | None
    origin: Quoted
    order: int = 0  # position in its year file, for stable footnote numbers
    period: str | None = None  # part of the year (1-9月, 上半年); None = the whole year
    scope: str | None = None  # named part of the park (主园区); None = the whole park
    change_qualifier: str | None = None  # the hedge of the growth: 约 of 增长约15%

    @property
    def whole(self) -> bool:
        """Whether this is the park's value for the whole year (no period, no scope): the only kind compared."""
        return self.period is None and self.scope is None


@dataclass(frozen=True)
class FactFigure:
    """One number of a fact."""

    value: float
    unit: str
    qualifier: str | None = None


@dataclass(frozen=True)
class Fact:
    """Another quantified statement of a report, grouped by theme."""

    park: str
    year: int
    theme: str
    text: str
    figures: tuple[FactFigure, ...]
    origin: Quoted
    order: int = 0
    period: str | None = None
    scope: str | None = None


@dataclass(frozen=True)
class Target:
    """A goal a report sets for its year or a later one."""

    park: str
    set_in: int
    for_year: int
    indicator: str | None
    text: str
    value: float
    unit: str
    comparator: str
    origin: Quoted
    order: int = 0


@dataclass
class ParkYear:
    """What one park reported for one year."""

    park: str
    year: int
    summary: str | None
    sources: tuple[str, ...]
    figures: list[Figure]
    facts: list[Fact]
    targets: list[Target]


@dataclass
class Yearbook:
    """Everything the site shows."""

    indicators: dict[str, Indicator]
    parks: dict[str, Park]
    sources: dict[str, Source]
    years: dict[tuple[str, int], ParkYear]

    def __post_init__(self) -> None:
        # Indexes built once: pages ask for a park's years and series thousands of times.
        self._by_park: dict[str, list[ParkYear]] = {park: [] for park in self.parks}
        for key in sorted(self.years):
            self._by_park.setdefault(key[0], []).append(self.years[key])
        self._series: dict[tuple[str, str], list[Figure]] = {}
        for park_year in (y for years in self._by_park.values() for y in years):
            for figure in park_year.figures:
                if figure.whole:  # a 1-9月 or 主园区 figure is never drawn or compared as the year's value
                    self._series.setdefault((figure.park, figure.indicator), []).append(figure)
        order = {indicator: n for n, indicator in enumerate(self.indicators)}
        self._figures = sorted(
            (f for y in self.years.values() for f in y.figures), key=lambda f: (f.park, f.year, order[f.indicator])
        )

    def park_years(self, park: str) -> list[ParkYear]:
        """A park's year files, oldest first."""
        return self._by_park.get(park, [])

    def figures(self) -> list[Figure]:
        """Every indicator figure, ordered by park, year and catalogue order."""
        return self._figures

    def series(self, park: str, indicator: str) -> list[Figure]:
        """One park's whole-year, whole-park values of one indicator, oldest first."""
        return self._series.get((park, indicator), [])

    def targets_for(self, park: str, year: int) -> list[Target]:
        """Targets any year file of `park` set for `year`."""
        return [t for y in self.park_years(park) for t in y.targets if t.for_year == year]

    def figure(self, park: str, year: int, indicator: str) -> Figure | None:
        """The whole-year, whole-park figure of one indicator for one park-year, if reported."""
        park_year = self.years.get((park, year))
        if park_year is None:
            return None
        return next((f for f in park_year.figures if f.indicator == indicator and f.whole), None)


def paragraphs_of(text: str) -> list[str]:
    """A source text's paragraphs as the reading takes them (reading/text.py): its lines, trimmed, with a line a page
    layout broke inside a sentence joined to the one before, table rows never joined."""
    return list(_paragraphs(text))


@lru_cache(maxsize=8192)  # the check and the model each make a source of the same text
def _paragraphs(text: str) -> tuple[str, ...]:
    lines = raw_lines(text)
    # Whether a line is a table's only matters where it might be joined to the line before (most lines end a
    # sentence): the test is costly, so it is made there only.
    joining = may_continue(lines)
    _, first_lines = paragraphs_with_lines(text, table_lines(lines, {*joining, *(i - 1 for i in joining)}))
    ends = [*first_lines[1:], len(lines)]
    return tuple("".join(line.strip() for line in lines[a:b]) for a, b in zip(first_lines, ends, strict=True))
