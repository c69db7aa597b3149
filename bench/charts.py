"""Charts drawn in the reader's browser (Vega fetched when a chart nears the view) against charts drawn at build time.

    npm ci --prefix bench                      # once: Lighthouse into bench/node_modules
    python bench/charts.py                     # site/: a park-year, a park and an indicator page, 3 runs each
    python bench/charts.py --runs 1 --no-lighthouse /parks/xinyu/2014/

Variant "lazy" is the built site as is. Variant "static" is a copy of it (bench/out/charts-static-site, hard
links) where, on the measured pages, each chart placeholder holds the SVG that vl-convert (the same Vega and
Vega-Lite as the site's bundle) draws for it at the width the placeholder has on the emulated phone, once per
colour scheme (the charts' colours depend on it), and the page no longer loads yearbook-charts.js, so neither the
Vega bundle nor the spec and data files are fetched. Variant "static1" (bench/out/charts-static1-site) holds one
SVG a chart, the light one, and CSS rules that give it the dark colours. All are served gzipped and measured on the
same pages:

- the page's HTML, raw and gzipped;
- Lighthouse's mobile preset (bench/lighthouse.py), medians of --runs runs;
- a reader who scrolls through the whole page on the emulated phone (412 × 823, CPU slowed 4× through the
  DevTools protocol) in light and dark mode: bytes transferred, requests, main-thread busy time (the Performance
  domain's TaskDuration and ScriptDuration, and long tasks) from navigation until every chart is drawn and the
  network is quiet;
- the build-time cost: vl-convert's time per chart and scheme, extrapolated to 178 parks × 20 years.

Prints a table and a conclusion; writes bench/out/charts.json.
"""

from __future__ import annotations

import argparse
import html
import json
import math
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import lighthouse  # noqa: E402
from run import gzip_size  # noqa: E402

PROJECT = BENCH.parent
OUT = BENCH / "out"
PAGES = ("/parks/xiamen-torch/2016/", "/parks/xiamen-torch/", "/indicators/industrial_output_above_scale/")
SCHEMES = ("light", "dark")
VARIANTS = ("lazy", "static", "static1")
# Lighthouse's mobile preset: a Moto G Power, 412 × 823 CSS pixels at 1.75 device pixels per CSS pixel.
PHONE = {"viewport": {"width": 412, "height": 823}, "device_scale_factor": 1.75, "is_mobile": True, "has_touch": True}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
CPU_SLOWDOWN = 4
# The yearbook at full size: 178 parks × 20 years of park-year pages (park and indicator pages come on top).
PARK_YEAR_PAGES = 178 * 20
PLACEHOLDER = re.compile(r'<div class="yb-chart"(?P<attrs>[^>]*)></div>')
ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
CHARTS_SCRIPT = re.compile(r'<script src="[^"]*assets/yearbook-charts\.js"[^>]*></script>\n?')
# Only the scheme the page shows draws its SVG; Material names the schemes default and slate.
STATIC_STYLE = (
    "<style>.yb-static svg{height:auto}"
    '[data-md-color-scheme="slate"] .yb-static .yb-light,'
    'body:not([data-md-color-scheme="slate"]) .yb-static .yb-dark{display:none}</style>'
)
# Long tasks from the very start of the page, read back once every chart is drawn.
LONG_TASKS = """
window.__longTasks = [];
new PerformanceObserver(function (list) {
  list.getEntries().forEach(function (entry) { window.__longTasks.push(entry.duration); });
}).observe({ type: "longtask", buffered: true });
"""
# Some charts sit in a closed <details> (an indicator page's chart and table): the reader opens it to see them.
OPEN_CHARTS = """() => document.querySelectorAll("details").forEach((details) => {
  if (details.querySelector(".yb-chart")) details.open = true;
})"""
DRAWN = """() => Array.from(document.querySelectorAll(".yb-chart[data-spec]"))
  .every((element) => element.classList.contains("yb-drawn") || element.classList.contains("yb-failed"))"""


# --- the build-time variant: the spec yearbook-charts.js would hand to Vega, drawn by vl-convert --------------


def js_string(value) -> str:
    """A JSON value as JavaScript's String() writes it, for the placeholders' filters."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def placeholder_attributes(text: str) -> dict[str, str]:
    """The attributes of one chart placeholder, unescaped."""
    return {name: html.unescape(value) for name, value in ATTRIBUTE.findall(text)}


def filters(attributes: dict[str, str]) -> list[tuple[str, str]]:
    """The placeholder's data-filter-* attributes as (field, value), named as the script's dataset names them."""
    pairs = []
    for name, value in attributes.items():
        if name.startswith("data-filter-"):
            words = name[len("data-filter-") :].split("-")
            pairs.append((words[0] + "".join(word.capitalize() for word in words[1:]), value))
    return pairs


def chart_rows(attributes: dict[str, str], rows: list[dict]) -> list[dict]:
    """The data rows the chart shows, as rowsFor() in yearbook-charts.js picks and marks them."""
    kind = attributes["data-kind"]
    highlight = attributes.get("data-filter-highlight")
    wanted = [pair for pair in filters(attributes) if pair[0] != "highlight"]

    def keep(row: dict) -> bool:
        """Whether a row passes every filter."""
        if kind == "growth" and row.get("change_pct") is None:
            return False
        for field, value in wanted:
            if field.endswith("In"):  # a space-separated list of accepted values
                if js_string(row.get(field[:-2])) not in value.split(" "):
                    return False
            elif js_string(row.get(field)) != value:
                return False
        return True

    return [
        dict(row, highlight=highlight is not None and js_string(row["year"]) == highlight) for row in rows if keep(row)
    ]


def fill(node, words: dict):
    """The spec with the generator's placeholders (__TITLE__, colours) replaced, as fill() does."""
    if isinstance(node, list):
        return [fill(item, words) for item in node]
    if isinstance(node, dict):
        return {key: fill(value, words) for key, value in node.items()}
    if isinstance(node, str) and node in words:
        return words[node]
    return node


def lay_panels(spec: dict, rows: list[dict], width: int) -> None:
    """Columns and panel width for the available width, one year scale for all panels, as layPanels() does."""
    count = len({row["indicator"] for row in rows})
    columns = max(1, min(count, math.floor((width + 28) / 250)))
    spec["columns"] = columns
    spec["spec"]["width"] = math.floor((width - 28 * (columns - 1)) / columns) - 56
    years = [row["year"] for row in rows]
    for layer in spec["spec"]["layer"]:
        if layer.get("encoding", {}).get("x"):
            layer["encoding"]["x"]["scale"] = dict(
                layer["encoding"]["x"].get("scale", {}), domain=[min(years), max(years)]
            )


def chart_spec(attributes: dict[str, str], page_dir: Path, scheme: str, width: int) -> dict:
    """The complete Vega-Lite spec of one placeholder, data inlined, for one scheme and container width."""
    template = json.loads((page_dir / attributes["data-spec"]).read_text(encoding="utf-8"))
    data = json.loads((page_dir / attributes["data-src"]).read_text(encoding="utf-8"))
    meta = template["usermeta"]
    words = {"__TITLE__": attributes.get("data-title", ""), "__Y_TITLE__": attributes.get("data-unit", "")}
    spec = fill(template, dict(words, **meta["colors"][scheme]))
    rows = chart_rows(attributes, data)
    spec["data"] = {"values": rows}
    spec["config"] = dict(spec.get("config", {}), **meta["config"][scheme])
    if attributes["data-kind"] == "panels":
        lay_panels(spec, rows, width)
    # vega-embed sizes a "container" width from the element; vl-convert has no element, so it gets the number.
    if spec.get("width") == "container":
        spec["width"] = width
    return spec


def unique_ids(svg: str, prefix: str) -> str:
    """The SVG with its ids (clip paths) prefixed, so that several inline SVGs of one page do not share them."""
    svg = re.sub(r'\bid="([^"]+)"', lambda m: f'id="{prefix}{m.group(1)}"', svg)
    svg = re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m.group(1)})", svg)
    return re.sub(r'href="#([^"]+)"', lambda m: f'href="#{prefix}{m.group(1)}"', svg)


def draw(vlc, spec: dict) -> tuple[str, float]:
    """The SVG vl-convert draws for a spec (from its <svg>), and the seconds it took."""
    start = time.perf_counter()
    svg = vlc.vegalite_to_svg(spec)
    seconds = time.perf_counter() - start
    return svg[svg.index("<svg") :], seconds


def only_colours_differ(light: str, dark: str) -> bool:
    """Whether the light and dark SVGs are the same drawing in other colours (so one SVG with CSS colours would do)."""
    colour = re.compile(r"#[0-9a-fA-F]{3,8}\b|rgba?\([^)]*\)")
    return colour.sub("C", light) == colour.sub("C", dark)


COLOUR_ATTRIBUTE = re.compile(r'\b(fill|stroke)="(#[0-9a-fA-F]{3,8})"')


def dark_rules(light: str, dark: str) -> list[str] | None:
    """CSS rules that turn the light SVG's colours into the dark one's, or None when no such rules can.

    A stylesheet's rule beats an SVG presentation attribute, so one SVG drawn in the light colours can show the
    dark ones under Material's slate scheme, provided each light colour of an attribute always becomes the same
    dark colour."""
    if not only_colours_differ(light, dark):
        return None
    pairs = {}
    for (name, before), (_, after) in zip(COLOUR_ATTRIBUTE.findall(light), COLOUR_ATTRIBUTE.findall(dark), strict=True):
        if pairs.setdefault((name, before), after) != after:
            return None
    colours = re.compile(r"#[0-9a-fA-F]{3,8}\b|rgba?\([^)]*\)")
    if len(colours.findall(light)) != len(COLOUR_ATTRIBUTE.findall(light)):
        return None  # a colour outside a fill or stroke attribute (a style, a gradient) that no rule would reach
    return [
        f'[data-md-color-scheme="slate"] .yb-static [{name}="{before}"]{{{name}:{after}}}'
        for (name, before), after in sorted(pairs.items())
        if before != after
    ]


def static_page(text: str, page_dir: Path, widths: list[int], vlc, timings: list[dict]) -> tuple[str, str, list]:
    """The page with each placeholder replaced by its drawn SVG in both schemes (and, second, by the light SVG and
    CSS rules for the dark colours), without the chart script; and the charts drawn."""
    original = text
    charts = []
    singles = []
    rules: set[str] = set()

    def replace(match: re.Match) -> str:
        """One placeholder as a static figure: the same accessible name, one SVG a scheme."""
        index = len(charts)
        attributes = placeholder_attributes(match.group("attrs"))
        svgs = {}
        for scheme in SCHEMES:
            spec = chart_spec(attributes, page_dir, scheme, widths[index])
            svg, seconds = draw(vlc, spec)
            timings.append({"kind": attributes["data-kind"], "scheme": scheme, "seconds": seconds})
            svgs[scheme] = unique_ids(svg, f"yb{index}{scheme[0]}-")
        # The ids differ by scheme (yb0l-, yb0d-): compared with the same prefix, only colours may differ.
        dark = dark_rules(svgs["light"], svgs["dark"].replace(f"yb{index}d-", f"yb{index}l-"))
        charts.append(
            {
                "kind": attributes["data-kind"],
                "width": widths[index],
                "svg_bytes": {scheme: len(svg.encode()) for scheme, svg in svgs.items()},
                "only_colours_differ": only_colours_differ(svgs["light"], svgs["dark"]),
                "dark_by_css_rules": None if dark is None else len(dark),
            }
        )
        if dark is None:
            raise SystemExit(f"{page_dir}: chart {index}: the dark SVG is not the light one in other colours")
        rules.update(dark)
        label = html.escape(attributes.get("aria-label", ""), quote=True)
        opening = (
            f'<div class="yb-chart yb-static" data-kind="{attributes["data-kind"]}" role="img" aria-label="{label}">'
        )
        singles.append(f"{opening}{svgs['light']}</div>")
        return f'{opening}<div class="yb-light">{svgs["light"]}</div><div class="yb-dark">{svgs["dark"]}</div></div>'

    text = PLACEHOLDER.sub(replace, text)
    text, scripts = CHARTS_SCRIPT.subn("", text)
    if scripts != 1:  # left in, the script would take the static figures for placeholders and overwrite them
        raise SystemExit(f"{page_dir}: expected one yearbook-charts.js script tag, found {scripts}")
    both = text.replace("</head>", STATIC_STYLE + "</head>", 1)
    # The same page with one SVG a chart, in the placeholders' order.
    single = PLACEHOLDER.sub(lambda match: singles.pop(0), CHARTS_SCRIPT.sub("", original))
    style = "<style>.yb-static svg{height:auto}" + "".join(sorted(rules)) + "</style>"
    return both, single.replace("</head>", style + "</head>", 1), charts


def page_file(site: Path, path: str) -> Path:
    """The HTML file of a page's address."""
    return site / path.strip("/") / "index.html"


def make_static_sites(site: Path, targets: dict[str, Path], paths: list[str], widths: dict[str, list[int]]) -> dict:
    """Copies of the site (hard links) with the measured pages' charts drawn: two SVGs a chart ("static") and one
    SVG with CSS colours ("static1"); the charts and vl-convert's times."""
    import vl_convert as vlc

    for target in targets.values():
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(site, target, copy_function=os.link)
    # vl-convert starts its JavaScript engine and loads Vega on the first call: timed apart from the charts.
    start = time.perf_counter()
    vlc.vegalite_to_svg({"mark": "point", "data": {"values": [{"a": 1}]}, "encoding": {"x": {"field": "a"}}})
    warm_up = time.perf_counter() - start
    timings: list[dict] = []
    pages = {}
    for path in paths:
        source = page_file(site, path)
        both, single, charts = static_page(
            source.read_text(encoding="utf-8"), source.parent, widths[path], vlc, timings
        )
        for variant, text in (("static", both), ("static1", single)):
            destination = page_file(targets[variant], path)
            destination.unlink()  # a hard link to site/: replace the file, never write through the link
            destination.write_text(text, encoding="utf-8")
        pages[path] = charts
    return {"warm_up_seconds": warm_up, "timings": timings, "charts": pages}


def build_cost(static: dict) -> dict:
    """vl-convert's seconds per chart and scheme (medians by chart kind), and 178 × 20 extrapolated."""
    seconds: dict[str, list[float]] = {}
    for item in static["timings"]:
        seconds.setdefault(item["kind"], []).append(item["seconds"])
    per_kind = {kind: statistics.median(values) for kind, values in seconds.items()}
    per_chart = statistics.median(value for values in seconds.values() for value in values)
    # A park-year page holds a growth chart and a panels chart, each drawn in two schemes.
    park_year = 2 * (per_kind.get("growth", per_chart) + per_kind.get("panels", per_chart))
    return {
        "warm_up_seconds": static["warm_up_seconds"],
        "seconds_per_chart_and_scheme": per_kind,
        "median_seconds_per_chart_and_scheme": per_chart,
        "seconds_per_park_year_page": park_year,
        "park_year_pages": PARK_YEAR_PAGES,
        "seconds_for_park_year_pages_one_core": park_year * PARK_YEAR_PAGES,
        # With the dark colours from CSS (static1) each chart is drawn once.
        "seconds_for_park_year_pages_one_core_one_scheme": park_year / 2 * PARK_YEAR_PAGES,
    }


# --- the reader: a phone that loads the page and scrolls to its end --------------------------------------------


def chart_widths(browser, base: str, paths: list[str]) -> dict[str, list[int]]:
    """Each placeholder's width on the emulated phone, in page order (what the script gives Vega)."""
    widths = {}
    context = browser.new_context(**PHONE)
    page = context.new_page()
    for path in paths:
        page.goto(base + path, wait_until="domcontentloaded")
        page.evaluate(OPEN_CHARTS)
        widths[path] = page.eval_on_selector_all(".yb-chart", "(elements) => elements.map((e) => e.clientWidth)")
    context.close()
    return widths


def performance_metrics(cdp) -> dict[str, float]:
    """The Performance domain's counters (durations in seconds)."""
    return {item["name"]: item["value"] for item in cdp.send("Performance.getMetrics")["metrics"]}


def scroll_through(browser, url: str, scheme: str) -> dict:
    """What a reader pays who opens the page on a slow phone and scrolls to its end, until every chart is drawn."""
    context = browser.new_context(color_scheme=scheme, **PHONE)
    page = context.new_page()
    page.add_init_script(LONG_TASKS)
    cdp = context.new_cdp_session(page)
    requests: dict[str, str] = {}
    sizes: dict[str, int] = {}
    cdp.on("Network.requestWillBeSent", lambda event: requests.__setitem__(event["requestId"], event["request"]["url"]))
    cdp.on("Network.loadingFinished", lambda event: sizes.__setitem__(event["requestId"], event["encodedDataLength"]))
    cdp.send("Network.enable")
    cdp.send("Performance.enable")
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    before = performance_metrics(cdp)
    start = time.perf_counter()
    page.goto(url, wait_until="load")
    loaded = time.perf_counter() - start
    at_load = performance_metrics(cdp)
    page.evaluate(OPEN_CHARTS)
    # A screen at a time, with a pause a reader's eye would take, so each chart's observer fires as it would.
    while page.evaluate("window.scrollY + innerHeight < document.documentElement.scrollHeight - 2"):
        page.evaluate("window.scrollBy(0, innerHeight)")
        page.wait_for_timeout(200)
    page.wait_for_function(DRAWN, timeout=180_000, polling=100)
    drawn = time.perf_counter() - start
    page.wait_for_load_state("networkidle")
    after = performance_metrics(cdp)
    long_tasks = page.evaluate("window.__longTasks")
    svg_bytes = page.eval_on_selector_all(
        ".yb-chart",
        "(elements) => elements.map((e) => { const s = e.querySelector('svg'); return s ? s.outerHTML.length : 0; })",
    )
    failed = page.eval_on_selector_all(".yb-chart.yb-failed", "(elements) => elements.length")
    context.close()
    files = {requests.get(key, key): size for key, size in sizes.items()}
    return {
        "scheme": scheme,
        "bytes_transferred": sum(files.values()),
        "requests": len(files),
        "largest_files": sorted(((size, url.rsplit("/", 1)[-1]) for url, size in files.items()), reverse=True)[:5],
        "task_seconds": after["TaskDuration"] - before["TaskDuration"],
        "task_seconds_after_load": after["TaskDuration"] - at_load["TaskDuration"],
        "script_seconds": after["ScriptDuration"] - before["ScriptDuration"],
        "layout_style_seconds": (after["LayoutDuration"] + after["RecalcStyleDuration"])
        - (before["LayoutDuration"] + before["RecalcStyleDuration"]),
        "long_tasks": len(long_tasks),
        "long_task_ms": sum(long_tasks),
        "blocking_ms": sum(max(0.0, duration - 50) for duration in long_tasks),
        "load_seconds": loaded,
        "all_charts_drawn_seconds": drawn,
        "charts_failed": failed,
        "drawn_svg_chars": svg_bytes,
    }


def median_runs(runs: list[dict]) -> dict:
    """The median of each number over runs; the first run's other fields."""
    result = dict(runs[0])
    for key, value in runs[0].items():
        if isinstance(value, int | float) and not isinstance(value, bool):
            result[key] = statistics.median(run[key] for run in runs)
    result["runs"] = len(runs)
    return result


# --- the report ------------------------------------------------------------------------------------------------


def html_sizes(site: Path, path: str) -> dict[str, int]:
    """The page's HTML, raw and gzipped at the level the server uses."""
    data = page_file(site, path).read_bytes()
    return {"raw": len(data), "gzip": gzip_size(data)}


def lighthouse_medians(bases: dict[str, str], paths: list[str], runs: int) -> dict:
    """Lighthouse mobile preset medians per variant and page, in rounds over both so that load spreads evenly."""
    results: dict[str, dict[str, list]] = {variant: {path: [] for path in paths} for variant in bases}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            for path in paths:
                for variant, base in bases.items():
                    run = lighthouse.summary(lighthouse.run_lighthouse(base + path, Path(tmp) / "report.json"))
                    results[variant][path].append(run)
                    print(
                        f"  lighthouse {variant} {path}: {run['scores']['performance']}, {run['metrics']}", flush=True
                    )
    return {
        variant: {path: dict(lighthouse.medians(runs_), script_ms=runs_[-1]["script_ms"]) for path, runs_ in by.items()}
        for variant, by in results.items()
    }


def ratio(static: float, lazy: float) -> str:
    """static ÷ lazy, or a dash when lazy is nothing."""
    return f"{static / lazy:.2f}" if lazy else "–"


def table_rows(result: dict, path: str) -> list[tuple[str, dict[str, float], str]]:
    """(what, value by variant, unit) rows of one page."""
    variants = VARIANTS
    sizes = result["html"][path]
    rows = [
        ("HTML raw", {v: sizes[v]["raw"] for v in variants}, "B"),
        ("HTML gzip", {v: sizes[v]["gzip"] for v in variants}, "B"),
    ]
    if result.get("lighthouse"):
        lh = {v: result["lighthouse"][v][path] for v in variants}
        rows.append(("LH performance", {v: lh[v]["scores"]["performance"] for v in variants}, ""))
        for metric, label, scale, unit in (
            ("first-contentful-paint", "LH FCP", 1000, "s"),
            ("largest-contentful-paint", "LH LCP", 1000, "s"),
            ("total-blocking-time", "LH TBT", 1, "ms"),
            ("cumulative-layout-shift", "LH CLS", 1, ""),
        ):
            rows.append((label, {v: lh[v]["metric_values"][metric] / scale for v in variants}, unit))
    for scheme in SCHEMES:
        runs = {v: result["scroll"][v][path][scheme] for v in variants}
        for label, key, scale, unit in (
            ("transferred", "bytes_transferred", 1, "B"),
            ("requests", "requests", 1, ""),
            ("main thread busy", "task_seconds", 1000, "ms"),
            (" of it after load", "task_seconds_after_load", 1000, "ms"),
            (" of it script", "script_seconds", 1000, "ms"),
            ("long tasks >50ms", "long_task_ms", 1, "ms"),
            ("end, charts drawn", "all_charts_drawn_seconds", 1, "s"),
        ):
            rows.append((f"scroll {scheme}: {label}", {v: runs[v][key] * scale for v in variants}, unit))
    return rows


def number(value: float, unit: str) -> str:
    """A value in its unit, kilobytes for bytes."""
    if unit == "B":
        return f"{value / 1000:,.1f} kB"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "ms":
        return f"{value:,.0f} ms"
    return f"{value:g}"


def print_table(result: dict) -> None:
    """Both variants side by side, page by page, with static ÷ lazy."""
    print(f"\n{'':36} {'lazy':>12} {'static':>12} {'static1':>12} {'static/lazy':>12} {'static1/lazy':>12}")
    for path in result["paths"]:
        print(path)
        for label, values, unit in table_rows(result, path):
            cells = "".join(f" {number(values[v], unit):>12}" for v in VARIANTS)
            ratios = "".join(f" {ratio(values[v], values['lazy']):>12}" for v in VARIANTS[1:])
            print(f"  {label:34}{cells}{ratios}")
    print(
        "lazy: Vega in the browser (the site as is); static: SVG drawn at build time, light and dark inline; "
        "static1: the light SVG inline, dark colours by CSS rules"
    )
    cost = result["build_cost"]
    kinds = ", ".join(
        f"{kind} {seconds * 1000:.0f} ms" for kind, seconds in cost["seconds_per_chart_and_scheme"].items()
    )
    print(
        f"\nbuild time (vl-convert {result['vl_convert']}, one core): first call {cost['warm_up_seconds']:.1f} s "
        f"(engine start); per chart and scheme {kinds}; a park-year page (growth + panels, light + dark) "
        f"{cost['seconds_per_park_year_page'] * 1000:.0f} ms; × {PARK_YEAR_PAGES} park-year pages = "
        f"{cost['seconds_for_park_year_pages_one_core']:.0f} s on one core (park and indicator pages not counted)"
    )
    for path, charts in result["static_charts"].items():
        described = "; ".join(
            f"{chart['kind']} {chart['width']} px: light {chart['svg_bytes']['light'] / 1000:.1f} kB, "
            f"dark {chart['svg_bytes']['dark'] / 1000:.1f} kB, "
            + ("only colours differ" if chart["only_colours_differ"] else "drawings differ")
            for chart in charts
        )
        print(f"  {path}: {described}")


def conclusion(result: dict) -> str:
    """One paragraph: which variant a reader on a phone is better off with, and at what build cost."""
    paths = result["paths"]

    def mean(variant: str, key: str) -> float:
        """The mean over pages of a light-scheme scrolling number."""
        return statistics.mean(result["scroll"][variant][p]["light"][key] for p in paths)

    def page_kb(variant: str) -> str:
        """The pages' gzipped HTML, page by page."""
        return "/".join(f"{result['html'][p][variant]['gzip'] / 1000:.1f}" for p in paths)

    cost = result["build_cost"]
    scores = ""
    if result.get("lighthouse"):
        lh = result["lighthouse"]
        scores = " Lighthouse mobile performance (medians, same pages): " + "; ".join(
            f"{v} " + "/".join(f"{lh[v][p]['scores']['performance']:g}" for p in paths) for v in VARIANTS
        )
        scores += ", TBT " + "; ".join(
            f"{v} " + "/".join(f"{lh[v][p]['metric_values']['total-blocking-time']:.0f}" for p in paths) + " ms"
            for v in VARIANTS
        )
        scores += "."
    return (
        f"A reader who scrolls through a whole page on the slowed phone transfers on average "
        f"{mean('static1', 'bytes_transferred') / 1000:.0f} kB (static1) or "
        f"{mean('static', 'bytes_transferred') / 1000:.0f} kB (static) with charts drawn at build time against "
        f"{mean('lazy', 'bytes_transferred') / 1000:.0f} kB with "
        f"the lazy Vega charts, and the main thread is busy {mean('static1', 'task_seconds') * 1000:.0f} / "
        f"{mean('static', 'task_seconds') * 1000:.0f} ms against {mean('lazy', 'task_seconds') * 1000:.0f} ms: for "
        f"the reader who looks at the charts, build-time SVG wins. The page itself grows (gzipped HTML "
        f"{page_kb('lazy')} kB lazy, {page_kb('static')} static, {page_kb('static1')} static1), so a reader who only "
        f"reads the top pays a little more.{scores} The build pays vl-convert's "
        f"{cost['seconds_per_park_year_page'] / 2 * 1000:.0f} ms per park-year page with one SVG a chart "
        f"(twice that with light and dark drawn apart): about "
        f"{cost['seconds_for_park_year_pages_one_core_one_scheme'] / 60:.0f} min of one core at {PARK_YEAR_PAGES} "
        f"park-year pages, against a whole-build goal of 30 s, unless drawn charts are cached between builds; and "
        f"static charts lose tooltips and redrawing to the width unless a script adds them back."
    )


def main(argv: list[str] | None = None) -> int:
    """Build the static copy, measure both variants, print the table and the conclusion, write the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=list(PAGES), help="pages to measure (default: three kinds)")
    parser.add_argument("--site", type=Path, default=PROJECT / "site", help="the built site (default site/)")
    parser.add_argument("--runs", type=int, default=3, help="runs a page and variant, reported as medians")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse (only sizes and scrolling)")
    args = parser.parse_args(argv)
    if not args.no_lighthouse and not lighthouse.LIGHTHOUSE.exists():
        print(f"{lighthouse.LIGHTHOUSE}: not installed; run `npm ci --prefix bench` first", file=sys.stderr)
        return 1
    import vl_convert
    from playwright.sync_api import sync_playwright

    OUT.mkdir(exist_ok=True)
    static_sites = {"static": OUT / "charts-static-site", "static1": OUT / "charts-static1-site"}
    servers = []
    result: dict = {
        "command": " ".join(["python", "bench/charts.py", *(argv if argv is not None else sys.argv[1:])]),
        "paths": args.paths,
        "runs": args.runs,
        "vl_convert": vl_convert.__version__,
        "load_average_start": os.getloadavg(),
    }
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            lazy_server, lazy_base = lighthouse.serve(args.site)
            servers.append(lazy_server)
            widths = chart_widths(browser, lazy_base, args.paths)
            static = make_static_sites(args.site, static_sites, args.paths, widths)
            bases = {"lazy": lazy_base}
            for variant, folder in static_sites.items():
                server, bases[variant] = lighthouse.serve(folder)
                servers.append(server)
            result["static_charts"] = static["charts"]
            sites = dict(static_sites, lazy=args.site)
            result["html"] = {path: {v: html_sizes(sites[v], path) for v in bases} for path in args.paths}
            # Further timings of the same charts: the first pass drew each only once.
            for path in args.paths:
                page_dir = page_file(args.site, path).parent
                text = page_file(args.site, path).read_text(encoding="utf-8")
                for index, match in enumerate(PLACEHOLDER.finditer(text)):
                    attributes = placeholder_attributes(match.group("attrs"))
                    for scheme in SCHEMES:
                        spec = chart_spec(attributes, page_dir, scheme, widths[path][index])
                        for _ in range(args.runs - 1):
                            static["timings"].append(
                                {
                                    "kind": attributes["data-kind"],
                                    "scheme": scheme,
                                    "seconds": draw(vl_convert, spec)[1],
                                }
                            )
            result["build_cost"] = build_cost(static)
            scroll: dict = {variant: {path: {} for path in args.paths} for variant in bases}
            for scheme in SCHEMES:
                for path in args.paths:
                    for variant, base in bases.items():
                        runs = [scroll_through(browser, base + path, scheme) for _ in range(args.runs)]
                        scroll[variant][path][scheme] = median_runs(runs)
                        run = scroll[variant][path][scheme]
                        print(
                            f"  scroll {variant} {scheme} {path}: {run['bytes_transferred'] / 1000:.0f} kB, "
                            f"busy {run['task_seconds'] * 1000:.0f} ms, drawn {run['all_charts_drawn_seconds']:.1f} s",
                            flush=True,
                        )
            result["scroll"] = scroll
            browser.close()
        if not args.no_lighthouse:
            result["lighthouse"] = lighthouse_medians(bases, args.paths, args.runs)
    finally:
        for server in servers:
            server.shutdown()
    result["load_average_end"] = os.getloadavg()
    print_table(result)
    result["conclusion"] = conclusion(result)
    print("\n" + result["conclusion"])
    (OUT / "charts.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
