"""load → validate → model: the yearbook of a data folder, or the problems that stop it."""

from __future__ import annotations

from pathlib import Path

from generator.cache import Paragraphs, Parsed, Proofs
from generator.data.assemble import assemble
from generator.data.load import load
from generator.data.model import Yearbook
from generator.data.problems import DataError
from generator.data.suggest import known_ids, theme_problems, with_suggestions
from generator.data.validate import validate
from generator.data.yaml_hints import comment_cuts
from generator.reuse import NoReuse, Reuse


def read_yearbook(
    data_root: Path,
    reuse: Reuse | None = None,
    proofs: Proofs | None = None,
    parsed: Parsed | None = None,
    paragraphs: Paragraphs | None = None,
) -> Yearbook:
    """The checked yearbook of `data_root`; raises DataError with every problem found.

    `proofs`, `parsed` and `paragraphs` (kept on disk between runs) spare the proof of the year files proved before
    from the same bytes, the parsing of YAML texts read before, and the search of each quote in a report's text."""
    reuse = reuse or NoReuse()
    raw = load(data_root, reuse, parsed)
    problems = validate(raw, reuse, proofs)
    for document in raw.years.values():
        if document is not None:  # a ' #' in unquoted text cuts it without a syntax error
            problems += reuse.get("cuts", document.path, (document,), lambda d=document: comment_cuts(d))
    problems += theme_problems(raw)
    if problems:
        raise DataError(with_suggestions(problems, known_ids(raw)))
    return assemble(raw, reuse, paragraphs)


def summary_line(yearbook: Yearbook) -> str:
    """One line that says what the data holds."""
    figures = sum(len(y.figures) + sum(len(f.figures) for f in y.facts) for y in yearbook.years.values())
    targets = sum(len(y.targets) for y in yearbook.years.values())
    return (
        f"ok: {len(yearbook.parks)} parks, {len(yearbook.years)} park-years, "
        f"{figures} figures, {targets} targets, {len(yearbook.sources)} sources, "
        f"{len(yearbook.indicators)} indicators"
    )
