"""The other way round from tests/test_drafts_pass_check.py: every curated indicator the checker accepts stands in a
clause the reading (clauses.split_clauses, what the drafts are made from) reads as the file's year and as a result,
so the checker and the drafts agree on which year an amount tells of (bench/reading_agreement.py compares them)."""

from __future__ import annotations

from bench.reading_agreement import agreement
from tests.conftest import PROJECT


def test_every_curated_indicator_stands_in_a_clause_the_reading_reads_as_its_year():
    found = agreement(PROJECT / "data")
    assert [line for line in found["differing"] if " indicator " in line] == []
    assert found["counts"][("indicator", "differ")] == 0
    assert found["counts"][("indicator", "agree")] >= 50  # most curated indicators are quoted from prose it reaches
