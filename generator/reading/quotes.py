"""A quote as the checker reads it: prepared text, the sentence around it in its report, the title and paragraph
that set it, and the table it is a row of (its header, caption and 单位 line)."""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache

from generator.data.model import Source
from generator.reading.clauses import SENTENCE_MARKS, page_date, time_heading, written_part_way
from generator.reading.english import english_words
from generator.reading.numbers import INVISIBLE, normalize
from generator.reading.parts import (
    SO_FAR,
    carried_period,
    carried_scope,
    dated_by_a_year,
    forecast_list_lead,
    growth_over_years,
    item_scope,
    lead_periods,
    page_districts,
    page_host,
    paragraph_head,
    period_going_on,
    period_stated,
    periods_in,
    so_far_narrowed,
    title_periods,
    zone_opened_on,
)
from generator.reading.rankings import lead_for, part_of_year_named, run_lead
from generator.reading.script import simplified
from generator.reading.tables import CONTINUED, DASH_CELLS, UNIT_LINE, Row, header_at, looks_like_row, row_of, units_of
from generator.reading.text import SENTENCE_END
from generator.reading.words import WHOLE_YEAR_WORDS

_DIGIT_SPACE_DIGIT = re.compile(r"(?<=[0-9０-９])[\s\u3000]+(?=[-−－]?[0-9０-９])")
# A table's mark of a missing cell, and a cell of a number alone: 3856 -- 15.2 is three cells.
_MISSING_CELL = re.compile("|".join(re.escape(mark) for mark in sorted(DASH_CELLS, key=len, reverse=True)))
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
    traditional characters read as simplified ones; a page in English in the reading's words (english.py)."""
    english = english_words(text)
    if english is not None:
        return english
    if "-" in text or "—" in text or "－" in text:
        text = _missing_cells_apart(text)
    return simplified(normalize(_DIGIT_SPACE_DIGIT.sub("|", text)))


def invisible_in(text: str) -> str | None:
    """The invisible characters of `text` named as U+XXXX, or None when there is none."""
    found = sorted({f"U+{ord(character):04X}" for character in INVISIBLE.findall(text)})
    return " ".join(found) if found else None


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
    # The part of the year the report's title gives all its figures (parts.title_periods): 1-10月 for a 10月 note.
    titled: tuple[str, ...] = ()
    # The sentence before `lead` back to its 。: a period named there holds over ；-items (1月份…;…;投资1.4亿元).
    opening: str = ""
    # The sentence before that one: a part of the park it tells of may go on (parts.carried_scope).
    previous: str = ""
    # The zone the paragraphs before left the story on (parts.park_told_before): 鲤城高新区… / 高新区现有….
    told_before: str | None = None
    # The last heading naming a time above the quote's paragraph (“十三五”郑州高新区发展成绩喜人).
    section_heading: str = ""
    # The estimate a numbered list hangs from, when the quote is one of its items (2015年预计主要经济指标完成:).
    list_lead: str = ""
    # The report's date line dates it before December (clauses.written_part_way): 今年以来 is the year so far.
    part_way: bool = False
    # The period the paragraph before stated, when the quote's opens on 其中 and goes on in it (parts.period_going_on).
    going_on: str | None = None
    # For a subhead on a page written part way through the year (`part_way`), the last part of the year the paragraphs
    # before named: a subhead's bare amount in a note of 1—6月份 is of those months, as the year is not over.
    named_before: str | None = None
    # The districts the page tells are the park (parts.tied_districts): their amounts are the park's.
    tied: frozenset[str] = frozenset()
    # The year and month the page was written (clauses.page_date): the year its 今年 names.
    written: int | None = None
    month: int | None = None
    # The host a page splitting its amounts with the park tells of (parts.page_host): its unnamed amounts are its.
    host: str | None = None
    # The line above the run of items the quote's paragraph is one of (…19个区县GDP排名:, 各县市区GDP排名): a ranking's.
    ranking_lead: str = ""
    # The part of the year the paragraphs above the quote's last named (rankings.lead_for), if any.
    period_above: str | None = None

    @property
    def over_years(self) -> bool:
        """Whether the quote's growths are over a span of years its heading names (parts.growth_over_years)."""
        return growth_over_years(self.section_heading, self.paragraph_before + self.lead, self.lead + self.quote)

    @property
    def carried_scope(self) -> str | None:
        """The part of the park the sentence goes on telling of, with no subject of its own: that of the ；-items before
        it (主园区实现…;规模以上工业增加值…), or of the sentence before (区属…。新增…)."""
        said = self.lead + self.quote
        return item_scope(self.opening, said) or carried_scope(self.previous, self.opening + said)

    @property
    def paragraph_before(self) -> str:
        """The quote's paragraph before its sentence (the report's title aside)."""
        return self.setting.partition("\n")[2]

    def cell_ending(self, end: int):
        """The row's cell whose number ends at `end` of the quote, if the quote is a row read through a header."""
        return next((c for c in self.row.cells if c.end == end), None) if self.row else None

    @property
    def table_scope(self) -> str:
        """The part of the park the group over the row's amount column names (主园区 over 绝对额 | 同比), or ''."""
        amount = self.row.first("amount") if self.row else None
        return amount.column.scope if amount else ""

    def periods(self) -> tuple[list[str], list[str], list[str]]:
        """The parts of the year the quote is read under: those its sentence states up to the quote's end; else its
        table's caption or column; else its passage's (the sentence before, for a sentence opening on a verb; the
        report's title; the head of its paragraph), unless the sentence says it is the whole year."""
        # A period named after the quote (…下降2.1%,降幅比1—6月收窄) is another figure's, not this one's; one named
        # before it holds unless a clause since opens on 全年 (2025年1-9月…,全年预计实现GDP178亿元).
        said = self.opening + self.lead + self.quote
        period, said_whole = period_stated(said)
        stated = [period] if period else []
        so_far = SO_FAR.search(said + "\n" + self._heads()) if self.part_way else None
        # A sentence with no subject or time of its own goes on in the period of the sentence before, which is
        # later in the passage than its title or its paragraph's head (这是今年以来…。1—6月份,…。其中,实现…).
        carried = None if stated or said_whole else carried_period(self.previous, said)
        if not stated and so_far and not said_whole and not (carried and so_far.start() >= len(said)):
            # 今年以来,… in a note of August: the year so far, or the part its paragraph's opening sentence names after
            # it (今年以来,…,上半年策划实施…。…外资到位1.43亿美元: the first half).
            stated = [so_far_narrowed(self.paragraph_before) or so_far.group(0)]
        in_table = [] if stated else periods_in(self.table_heading)  # a table's rows: its caption or column
        whole = stated or in_table or said_whole or _WHOLE_YEAR.search(self.sentence)
        passage = [carried] * bool(carried) + _passage_periods(self) + [self.going_on] * bool(self.going_on)
        passage += [self.named_before] * bool(self.named_before and self.part_way)
        return stated, in_table, [] if whole else passage

    @property
    def ranking(self) -> str | None:
        """The lead of the ranking the quote is the park's item of, if it is one (rankings.lead_for): in the quote's
        sentence, or the line above the run of items its paragraph is one of; none after a part of the year above."""
        above = part_of_year_named(self.paragraph_before) or self.period_above
        return lead_for(self.lead, self.ranking_lead, above)

    def _heads(self) -> str:
        """Where a 今年以来 may head the quote's passage: the head of the paragraph before and the opening clause of
        its own (今年以来,…动能强劲。新增上市企业8家)."""
        opening_clause = re.split(r"[,，。;；]", self.setting.partition("\n")[2], maxsplit=1)[0]
        return paragraph_head(self.paragraph_before)[1] + "\n" + opening_clause

    @property
    def sentence(self) -> str:
        return self.lead + self.quote + self.trail

    def before(self, position: int) -> str:
        """The sentence up to `position` of the quote."""
        return self.lead + self.quote[:position]


_WHOLE_YEAR = re.compile("|".join(WHOLE_YEAR_WORDS))
_GROWTH_TOLD = re.compile(r"(?:增长|下降|增幅|降幅)\d")
_TITLE_LENGTH = 60  # a report's title line; a caption above a table is shorter (_CAPTION_LENGTH)


def _passage_periods(context: Context) -> list[str]:
    """The part of the year a passage states once for all its figures: the report's title, or the opening words of
    the paragraph (1—9月，全区经济运行总体平稳。); not a period an earlier sentence compares with (降幅比1—6月收窄)."""
    title, _, paragraph = context.setting.partition("\n")
    _, head = paragraph_head(paragraph)
    # The first paragraph is a title only when it reads as one (a text saved without its title starts with prose).
    titled = list(context.titled) if reads_as_title(title, _TITLE_LENGTH) else []
    if dated_by_a_year(paragraph + context.lead + context.quote):
        titled = []  # 2018年,…: a year of its own, not the title's 一季度
    return titled + periods_in(head)


_A_YEAR = re.compile(r"(?:19|20)\d\d年")


@dataclass(frozen=True)
class _Page:
    """What a source's text says once for all its quotes: its title (prepared) and the part of the year it gives,
    the date it was written, the districts it tells are the park and the host it splits its amounts with."""

    title: str
    titled: tuple[str, ...]
    written: int | None
    month: int | None
    tied: frozenset[str]
    host: str | None


def _readings(source: Source) -> dict:
    """The source's memo of what its quotes' readings share, started afresh for another source: a copy that took the
    memo with its other fields (Source(**vars(other)), dataclasses.replace), or a source given another text or date."""
    stamp = (id(source), id(source.paragraphs), len(source.paragraphs), source.published)
    if source.readings.get("stamp") != stamp:
        source.readings = {"stamp": stamp}  # rebound, not cleared: the source it was copied from keeps its own
    return source.readings


def _page(source: Source) -> _Page:
    """The source's _Page, read once: every quote of a source shares it."""
    readings = _readings(source)
    page = readings.get("page")
    if page is None:
        paragraphs = source.paragraphs
        title = prepare(paragraphs[0]) if paragraphs else ""
        titled = tuple(title_periods(title, itertools.islice(paragraphs, 1, None))) if title else ()
        written, month = page_date(tuple(paragraphs[:10]), source.published)
        if title and not titled and written is None and not _A_YEAR.search(title):
            titled = tuple(lead_periods(paragraphs[1:]))  # an undated page with a title of no time: its lead's
        whole = tuple(paragraphs)
        page = readings["page"] = _Page(title, titled, written, month, page_districts(whole), page_host(whole))
    return page


def _part_way(source: Source, year: int | None) -> bool:
    """Whether the source's date line dates it before December of `year` (clauses.written_part_way), read once."""
    readings, key = _readings(source), ("part way", year)
    if key not in readings:
        readings[key] = written_part_way(tuple(source.paragraphs[:10]), source.published, year)
    return readings[key]


@dataclass(frozen=True)
class _Paragraph:
    """What the paragraphs around one paragraph say of every quote in it: the paragraph prepared, its table's header
    and units, the zone, heading and forecast list it goes on under, the period the paragraph before carries into it."""

    prepared: str
    header: int | None
    units: tuple[str, ...]
    told_before: str | None
    section_heading: str
    list_lead: str
    ranking_lead: str
    period_above: str | None
    table_heading: str
    going_on: str | None
    subhead: bool


def _carried(source: Source, reading: str, number: int, read) -> str | None:
    """What paragraph `number` goes on under, by a reading carried down the paragraphs: `read` of the nearest paragraph
    above it for which it gives something, else None. Kept per source and extended only as far as asked, so a source's
    paragraphs are read once, not once for every quote (parts.park_told_before, clauses.heading_above)."""
    answers = _readings(source).setdefault(reading, [None])  # answers[n]: what paragraph n goes on under
    while len(answers) <= number:
        answers.append(read(source.paragraphs[len(answers) - 1]) or answers[-1])
    return answers[number]


def _paragraph(source: Source, number: int) -> _Paragraph:
    """Paragraph `number` of the source as its quotes are read, read once: a paragraph's quotes share it."""
    readings, key = _readings(source), ("paragraph", number)
    found = readings.get(key)
    if found is None:
        paragraphs = source.paragraphs
        header = header_above(paragraphs, number)
        prepared = prepare(paragraphs[number]) if paragraphs else ""
        found = readings[key] = _Paragraph(
            prepared,
            header,
            table_units(paragraphs, number, header),
            _carried(source, "told before", number, zone_opened_on),
            _carried(source, "heading above", number, time_heading) or "",
            forecast_list_lead(paragraphs, number) if paragraphs else "",
            run_lead(paragraphs, number) if paragraphs else "",
            _carried(source, "period above", number, _period_told),
            table_heading(paragraphs, header) if header is not None else "",
            period_going_on(prepare(paragraphs[number - 1]), prepared) if number else None,
            number > 0 and reads_as_title(paragraphs[number], _CAPTION_LENGTH),
        )
    return found


def context_of(source: Source, quote: str, year: int | None = None) -> Context:
    """The quote with the rest of the sentence it stands in (within its paragraph) and a table's units; `year` is the
    year the entry tells of (a page dated before December of that year tells the year so far)."""
    # One source's quotes share its page and paragraphs: what they say is read once per page and per paragraph.
    prepared = prepare(quote)
    number = source.paragraph_of(quote) if source.paragraphs else 0
    read = _paragraph(source, number)
    paragraph, header, units = read.prepared, read.header, read.units
    at = paragraph.find(prepared)
    page = _page(source)
    title = page.title if source.paragraphs and number > 0 else ""
    titled = page.titled if title else ()
    told_before = read.told_before
    section_heading = read.section_heading
    list_lead = read.list_lead
    part_way = _part_way(source, year)
    written, month = page.written, page.month
    if at < 0:  # the quote runs over a paragraph break: its own words are all there is
        return Context(
            prepared,
            table_units=units,
            setting=title,
            titled=titled,
            told_before=told_before,
            section_heading=section_heading,
            list_lead=list_lead,
            ranking_lead=read.ranking_lead,
            period_above=read.period_above,
            part_way=part_way,
        )
    row = (
        row_of(source.paragraphs[number], paragraph, header_at(source.paragraphs, header))
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
    heading = read.table_heading
    ends = _sentence_ends(paragraph)
    stop = _last_before(ends, start)  # the 。 before the ；-sentence
    opening = paragraph[stop + 1 : start]
    earlier = _last_before(ends, stop) if stop > 0 else stop
    previous = paragraph[earlier + 1 : stop + 1] if stop >= 0 else ""
    going_on = read.going_on
    subhead = read.subhead
    # A subhead's bare amount, or an amount told with its growth, on a page written part way through the year: of the
    # part of the year named before it, as the year is not over (a stock or a fact with no growth is of then).
    told_part_way = part_way and (subhead or _GROWTH_TOLD.search(paragraph, at, end) is not None)
    named_before = read.period_above if told_part_way else None
    return Context(
        prepared,
        paragraph[start:at],
        paragraph[end_at:end],
        units,
        setting,
        row,
        heading,
        titled,
        opening,
        previous,
        told_before,
        section_heading,
        list_lead,
        part_way,
        going_on,
        named_before,
        ranking_lead=read.ranking_lead,
        period_above=read.period_above,
        tied=page.tied,
        host=page.host,
        written=written,
        month=month,
    )


def _period_told(paragraph: str) -> str | None:
    """The last part of the year a paragraph names, read as its quotes are (rankings.part_of_year_named)."""
    return part_of_year_named(prepare(paragraph))


def table_heading(paragraphs: list[str], header: int) -> str:
    """Where a table states the period its amounts cover: its caption (the short lines just above its header, not
    rows of a table above) and the headers of its amount columns."""
    columns = header_at(paragraphs, header) or ()
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


@lru_cache(maxsize=8192)  # a paragraph's sentence ends, found once for all the quotes it holds
def _sentence_ends(paragraph: str) -> tuple[int, ...]:
    return tuple(at for at, character in enumerate(paragraph) if character in SENTENCE_END)


def _last_before(ends: tuple[int, ...], position: int) -> int:
    """The last of the sorted positions `ends` before `position`, or -1 (as the largest str.rfind of each mark)."""
    index = bisect.bisect_left(ends, position)
    return ends[index - 1] if index else -1


_TABLE_ROWS = 40  # how far above a row its table's 单位 line may stand


_UNITS_ABOVE_HEADER = 2  # a 单位 line stands on the header or just above it (under the table's title)


def header_above(paragraphs: list[str], number: int) -> int | None:
    """The paragraph of the header of the table whose row is paragraph `number`: the first one above its rows."""
    if not paragraphs or not looks_like_row(paragraphs[number]):
        return None
    for above in range(number - 1, max(-1, number - _TABLE_ROWS), -1):
        if CONTINUED.match(prepare(paragraphs[above])):
            continue  # 续表: the table goes on after a page break
        if not looks_like_row(paragraphs[above]):
            return above if header_at(paragraphs, above) else None
    return None


def table_units(paragraphs: list[str], number: int, header: int | None = None) -> tuple[str, ...]:
    """The units of the table a paragraph is a row of: its own 单位 line or the nearest one above it.

    Only a paragraph that reads as a table row (a name, then numbers a space apart, no unit after them) has them.
    Under a header, the 单位 line is the header's own or one just above it: not one of a table further up.
    """
    if header is not None:
        for above in range(header, max(-1, header - _UNITS_ABOVE_HEADER - 1), -1):
            found = UNIT_LINE.search(prepare(paragraphs[above]))
            if found:
                return units_of(found)
            if above < header and looks_like_row(paragraphs[above]):
                break
        return ()
    if not paragraphs or not _is_table_row(paragraphs[number]):
        return ()
    for above in range(number, max(-1, number - _TABLE_ROWS), -1):
        found = UNIT_LINE.search(prepare(paragraphs[above]))
        if found:
            return units_of(found)
    return ()


_ROW = re.compile(r"[\u4e00-\u9fff)）]\s*-?\d[\d.,]*(\s+-?\d[\d.,]*)*\s*$")


@lru_cache(maxsize=8192)
def _is_table_row(paragraph: str) -> bool:
    return bool(_ROW.search(simplified(paragraph)))
