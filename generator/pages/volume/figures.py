"""The volume's charts as SVG, drawn in Python at build time: bars in the site's chart colours.

The site's Vega-Lite specs (generator/pages/charts.py) drawn by vl-convert take 0.2–0.8 s a chart on this
machine, about 110 s for the 214 charts of a 178-park volume (bench/README.md, "The printed volume"); these
bars take milliseconds and print the same numbers, in the same words (the display strings of present.py).
"""

from __future__ import annotations

from html import escape

from generator.pages.charts import PALETTES

FONT = "Noto Sans CJK SC"  # the volume's sans-serif face (fonts-noto-cjk), embedded by the typesetter
TOP = 20  # parks drawn in a ranking's chart (the table beside it lists every one)
WIDTH, ROW, BAR, SIZE = 480, 16, 10, 9  # px: drawing width, row height, bar thickness, font size
_COLOURS = PALETTES["light"]


def bars(rows: list[tuple[str, float, str]], colour_of=None) -> str:
    """Horizontal bars, one per (label, value, text): the label left, the bar from zero, the text at its end."""
    label_width = SIZE * max((_width(label) for label, _, _ in rows), default=0) + 8
    text_width = SIZE * max((_width(text) for _, _, text in rows), default=0) + 6
    low = min([0.0, *(value for _, value, _ in rows)])
    high = max([0.0, *(value for _, value, _ in rows)])
    span = (high - low) or 1.0
    plot = WIDTH - label_width - 2 * text_width
    zero = label_width + text_width + plot * (-low / span)
    height = ROW * len(rows) + 4
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" '
        f'font-family="{FONT}" font-size="{SIZE}" fill="{_COLOURS["text"]}">'
    ]
    for index, (label, value, text) in enumerate(rows):
        top = 2 + index * ROW
        middle = top + ROW / 2 + SIZE * 0.35
        length = plot * abs(value) / span
        left = zero if value >= 0 else zero - length
        colour = colour_of(value) if colour_of else _COLOURS["line"]
        parts.append(f'<text x="{label_width - 6}" y="{middle:.1f}" text-anchor="end">{escape(label)}</text>')
        bar_top = top + (ROW - BAR) / 2
        parts.append(f'<rect x="{left:.1f}" y="{bar_top:.1f}" width="{length:.1f}" height="{BAR}" fill="{colour}"/>')
        anchor, at = ("start", left + length + 3) if value >= 0 else ("end", left - 3)
        parts.append(f'<text x="{at:.1f}" y="{middle:.1f}" text-anchor="{anchor}">{escape(text)}</text>')
    parts.append(f'<line x1="{zero:.1f}" x2="{zero:.1f}" y1="0" y2="{height}" stroke="{_COLOURS["domain"]}"/>')
    parts.append("</svg>\n")
    return "".join(parts)


def _width(text: str) -> float:
    """Text width in font sizes: a Chinese character is one, a digit or Latin letter about 0.6."""
    return sum(1.0 if ord(character) > 0x2E80 else 0.6 for character in text)


def growth_svg(rows: list[dict]) -> str:
    """A park's 同比 growth per indicator (chart rows of generator.pages.present.chart_row), green up, red down."""
    drawn = [(row["indicator_name"], float(row["change_pct"]), row["change_display"]) for row in rows]
    return bars(drawn, lambda value: _COLOURS["up"] if value >= 0 else _COLOURS["down"])


def ranking_svg(ranking) -> str | None:
    """The first TOP parks of an indicator's ranking (whole-year, whole-park values only); None without any."""
    rows = [(r.park, r.number, r.value) for r in ranking.rows if r.rank is not None][:TOP]
    return bars(rows) if rows else None
