"""Chart kinds, each built once with Altair and validated; pages only point them at data."""

from __future__ import annotations

import json

import altair as alt

# Placeholders the browser fills from the chart's HTML attributes and the reader's colour scheme
# (see docs/assets/yearbook-charts.js): the title, the unit, and every colour a mark is drawn in.
TITLE = "__TITLE__"
Y_TITLE = "__Y_TITLE__"
DATA = alt.NamedData("figures")
LINE, HIGHLIGHT, BACKGROUND, BREAK, UP, DOWN = (
    "__C_LINE__",
    "__C_HIGHLIGHT__",
    "__C_BACKGROUND__",
    "__C_BREAK__",
    "__C_UP__",
    "__C_DOWN__",
)

# Mark colours per scheme, each at least 3:1 against its page background (tests/test_charts.py checks), and
# above the grid's contrast so a line never reads fainter than the grid behind it.
PALETTES = {
    "light": {
        "background": "#ffffff",
        "line": "#3f51b5",
        "highlight": "#c25400",
        "break": "#6b7080",
        "up": "#2e7d32",
        "down": "#c62828",
        "text": "#1f2330",
        "grid": "#e3e5ea",
        "domain": "#8a8f9c",
        "category": ["#3f51b5", "#c25400", "#2e7d32", "#c62828", "#6a1b9a", "#00695c", "#795548", "#ad1457"],
    },
    "dark": {  # Material's slate background: hsl(225, 15%, 14%)
        "background": "#1e2129",
        "line": "#8c9eff",
        "highlight": "#ffb74d",
        "break": "#9aa0ad",
        "up": "#81c784",
        "down": "#ef9a9a",
        "text": "#e3e5ea",
        "grid": "#383c48",
        "domain": "#6b7080",
        "category": ["#8c9eff", "#ffb74d", "#81c784", "#ef9a9a", "#ce93d8", "#80cbc4", "#bcaaa4", "#f48fb1"],
    },
}
_PLACEHOLDERS = {LINE: "line", HIGHLIGHT: "highlight", BACKGROUND: "background", BREAK: "break", UP: "up", DOWN: "down"}

# Numbers as Chinese readers write them: 万 and 亿 for large amounts, never k or M.
_CHINESE_NUMBER = (
    "abs(datum.value) >= 1e8 ? format(datum.value / 1e8, '~r') + '亿' : "
    "abs(datum.value) >= 1e4 ? format(datum.value / 1e4, '~r') + '万' : format(datum.value, '~r')"
)

_TOOLTIP = [
    alt.Tooltip("park_name:N", title="园区"),
    alt.Tooltip("year:O", title="年份"),
    alt.Tooltip("indicator_name:N", title="指标"),
    alt.Tooltip("display:N", title="数值"),
    alt.Tooltip("change_display:N", title="同比"),
    alt.Tooltip("basis:N", title="口径"),
    alt.Tooltip("source_title:N", title="来源"),
]


def year_ticks(most: int) -> str:
    """A Vega expression for the ticks of the year axis: whole years only, at most about `most` of them, a step of 1,
    2, 5 or a multiple of 10 years. (Vega's tickMinStep still lets a tick count of 3 over two years fall on
    half-years, which the "d" format then shows as 2022, 2023, 2023.)"""
    low, high = "ceil(domain('x')[0])", "floor(domain('x')[1])"
    raw = f"(({high} - {low}) / {most})"
    step = f"({raw} <= 1 ? 1 : {raw} <= 2 ? 2 : {raw} <= 5 ? 5 : 10 * ceil({raw} / 10))"
    return f"sequence(ceil({low} / {step}) * {step}, {high} + 1, {step})"


def _year_axis(title: str | None = "年份", most: int = 8) -> alt.X:
    """Years on a linear scale, so a gap of six years looks like one; whole years as ticks, labels without thousands
    separators."""
    return alt.X(
        "year:Q",
        title=title,
        axis=alt.Axis(format="d", values=alt.ExprRef(year_ticks(most)), labelAngle=0, labelFlush=True),
        scale=alt.Scale(zero=False, nice=False, padding=12),
    )


def _value_axis(title: str | None) -> alt.Y:
    # A fixed axis width, so panels side by side put their plot areas (and years) at the same place; the unit
    # stands level above the axis (Chinese turned on its side reads badly).
    axis = alt.Axis(
        labelExpr=_CHINESE_NUMBER,
        tickCount=4,
        minExtent=40,
        maxExtent=40,
        titleAngle=0,
        titleAnchor="end",
        titleAlign="left",
        titleBaseline="bottom",
        titleX=-40,
        titleY=-8,
    )
    return alt.Y("value:Q", title=title, scale=alt.Scale(zero=True), axis=axis)


def _highlighted() -> dict:
    """The page's year in the highlight colour, the others in the line's."""
    return {"condition": {"test": "datum.highlight", "value": HIGHLIGHT}, "value": LINE}


def _series_layers(base: alt.Chart, rules: alt.Chart, colour: dict, size: float, highlight_size: float) -> list:
    """A series drawn honestly: lines only along `segment` (consecutive years, one definition); exact values as
    filled dots, hedged ones (近、约、超 …) as open dots, values for part of the year or park as open triangles
    off the line; a dashed rule where the definition changes."""
    by_field = "field" in colour  # a colour per park (from `base`, with its legend), or one for the series
    line = base.mark_line(strokeWidth=2, **({} if by_field else {"color": LINE}))
    line = line.encode(detail="segment:N").transform_filter("datum.segment != null")
    points = base.mark_point(strokeWidth=2, opacity=1).encode(
        shape=alt.Shape(
            "mark:N",
            scale=alt.Scale(domain=["exact", "hedged", "part"], range=["circle", "circle", "triangle-up"]),
            legend=None,
        ),
        stroke=colour,
        fill={**colour, "condition": {"test": "datum.mark !== 'exact'", "value": BACKGROUND}},
        size={"condition": {"test": "datum.highlight", "value": highlight_size}, "value": size},
        tooltip=_TOOLTIP,
    )
    rule = (
        rules.mark_rule(strokeDash=[4, 3], strokeWidth=1.5, color=BREAK)
        .encode(x="break_year:Q")
        .transform_filter("datum.basis_break")
        .transform_calculate(break_year="datum.year - 0.5")
    )
    return [rule, line, points]


def _titled(chart, height) -> alt.LayerChart:
    # Bars have a height per row (a step), so only the width fits the container.
    autosize = alt.AutoSizeParams(type="fit-x" if isinstance(height, alt.Step) else "fit", contains="padding")
    return chart.properties(title=alt.Title(TITLE, anchor="start"), width="container", height=height, autosize=autosize)


def compare() -> alt.LayerChart:
    """One indicator across a few parks: a line per park over the years."""
    base = alt.Chart(DATA).encode(x=_year_axis(most=6), y=_value_axis(Y_TITLE))
    colour = alt.Color("park_name:N", title="园区", legend=alt.Legend(orient="bottom", symbolType="circle"))
    same_colour = {"field": "park_name", "type": "nominal", "legend": None}
    layers = _series_layers(base.encode(color=colour), alt.Chart(DATA), same_colour, 60, 60)
    return _titled(alt.layer(*layers), 300)


def growth() -> alt.LayerChart:
    """One park-year's 同比 growth per indicator, as horizontal bars."""
    base = alt.Chart(DATA).encode(
        y=alt.Y("indicator_name:N", title=None, sort=None),
        x=alt.X("change_pct:Q", title="同比增长(%)"),
    )
    bars = base.mark_bar().encode(
        color=alt.condition("datum.change_pct >= 0", alt.value(UP), alt.value(DOWN)),
        tooltip=_TOOLTIP,
    )
    labels = base.mark_text(align="left", dx=4, fontSize=11).encode(text="change_display:N")
    return _titled(alt.layer(bars, labels), alt.Step(28))


def panels() -> alt.FacetChart:
    """A park's series of several indicators, a small panel each (each with its own year axis, all on one year
    scale), the page's year highlighted. The browser sets the columns and the panel width to fit the page."""
    base = alt.Chart().encode(x=_year_axis(None, 5), y=_value_axis(None))
    layers = alt.layer(*_series_layers(base, alt.Chart(), _highlighted(), 36, 110)).properties(width=190, height=110)
    return (
        layers.facet(
            data=DATA,
            facet=alt.Facet(
                "indicator_label:N",
                title=None,
                sort=alt.EncodingSortField(field="indicator_order", op="min"),
                header=alt.Header(labelFontSize=12, labelLimit=260, labelAnchor="start", labelPadding=4),
            ),
            columns=3,
            spacing={"row": 24, "column": 28},
        )
        .resolve_scale(y="independent", x="shared")
        .resolve_axis(x="independent", y="independent")
        .properties(title=alt.Title(TITLE, anchor="start"))
    )


KINDS = {"panels": panels, "compare": compare, "growth": growth}


def scheme_config(scheme: str) -> dict:
    """The Vega-Lite config of one colour scheme: text, axes, grid and the colours of categories."""
    p = PALETTES[scheme]
    axis = {"labelColor": p["text"], "titleColor": p["text"], "gridColor": p["grid"], "domainColor": p["domain"]}
    return {
        "axis": {**axis, "tickColor": p["domain"]},
        "header": {"labelColor": p["text"], "titleColor": p["text"]},
        "legend": {"labelColor": p["text"], "titleColor": p["text"]},
        "title": {"color": p["text"]},
        "text": {"color": p["text"]},
        "range": {"category": p["category"]},
    }


def chart_specs() -> dict[str, str]:
    """Every chart kind as validated Vega-Lite JSON text, keyed by kind; `usermeta` holds each scheme's colours
    (filled into the placeholders) and config."""
    usermeta = {
        "colors": {scheme: {key: p[name] for key, name in _PLACEHOLDERS.items()} for scheme, p in PALETTES.items()},
        "config": {scheme: scheme_config(scheme) for scheme in PALETTES},
    }
    specs = {}
    for kind, make in KINDS.items():
        # The chart's element is one image with a label and a data table beside it; marks named one by one to a
        # screen reader would be noise (and unnamed ones fail svg-img-alt).
        chart = make().configure(background="transparent", font="sans-serif").configure_view(stroke=None)
        chart = chart.configure_mark(aria=False)
        spec = chart.properties(usermeta=usermeta).to_dict(validate=True)
        specs[kind] = json.dumps(spec, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    return specs
