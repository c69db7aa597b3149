"""Render the yearbook into generated files (Markdown pages, data downloads, chart specs), in memory."""

from __future__ import annotations

import csv
import functools
import io
import itertools
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from generator.data.model import Figure, ParkYear, Source, Target, Yearbook
from generator.pages import present
from generator.pages.address import site_url
from generator.pages.charts import chart_specs
from generator.pages.markup import asset_url, html_text, md_link, md_text, page_url, quote_anchor
from generator.pages.search_terms import name_terms
from generator.parallel import map_shares, worker_count
from generator.reading.numbers import to_decimal

_ROW_HEIGHT = {"growth": 28}  # the Altair step of the bar chart (generator/pages/charts.py)
TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "site_templates"
REGIONS = ("东部", "中部", "西部", "东北")
# The home page shows what a reader needs first, whatever the yearbook's size (≤ 100 KB at 178 parks × 20 years):
# the latest figures of the parks that reported most recently, and the top of one ranking; the rest is a click away.
HOME_PARKS = 12
HOME_RANKING = 10


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
        num=present.number,
        growth=present.growth,
        qualified=lambda f: present.with_qualifier(f.value, f.unit, f.qualifier),
        raw=Markup,
        # Front matter titles and descriptions are used as HTML by the theme: escape them for HTML.
        yaml_str=lambda text: Markup(json.dumps(str(escape(str(text))), ensure_ascii=False)),
    )
    return env


def _json(data) -> str:
    # Compact: the downloads and chart data are read by programs, and the C encoder only runs without indent.
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


# Spreadsheets (Excel in a Chinese locale above all) read a CSV as UTF-8 only when it starts with this mark.
BOM = "\ufeff"


# A text cell starting with one of these is run as a formula by spreadsheets (=HYPERLINK(…) and the like); as OWASP
# recommends for CSV injection, such a cell gets a leading apostrophe, which spreadsheets show as text. Numbers
# (value, change_pct, year) are numbers in the rows, so a negative number such as -5.2 stays a number.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _spreadsheet_safe(row: dict) -> dict:
    """The row with every formula-like text cell prefixed by an apostrophe."""
    for key, value in row.items():
        if isinstance(value, str) and value.startswith(_FORMULA_START):
            row = {**row, key: "'" + value}
    return row


def _csv(rows: list[dict], columns: tuple[str, ...] = present.TIDY_COLUMNS) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(_spreadsheet_safe(row) for row in rows)
    return buffer.getvalue()


class _Pages:
    """Builds each page's context; links are relative to the page being rendered."""

    def __init__(self, yearbook: Yearbook):
        self.yb = yearbook
        self.env = environment()
        self.files: dict[str, str] = {}

    def link(self, page: str, to: str, anchor: str = "") -> Markup:
        return Markup(md_link(page, to, anchor))

    def url(self, page: str, to: str, anchor: str = "") -> str:
        return page_url(page, to, anchor)

    def source_link(self, page: str, origin) -> Markup:
        return self.link(page, f"sources/{origin.source}.md", quote_anchor(origin.quote))

    def quote_url(self, page: str, origin) -> str:
        """A quoted passage's URL as served: its source page at the passage's own anchor."""
        return page_url(page, f"sources/{origin.source}.md", quote_anchor(origin.quote))

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
            year_url = escape(page_url(page, f"parks/{f.park}/{f.year}.md"))
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
                f'<td style="text-align: right;">{escape(present.growth(f.change_pct, f.change_qualifier))}</td>'
                f'<td><a href="{source_url}">原文</a></td></tr>'
            )
        return Markup("\n".join(rows))

    def render(self, template: str, page: str, **context) -> None:
        self.files[page] = self.env.get_template(template).render(page=page, pages=self, yb=self.yb, **context)

    # Context helpers used by templates -------------------------------------------------------------

    def park_year_link(self, page: str, park: str, year: int) -> Markup:
        return self.link(page, f"parks/{park}/{year}.md")

    def indicator_link(self, page: str, indicator: str) -> Markup:
        return self.link(page, f"indicators/{indicator}.md")

    def park_link(self, page: str, park: str) -> Markup:
        return self.link(page, f"parks/{park}/index.md")

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
            year_url = escape(page_url(page, f"parks/{py.park}/{py.year}.md"))
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
            year_url = escape(page_url(page, f"parks/{f.park}/{f.year}.md"))
            source_url = escape(self.quote_url(page, f.origin))
            value = escape(present.with_qualifier(f.value, f.unit, f.qualifier)) + Markup(_marks(f))
            rows.append(
                f'<tr>{park}<td><a href="{year_url}">{f.year}</a></td><td style="text-align: right;">{value}</td>'
                f'<td style="text-align: right;">{escape(present.growth(f.change_pct, f.change_qualifier))}</td>'
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


def _sources_by_park(yb: Yearbook) -> dict[str, list[Source]]:
    """Each park's sources, oldest first (undated ones last), for the parks that have any."""
    listed: dict[str, list[Source]] = defaultdict(list)
    for source in yb.sources.values():
        for park in dict.fromkeys((source.park, *source.parks)):  # a city-wide report under each park it covers
            listed[park].append(source)

    def order(source: Source) -> tuple:
        return source.published is None, source.published or "", source.id

    return {park: sorted(listed[park], key=order) for park in yb.parks if park in listed}


def _grouped_parks(yb: Yearbook) -> list[tuple[str, list[tuple[str, list]]]]:
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


def _source_body(source: Source, quoted_entries) -> str:
    """The report as HTML: a numbered, linkable paragraph each; every quoted passage a <mark> with its own anchor
    (`quote_anchor`), so a figure's link shows that passage alone among the others of its paragraph."""
    marks: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for quote in dict.fromkeys(entry.origin.quote for entry in quoted_entries):
        anchor = quote_anchor(quote)
        for span in source.locate(quote):
            marks[span.paragraph].append((span.start, span.end, anchor))
    html = ['<div class="yb-source">']
    for index, text in enumerate(source.paragraphs):
        number = index + 1
        quoted = " yb-quoted" if index in marks else ""
        html.append(
            f'<p id="p{number}" class="yb-paragraph{quoted}"><a class="yb-pnum" href="#p{number}" '
            f'title="第{number}段" aria-label="第{number}段">{number}</a>{_marked(text, marks.get(index, []))}</p>'
        )
    html.append("</div>")
    return "\n".join(html)


def _marked(text: str, marks: list[tuple[int, int, str]]) -> str:
    """A paragraph's text with its quoted passages in <mark>: where passages overlap, the text is cut at every
    passage's start and end, and each piece lists the passages it belongs to (data-q); a passage's anchor stands
    on its first piece."""
    if not marks:
        return str(escape(text))
    cuts = sorted({0, len(text), *(start for start, _, _ in marks), *(end for _, end, _ in marks)})
    parts, anchored = [], set()
    for start, end in itertools.pairwise(cuts):
        piece = escape(text[start:end])
        covering = [anchor for first, last, anchor in marks if first <= start and end <= last]
        if not covering:
            parts.append(str(piece))
            continue
        new = [anchor for anchor in dict.fromkeys(covering) if anchor not in anchored]
        anchored.update(new)
        ids = "".join(f'<span id="{escape(anchor)}" class="yb-q-anchor"></span>' for anchor in new[1:])
        mark_id = f' id="{escape(new[0])}"' if new else ""
        parts.append(f'{ids}<mark{mark_id} data-q="{escape(" ".join(dict.fromkeys(covering)))}">{piece}</mark>')
    return "".join(parts)


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


def _indicator_years(yb: Yearbook) -> dict[str, list[int]]:
    """Each indicator's years with figures: one ranking page each."""
    years: dict[str, set[int]] = {indicator: set() for indicator in yb.indicators}
    for figure in yb.figures():
        years[figure.indicator].add(figure.year)
    return {indicator: sorted(found) for indicator, found in years.items()}


def _series_by_indicator(yb: Yearbook, park: str) -> dict[str, list[Figure]]:
    series: dict[str, list[Figure]] = {}
    for indicator in yb.indicators:
        values = yb.series(park, indicator)
        if values:
            series[indicator] = values
    return series


def _page_jobs(yb: Yearbook, only: set[str] | None = None) -> list[tuple]:
    """The pages to render (all, or those in `only`): (template, page path, context builder), in a fixed order."""
    jobs: list[tuple] = []

    def add(template: str, page: str, context=dict) -> None:
        if only is None or page in only:
            jobs.append((template, page, context))

    grouped = _grouped_parks(yb)
    sources_of = _sources_by_park(yb)
    latest = {park: yb.park_years(park)[-1] for park in yb.parks if yb.park_years(park)}
    recent = sorted(latest, key=lambda park: (-latest[park].year, park))[:HOME_PARKS]
    add(
        "home.md.j2",
        "index.md",
        lambda: {
            "grouped": grouped,
            "latest": {park: latest[park] for park in recent},
            "reported": len(latest),
            "ranking_rows": HOME_RANKING,
            "figures_of": lambda indicator: figures_by_indicator[indicator],
        },
    )
    add("parks_index.md.j2", "parks/index.md", lambda: {"grouped": grouped})
    wanted_parks = None if only is None else {page.split("/")[1] for page in only if page.startswith("parks/")}
    for park in yb.parks.values():
        if wanted_parks is not None and park.id not in wanted_parks:
            continue
        series = _series_by_indicator(yb, park.id)
        years = [py.year for py in yb.park_years(park.id)]
        single = [(indicator, figures) for indicator, figures in series.items() if len(figures) == 1]
        multi = [i for i, f in series.items() if len(f) > 1]
        add(
            "park.md.j2",
            f"parks/{park.id}/index.md",
            lambda park=park, series=series, years=years, single=single: {
                "park": park,
                "series": series,
                "years": years,
                "single": single,
                "has_sources": park.id in sources_of,
            },
        )
        for park_year in yb.park_years(park.id):
            add(
                "park_year.md.j2",
                f"parks/{park.id}/{park_year.year}.md",
                lambda park=park, py=park_year, series=series, multi=multi, years=years: {
                    "park": park,
                    "py": py,
                    "series": series,
                    "multi": multi,
                    "years": years,
                },
            )
    counts = {indicator: 0 for indicator in yb.indicators}
    figures_by_indicator: dict[str, list[Figure]] = defaultdict(list)
    for figure in yb.figures():
        counts[figure.indicator] += 1
        figures_by_indicator[figure.indicator].append(figure)
    add("indicators_index.md.j2", "indicators/index.md", lambda: {"counts": counts})
    indicator_years = _indicator_years(yb)
    for indicator in yb.indicators.values():
        figures, years = figures_by_indicator[indicator.id], indicator_years[indicator.id]
        chosen = present.ranking_year(figures)
        # The indicator's page ranks the parks in one year (the one most parks report); each year has its page.
        for year, page in [(chosen[0] if chosen else years[-1] if years else None, f"indicators/{indicator.id}.md")] + [
            (year, f"indicators/{indicator.id}/{year}.md") for year in years
        ]:
            add(
                "indicator.md.j2" if page.count("/") == 1 else "indicator_year.md.j2",
                page,
                lambda indicator=indicator, figures=figures, years=years, year=year, page=page: {
                    "indicator": indicator,
                    "figures": figures,
                    "years": years,
                    "year": year,
                    "in_year": [f for f in figures if f.year == year],
                },
            )
    add("sources_index.md.j2", "sources/index.md", lambda: {"grouped": grouped, "sources_of": sources_of})
    for park, listed in sources_of.items():
        # Each park's sources on a page of their own: one listing of every report would pass 900 KB at scale.
        add(
            "park_sources.md.j2",
            f"parks/{park}/sources.md",
            lambda park=park, listed=listed: {
                "park": yb.parks[park],
                "listed": listed,
            },
        )
    wanted_sources = None if only is None else {page[8:-3] for page in only if page.startswith("sources/")}
    quoted_by_source: dict[str, list] = defaultdict(list)
    for py in yb.years.values() if wanted_sources is None or wanted_sources else ():
        for entries in (py.figures, py.facts, py.targets):
            for entry in entries:
                if wanted_sources is None or entry.origin.source in wanted_sources:
                    quoted_by_source[entry.origin.source].append((py, entry))
    for source in yb.sources.values():
        add(
            "source.md.j2",
            f"sources/{source.id}.md",
            lambda source=source: {
                "source": source,
                "quoted": quoted_by_source[source.id],
                "body": _source_body(source, [entry for _, entry in quoted_by_source[source.id]]),
            },
        )
    add("data.md.j2", "data/index.md", lambda: {"rows": len(yb.figures())})
    return jobs


_PAGES_PER_WORKER = 400  # below this, starting processes costs more than it saves
_ALWAYS = ("index.md", "parks/index.md", "indicators/index.md", "sources/index.md", "data/index.md")


def render_pages(yb: Yearbook, only: set[str] | None = None) -> dict[str, str]:
    """Markdown pages keyed by their path under docs/ (all, or those in `only`); shares render in parallel."""
    jobs = _page_jobs(yb, only)

    def render_share(index: int) -> dict[str, str]:
        pages = _Pages(yb)
        for template, page, context in jobs[index::shares]:  # interleaved: big and small pages in every share
            pages.render(template, page, **context())
        return pages.files

    shares = worker_count() if len(jobs) >= _PAGES_PER_WORKER else 1
    rendered: dict[str, str] = {}
    for files in map_shares(render_share, shares):
        rendered.update(files)
    return {page: rendered[page] for _, page, _ in jobs}


def page_paths(yb: Yearbook) -> set[str]:
    """The path of every page the yearbook has."""
    paths = set(_ALWAYS)
    for park in yb.parks:
        paths.add(f"parks/{park}/index.md")
        paths.update(f"parks/{park}/{py.year}.md" for py in yb.park_years(park))
    paths.update(f"indicators/{indicator}.md" for indicator in yb.indicators)
    for indicator, years in _indicator_years(yb).items():
        paths.update(f"indicators/{indicator}/{year}.md" for year in years)
    paths.update(f"sources/{source}.md" for source in yb.sources)
    paths.update(f"parks/{park}/sources.md" for park in _sources_by_park(yb))
    return paths


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


def _pages_of(yb: Yearbook, parks: set[str], indicators: set[str], sources: set[str]) -> set[str]:
    pages = set(_ALWAYS)
    for park in parks:
        pages.add(f"parks/{park}/index.md")
        pages.update(f"parks/{park}/{py.year}.md" for py in yb.park_years(park))
    pages.update(f"indicators/{indicator}.md" for indicator in indicators)
    indicator_years = _indicator_years(yb)
    for indicator in indicators & indicator_years.keys():
        pages.update(f"indicators/{indicator}/{year}.md" for year in indicator_years[indicator])
    pages.update(f"sources/{source}.md" for source in sources)
    # A park's listing of its sources shows their titles and dates (changes() sees a source move or go).
    for source in sources & yb.sources.keys():
        for park in (yb.sources[source].park, *yb.sources[source].parks):
            pages.update((f"parks/{park}/sources.md", f"parks/{park}/index.md"))  # the park page links its listing
    return pages


@dataclass
class DownloadParts:
    """Pieces of the whole-yearbook downloads, per park and per park-year, with what each was made from: a long-lived
    process puts the downloads together again from the pieces whose inputs are the very same objects."""

    # Per park, the JSON of its tidy rows inside data/yearbook.json, with the data/parks/<park>.csv bytes made from
    # the same rows: while a long-lived process reuses those very bytes, the park is unchanged and so is its part.
    parks: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    # Per park-year, its rows of the facts and targets downloads (CSV and JSON), with what they were made from:
    # reused while those are the very same objects (a target's row also shows the figure of its target year).
    entries: dict[tuple, tuple[tuple, str, str]] = field(default_factory=dict)


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
        files = {path: text.encode("utf-8") for path, text in render_pages(yb).items()}
        files.update(_data_files(yb, last.parts, set(yb.parks), set(yb.indicators)))
        for kind, spec in chart_specs().items():
            files[f"assets/charts/{kind}.json"] = spec.encode("utf-8")
        return files
    parks, indicators, sources = changed
    old_files = last.files
    paths = page_paths(yb)
    stale = (_pages_of(yb, parks, indicators, sources) | (paths - old_files.keys())) & paths
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
    files.update(_data_files(yb, last.parts, parks, indicators, old_files))
    return files


def _chart_rows(yb: Yearbook, figures: list[Figure], address: str) -> list[dict]:
    """Chart rows of figures, each knowing where its series' lines run (computed over the whole series)."""
    marks: dict[tuple, dict] = {}
    for park, indicator in dict.fromkeys((f.park, f.indicator) for f in figures):
        marks.update(present.series_marks(yb.series(park, indicator)))
    return [present.chart_row(yb, f, marks, address) for f in figures]


def _entry_parts(yb: Yearbook, memo: dict, kind: str, address: str) -> tuple[str, str]:
    """The facts or targets download (CSV without its header, JSON items) of every park-year, in order."""
    columns, make = (
        (present.FACT_COLUMNS, present.fact_row) if kind == "facts" else (present.TARGET_COLUMNS, present.target_row)
    )
    header = _csv([], columns)
    csv_parts, json_parts = [], []
    for key in sorted(yb.years):
        park_year = yb.years[key]
        entries = park_year.facts if kind == "facts" else park_year.targets
        basis = (park_year, yb.parks[key[0]], address, yb.indicators)
        if kind == "targets":
            basis += tuple(yb.years.get((t.park, t.for_year)) for t in entries)
        cached = memo.get((kind, key))
        if (
            cached is None
            or len(cached[0]) != len(basis)
            or any(a is not b for a, b in zip(cached[0], basis, strict=True))
        ):
            rows = [make(yb, entry, address) for entry in entries]
            cached = memo[(kind, key)] = (basis, _csv(rows, columns).removeprefix(header), _json(rows)[1:-2])
        csv_parts.append(cached[1])
        if cached[2]:
            json_parts.append(cached[2])
    return BOM + header + "".join(csv_parts), f"[{','.join(json_parts)}]\n"


def _data_files(
    yb: Yearbook, parts: DownloadParts, parks: set[str], indicators: set[str], previous: dict[str, bytes] | None = None
) -> dict[str, bytes]:
    """The downloads and chart data of the given parks and indicators, and the whole-yearbook files, which are
    put together per park (the other parks' parts taken from `previous`)."""
    files = {}
    address = site_url()
    by_park: dict[str, list[Figure]] = defaultdict(list)
    by_indicator: dict[str, list[Figure]] = defaultdict(list)
    for figure in yb.figures():
        by_park[figure.park].append(figure)
        by_indicator[figure.indicator].append(figure)
    header = _csv([])
    csv_parts, json_parts = [BOM + header], []
    for park in yb.parks:  # in id order, as yb.figures()
        csv_path = f"data/parks/{park}.csv"
        part = parts.parks.get(park)
        if park in parks or previous is None or part is None or part[0] is not previous.get(csv_path):
            rows = [present.figure_row(yb, f, address) for f in by_park[park]]
            files[csv_path] = (BOM + _csv(rows)).encode("utf-8")
            files[f"data/parks/{park}.json"] = _json(_chart_rows(yb, by_park[park], address)).encode()
            part = parts.parks[park] = (files[csv_path], _json(rows)[1:-2])  # without [ ] and newline
        csv_parts.append(part[0].decode("utf-8").removeprefix(BOM + header))
        if part[1]:
            json_parts.append(part[1])
    files["data/yearbook.csv"] = "".join(csv_parts).encode("utf-8")
    files["data/yearbook.json"] = f"[{','.join(json_parts)}]\n".encode()
    for indicator in sorted(indicators & yb.indicators.keys()):
        figures = by_indicator[indicator]
        rows = _chart_rows(yb, figures, address)
        files[f"data/indicators/{indicator}.json"] = _json(rows).encode("utf-8")
        files[f"data/indicators/{indicator}.csv"] = (BOM + _csv(rows)).encode("utf-8")
        # One file per year: a program (or a chart) fetches one year's parks, not every year's.
        by_year: dict[int, list[dict]] = defaultdict(list)
        for row in rows:
            by_year[row["year"]].append(row)
        for year, year_rows in by_year.items():
            files[f"data/indicators/{indicator}/{year}.json"] = _json(year_rows).encode("utf-8")
    for kind in ("facts", "targets"):
        table, items = _entry_parts(yb, parts.entries, kind, address)
        files[f"data/{kind}.csv"] = table.encode("utf-8")
        files[f"data/{kind}.json"] = items.encode("utf-8")
    return files
