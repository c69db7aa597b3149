"""The real data under data/: every file passes the checker and the quotes cover ≥ 90% of each report's numbers.

Nothing here is skipped: while the curators are still at work these tests fail, and pass once they are done.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.cli import main

PROJECT = Path(__file__).resolve().parent.parent
DATA = PROJECT / "data"
REPORTS = 5  # the yearbook starts from five reports (../shared/reports), each archived under data/sources/
SUMMARY = re.compile(
    r"ok: (?P<parks>\d+) parks, (?P<years>\d+) park-years, (?P<figures>\d+) figures, (?P<targets>\d+) targets, "
    r"(?P<sources>\d+) sources, (?P<indicators>\d+) indicators"
)
COVERAGE_ROW = re.compile(r"(?P<source>[a-z0-9-]+): (?P<covered>\d+)/(?P<total>\d+) numeric mentions covered \((.+)%\)")


def source_ids() -> list[str]:
    return sorted(path.stem for path in (DATA / "sources").glob("*.yaml"))


def test_real_data_passes_check(capsys):
    status = main(["--data", str(DATA), "check"])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert captured.err == ""
    summary = SUMMARY.fullmatch(captured.out.strip())
    assert summary, captured.out
    counts = {key: int(number) for key, number in summary.groupdict().items()}
    assert counts["parks"] == len(list((DATA / "parks").glob("*.yaml")))
    assert counts["years"] == len(list((DATA / "years").glob("*/*.yaml")))
    assert counts["sources"] == len(source_ids()) >= REPORTS
    assert counts["figures"] > 0 and counts["indicators"] > 0


@pytest.mark.parametrize("how", ["cwd at the project root", "--data"])
def test_every_report_is_at_least_90_percent_covered(capsys, monkeypatch, how):
    if how == "--data":
        monkeypatch.chdir(PROJECT.parent)
        status = main(["--data", str(DATA), "coverage"])
    else:
        monkeypatch.chdir(PROJECT)
        status = main(["coverage"])
    captured = capsys.readouterr()
    rows = [COVERAGE_ROW.fullmatch(row) for row in captured.out.splitlines()]
    assert all(rows), captured.out
    assert sorted(row["source"] for row in rows) == source_ids()
    assert len(rows) >= REPORTS
    low = [row.group(0) for row in rows if int(row["total"]) == 0 or int(row["covered"]) / int(row["total"]) < 0.9]
    assert not low, "reports under 90% (see `yearbook coverage --missed`)"
    assert status == 0, captured.err


def test_coverage_gate_fails_under_its_minimum(capsys):
    assert main(["--data", str(DATA), "coverage", "--minimum", "100.1"]) == 1
    assert capsys.readouterr().err == "coverage below 100.1% for at least one report\n"
