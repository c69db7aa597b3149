"""Chart kinds, each built once with Altair and validated; pages only point them at data."""

from __future__ import annotations

import json

import altair as alt

# Placeholders the browser fills from the chart's HTML attributes (see docs/assets/yearbook.js).
TITLE = "__TITLE__"
Y_TITLE = "__Y_TITLE__"
DATA = alt.NamedData("figures")

_TOOLTIP = [
    alt.Tooltip("park_name:N", title="园区"),
    alt.Tooltip("year:O", title="年份"),
    alt.Tooltip("indicator_name:N", title="指标"),
    alt.Tooltip("display:N", title="数值"),
    alt.Tooltip("change_display:N", title="同比"),
    alt.Tooltip("source_title:N", title="来源"),
]


# Years on a linear scale, so a gap of six years looks like one; labels without thousands separators.
_YEAR_AXIS = alt.X(
    "year:Q",
    title="年份",
    axis=alt.Axis(format="d", tickMinStep=1, labelAngle=0),
    scale=alt.Scale(zero=False, padding=24),
)


def _base() -> alt.Chart:
    return alt.Chart(DATA)


def _titled(chart: alt.LayerChart, height) -> alt.LayerChart:
    # Bars have a height per row (a step), so only the width fits the container.
    autosize = alt.AutoSizeParams(type="fit-x" if isinstance(height, alt.Step) else "fit", contains="padding")
    return chart.properties(title=alt.Title(TITLE, anchor="start"), width="container", height=height, autosize=autosize)


def trend() -> alt.LayerChart:
    """One park's series of one indicator: years on x, the unit on y, the page's year highlighted."""
    base = _base().encode(
        x=_YEAR_AXIS,
        y=alt.Y("value:Q", title=Y_TITLE, scale=alt.Scale(zero=True)),
    )
    line = base.mark_line(strokeWidth=2)
    points = base.mark_point(filled=True, size=90).encode(
        color=alt.condition("datum.highlight", alt.value("#e8710a"), alt.value("#4051b5")),
        tooltip=_TOOLTIP,
    )
    labels = base.mark_text(dy=-12, fontSize=11).encode(text="display_short:N")
    return _titled(alt.layer(line, points, labels), 260)


def compare() -> alt.LayerChart:
    """One indicator across parks: a line per park over the years."""
    base = _base().encode(
        x=_YEAR_AXIS,
        y=alt.Y("value:Q", title=Y_TITLE, scale=alt.Scale(zero=True)),
        color=alt.Color("park_name:N", title="园区", legend=alt.Legend(orient="bottom")),
    )
    return _titled(
        alt.layer(base.mark_line(strokeWidth=2), base.mark_point(filled=True, size=80).encode(tooltip=_TOOLTIP)), 300
    )


def growth() -> alt.LayerChart:
    """One park-year's 同比 growth per indicator, as horizontal bars."""
    base = _base().encode(
        y=alt.Y("indicator_name:N", title=None, sort=None),
        x=alt.X("change_pct:Q", title="同比增长(%)"),
    )
    bars = base.mark_bar().encode(
        color=alt.condition("datum.change_pct >= 0", alt.value("#2e7d32"), alt.value("#c62828")),
        tooltip=_TOOLTIP,
    )
    labels = base.mark_text(align="left", dx=4, fontSize=11).encode(text="change_display:N")
    return _titled(alt.layer(bars, labels), alt.Step(28))


def latest() -> alt.LayerChart:
    """Each park's latest value of one indicator, as horizontal bars (the home page's comparison)."""
    base = _base().encode(
        y=alt.Y("park_name:N", title=None, sort="-x"),
        x=alt.X("value:Q", title=Y_TITLE),
    )
    bars = base.mark_bar(color="#4051b5").encode(tooltip=_TOOLTIP)
    labels = base.mark_text(align="left", dx=4, fontSize=11).encode(text="display_year:N")
    return _titled(alt.layer(bars, labels), alt.Step(32))


def position() -> alt.FacetChart:
    """A park's series of several indicators, a small panel each, with the page's year highlighted."""
    base = alt.Chart().encode(
        x=alt.X(
            "year:Q",
            title=None,
            axis=alt.Axis(format="d", tickMinStep=1, labelAngle=0, tickCount=4),
            scale=alt.Scale(zero=False, padding=8),
        ),
        y=alt.Y("value:Q", title=None, scale=alt.Scale(zero=True), axis=alt.Axis(tickCount=4, format="~s")),
    )
    line = base.mark_line(strokeWidth=1.5, color="#4051b5")
    points = base.mark_point(filled=True, opacity=1).encode(
        color=alt.condition("datum.highlight", alt.value("#e8710a"), alt.value("#4051b5")),
        size=alt.condition("datum.highlight", alt.value(110), alt.value(18)),
        tooltip=_TOOLTIP,
    )
    panels = alt.layer(line, points).properties(width=190, height=110)
    return (
        panels.facet(
            data=DATA,
            facet=alt.Facet(
                "indicator_label:N",
                title=None,
                sort=alt.EncodingSortField(field="indicator_order", op="min"),
                header=alt.Header(labelFontSize=12, labelLimit=220, labelAnchor="start"),
            ),
            columns=3,
        )
        .resolve_scale(y="independent", x="shared")
        .properties(title=alt.Title(TITLE, anchor="start"))
    )


KINDS = {"trend": trend, "position": position, "compare": compare, "growth": growth, "latest": latest}


def chart_specs() -> dict[str, str]:
    """Every chart kind as validated Vega-Lite JSON text, keyed by kind."""
    specs = {}
    for kind, make in KINDS.items():
        spec = make().configure(background="transparent").configure_view(stroke=None).to_dict(validate=True)
        specs[kind] = json.dumps(spec, ensure_ascii=False, sort_keys=True, indent=1) + "\n"
    return specs
