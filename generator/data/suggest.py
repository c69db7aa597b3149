"""“Did you mean …?”: the known name nearest to a misspelt field, id, theme or unit."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def nearest(word: str, known: Iterable[str]) -> str | None:
    """The known word most like `word`, when one is close enough to be a likely misspelling."""
    choices = sorted({str(choice) for choice in known if str(choice) != word})
    if not choices or not word:
        return None
    folded = {choice.casefold().replace("-", "_"): choice for choice in choices}
    key = word.casefold().replace("-", "_").strip()
    if key in folded:  # GDP for gdp, chang-pct for chang_pct
        return folded[key]
    # Short words allow one or two slips; difflib's ratio says how much of the word is right.
    cutoff = 0.75 if len(word) <= 4 else 0.6
    found = difflib.get_close_matches(word, choices, n=1, cutoff=cutoff)
    if found:
        return found[0]
    found = difflib.get_close_matches(key, list(folded), n=1, cutoff=cutoff)
    return folded[found[0]] if found else None


def did_you_mean(word: str, known: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the nearest known word, or '' when nothing is close."""
    found = nearest(word, known)
    return f" (did you mean '{found}'?)" if found else ""
