"""The real data: every file passes the checker and every report is covered."""

from __future__ import annotations

import re

from generator.cli import main
from tests.conftest import PROJECT


def test_real_data_passes_check(capsys):
    assert main(["--data", str(PROJECT / "data"), "check"]) == 0
    summary = capsys.readouterr().out.strip()
    assert re.fullmatch(r"ok: 2 parks, 5 park-years, \d+ figures, \d+ targets, 5 sources, \d+ indicators", summary)


def test_every_report_is_at_least_90_percent_covered(capsys):
    assert main(["--data", str(PROJECT / "data"), "coverage"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 5
    for row in rows:
        covered, total = map(int, re.search(r"(\d+)/(\d+) numeric mentions", row).groups())
        assert total > 0 and covered / total >= 0.9, row
