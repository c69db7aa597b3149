"""A report's text as paragraphs the way the checker compares them.

Paragraphs are compacted (no spaces, as the checker compares quotes) and lines a page layout broke
in the middle of a sentence are joined again. Each is read in its simplified form (generator/reading/script.py)
while quotes are cut from the text in the report's own script.
"""

from __future__ import annotations

import re

from generator.reading.script import LATIN_SCRIPT, other_language, simplified
from generator.reading.words import (
    AFTER_ONLY,
    DECLINE_WORDS,
    GROWTH_WORDS,
    LIST_MARKS,
    SHARE_WORDS,
    SUFFIX_HEDGES,
    YEAR_BEFORE_BASES,
)

_SPACES = re.compile(r"[\s\u3000]+")
SENTENCE_END = "。!?！？"
CLOSERS = "”’」』)）》】"
# Marks that open a list item: ● 1. (一) 一、
_NUMERALS = "一二三四五六七八九十"
LIST_MARK = rf"[●■◆▲•·★]+|\d{{1,2}}[.、．](?!\d)|[（(][\d{_NUMERALS}]{{1,3}}[)）]|[{_NUMERALS}]{{1,3}}[、.．]"
# Marks that open a heading or a list item: 一、 (一) 1. A ● 第一章 …
HEADING_MARK = re.compile(rf"^({LIST_MARK}|[A-Z][ 、.．]|第[一二三四五六七八九十]+[章节部分])")


# Pinyin a page sets in brackets after a character (區(qū), 實(shí)現(xiàn)): a reading aid, not the report's words.
# A syllable holds a tone mark, so (GDP), (ha) or (1) stay.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
PINYIN = re.compile(rf"(?<=[\u3400-\u9fff])[(（][a-zü]*[{_TONED}][a-zü{_TONED}]*[)）]")


# Pinyin without tone marks (高(gao)新區(qu), 總產值(zhi)311): one syllable in brackets after a character, taken as
# pinyin only on a page that sets it again and again, so that a lone (ha) or (an) stays.
_SYLLABLE = (
    r"(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|uai|iao|ian|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v|ü)"
)
TONELESS_PINYIN = re.compile(rf"(?<=[\u3400-\u9fff])[(（]{_SYLLABLE}[)）]")
_PINYIN_PAGE = 5  # how many toneless syllables make a page that sets pinyin


def without_pinyin(text: str) -> tuple[str, int]:
    """`text` without pinyin in brackets after its characters, and how many were removed."""
    text, removed = PINYIN.subn("", text)
    if len(TONELESS_PINYIN.findall(text)) >= _PINYIN_PAGE:
        toneless = 1
        while toneless:  # 高(gao)(gao): a syllable set twice comes off in a second pass
            text, toneless = TONELESS_PINYIN.subn("", text)
            removed += toneless
    return text, removed


def compact(line: str) -> str:
    """A line without spaces (as the checker compares), keeping one space between two Latin words."""
    stripped = line.strip()
    return _SPACES.sub(lambda run: " " if space_kept(stripped, run) else "", stripped)


def spaces(text: str):
    """The runs of spaces of `text`, as matches."""
    return _SPACES.finditer(text)


def space_kept(text: str, run: re.Match) -> bool:
    """Whether a run of spaces of `text` stays as one space when compacted: between two Latin words only."""
    before = text[run.start() - 1] if run.start() else ""
    after = text[run.end()] if run.end() < len(text) else ""
    return before.isascii() and before.isalpha() and after.isascii() and after.isalpha()


# A title ends on the kind of document it names (…主要经济指标完成情况的通报), not in the middle of a sentence.
_TITLE_END = re.compile(r"(?:通报|报告|公报|总结|情况|通知|概况|简介|综述|纪实|讲话|发言)$")


# The marks inside a sentence: a line holding one is prose whose sentence may go on to the next line.
_CLAUSE_MARKS = ",，、;；"
# The marks a line that goes on no sentence ends on (a line ending on …… ends a list).
SENTENCE_CLOSED = tuple(SENTENCE_END + CLOSERS + ";；:：…")


# A news story's opening date (5月17日,记者从…获悉): after a line that does not stop mid-clause, it opens a paragraph
# (the body after its headline), whatever the headline holds.
_STORY_OPENING = re.compile(r"^\d{1,2}月\d{1,2}日[,，讯电]")


def _prose(line: str) -> bool:
    """Whether a compacted line that leaves its sentence open reads as prose that may go on: long, or holding a
    clause mark."""
    return len(line) > 40 or any(mark in line for mark in _CLAUSE_MARKS)


def _closed(line: str) -> bool:
    """Whether a line ends its sentence: on 。 (or a half-width full stop after a Chinese character), a closing mark,
    a colon or ……; a line in English on its full stop."""
    if line.endswith(SENTENCE_CLOSED) or simplified(line[-2:]).endswith("。"):
        return True
    return bool(_ENGLISH_STOP.search(line)) and other_language(line) == LATIN_SCRIPT


_ENGLISH_STOP = re.compile(r"[A-Za-z0-9%)’'\"]\.$")


# A day's date (2025-01-16, 2025年01月20日, an e-paper's 2023 年/7 月/28 日), its year and month in groups 1 and 2
# or 3.
DATE = re.compile(r"((?:19|20)\d\d)(?:[-/.](\d{1,2})[-/.]\d{1,2}|\s?年/?\s?(\d{1,2})\s?月/?\s?\d{1,2}\s?日)")
# A line ending on a date, with its time or not (compacted: 2024-04-2622:18:15, 2024年4月26日).
_ENDS_ON_A_DATE = re.compile(rf"{DATE.pattern}(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?$")


# A line ending on an amount of money or a percentage (…324.96亿元, …增长4.4%) and a line opening on a character:
# the sentence goes on only where the line opens on a word that follows an amount (以上, 同比增长, 占, 的, 和 …).
# Otherwise the amount closed an item of a page that writes its figures one to a line with no stop (第一产业增加值
# 324.96亿元,增长4.4% / 第二产业增加值…), and joining them would run one item's growth into the next one's name.
_ENDS_ON_AN_AMOUNT = re.compile(r"\d(?:%|％|[万亿]*(?:美元|元))$")
_OPENS_ON_A_CHARACTER = re.compile(r"^[\u3400-\u9fff]")
_AFTER_AN_AMOUNT = (
    *SUFFIX_HEDGES,
    *AFTER_ONLY,
    *GROWTH_WORDS,
    *DECLINE_WORDS,
    *YEAR_BEFORE_BASES,
    *SHARE_WORDS,
    *LIST_MARKS,
    "的",
    "等",
    "之",
    "为",
    "是",
)


def _item_ends(previous: str, line: str) -> bool:
    """Whether `previous` ends an item on an amount and `line` opens the next one (no word that follows an amount)."""
    return bool(
        _ENDS_ON_AN_AMOUNT.search(previous)
        and _OPENS_ON_A_CHARACTER.match(line)
        and not simplified(line[:4]).startswith(_AFTER_AN_AMOUNT)
    )


def _continues(previous: str, line: str) -> bool:
    """Whether `line` goes on the sentence `previous` left open (a layout line break)."""
    if not previous or _closed(previous) or _item_ends(previous, line):
        return False
    if _STORY_OPENING.match(line) and not previous.endswith(tuple(_CLAUSE_MARKS)):
        return False
    if HEADING_MARK.match(previous) or HEADING_MARK.match(line):
        return False
    if _ENDS_ON_A_DATE.search(previous) or _ENDS_ON_A_DATE.search(line):
        return False  # a byline or a date line (寶盒觀天下 2024-04-26 22:18:15): no sentence goes on through it
    if _TITLE_END.search(previous) and not any(mark in previous for mark in ",，;；"):
        return False
    return _prose(previous)


def may_continue(lines: list[str]) -> list[int]:
    """The indexes of the lines _continues might join to the paragraph before: the line before leaves its sentence
    open, and is long or holds a comma, or was itself joined (a paragraph only grows as lines join it)."""
    found: list[int] = []
    for index in range(1, len(lines)):
        previous = lines[index - 1].rstrip()
        if _closed(previous):
            continue
        if _prose(compact(previous)) or found[-1:] == [index - 1]:
            found.append(index)
    return found


def raw_lines(text: str) -> list[str]:
    """The report's lines as written (line ends unified, empty lines dropped)."""
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return [line for line in lines if line.strip()]


def paragraphs_with_lines(text: str, keep_apart: frozenset[int] = frozenset()) -> tuple[list[str], list[int]]:
    """The report's paragraphs, compacted, and the index (among `raw_lines`) of the line each starts on.

    Lines whose index is in `keep_apart` (table rows) are never joined to their neighbours."""
    paragraphs: list[str] = []
    first_lines: list[int] = []
    joinable = False
    for index, raw in enumerate(raw_lines(text)):
        line = compact(raw)
        if paragraphs and joinable and index not in keep_apart and _continues(paragraphs[-1], line):
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
            first_lines.append(index)
        joinable = index not in keep_apart
    return paragraphs, first_lines


def logical_paragraphs(text: str) -> list[str]:
    """The report's paragraphs, compacted, with lines broken inside a sentence joined again."""
    return paragraphs_with_lines(text)[0]
