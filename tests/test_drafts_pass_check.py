"""A draft passes check by construction: for every curated report and every year it covers, the draft with only
`draft: true` deleted passes `yearbook check` (the fixture reports: tests/test_extract_draft.py)."""

from __future__ import annotations

import shutil

import pytest
import yaml

from generator.cli import main
from generator.editor.extract.score import expected_files
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
    """tests/test_extract_draft.py drafts and checks each case of the expected files: every report file must be one."""
    fixtures = PROJECT / "tests" / "fixtures" / "reports"
    cases = [case for path in expected_files(fixtures) for case in yaml.safe_load(path.read_text(encoding="utf-8"))]
    reports = {p.name for p in fixtures.iterdir() if p.suffix in (".txt", ".html", ".pdf", ".docx")}
    assert reports and reports <= {case["file"] for case in cases}


def test_what_the_checker_refuses_is_left_out_of_a_draft_and_noted():
    from generator.editor.extract.draft import _Proof
    from tests.extract_helpers import catalogue

    text = "2024年,全区实现营业收入1200亿元,同比增长10%;新增企业36家。"
    proof = _Proof(text, "s", "p", 2024, catalogue())
    right = {"id": "operating_revenue", "value": 1200, "unit": "亿元", "change_pct": 10, "source": "s",
             "quote": "全区实现营业收入1200亿元,同比增长10%"}  # fmt: skip
    assert proof.passes("indicators", right) and proof.withheld == []
    assert not proof.passes("indicators", {**right, "change_pct": -10})
    assert proof.withheld and "change_pct: expected 10%" in proof.withheld[0]
    wrong_growth = {**right, "change_pct": 1, "change_qualifier": "约"}
    assert proof.indicator(wrong_growth) == {k: v for k, v in right.items() if k != "change_pct"}  # the amount stands
    assert proof.indicator({**right, "value": 1300}) is None
    fact = {"theme": "企业", "text": "新增企业36家", "source": "s", "quote": "新增企业36家",
            "figures": [{"value": 36, "unit": "家"}, {"value": 37, "unit": "家"}]}  # fmt: skip
    noted = len(proof.withheld)
    assert proof.fact(fact)["figures"] == [{"value": 36, "unit": "家"}]  # the figure it refuses goes …
    assert len(proof.withheld) == noted + 1 and "facts[0].figures[1]" in proof.withheld[-1]  # … and is noted
    assert proof.fact({**fact, "figures": [{"value": 37, "unit": "家"}]}) is None
    assert len(proof.withheld) == noted + 2


def test_a_share_or_total_told_after_a_figure_is_drafted_with_it_not_alone():
    from generator.editor.extract.draft import extract
    from tests.extract_helpers import catalogue

    text = "2016年,高新区全年申请专利1.4万件,约占全市50%;培育孵化器12家,累计达到86家,居全省第一。"
    facts = extract(text, "s", catalogue(), "p", 2016, ("某高新技术产业开发区",)).data["facts"]
    quotes = [fact["quote"] for fact in facts]
    # The share after an indicator's figure shows what it is a share of; the total joins the count it follows.
    assert "高新区全年申请专利1.4万件,约占全市50%" in quotes and "约占全市50%" not in quotes
    assert "培育孵化器12家,累计达到86家" in quotes and "累计达到86家" not in quotes
    share = next(fact for fact in facts if fact["quote"].endswith("约占全市50%"))
    assert share["figures"] == [{"value": 50, "unit": "%", "qualifier": "约"}]
