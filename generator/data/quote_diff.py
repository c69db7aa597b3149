"""Where a quote that is not in its report differs from the report's nearest passage."""

from __future__ import annotations

import difflib
import unicodedata

from generator.data.model import Source
from generator.reading.numbers import normalize

_SHOWN = 14  # characters of context shown on each side of the first difference


_CANDIDATES = 3  # paragraphs compared in full; the rest are ranked by a cheap count of shared trigrams


def _candidates(quote: str, texts: list[str]) -> list[int]:
    """The paragraphs sharing the most three-character pieces with the quote (a report may have thousands)."""
    pieces = {quote[at : at + 3] for at in range(max(1, len(quote) - 2))}
    shared = [(sum(piece in text for piece in pieces), index) for index, text in enumerate(texts) if text]
    return [index for count, index in sorted(shared, key=lambda pair: -pair[0])[:_CANDIDATES] if count]


def _nearest_window(quote: str, paragraphs: list[str]) -> tuple[int, str] | None:
    """The paragraph most like the quote, and the stretch of the report (across paragraphs) lined up with it."""
    texts = [normalize(paragraph) for paragraph in paragraphs]
    joined, starts, total = "".join(texts), [], 0
    for text in texts:
        starts.append(total)
        total += len(text)
    best = None
    for index in _candidates(quote, texts):
        text = texts[index]
        matcher = difflib.SequenceMatcher(None, quote, text, autojunk=False)
        blocks = [block for block in matcher.get_matching_blocks() if block.size]
        score = sum(block.size for block in blocks)
        if blocks and (best is None or score > best[0]):
            # Line up on the first solid match: a stray one-character match earlier would shift the window.
            longest = max(block.size for block in blocks)
            anchor = next(block for block in blocks if block.size >= min(4, longest))
            start = max(0, starts[index] + anchor.b - anchor.a)
            end = start + len(quote) + _SHOWN
            # Show past the quote's length only up to the end of the paragraph it reaches into.
            end = min([end, *(s for s in [*starts[1:], len(joined)] if s >= start + len(quote))])
            best = (score, index, joined[start:end])
    if best is None or best[0] < max(2, len(quote) // 3):
        return None  # nothing in the report is close enough to call a near miss
    return best[1], best[2]


def _named(character: str) -> str:
    """'，' (U+FF0C fullwidth comma): a mark shown and named, so look-alikes are told apart; a letter as it is."""
    if unicodedata.category(character) == "Lo":
        return f"'{character}'"
    name = unicodedata.name(character, "").lower()
    return f"'{character}' (U+{ord(character):04X}{' ' + name if name else ''})"


def describe_difference(quote: str, source: Source) -> str:
    """'; nearest passage (¶3): '…'; first difference after '…': the report has …, the quote …', or ''."""
    wanted = normalize(quote)
    found = _nearest_window(wanted, source.paragraphs) if wanted else None
    if found is None:
        return "; no passage of the report is close to it (copy the quote from the report)"
    paragraph, window = found
    same = 0
    while same < len(wanted) and same < len(window) and wanted[same] == window[same]:
        same += 1
    before = wanted[max(0, same - _SHOWN) : same]
    shown = window[: len(wanted) + 4]
    if same >= len(window):
        return f"; nearest passage (¶{paragraph + 1}): '{shown}' ends before the quote does"
    theirs, ours = window[same], wanted[same] if same < len(wanted) else ""
    where = f"after '{before}'" if before else "at its first character"
    ours_text = f"the quote {_named(ours)}" if ours else "the quote ends there"
    return (
        f"; nearest passage (¶{paragraph + 1}): '{shown}'; first difference {where}: "
        f"the report has {_named(theirs)}, {ours_text}"
    )
