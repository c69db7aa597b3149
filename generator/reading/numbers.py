"""Reading numbers in Chinese report text: scaling by 万/亿, full-width digits, hedges, units."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from generator.reading.english import english_words
from generator.reading.script import simplified
from generator.reading.words import (
    AFTER_UNIT_HEDGES,
    DECLINE_WORDS,
    GROWTH_WORDS,
    INNER_HEDGES,
    NOT_ABOUT,
    NOT_NEAR,
    PREFIX_HEDGES,
    RESPECTIVELY,
    SUFFIX_HEDGES,
    UNIT_SYNONYMS,
    UNIT_WORDS,
)

# The full-width comma "，" is Chinese punctuation between clauses, never a thousands separator: not mapped.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．％", "0123456789.%")
_WHITESPACE = re.compile(r"[\s\u3000]+")

# A number: an optional minus sign (not after a digit: 1-9月 is a range), digits with an optional thousands
# grouping and decimals, then an optional multiplier. A number is read whole: never from inside 1,200 or 2145.69.
_NUMBER = re.compile(
    r"(?<![0-9.])(?<![0-9],)(?:(?<![0-9])([-−－]))?"
    r"(\d{1,3}(?:,\d{3})+(?![0-9])|\d+)(\.\d+)?(?![0-9]|\.\d)"
    rf"(?:({'|'.join(INNER_HEDGES)})(?=万亿|亿|万|千))?(万亿|亿|万|千)?"
)
_MINUS = "-−－"
MULTIPLIERS = ("万亿", "亿", "万", "千")  # the words that scale a number, longest first
# Zero-width characters, soft hyphens and bidirectional controls: invisible in a quote, yet they split a number
# (21\u200b45 would read as 45) or reorder what a reader sees.
INVISIBLE = re.compile("[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_MULTIPLIERS = {
    "万亿": Decimal(10) ** 12,
    "亿": Decimal(10) ** 8,
    "万": Decimal(10) ** 4,
    "千": Decimal(1000),
    "": Decimal(1),
}

_PREFIX_HEDGE_ENDS = {word[-1] for word in PREFIX_HEDGES}
_UNIT_THEN_HEDGE = re.compile(r"[^\d,，。;；、:：()（）以左上多余]{0,4}")
# A unit word followed by one of these is the start of another unit: 5个百分点 is not 5 个, 300人次 not 300 人.
_UNIT_GOES_ON = ("百分点", "次", "/")


def normalize(text: str) -> str:
    """Text as the checker compares it: no spaces or line breaks."""
    return _WHITESPACE.sub("", text)


def _ascii_digits(text: str) -> str:
    return text.translate(_FULL_WIDTH)


@dataclass(frozen=True)
class NumberToken:
    """A number found in text, with where it stands and what surrounds it."""

    start: int
    end: int  # after digits and multiplier
    number: Decimal  # as written, before the multiplier
    multiplier: str
    before: str  # up to 6 characters of text before the number
    after: str  # up to 8 characters of text after the multiplier
    negative: bool = False  # written with a minus sign: -5亿元
    inner_hedge: str = ""  # 多 or 余 between the digits and the multiplier: 300多亿元

    @property
    def amount(self) -> Decimal:
        """The number scaled by its multiplier (3626亿 → 362600000000), with its sign."""
        amount = self.number * _MULTIPLIERS[self.multiplier]
        return -amount if self.negative else amount

    @property
    def in_range(self) -> bool:
        """Whether the number is one end of a range: 200-300亿元, 200至300亿元, 200~300亿元."""
        ends_range = re.match(r"[-~～—–至到][0-9０-９]", self.after)
        return bool(ends_range) or bool(re.search(r"[0-9０-９](万|亿)?[-~～—–至到]$", self.before))

    def hedges(self) -> list[str]:
        """Hedge words standing next to this number."""
        before = self.before.removesuffix("了")  # 突破了1200亿元: the aspect's 了 between a hedge and its number
        ends_in_hedge = before[-1:] in _PREFIX_HEDGE_ENDS  # most numbers have none: skip the word list
        found = [word for word in PREFIX_HEDGES if before.endswith(word)] if ends_in_hedge else []
        if self.inner_hedge:
            found.append(self.inner_hedge)
        if before.endswith("破") and "突破" not in found:
            found.append("突破")  # 有效发明专利数量破2万件: 破 is 突破 said short, recorded as 突破
        if "约" in found and before.endswith(NOT_ABOUT):
            found.remove("约")  # 签约133个 is a signing, not "about 133"
        if "近" in found and before.endswith(NOT_NEAR):
            found.remove("近")
        tail = self.after
        for word in SUFFIX_HEDGES:
            if tail.startswith(word):
                found.append(word)
        # A suffix hedge may also follow the unit: 100亿元以上, 5000万元左右.
        unit_end = _UNIT_THEN_HEDGE.match(tail) if ("以上" in tail or "左右" in tail or "上下" in tail) else None
        if unit_end:
            rest = tail[unit_end.end() :]
            found += [word for word in AFTER_UNIT_HEDGES if rest.startswith(word) and word not in found]
            if "上下" in found and rest.startswith("上下游"):
                found.remove("上下")  # 100家上下游企业: the supply chain, not "about 100"
        return found


def _token(
    ascii_text: str, start: int, end: int, digits: str, multiplier: str, negative: bool = False, inner: str = ""
) -> NumberToken:
    return NumberToken(
        start=start,
        end=end,
        number=Decimal(digits),
        multiplier=multiplier,
        before=ascii_text[max(0, start - 6) : start],
        after=ascii_text[end : end + 8],
        negative=negative,
        inner_hedge=inner,
    )


def find_numbers(text: str) -> list[NumberToken]:
    """Every number in `text` (already normalized or not), in order."""
    ascii_text = _ascii_digits(text)
    return [
        _token(
            ascii_text,
            m.start(),
            m.end(),
            m.group(2).replace(",", "") + (m.group(3) or ""),
            m.group(5) or "",
            negative=bool(m.group(1)),
            inner=m.group(4) or "",
        )
        for m in _NUMBER.finditer(ascii_text)
    ]


def comma_lists(text: str) -> list[NumberToken]:
    """The other reading of `120,230` where the text says 分别 (respectively): a list typed with ASCII commas.

    Anywhere else grouped digits are one number: 1,200亿元 is never 200亿元.
    """
    ascii_text = _ascii_digits(text)
    if RESPECTIVELY not in ascii_text:
        return []
    tokens = []
    for match in _NUMBER.finditer(ascii_text):
        if "," not in match.group(2) or RESPECTIVELY not in ascii_text[: match.start()]:
            continue
        position = match.start()
        pieces = match.group(2).split(",")
        for index, piece in enumerate(pieces):
            last = index == len(pieces) - 1
            digits = piece + (match.group(3) or "" if last else "")
            end = match.end() if last else position + len(piece)
            # Every item of the list takes the multiplier and unit written after the last one: 120,230家.
            item = _token(ascii_text, position, end, digits, match.group(5) or "")
            tokens.append(dataclasses.replace(item, after=ascii_text[match.end() : match.end() + 8]))
            position += len(piece) + 1
    return tokens


_CHINESE_DIGITS = "零〇一二两三四五六七八九"
# A numeral right after one of these characters is part of a word, not a count: 统一批复, 唯一, 同一, 单一, 第一.
_NUMERAL_IN_WORD = "一二两三四五六七八九十百千第统唯同单专逐划合万之均初周星礼每"
# A number in Chinese numerals (两家, 十二个, 三千万元, 一百二十三亿元, 逾百亿元), with a decimal part (三点五亿元),
# or a percentage (百分之五, 百分之十二点五).
_CHINESE_NUMBER = re.compile(
    rf"(?<![{_NUMERAL_IN_WORD}])(?P<percent>百分之)?"
    rf"(?P<numeral>[{_CHINESE_DIGITS[2:]}十百千][{_CHINESE_DIGITS}十百千万亿]*"
    rf"(?:点[{_CHINESE_DIGITS}]+)?(?<!点)(?:万亿|亿|万)?)"
)


# A character a _CHINESE_NUMBER's numeral opens on (its look behind aside, 百分之 is followed by one).
_NUMERAL_START = re.compile(f"[{_CHINESE_DIGITS[2:]}十百千]")


@lru_cache(maxsize=4096)
def chinese_value(numeral: str) -> Decimal | None:
    """The value of a number written in Chinese numerals (十二 → 12, 三千 → 3000, 三点五 → 3.5), or None."""
    import cn2an  # read on first use: most texts have no numeral to read

    written = numeral.replace("两", "二").replace("〇", "零")
    written = "一" + written if written[0] in "百千" else written  # 百亿 is 一百亿
    try:
        return Decimal(str(cn2an.cn2an(written, "strict")))
    except (ValueError, KeyError, IndexError):
        return None


def find_chinese_numbers(text: str) -> list[NumberToken]:
    """Numbers written in Chinese numerals (两家, 十二个, 三千万元, 百分之五), for matching figures, not for coverage.

    A trailing 万/亿 is the number's multiplier, as after digits (三千万元 is 3000万元); 百分之五 reads as 5%. A bare
    百 or 千 (百家争鸣, 千企) is a number only after a hedge: 逾百亿元, 近千家.
    """
    if not _NUMERAL_START.search(text):
        return []  # most texts write their numbers in digits: no numeral a number could open on
    found = []
    for match in _CHINESE_NUMBER.finditer(text):
        numeral = match.group("numeral")
        multiplier = next((m for m in ("万亿", "亿", "万") if numeral.endswith(m) and len(numeral) > len(m)), "")
        digits = numeral[: len(numeral) - len(multiplier)]
        before = text[max(0, match.start() - 6) : match.start()]
        bare = digits[0] in "百千" and not any(character in _CHINESE_DIGITS for character in digits)
        if bare and not before.endswith(PREFIX_HEDGES):
            continue
        value = chinese_value(digits)
        if value is None:
            continue  # 十四五, 一二三: not a number
        after = text[match.end() : match.end() + 8]
        found.append(
            NumberToken(
                start=match.start(),
                end=match.end(),
                number=value,
                multiplier=multiplier if not match.group("percent") else "",
                before=before,
                after="%" + after if match.group("percent") else after,
            )
        )
    return found


@lru_cache(maxsize=1024)  # a few dozen units, asked of for every figure
def split_unit(unit: str) -> tuple[Decimal, str]:
    """A unit's scale and base: 亿元 → (1e8, 元), 万平方米 → (1e4, 平方米), 家 → (1, 家)."""
    unit = _ascii_digits(unit.strip())
    if unit in _MULTIPLIERS and unit:
        return _MULTIPLIERS[unit], ""  # a bare multiplier: 5.78万亿
    for prefix in MULTIPLIERS:
        if unit.startswith(prefix) and len(unit) > len(prefix):
            return _MULTIPLIERS[prefix], unit[len(prefix) :]
    return Decimal(1), unit


def same_amount(a: Decimal, b: Decimal) -> bool:
    if a == b:
        return True
    scale = max(abs(a), abs(b))
    return scale > 0 and abs(a - b) / scale < Decimal("1e-9")


# What ends a clause right after an amount: 一般公共预算收入增至67.4亿, (a bare multiplier there is money).
_CLAUSE_END = re.compile(r"$|[,，;；。、!！?？)）]")


def in_yuan_unsaid(token: NumberToken, tail: str) -> bool:
    """Whether an amount written with a bare multiplier that ends its clause (增至67.4亿,) is in 元, as reports
    write money; a bare multiplier before other words (5.78万亿重大项目) is no unit."""
    return bool(token.multiplier) and bool(_CLAUSE_END.match(tail))


def unit_follows(token: NumberToken, base: str) -> bool:
    """Whether the base unit stands right after the number (a suffix hedge may sit between)."""
    if not base:
        return True
    tail = token.after
    for word in SUFFIX_HEDGES:
        if tail.startswith(word):
            tail = tail[len(word) :]
            break
    if base == "元" and in_yuan_unsaid(token, tail):
        return True
    for written in (base, *UNIT_SYNONYMS.get(base, ())):
        if tail.startswith(written):
            rest = tail[len(written) :]
            return not (rest.startswith(_UNIT_GOES_ON) and not base.endswith(_UNIT_GOES_ON))
    return False


def to_decimal(value) -> Decimal:
    """A YAML number as an exact decimal (floats by their shortest repr, so 0.0958 stays 0.0958)."""
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


@dataclass(frozen=True)
class Match:
    """The outcome of looking for a figure in a quote."""

    found: bool
    hedges: tuple[str, ...] = ()
    reason: str = ""


def find_figure(value, unit: str, quote: str) -> Match:
    """Look for `value` `unit` in `quote`, reading 万/亿 scaling, decimals and full-width digits."""
    scale, base = split_unit(unit)
    if not to_decimal(value).is_finite():  # YAML's .nan and .inf are numbers to the schema
        return Match(False, reason=f"expected a finite number, found {value}")
    wanted = to_decimal(value) * scale
    english = english_words(quote)
    text = english if english is not None else simplified(normalize(quote))
    same_number = []
    # Grouped digits are read as one number first (2,145.69); as a list of numbers only when that fails.
    for token in [*find_numbers(text), *find_chinese_numbers(text), *comma_lists(text)]:
        if not same_amount(token.amount, wanted):
            continue
        same_number.append(token)
        if unit_follows(token, base):
            return Match(True, tuple(token.hedges()))
    if same_number:
        token = same_number[0]
        return Match(
            False,
            reason=f"the number stands in the quote but is followed by '{token.after[:4]}', not the unit '{base}'",
        )
    return Match(False, reason="no number in the quote reads as this value in this unit")


@lru_cache(maxsize=1024)
def tokens_of(text: str) -> tuple[NumberToken, ...]:
    """Every number of a prepared quote, digits and Chinese numerals, in order."""
    found = [*find_numbers(text), *find_chinese_numbers(text), *comma_lists(text)]
    return tuple(sorted(found, key=lambda t: t.start))


def figure_token(value, unit: str, text: str) -> NumberToken | None:
    """The whole number token of `text` that reads as `value` `unit`, the unit right after it."""
    scale, base = split_unit(unit)
    wanted = to_decimal(value) * scale
    if not wanted.is_finite():
        return None
    for token in tokens_of(text):
        if same_amount(token.amount, wanted) and unit_follows(token, base):
            return token
    return None


def reads_as_decline(before: str, token: NumberToken) -> bool:
    """Whether a percentage is a decline: a minus sign, or a decline word as the last word of growth before it.

    "下降5%", "降幅为5%", "同比下跌6%", "负增长3%" are declines; "增速回落至9%" is a rate that fell to +9%.
    """
    if token.negative:
        return True
    # The word that ends last wins; of two ending together the longer (负增长 over 增长).
    last_end, last_word = -1, ""
    for word in (*DECLINE_WORDS, *GROWTH_WORDS):
        at = before.rfind(word)
        end = at + len(word) if at >= 0 else -1
        if end > last_end or (end == last_end and end >= 0 and len(word) > len(last_word)):
            last_end, last_word = end, word
    if last_word not in DECLINE_WORDS:
        return False
    settles = before[last_end:].startswith(("至", "到"))
    return not settles or last_word in ("降幅", "负增长")


def find_change_pct(change_pct, quote: str) -> Match:
    """Look for a 同比 growth of `change_pct` percent in `quote` (negative needs a decline word)."""
    wanted = abs(to_decimal(change_pct))
    if not wanted.is_finite():
        return Match(False, reason=f"expected a finite number, found {change_pct}")
    opposite = False
    english = english_words(quote)
    text = english if english is not None else normalize(quote)
    for token in [*find_numbers(text), *find_chinese_numbers(text)]:
        if token.multiplier or token.number != wanted or not token.after.startswith("%"):
            continue
        if (change_pct < 0) == reads_as_decline(token.before, token):
            return Match(True, tuple(token.hedges()))
        opposite = True  # 出口下降5%,进口增长5%: the one with the right sign may come later
    if opposite:
        return Match(False, reason="the quote gives the growth with the opposite sign")
    return Match(False, reason="no percentage in the quote equals it")


# --- the unit written after a number (the editor's prose reads these) ---------------------------------------

# Counting words the editor's prose also puts after a number: a span of years, tenths (四成), levels (两级).
_PROSE_UNIT_WORDS = ("年", "周年", "成", "级", "港元", "百分点", "届", "对", "组", "本", "株", "标准箱")
# The words after a number once 万/亿/千 are read as its multiplier (find_numbers takes them): 元 of 亿元.
_BASE_UNIT_WORDS = tuple(
    sorted(
        {word[1:] if word[:1] in "万亿千" and len(word) > 1 and word not in ("千米", "千瓦", "千瓦时") else word
         for word in UNIT_WORDS + _PROSE_UNIT_WORDS},
        key=len,
        reverse=True,
    )
)  # fmt: skip


# The same words as one pattern, tried in the same order (longest first): the first that opens the text.
_BASE_UNIT_WORD = re.compile("|".join(re.escape(word) for word in _BASE_UNIT_WORDS))


def unit_after(token: NumberToken) -> str:
    """The unit word written right after a number (a suffix hedge may sit between: 300多名), or '' for none."""
    tail = token.after
    for word in ("多", "余"):
        if tail.startswith(word):
            tail = tail[len(word) :]
            break
    found = _BASE_UNIT_WORD.match(tail)
    return found.group(0) if found else ""
