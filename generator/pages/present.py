"""How figures read on the site: numbers, hedges, growth, and the tidy rows behind charts and downloads."""

from __future__ import annotations

import re
from decimal import Decimal

from generator.data.model import Fact, Figure, Target, Yearbook
from generator.data.verdicts import TargetStatus, status
from generator.pages.markup import quote_anchor
from generator.reading.numbers import to_decimal

# Every download row ends with where it comes from: the editor's note, the source, its title, the quote and its address.
ORIGIN_COLUMNS = ("note", "source", "source_title", "quote", "source_url")
TIDY_COLUMNS = (
    "park",
    "park_name",
    "year",
    "indicator",
    "indicator_name",
    "value",
    "unit",
    "change_pct",
    "change_qualifier",
    "qualifier",
    "period",
    "scope",
) + ORIGIN_COLUMNS
FACT_COLUMNS = (
    "park",
    "park_name",
    "year",
    "theme",
    "text",
    "figures",
    "period",
    "scope",
) + ORIGIN_COLUMNS
TARGET_COLUMNS = (
    "park",
    "park_name",
    "set_in",
    "for_year",
    "indicator",
    "indicator_name",
    "text",
    "comparator",
    "value",
    "unit",
    "status",
    "actual_value",
) + ORIGIN_COLUMNS
SUFFIX_QUALIFIERS = ("以上", "左右", "多", "余")
# A target's comparator as its value is shown on the site and in the printed volume: ≥ 31个, 约 5亿元.
COMPARATOR_SIGNS = {">=": "≥ ", "<=": "≤ ", "~": "约 ", "=": ""}


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


def growth(change_pct, qualifier: str | None = None) -> str:
    """同比 as `+8.3%` / `-2%`, or empty; a hedged one in the report's words: `增长约15%`, `下降近3%`, `增长6%左右`."""
    if change_pct is None:
        return ""
    if qualifier:
        word = "下降" if to_decimal(change_pct) < Decimal(0) else "增长"
        size = number(abs(to_decimal(change_pct)))
        return (
            f"{word}{size}%{qualifier}" if qualifier in SUFFIX_QUALIFIERS + ("上下",) else f"{word}{qualifier}{size}%"
        )
    sign = "+" if to_decimal(change_pct) > Decimal(0) else ""
    return f"{sign}{number(change_pct)}%"


_CLIP_MARKS = "。;；,，、:："


def clip(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters for a link preview, at the end of a clause so that no number loses
    its digits or its unit (a preview saying 10亿… or 160.… misquotes the summary), with … where it was cut."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1]
    end = max(head.rfind(mark) for mark in _CLIP_MARKS)
    if end <= 0:  # no clause mark: cut before the number or word that the limit falls in
        end = len(head)
        while end > 0 and (head[end - 1].isdigit() or head[end - 1] in ".万亿千"):
            end -= 1
    return text[:end] + "…"


def source_url(source: str, quote: str, site_url: str = "") -> str:
    """The quoted passage's address: under `site_url` (the published site's address), else relative to the site root."""
    return f"{site_url}sources/{source}/#{quote_anchor(quote)}"


def is_whole(entry: Figure | Fact) -> bool:
    """Whether a figure covers the whole year and the whole park: only such figures are a park's year value."""
    return not entry.period and not entry.scope


def part_label(entry: Figure | Fact) -> str:
    """`1-9月`, `主园区`, `主园区 1-9月`: the part of the year or park a figure covers, or empty."""
    return " ".join(part for part in (entry.scope, entry.period) if part)


def _quoted_row(yearbook: Yearbook, park: str, origin, site_url: str) -> dict:
    return {
        "note": origin.note,
        "source": origin.source,
        "source_title": yearbook.sources[origin.source].title,
        "quote": origin.quote,
        "source_url": source_url(origin.source, origin.quote, site_url),
    }


def figure_row(yearbook: Yearbook, figure: Figure, site_url: str = "") -> dict:
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
        "change_qualifier": figure.change_qualifier,
        "qualifier": figure.qualifier,
        "period": figure.period,
        "scope": figure.scope,
        **_quoted_row(yearbook, figure.park, figure.origin, site_url),
    }


def fact_row(yearbook: Yearbook, fact: Fact, site_url: str = "") -> dict:
    """One row per fact; its numbers as `96个; 3.5亿元` in one column."""
    return {
        "park": fact.park,
        "park_name": yearbook.parks[fact.park].short_name,
        "year": fact.year,
        "theme": fact.theme,
        "text": fact.text,
        "figures": "; ".join(with_qualifier(f.value, f.unit, f.qualifier) for f in fact.figures),
        "period": fact.period,
        "scope": fact.scope,
        **_quoted_row(yearbook, fact.park, fact.origin, site_url),
    }


def target_row(yearbook: Yearbook, target: Target, site_url: str = "") -> dict:
    """One row per target, with whether it was met and the figure it was checked against."""
    checked = target_status(yearbook, target)
    return {
        "park": target.park,
        "park_name": yearbook.parks[target.park].short_name,
        "set_in": target.set_in,
        "for_year": target.for_year,
        "indicator": target.indicator,
        "indicator_name": yearbook.indicators[target.indicator].name if target.indicator else None,
        "text": target.text,
        "comparator": target.comparator,
        "value": target.value,
        "unit": target.unit,
        "status": checked.label,
        "actual_value": checked.actual.value if checked.actual else None,
        **_quoted_row(yearbook, target.park, target.origin, site_url),
    }


class _NoFigure(TargetStatus):
    """A target naming an indicator that its year's report does not give (or gives only for part of it)."""

    @property
    def label(self) -> str:
        return "当年未报告该指标"


def target_status(yearbook: Yearbook, target: Target) -> TargetStatus:
    """A target's state as the site shows it: a named indicator missing from the target year's figures says so,
    and a figure for part of the year or park is not the year's value to check against."""
    if target.indicator is None or (target.park, target.for_year) not in yearbook.years:
        return status(yearbook, target)
    actual = yearbook.figure(target.park, target.for_year, target.indicator)
    if actual is None or not is_whole(actual):
        return _NoFigure("not-comparable")
    return status(yearbook, target)


# An indicator note saying `口径为…` states the figure's definition (see docs/guide.md).
_BASIS = re.compile(r"口径为([^;;。]+)")


def basis(figure: Figure) -> str | None:
    """The definition a figure's note states for it (`口径为…`), or None for the catalogue's."""
    match = _BASIS.search(figure.origin.note or "")
    return match.group(1).strip() if match else None


def series_marks(series: list[Figure]) -> dict[tuple, dict]:
    """How a chart joins one park's series of one indicator, keyed by (park, year, indicator, order): a line
    runs only between whole-year, whole-park figures of consecutive years on the same definition; `segment`
    names the line a figure is on (None: drawn alone), `basis_break` marks a definition differing from the last."""
    marks: dict[tuple, dict] = {}
    previous, segment = None, 0
    for figure in series:
        key = (figure.park, figure.year, figure.indicator, figure.order)
        if not is_whole(figure):
            marks[key] = {"segment": None, "basis_break": False}
            continue
        changed = previous is not None and basis(previous) != basis(figure)
        if previous is None or changed or figure.year != previous.year + 1:
            segment += 1
        marks[key] = {"segment": f"{figure.park}/{figure.indicator}/{segment}", "basis_break": changed}
        previous = figure
    return marks


_OFF_THE_LINE = {"segment": None, "basis_break": False}


def chart_row(yearbook: Yearbook, figure: Figure, marks: dict[tuple, dict], site_url: str = "") -> dict:
    """A tidy row plus what the charts draw and say: display strings, hedge and part marks, line segments."""
    row = figure_row(yearbook, figure, site_url)
    part = part_label(figure)
    row["display"] = with_qualifier(figure.value, figure.unit, figure.qualifier) + (f"({part})" if part else "")
    row["display_short"] = with_qualifier(figure.value, "", figure.qualifier) + (f"({part})" if part else "")
    row["change_display"] = growth(figure.change_pct, figure.change_qualifier) or "—"
    row["indicator_label"] = f"{row['indicator_name']}({figure.unit})"
    row["indicator_order"] = list(yearbook.indicators).index(figure.indicator)
    row["whole"] = is_whole(figure)
    row["hedged"] = figure.qualifier is not None
    row["mark"] = "part" if part else "hedged" if figure.qualifier else "exact"
    # A figure for part of the year or park is on no line (the model's series leave it out).
    row.update(marks.get((figure.park, figure.year, figure.indicator, figure.order), _OFF_THE_LINE))
    row["basis"] = basis(figure) or "指标目录口径"
    return row


def ranking_year(figures: list[Figure]) -> tuple[int, int] | None:
    """The year to compare parks in and how many parks it has: the year with most parks reporting a whole-year,
    whole-park value (the latest of equals); None without such figures."""
    parks_by_year: dict[int, set[str]] = {}
    for figure in figures:
        if is_whole(figure):
            parks_by_year.setdefault(figure.year, set()).add(figure.park)
    best = max(parks_by_year.items(), key=lambda item: (len(item[1]), item[0]), default=None)
    return (best[0], len(best[1])) if best else None


def ranked(figures: list[Figure]) -> list[tuple[int | None, Figure]]:
    """One year's figures of an indicator, largest first with their rank (equal values share one); figures for
    part of the year or park follow, unranked."""
    whole = sorted((f for f in figures if is_whole(f)), key=lambda f: (-to_decimal(f.value), f.park))
    rows: list[tuple[int | None, Figure]] = []
    for index, figure in enumerate(whole):
        same = index and to_decimal(whole[index - 1].value) == to_decimal(figure.value)
        rows.append((rows[-1][0] if same else index + 1, figure))
    return rows + [(None, f) for f in figures if not is_whole(f)]


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


def compared(figures_by_indicator: dict[str, list[Figure]]) -> tuple[str, int, int] | None:
    """The indicator and year the home page compares parks in, and how many parks it has: of each indicator's
    ranking year (ranking_year), the one with the most parks; among equals the later year, then the indicator
    first in the catalogue (the order of `figures_by_indicator`). None when no year has two parks."""
    best = None
    for indicator, figures in figures_by_indicator.items():
        chosen = ranking_year(figures)
        if chosen and (best is None or (chosen[1], chosen[0]) > (best[2], best[1])):
            best = (indicator, *chosen)
    return best if best and best[2] > 1 else None


def headline_indicators(figures_by_indicator: dict[str, list[Figure]], count: int) -> list[str]:
    """The indicators of the home page's table of latest figures: the `count` reported, whole-year and whole-park,
    by the most parks (in any year); among equals the first in the catalogue."""
    parks = {
        indicator: len({f.park for f in figures if is_whole(f)}) for indicator, figures in figures_by_indicator.items()
    }
    reported = [indicator for indicator in figures_by_indicator if parks[indicator]]
    return sorted(reported, key=lambda indicator: -parks[indicator])[:count]


def year_content(park_year) -> str:
    """What a park's year holds when it has no indicator figure, in the words the home page uses: a year with other
    figures (facts) has no comparable indicators; only a year of targets alone is a plan. Empty with figures."""
    if park_year.figures:
        return ""
    if park_year.facts:
        return "无可比指标,见该年的其他数字"
    if park_year.targets:
        return "规划文件,仅含目标"
    return "未收录数字"
