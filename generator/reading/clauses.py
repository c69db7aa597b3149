"""A quote as the checker reads it: prepared text, its clauses, the sentence around it, and what that sentence
says about the year, the part of the year and the part of the park."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from generator.data.model import Source
from generator.reading.numbers import INVISIBLE, normalize, simplified
from generator.reading.tables import Row, header_of, looks_like_row, row_of

# Clauses end at these marks; a sentence ends at the stronger ones (and at a paragraph's end).
CLAUSE_MARKS = ",，;；。!！?？:："
SENTENCE_MARKS = "。!！?？;；"
_DIGIT_SPACE_DIGIT = re.compile(r"(?<=[0-9０-９])[\s\u3000]+(?=[-−－]?[0-9０-９])")
# A table's mark of a missing cell, and a cell of a number alone: 3856 -- 15.2 is three cells.
_MISSING_CELL = re.compile(r"--|——|—|－－|－|-")
_NUMBER_CELL = re.compile(r"[-−－]?[0-9０-９][0-9０-９.,，．]*")
_GAPS = re.compile(r"([\s\u3000]+)")


def _missing_cells_apart(text: str) -> str:
    """The gaps around a missing cell (--) between cells of numbers kept as '|': 3856 -- 15.2, 1215 --, -- -3.5.

    A mark counts as a cell only when a number cell or the end follows it, so 2015 — 2020年 stays a range.
    """
    parts = _GAPS.split(text)
    chunks = parts[0::2]
    marks = [False] * len(chunks)
    for index in range(len(chunks) - 1, -1, -1):  # from the end: a mark before a mark cell is a cell too
        after = chunks[index + 1] if index + 1 < len(chunks) else ""
        cell_after = after == "" or bool(_NUMBER_CELL.fullmatch(after)) or marks[index + 1]
        marks[index] = bool(_MISSING_CELL.fullmatch(chunks[index])) and cell_after
    for index in range(1, len(parts), 2):
        left, right = index // 2, index // 2 + 1
        cells = (marks[left] and (bool(_NUMBER_CELL.fullmatch(chunks[right])) or marks[right])) or (
            marks[right] and (bool(_NUMBER_CELL.fullmatch(chunks[left])) or marks[left])
        )
        if cells:
            parts[index] = "|"
    return "".join(parts)


@lru_cache(maxsize=8192)  # a paragraph is prepared once for all the quotes it holds
def prepare(text: str) -> str:
    """Text as the binding rules read it: no spaces, except that cells a space apart (3856 -- 15.2) stay apart;
    traditional characters read as simplified ones."""
    if "-" in text or "—" in text or "－" in text:
        text = _missing_cells_apart(text)
    return simplified(normalize(_DIGIT_SPACE_DIGIT.sub("|", text)))


def invisible_in(text: str) -> str | None:
    """The invisible characters of `text` named as U+XXXX, or None when there is none."""
    found = sorted({f"U+{ord(character):04X}" for character in INVISIBLE.findall(text)})
    return " ".join(found) if found else None


@lru_cache(maxsize=1024)
def _clause_marks(text: str) -> tuple[int, ...]:
    return tuple(at for at, character in enumerate(text) if character in CLAUSE_MARKS)


def clause_bounds(text: str, position: int) -> tuple[int, int]:
    """Start and end of the clause of `text` that holds `position`."""
    marks = _clause_marks(text)
    index = bisect.bisect_left(marks, position)
    start = marks[index - 1] + 1 if index > 0 else 0
    return start, marks[index] if index < len(marks) else len(text)


@dataclass(frozen=True)
class Context:
    """A prepared quote with the rest of its sentence in the source: `lead` before it, `trail` after it."""

    quote: str
    lead: str = ""
    trail: str = ""
    table_units: tuple[str, ...] = ()  # the 单位 line above a table row: (亿元, %) for 单位:亿元、%
    # The report's title and its paragraph before the sentence: a 1-9月 note states its period there, once for all.
    setting: str = ""
    row: Row | None = None  # a table row read through its header, positions in the quote
    # A table row's caption and the headers of its amount columns: 2016年1—6月主要经济指标, 1-6月.
    table_heading: str = ""

    def cell_ending(self, end: int):
        """The row's cell whose number ends at `end` of the quote, if the quote is a row read through a header."""
        return next((c for c in self.row.cells if c.end == end), None) if self.row else None

    @property
    def sentence(self) -> str:
        return self.lead + self.quote + self.trail

    def before(self, position: int) -> str:
        """The sentence up to `position` of the quote."""
        return self.lead + self.quote[:position]


def context_of(source: Source, quote: str) -> Context:
    """The quote with the rest of the sentence it stands in (within its paragraph) and a table's units."""
    prepared = prepare(quote)
    number = source.paragraph_of(quote) if source.paragraphs else 0
    paragraph = prepare(source.paragraphs[number]) if source.paragraphs else ""
    header = header_above(source.paragraphs, number)
    units = table_units(source.paragraphs, number, header)
    at = paragraph.find(prepared)
    title = prepare(source.paragraphs[0]) if source.paragraphs and number > 0 else ""
    if at < 0:  # the quote runs over a paragraph break: its own words are all there is
        return Context(prepared, table_units=units, setting=title)
    row = (
        row_of(source.paragraphs[number], paragraph, header_of(source.paragraphs[header]))
        if header is not None
        else None
    )
    row = row.shifted(at) if row else None
    marks = _sentence_marks(paragraph)
    end_at = at + len(prepared)
    before = bisect.bisect_left(marks, at)
    start = marks[before - 1] + 1 if before > 0 else 0
    after = bisect.bisect_left(marks, end_at)
    end = marks[after] if after < len(marks) else len(paragraph)
    setting = title + "\n" + paragraph[:start]
    heading = table_heading(source.paragraphs, header) if header is not None else ""
    return Context(prepared, paragraph[start:at], paragraph[end_at:end], units, setting, row, heading)


def table_heading(paragraphs: list[str], header: int) -> str:
    """Where a table states the period its amounts cover: its caption (the short lines just above its header, not
    rows of a table above) and the headers of its amount columns."""
    columns = header_of(paragraphs[header]) or ()
    captions = [
        prepare(paragraphs[above])
        for above in range(max(0, header - 2), header)
        if reads_as_title(paragraphs[above], _CAPTION_LENGTH) and not looks_like_row(paragraphs[above])
    ]  # fmt: skip
    return "\n".join([*captions, " ".join(column.label for column in columns if column.role == "amount")])


_CAPTION_LENGTH = 40  # a table's caption is a title line; a paragraph of prose above a table is not one


def reads_as_title(line: str, longest: int) -> bool:
    """A line that reads as a title (a report's, a table's caption): short, and not a sentence ended by 。."""
    return len(line) <= longest and "。" not in line


@lru_cache(maxsize=8192)
def _sentence_marks(paragraph: str) -> tuple[int, ...]:
    return tuple(at for at, character in enumerate(paragraph) if character in SENTENCE_MARKS)


_UNIT_LINE = re.compile(r"单位[:：]([^。;；]*)")
_TABLE_ROWS = 40  # how far above a row its table's 单位 line may stand


_UNITS_ABOVE_HEADER = 2  # a 单位 line stands on the header or just above it (under the table's title)


def header_above(paragraphs: list[str], number: int) -> int | None:
    """The paragraph of the header of the table whose row is paragraph `number`: the first one above its rows."""
    if not paragraphs or not looks_like_row(paragraphs[number]):
        return None
    for above in range(number - 1, max(-1, number - _TABLE_ROWS), -1):
        if not looks_like_row(paragraphs[above]):
            return above if header_of(paragraphs[above]) else None
    return None


def table_units(paragraphs: list[str], number: int, header: int | None = None) -> tuple[str, ...]:
    """The units of the table a paragraph is a row of: its own 单位 line or the nearest one above it.

    Only a paragraph that reads as a table row (a name, then numbers a space apart, no unit after them) has them.
    Under a header, the 单位 line is the header's own or one just above it: not one of a table further up.
    """
    if header is not None:
        for above in range(header, max(-1, header - _UNITS_ABOVE_HEADER - 1), -1):
            found = _UNIT_LINE.search(prepare(paragraphs[above]))
            if found:
                return tuple(unit for unit in re.split(r"[、,，/]", found.group(1)) if unit)
            if above < header and looks_like_row(paragraphs[above]):
                break
        return ()
    if not paragraphs or not _is_table_row(paragraphs[number]):
        return ()
    for above in range(number, max(-1, number - _TABLE_ROWS), -1):
        found = _UNIT_LINE.search(prepare(paragraphs[above]))
        if found:
            return tuple(unit for unit in re.split(r"[、,，/]", found.group(1)) if unit)
    return ()


_ROW = re.compile(r"[\u4e00-\u9fff)）]\s*-?\d[\d.,]*(\s+-?\d[\d.,]*)*\s*$")


@lru_cache(maxsize=8192)
def _is_table_row(paragraph: str) -> bool:
    return bool(_ROW.search(simplified(paragraph)))


# --- the part of the year ---------------------------------------------------------------------------------------

_CHINESE_MONTH = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
_CHINESE_MONTH.update({"十一": 11, "十二": 12})
_MONTH = r"(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DASH = r"[-－—–~～至到]"
PERIOD_PATTERNS = (
    re.compile(rf"{_MONTH}{_DASH}{_MONTH}月份?"),  # 1-9月, 1至9月, 一至九月, 1—11月份
    re.compile(r"[上下]半年"),
    re.compile(r"前[一二三两1-3]季度|第?[一二三四1-4]季度"),
    re.compile(rf"前{_MONTH}个月|截至{_MONTH}月[底末]?|{_MONTH}月[底末]"),
)


def _month_number(text: str) -> str:
    return str(_CHINESE_MONTH[text]) if text in _CHINESE_MONTH else str(int(text))


def period_key(text: str) -> str:
    """A period written any way reduced to one spelling: 1至9月, 一至九月, 1—9月份 → 1-9月."""
    text = prepare(text).translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    text = re.sub(_DASH, "-", text).replace("月份", "月").replace("第", "").replace("两", "二")
    return re.sub(_MONTH, lambda match: _month_number(match.group(0)), text)


# Periods that run to the end of December are the whole year (1—12月, 截至12月底), not a part of it.
WHOLE_YEAR_PERIODS = frozenset(map(period_key, ("1-12月", "截至12月底", "截至12月末", "截至12月", "12月底", "12月末")))


def periods_in(text: str) -> list[str]:
    """The partial periods a text states, as written (a period to the end of December is the whole year)."""
    if "月" not in text and "半年" not in text and "季度" not in text:
        return []  # most sentences: no pattern can match
    found = []
    for pattern in PERIOD_PATTERNS:
        found += [match.group(0) for match in pattern.finditer(text)]
    return [period for period in found if period_key(period) not in WHOLE_YEAR_PERIODS]


# --- the part of the park ---------------------------------------------------------------------------------------

# Words that name a part of a park rather than the whole: a figure of the 主园区 is not the park's figure.
# Not when 域 follows: 拓展区域创新生态 is "expand regional innovation".
SCOPE_PATTERN = re.compile(r"(?:主园区|核心园区|核心区|拓展区|辐射区|分园区|分园|园区本部|本部园区)(?!域)")


def scopes_in(text: str) -> list[str]:
    """The parts of a park a text names."""
    if "区" not in text and "园" not in text:
        return []
    return [match.group(0) for match in SCOPE_PATTERN.finditer(text)]


# --- the year --------------------------------------------------------------------------------------------------

# 2015年 names the year of what follows, unless it is a comparison (比2015年), a start (自2015年以来, 由2015年的)
# or a range.
_YEAR = re.compile(r"(?<![0-9比较同与自从由—-])((?:19|20)\d\d)年(?!以来|来|起|至|到|底前|前|[-—~～]|度预算)")
# An amount right after 2015年的 (2015年末的, 2015年底的) is that year's, whatever stands before:
# 较2015年的12家增加到35家.
_YEARS_OWN = re.compile(r"((?:19|20)\d\d)年(?:末|底)?的(?:约|近|逾)?$")


def year_stated(text: str) -> int | None:
    """The last year `text` names as the time of what follows it."""
    found = _YEAR.findall(text)
    return int(found[-1]) if found else None


def own_year_amount(before: str) -> bool:
    """Whether the amount after `before` is written as a year's own: 2015年的12家, 2015年末的120家."""
    return bool(_YEARS_OWN.search(before))


def year_of_amount(before: str) -> int | None:
    """The year an amount is given for, from the text before it: 2015年的 right before it, else the year stated."""
    own = _YEARS_OWN.search(before)
    return int(own.group(1)) if own else year_stated(before)


# A year in brackets after a ranking's name is its edition, not the time of the amount: 综合实力(2021年度)位居第14位.
_EDITION = re.compile(r"[(（](?:19|20)\d\d年度?[)）]")


def year_of_fact_amount(before: str) -> int | None:
    """The year a fact's amount is given for: as year_of_amount, a ranking's edition in brackets aside."""
    return year_of_amount(_EDITION.sub("", before))
