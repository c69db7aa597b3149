"""Render the yearbook into generated files (Markdown pages, data downloads, chart specs), in memory."""

from __future__ import annotations

import csv
import functools
import io
import json
from collections import defaultdict
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from generator.site import present
from generator.site.charts import chart_specs
from generator.site.markup import asset_url, html_text, md_link, md_text, page_url
from generator.data.model import Figure, ParkYear, Source, Target, Yearbook
from generator.parallel import map_shares, worker_count
from generator.data.targets import status

TEMPLATE_DIR = Path(__file__).resolve().parents[2] / "site_templates"
REGIONS = ("东部", "中部", "西部", "东北")


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


# A text cell starting with one of these is run as a formula by spreadsheets (=HYPERLINK(…) and the like); as OWASP
# recommends for CSV injection, such a cell gets a leading apostrophe, which spreadsheets show as text. Numbers
# (value, change_pct, year) are numbers in the rows, so a negative number such as -5.2 stays a number.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _spreadsheet_safe(row: dict) -> dict:
    for key, value in row.items():
        if isinstance(value, str) and value.startswith(_FORMULA_START):
            row = {**row, key: "'" + value}
    return row


def _csv(rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=present.TIDY_COLUMNS, lineterminator="\n", extrasaction="ignore")
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
        return self.link(page, f"sources/{origin.source}.md", f"p{origin.paragraph + 1}")

    def chart(self, page: str, kind: str, data: str, title: str, unit: str, **filters) -> dict:
        """What the chart partial needs: a chart kind pointed at a data file, filtered."""
        return {
            "kind": kind,
            "spec": asset_url(page, f"assets/charts/{kind}.json"),
            "src": asset_url(page, data),
            "title": title,
            "unit": unit,
            # Attribute names in kebab case: data-filter-indicator-in reaches the browser as filterIndicatorIn.
            "filters": {key.replace("_", "-"): str(value) for key, value in filters.items() if value is not None},
        }

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
            url = escape(page_url(page, f"sources/{origin.source}.md", f"p{paragraph}"))
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
            rows.append(
                f'<tr><td><a href="{year_url}">{escape(self.yb.parks[py.park].short_name)} {py.year}</a></td>'
                f'<td>{escape(_describe(self.yb, entry))}</td><td><a href="#p{paragraph}">第{paragraph}段</a></td></tr>'
            )
        return Markup("\n".join(rows))

    def series_rows(self, page: str, figures: list[Figure], show_park: bool) -> Markup:
        """The <tr> rows of a series table: Python, not a Jinja loop, as an indicator page has one per park-year."""
        rows = []
        for f in figures:
            park = f"<td>{escape(self.yb.parks[f.park].short_name)}</td>" if show_park else ""
            year_url = escape(page_url(page, f"parks/{f.park}/{f.year}.md"))
            source_url = escape(page_url(page, f"sources/{f.origin.source}.md", f"p{f.origin.paragraph + 1}"))
            value = escape(present.with_qualifier(f.value, f.unit, f.qualifier))
            rows.append(
                f'<tr>{park}<td><a href="{year_url}">{f.year}</a></td><td style="text-align: right;">{value}</td>'
                f'<td style="text-align: right;">{escape(present.growth(f.change_pct))}</td>'
                f'<td><a href="{source_url}">原文</a></td></tr>'
            )
        return Markup("\n".join(rows))

    def position(self, series, year):
        return present.position(series, year)

    def status(self, target):
        return status(self.yb, target)


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


def _source_body(source: Source, quoted_entries) -> str:
    """The report as HTML: a numbered, linkable paragraph each, the quoted passages wrapped in <mark>."""
    ranges: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for entry in quoted_entries:
        for span in source.locate(entry.origin.quote):
            ranges[span.paragraph].append((span.start, span.end))
    html = ['<div class="yb-source">']
    for index, text in enumerate(source.paragraphs):
        number, parts, position = index + 1, [], 0
        for start, end in _merged(ranges.get(index, [])):
            parts.append(f"{escape(text[position:start])}<mark>{escape(text[start:end])}</mark>")
            position = end
        parts.append(str(escape(text[position:])))
        quoted = " yb-quoted" if index in ranges else ""
        html.append(
            f'<p id="p{number}" class="yb-paragraph{quoted}"><a class="yb-pnum" href="#p{number}" '
            f'title="第{number}段">{number}</a>{"".join(parts)}</p>'
        )
    html.append("</div>")
    return "\n".join(html)


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching character ranges joined, in order."""
    merged: list[list[int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(start, end) for start, end in merged if end > start]


def _describe(yb: Yearbook, entry) -> str:
    """A one-line description of a curated entry for the source page."""
    if isinstance(entry, Figure):
        return (
            f"{yb.indicators[entry.indicator].name} {present.with_qualifier(entry.value, entry.unit, entry.qualifier)}"
        )
    if isinstance(entry, Target):
        return f"目标({entry.for_year}年):{entry.text}"
    return f"{entry.theme}:{entry.text}"


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
    latest = {park: yb.park_years(park)[-1] for park in yb.parks if yb.park_years(park)}
    headline_rows = [s[-1] for s in (yb.series(p, "industrial_output_above_scale") for p in yb.parks) if s]
    add("home.md.j2", "index.md", lambda: {"grouped": grouped, "latest": latest, "headline_rows": headline_rows})
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
    for indicator in yb.indicators.values():
        add(
            "indicator.md.j2",
            f"indicators/{indicator.id}.md",
            lambda indicator=indicator: {"indicator": indicator, "figures": figures_by_indicator[indicator.id]},
        )
    add("sources_index.md.j2", "sources/index.md")
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
    paths.update(f"sources/{source}.md" for source in yb.sources)
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
    pages.update(f"sources/{source}.md" for source in sources)
    return pages


def render_site(yb: Yearbook, previous: tuple[Yearbook, dict[str, bytes]] | None = None) -> dict[str, bytes]:
    """Every generated file, keyed by its path under docs/.

    `previous` (the yearbook and files of the last run of this process, its unchanged parts the same objects)
    lets only the files that show a change be rendered again; the others are taken from it.
    """
    changed = changes(previous[0], yb) if previous else None
    if changed is None:
        files = {path: text.encode("utf-8") for path, text in render_pages(yb).items()}
        files.update(_data_files(yb, set(yb.parks), set(yb.indicators)))
        for kind, spec in chart_specs().items():
            files[f"assets/charts/{kind}.json"] = spec.encode("utf-8")
        return files
    parks, indicators, sources = changed
    old_files = previous[1]
    paths = page_paths(yb)
    stale = (_pages_of(yb, parks, indicators, sources) | (paths - old_files.keys())) & paths
    files = {path: old_files[path] for path in paths - stale}
    files.update((path, text.encode("utf-8")) for path, text in render_pages(yb, stale).items())
    kept = ("data/parks/", "data/indicators/", "assets/")
    files.update((path, data) for path, data in old_files.items() if path.startswith(kept))
    files.update(_data_files(yb, parks, indicators, old_files))
    return files


# Per park, the JSON of its tidy rows inside data/yearbook.json, with the data/parks/<park>.csv bytes made from
# the same rows: while a long-lived process reuses those very bytes, the park is unchanged and so is its part.
_YEARBOOK_JSON_PARTS: dict[str, tuple[bytes, str]] = {}


def _data_files(
    yb: Yearbook, parks: set[str], indicators: set[str], previous: dict[str, bytes] | None = None
) -> dict[str, bytes]:
    """The downloads and chart data of the given parks and indicators, and the whole-yearbook files, which are
    put together per park (the other parks' parts taken from `previous`)."""
    files = {}
    by_park: dict[str, list[Figure]] = defaultdict(list)
    by_indicator: dict[str, list[Figure]] = defaultdict(list)
    for figure in yb.figures():
        by_park[figure.park].append(figure)
        by_indicator[figure.indicator].append(figure)
    header = _csv([])
    csv_parts, json_parts = [header], []
    for park in yb.parks:  # in id order, as yb.figures()
        csv_path = f"data/parks/{park}.csv"
        part = _YEARBOOK_JSON_PARTS.get(park)
        if park in parks or previous is None or part is None or part[0] is not previous.get(csv_path):
            rows = [present.figure_row(yb, f) for f in by_park[park]]
            files[csv_path] = _csv(rows).encode("utf-8")
            files[f"data/parks/{park}.json"] = _json([present.chart_row(yb, f) for f in by_park[park]]).encode()
            part = _YEARBOOK_JSON_PARTS[park] = (files[csv_path], _json(rows)[1:-2])  # without [ ] and newline
        csv_parts.append(part[0].decode("utf-8").removeprefix(header))
        if part[1]:
            json_parts.append(part[1])
    files["data/yearbook.csv"] = "".join(csv_parts).encode("utf-8")
    files["data/yearbook.json"] = f"[{','.join(json_parts)}]\n".encode()
    for indicator in sorted(indicators & yb.indicators.keys()):
        figures = by_indicator[indicator]
        files[f"data/indicators/{indicator}.json"] = _json([present.chart_row(yb, f) for f in figures]).encode("utf-8")
    latest_rows = []
    for park in yb.parks:
        for indicator in yb.indicators:
            series = yb.series(park, indicator)
            if series:
                latest_rows.append(present.chart_row(yb, series[-1]))
    files["data/latest.json"] = _json(latest_rows).encode("utf-8")
    return files
