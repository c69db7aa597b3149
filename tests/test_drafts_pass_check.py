"""A draft passes check by construction: for every curated report and every year it covers, the draft with only
`draft: true` deleted passes `yearbook check` (the fixture reports: tests/test_extract_draft.py)."""

from __future__ import annotations

import shutil

import pytest
import yaml

from generator.cli import main
from tests.conftest import PROJECT
from tests.test_editor_tools import reviewed

SOURCES = PROJECT / "data" / "sources"


def _covered() -> list[tuple[str, str, int]]:
    """(source, park, year) for every curated source and every year its covers lists."""
    found = []
    for path in sorted(SOURCES.glob("*.yaml")):
        metadata = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += [(path.stem, metadata["park"], year) for year in metadata.get("covers") or ()]
    return found


@pytest.mark.parametrize(("source", "park", "year"), _covered(), ids=lambda value: str(value))
def test_the_draft_of_a_curated_report_passes_check_once_its_marker_is_deleted(tmp_path, capsys, source, park, year):
    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data", data)
    path = data / "years" / park / f"{year}.yaml"
    arguments = ["--data", str(data), "extract", source, "--park", park, "--year", str(year), "--force"]
    assert main(arguments) == 0
    reviewed(path)
    capsys.readouterr()
    assert main(["--data", str(data), "check"]) == 0, capsys.readouterr().err


def test_there_are_curated_reports_to_draft():
    assert len(_covered()) >= 5


def test_every_fixture_report_is_drafted_and_checked_by_test_extract_draft():
    """tests/test_extract_draft.py drafts and checks each case of expected.yaml: every report file must be one."""
    fixtures = PROJECT / "tests" / "fixtures" / "reports"
    cases = yaml.safe_load((fixtures / "expected.yaml").read_text(encoding="utf-8"))
    reports = {p.name for p in fixtures.iterdir() if p.suffix in (".txt", ".html", ".pdf", ".docx")}
    assert reports and reports <= {case["file"] for case in cases}
