"""Stage 1b, tables: statistical tables read row by row, with the units their header gives.

A row is a line of cells separated by tabs, two or more spaces or bars (指标 | 单位 | 数值); its first
cell names the indicator. The header row is read with the checker's words (generator/reading/tables.py).
Units come from a unit column, else from the value column's header (本年(亿元)), else from a 单位 line
(单位:亿元、%): the amount columns take the first unit that is not %, a 同比 column is in percent. The value
column is the one headed by the draft's year (2024年), else 本年/本期/数值/完成/绝对值, else the first column
of numbers that is not a 同比, 上年, another year's, a share or a rank; "--" and empty cells give no figure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from generator.editor.extract.read import compact, matching_form
from generator.reading.tables import column_of

_CELL_SEP = re.compile(r"\t+|[ \u3000]{2,}|\s*[|｜]\s*")
_UNIT_LINE = re.compile(r"^[（(]?单位[:：]\s*(?P<units>[^)）]+)[)）]?$")
_ROW_MARK = re.compile(
    r"^(?:[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、|\d{1,2}[.、．])?(?:其中[:：]?)?"
)
_NUMBER = re.compile(r"^[-−+]?\d+(?:\.\d+)?$")
_EMPTY = ("--", "—", "——", "-", "－", "…", "")


@dataclass(frozen=True)
class Row:
    """One table row: the indicator's name cell, its value, unit and 同比, and the row as the checker reads it."""

    line: int  # index among the report's non-empty lines
    name: str  # the first cell, in the matching form, without list marks
    value: Decimal | None
    unit: str
    change_pct: Decimal | None
    # The row's cells one space apart: verbatim (spaces aside), and its numbers stay apart for the checker.
    text: str
    title: str  # the table's title line, if any (for its period)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in _CELL_SEP.split(line.strip()) if cell.strip()]


def _number(cell: str) -> Decimal | None:
    cell = cell.replace(",", "").replace("−", "-")
    if cell in _EMPTY or not _NUMBER.match(cell):
        return None
    try:
        return Decimal(cell)
    except InvalidOperation:
        return None


def _is_row(cells: list[str]) -> bool:
    return (
        len(cells) >= 2
        and _number(cells[0]) is None
        and cells[0] not in _EMPTY
        and all(_number(c) is not None or c in _EMPTY or len(c) <= 4 for c in cells[1:])
        and any(_number(c) is not None for c in cells[1:])
    )


@dataclass(frozen=True)
class _Header:
    """A header row read as the checker reads one (generator/reading/tables.py): column indexes by role."""

    value: int | None = None  # the draft's year, else 本年/本期/绝对值 …
    unit: int | None = None
    growth: int | None = None
    others: frozenset[int] = frozenset()  # never the year's value: 上年, another year, a share or a rank
    value_unit: str = ""  # a unit the value column's header gives: 本年(亿元)


def _columns(header: list[str], year: int) -> _Header:
    """The roles of a header row's columns."""
    roles = [column_of(compact(cell)) for cell in header]
    others = frozenset(
        i for i, c in enumerate(roles) if c.role in ("earlier", "other") or (c.year is not None and c.year != year)
    )
    unit = next((i for i, c in enumerate(roles) if i and c.role == "unit"), None)
    growth = next((i for i, c in enumerate(roles) if i and c.role == "growth"), None)
    value = next((i for i, c in enumerate(roles) if i and c.role == "amount" and c.year == year), None)
    if value is None:
        value = next((i for i, c in enumerate(roles) if i and c.role == "amount" and c.year is None), None)
    return _Header(value, unit, growth, others, roles[value].unit if value is not None else "")


def read_tables(lines: list[str], year: int) -> list[Row]:
    """Every table row of the report's lines that gives a figure."""
    rows: list[Row] = []
    units: list[str] = []
    header = _Header()
    title = ""
    for index, raw in enumerate(lines):
        line = matching_form(raw)
        unit_line = _UNIT_LINE.match(compact(line))
        if unit_line:
            units = [u for u in re.split(r"[、,，/]", unit_line.group("units")) if u]
            continue
        cells = _cells(line)
        if not _is_row(cells):
            if len(cells) >= 2 and all(_number(c) is None for c in cells):
                header = _columns(cells, year)  # a header row
            elif len(cells) == 1:
                title, units, header = compact(raw), [], _Header()
            continue
        value_at, unit_at, growth_at = header.value, header.unit, header.growth
        numeric = [i for i in range(1, len(cells)) if i not in (unit_at, growth_at) and i not in header.others]
        if value_at is None or value_at >= len(cells):
            value_at = next((i for i in numeric if _number(cells[i]) is not None or cells[i] in _EMPTY), None)
        if unit_at is not None and unit_at < len(cells):
            unit = cells[unit_at]
        else:
            unit = header.value_unit or next((u for u in units if u not in ("%", "％")), "")
        if growth_at is None and value_at is not None and len(cells) == value_at + 2 and "%" in units:
            growth_at = value_at + 1  # 单位:亿元、%: the column after the amount is its 同比
        change = _number(cells[growth_at]) if growth_at is not None and growth_at < len(cells) else None
        value = _number(cells[value_at]) if value_at is not None and value_at < len(cells) else None
        name = _ROW_MARK.sub("", compact(cells[0]), count=1)
        # Bars are the row's own characters (地区生产总值|亿元|356.72|5.9): the quote keeps them.
        text = compact(raw) if re.search(r"[|｜]", raw) else " ".join(compact(cell) for cell in cells)
        rows.append(Row(index, name, value, unit, change, text, title))
    return rows


def table_lines(lines: list[str]) -> frozenset[int]:
    """Indexes of the lines that are table rows, header rows or unit lines (never joined to prose)."""
    found = set()
    for index, raw in enumerate(lines):
        line = matching_form(raw)
        cells = _cells(line)
        if _UNIT_LINE.match(compact(line)) or _is_row(cells) or (len(cells) >= 3 and "\t" in raw):
            found.add(index)
    return frozenset(found)
