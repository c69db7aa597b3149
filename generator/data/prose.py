"""The editor's prose: every number a reader sees in it is one the year file proves.

The rules, as the editor guide states them (docs/guide.md, "编者文字中的数字"):

- a fact's or a target's `text` states only numbers of its own: its figures (value, growth), or numbers of its
  quote, in the same unit (万/亿 read as multipliers: 958万元 is 0.0958亿元);
- a year's `summary` states only numbers the same file proves (an indicator's value or growth, a fact's figure, a
  target's value), in the same unit, with the hedge the entry records (约, 近, 超, 预计 …); a sum or a difference
  of proven numbers is no proven number;
- an entry's `note` (shown beside its quote) states only numbers of its quote or numbers the file proves;
- a park's `description`, a source's `note` and an indicator's `definition` state no figure at all: no quote
  stands beside them to prove one;
- years, dates, ordinals and names with numerals in them (2016年, 1-9月, 第3位, 十四五, 三大) are not figures.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from itertools import combinations

from generator.reading.clauses import clause_bounds
from generator.reading.hedges import COMPARATOR_WORDS, FORECAST, about_a_share, known_whatever_estimated
from generator.reading.numbers import (
    MULTIPLIERS,
    PREFIX_HEDGES,
    UNIT_SYNONYMS,
    NumberToken,
    find_chinese_numbers,
    find_numbers,
    normalize,
    reads_as_decline,
    simplified,
    split_unit,
    to_decimal,
    unit_after,
)
from generator.reading.words import TIME_UNITS

# Spans that hold digits but no figure, masked before numbers are read: web addresses (a cited page's), official
# document numbers (国函〔1992〕169号), dates (2017-02-03, 2026.02.12), document numbers and names with Latin letters
# (XM00203-03-02-2026-001, 5G, G20, R&D).
_NOT_FIGURES = re.compile(
    r"https?://[A-Za-z0-9._~:/?#@!$&'*+,;=%-]+(?:[\u4e00-\u9fff]+/[A-Za-z0-9._~:/?#@!$&'*+,;=%-]*)*"
    r"|[〔\[［(（](?:19|20)\d\d[〕\]］)）]\s*第?\d+号"
    # A date is no part of a longer number, and no amount with its unit: 11985.31亿元, 2019.5亿元 are figures.
    r"|(?<![0-9.])(?:19|20)\d\d[-/.]\d{1,2}(?:[-/.]\d{1,2})?(?![0-9.]|[万亿千百元%％])"
    r"|[A-Za-z][A-Za-z0-9&]*(?:-[A-Za-z0-9]+)*"
    r"|[0-9]+(?:[-][0-9]+)*[A-Za-z][A-Za-z0-9&]*(?:-[A-Za-z0-9]+)*"
)
_MASK = "＿"
# Units of time that make a number a date or a part of the year, not a figure: 1-9月, 3月15日, 前三季度.
_RANGE_TO_DATE = re.compile(rf"^[-~～—–至到](?:\d+|[一二三四五六七八九十]+)(?:{'|'.join(TIME_UNITS)})")
_YEAR_AFTER = re.compile(r"^(?:年|[-~～—–至到](?:19|20)\d\d)")
# What a hedge says of the number it stands by, as a target's comparator reads it (reading/hedges): at least (超,
# 以上, and 多/余: 500多场 is more than 500), about (约, 近, 左右), at most; 预计 makes it a forecast besides.
_SENSE = {word: comparator for comparator, words in COMPARATOR_WORDS.items() for word in words}
_SENSE.update({"多": ">=", "余": ">=", FORECAST: FORECAST})
_SENTENCE_MARKS = "。!！?？;；\n"


@dataclass(frozen=True)
class Said:
    """A figure the prose states: its amount (scaled by 万/亿), its unit word, its hedges, as written."""

    token: NumberToken
    amount: Decimal
    unit: str  # the base unit: 元 of 亿元, 平方米 of 万平方米, '' when no unit follows
    written: str
    hedges: tuple[str, ...]
    decline: bool = False  # a percentage a decline word introduces (下降5%)
    shown: str = ""  # as written with the hedges next to it: 超2145.69亿元, 100亿元以上


@dataclass(frozen=True)
class Proven:
    """A number a year file proves, where it stands (indicators[0], facts[3].figures[1]) and how it is hedged."""

    amount: Decimal
    unit: str
    place: str
    written: str
    senses: frozenset[str] = frozenset()
    growth: bool = False  # a change_pct: its sign counts
    allowed: frozenset[str] = frozenset()  # a target's comparator: the hedges its words may carry


@lru_cache(maxsize=1024)  # a few dozen unit words, read for every number
def _base(unit: str) -> str:
    """A unit word as compared: 名 and 位 count 人, 百分点 is 个百分点."""
    for base, synonyms in UNIT_SYNONYMS.items():
        if unit in synonyms:
            return base
    return "个百分点" if unit == "百分点" else unit


def masked(text: str) -> str:
    """The text with its spans that hold digits but no figure (addresses, document numbers, dates) blanked."""
    return _NOT_FIGURES.sub(lambda m: _MASK * len(m.group(0)), text)


_MONTH_BEFORE = re.compile(r"\d月$|[一二三四五六七八九十]月$")
_YEAR_RANGE_BEFORE = re.compile(r"(?:19|20)\d\d[-~～—–至到]$")
_PHASE_OF = re.compile(r"(园|区|地|程|目|城)$")


def _is_figure(token: NumberToken, unit: str, text: str, chinese: bool) -> bool:
    """Whether a number is a figure: not a year, a date, an ordinal, or a numeral inside a name or idiom."""
    if token.before.endswith("第"):
        return False  # 第3位, 第十二批: an ordinal
    after = token.after[1:] if token.after[:1] in "多余" else token.after
    if after.startswith(TIME_UNITS) or _RANGE_TO_DATE.match(token.after):
        return False
    if _MONTH_BEFORE.search(token.before):
        return False  # the day of 1月13日, 1月13讯
    whole = not token.multiplier and token.number == token.number.to_integral_value()
    if whole and 1900 <= token.number <= 2099 and (not unit or _YEAR_AFTER.match(token.after) or unit == "年"):
        return False  # 2016年, 2016-2020年, 2023展望: a year
    if unit == "年" and _YEAR_RANGE_BEFORE.search(token.before):
        return False  # the end of 2016-2020年
    if unit == "期" and _PHASE_OF.search(token.before):
        return False  # 软件园三期: the name of a phase
    if chinese:
        if not unit:
            return False  # 三大, 十四五, 三优两先: a numeral that counts nothing written after it
        if text[token.start : token.end] == "一":
            return False  # 一个指数, 再记一条: 一 before a counting word is mostly the article "a"
        if unit == "次" and text.startswith("次产业", token.end):
            return False  # 三次产业: the three sectors of the economy, a statistics term, not three times
    return True


def figures_in(text: str) -> list[Said]:
    """The figures a reader sees in `text`, in order (Arabic and Chinese numerals)."""
    text = masked(simplified(normalize(text)))
    found = []
    chinese = find_chinese_numbers(text)  # 三百万元: the multiplier written after it is the numeral's
    for token, is_chinese in sorted(
        [(t, False) for t in find_numbers(text)] + [(t, True) for t in chinese], key=lambda item: item[0].start
    ):
        unit = unit_after(token)
        if not _is_figure(token, unit, text, is_chinese):
            continue
        hedge = token.after[:1] if token.after[:1] in "多余" else ""
        written = text[token.start : token.end] + hedge + unit
        start, _ = clause_bounds(text, token.start)
        decline = unit == "%" and reads_as_decline(text[start : token.start], token)
        hedges = tuple(h for h in token.hedges() if h != "力争")
        sentence_start = max(text.rfind(mark, 0, token.start) for mark in _SENTENCE_MARKS)
        sentence_before = text[sentence_start + 1 : token.start]
        if not hedges and about_a_share(sentence_before):
            hedges = ("约",)  # 约占全市的13%: about 13%, as a quote's share is read
        estimated = "预计" in sentence_before and not known_whatever_estimated(token, sentence_before)
        if estimated and not any(h.startswith("预计") for h in hedges):
            hedges += ("预计",)
        prefix = next((h for h in PREFIX_HEDGES if token.before.endswith(h)), "")
        rest = text[token.end + len(hedge) + len(unit) :]
        suffix = next((h for h in ("以上", "左右", "上下") if rest.startswith(h)), "")
        shown = prefix + written + suffix
        found.append(Said(token, abs(token.amount), _base(unit), written, hedges, decline, shown))
    return found


def _senses(hedges) -> frozenset[str]:
    """What the hedges say: >=, ~, <= and 预计 (预计突破 says both 预计 and >=)."""
    found = set()
    for hedge in hedges:
        if hedge and hedge.startswith(FORECAST) and hedge != FORECAST:
            found.add(FORECAST)
            hedge = hedge.removeprefix(FORECAST)
        if hedge in _SENSE:
            found.add(_SENSE[hedge])
    return frozenset(found)


def _same(said: Said, proven: Proven) -> bool:
    """The same amount in the same unit; a growth also with the same sign."""
    if said.unit != proven.unit:
        return False
    if proven.growth:
        return (-said.amount if said.decline else said.amount) == proven.amount
    return said.amount == abs(proven.amount)


def _figure(value, unit: str, place: str, qualifier=None, **extra) -> Proven:
    scale, base = split_unit(unit)
    amount = to_decimal(value) * scale
    return Proven(amount, _base(base), place, _shown(value, unit, qualifier), _senses([qualifier]), **extra)


def _shown(value, unit: str, qualifier: str | None) -> str:
    text = format(to_decimal(value).normalize(), "f")
    text = text.rstrip("0").rstrip(".") if "." in text else text
    if qualifier in ("多", "余"):
        return f"{text}{qualifier}{unit}"
    if qualifier in ("以上", "左右", "上下"):
        return f"{text}{unit}{qualifier}"
    return f"{qualifier or ''}{text}{unit}"


def _growth(change_pct, place: str, qualifier=None) -> Proven:
    word = "下降" if to_decimal(change_pct) < 0 else "增长"
    shown = f"{word}{_shown(abs(to_decimal(change_pct)), '%', qualifier)}"
    return Proven(to_decimal(change_pct), "%", place, shown, _senses([qualifier]), growth=True)


def entry_numbers(section: str, index: int, entry: dict) -> list[Proven]:
    """The numbers one entry of a year file proves: an indicator's value and growth, a fact's figures, a target's
    value (with the hedges its comparator allows)."""
    place = f"{section}[{index}]"
    if section == "indicators":
        found = [_figure(entry["value"], entry["unit"], place, entry.get("qualifier"))]
        if entry.get("change_pct") is not None:
            found.append(_growth(entry["change_pct"], place, entry.get("change_qualifier")))
        return found
    if section == "facts":
        return [
            _figure(f["value"], f["unit"], f"{place}.figures[{n}]", f.get("qualifier"))
            for n, f in enumerate(entry["figures"])
        ]
    allowed = frozenset({entry["comparator"]} - {"="})
    return [dataclasses.replace(_figure(entry["value"], entry["unit"], place), allowed=allowed)]


def _quote_numbers(quote: str) -> list[Proven]:
    return [
        Proven(said.amount if not said.decline else -said.amount, said.unit, "quote", said.written, growth=True)
        if said.unit == "%"
        else Proven(said.amount, said.unit, "quote", said.written)
        for said in figures_in(quote)
    ]


def text_problems(section: str, entry: dict) -> list[str]:
    """A fact's or a target's text: each of its figures is one of the entry's or one of its quote's."""
    own = entry_numbers(section, 0, entry)
    quoted: list[Proven] | None = None  # the quote's numbers, read only for a figure that is none of the entry's own
    problems = []
    for said in figures_in(entry["text"]):
        if any(_same(said, p) for p in own):
            continue
        quoted = _quote_numbers(entry["quote"]) if quoted is None else quoted
        if not any(_same(said, p) for p in quoted):
            expected = "、".join(dict.fromkeys(p.written for p in own))
            problems.append(f"expected the numbers of the quote or figures ({expected}), found {said.written}")
    return problems


def year_numbers(data: dict) -> list[Proven]:
    """Every number a year file proves, entry by entry."""
    found = []
    for section in ("indicators", "facts", "targets"):
        for index, entry in enumerate(data.get(section) or []):
            found += entry_numbers(section, index, entry)
    return found


def _hedge_fits(said: Said, proven: Proven) -> bool:
    written = _senses(said.hedges)
    if proven.place.startswith("targets"):
        return written - {FORECAST} <= proven.allowed
    if FORECAST in proven.senses and FORECAST not in written:
        return False
    return written - {FORECAST} == proven.senses - {FORECAST}


def _arithmetic(said: Said, proven: list[Proven]) -> str:
    """How the prose's number is made of two proven ones (a sum or a difference), or ''."""
    same_unit = [p for p in proven if p.unit == said.unit and not p.growth]
    for a, b in combinations(same_unit, 2):
        if a.amount + b.amount == said.amount:
            return f", the sum of {a.written} ({a.place}) and {b.written} ({b.place})"
        if abs(a.amount - b.amount) == said.amount:
            return f", the difference of {a.written} ({a.place}) and {b.written} ({b.place})"
    return ""


def summary_problems(data: dict) -> list[str]:
    """A year's summary: each of its figures is a number the file proves, with the hedge the entry records."""
    proven = year_numbers(data)
    problems = []
    for said in figures_in(data.get("summary") or ""):
        same = [p for p in proven if _same(said, p)]
        if not same:
            made = _arithmetic(said, proven)
            advice = ": write it as a fact with the quote that states it" if made else ""
            problems.append(
                "expected a number this file proves (an indicator's value or growth, a fact's figure, a target's "
                f"value), found {said.written}{made}{advice}"
            )
        elif not any(_hedge_fits(said, p) for p in same):
            first = same[0]
            problems.append(f"expected {first.written} (as {first.place} records it), found {said.shown}")
    return problems


def note_problems(data: dict) -> list[tuple[tuple, str]]:
    """An entry's note (shown with its quote in the footnote): each of its figures is one of its quote's or one the
    file proves. Returns (location, message) pairs."""
    proven: list[Proven] | None = None  # read only when an entry has a note: most have none
    problems = []
    for section in ("indicators", "facts", "targets"):
        for index, entry in enumerate(data.get(section) or []):
            if not entry.get("note"):
                continue
            proven = year_numbers(data) if proven is None else proven
            mine = proven + _quote_numbers(entry["quote"])
            problems += [
                (
                    (section, index, "note"),
                    f"expected the numbers of the quote or of this file's entries, found {said.written}",
                )
                for said in figures_in(entry["note"])
                if not any(_same(said, p) for p in mine)
            ]
    return problems


def profile_problems(field: str, text: str | None, kind: str, names: tuple[str, ...] = ()) -> list[str]:
    """A park's description, a source's note, an indicator's definition: no figure, as no quote proves it. `names`
    (a source's own title and publisher) are words, their digits no figure: a note may name 创新360."""
    text = text or ""
    for name in sorted((n for n in names if n), key=len, reverse=True):
        text = text.replace(name, "＿" * len(name))
    return [
        f"expected no figure in the {kind}'s {field} (no quote proves it: put it in a year file, as a fact with "
        f"its quote), found {said.written}"
        for said in figures_in(text)
    ]


_MULTIPLIER_UNITS = (*MULTIPLIERS, "百")  # the reading's multipliers, and 百 standing alone as a unit


def unit_problem(unit: str) -> str | None:
    """A unit that is only a multiplier (万, 亿, 万亿): it says how large, not of what."""
    if unit.strip() in _MULTIPLIER_UNITS:
        return (
            f"expected a unit after the multiplier (万亿元, 亿元, 万人: the unit the quote's number is counted in), "
            f"found '{unit}' alone"
        )
    return None
