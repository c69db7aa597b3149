"""Risky or malformed YAML gets one clean `path:line: field: message` and exit 1, never a traceback.

The documents are the mini year file of tests/conftest.py (fixture `mini_data`) with one construct changed;
the line numbers are those of that file (see the table at the top of tests/test_rules.py).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main

YEAR = "years/demo/2016.yaml"
SHOWN = "data/years/demo/2016.yaml"


def check_one_problem(data, capsys) -> str:
    """Run `check`; assert exit 1, no traceback, exactly one problem; return it."""
    status = main(["--data", str(data), "check"])
    err = capsys.readouterr().err
    assert status == 1, err
    assert "Traceback" not in err
    rows = err.splitlines()
    assert rows[-1] == "1 problem(s) found; nothing was written.", rows
    assert len(rows) == 2, rows  # one problem, on one line
    return rows[0]


# (name, old text of the mini year file, new text, the one problem expected)
CASES = [
    ("anchor", "summary: 示范。", "summary: &s 示范。",
     f"{SHOWN}:3: (yaml): expected plain data, found an anchor (&s)"),
    ("alias", "summary: 示范。", "summary: *s",
     f"{SHOWN}:3: (yaml): expected plain data, found an alias (*s)"),
    ("anchor and alias", "    text: 策划生成产业项目96个", "    text: &t 策划生成产业项目96个\n    note: *t",
     f"{SHOWN}:19: (yaml): expected plain data, found an anchor (&t)"),
    ("merge key", "  - theme: 招商引资", "  - <<: {theme: 招商引资}",
     f"{SHOWN}:18: facts[0]: expected plain data, found a merge key (<<)"),
    ("explicit merge tag", "  - theme: 招商引资", "  - !!merge x: {theme: 招商引资}",
     f"{SHOWN}:18: facts[0]: expected plain data, found a merge key (<<)"),
    ("local tag on a scalar", "summary: 示范。", "summary: !note 示范。",
     f"{SHOWN}:3: (yaml): expected plain data, found the local tag !note"),
    ("local tag on a mapping", "  - theme: 招商引资", "  - !entry\n    theme: 招商引资",
     f"{SHOWN}:18: (yaml): expected plain data, found the local tag !entry"),
    ("duplicate key", "summary: 示范。", "summary: 示范。\nsummary: 又一个。",
     f"{SHOWN}:4: summary: expected each key once, found 'summary' again (first on line 3)"),
    ("duplicate key in an entry", "    value: 2145.69\n", "    value: 2145.69\n    value: 2145.69\n",
     f"{SHOWN}:7: indicators[0].value: expected each key once, found 'value' again (first on line 6)"),
    ("complex key", "summary: 示范。", "? [a, b]\n: 示范。",
     f"{SHOWN}:3: (document): expected a plain key, found a complex key"),
    ("syntax error", "summary: 示范。", "summary: [示范",
     f"{SHOWN}:4: (yaml): expected valid YAML, found a syntax error: did not find expected ',' or ']'"
     " (a [ … ] or { … } is not closed on its line, or text in it holds a ',': quote that text)"),
    ("tab indentation", "    value: 2145.69", "\tvalue: 2145.69",
     f"{SHOWN}:6: (yaml): expected valid YAML, found a syntax error: found a tab character that violates indentation"
     " (indent with spaces, never tabs)"),
    ("two documents", "park: demo", "park: demo\n---\npark: demo",
     f"{SHOWN}:3: (yaml): expected one document, found several (---)"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "old", "new", "expected"), CASES, ids=[case[0] for case in CASES])
def test_risky_yaml_is_refused_with_one_clean_problem(tmp_path, capsys, mini_data, name, old, new, expected):
    data = mini_data(tmp_path, {YEAR: mini_data.edited(YEAR, old, new)})
    assert check_one_problem(data, capsys) == expected


# (name, file relative to data/, its whole content, the one problem expected)
WHOLE_FILES = [
    ("empty", YEAR, "", f"{SHOWN}:1: (file): expected data, found an empty file"),
    ("only blank lines", YEAR, "\n  \n\n", f"{SHOWN}:1: (file): expected data, found an empty file"),
    ("only a comment", YEAR, "# 待补充\n", f"{SHOWN}:1: (file): expected data, found an empty file"),
    ("a list, not a mapping", YEAR, "- park: demo\n- year: 2016\n",
     f"{SHOWN}:1: (document): expected a mapping, found a list"),
    ("a scalar, not a mapping", YEAR, "示范\n", f"{SHOWN}:1: (document): expected a mapping, found '示范'"),
    ("null, not a mapping", YEAR, "~\n", f"{SHOWN}:1: (document): expected a mapping, found null"),
    ("park profile is a list", "parks/demo.yaml", "- id: demo\n",
     "data/parks/demo.yaml:1: (document): expected a mapping, found a list"),
    ("source metadata is a scalar", "sources/demo-2016.yaml", "demo-2016\n",
     "data/sources/demo-2016.yaml:1: (document): expected a mapping, found 'demo-2016'"),
    ("catalogue is a mapping, not a list", "indicators.yaml", "id: fdi_actual\n",
     "data/indicators.yaml:1: (document): expected a list, found a mapping"),
    ("catalogue is empty", "indicators.yaml", "", "data/indicators.yaml:1: (file): expected data, found an empty file"),
    ("archived text is empty", "sources/demo-2016.txt", "\n",
     "data/sources/demo-2016.txt:1: (file): expected the archived text, found an empty file"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "relative", "content", "expected"), WHOLE_FILES, ids=[case[0] for case in WHOLE_FILES]
)
def test_empty_or_non_mapping_files(tmp_path, capsys, mini_data, name, relative, content, expected):
    data = mini_data(tmp_path, {relative: content})
    status = main(["--data", str(data), "check"])
    err = capsys.readouterr().err
    assert status == 1
    assert "Traceback" not in err
    problems = err.splitlines()[:-1]
    # A broken profile also leaves the files that refer to it unresolved; the file itself gets one problem.
    assert [row for row in problems if row.startswith(f"data/{relative}:")] == [expected]
    if relative == YEAR:
        assert problems == [expected]


# GBK text: "示" is CA BE, which UTF-8 reads as one character; the first byte UTF-8 refuses is B7 of "范".
@pytest.mark.parametrize(
    ("relative", "line", "byte"),
    [(YEAR, 3, 0xB7), ("parks/demo.yaml", 2, 0xB7), ("sources/demo-2016.txt", 1, 0xB9)],
    ids=["year", "park", "archived text"],
)
def test_non_utf8_file(tmp_path, capsys, mini_data, relative, line, byte):
    data = mini_data(tmp_path, {relative: mini_data.files[relative].encode("gbk")})
    status = main(["--data", str(data), "check"])
    err = capsys.readouterr().err
    assert status == 1
    assert "Traceback" not in err
    expected = f"data/{relative}:{line}: (file): expected UTF-8 text, found byte 0x{byte:02x}"
    assert [row for row in err.splitlines() if row.startswith(f"data/{relative}:")] == [expected]


def test_over_one_megabyte(tmp_path, capsys, mini_data):
    text = mini_data.files[YEAR] + "# " + "填" * 400_000 + "\n"  # 3 bytes a character in UTF-8
    size = len(text.encode("utf-8"))
    assert size > 1_000_000
    data = mini_data(tmp_path, {YEAR: text})
    assert check_one_problem(data, capsys) == f"{SHOWN}:1: (file): expected at most 1000000 bytes, found {size}"


def test_just_under_one_megabyte_is_read(tmp_path, capsys, mini_data):
    text = mini_data.files[YEAR]
    text += "#" * (1_000_000 - len(text.encode("utf-8")) - 1) + "\n"
    assert len(text.encode("utf-8")) == 1_000_000
    assert main(["--data", str(mini_data(tmp_path, {YEAR: text})), "check"]) == 0, capsys.readouterr().err


@pytest.mark.parametrize(
    "text",
    [
        "\ufeff" + "{year}",  # a byte-order mark, as Windows editors write
        "%YAML 1.1\n---\n{year}",  # an explicit document start
        "{year}...\n",  # an explicit document end
        "{year}".replace("\n", "\r\n"),  # Windows line ends
    ],
    ids=["BOM", "document start", "document end", "CRLF"],
)
def test_harmless_yaml_variants_are_read(tmp_path, capsys, mini_data, text):
    data = mini_data(tmp_path, {YEAR: text.replace("{year}", mini_data.files[YEAR])})
    assert main(["--data", str(data), "check"]) == 0, capsys.readouterr().err


def test_python_tags_are_never_executed(tmp_path, capsys, mini_data):
    marker = tmp_path / "executed"
    year = mini_data.edited(
        YEAR,
        "summary: 示范。",
        f'summary: 示范。\nsources: !!python/object/apply:os.system ["touch {marker}"]\n'
        f"note: !!python/object/apply:subprocess.call [[touch, {marker}]]",
    )
    assert main(["--data", str(mini_data(tmp_path, {YEAR: year})), "check"]) in (0, 1)
    assert "Traceback" not in capsys.readouterr().err
    assert not marker.exists()


def test_python_tag_on_a_scalar_is_refused(tmp_path, capsys, mini_data):
    year = mini_data.edited(YEAR, "summary: 示范。", "summary: !!python/name:os.system 示范。")
    assert main(["--data", str(mini_data(tmp_path, {YEAR: year})), "check"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.startswith(f"{SHOWN}:")
    assert "python/name:os.system" in err


# --- inputs that once crashed the checker or gave an unclear line -------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new"),
    [("summary: 示范。", "summary: !!python/object:os.system 示范。"), ("summary: 示范。", "summary: 示范。\n=: 示范")],
    ids=["python tag", "value key"],
)
def test_constructor_errors_give_their_line_on_one_line(tmp_path, capsys, mini_data, old, new):
    data = mini_data(tmp_path, {YEAR: mini_data.edited(YEAR, old, new)})
    assert re.match(rf"^{re.escape(SHOWN)}:[34]: \S+: expected ", check_one_problem(data, capsys))


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("facts:\n", "facts: !!python/object/apply:os.system\n"),
        ("  - theme: 招商引资", "  - !!python/object:generator.data.model.Park\n    theme: 招商引资"),
    ],
    ids=["on a list", "on a mapping"],
)
def test_python_tags_on_collections_are_refused(tmp_path, capsys, mini_data, old, new):
    data = mini_data(tmp_path, {YEAR: mini_data.edited(YEAR, old, new)})
    assert "python/object" in check_one_problem(data, capsys)


CRASHES = [
    # PyYAML's SafeConstructor raises KeyError/IndexError on these; yamlsafe.read_yaml does not catch them.
    ("empty !!bool", "year: 2016", "year: !!bool", 2),
    ("bad !!bool", "year: 2016", "year: !!bool 二〇一六", 2),
    ("empty !!int", "year: 2016", "year: !!int", 2),
    ("empty !!float", "year: 2016", "year: !!float", 2),
    # An int key among text keys once broke the sorting of field names (tests/test_editor_errors.py: both named).
    ("int unknown key", "summary: 示范。", "summary: 示范。\n1: 一", 4),
    # .nan/.inf are YAML floats that JSON Schema takes as numbers; numbers.find_figure raises InvalidOperation.
    ("value .nan", "value: 2145.69", "value: .nan", 6),
    ("value .inf", "value: 2145.69", "value: .inf", 6),
    # yamlsafe._build recurses once per level: 1000 nested lists (2 KB) exceed Python's recursion limit.
    ("deep nesting", "summary: 示范。", "summary: " + "[" * 1000 + "]" * 1000, 3),
]


@pytest.mark.parametrize(("name", "old", "new", "line"), CRASHES, ids=[case[0] for case in CRASHES])
def test_inputs_that_crash_the_checker(tmp_path, capsys, mini_data, name, old, new, line):
    data = mini_data(tmp_path, {YEAR: mini_data.edited(YEAR, old, new)})
    assert check_one_problem(data, capsys).startswith(f"{SHOWN}:{line}: ")


@pytest.mark.parametrize(
    ("old", "new", "line"),
    [
        ("park: demo", 'park: "示\\n范"', 1),
        ("summary: 示范。", '"sum\\nmary": 示范。', 3),
        ("summary: 示范。", "summary: 示\x1d范。", 3),
    ],
    ids=["line break in a value", "line break in a key", "control character"],
)
def test_a_problem_is_one_line(tmp_path, capsys, mini_data, old, new, line):
    data = mini_data(tmp_path, {YEAR: mini_data.edited(YEAR, old, new)})
    assert check_one_problem(data, capsys).startswith(f"{SHOWN}:{line}: ")


# --- property: whatever an editor saves as a year file, the checker answers 0 or 1 and never raises ------------


@pytest.fixture(scope="module")
def fuzz_data(tmp_path_factory, mini_data):
    """One mini data folder whose year file each example overwrites."""
    return mini_data(tmp_path_factory.mktemp("fuzz"))


YAMLISH = st.text(alphabet=st.sampled_from(list("ab:-  \n\n\t[]{}&*!|>'\"#,?%@`019.年\u3000")), max_size=120)
LINES = st.lists(
    st.sampled_from(
        [
            "park: demo",
            "year: 2016",
            "summary: 示范。",
            "indicators:",
            "  - id: fdi_actual",
            "    value: 3.65",
            "    unit: 亿美元",
            "    source: demo-2016",
            "    quote: 实际利用外资约3.65亿美元",
            "    qualifier: 约",
            "facts: []",
            "targets: ~",
            "- ",
            "  ",
            "# comment",
            "---",
            "...",
            "&a x",
            "*a",
            "? x",
            "'a",
            '"\\u00e9"',
            "|",
        ]
    ),
    max_size=12,
).map("\n".join)


@settings(
    max_examples=200, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(document=st.one_of(YAMLISH, LINES, st.text(max_size=80), st.binary(max_size=80)))
def test_any_year_file_gives_exit_0_or_1_and_never_raises(fuzz_data, capsys, document):
    path = fuzz_data / YEAR
    if isinstance(document, bytes):
        path.write_bytes(document)
    else:
        path.write_bytes(document.encode("utf-8", "surrogatepass"))
    assert main(["--data", str(fuzz_data), "check"]) in (0, 1)
    err = capsys.readouterr().err
    assert "Traceback" not in err


def test_a_word_with_an_ampersand_is_read_by_the_fast_parser():
    """R&D inside a quote opens no anchor, so the file needs no full check; a & * or ! that may open a node (after a
    space, a line's start or a bracket) still sends it there, where anchors, aliases and tags are refused."""
    from generator.data.yamlsafe import _needs_full_check

    assert not _needs_full_check("quote: R&D经费支出占地区生产总值比重3.2%\nnote: 好!\n")
    for text in ("summary: &s 示范。", "summary: *s", "a: [&x 1]", "a: {b: *x}", "a:\n  - !t x", "&a x", "a:\t!t x"):
        assert _needs_full_check(text), text
