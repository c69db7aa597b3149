"""Tables: what a statistical table's header says each column holds, and which cell of a row stands in which.

A header names its columns: 指标名称 | 单位 | 2024年 | 同比增长（%）. The checker reads from it which column holds
the indicator's name, which its unit, which this year's amount (本年, 本期, 绝对值 …, or the latest year named), which
the 同比 percentage (同比增长, 增长%, 比上年增长(%), 增速, ±%), and which hold something else: last year's amount
(上年, 去年同期, an earlier year), a share or a rank. A row's cells then mean what their column's header says.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from generator.reading.figures import UNITS
from generator.reading.numbers import find_numbers, normalize, split_unit
from generator.reading.parts import period_in, scopes_in
from generator.reading.script import simplified
from generator.reading.text import LIST_MARK, compact
from generator.reading.words import MISSING_CELLS

_CELLS = re.compile(r"[\s\u3000|｜]+")
MISSING = MISSING_CELLS  # the marks of a cell the table leaves empty
DASH_CELLS = tuple(mark for mark in MISSING if set(mark) <= set("-—－"))  # those written with dashes
_NUMBER = re.compile(r"^[-−－+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^[-−－+]?\d+(?:\.\d+)?$")
_GROWTH = re.compile(r"同比|增长|增速|增幅|增减|±|比上年|比去年")
_EARLIER = re.compile(r"上年|去年|上期|上年同期|去年同期")
_AMOUNT = (
    "本年", "本期", "本月", "数值", "数量", "完成", "实绩", "绝对值", "绝对额", "绝对数", "总量", "金额", "累计",
    "全年",
)  # fmt: skip
_YEAR = re.compile(r"((?:19|20)\d\d)年")
# A column headed by the months it covers (1-12月, 1—6月累计, 前三季度) holds the amounts of that period.
_PERIOD_HEADER = re.compile(
    r"^(?:\d{1,2}[-－—–~～至]\d{1,2}月份?|前[一二三]季度|[上下]半年)(?:累计)?(?:[(（][^()（）]*[)）])?$"
)
_GROUPING = re.compile(r"(?<=\d),(?=\d{3})")
# A table's 单位 line: 单位:亿元、% (or in brackets on its caption's line).
UNIT_LINE = re.compile(r"单位[:：](?P<units>[^。;；)）]*)")
_UNIT_IN_HEADER = re.compile(r"[(（]([^()（）]{1,6})[)）]")


def units_of(line: re.Match) -> tuple[str, ...]:
    """The units a 单位 line names, in order: (亿元, %) for 单位:亿元、%."""
    return tuple(unit for unit in re.split(r"[、,，/\s]", line.group("units")) if unit)


@dataclass(frozen=True)
class Column:
    """One column of a table as its header says: its role, the header's words, a unit and a year it gives."""

    role: str  # name | unit | amount | growth | earlier (last year's amount) | other (a share, a rank …)
    label: str
    unit: str = ""  # a unit the header gives the column: 本年(亿元), 同比增长(%)
    year: int | None = None  # the year the header gives the column: 2024年
    scope: str = ""  # a part of the park the column's group names: 主园区 over 绝对额 | 同比


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


def _header_cells(paragraph: str) -> list[str] | None:
    """The cells of a line that can be part of a table's header: short words, no number, no prose."""
    cells = cells_of(paragraph)
    if not cells or any(is_number(cell) or len(cell) > 14 for cell in cells):
        return None
    if "," in paragraph or "，" in paragraph or "。" in paragraph:
        return None
    return cells


def _latest_year(columns) -> tuple[Column, ...]:
    """Of several years, the latest is the year the table reports; the others are earlier years' amounts."""
    latest = max((column.year for column in columns if column.year), default=None)
    return tuple(
        dataclasses.replace(c, role="earlier") if c.year is not None and c.year != latest else c for c in columns
    )


@lru_cache(maxsize=4096)
def header_of(paragraph: str) -> tuple[Column, ...] | None:
    """The columns a header paragraph names, or None when the paragraph is not a table's header."""
    cells = _header_cells(paragraph)
    if cells is None or len(cells) < 2:
        return None
    columns = [column_of(cell) for cell in cells]
    if not {column.role for column in columns} & {"amount", "growth", "unit"}:
        return None
    return _latest_year(columns)


_GROUP_LENGTH = 8  # a group over columns is short (全区, 其中:主园区, 1-12月, 上年同期), a caption is longer


@lru_cache(maxsize=4096)
def grouped_header(groups_line: str, paragraph: str) -> tuple[Column, ...] | None:
    """A header over two lines, or None: groups on the first (全区 | 主园区, 2024年 | 2023年, 1-12月) over what each
    column of a group holds on the second (绝对额 | 同比(%)); each column takes its group's year and part of the
    park, and its label says both (1-12月绝对额). Where each group has one column, the two lines are one header
    broken in two (同比 over 增长(%))."""
    groups, below = _header_cells(groups_line), header_of(paragraph)
    if groups is None or below is None or UNIT_LINE.search(groups_line):
        return None
    if any(len(cell) > _GROUP_LENGTH for cell in groups):
        return None  # a caption over the table (附表 2024年主要经济指标), not groups of its columns
    if len(groups) == 1 and column_of(groups[0]).role not in ("amount", "earlier") and not scopes_in(groups[0]):
        return None  # one group is a period, a year or a part of the park (1-12月, 2024年, 主园区)
    above = [column_of(cell) for cell in groups]
    lead = [c for c in above if c.role in ("name", "unit")]
    spans = [c for c in above if c.role not in ("name", "unit")]
    own_lead = [c for c in below if c.role in ("name", "unit") and c.role not in {other.role for other in lead}]
    under = [c for c in below if c.role not in ("name", "unit")]
    if not spans or not under or len(under) % len(spans):
        return None
    if len(under) == len(spans):
        joined = [column_of(group.label + column.label) for group, column in zip(spans, under, strict=True)]
        return _latest_year([*lead, *own_lead, *joined])
    width = len(under) // len(spans)
    merged = [*lead, *own_lead]
    for index, group in enumerate(spans):
        scope = next(iter(scopes_in(group.label)), "")
        for column in under[index * width : (index + 1) * width]:
            role = "earlier" if group.role == "earlier" and column.role == "amount" else column.role
            year = group.year or column.year
            merged.append(Column(role, group.label + column.label, column.unit or group.unit, year, scope))
    return _latest_year(merged)


def header_at(paragraphs: list[str], number: int) -> tuple[Column, ...] | None:
    """The columns of the header at paragraph `number`, read with the line of groups above it where there is one."""
    if number > 0:
        grouped = grouped_header(paragraphs[number - 1], paragraphs[number])
        if grouped is not None:
            return grouped
    return header_of(paragraphs[number])


def label_unit(label: str) -> str:
    """A unit a row's label gives in brackets: 出口总额(亿美元) → 亿美元; '' where it gives none."""
    found = _UNIT_IN_HEADER.search(label)
    unit = found.group(1) if found else ""
    return unit if unit and (unit in UNITS or split_unit(unit)[1] in UNITS) else ""


# Lines a table continued on the next page may carry between its rows: 续表, (续), 续上表.
CONTINUED = re.compile(r"^[(（]?续(?:表\S{0,6}|上表)?[)）]?$")


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
    unit = lead[-1] if has_unit else label_unit("".join(lead))
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


# --- a report's tables read row by row, as the extractor drafts them ---------------------------------------------
#
# A row is a line of cells separated by tabs, two or more spaces or bars (指标 | 单位 | 数值); its first cell names
# the indicator. Units come from a unit column, else from the value column's header (本年(亿元)), else from a 单位
# line (单位:亿元、%): the amount columns take the first unit that is not %, a 同比 column is in percent. The value
# column is the one headed by the draft's year (2024年), else 本年/本期/数值/完成/绝对值, else the first column of
# numbers that is not a 同比, 上年, another year's, a share or a rank; "--" and empty cells give no figure.

_CELL_SEP = re.compile(r"\t+|[ \u3000]{2,}|\s*[|｜]\s*")
# A numbered row label: (一) 地区生产总值, 1. 营业收入, 其中:工业总产值.
_ROW_MARK = re.compile(rf"^(?:{LIST_MARK})?(?:其中[:：]?)?")
_EMPTY = (*MISSING, "")


@dataclass(frozen=True)
class DraftRow:
    """One table row: the indicator's name cell, its value, unit and 同比, and the row as the checker reads it."""

    line: int  # index among the report's non-empty lines
    name: str  # the first cell, in the matching form, without list marks
    value: Decimal | None
    unit: str
    change_pct: Decimal | None
    # The row's cells one space apart: verbatim (spaces aside), and its numbers stay apart for the checker.
    text: str
    title: str  # the table's title line, if any (for its period)
    scope: str = ""  # the part of the park the value column's group names (主园区 over 绝对额 | 同比)
    period: str | None = None  # the part of the year its caption or value column names (1-6月)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in _CELL_SEP.split(line.strip()) if cell.strip()]


def _number(cell: str) -> Decimal | None:
    cell = cell.replace(",", "").replace("−", "-").replace("－", "-")
    if cell in _EMPTY or not is_number(cell):
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
    """A header read as the checker reads one: column indexes by role (index 0 is the row's name)."""

    value: int | None = None  # the year's amount: the first amount column (本年, 2024年, 1-12月绝对额 …)
    unit: int | None = None
    growth: int | None = None
    others: frozenset[int] = frozenset()  # never the year's value: 上年, another year, a share or a rank
    value_unit: str = ""  # a unit the value column's header gives: 本年(亿元)
    value_year: int | None = None  # the year the value column's header gives
    scope: str = ""  # the part of the park the value column's group names
    value_label: str = ""  # the value column's header (1-6月绝对额: the part of the year it covers)


def _columns(columns: tuple[Column, ...]) -> _Header:
    """The roles of a header's columns, as the checker reads them (the latest year's amount first)."""
    roles = list(columns) if columns and columns[0].role == "name" else [Column("name", ""), *columns]
    others = frozenset(i for i, c in enumerate(roles) if c.role in ("earlier", "other"))
    unit = next((i for i, c in enumerate(roles) if i and c.role == "unit"), None)
    growth = next((i for i, c in enumerate(roles) if i and c.role == "growth"), None)
    value = next((i for i, c in enumerate(roles) if i and c.role == "amount"), None)
    if value is None:
        return _Header(None, unit, growth, others)
    column = roles[value]
    return _Header(value, unit, growth, others, column.unit, column.year, column.scope, column.label)


def read_tables(lines: list[str], year: int) -> list[DraftRow]:
    """Every table row of the report's lines that gives a figure."""
    rows: list[DraftRow] = []
    units: list[str] = []
    header = _Header()
    title = ""
    previous = ""  # the line before, for a header over two lines
    for index, raw in enumerate(lines):
        line = simplified(raw)
        before, previous = previous, line
        unit_line = UNIT_LINE.search(compact(line))
        if unit_line and not _is_row(_cells(line)):
            units = list(units_of(unit_line))
            continue
        cells = _cells(line)
        if CONTINUED.match(compact(line)):
            previous = before
            continue  # 续表: the same table goes on
        if not _is_row(cells):
            if len(cells) >= 2 and all(_number(c) is None for c in cells):
                columns = grouped_header(before, line) if before else None
                columns = columns or header_of(line) or tuple(column_of(compact(cell)) for cell in cells)
                header = _columns(columns)  # a header row
            elif len(cells) == 1:
                title, units, header = compact(raw), [], _Header()
            continue
        value_at, unit_at, growth_at = header.value, header.unit, header.growth
        numeric = [i for i in range(1, len(cells)) if i not in (unit_at, growth_at) and i not in header.others]
        if value_at is None or value_at >= len(cells):
            value_at = next((i for i in numeric if _number(cells[i]) is not None or cells[i] in _EMPTY), None)
        labelled = label_unit(cells[0])
        if unit_at is not None and unit_at < len(cells):
            unit = cells[unit_at]
        else:
            unit = labelled or header.value_unit or next((u for u in units if u not in ("%", "％")), "")
        if growth_at is None and value_at is not None and len(cells) == value_at + 2 and "%" in units:
            growth_at = value_at + 1  # 单位:亿元、%: the column after the amount is its 同比
        change = _number(cells[growth_at]) if growth_at is not None and growth_at < len(cells) else None
        value = _number(cells[value_at]) if value_at is not None and value_at < len(cells) else None
        if header.value_year is not None and header.value_year != year:
            value = None  # the table's latest year is another year: not this year's figure
        name = _ROW_MARK.sub("", compact(cells[0]), count=1)
        name = _UNIT_IN_HEADER.sub("", name, count=1) if labelled else name  # 出口总额(亿美元)
        # Bars are the row's own characters (地区生产总值|亿元|356.72|5.9): the quote keeps them.
        text = compact(raw) if re.search(r"[|｜]", raw) else " ".join(compact(cell) for cell in cells)
        period = period_in(title) or period_in(header.value_label)
        rows.append(DraftRow(index, name, value, unit, change, text, title, header.scope, period))
    return rows


def table_lines(lines: list[str], only: Iterable[int] | None = None) -> frozenset[int]:
    """Indexes of the lines that are table rows, header rows or unit lines (never joined to prose), among `only`
    where given."""
    found = set()
    for index in range(len(lines)) if only is None else sorted(only):
        raw = lines[index]
        line = simplified(raw)
        cells = _cells(line)
        tabbed = "\t" in raw and len(cells) >= 2  # a header's line of groups: 全区\t主园区
        compacted = compact(line)
        if UNIT_LINE.search(compacted) or _is_row(cells) or tabbed or CONTINUED.match(compacted):
            found.add(index)
    return frozenset(found)
