"""Tables: what a statistical table's header says each column holds, and which cell of a row stands in which.

A header names its columns: 指标名称 | 单位 | 2024年 | 同比增长（%）. The checker reads from it which column holds
the indicator's name, which its unit, which this year's amount (本年, 本期, 绝对值 …, or the latest year named), which
the 同比 percentage (同比增长, 增长%, 比上年增长(%), 增速, ±%), and which hold something else: last year's amount
(上年, 去年同期, an earlier year), a share or a rank. A row's cells then mean what their column's header says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from generator.reading.numbers import find_numbers, normalize, simplified

_CELLS = re.compile(r"[\s\u3000|｜]+")
MISSING = ("--", "—", "——", "-", "－", "…", "/", "－－")  # the marks of a cell the table leaves empty
_NUMBER = re.compile(r"^[-−－+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[-−－+]?\d+(?:\.\d+)?$")
_GROWTH = re.compile(r"同比|增长|增速|增幅|增减|±|比上年|比去年")
_EARLIER = re.compile(r"上年|去年|上期|上年同期|去年同期")
_AMOUNT = ("本年", "本期", "本月", "数值", "数量", "完成", "实绩", "绝对值", "总量", "金额", "累计", "全年")
_YEAR = re.compile(r"((?:19|20)\d\d)年")
# A column headed by the months it covers (1-12月, 1—6月累计, 前三季度) holds the amounts of that period.
_PERIOD_HEADER = re.compile(
    r"^(?:\d{1,2}[-－—–~～至]\d{1,2}月份?|前[一二三]季度|[上下]半年)(?:累计)?(?:[(（][^()（）]*[)）])?$"
)
_GROUPING = re.compile(r"(?<=\d),(?=\d{3})")
_UNIT_IN_HEADER = re.compile(r"[(（]([^()（）]{1,6})[)）]")


@dataclass(frozen=True)
class Column:
    """One column of a table as its header says: its role, the header's words, a unit and a year it gives."""

    role: str  # name | unit | amount | growth | earlier (last year's amount) | other (a share, a rank …)
    label: str
    unit: str = ""  # a unit the header gives the column: 本年(亿元), 同比增长(%)
    year: int | None = None  # the year the header gives the column: 2024年


@dataclass(frozen=True)
class Cell:
    """A cell of a row under its column: where its number stands in the prepared row, or missing (--)."""

    column: Column
    text: str
    start: int = -1
    end: int = -1

    @property
    def missing(self) -> bool:
        return self.start < 0


@dataclass(frozen=True)
class Row:
    """A table row read through its header: the unit its unit column gives, and its cells of numbers in order."""

    unit: str  # the unit cell's text ('' when the table has no unit column)
    cells: tuple[Cell, ...]

    def first(self, role: str) -> Cell | None:
        return next((cell for cell in self.cells if cell.column.role == role), None)

    def shifted(self, by: int) -> Row:
        """The row with its positions counted from `by` characters later (a quote's start in its paragraph)."""
        moved = tuple(Cell(c.column, c.text, c.start - by, c.end - by) if not c.missing else c for c in self.cells)
        return Row(self.unit, moved)


def cells_of(paragraph: str) -> list[str]:
    """A paragraph's cells: the pieces between tabs, spaces and bars."""
    return [cell for cell in _CELLS.split(simplified(paragraph).strip()) if cell]


def is_number(cell: str) -> bool:
    return bool(_NUMBER.match(cell))


def column_of(cell: str) -> Column:
    """What one header cell says its column holds."""
    unit = _UNIT_IN_HEADER.search(cell)
    unit_text = unit.group(1).replace("％", "%") if unit else ""
    year = _YEAR.search(cell)
    if cell in ("单位", "计量单位"):
        return Column("unit", cell)
    if _GROWTH.search(cell) or unit_text == "%" and not cell.startswith(("占", "比重")):
        return Column("growth", cell, "%")
    if _EARLIER.search(cell):
        return Column("earlier", cell, unit_text)
    if year:
        return Column("amount", cell, unit_text, int(year.group(1)))
    if cell.startswith(_AMOUNT) or _PERIOD_HEADER.match(cell):
        return Column("amount", cell, unit_text)
    if cell.startswith(("指标", "项目", "名称", "主要指标")):
        return Column("name", cell)
    return Column("other", cell, unit_text)


@lru_cache(maxsize=4096)
def header_of(paragraph: str) -> tuple[Column, ...] | None:
    """The columns a header paragraph names, or None when the paragraph is not a table's header."""
    cells = cells_of(paragraph)
    if len(cells) < 2 or any(is_number(cell) or len(cell) > 14 for cell in cells):
        return None
    columns = [column_of(cell) for cell in cells]
    roles = {column.role for column in columns}
    if not roles & {"amount", "growth", "unit"} or "," in paragraph or "，" in paragraph or "。" in paragraph:
        return None
    # Of several years, the latest is the year the table reports; the others are earlier years' amounts.
    latest = max((column.year for column in columns if column.year), default=None)
    return tuple(
        Column("earlier", c.label, c.unit, c.year) if c.year is not None and c.year != latest else c for c in columns
    )


def row_of(paragraph: str, prepared: str, header: tuple[Column, ...]) -> Row | None:
    """A row read through its header, positions in `prepared` (the row as the checker reads it), or None when it
    does not fit the header."""
    cells = cells_of(paragraph)
    count = next((index for index, cell in enumerate(cells) if is_number(cell) or cell in MISSING), len(cells))
    lead, values = cells[:count], cells[count:]
    # The header's columns before the first one of numbers: the name, and the unit where the table has one.
    first_value = next((i for i, c in enumerate(header) if c.role not in ("name", "unit")), len(header))
    has_unit = any(column.role == "unit" for column in header[:first_value])
    if not lead or not values or (has_unit and len(lead) < 2) or len(values) > len(header) - first_value:
        return None
    unit = lead[-1] if has_unit else ""
    prepared_lead = normalize("".join(lead))
    from_lead = find_numbers(prepared[len(prepared_lead) :])
    found: list[Cell] = []
    for column, text in zip(header[first_value:], values, strict=False):
        if text in MISSING:
            found.append(Cell(column, text))
            continue
        if not from_lead:
            return None
        token = from_lead.pop(0)
        try:
            same = token.amount == Decimal(text.replace(",", "").replace("−", "-").replace("－", "-"))
        except InvalidOperation:
            same = False
        if not same:
            return None
        at = len(prepared_lead)
        found.append(Cell(column, text, at + token.start, at + token.end))
    return Row(unit, tuple(found))


def looks_like_row(paragraph: str) -> bool:
    """Whether a paragraph reads as a table row: a name, then cells of numbers or of the missing mark, no prose."""
    if any(mark in _GROUPING.sub("", paragraph) for mark in "，。,;；"):  # prose, not 1,203.5
        return False
    cells = cells_of(paragraph)
    return len(cells) >= 2 and not is_number(cells[0]) and any(is_number(c) or c in MISSING for c in cells[1:])
