"""Hedges: which qualifier a quoted number needs, and which comparator a target's words allow."""

from __future__ import annotations

import re

from generator.reading.numbers import NumberToken
from generator.reading.words import (
    AFTER_ONLY,
    AFTER_UNIT_HEDGES,
    AS_OF_A_DATE,
    BEFORE_ONLY,
    COMPARATOR_WORDS,
    FORECAST,
    NOT_ABOUT,
    QUALIFIERS,
)

_COUNTED_AT_A_DATE = re.compile(f"[,，;；]{AS_OF_A_DATE}")
_STREAK = re.compile(r"(?:^|[,，;；])连续[^,，;；。]*$")  # a clause opening on 连续 (three years in a row)
# 约占全市50%, 约占成都市的一半: 约 before 占 hedges the share after it (about half), a few words of the whole between.
_ABOUT_A_SHARE = re.compile(r"约占[^,，。;；:：!?！？\d]{0,12}$")


def counted_at_a_date(after_forecast: str) -> bool:
    """Whether words after a 预计 hold a clause that opens on the date of a count (…,截至11月底有效发明专利…): what
    follows was counted then, not estimated; the estimate stops there, for one figure as for a sentence's items."""
    return _COUNTED_AT_A_DATE.search(after_forecast) is not None


def about_a_share(before: str) -> bool:
    """Whether the words `before` a number end on 约占 and a few words of the whole (约占全市的): 约 hedges it."""
    share = _ABOUT_A_SHARE.search(before)
    return share is not None and not before[: share.start() + 1].endswith(NOT_ABOUT)


def known_whatever_estimated(token: NumberToken, sentence_before: str) -> bool:
    """Whether a number is a rank or a streak (上升至第22位, 连续3年保持20%以上增长): known, not estimated, whatever
    预计 governs its sentence."""
    return token.before.endswith("第") or _STREAK.search(sentence_before) is not None


def hedges_of(token: NumberToken, sentence_before: str) -> tuple[str, ...]:
    """The qualifiers that record the hedges bearing on `token`: those next to it, and 预计 governing its sentence up
    to a clause that opens on the date of a count (words.AS_OF_A_DATE)."""
    near = list(dict.fromkeys(token.hedges()))
    if "约为" in near and "约" not in near:
        near.append("约")  # 约为 is 约: either spelling records it
    if not near and about_a_share(sentence_before):
        near.append("约")
    if known_whatever_estimated(token, sentence_before):
        return tuple(near)
    forecast = tuple(word for word in near if word.startswith(FORECAST))
    if forecast:
        # 预计突破1500家: the estimate is recorded with the bound (预计突破), never the bound alone (突破), which would
        # tell an estimate as a result.
        return forecast
    if FORECAST not in sentence_before:
        return tuple(near)
    if counted_at_a_date(sentence_before.rpartition(FORECAST)[2]):
        return tuple(near)
    # Both hedges must be recorded: 预计突破 where the catalogue of qualifiers has it, else 预计, the stronger.
    combined = [FORECAST + word for word in near if FORECAST + word in QUALIFIERS]
    return tuple(combined or [FORECAST])


def qualifier_problem(qualifier: str | None, hedges: tuple[str, ...], what: str = "number") -> str | None:
    """What is wrong with `qualifier` for a number (or the growth: `what`) carrying `hedges`, or None."""
    if qualifier is None and hedges:
        return f"expected '{hedges[0]}' (the quote hedges the {what}), found null"
    if qualifier is not None and qualifier not in hedges:
        found = "/".join(hedges) if hedges else "no hedge"
        return f"expected the hedge to stand next to the {what} in the quote, found {found} instead of '{qualifier}'"
    return None


def growth_hedges(token: NumberToken) -> tuple[str, ...]:
    """The qualifiers that record the hedge next to a growth percentage (增长约15%, 增长超过20%, 增速近9%).

    预计 governing the sentence is not among them: it bears on the whole figure and is recorded once, in qualifier.
    """
    return hedges_of(token, "")


def comparator_words(token: NumberToken) -> dict[str, str]:
    """The comparators a target's number is given by its words, each with the word that says so."""
    said: dict[str, str] = {}
    for comparator, words in COMPARATOR_WORDS.items():
        for word in words:
            before = word not in AFTER_ONLY and token.before.endswith(word)
            after = word not in BEFORE_ONLY and _after_unit(token.after).startswith(word)
            if (before or after) and comparator not in said:
                said[comparator] = word
    if "约" in said.values() and token.before.endswith(NOT_ABOUT):
        said = {c: w for c, w in said.items() if w != "约"}
    return said


def _after_unit(after: str) -> str:
    """What follows a number's unit (a unit is at most a few characters: 亿元, 万平方米, 个)."""
    for length in range(0, 5):
        rest = after[length:]
        if rest.startswith((*AFTER_UNIT_HEDGES, *AFTER_ONLY)):
            return rest
    return after


def comparator_problem(comparator: str, token: NumberToken) -> str | None:
    """What is wrong with a target's comparator for the words around its number, or None."""
    said = comparator_words(token)
    if not said:
        if comparator in ("=", ">="):
            return None  # 新增20家, 力争达到682亿元: a goal to reach, met at or above it
        return f"expected '=' or '>=' (the quote puts no 以内/左右 on the number), found '{comparator}'"
    if comparator in said:
        return None
    wanted, word = next(iter(said.items()))
    return f"expected '{wanted}' (the quote says {word}), found '{comparator}'"


def comparator_of(token: NumberToken) -> str:
    """The comparator a target's words give its number: >= (以上/突破/超), <= (以内/不超过), ~ (左右/约), else =."""
    return next(iter(comparator_words(token)), "=")
