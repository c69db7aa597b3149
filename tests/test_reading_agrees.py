"""The other way round from tests/test_drafts_pass_check.py: every curated indicator the checker accepts stands in a
clause the reading (clauses.split_clauses, what the drafts are made from) reads as the file's year and as a result,
so the checker and the drafts agree on which year an amount tells of."""

from __future__ import annotations

import re

import yaml

from generator.data.model import paragraphs_of
from generator.reading.clauses import split_clauses
from generator.reading.numbers import normalize
from generator.reading.script import simplified
from tests.conftest import PROJECT

DATA = PROJECT / "data"
_MARKS = re.compile(r"[\s,，;；。、:：()（）“”\"'‘’]")


def _bare(text: str) -> str:
    """Text as the two readings both see it, without spaces and marks (the clause's own bounds differ by a mark)."""
    return _MARKS.sub("", normalize(simplified(text)))


def _clauses_of(source: str, year: int):
    metadata = yaml.safe_load((DATA / "sources" / f"{source}.yaml").read_text(encoding="utf-8"))
    paragraphs = [simplified(p) for p in paragraphs_of((DATA / "sources" / f"{source}.txt").read_text("utf-8"))]
    published = metadata.get("published")
    read = split_clauses(paragraphs, year, frozenset(), str(published) if published else None)
    return [clause for paragraph in read for sentence in paragraph for clause in sentence]


def _verdicts() -> tuple[list[str], int]:
    """The entries the reading reads otherwise (file, id, value, the clause's year and mode); how many it matched."""
    differ, matched = [], 0
    for path in sorted((DATA / "years").glob("*/*.yaml")):
        year = int(path.stem)
        for entry in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("indicators") or []:
            quote, value = _bare(entry["quote"]), format(entry["value"], "g")
            clauses = [c for c in _clauses_of(entry["source"], year) if (t := _bare(c.text)) and t in quote]
            holding = [c for c in clauses if value in _bare(c.text)]
            if not holding:
                continue  # a table row (read through its header) or a page in English: no clause of prose to compare
            matched += 1
            clause = holding[-1]
            if clause.year != year or clause.mode != "results" or clause.goal:
                differ.append(f"{path.relative_to(DATA)} {entry['id']} {value}: {clause.year} {clause.mode}")
    return differ, matched


def test_every_curated_indicator_stands_in_a_clause_the_reading_reads_as_its_year():
    differ, matched = _verdicts()
    assert differ == []
    assert matched >= 50  # most curated indicators are quoted from prose the comparison reaches
