"""The site's page kinds, one row each: where its pages stand, the template that renders them, what the template is
given and what each page shows. Page paths, links, the menu and the incremental rebuild all follow from this table.

A new page kind is one row of KINDS and one template in site_templates/.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator.pages import present
from generator.pages.report_text import source_body
from generator.pages.site_index import SiteIndex

# The home page shows what a reader needs first, whatever the yearbook's size (≤ 100 KB at 178 parks × 20 years):
# one table of the latest figures of the parks that reported most recently (a row a park, a column for each of a
# few headline indicators), and the top of one ranking; the rest is a click away.
HOME_PARKS = 20
HOME_INDICATORS = 4
HOME_RANKING = 10

Shown = tuple[str, str]  # ("park" | "indicator" | "source", its id): a part of the yearbook a page shows


@dataclass(frozen=True)
class PageKind:
    """One kind of generated page."""

    name: str
    path: str  # under docs/; {park}, {year}, {indicator} and {source} stand for the keys of one page
    template: str  # in site_templates/
    pages: Callable[[SiteIndex], Iterable[dict]]  # the keys of every page of this kind
    context: Callable[..., dict]  # (index, **keys) → what the template gets besides page, pages and yb
    # (index, **keys) → the parks, indicators and sources the page shows: an edit to one of them renders it again.
    # None: the page shows the whole yearbook (a listing, a total) and is rendered on every build.
    shows: Callable[..., Iterable[Shown]] | None = None
    # Whether the side menu lists this kind's pages (nav.py); the others are reached through links. Thousands of
    # year pages and reports in every page's menu would multiply each page and the build.
    in_menu: bool = True

    def path_of(self, **keys) -> str:
        """The path under docs/ of this kind's page with these keys."""
        return self.path.format(**keys)


# --- which pages each kind has ---------------------------------------------------------------------------------


def _one(index: SiteIndex) -> list[dict]:
    return [{}]


def _each_park(index: SiteIndex) -> list[dict]:
    return [{"park": park} for park in index.yb.parks]


def _each_park_year(index: SiteIndex) -> list[dict]:
    return [{"park": park, "year": py.year} for park in index.yb.parks for py in index.yb.park_years(park)]


def _each_indicator(index: SiteIndex) -> list[dict]:
    return [{"indicator": indicator} for indicator in index.yb.indicators]


def _each_indicator_year(index: SiteIndex) -> list[dict]:
    return [
        {"indicator": indicator, "year": year} for indicator, years in index.indicator_years.items() for year in years
    ]


def _each_park_with_sources(index: SiteIndex) -> list[dict]:
    # Each park's sources on a page of their own: one listing of every report would pass 900 KB at scale.
    return [{"park": park} for park in index.sources_of]


def _each_source(index: SiteIndex) -> list[dict]:
    return [{"source": source} for source in index.yb.sources]


# --- what each kind's template is given ------------------------------------------------------------------------


def _home(index: SiteIndex) -> dict:
    latest = index.latest
    recent = set(sorted(latest, key=lambda park: (-latest[park].year, park))[:HOME_PARKS])
    compared = present.compared(index.figures_by_indicator)
    return {
        # The rows in the order of the parks listing: region, province, park.
        "latest": [
            latest[park.id]
            for _, provinces in index.grouped
            for _, parks in provinces
            for park in parks
            if park.id in recent
        ],
        "reported": len(latest),
        "headline": present.headline_indicators(index.figures_by_indicator, HOME_INDICATORS),
        "compared": compared,
        "in_year": [f for f in index.figures_by_indicator[compared[0]] if f.year == compared[1]] if compared else [],
        "ranking_rows": HOME_RANKING,
    }


def _park(index: SiteIndex, park: str) -> dict:
    series = index.series(park)
    return {
        "park": index.yb.parks[park],
        "series": series,
        "years": [py.year for py in index.yb.park_years(park)],
        "single": [(indicator, figures) for indicator, figures in series.items() if len(figures) == 1],
        "has_sources": park in index.sources_of,
    }


def _park_year(index: SiteIndex, park: str, year: int) -> dict:
    series = index.series(park)
    return {
        "park": index.yb.parks[park],
        "py": index.yb.years[(park, year)],
        "series": series,
        "multi": [indicator for indicator, figures in series.items() if len(figures) > 1],
        "years": [py.year for py in index.yb.park_years(park)],
    }


def _indicator(index: SiteIndex, indicator: str, year: int | None = None) -> dict:
    """An indicator's page ranks the parks in one year (the one most parks report, present.ranking_year); each year
    has its own page."""
    figures, years = index.figures_by_indicator[indicator], index.indicator_years[indicator]
    chosen = present.ranking_year(figures)
    if year is None:
        year = chosen[0] if chosen else years[-1] if years else None
    return {
        "indicator": index.yb.indicators[indicator],
        "figures": figures,
        "years": years,
        "year": year,
        "in_year": [f for f in figures if f.year == year],
        "chosen": chosen,
    }


def _source(index: SiteIndex, source: str) -> dict:
    quoted = index.quoted(source)
    report = index.yb.sources[source]
    return {"source": report, "quoted": quoted, "body": source_body(report, [entry for _, entry in quoted])}


# --- what each page shows ---------------------------------------------------------------------------------------


def _shows_park(index: SiteIndex, park: str, **keys) -> list[Shown]:
    return [("park", park)]


def _shows_park_and_its_sources(index: SiteIndex, park: str) -> list[Shown]:
    # The park page links its listing of sources when it has one.
    return [("park", park), *_shows_its_sources(index, park)]


def _shows_its_sources(index: SiteIndex, park: str) -> list[Shown]:
    # A park's listing of its sources shows their titles and dates (changes() sees a source move or go).
    return [("source", source.id) for source in index.sources_of.get(park, ())]


def _shows_indicator(index: SiteIndex, indicator: str, **keys) -> list[Shown]:
    return [("indicator", indicator)]


def _shows_source(index: SiteIndex, source: str) -> list[Shown]:
    return [("source", source)]


KINDS = (
    PageKind("home", "index.md", "home.md.j2", _one, _home),
    PageKind("parks", "parks/index.md", "parks_index.md.j2", _one, lambda index: {"grouped": index.grouped}),
    # A park's page is parks/<park>.md, not parks/<park>/index.md (the same address, /parks/<park>/): the theme's
    # navigation.indexes takes an index.md as the page of the section above it, so the first park of each province
    # would stand in for the province and vanish from the menu.
    PageKind("park", "parks/{park}.md", "park.md.j2", _each_park, _park, _shows_park_and_its_sources),
    PageKind(
        "park_year",
        "parks/{park}/{year}.md",
        "park_year.md.j2",
        _each_park_year,
        _park_year,
        _shows_park,
        in_menu=False,
    ),
    PageKind(
        "indicators",
        "indicators/index.md",
        "indicators_index.md.j2",
        _one,
        lambda index: {"counts": {i: len(figures) for i, figures in index.figures_by_indicator.items()}},
    ),
    PageKind(
        "indicator", "indicators/{indicator}.md", "indicator.md.j2", _each_indicator, _indicator, _shows_indicator
    ),
    PageKind(
        "indicator_year",
        "indicators/{indicator}/{year}.md",
        "indicator_year.md.j2",
        _each_indicator_year,
        _indicator,
        _shows_indicator,
        in_menu=False,
    ),
    PageKind(
        "sources",
        "sources/index.md",
        "sources_index.md.j2",
        _one,
        lambda index: {"grouped": index.grouped, "sources_of": index.sources_of},
    ),
    PageKind(
        "park_sources",
        "parks/{park}/sources.md",
        "park_sources.md.j2",
        _each_park_with_sources,
        lambda index, park: {"park": index.yb.parks[park], "listed": index.sources_of[park]},
        _shows_its_sources,
        in_menu=False,
    ),
    PageKind("source", "sources/{source}.md", "source.md.j2", _each_source, _source, _shows_source, in_menu=False),
    PageKind("data", "data/index.md", "data.md.j2", _one, lambda index: {"rows": len(index.yb.figures())}),
)
KIND = {kind.name: kind for kind in KINDS}


def path_of(kind: str, **keys) -> str:
    """The path under docs/ of the page of `kind` with these keys: path_of("park_year", park="xinyu", year=2014)."""
    return KIND[kind].path_of(**keys)


@dataclass(frozen=True)
class Page:
    """One page to render: its kind, its keys and its path under docs/."""

    kind: PageKind
    keys: dict
    path: str

    def context(self, index: SiteIndex) -> dict:
        return self.kind.context(index, **self.keys)

    def shows(self, index: SiteIndex) -> Iterable[Shown] | None:
        return None if self.kind.shows is None else self.kind.shows(index, **self.keys)


def site_pages(index: SiteIndex) -> list[Page]:
    """Every page of the yearbook, kind by kind."""
    return [Page(kind, keys, kind.path_of(**keys)) for kind in KINDS for keys in kind.pages(index)]


def page_roots() -> tuple[str, ...]:
    """The files and folders of docs/ that hold generated pages: index.md, parks, indicators, …"""
    return tuple(dict.fromkeys(kind.path.split("/")[0] for kind in KINDS))


def off_menu_patterns() -> list[str]:
    """MkDocs `not_in_nav` patterns of the kinds the menu leaves out: a year stands for digits, any other key for any
    name (so `parks/{park}/{year}.md` is `/parks/*/[0-9]*.md`)."""
    patterns = []
    for kind in KINDS:
        if not kind.in_menu:
            patterns.append("/" + kind.path.replace("{year}", "[0-9]*").format_map(_AnyName()))
    return patterns


class _AnyName(dict):
    """Fills every key of a path pattern with `*`."""

    def __missing__(self, key: str) -> str:
        return "*"
