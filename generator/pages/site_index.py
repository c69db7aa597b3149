"""The views of the yearbook that several page kinds share: parks by region, each park's sources, each indicator's
years and figures, the entries quoting each report."""

from __future__ import annotations

from collections import defaultdict

from generator.data.model import Figure, Source, Yearbook

REGIONS = ("东部", "中部", "西部", "东北")


class SiteIndex:
    """The yearbook's shared views, computed once per render before its pages are shared out among processes."""

    def __init__(self, yearbook: Yearbook):
        self.yb = yearbook
        self.grouped = grouped_parks(yearbook)
        self.sources_of = _sources_by_park(yearbook)
        self.latest = {park: yearbook.park_years(park)[-1] for park in yearbook.parks if yearbook.park_years(park)}
        self.figures_by_indicator: dict[str, list[Figure]] = {indicator: [] for indicator in yearbook.indicators}
        for figure in yearbook.figures():
            self.figures_by_indicator[figure.indicator].append(figure)
        # Each indicator's years with figures: one ranking page each.
        self.indicator_years = {
            indicator: sorted({f.year for f in figures}) for indicator, figures in self.figures_by_indicator.items()
        }
        self._quoted: dict[str, list] | None = None

    def series(self, park: str) -> dict[str, list[Figure]]:
        """A park's series of each indicator it reports, in catalogue order."""
        found = ((indicator, self.yb.series(park, indicator)) for indicator in self.yb.indicators)
        return {indicator: values for indicator, values in found if values}

    def quote_sources(self, sources: set[str] | None) -> None:
        """Find the entries quoting these reports (None: every report), before the pages that list them render."""
        self._quoted = defaultdict(list)
        for py in self.yb.years.values() if sources is None or sources else ():
            for entries in (py.figures, py.facts, py.targets):
                for entry in entries:
                    if sources is None or entry.origin.source in sources:
                        self._quoted[entry.origin.source].append((py, entry))

    def quoted(self, source: str) -> list[tuple]:
        """(park-year, entry) of every entry quoting the report `source`."""
        if self._quoted is None:
            self.quote_sources(None)
        return self._quoted[source]


def _sources_by_park(yb: Yearbook) -> dict[str, list[Source]]:
    """Each park's sources, oldest first (undated ones last), for the parks that have any."""
    listed: dict[str, list[Source]] = defaultdict(list)
    for source in yb.sources.values():
        for park in dict.fromkeys((source.park, *source.parks)):  # a city-wide report under each park it covers
            listed[park].append(source)

    def order(source: Source) -> tuple:
        return source.published is None, source.published or "", source.id

    return {park: sorted(listed[park], key=order) for park in yb.parks if park in listed}


def grouped_parks(yb: Yearbook) -> list[tuple[str, list[tuple[str, list]]]]:
    """Parks grouped region → province, in the order readers expect."""
    by_region: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for park in yb.parks.values():
        by_region[park.region][park.province].append(park)
    return [
        (
            region,
            [(province, sorted(parks, key=lambda p: p.id)) for province, parks in sorted(by_region[region].items())],
        )
        for region in REGIONS
        if region in by_region
    ]
