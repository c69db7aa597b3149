"""Rankings of places by one measure: a lead that names the measure and a ranking word (…19个区县GDP排名:,
…地区生产总值的前五位分别是:), then places each with its amount, one to a line (13、高新开发区, 278.6亿 ,增速 7.8%)
or one after another in the sentence (历下区2282.9亿元,济南高新区1619.3亿元,…). The item that names the park
tells the park's amount of that measure. The drafts take it from here and the checker proves it here."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.reading.names import name_spans, part_names
from generator.reading.parts import about_another_park, park_opening, periods_in
from generator.reading.script import simplified
from generator.reading.text import LIST_MARK
from generator.reading.words import LIST_MARKS

# The words a ranking's lead ends on, before its items: 排名:, 分别是:, 依次为, 具体如下:
_RANKING_WORDS = r"(?:排名|排行榜?|排序|分别是|分别为|依次为|依次是|(?:各区县?|各地)?具体如下|如下)[:：]?"
# One item: a place, then its amount (in brackets or after a comma or a space), and its growth.
_PLACE = r"[#＃]?(?P<place>[\u4e00-\u9fff]{2,12}?)"
_AMOUNT = r"(?P<amount>\d[\d.]*)\s*(?P<unit>万亿元|亿元|万元|亿)"
_GROWTH = r"(?:\s*[,，]?\s*(?:增速|增长|同比增长|增幅)\s*(?P<growth>-?[\d.]+)\s*[%％])?"
_ITEM = rf"{_PLACE}\s*[,，:：]?\s*[(（]?\s*{_AMOUNT}\s*[)）]?{_GROWTH}"
ITEM = re.compile(rf"^(?:{LIST_MARK})?\s*{_ITEM}")
# A lead in the sentence, with the items before the quote's: …分别是:历下区2282.9亿元,
_LEAD_IN_SENTENCE = re.compile(rf"{_RANKING_WORDS}\s*(?:{_ITEM}\s*[,，、;；]\s*)*$")
_LEAD_LINE = re.compile(rf"{_RANKING_WORDS}\s*$")
# The park written as the city's one zone, with no place before it (高新区, 高新开发区, 国家高新区).
_THE_ZONE = re.compile(r"^(?:国家级?)?高新(?:技术)?(?:产业)?(?:开发)?区$")


@dataclass(frozen=True)
class Item:
    """The park's item of a ranking: where its place and amount stand in the text read."""

    place: tuple[int, int]
    amount: tuple[int, int]
    unit: str
    start: int  # where the item starts, its list mark included
    end: int  # where the item ends, its growth included
    growth: str | None = None  # the growth written with it (增速 7.8%), as written


# Words that join one measure to another in a lead (GDP和财政总收入排名): a ranking of two is read as none.
_JOINED = re.compile(f"[{LIST_MARKS}]")
_CLAUSE = re.compile(r"[,，:：;；]")
_MARK = re.compile(rf"^\s*(?:{LIST_MARK})")


def lead_of(before: str, list_lead: str = "") -> str | None:
    """The lead of a ranking an item stands in: in its sentence before it (`before`), else the line above the run of
    items it is one of (`list_lead`); the words before the ranking word, which name the measure; or None, also when
    the lead's last clause joins words (GDP和财政总收入): it may rank by two measures."""
    found = _LEAD_IN_SENTENCE.search(before)
    lead = before[: found.start()] if found else None
    if lead is None:
        found = _LEAD_LINE.search(list_lead)
        lead = list_lead[: found.start()] if found else None
    last = _MARK.sub("", _CLAUSE.split(lead)[-1]) if lead is not None else ""  # 一、2021年…GDP: no 、 of its own
    return lead if lead is not None and not _JOINED.search(last) else None


def the_parks(place: str, own: tuple[str, ...], tied: frozenset[str] = frozenset()) -> bool:
    """Whether an item's place is the park: the city's one zone (高新区, 高新开发区), the park by its own place
    (济南高新区), or a district the page ties to it."""
    if _THE_ZONE.match(place) or place in tied:
        return True
    opening = park_opening(place)
    return opening is not None and bool(own) and opening in own and not about_another_park(opening, own)


def parks_item(text: str, own: tuple[str, ...], tied: frozenset[str] = frozenset()) -> Item | None:
    """The park's item if `text` opens on one (13、高新开发区, 278.6亿 ,增速 7.8%; 济南高新区1619.3亿元), else None."""
    found = ITEM.match(text)
    if found is None or not the_parks(found.group("place"), own, tied):
        return None
    place, amount = found.span("place"), found.span("amount")
    return Item(place, amount, found.group("unit"), found.start(), found.end(), found.group("growth"))


def shifted(item: Item, by: int) -> Item:
    """The item with its offsets moved on by `by`."""
    place, amount = (item.place[0] + by, item.place[1] + by), (item.amount[0] + by, item.amount[1] + by)
    return Item(place, amount, item.unit, item.start + by, item.end + by, item.growth)


_AFTER_A_MARK = re.compile(r"[:：,，、;；]\s*")
_SENTENCE_STOPS = "。!?！？"


def ranked_lead(lead_line: str) -> str | None:
    """The lead of the ranking a line above a run of items opens (…19个区县GDP排名:), when it names no part of the
    year (a ranking of 1-6月 is no ranking of the year; the reading leaves it), else None."""
    lead = lead_of("", lead_line)
    return lead if lead is not None and not periods_in(lead) else None


def items_in(paragraph: str, lead_line: str, own: tuple[str, ...], tied=frozenset(), period_above: str | None = None):
    """The park's items in a paragraph (its matching form), each with the lead of its ranking: the paragraph as an item
    of a run under a ranking's lead line (`lead_line`: run_lead), or an item after a ranking's lead in a sentence;
    `period_above`: the part of the year the paragraphs above last named (lead_for)."""
    item = parks_item(paragraph, own, tied)
    lead = lead_for("", lead_line, period_above) if item is not None else None
    if lead is not None:
        yield lead, item
    for mark in _AFTER_A_MARK.finditer(paragraph):
        at = mark.end()
        item = parks_item(paragraph[at:], own, tied)
        if item is None:
            continue
        start = max(paragraph.rfind(stop, 0, at) for stop in _SENTENCE_STOPS) + 1
        lead = lead_for(paragraph[start:at], "", period_above or part_of_year_named(paragraph[:start]))
        if lead is not None:
            yield lead, shifted(item, at)


def part_of_year_named(paragraph: str) -> str | None:
    """The last part of the year a paragraph names, not one a clause aims at (奋战四季度: parts.periods_in), if any: a
    ranking told after it on the page may be of that part, and a subhead's amount on a page written part way through
    the year is of it (quotes.Context.named_before)."""
    told = periods_in(simplified(paragraph))
    return told[-1] if told else None


def lead_for(before: str, lead_line: str, period_above: str | None = None) -> str | None:
    """The lead of the ranking a quote is the park's item of: in its sentence before it (`before`), else, for a quote
    that is an item of a run from its start, the run's lead line (`lead_line`: run_lead). None when the page names a
    part of the year above the ranking (`period_above`: 2022年一季度…GDP总量。…根据GDP依次为…): it may be of it."""
    if period_above is not None:
        return None
    found = lead_of(before)
    if found is not None:
        return found
    return ranked_lead(lead_line) if lead_line and not before.strip() else None


def run_lead(paragraphs, number: int) -> str:
    """The line above the run of items paragraph `number` is one of (各县市区GDP排名 / 端州区389.95亿元,… / …; a
    numbered list under 一、2021年…GDP排名:), when paragraph `number` is an item; '' otherwise. Items are lines that
    open on a place and its amount (ITEM), with a list mark or none."""
    if number <= 0 or not ITEM.match(simplified(paragraphs[number]).strip()):
        return ""
    above = number - 1
    while above > 0 and ITEM.match(simplified(paragraphs[above]).strip()):
        above -= 1
    return simplified(paragraphs[above]).strip()


def measure_named(lead: str, names: list[str], others: tuple[str, ...]) -> tuple[int, int, str] | None:
    """Where a ranking's lead names the measure of `names` (an indicator's written forms): the first of its names
    that is no part (人均GDP) and no piece of another indicator's longer name in `others` (工业总产值 in 规模以上
    工业总产值 names that one), else None. The drafts and the checker find a ranking's measure by this alone."""
    taken = part_names(names, lead)
    spans = [(start, end, name) for name in names for start, end, _ in name_spans(name, lead)]
    spans = [span for span in spans if not any(a <= span[0] < b for a, b in taken)]
    if not spans or _another_measure(others, lead, spans):
        return None
    return spans[0]


def _another_measure(others, lead: str, spans) -> bool:
    """Whether a ranking's lead names a longer indicator than the one its `spans` name, outside them (工业总产值 inside
    规模以上工业总产值 is no other)."""
    return any(
        not any(a <= found.start() and found.end() <= b for a, b, _ in spans)
        for other in others
        if other in lead
        for found in re.finditer(re.escape(other), lead)
    )
