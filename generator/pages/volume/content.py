"""What a year's volume says, in reading order: the same labels, verdicts and rankings as the site's pages."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.data.model import Figure, Park, Source, Yearbook
from generator.pages import present
from generator.pages.site_index import grouped_parks


@dataclass(frozen=True)
class Note:
    """A footnote: the verbatim quote and the report it stands in (by its number in the index of sources)."""

    quote: str
    source: int
    note: str | None = None


@dataclass(frozen=True)
class Row:
    """A headline figure of a park's chapter."""

    indicator: str
    value: str  # with its hedge and unit, and the part of the year or park it covers
    growth: str
    note: Note


@dataclass(frozen=True)
class TargetRow:
    """A target, set in this volume's year or checked in it."""

    set_in: int
    for_year: int
    text: str
    goal: str
    actual: str
    verdict: str
    note: Note


@dataclass
class Chapter:
    """One park's year."""

    park: Park
    summary: str | None
    figures: list[Row]
    themes: list[tuple[str, list[tuple[str, Note]]]]
    targets_set: list[TargetRow]
    targets_checked: list[TargetRow]
    growth_rows: list[dict]  # the 同比 chart's data (whole-year, whole-park figures with a growth)
    chart: str | None = None  # its file among the typeset volume's charts, where drawn


@dataclass(frozen=True)
class Ranked:
    """One park's place in an indicator's ranking."""

    rank: int | None
    park: str
    value: str
    growth: str
    number: float  # the value drawn on the chart


@dataclass
class Ranking:
    """A catalogue indicator's ranking of the parks that report it in the year."""

    indicator: str
    name: str
    unit: str
    rows: list[Ranked]
    chart: str | None = None  # its file among the typeset volume's charts: none when no park has a whole-year value


@dataclass
class Volume:
    """A year's volume: overview, chapters by region and province, and the reports they cite."""

    year: int
    site_url: str
    rankings: list[Ranking]
    regions: list[tuple[str, list[tuple[str, list[Chapter]]]]]
    sources: list[Source] = field(default_factory=list)

    @property
    def chapters(self) -> list[Chapter]:
        return [c for _, provinces in self.regions for _, chapters in provinces for c in chapters]


def volume_years(yearbook: Yearbook) -> list[int]:
    """The years some park reported: one volume each."""
    return sorted({year for _, year in yearbook.years})


def value_text(figure: Figure) -> str:
    """`近300亿元(1-9月)`: the value as the site prints it, with the part it covers."""
    part = present.part_label(figure)
    return present.with_qualifier(figure.value, figure.unit, figure.qualifier) + (f"({part})" if part else "")


def build_volume(yearbook: Yearbook, year: int, site_url: str = "") -> Volume:
    """The volume of `year`: every park that reported for it, ordered by region, province and id."""
    cited: dict[str, int] = {}

    def note(origin) -> Note:
        number = cited.setdefault(origin.source, len(cited) + 1)
        return Note(origin.quote, number, origin.note)

    regions = []
    for region, provinces in grouped_parks(yearbook):
        kept = []
        for province, parks in provinces:
            chapters = [_chapter(yearbook, park, year, note) for park in parks if (park.id, year) in yearbook.years]
            if chapters:
                kept.append((province, chapters))
        if kept:
            regions.append((region, kept))
    rankings = _rankings(yearbook, year)
    sources = sorted(cited, key=cited.get)
    return Volume(year, site_url, rankings, regions, [yearbook.sources[s] for s in sources])


def _chapter(yearbook: Yearbook, park: Park, year: int, note) -> Chapter:
    park_year = yearbook.years[(park.id, year)]
    rows = [
        Row(
            yearbook.indicators[f.indicator].name,
            value_text(f),
            present.growth(f.change_pct, f.change_qualifier),
            note(f.origin),
        )
        for f in park_year.figures
    ]
    themes: dict[str, list] = {}
    for fact in park_year.facts:
        themes.setdefault(fact.theme, []).append((fact.text, note(fact.origin)))
    checked = [t for t in yearbook.targets_for(park.id, year) if t.set_in != year]
    growing = [f for f in park_year.figures if f.change_pct is not None and f.whole]
    return Chapter(
        park,
        park_year.summary,
        rows,
        list(themes.items()),
        [_target(yearbook, t, note) for t in park_year.targets],
        [_target(yearbook, t, note) for t in checked],
        [present.chart_row(yearbook, f, {}) for f in growing],  # bars only: no series lines to mark
    )


def _target(yearbook: Yearbook, target, note) -> TargetRow:
    checked = present.target_status(yearbook, target)
    return TargetRow(
        target.set_in,
        target.for_year,
        target.text,
        f"{present.COMPARATOR_SIGNS[target.comparator]}{present.number(target.value)}{target.unit}",
        value_text(checked.actual) if checked.actual else "—",
        checked.label,
        note(target.origin),
    )


def _rankings(yearbook: Yearbook, year: int) -> list[Ranking]:
    """Every catalogue indicator reported in `year`, its parks ranked as the indicator pages rank them."""
    by_indicator: dict[str, list[Figure]] = {}
    for (_, figure_year), park_year in sorted(yearbook.years.items()):
        if figure_year == year:
            for figure in park_year.figures:
                by_indicator.setdefault(figure.indicator, []).append(figure)
    rankings = []
    for indicator in yearbook.indicators.values():
        figures = by_indicator.get(indicator.id)
        if figures:
            rows = [
                Ranked(
                    rank,
                    yearbook.parks[f.park].short_name,
                    value_text(f),
                    present.growth(f.change_pct, f.change_qualifier),
                    float(f.value),
                )
                for rank, f in present.ranked(figures)
            ]
            rankings.append(Ranking(indicator.id, indicator.name, indicator.unit, rows))
    return rankings


def report_line(source: Source, address: str) -> str:
    """A report as the footnotes and the index of sources name it: publisher, title, date, address."""
    date = source.published or "日期不详"
    return f"{source.publisher}.《{source.title}》,{date}" + (f"。{address}" if address else "")


def report_address(source: Source, site_url: str) -> str:
    """Where a reader finds the report: its published address, else its archived copy in the yearbook."""
    if source.url:
        return source.url
    return f"{site_url}sources/{source.id}/" if site_url else ""
