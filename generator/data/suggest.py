"""“Did you mean …?”: the known name nearest to a misspelt field, id, theme or unit."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import replace

from generator.data.problems import Problem


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


# Fields that name a park, an indicator or a source: a problem on one of them gets the nearest known id.
_REFERENCES = (
    (re.compile(r"^(.*\.)?park$"), "parks"),
    (re.compile(r"^(indicators\[\d+\]\.id|targets\[\d+\]\.indicator)$"), "indicators"),
    (re.compile(r"^(sources\[\d+\]|.*\.source)$"), "sources"),
)
_FOUND = re.compile(r"found '([^']*)'")


def known_ids(raw) -> dict[str, set[str]]:
    """The park, indicator and source ids of a loaded data folder, read defensively (files may be broken)."""
    entries = raw.indicators.data if raw.indicators is not None and isinstance(raw.indicators.data, list) else []
    indicators = {e["id"] for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)}
    return {"parks": set(raw.parks), "indicators": indicators, "sources": set(raw.sources)}


def with_suggestions(problems: list[Problem], known: dict[str, set[str]]) -> list[Problem]:
    """The problems, each naming an unknown id followed by the nearest known one where one is close."""
    result = []
    for problem in problems:
        found = _FOUND.search(problem.message)
        kind = next((kind for pattern, kind in _REFERENCES if pattern.match(problem.field)), None)
        if found and kind and "did you mean" not in problem.message and found.group(1) not in known[kind]:
            hint = did_you_mean(found.group(1), known[kind])
            if hint:
                at = found.end()
                problem = replace(problem, message=problem.message[:at] + hint + problem.message[at:])
        result.append(problem)
    return result


def theme_problems(raw) -> list[Problem]:
    """Facts whose theme is used once and is a near-spelling of a theme in use elsewhere: most likely a typo.

    A new theme is welcome; one that differs from an existing one by a slip of the keyboard splits the facts of one
    theme into two groups on the park's pages.
    """
    uses: dict[str, list[tuple]] = {}
    for document in raw.years.values():
        facts = document.data.get("facts") if document is not None and isinstance(document.data, dict) else None
        for index, fact in enumerate(facts if isinstance(facts, list) else []):
            if isinstance(fact, dict) and isinstance(fact.get("theme"), str):
                uses.setdefault(fact["theme"], []).append((document, index))
    established = [theme for theme, places in uses.items() if len(places) > 1]
    problems = []
    for theme, places in uses.items():
        if len(places) == 1 and (found := nearest(theme, established)):
            document, index = places[0]
            problems.append(
                Problem(
                    document.path,
                    document.line(("facts", index, "theme")),
                    f"facts[{index}].theme",
                    f"expected a theme in use or a clearly new one, found '{theme}' (did you mean '{found}'?)",
                )
            )
    return problems
