"""Stage 7, draft, end to end: every report fixture archived with add-source, drafted, checked and scored."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.editor.extract.score import expected_files
from tests.conftest import PROJECT
from tests.extract_helpers import FIXTURES
from tests.test_editor_tools import reviewed

CASES = [case for path in expected_files(FIXTURES) for case in yaml.safe_load(path.read_text(encoding="utf-8"))]
# What the checker cannot prove yet, by fixture file (each an expected failure until it can): none today.
CHECKER_CANNOT_YET: dict[str, str] = {}


def _archive(tmp_path: Path, case: dict) -> tuple[Path, str]:
    data = tmp_path / "data"
    for folder in ("parks", "sources", "years"):
        (data / folder).mkdir(parents=True)
    (data / "indicators.yaml").write_bytes((PROJECT / "data" / "indicators.yaml").read_bytes())
    park = case["park"]
    names = {
        "--name": f"{park}高新技术产业开发区",
        "--short-name": f"{park}高新区",
        "--name-en": f"{park} Hi-tech Zone",
    }
    places = {"--province": "某省", "--city": "某市", "--region": "中部"}
    new_park = ["new", "park", park, *[part for pair in {**names, **places}.items() for part in pair]]
    assert main(["--data", str(data), *new_park]) == 0
    source = re.sub(r"[^a-z0-9]+", "-", f"{park}-{case['year']}-{Path(case['file']).stem}").strip("-")
    add = ["add-source", str(FIXTURES / case["file"]), "--id", source, "--park", park, "--title", case["style"],
           "--publisher", "某高新区管委会"]  # fmt: skip
    assert main(["--data", str(data), *add]) == 0
    with (data / "sources" / f"{source}.yaml").open("a", encoding="utf-8") as metadata:
        metadata.write(f"covers: [{case['year']}, {case['year'] + 1}]\n")  # as the editor fills it in
    return data, source


def _param(case: dict):
    why = CHECKER_CANNOT_YET.get(case["file"])
    marks = [pytest.mark.xfail(reason=f"the checker does not prove {why} yet", strict=False)] if why else []
    return pytest.param(case, marks=marks, id=f"{case['file']}-{case['year']}")


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_a_draft_of_every_style_fails_check_as_a_draft_and_passes_once_reviewed(tmp_path, capsys, case):
    data, source = _archive(tmp_path, case)
    year = str(case["year"])
    assert main(["--data", str(data), "extract", source, "--park", case["park"], "--year", year]) == 0
    path = data / "years" / case["park"] / f"{year}.yaml"
    capsys.readouterr()
    assert main(["--data", str(data), "check"]) == 1
    problems = capsys.readouterr().err.strip().splitlines()[:-1]
    assert len(problems) == 1 and "draft: expected a reviewed file" in problems[0], problems
    reviewed(path)
    assert main(["--data", str(data), "check"]) == 0, capsys.readouterr().err


# The aims, on the fixtures the rules were written against; held-out fixtures are measured and printed, not aimed at.
MIN_PRECISION, MIN_RECALL = 95, 90


def _score(folder: Path, *options: str) -> int:
    return main(["--data", str(PROJECT / "data"), "score-extraction", "--fixtures", str(folder), *options])


def test_score_on_the_fixtures_reaches_the_aims_in_precision_and_recall(capsys):
    aims = ["--min-precision", str(MIN_PRECISION), "--min-recall", str(MIN_RECALL)]
    status = _score(FIXTURES, *aims)
    lines = capsys.readouterr().out.splitlines()
    written, held_out = lines[-2], lines[-1]
    print(written, held_out, sep="\n")  # the held-out score is reported, whatever it is (pytest -s shows it)
    assert status == 0, "\n".join(lines)
    found = re.search(r"^written against \((\d+) reports\): precision ([\d.]+)% .* recall ([\d.]+)%", written)
    assert found, written
    reports, precision, recall = int(found[1]), float(found[2]), float(found[3])
    assert reports == sum(not case.get("held_out") for case in CASES)
    assert precision >= MIN_PRECISION and recall >= MIN_RECALL
    assert "parts drafted as the year 0," in written and "earlier results drafted as targets 0" in written
    right, expected = map(int, re.search(r"with 同比 and hedge right [\d.]+% \((\d+)/(\d+)\)", written).groups())
    assert right >= 0.8 * expected
    held = sum(bool(case.get("held_out")) for case in CASES)
    assert held_out.startswith(f"held out ({held} reports): precision " if held else "held out: no report")
    assert len(lines) == len(CASES) + 2 + sum("!" in line or "同比 or" in line for line in lines)


# A made-up report: two figures a careful editor drafts from it.
REPORT = "2024年,示范高新区实现营业收入1000亿元,同比增长10%;规模以上工业总产值500亿元。\n"
FIGURES = (
    "    - {id: operating_revenue, value: 1000, unit: 亿元, change_pct: 10}\n"
    "    - {id: industrial_output_above_scale, value: 500, unit: 亿元}\n"
)
# The same report with figures the extractor does not draft (written by hand: neither is in the text).
MISSED = "    - {id: gdp, value: 321, unit: 亿元}\n    - {id: tax_revenue, value: 12, unit: 亿元}\n"


def _fixtures(folder: Path, cases: list[tuple[str, bool]]) -> Path:
    """A fixtures folder of the made-up report, one case per (expected figures, held out)."""
    folder.mkdir()
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    entries = [
        "- file: report.txt\n  park: demo\n  year: 2024\n" + ("  held_out: true\n" if held else "")
        + f"  figures:\n{figures}"
        for figures, held in cases
    ]  # fmt: skip
    (folder / "expected.yaml").write_text("".join(entries), encoding="utf-8")
    return folder


def test_held_out_fixtures_are_reported_apart_and_the_aims_hold_on_the_others(tmp_path, capsys):
    folder = _fixtures(tmp_path / "fixtures", [(FIGURES, False), (MISSED, True)])
    assert _score(folder, "--min-precision", "100", "--min-recall", "100") == 0, capsys.readouterr()
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("report.txt (2024): precision 100% (2/2), recall 100% (2/2)")
    assert lines[1].startswith("report.txt (2024, held out): precision 0% (0/2), recall 0% (0/2)")
    assert lines[-2].startswith("written against (1 reports): precision 100.0% (2/2), recall 100.0% (2/2)")
    assert lines[-1].startswith("held out (1 reports): precision 0.0% (0/2), recall 0.0% (0/2)")


def test_the_aims_fail_on_written_against_fixtures_below_them(tmp_path, capsys):
    folder = _fixtures(tmp_path / "fixtures", [(FIGURES, True), (MISSED, False)])
    assert _score(folder, "--min-precision", "50") == 1
    assert capsys.readouterr().err.strip() == (
        "score: expected precision ≥ 50.0% and recall ≥ 0.0% on the written-against fixtures, found 0.0% and 0.0%"
    )
    assert _score(folder, "--min-recall", "50") == 1


def test_a_held_out_flag_that_is_not_true_or_false_is_refused(tmp_path, capsys):
    folder = _fixtures(tmp_path / "fixtures", [(FIGURES, False)])
    expected = folder / "expected.yaml"
    expected.write_text(
        expected.read_text(encoding="utf-8").replace("  year: 2024\n", "  year: 2024\n  held_out: yes please\n"),
        "utf-8",
    )
    assert _score(folder) == 1
    out, err = capsys.readouterr()
    assert f"  ! {expected.as_posix()}:4: [0].held_out: expected true or false, found 'yes please'" in out.splitlines()
    assert "Traceback" not in err


def test_score_refuses_a_folder_without_expectations(tmp_path, capsys):
    assert main(["--data", str(PROJECT / "data"), "score-extraction", "--fixtures", str(tmp_path)]) == 1
    assert "--fixtures: expected a folder with expected.yaml" in capsys.readouterr().err
