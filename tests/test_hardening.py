"""Hostile or unlucky files under data/: each gets one clean problem naming the file, nothing outside is read.

The data folder arrives in pull requests anyone can open; these are the attacks and accidents of issue 13, each
pinned on the mini data folder of tests/conftest.py.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from generator.data.load import load
from tests.conftest import copy_project
from tests.waiting import CEILING

YEAR = "years/demo/2016.yaml"
SHOWN = "data/years/demo/2016.yaml"


def problems_of(data, capsys) -> list[str]:
    """Run `check`; assert exit 1 and no traceback; return the problem lines."""
    status = main(["--data", str(data), "check"])
    err = capsys.readouterr().err
    assert status == 1, err
    assert "Traceback" not in err
    rows = err.splitlines()
    assert rows[-1].endswith("problem(s) found; nothing was written.")
    return rows[:-1]


def check_in_a_process(data) -> tuple[int, str]:
    """`yearbook check` in a process of its own, so a hang fails the test at the ceiling: status and stderr.

    How fast the checker refuses these files is measured by bench/timings.py, not asserted here.
    """
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--data", str(data), "check"],
        capture_output=True,
        text=True,
        timeout=CEILING,
        check=False,
    )
    return result.returncode, result.stderr


def bytes_read() -> int:
    """Bytes this process has read through read calls so far (Linux's /proc/self/io `rchar`)."""
    fields = dict(line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())
    return int(fields["rchar"])


# --- links, FIFOs, devices: nothing outside the project is opened ------------------------------------------------


def test_a_link_out_of_the_project_is_refused_and_never_read(tmp_path, capsys, mini_data):
    secret = tmp_path / "secret.txt"
    secret.write_text("机密:运行器的令牌\n", encoding="utf-8")
    data = mini_data(tmp_path / "project")
    text = data / "sources" / "demo-2016.txt"
    text.unlink()
    text.symlink_to(secret)
    assert problems_of(data, capsys) == [
        f"data/sources/demo-2016.txt:1: (file): expected a regular file, found a link to {secret} (outside the project)"
    ]
    assert load(data).source_texts == {}


@pytest.mark.parametrize("relative", ["parks/demo.yaml", YEAR, "indicators.yaml"])
def test_a_yaml_link_out_of_the_project_is_refused(tmp_path, capsys, mini_data, relative):
    outside = tmp_path / "outside.yaml"
    outside.write_text(mini_data.files[relative], encoding="utf-8")
    data = mini_data(tmp_path / "project")
    (data / relative).unlink()
    (data / relative).symlink_to(outside)
    expected = f"data/{relative}:1: (file): expected a regular file, found a link to {outside} (outside the project)"
    assert expected in problems_of(data, capsys)


def test_a_folder_linked_from_outside_is_refused(tmp_path, capsys, mini_data):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "2017.yaml").write_text(mini_data.files[YEAR].replace("2016", "2017"), encoding="utf-8")
    data = mini_data(tmp_path / "project")
    (data / "years" / "other").symlink_to(outside)
    assert problems_of(data, capsys) == [
        f"data/years/other:1: (file): expected a folder, found a link to {outside} (outside the project)"
    ]


def test_a_link_inside_the_project_is_read(tmp_path, capsys, mini_data):
    data = mini_data(tmp_path)
    archive = tmp_path / "archive"
    archive.mkdir()
    text = data / "sources" / "demo-2016.txt"
    text.rename(archive / "demo-2016.txt")
    text.symlink_to(archive / "demo-2016.txt")
    assert main(["--data", str(data), "check"]) == 0, capsys.readouterr().err


def test_a_fifo_named_like_a_year_file_is_refused_without_waiting(tmp_path, mini_data):
    data = mini_data(tmp_path)
    os.mkfifo(data / "years" / "demo" / "2017.yaml")
    status, err = check_in_a_process(data)  # opening the FIFO to read it would block for ever: no writer
    assert status == 1
    assert (
        err.splitlines()[0] == "data/years/demo/2017.yaml:1: (file): expected a regular file, found a FIFO (named pipe)"
    )
    assert "Traceback" not in err


def test_a_text_linked_to_dev_zero_is_refused_before_reading(tmp_path, mini_data):
    data = mini_data(tmp_path)
    text = data / "sources" / "demo-2016.txt"
    text.unlink()
    text.symlink_to("/dev/zero")
    status, err = check_in_a_process(data)
    assert status == 1
    assert err.splitlines()[0] == (
        "data/sources/demo-2016.txt:1: (file): expected a regular file, found a link to /dev/zero (outside the project)"
    )


@pytest.mark.skipif(not Path("/proc/self/io").exists(), reason="counts the bytes read in /proc/self/io")
def test_a_huge_file_is_measured_not_read(tmp_path, capsys, mini_data):
    data = mini_data(tmp_path)
    assert main(["--data", str(data), "check"]) == 0  # every module the check needs is loaded: they are read too
    text = data / "sources" / "demo-2016.txt"
    os.truncate(text, 20 * 1024**3)  # sparse: 20 GB that reading would take minutes and all the memory
    before = bytes_read()
    assert problems_of(data, capsys) == [
        f"data/sources/demo-2016.txt:1: (file): expected at most 4000000 bytes, found {20 * 1024**3}"
    ]
    assert bytes_read() - before < 1_000_000  # the mini data folder is a few kilobytes; its text alone, gigabytes


def test_a_folder_named_like_a_data_file_is_refused(tmp_path, capsys, mini_data):
    data = mini_data(tmp_path)
    (data / "parks" / "other.yaml").mkdir()
    assert problems_of(data, capsys) == ["data/parks/other.yaml:1: (file): expected a regular file, found a folder"]


# --- every file under data/ is read or reported ------------------------------------------------------------------

NAMES = [
    ("upper-case extension", "years/demo/2014.YAML", "data/years/demo/2014.YAML:1: (file): "
     "expected the extension .yaml, found .YAML"),
    ("stray year file", "years/demo-2015.yaml", "data/years/demo-2015.yaml:1: (file): "
     "expected a folder per park (years/<park>/<year>.yaml), found a regular file"),
    (".yml twin", "parks/demo.yml", "data/parks/demo.yml:1: (file): expected the extension .yaml, found .yml"),
    ("unknown extension", "parks/demo.json", "data/parks/demo.json:1: (file): "
     "expected a park profile named <park>.yaml, found 'demo.json'"),
    ("unknown file among sources", "sources/demo-2016.json", "data/sources/demo-2016.json:1: (file): "
     "expected a report's <source>.yaml, <source>.txt and original (.html, .pdf, .docx), found 'demo-2016.json'"),
    ("upper-case original extension", "sources/demo-2016.PDF", "data/sources/demo-2016.PDF:1: (file): "
     "expected the extension .pdf, found .PDF"),
    ("original without metadata", "sources/other.pdf", "data/sources/other.pdf:1: (file): "
     "expected metadata beside it, found no other.yaml"),
    ("upper-case text extension", "sources/demo-2016.TXT", "data/sources/demo-2016.TXT:1: (file): "
     "expected the extension .txt, found .TXT"),
    ("year file not named by its year", "years/demo/2016-draft.yaml", "data/years/demo/2016-draft.yaml:1: (file): "
     "expected a file named <year>.yaml, found '2016-draft'"),
    ("upper-case park id", "parks/Demo.yaml", "data/parks/Demo.yaml:1: (file): "
     "expected a file name of lower-case letters, digits and '-' (the id), found 'Demo'"),
    ("park id with a trailing newline", "parks/demo\n.yaml", "data/parks/demo\\n.yaml:1: (file): "
     "expected a file name of lower-case letters, digits and '-' (the id), found 'demo\\n'"),
    ("park called index", "parks/index.yaml", "data/parks/index.yaml:1: (file): "
     "expected an id other than 'index' (a page the yearbook makes itself), found 'index'"),
    ("source called index", "sources/index.yaml", "data/sources/index.yaml:1: (file): "
     "expected an id other than 'index' (a page the yearbook makes itself), found 'index'"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "relative", "expected"), NAMES, ids=[case[0] for case in NAMES])
def test_every_file_is_read_or_reported(tmp_path, capsys, mini_data, name, relative, expected):
    content = mini_data.files[YEAR] if relative.startswith("years/") else mini_data.files["parks/demo.yaml"]
    data = mini_data(tmp_path, {relative: content})
    assert expected in problems_of(data, capsys)


def test_a_yml_twin_does_not_replace_its_yaml(tmp_path, capsys, mini_data):
    data = mini_data(tmp_path, {"parks/demo.yml": mini_data.files["parks/demo.yaml"].replace("示范高新区", "冒名")})
    problems_of(data, capsys)
    assert load(data).parks["demo"].data["short_name"] == "示范高新区"


def test_an_indicator_called_index_is_refused(tmp_path, capsys, mini_data):
    entry = "- id: index\n  name: 指数\n  name_en: Index\n  unit: 个\n  kind: stock\n  definition: 一个指数。\n"
    data = mini_data(tmp_path, {"indicators.yaml": mini_data.files["indicators.yaml"] + entry})
    assert problems_of(data, capsys) == [
        "data/indicators.yaml:14: [2].id: expected an id other than 'index' (a page the yearbook makes itself), "
        "found 'index'"
    ]


@pytest.mark.parametrize(
    ("relative", "old", "new", "expected"),
    [
        ("indicators.yaml", "- id: fdi_actual", '- id: "fdi_actual\\n"', "data/indicators.yaml:8: [1].id: "),
        ("parks/demo.yaml", "id: demo", 'id: "demo\\n"', "data/parks/demo.yaml:1: id: "),
    ],
    ids=["indicator", "park"],
)
def test_an_id_with_a_trailing_newline_is_refused(tmp_path, capsys, mini_data, relative, old, new, expected):
    data = mini_data(tmp_path, {relative: mini_data.edited(relative, old, new)})
    assert any(row.startswith(expected + "expected text matching") for row in problems_of(data, capsys))


# --- no input crashes or hangs the checker -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nesting", "line"),
    [
        ("[" * 30_000, 32),
        ("[" * 30_000 + "]" * 30_000, 32),
        ("\n" + " - " * 30_000 + "x", 33),
        ("{a: " * 30_000 + "}" * 30_000, 32),
    ],
    ids=["unclosed brackets", "closed brackets", "block sequences on one line", "flow mappings"],
)
def test_thirty_thousand_levels_are_refused(tmp_path, mini_data, nesting, line):
    data = mini_data(tmp_path, {YEAR: mini_data.files[YEAR] + "note: " + nesting + "\n"})
    status, err = check_in_a_process(data)
    assert status == 1, err
    assert err.startswith(f"{SHOWN}:{line}: (yaml): expected "), err
    assert "Traceback" not in err


def test_deep_indentation_is_refused(tmp_path, mini_data):
    nested = "".join(" " * level + "- \n" for level in range(0, 1400, 2))  # 700 levels in 0.5 MB
    data = mini_data(tmp_path, {YEAR: mini_data.files[YEAR] + "note:\n" + nested})
    status, err = check_in_a_process(data)
    assert status == 1
    assert f"{SHOWN}:" in err and "expected at most 50 levels of nesting, found more" in err, err


@pytest.fixture(scope="module")
def property_data(tmp_path_factory, mini_data):
    """One mini data folder whose year file each example extends."""
    return mini_data(tmp_path_factory.mktemp("property"))


NESTED = st.integers(min_value=1, max_value=5000).flatmap(
    lambda depth: st.sampled_from(["[" * depth + "]" * depth, "- " * depth + "x", "{a: " * depth + "1" + "}" * depth])
)
LONG_LINES = st.integers(min_value=1_000, max_value=100_000).map(lambda size: "填" * size)
HUGE_NUMBERS = st.one_of(
    st.integers(min_value=-(10**400), max_value=10**400).map(str),
    st.sampled_from(["1e400", "-1e400", "1e-400", "0x" + "f" * 300, "9" * 5000 + ".5", "1_000", ".NaN", "-.inf"]),
)
ODD_UNICODE = st.text(
    alphabet=st.characters(
        codec="utf-8", categories=["Cf", "Cc", "Zl", "Zp", "Zs", "Mn", "So", "Co", "Lo"], exclude_characters="\x00"
    ),
    max_size=60,
)


@settings(max_examples=30, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=st.one_of(NESTED, LONG_LINES, HUGE_NUMBERS, ODD_UNICODE), line=st.sampled_from(["summary", "value"]))
def test_no_value_crashes_the_checker(property_data, mini_data, capsys, value, line):
    old = "summary: 示范。" if line == "summary" else "    value: 2145.69"
    text = mini_data.edited(YEAR, old, old.split(":")[0] + ": " + value)
    (property_data / YEAR).write_bytes(text.encode("utf-8", "surrogatepass"))
    assert main(["--data", str(property_data), "check"]) in (0, 1)
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert all(row.startswith(f"{SHOWN}:") for row in err.splitlines()[:-1]), err


# --- data text never becomes Markdown structure, a generator marker or a spreadsheet formula ---------------------


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, mini_data):
    """The mini yearbook with data text that imitates Markdown blocks, the raw-block placeholder and formulas."""
    edits = {
        YEAR: mini_data.edited(YEAR, "summary: 示范。", 'summary: "!!! danger \\"来自数据\\""'),
        "parks/demo.yaml": mini_data.files["parks/demo.yaml"].replace(
            "short_name: 示范高新区", 'short_name: \'=HYPERLINK("http://example.com","示范")\''
        )
        + "description: YB-RAW-BLOCK-0\n",
        "indicators.yaml": mini_data.edited(
            "indicators.yaml", "definition: 报告期内实际到位的外商投资。", "definition: '??? note \"展开\"'"
        ).replace("name: 实际利用外资", "name: '@SUM(1+1)'\n  aliases: [实际利用外资]"),  # the quote names it so,
    }
    root = tmp_path_factory.mktemp("hostile")
    project = copy_project(root / "project", data=mini_data(root, edits))
    assert main(["--data", str(project / "data"), "build"]) == 0
    return project


def test_admonition_syntax_in_data_stays_text(hostile_site):
    year_page = (hostile_site / "site/parks/demo/2016/index.html").read_text("utf-8")
    assert '!!! danger "来自数据"' in html.unescape(year_page)  # as the reader sees it
    assert 'class="admonition' not in year_page
    indicator_page = (hostile_site / "site/indicators/fdi_actual/index.html").read_text("utf-8")
    assert '??? note "展开"' in html.unescape(indicator_page)
    # The one collapsible block is the page's own citation (引用本页); the data's ??? made none.
    assert re.findall(r"<details\b[^>]*>", indicator_page) == ['<details class="yb-cite" data-pagefind-ignore="all">']


def test_the_raw_block_placeholder_in_data_stays_text(hostile_site):
    park_page = (hostile_site / "site/parks/demo/index.html").read_text("utf-8")
    assert "YB-RAW-BLOCK-0" in park_page
    source_page = (hostile_site / "site/sources/demo-2016/index.html").read_text("utf-8")
    assert source_page.count('id="p1"') == 1  # the report's text, one raw block, once


def test_csv_cells_that_spreadsheets_would_run_are_neutralised(hostile_site):
    import csv

    rows = list(csv.DictReader((hostile_site / "site/data/yearbook.csv").open(encoding="utf-8")))
    assert {row["park_name"] for row in rows} == {'\'=HYPERLINK("http://example.com","示范")'}
    assert "'@SUM(1+1)" in {row["indicator_name"] for row in rows}
    assert all(not cell.startswith(("=", "+", "@", "\t", "\r")) for row in rows for cell in row.values())


def test_a_negative_number_stays_a_number_in_the_csv():
    from generator.pages.downloads import csv_text

    text = csv_text([{"park": "demo", "value": -5.2, "change_pct": -3, "quote": "-5.2%", "unit": "=1+1"}])
    row = text.splitlines()[1].split(",")
    assert "-5.2" in row and "-3" in row and "'-5.2%" in row and "'=1+1" in row


def test_a_hand_written_page_linked_out_of_the_project_is_refused(tmp_path, capsys, mini_data):
    secret = tmp_path / "secret.md"
    secret.write_text("# 机密\n", encoding="utf-8")
    project = copy_project(tmp_path / "project", data=mini_data(tmp_path))
    (project / "docs" / "leak.md").symlink_to(secret)
    os.mkfifo(project / "docs" / "pipe.md")
    assert main(["--data", str(project / "data"), "generate"]) == 1
    err = capsys.readouterr().err
    assert err.splitlines() == [
        f"docs/leak.md:1: (file): expected a regular file, found a link to {secret} (outside the project)",
        "docs/pipe.md:1: (file): expected a regular file, found a FIFO (named pipe)",
        "2 problem(s) found; nothing was written.",
    ]
    assert not (project / "docs" / "parks").exists()


def test_a_reports_original_beside_its_text_is_accepted_unread(tmp_path, capsys, mini_data):
    data = mini_data(tmp_path, {"sources/demo-2016.pdf": b"%PDF-1.7 not read by the checker"})
    assert main(["--data", str(data), "check"]) == 0, capsys.readouterr().err
