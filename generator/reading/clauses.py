"""Clauses: paragraph → sentence (。!?) → clause (, ; :), each knowing the year it is about and whether it sets a
goal; and, for a quote, the bounds of the clause that holds a position.

A small state machine follows which year the text is talking about: headings ("二、2015年工作打算",
"2023 展望"), paragraphs opening on a year ("2017年,高新区将……"), sentences opening on a year and
years named in a clause ("获评2013年度……"). 去年 and 今年 are read from when the document was written:
a press release dated early in the next year calls the year it reports on 去年.
A clause about a later year, or one that sets a goal (力争, 确保, 计划完成…, 将新增…), is a goal.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from generator.reading.figures import counted
from generator.reading.numbers import NumberToken
from generator.reading.parts import (
    PERIOD,
    SO_FAR,
    YEAR_SPAN_END,
    YEAR_WORDS,
    dates_an_event,
    growth_over_years,
    last_month,
    names_a_time,
    periods_in,
    setting_of,
)
from generator.reading.text import CLOSERS, DATE, LIST_MARK, SENTENCE_END
from generator.reading.words import (
    AIMS,
    AS_OF_A_DATE,
    COMPLETION_WORDS,
    PLAN_HEADINGS,
    RESULT_HEADINGS,
    TARGET_CLOSING,
    TOTAL_WORDS,
)

CLAUSE_SEP = ",，;；:："
# A quote's clause ends at any of these marks; its sentence at the stronger ones (and at a paragraph's end).
CLAUSE_MARKS = CLAUSE_SEP + SENTENCE_END
SENTENCE_MARKS = SENTENCE_END + ";；"
_LIST_MARK = re.compile(LIST_MARK)
_OPENERS = {"”": "“", "’": "‘", "」": "「", "』": "『", ")": "(", "）": "（", "》": "《", "】": "【"}


# A stock's total told after its change past a 、 (新认定国家高新技术企业1757家、累计达到5008家): a clause of its own
# (governs.stock_total binds it, claims.sure lets the drafts take it).
TOTAL_AFTER_A_MARK = re.compile("、(?=" + "|".join(TOTAL_WORDS) + ")")


@lru_cache(maxsize=1024)
def clause_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The clauses of a text, as the drafts and the checker both read them: its parts between clause marks (not a
    comma between digits), and a stock's total after its change past a 、 apart (TOTAL_AFTER_A_MARK)."""
    found = []
    for start, end in spans(text, CLAUSE_MARKS):
        for mark in TOTAL_AFTER_A_MARK.finditer(text, start, end):
            found.append((start, mark.start()))
            start = mark.end()
        found.append((start, end))
    return tuple(found)


@lru_cache(maxsize=1024)
def _clause_ends(text: str) -> tuple[int, ...]:
    return tuple(end for _, end in clause_spans(text))


def clause_bounds(text: str, position: int) -> tuple[int, int]:
    """Start and end of the clause of `text` that holds `position` (a mark closing a clause belongs to it)."""
    found = clause_spans(text)
    index = bisect.bisect_left(_clause_ends(text), position)
    if index < len(found) and found[index][0] <= position:
        return found[index]
    # Between clauses (on marks standing together): an empty clause there.
    start = found[index - 1][1] + 1 if index > 0 else 0
    return start, found[index][0] - 1 if index < len(found) else len(text)


def trim(text: str) -> str:
    """A clause without the sentence end after it; closing brackets and quotes stay when they close
    something opened in the clause."""
    while text and text[-1] in SENTENCE_END + CLOSERS + CLAUSE_SEP + "、":
        last = text[-1]
        if last in _OPENERS and text.count(_OPENERS[last]) >= text.count(last):
            break
        text = text[:-1]
    return text


def spans(text: str, separators: str, closers: str = "") -> list[tuple[int, int]]:
    """(start, end) of the parts of `text` between separators (a separator and closers stay with the part
    before it when `closers` is given for sentences; clause spans exclude the separator)."""
    found, start, index = [], 0, 0
    while index < len(text):
        char = text[index]
        if char in separators:
            # 1,234.5 and 16:21 are numbers, not two clauses.
            between_digits = 0 < index < len(text) - 1 and text[index - 1].isdigit() and text[index + 1].isdigit()
            if not (between_digits and char in ",，:："):
                if closers:
                    end = index + 1
                    while end < len(text) and text[end] in closers:
                        end += 1
                    found.append((start, end))
                    start = index = end
                    continue
                found.append((start, index))
                start = index + 1
        index += 1
    if start < len(text):
        found.append((start, len(text)))
    return [(a, b) for a, b in found if text[a:b].strip(separators + closers)]


# ---------------------------------------------------------------------------------------------
# Which year a passage is about
# ---------------------------------------------------------------------------------------------

_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?![\d.])")
_LAST_YEAR = re.compile(r"(?<![比较与同])(上年|去年|上一年)(?!同期|同比)")
_THIS_YEAR = re.compile(r"(?<![比较与同])今年(?!同期)")
# A clause that brings a story told from an earlier year to a later one: 到2008年,…; 至2008年底,…
_TO_A_YEAR = re.compile(r"^(?:到|至|截至|截止到?)(?:19|20)\d\d年")
# The time of writing: 目前有…26家, 现有高新技术企业…: a count of then, not of an earlier year reported on.
_NOW = re.compile(r"目前|现有|现拥有")
_COUNTED_BY_A_DATE = re.compile(rf"(?:^|[,，;；]){AS_OF_A_DATE}")  # 随着…,截至10月底,…: counted by then
_NOW_OPENING = re.compile(r"(?:截[至止])?(?:目前|当前)")  # a sentence opening on the time of writing
# A count of the firms a park has (国家级高新技术企业22家), not of those it gained in a year (新增…, 新认定…, 引进…).
_FIRMS_HELD = re.compile(r"\d+(?:\.\d+)?余?家")
_FIRMS_GAINED = re.compile(r"新增|新认定|新培育|新引进|引进|落户|签约|新注册|新设立|新登记|通过|认定")
# The year after the one reported, as a report of a year's results names it.
_NEW_YEAR = re.compile(r"新的一年|新一年")
_YEAR_AGAIN_OPENING = re.compile(rf"^(?:{YEAR_WORDS})")
# Words that make a paragraph opening on the reported year a plan; a share of the plan reached (完成全年目标的109.5%,
# 完成计划的104%) is a result.
# 争取 of funds won (争取无偿资助7039万元, 争取上级资金2亿元) or 争取到 tells a result, not a goal.
_STRIVE = r"争取(?!到|[^,，;；。\d]{0,6}?(?:资金|资助|补助|补贴|奖励|扶持|专项))"
_PLAN_OPENING = re.compile(rf"将(?!近)|力争|{_STRIVE}|确保|计划(?!的)|目标(?!的)")
# A date line near the top: 2025-01-16, 2025年01月20日, 2025/1/16.


# A year that names a meeting: 2019年工委工作会议, 2020年度总结表彰大会.
_MEETING_AFTER = re.compile(r"年度?[\u4e00-\u9fff]{0,8}?(?:工作会议|会议|大会)")


@dataclass(frozen=True)
class YearMention:
    start: int
    year: int
    kind: str  # "年" (2016年), "年度" (2013年度), "bare" (2023 展望)


def year_mentions(text: str) -> list[YearMention]:
    """Years named in `text`, leaving out dates (2015年1月10日) and bases of comparison (比2015年)."""
    found = []
    for match in _YEAR.finditer(text):
        before, after = text[: match.start()], text[match.end() :]
        if before.endswith(("比", "较", "同", "于", "第", "〔", "[", "【", "(", "（")) and not after.startswith("年"):
            continue
        if before.endswith(("比", "较", "从", "由", "自")):
            continue  # a base of comparison, or where a change started (从2014年的211亿元增长到2017年的…)
        if re.match(r"年\d{1,2}月|[-/.]\d|号|届", after):
            continue
        if re.match(YEAR_SPAN_END, after):
            continue  # 1992年至2010年,…从1.46亿元增加到近1300亿元: a span's start, the year told is its end
        if re.match(r"年以来", after):
            continue  # 2013年以来…增加到现在的155户: a span from then to the time of writing, no year of its own
        if _MEETING_AFTER.match(after):
            continue  # 召开的2019年工委工作会议上了解到,2018年…: the year names the meeting, not what is told at it
        if before.endswith(("-", "/")) or re.match(r"[:：]\d", after):
            continue  # a date's day and a time run together (2024-03-20 21:08 → 2024-03-2021:08): no year
        if after.startswith("年度"):
            kind = "年度"
        elif after.startswith("年"):
            kind = "年"
        else:
            kind = "bare"
        found.append(YearMention(match.start(), int(match.group(1)), kind))
    return found


# A press text opening on a date without its year: 1月21日上午,某高新区举行2024年经济运行情况新闻发布会.
_UNDATED_OPENING = re.compile(r"^(?P<month>\d{1,2})月\d{1,2}日")
_EARLY_MONTHS = 4  # a report on a whole year is published in the first months of the next
_FIRST_QUARTER = 3
_SENTENCE_OPENING = 12  # a year this near a sentence's start is the sentence's: 据统计,高新区2002年实现…


_DATE_ONLY = re.compile(rf"\s*{DATE.pattern}[\s\d:：]*$")


def _date_line(paragraphs, published: str | None = None) -> re.Match | None:
    """The date line among a document's first paragraphs (2025-01-16, 2025年01月20日), else the date its source
    records (`published`, YYYY-MM-DD: the page's date line the archive took out with the furniture), if any."""
    found = next((match for paragraph in paragraphs[:4] if (match := DATE.search(paragraph))), None)
    # Below a portal's furniture (its name, a search box, where the page sits, the font size, the headline), a line
    # that is a date and nothing else (2003年07月13日 13:18) is the page's date line too.
    found = found or next((match for paragraph in paragraphs[4:10] if (match := _DATE_ONLY.match(paragraph))), None)
    return found or (DATE.search(published) if published else None)


def written_in(paragraphs: list[str], published: str | None = None) -> int | None:
    """The year the document was written, from a date line among its first paragraphs or the source's date; for a
    text that opens on an early-month date without a year and speaks of one whole year, the year after it."""
    line = _date_line(paragraphs, published)
    if line:
        return int(line.group(1))
    for paragraph in paragraphs[:4]:
        opening = _UNDATED_OPENING.match(paragraph)
        # 2月18日召开的2020年度综合考核总结大会: a 年度 review names the year as surely as 2020年 does.
        named = {m.year for m in year_mentions(paragraph) if m.kind in ("年", "年度")}
        whole_year = not periods_in(paragraph[opening.end() :]) if opening else False
        if opening and int(opening.group("month")) <= _EARLY_MONTHS and len(named) == 1 and whole_year:
            return named.pop() + 1
    return None


def _tells_the_year_so_far(paragraphs: list[str]) -> bool:
    """Whether a text tells its year so far (今年以来… and figures of a part of it, 1—9月 or 上半年): written before the
    year's end, so a count of then (现有…351家) is no year-end figure."""
    return any(SO_FAR.search(p) for p in paragraphs) and any(periods_in(p) for p in paragraphs)


@lru_cache(maxsize=4096)
def written_part_way(opening: tuple[str, ...], published: str | None = None, year: int | None = None) -> bool:
    """Whether a document's date line among its opening paragraphs dates it before December: what it tells of 今年以来
    is the year so far, not the year (a note of 23 August: 今年以来,…完成固定资产投资37.5亿元)."""
    line = _date_line(opening, published)
    if line is None or (year is not None and int(line.group(1)) != year):
        return False  # no date, or one of another year than the one told (a page of January telling the year before)
    return int(line.group(2) or line.group(3)) < 12


def _names_no_part_of_the_year(sentence: str) -> bool:
    """Whether a sentence names no part of its year (1-2月, 上半年, 今年以来): its amounts are the whole year's."""
    return not (PERIOD.search(sentence) or SO_FAR.search(sentence))


def _to_sentence_end(text: str) -> str:
    """`text` up to the end of its first sentence."""
    return text[: next((i for i, c in enumerate(text) if c in SENTENCE_END), len(text))]


def _tells_completion(text: str) -> bool:
    """Whether a text tells of work completed (超额完成年度目标任务), not a goal set (确保完成…)."""
    return any(word in text for word in COMPLETION_WORDS) and not is_goal(text)


def _tells_last_year_only(paragraphs: list[str]) -> bool:
    """Whether a text names no year of its own and tells what was done 去年 (a repost of a press story), not the
    months of 今年 as well (去年实现…。今年上半年,…完成…: written in the year of those months, the year asked)."""
    named = any(m.kind in ("年", "年度") for paragraph in paragraphs for m in year_mentions(paragraph))
    this_years_months = any(
        periods_in(text[m.end() : m.end() + 10]) for text in paragraphs for m in _THIS_YEAR.finditer(text)
    )
    return not named and not this_years_months and any(_LAST_YEAR.search(paragraph) for paragraph in paragraphs)


def _year_told(heading: str, mention: YearMention) -> int:
    """The year a heading's year mention tells of: a yearbook's edition (《民乐年鉴2023》, 2023年鉴) records the year
    before it, as yearbooks do."""
    end = mention.start + 4
    before = heading[max(0, mention.start - 2) : mention.start]
    edition = before == "年鉴" or heading[end : end + 3] in ("年鉴", "年年鉴")
    return mention.year - 1 if edition else mention.year


@dataclass
class _State:
    year: int
    mode: str  # "results" | "plan" | "now" (a count at the time of writing, part way through the year)


# A heading of results run into the text after it: 2010年工作回顾2010年是…, 2019年工作总结.
_INLINE_RESULT_HEADING = re.compile(rf"(?:19|20)\d\d年(?:工作|经济)?(?:{'|'.join(RESULT_HEADINGS)})")


@lru_cache(maxsize=8192)
def is_heading(paragraph: str) -> bool:
    body = paragraph.rstrip("。")
    return len(body) <= 40 and not any(mark in body for mark in SENTENCE_END)


def heading_above(paragraphs: list[str], number: int) -> str:
    """The last heading naming a time (a year or a span of years) before paragraph `number`, the title counted, as
    split_clauses follows them: the section a paragraph's growths are told in; '' if none."""
    return next((p for p in reversed(paragraphs[:number]) if time_heading(p)), "")


def time_heading(paragraph: str) -> str:
    """The paragraph when it is a heading naming a time (the kind heading_above looks for), else ''."""
    return paragraph if is_heading(paragraph) and names_a_time(paragraph) else ""


# A clause sets a goal by its words: 力争, 确保, 争取, 目标, 预期, 计划 with a verb. 将 alone tells what is to come
# (该项目投产后将实现产值50亿元) and sets a goal only in a part of the report that plans (a plan heading, a later year).
# 要达到500亿元, 要实现…: what a figure must come to, an aim (words.AIMS, among the checker's PLAN_WORDS too).
_STRONG_GOALS = re.compile(rf"力争|确保|{_STRIVE}|(?<![于超出合])预期|目标(是|为|:|：)|{'|'.join(AIMS)}")
_PLANNED = re.compile(r"(?<![已年度])计划(完成|实现|开工|竣工|新增|引进|建成|投产|新建|推动|推进|培育)")


# A clause whose amounts are a target's, told as the words closing it say (…地方一般公共财政预算收入6.7亿元的目标).
_TARGET_AMOUNTS = re.compile(TARGET_CLOSING)


def is_goal(text: str) -> bool:
    """Whether a clause sets a goal by its words rather than reporting a result, or tells a target's amounts."""
    return bool(_STRONG_GOALS.search(text) or _PLANNED.search(text) or _TARGET_AMOUNTS.search(text))


@dataclass
class Clause:
    """One clause of the report, with the year it is about and what stages 5 and 6 add to it."""

    key: int
    paragraph: int
    sentence: int  # index of the sentence in its paragraph
    index: int  # index of the clause in its sentence
    start: int  # offsets in the paragraph text
    end: int
    text: str  # in the matching form (simplified characters)
    year: int
    mode: str  # "results" | "plan" | "now"
    goal: bool
    heading: str
    tokens: list[NumberToken] = field(default_factory=list)
    period: str | None = None  # set by stage 5: 1—9月, 上半年 … (None: the whole year)
    scope: str | None = None  # set by stage 5: 主园区, 核心区 … (None: the whole park)
    hedge: str | None = None  # set by stage 5: a hedge governing the clause (预计全年…)
    park: str | None = None  # set by stage 5: the place of the zone its paragraph or sentence opens on (株洲)
    several: str | None = None  # set by stage 5: the several parks or the area it tells of (我省27个高新区)
    sentence_start: int = 0  # where its sentence starts in the paragraph
    over_years: bool = False  # its growths are over a span of years its section's heading names (parts)


Sentences = list[list[Clause]]


# A page's list of other stories after the one it carries (相关新闻 / - 2020年12月14日兰州高新区今年新增高新技术
# 企业80户): their headlines are no part of the report.
_OTHER_STORIES = re.compile(r"^(?:相关新闻|相关阅读|相关文章|相关链接|推荐阅读|延伸阅读|热点新闻|热门推荐|猜你喜欢)")
_OTHER_STORY_MARK = re.compile(r"^(?:[-·•●▪>]|(?:19|20)\d\d[-年/.])")


def _listed_elsewhere(paragraph: str) -> bool:
    """Whether a paragraph goes on a list of other stories: a headline, marked or dated, or short and unpunctuated."""
    return bool(_OTHER_STORY_MARK.match(paragraph)) or is_heading(paragraph)


def _before_an_amount(sentence: str) -> str:
    """A sentence's opening up to its first amount after a year: a goal opens before the amount it sets (2016年将实现…),
    while a 将 after an amount told (2016年…增长11.8%左右,总量将实现历史性突破) sets no plan for the paragraph."""
    amount = re.search(r"(?<![\d.])\d(?![\d.]*年)", sentence)
    return sentence[: amount.start()] if amount else sentence


def year_of_this_year(sentence: str, written: int | None, month: int | None, year: int) -> int | None:
    """The year a 今年 in a sentence's setting (parts.setting_of) names, on a page written in the
    year reported or, from after its first months, the year after (`written`, `month`: the page's date); else None.
    A summary published in the first months of the next year may still say 今年 of the year it sums up."""
    if written == year + 1 and (month is None or month <= _EARLY_MONTHS):
        return None
    if written not in (year, year + 1) or not _THIS_YEAR.search(setting_of(sentence)):
        return None
    return written


@lru_cache(maxsize=256)
def page_date(opening: tuple[str, ...], published: str | None = None) -> tuple[int | None, int | None]:
    """The year and month a page was written, from its opening paragraphs (written_in, and its date line's month),
    each None when unknown."""
    dated = _date_line(opening, published)
    month = int(dated.group(2) or dated.group(3)) if dated is not None else None
    return written_in(list(opening), published), month


def months_past_when_written(text: str, year: int, written: int | None, month: int | None) -> int | None:
    """The year whose months `text` tells with no year of its own, when they had ended by the page's date in the year
    of writing: 1至6月 on a page of 26 July 2011 is 2011's and 1-2月 on one of April 2012 is 2012's, whatever year the
    story before told of. Only on a page of the year reported, or of the year after from after its first months (a
    review of January may still tell the year before's 1-11月); else None."""
    if written is None or month is None or not (written == year or (written == year + 1 and month > _EARLY_MONTHS)):
        return None
    ended = [last for period in periods_in(text) if (last := last_month(period)) is not None and last < month]
    return written if ended else None


def counted_when_written(
    clause: str, before: str, title: str, heading: str, year: int, written: int | None, month: int | None
) -> bool:
    """Whether `clause` counts the firms a park has at the time of writing, not at the end of `year`: on a page written
    after the first months of the year after, a count with no year in its clause or in its paragraph `before` it, under
    a `title` and a `heading` that do not name `year` (汇聚了…国家级高新技术企业22家 in a 发展综述 of October 2017;
    a page titled …economic indicators in 2020 tells that year's counts throughout)."""
    late = written == year + 1 and month is not None and month > _EARLY_MONTHS
    return (
        late
        and _FIRMS_HELD.search(clause) is not None
        and not _FIRMS_GAINED.search(clause)
        and not year_mentions(before + clause)
        and not any(m.year == year for m in year_mentions(title + "\n" + heading))
    )


def _later_mode(at: int, text: str, written: int | None) -> str:
    """How a later year than the one reported is told: as results when the text was written in that year or after and
    names a part of it already past (2021年第一季度 on a page of May 2021), else as plan."""
    past = written is not None and written >= at and re.search(rf"{at}年(?:{PERIOD.pattern})", text)
    return "results" if past else "plan"


def split_clauses(
    paragraphs: list[str], year: int, skip: frozenset[int] = frozenset(), published: str | None = None
) -> list[Sentences]:
    """Paragraph → sentence → clause, each clause knowing the year it is about and whether it sets a goal.

    Paragraphs in `skip` (table rows, read in their own way) give no clauses; `published` is the source's date."""
    state = _State(year, "results")
    written = written_in(paragraphs, published)
    if written is not None and written > year + 1:
        written = None  # a repost's date line, years after the story it carries
    if written is None and _tells_last_year_only(paragraphs):
        written = year + 1  # an undated story of 去年's results, as its year is covered: told the year after
    reported_last_year = written == year + 1  # 去年 is the year reported on, 今年 the next one
    dated = _date_line(paragraphs, published)
    month = int(dated.group(2) or dated.group(3)) if dated is not None else None
    late_in_the_year_after = reported_last_year and month is not None and month > _EARLY_MONTHS
    # 现有…71家 on a page of the next year's first quarter: the count at the year's end, the year's statistics then
    # the latest (a page of April or later counts its own time).
    # A page of the next year's first quarter whose figures are of a part of the year (1-11月) counts its own time: its
    # latest statistics end before the year's end, so a count of now is not the year-end count either.
    now_is_the_years_end = (
        reported_last_year
        and month is not None
        and month <= _FIRST_QUARTER
        and not any(periods_in(p) for p in paragraphs)
    )
    # A page of the year's first months cannot tell its whole results: 2019年…分别达到220亿元 on 22 January is the aim.
    early_in_the_year = written == year and month is not None and month <= _EARLY_MONTHS
    # 现有…351家 in a note of the year so far, or on a page dated before the year's end: a count of then.
    part_way = written == year and month is not None and month < 12
    so_far = not reported_last_year and (part_way or _tells_the_year_so_far(paragraphs))
    seen_results = False
    heading = ""
    timed_heading = ""  # the last heading naming a time: its section's growths may be over a span of years
    result: list[Sentences] = []
    key = 0
    elsewhere = False  # in a page's list of other stories (相关新闻)
    for number, paragraph in enumerate(paragraphs):
        elsewhere = (elsewhere and _listed_elsewhere(paragraph)) or bool(_OTHER_STORIES.match(paragraph))
        if number in skip or elsewhere:
            result.append([])
            continue
        local = _State(state.year, state.mode)
        if is_heading(paragraph):
            mentioned = sorted({_year_told(paragraph, m) for m in year_mentions(paragraph) if m.kind != "年度"})
            # 工作安排, 目标任务 head a plan; 超额完成年度目标任务 tells a result (unless it sets a goal: 确保完成…).
            completed = _tells_completion(paragraph)
            planning = any(word in paragraph for word in PLAN_HEADINGS) and not completed
            if len(mentioned) == 1:
                at = mentioned[0]
                if at > year or (at == year and planning):
                    state = _State(at, "plan")
                elif at == year or any(word in paragraph for word in RESULT_HEADINGS):
                    state = _State(at, "results")
            elif not mentioned and planning:
                state = _State(year + 1 if seen_results else year, "plan")
            elif not mentioned and any(word in paragraph for word in RESULT_HEADINGS):
                state = _State(year, "results")
            local = _State(state.year, state.mode)
            heading = paragraph
            timed_heading = paragraph if names_a_time(paragraph) else timed_heading
        else:
            # A year that dates a founding (2007年正式挂牌) is no year the paragraph tells of; one that starts a span
            # (从2007年…起) year_mentions leaves out.
            opening = [
                m
                for m in year_mentions(paragraph[:40])
                if m.kind == "年" and not dates_an_event(paragraph, m.start + 5)
            ]
            if opening:
                at = opening[0].year
                first_sentence = _to_sentence_end(paragraph)[:30]
                if at > year:
                    state = _State(at, _later_mode(at, paragraph[:40], written))
                elif at == year:
                    told = _to_sentence_end(paragraph[opening[0].start :])  # the sentence the year opens
                    aims_early = early_in_the_year and _names_no_part_of_the_year(told)
                    aims = _PLAN_OPENING.search(_before_an_amount(first_sentence)) or aims_early
                    state = _State(at, "plan" if aims else "results")
                else:
                    state = _State(at, "results")  # the text now tells an earlier year
                local = _State(state.year, state.mode)
        sentences = []
        for index, (s_start, s_end) in enumerate(spans(paragraph, SENTENCE_END, CLOSERS)):
            sentence = paragraph[s_start:s_end]
            sentence_state = _State(local.year, local.mode)
            if local.mode == "plan" and _COUNTED_BY_A_DATE.search(sentence) and not _PLAN_OPENING.search(sentence):
                # …工业总产值将首次突破千亿元。随着…,截至10月底,一般公共预算收入实现26.2亿元: what was counted by a
                # date already past is a result, whatever the plan the paragraph opened on.
                sentence_state = _State(local.year, "results")
            opening = [m for m in year_mentions(sentence[:_SENTENCE_OPENING]) if m.kind in ("年", "年度")]
            if opening:
                at = opening[0].year
                if at > year:
                    sentence_state = _State(at, _later_mode(at, sentence[:_SENTENCE_OPENING], written))
                elif at == year and early_in_the_year and _names_no_part_of_the_year(sentence):
                    sentence_state = _State(at, "plan")
                elif at == year:
                    sentence_state = _State(at, local.mode if local.year == year else "results")
                else:
                    sentence_state = _State(at, "results")
                if at == year and local.year < year and local.mode == "results":
                    # 1992年经国务院批准…。据统计,高新区2002年实现…: the history that opened the paragraph is
                    # over, the sentences after this one tell the year it names.
                    local = _State(at, "results")
                elif at <= year and _INLINE_RESULT_HEADING.match(sentence, opening[0].start):
                    # 一、2010年工作回顾2010年是…: a heading run into its text (a page that lost its line breaks)
                    # heads what follows, as one on its own line does.
                    state = local = sentence_state = _State(at, "results")
            elif (
                (told := year_of_this_year(sentence, written, month, year)) is not None
                and local.year != told
                and not _THIS_YEAR.match(sentence.lstrip())
            ):
                # 历经2002年全球光电产业“寒冬”之后,…。据长江日报报道,…今年1—6月,…完成… on a page of July 2003: 今年
                # is the year of writing, whatever earlier year the paragraphs before told of (a sentence opening on
                # 今年 is read below).
                sentence_state = _State(told, "results")
                if index == 0:
                    local = _State(told, "results")
            elif _NOW_OPENING.match(sentence.lstrip()) and local.year < year and not reported_last_year:
                # 1992年国务院批准…。截至目前,高新区集聚…国家高企近1900家: the time of writing, not the history the
                # paragraph opened on.
                sentence_state = _State(year, "results")
            elif reported_last_year and _LAST_YEAR.match(sentence.lstrip()):
                # 去年,高新区…,出口总额为… on a page of the year after, after a plan of years to come: the whole
                # sentence tells the year reported on.
                sentence_state = _State(year, "results")
            elif late_in_the_year_after and _THIS_YEAR.match(sentence.lstrip()):
                # 今年,…超额完成全年目标,并且到7月10日实际到账外资就超过7.6亿美元 on a page of November of the year
                # after the one reported: the whole sentence tells the year of writing, its results so far or its
                # plans. (A summary published in January may still say 今年 of the year it sums up.)
                sentence_state = _State(year + 1, "results" if _tells_completion(sentence) else "plan")
                if index == 0:  # opening the paragraph: the sentences after it (1-10月,…) go on in that year
                    local = _State(year + 1, sentence_state.mode)
            clauses = []
            aiming = False  # a clause before in the sentence set a goal (将力争工业总产值突破1000亿元,地区生产总值…)
            # A clause before in the sentence counted the time of writing (现有入驻企业653户,其中…;园区内有国家级
            # 高新技术企业10家): the list it opened goes on counting then, on a page written part way through the year.
            counting_now = False
            for c_index, (c_start, c_end) in enumerate(clause_spans(sentence)):
                mark = _LIST_MARK.match(sentence, c_start, c_end)
                if mark and mark.end() < c_end:
                    c_start = mark.end()  # quotes start after ● 1. (一)
                text = trim(sentence[c_start:c_end]) or sentence[c_start:c_end]
                clause_state = _State(sentence_state.year, sentence_state.mode)
                named = [m.year for m in year_mentions(text) if m.kind in ("年", "年度")]
                if named and named[0] != clause_state.year:
                    at = named[0]
                    clause_state = _State(at, _later_mode(at, text, written) if at > year else "results")
                    if sentence_state.year < at <= year and (_TO_A_YEAR.match(text) or at == year):
                        # 1991年全区完成…,到2008年,分别达到…,是1991年的365倍,完成地区生产总值412亿元: the later year
                        # the story comes to holds to the sentence's end; so does the year reported after a history
                        # (回到1992年…。…如今面积达345平方公里,2023年正式迈入千亿园区行列,GDP高达1007.15亿元).
                        sentence_state = _State(at, "results")
                    if clause_state.mode == "plan":  # 到2011年…之际,地区生产总值将突破100亿元: to the sentence's end
                        sentence_state = _State(at, "plan")
                last_year = _LAST_YEAR.search(text)
                if _NEW_YEAR.search(text) and clause_state.year == year and not named:
                    # 在新的一年里,…,全年完成工业总产值80亿元: the year after the one reported, to the sentence's end.
                    sentence_state = clause_state = _State(year + 1, "plan")
                if "明年" in text and clause_state.year == year:
                    clause_state = _State(year + 1, "plan")
                elif reported_last_year and _THIS_YEAR.search(text) and periods_in(text):
                    # 2011年,…,今年一季度同样表现不俗。…一季度共实现收入4067亿元 on a page of April 2012: the months of
                    # the year of writing named, the paragraph goes on in them.
                    sentence_state = clause_state = local = _State(year + 1, "results")
                elif reported_last_year and _THIS_YEAR.search(text):
                    clause_state = _State(year + 1, "plan")  # a press release of the next year: 今年将…
                elif written == year and clause_state.year < year and not named and _THIS_YEAR.search(text):
                    # 2011年,…贡献率接近24%,今年一季度同样表现不俗。…一季度共实现收入4067亿元 on a page of April 2012:
                    # 今年 brings the paragraph from the year before to the year of writing, the one reported.
                    sentence_state = clause_state = local = _State(year, "results")
                elif (
                    not named
                    and (told := months_past_when_written(text, year, written, month)) is not None
                    and clause_state.year < told
                ):
                    # “1-2月示范区现代服务业实现总收入1548.9亿元… on a page of April 2012 after a paragraph of 2011, or
                    # 1至6月,… on a page of July 2011 asked for 2010: months past when the page was written are of
                    # the year of writing; the paragraph goes on in it.
                    sentence_state = clause_state = local = _State(told, "results")
                elif reported_last_year and not named and _NOW.search(text) and not now_is_the_years_end:
                    clause_state = _State(year + 1, "results")  # 目前有…26家 on a page of the year after
                elif counted_when_written(
                    text, paragraph[: s_start + c_start], paragraphs[0], timed_heading, year, written, month
                ):
                    clause_state = _State(year + 1, "results")  # 汇聚了…国家级高新技术企业22家 in a review of October
                elif not named and (counting_now or _NOW.search(text)) and periods_in(sentence[:c_start]):
                    # 2023年1-9月全区实现地区生产总值373.92亿元,…,现有…高新技术企业513家: a count of then, as the
                    # sentence's amounts are of a part of the year.
                    clause_state = _State(year, "now")
                    counting_now = True
                elif so_far and not named and (counting_now or _NOW.search(text)):
                    clause_state = _State(year, "now")  # 现有…351家 in a note of 1—9月: a count of then, not the year's
                    counting_now = True
                elif last_year and reported_last_year:
                    clause_state = _State(year, "results")  # 去年高新区…: the year reported on
                elif last_year and clause_state.year == year:
                    clause_state = _State(year - 1, "results")  # 上年地区生产总值为…: the year before
                if named or _YEAR_AGAIN_OPENING.match(text):
                    aiming = False  # a clause that opens on a year again tells what it names
                aiming = aiming or bool(_STRONG_GOALS.search(text))
                goal = clause_state.mode == "plan" or is_goal(text) or aiming
                clause = Clause(
                    key=key,
                    paragraph=number,
                    sentence=index,
                    index=c_index,
                    start=s_start + c_start,
                    end=s_start + c_start + len(text),
                    text=text,
                    year=clause_state.year,
                    mode=clause_state.mode,
                    goal=goal,
                    heading=heading,
                    tokens=counted(text),
                    sentence_start=s_start,
                    over_years=growth_over_years(
                        timed_heading, paragraph[: s_start + c_start], sentence[: c_start + len(text)]
                    ),
                )
                key += 1
                if clause.tokens and clause.year == year and not goal:
                    seen_results = True
                clauses.append(clause)
            sentences.append(clauses)
        result.append(sentences)
    return result
