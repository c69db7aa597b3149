"""Render the yearbook into generated files (Markdown pages, data downloads, chart specs), in memory."""

from __future__ import annotations

import functools
import itertools
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from generator.data.model import Figure, ParkYear, Target, Yearbook
from generator.pages import present
from generator.pages.downloads import DownloadParts, data_files
from generator.pages.kinds import Page, path_of, site_pages
from generator.pages.markup import asset_url, html_text, md_link, md_text, md_text_linked, page_url, quote_anchor
from generator.pages.search_terms import name_terms
from generator.pages.site_index import SiteIndex
from generator.parallel import map_shares, worker_count
from generator.reading.numbers import to_decimal

_ROW_HEIGHT = {"growth": 28}  # the Altair step of the bar chart (generator/pages/charts.py)
TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "site_templates"


@functools.cache  # one per process: templates compile once, and Jinja reloads any whose file changed
def environment() -> jinja2.Environment:
    """Jinja2 set up for Markdown: every value is Markdown-escaped unless a template says otherwise."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR),
        undefined=jinja2.StrictUndefined,
        # YAML text is text, never Markdown, HTML or a link: every {{ value }} is Markdown-escaped,
        # except Markup (macro output and the |html, |raw filters).
        finalize=lambda value: value if isinstance(value, Markup) else Markup(md_text(value)),
        autoescape=True,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        html=html_text,
        linked=md_text_linked,
        num=present.number,
        growth=present.growth,
        comparator=present.COMPARATOR_SIGNS.__getitem__,
        clip=present.clip,
        qualified=lambda f: present.with_qualifier(f.value, f.unit, f.qualifier),
        raw=Markup,
        # Front matter titles and descriptions are used as HTML by the theme: escape them for HTML.
        yaml_str=lambda text: Markup(json.dumps(str(escape(str(text))), ensure_ascii=False)),
    )
    return env


class _Pages:
    """Builds each page's context; links are relative to the page being rendered."""

    def __init__(self, yearbook: Yearbook):
        self.yb = yearbook
        self.env = environment()
        self.files: dict[str, str] = {}
        self.catalogue_order = {indicator: n for n, indicator in enumerate(yearbook.indicators)}

    def link(self, page: str, to: str, anchor: str = "") -> Markup:
        return Markup(md_link(page, to, anchor))

    def url(self, page: str, to: str, anchor: str = "") -> str:
        return page_url(page, to, anchor)

    def path(self, kind: str, **keys) -> str:
        """The path under docs/ of a page of `kind` (generator/pages/kinds.py), for links from templates."""
        return path_of(kind, **keys)

    def source_link(self, page: str, origin) -> Markup:
        return self.link(page, path_of("source", source=origin.source), quote_anchor(origin.quote))

    def quote_url(self, page: str, origin) -> str:
        """A quoted passage's URL as served: its source page at the passage's own anchor."""
        return page_url(page, path_of("source", source=origin.source), quote_anchor(origin.quote))

    def chart(
        self, page: str, kind: str, data: str, title: str, unit: str, figures=(), table="下方数据表", **filters
    ) -> dict:
        """What the chart partial needs: a chart kind pointed at a data file, filtered, and the key to the marks
        its `figures` need; `table` names where the same numbers stand as a table."""
        return {
            "kind": kind,
            "spec": asset_url(page, f"assets/charts/{kind}.json"),
            "src": asset_url(page, data),
            "title": title,
            "unit": unit,
            "table": table,
            "key": _chart_key(kind, figures, self.yb),
            # Room kept for a chart of rows (its height known here), so drawing it does not push the page down.
            "height": 70 + _ROW_HEIGHT[kind] * sum(1 for f in figures if present.is_whole(f))
            if kind in _ROW_HEIGHT
            else 0,
            # Attribute names in kebab case: data-filter-indicator-in reaches the browser as filterIndicatorIn.
            "filters": {key.replace("_", "-"): str(value) for key, value in filters.items() if value is not None},
        }

    def ranking_rows(self, page: str, ranked: list[tuple]) -> Markup:
        """The <tr> rows of one year's ranking of an indicator (rank, park, value, 同比, source), each value with a
        bar to scale: a bar chart in HTML, drawn without the chart library (up to 178 rows a page)."""
        whole = [f for rank, f in ranked if rank is not None]
        largest = max((to_decimal(f.value) for f in whole), default=0)
        rows = []
        for rank, f in ranked:
            year_url = escape(page_url(page, path_of("park_year", park=f.park, year=f.year)))
            source_url = escape(self.quote_url(page, f.origin))
            value = escape(present.with_qualifier(f.value, f.unit, f.qualifier)) + Markup(_marks(f))
            if rank is None:  # part of the year or park: listed, not ranked, no bar
                place, bar = "不排名", ""
            else:
                share = to_decimal(f.value) / largest * 100 if largest > 0 and to_decimal(f.value) > 0 else 0
                hedged = " yb-bar-hedged" if f.qualifier else ""
                place, bar = rank, f'<span class="yb-bar{hedged}" style="width: {share:.1f}%;"></span>'
            rows.append(
                f'<tr><td>{place}</td><td><a href="{year_url}">{escape(self.yb.parks[f.park].short_name)}</a></td>'
                f'<td class="yb-bar-cell"><span class="yb-bar-track">{bar}</span>{value}</td>'
                f'<td align="right">{escape(present.growth(f.change_pct, f.change_qualifier))}</td>'
                f'<td><a href="{source_url}">原文</a></td></tr>'
            )
        return Markup("\n".join(rows))

    def latest_rows(self, page: str, latest: list[ParkYear], headline: list[str]) -> Markup:
        """The <tr> rows of the home page's latest figures: the park; its latest year with one figure of that year
        not in the headline columns (or what the year holds when it has no indicator figure); each headline
        indicator's latest whole-year, whole-park value, with its year where that is not the park's latest."""
        rows = []
        for py in latest:
            park_url = escape(page_url(page, path_of("park", park=py.park)))
            year_url = escape(page_url(page, path_of("park_year", park=py.park, year=py.year)))
            others = [f for f in py.figures if f.indicator not in headline or not present.is_whole(f)]
            other = min(others, key=lambda f: self.catalogue_order[f.indicator], default=None)
            if other is not None:
                indicator_url = escape(page_url(page, path_of("indicator", indicator=other.indicator)))
                value = escape(present.with_qualifier(other.value, other.unit, other.qualifier))
                note = (
                    f'<br><span class="yb-latest-other"><a href="{indicator_url}">'
                    f"{escape(self.yb.indicators[other.indicator].name)}</a> "
                    f'<a href="{escape(self.quote_url(page, other.origin))}">{value}</a>{_marks(other)}</span>'
                )
            else:
                content = present.year_content(py)
                note = f'<br><span class="yb-latest-other">{escape(content)}</span>' if content else ""
            cells = []
            for indicator in headline:
                series = self.yb.series(py.park, indicator)
                if not series:
                    cells.append('<td align="right">—</td>')
                    continue
                f = series[-1]
                value = escape(present.with_qualifier(f.value, "", f.qualifier))
                year = f' <span class="yb-mark">({f.year}年)</span>' if f.year != py.year else ""
                cells.append(
                    f'<td align="right"><a href="{escape(self.quote_url(page, f.origin))}">{value}</a>{year}</td>'
                )
            rows.append(
                f'<tr><td><a href="{park_url}">{escape(self.yb.parks[py.park].short_name)}</a></td>'
                f'<td><a href="{year_url}">{py.year}年</a>{note}</td>{"".join(cells)}</tr>'
            )
        return Markup("\n".join(rows))

    def render(self, template: str, page: str, **context) -> None:
        self.files[page] = self.env.get_template(template).render(page=page, pages=self, yb=self.yb, **context)

    # Context helpers used by templates -------------------------------------------------------------

    def park_year_link(self, page: str, park: str, year: int) -> Markup:
        return self.link(page, path_of("park_year", park=park, year=year))

    def indicator_link(self, page: str, indicator: str) -> Markup:
        return self.link(page, path_of("indicator", indicator=indicator))

    def park_link(self, page: str, park: str) -> Markup:
        return self.link(page, path_of("park", park=park))

    def footnote_items(self, page: str, notes: list[tuple], titled: bool) -> Markup:
        """The <li> of each footnote (label, origin): the quote and a link to its paragraph, ~50 on a year page."""
        items = []
        for label, origin in notes:
            paragraph = origin.paragraph + 1
            url = escape(self.quote_url(page, origin))
            title = f"{escape(self.yb.sources[origin.source].title)} " if titled else ""
            note = f" 注:{escape(origin.note)}" if origin.note else ""
            label = escape(label)
            items.append(
                f'<li id="fn:{label}">\n<p><a href="{url}">{title}第{paragraph}段</a>:“{escape(origin.quote)}”{note}'
                f'&#160;<a class="footnote-backref" href="#fnref:{label}" title="返回正文">&#8617;</a></p>\n</li>'
            )
        return Markup("\n".join(items))

    def quoted_rows(self, page: str, quoted: list[tuple]) -> Markup:
        """The <tr> rows of a source page's 引用本文的数据: Python, as a report may be quoted a hundred times."""
        rows = []
        for py, entry in quoted:
            year_url = escape(page_url(page, path_of("park_year", park=py.park, year=py.year)))
            paragraph = entry.origin.paragraph + 1
            anchor = escape(quote_anchor(entry.origin.quote))
            rows.append(
                f'<tr><td><a href="{year_url}">{escape(self.yb.parks[py.park].short_name)} {py.year}</a></td>'
                f'<td>{escape(_describe(self.yb, entry))}</td><td><a href="#{anchor}">第{paragraph}段</a></td></tr>'
            )
        return Markup("\n".join(rows))

    def series_rows(self, page: str, figures: list[Figure], show_park: bool) -> Markup:
        """The <tr> rows of a series table: Python, not a Jinja loop, as an indicator page has one per park-year."""
        rows = []
        for f in figures:
            park = f"<td>{escape(self.yb.parks[f.park].short_name)}</td>" if show_park else ""
            year_url = escape(page_url(page, path_of("park_year", park=f.park, year=f.year)))
            source_url = escape(self.quote_url(page, f.origin))
            value = escape(present.with_qualifier(f.value, f.unit, f.qualifier)) + Markup(_marks(f))
            rows.append(
                f'<tr>{park}<td><a href="{year_url}">{f.year}</a></td><td align="right">{value}</td>'
                f'<td align="right">{escape(present.growth(f.change_pct, f.change_qualifier))}</td>'
                f'<td><a href="{source_url}">原文</a></td></tr>'
            )
        return Markup("\n".join(rows))

    def marks(self, figure) -> Markup:
        """The part of the year (1–9月) and of the park (主园区) a figure covers, shown beside its value; empty for a
        whole-year, whole-park figure."""
        return Markup(_marks(figure))

    def marks_note(self, figures) -> Markup:
        """The note under a table or row of cards in which some figure covers only part of the year or park."""
        if not any(getattr(f, "period", None) or getattr(f, "scope", None) for f in figures):
            return Markup("")
        return Markup(f'<p class="yb-mark-note">{MARKS_NOTE}</p>')

    def search_terms(self, park) -> str:
        """A park's names as search terms for its page's Pagefind metadata (see search_terms.name_terms). Its year
        pages carry none: the search box lists them by their park filter (yearbook-search.js), and twenty pages a
        park of one- to four-character terms would weigh on the index chunks of 高, 新 and 区."""
        return name_terms(park.name, park.short_name, park.city, park.province, park.name_en)

    def indicator_terms(self, indicator) -> str:
        """An indicator's names as search terms for its page's Pagefind metadata (see search_terms.name_terms)."""
        return name_terms(indicator.name, *indicator.aliases)

    def position(self, series, year):
        return present.position(series, year)

    def status(self, target):
        return present.target_status(self.yb, target)

    def target_states(self, targets) -> list[str]:
        return [present.target_status(self.yb, target).state for target in targets]

    def ranking_year(self, figures):
        return present.ranking_year(figures)

    def ranked(self, figures):
        return present.ranked(figures)


MARKS_NOTE = (
    "注:数值旁标出时段(如“1–9月”)的,只含该年的一部分;标出范围(如“主园区”)的,只含园区的一部分。"
    "与全年、全园区的数值比较时请留意。"
)


def _marks(figure) -> str:
    """`<span class="yb-mark">1–9月 · 主园区</span>` for a figure that covers part of the year or park, else ''."""
    parts = [part for part in (getattr(figure, "period", None), getattr(figure, "scope", None)) if part]
    if not parts:
        return ""
    period = getattr(figure, "period", None)
    text = " · ".join(part.replace("-", "–") if part == period else part for part in parts)
    return f' <span class="yb-mark">({escape(text)})</span>'


def _describe(yb: Yearbook, entry) -> str:
    """A one-line description of a curated entry for the source page."""
    if isinstance(entry, Figure):
        return (
            f"{yb.indicators[entry.indicator].name} {present.with_qualifier(entry.value, entry.unit, entry.qualifier)}"
        )
    if isinstance(entry, Target):
        return f"目标({entry.for_year}年):{entry.text}"
    return f"{entry.theme}:{entry.text}"


def _chart_key(kind: str, figures, yb: Yearbook) -> list[str]:
    """What the marks of a chart mean, for the marks its figures need (a series chart gets whole series)."""
    figures = list(figures)
    partial = any(not present.is_whole(f) for f in figures)
    if kind not in ("panels", "compare"):
        return []
    series: dict[tuple, list[Figure]] = defaultdict(list)
    for figure in figures:
        series[(figure.park, figure.indicator)].append(figure)
    gaps = breaks = False
    for values in series.values():
        whole = [f for f in values if present.is_whole(f)]
        gaps = gaps or any(b.year - a.year > 1 for a, b in itertools.pairwise(whole))
        breaks = breaks or any(mark["basis_break"] for mark in present.series_marks(values).values())
    return [
        *(["空心圆点:报告给出的是约数(近、约、超……)"] if any(f.qualifier for f in figures) else []),
        *(["空心三角:只涵盖部分期间或部分园区的数字,不与全年数字相连"] if partial else []),
        *(["相隔一年以上的两年之间不连线:中间的年份没有数据"] if gaps else []),
        *(["竖虚线:指标口径在此改变,前后数字不宜直接比较"] if breaks else []),
    ]


_PAGES_PER_WORKER = 400  # below this, starting processes costs more than it saves


def render_pages(yb: Yearbook, only: set[str] | None = None) -> dict[str, str]:
    """Markdown pages keyed by their path under docs/ (all, or those in `only`); shares render in parallel."""
    index = SiteIndex(yb)
    jobs = [page for page in site_pages(index) if only is None or page.path in only]
    # Found once here rather than in every process: the entries quoting the reports whose pages are rendered.
    index.quote_sources(None if only is None else {page.keys["source"] for page in jobs if "source" in page.keys})

    def render_share(share: int) -> dict[str, str]:
        pages = _Pages(yb)
        for page in jobs[share::shares]:  # interleaved: big and small pages in every share
            pages.render(page.kind.template, page.path, **page.context(index))
        return pages.files

    shares = worker_count() if len(jobs) >= _PAGES_PER_WORKER else 1
    rendered: dict[str, str] = {}
    for files in map_shares(render_share, shares):
        rendered.update(files)
    return {page.path: rendered[page.path] for page in jobs}


def page_paths(yb: Yearbook) -> set[str]:
    """The path of every page the yearbook has."""
    return {page.path for page in site_pages(SiteIndex(yb))}


def changes(old: Yearbook, new: Yearbook) -> tuple[set[str], set[str], set[str]] | None:
    """(parks, indicators, sources) whose pages and data show something that differs between two yearbooks
    built with the same Reuse (unchanged parts are the same objects); None when any page may differ."""
    if old.indicators is not new.indicators or old.parks.keys() != new.parks.keys():
        return None
    if any(old.parks[key] is not new.parks[key] for key in new.parks):
        return None  # names and provinces appear on many pages and in the navigation
    parks: set[str] = set()
    indicators: set[str] = set()
    sources = {
        key for key in old.sources.keys() | new.sources.keys() if old.sources.get(key) is not new.sources.get(key)
    }
    for key in sources:
        before, after = old.sources.get(key), new.sources.get(key)
        if before is not None and (after is None or (after.park, after.parks) != (before.park, before.parks)):
            return None  # the listing of the park it left changes too (rare: a full render)
    if sources:  # a source's title stands in every download row and chart tooltip of the figures quoting it
        for py in new.years.values():
            quoting = [f for f in py.figures if f.origin.source in sources]
            if quoting or any(e.origin.source in sources for e in (*py.facts, *py.targets)):
                parks.add(py.park)
                indicators.update(f.indicator for f in quoting)
    for key in old.years.keys() | new.years.keys():
        before, after = old.years.get(key), new.years.get(key)
        if before is after:
            continue
        parks.add(key[0])  # a park's page and all its year pages show its series
        # Indicator and report pages list entries of many parks: only those whose entries changed are redone.
        old_figures, new_figures = _by(before, "indicator"), _by(after, "indicator")
        indicators.update(
            i for i in old_figures.keys() | new_figures.keys() if old_figures.get(i) != new_figures.get(i)
        )
        old_quoted, new_quoted = _by(before, "source"), _by(after, "source")
        sources.update(s for s in old_quoted.keys() | new_quoted.keys() if old_quoted.get(s) != new_quoted.get(s))
        if (before and before.sources) != (after and after.sources):
            sources.update([*(before.sources if before else ()), *(after.sources if after else ())])
    return parks, indicators, sources


def _by(park_year: ParkYear | None, what: str) -> dict[str, list]:
    """A park-year's figures by indicator ("indicator"), or all its quoted entries by source ("source")."""
    grouped: dict[str, list] = defaultdict(list)
    if park_year is None:
        return grouped
    if what == "indicator":
        for figure in park_year.figures:
            grouped[figure.indicator].append(figure)
    else:
        for entry in [*park_year.figures, *park_year.facts, *park_year.targets]:
            grouped[entry.origin.source].append(entry)
    return grouped


def _pages_showing(pages: list[Page], index: SiteIndex, shown: set[tuple[str, str]]) -> set[str]:
    """The pages that show any of `shown` (("park", id), ("indicator", id), ("source", id)), and every page that
    shows the whole yearbook."""
    stale = set()
    for page in pages:
        showing = page.shows(index)
        if showing is None or not shown.isdisjoint(showing):
            stale.add(page.path)
    return stale


@dataclass
class Rendered:
    """One render of the site, kept by a long-lived process for the next: what it was rendered from (templates,
    yearbook) and what it gave (files, download parts). A fresh one renders everything."""

    templates: tuple = ()
    yearbook: Yearbook | None = None
    files: dict[str, bytes] | None = None
    parts: DownloadParts = field(default_factory=DownloadParts)

    def followed_by(self, yearbook: Yearbook, files: dict[str, bytes]) -> Rendered:
        """The render after this one, of `yearbook` into `files`, with the same templates and download parts."""
        return Rendered(self.templates, yearbook, files, self.parts)


def render_site(yb: Yearbook, last: Rendered | None = None) -> dict[str, bytes]:
    """Every generated file, keyed by its path under docs/.

    `last` (the last render of this process, the unchanged parts of its yearbook the same objects) lets only the
    files that show a change be rendered again; the others are taken from it.
    """
    last = last or Rendered()
    changed = changes(last.yearbook, yb) if last.yearbook is not None and last.files is not None else None
    if changed is None:
        from generator.pages.charts import chart_specs  # Altair: imported only when the charts are made

        files = {path: text.encode("utf-8") for path, text in render_pages(yb).items()}
        files.update(data_files(yb, last.parts, set(yb.parks), set(yb.indicators)))
        for kind, spec in chart_specs().items():
            files[f"assets/charts/{kind}.json"] = spec.encode("utf-8")
        return files
    parks, indicators, sources = changed
    old_files = last.files
    index = SiteIndex(yb)
    pages = site_pages(index)
    paths = {page.path for page in pages}
    shown = {("park", p) for p in parks} | {("indicator", i) for i in indicators} | {("source", s) for s in sources}
    stale = _pages_showing(pages, index, shown) | (paths - old_files.keys())
    files = {path: old_files[path] for path in paths - stale}
    files.update((path, text.encode("utf-8")) for path, text in render_pages(yb, stale).items())
    kept = ("data/parks/", "data/indicators/", "assets/")
    redone = {f"data/indicators/{i}.json" for i in indicators} | {f"data/indicators/{i}.csv" for i in indicators}
    redone_years = tuple(f"data/indicators/{i}/" for i in indicators)  # a year may have lost its last figure
    files.update(
        (path, data)
        for path, data in old_files.items()
        if path.startswith(kept) and path not in redone and not path.startswith(redone_years)
    )
    files.update(data_files(yb, last.parts, parks, indicators, old_files))
    return files
