"""How figures read on the site: numbers, hedges, growth, and the tidy rows behind charts and downloads."""

from __future__ import annotations

from decimal import Decimal

from generator.data.model import Figure, Yearbook
from generator.data.numbers import to_decimal

TIDY_COLUMNS = (
    "park",
    "park_name",
    "year",
    "indicator",
    "indicator_name",
    "value",
    "unit",
    "change_pct",
    "qualifier",
    "source",
    "source_title",
    "quote",
    "source_url",
)
SUFFIX_QUALIFIERS = ("以上", "左右", "多", "余")


def number(value) -> str:
    """A number as written in reports: no exponent, no trailing zeros (8.0 → 8, 2145.69 → 2145.69)."""
    if value is None:
        return ""
    text = format(to_decimal(value).normalize(), "f")
    return text if "." not in text else text.rstrip("0").rstrip(".")


def with_qualifier(value, unit: str, qualifier: str | None) -> str:
    """`近300亿元`, `20多家`, `100亿元以上`: the value with its hedge where the report puts it."""
    if qualifier in ("多", "余"):
        return f"{number(value)}{qualifier}{unit}"
    if qualifier in ("以上", "左右"):
        return f"{number(value)}{unit}{qualifier}"
    return f"{qualifier or ''}{number(value)}{unit}"


def growth(change_pct) -> str:
    """同比 as `+8.3%` / `-2%`, or empty."""
    if change_pct is None:
        return ""
    sign = "+" if to_decimal(change_pct) > Decimal(0) else ""
    return f"{sign}{number(change_pct)}%"


def source_url(source: str, paragraph: int) -> str:
    """The passage's address relative to the site root."""
    return f"sources/{source}/#p{paragraph + 1}"


def figure_row(yearbook: Yearbook, figure: Figure) -> dict:
    """One tidy row per figure: the same fields in CSV, JSON and chart data."""
    park = yearbook.parks[figure.park]
    indicator = yearbook.indicators[figure.indicator]
    return {
        "park": figure.park,
        "park_name": park.short_name,
        "year": figure.year,
        "indicator": figure.indicator,
        "indicator_name": indicator.name,
        "value": figure.value,
        "unit": figure.unit,
        "change_pct": figure.change_pct,
        "qualifier": figure.qualifier,
        "source": figure.origin.source,
        "source_title": yearbook.sources[figure.origin.source].title,
        "quote": figure.origin.quote,
        "source_url": source_url(figure.origin.source, figure.origin.paragraph),
    }


def chart_row(yearbook: Yearbook, figure: Figure) -> dict:
    """A tidy row plus the display strings the charts' labels and tooltips show."""
    row = figure_row(yearbook, figure)
    row["display"] = with_qualifier(figure.value, figure.unit, figure.qualifier)
    row["display_short"] = with_qualifier(figure.value, "", figure.qualifier)
    row["display_year"] = f"{row['display']}({figure.year})"
    row["change_display"] = growth(figure.change_pct) or "—"
    row["indicator_label"] = f"{row['indicator_name']}({figure.unit})"
    row["indicator_order"] = list(yearbook.indicators).index(figure.indicator)
    return row


def position(series: list[Figure], year: int) -> dict:
    """Where one year's value stands in a park's series of an indicator: range, extremes and rank."""
    this = next(f for f in series if f.year == year)
    ranked = sorted(series, key=lambda f: to_decimal(f.value), reverse=True)
    low, high = ranked[-1], ranked[0]
    return {
        "first": series[0].year,
        "last": series[-1].year,
        "count": len(series),
        "low": low,
        "high": high,
        "this": this,
        "rank": 1 + sum(1 for f in series if to_decimal(f.value) > to_decimal(this.value)),
    }
