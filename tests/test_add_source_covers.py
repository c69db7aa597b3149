"""The editor's flow without a wrong turn: add-source --covers fills covers; extract says when covers lacks the year."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.test_editor_tools import PARK, PARK_ARGS, REPORT, SOURCE, _data, _run, extract_notes, reviewed


def _add(tmp_path: Path, *extra: str, dated: bool = True) -> Path:
    data = _data(tmp_path)
    assert _run(data, *PARK_ARGS) == 0
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    add = ["add-source", str(path), "--id", SOURCE, "--park", PARK, "--title", "测试高新区2023年工作总结",
           "--publisher", "测试高新区管委会", *(("--published", "2024-01-20") if dated else ()), *extra]  # fmt: skip
    assert _run(data, *add) == 0
    return data


def test_add_source_covers_writes_the_years_and_the_draft_passes_check(tmp_path, capsys):
    data = _add(tmp_path, "--covers", "2024", "2023")
    text = (data / "sources" / f"{SOURCE}.yaml").read_text(encoding="utf-8")
    assert "covers: [2023, 2024]  # years whose results or plans it describes" in text
    assert "# covers:" not in text  # the placeholder only where no --covers was given
    assert yaml.safe_load(text)["covers"] == [2023, 2024]
    capsys.readouterr()
    assert _run(data, "extract", SOURCE, "--park", PARK, "--year", "2023") == 0
    assert "covers lists" not in capsys.readouterr().err
    reviewed(data / "years" / PARK / "2023.yaml")
    assert _run(data, "check") == 0, capsys.readouterr().err


def test_add_source_refuses_a_year_out_of_range(tmp_path, capsys):
    data = _data(tmp_path)
    assert _run(data, *PARK_ARGS) == 0
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")
    add = ["add-source", str(path), "--id", SOURCE, "--park", PARK, "--title", "t", "--covers", "23"]
    assert _run(data, *add) == 1
    assert "--covers: expected a year from 1988 to 2100, found 23" in capsys.readouterr().err


def test_extract_says_when_the_source_does_not_cover_the_year(tmp_path, capsys):
    data = _add(tmp_path)
    text = (data / "sources" / f"{SOURCE}.yaml").read_text(encoding="utf-8")
    assert "# covers: [2016, 2017]" in text
    capsys.readouterr()
    assert _run(data, "extract", SOURCE, "--park", PARK, "--year", "2023") == 0
    error = capsys.readouterr().err
    assert f"note: data/sources/{SOURCE}.yaml covers lists no year, not 2023: add 2023 to its covers" in error


def test_add_source_dates_a_page_with_no_date_by_its_address_and_says_so(tmp_path, capsys):
    data = _add(tmp_path, "--url", "https://news.example.cn/2024/01/22/4712929.html", dated=False)
    source = yaml.safe_load((data / "sources" / f"{SOURCE}.yaml").read_text(encoding="utf-8"))
    assert str(source["published"]) == "2024-01-22"
    assert "note: published '2024-01-22' taken from the page's address; check it" in capsys.readouterr().out


def test_add_source_names_the_address_when_its_date_differs_from_the_one_given(tmp_path, capsys):
    # The page has no date line: the date it offers comes from its address, and the note says so (it had said the
    # page's metadata block, which the page does not have).
    _add(tmp_path, "--url", "https://news.example.cn/2024/01/22/4712929.html")
    out = capsys.readouterr().out
    assert "note: the page's address gives published '2024-01-22', you gave '2024-01-20'" in out
    assert "metadata block" not in out
    assert "note: kind 'work-report' (the default); a news story or a repost of one is --kind press" in out


def test_add_source_says_nothing_of_the_kind_given(tmp_path, capsys):
    data = _add(tmp_path, "--kind", "press")
    assert "note: kind" not in capsys.readouterr().out
    assert yaml.safe_load((data / "sources" / f"{SOURCE}.yaml").read_text(encoding="utf-8"))["kind"] == "press"


def test_extract_tells_the_editor_when_the_report_makes_a_district_the_park(tmp_path, capsys):
    def extracted(report: str) -> str:
        return extract_notes(tmp_path / str(len(list(tmp_path.iterdir()))), capsys, report, 2023)  # a project each

    tied = extracted("2023年,测试高新区(新吴区)全区实现地区生产总值2645.28亿元。\n")
    assert "note: the report tells 新吴区 as the park itself" in tied
    whole = extracted("2023年,测试高新区全区实现地区生产总值2645.28亿元,同比增长5%。\n")
    assert "tells" not in whole and "mid-sentence" not in whole
    # A text the archive cut mid-sentence: what the draft takes from its last clause may be cut short.
    cut = extracted("2023年,测试高新区全区实现地区生产总值2645.28亿元,形成20项制")
    assert "note: the text stops mid-sentence (…" in cut
