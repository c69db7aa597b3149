"""Unsafe or malformed YAML gets one clean `path:line:` error and exit 1, never a traceback."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.cli import main
from tests.test_rules import YEAR, make_data

YEAR_PATH = "data/years/demo/2016.yaml"
CASES = [
    ("anchor", YEAR.replace("summary: 示范。", "summary: &s 示范。"), 3, "expected plain data, found an anchor (&s)"),
    # An alias needs an anchor, and the anchor is refused first, where it stands.
    ("alias", YEAR.replace("summary: 示范。", "summary: &s 示范。\nnote: *s"), 3, "expected plain data, found an"),
    ("merge key", YEAR.replace("facts:\n  - theme: 招商引资", "facts:\n  - <<: {theme: 招商引资}"), 18, "merge key"),
    ("local tag", YEAR.replace("summary: 示范。", "summary: !note 示范。"), 3, "found the local tag !note"),
    ("python tag", YEAR.replace("summary: 示范。", "summary: !!python/name:os.system 示范。"), 1, "expected plain"),
    ("duplicate key", YEAR.replace("summary: 示范。", "summary: 示范。\nsummary: 又一个。"), 4,
     "expected each key once, found 'summary' again (first on line 3)"),
    ("syntax error", YEAR.replace("summary: 示范。", "summary: [示范"), 4, "expected valid YAML, found a syntax error"),
    ("empty file", "", 1, "expected data, found an empty file"),
    ("a list, not a mapping", "- park: demo\n- year: 2016\n", 1, "(document): expected a mapping, found a list"),
    ("a scalar, not a mapping", "示范\n", 1, "(document): expected a mapping, found '示范'"),
    ("two documents", YEAR + "---\npark: demo\n", 33, "expected one document, found several"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text", "line", "message"), CASES, ids=[c[0] for c in CASES])
def test_unsafe_yaml_is_refused_cleanly(tmp_path, capsys, name, text, line, message):
    data = make_data(tmp_path, years__demo__2016_yaml=text)
    assert main(["--data", str(data), "check"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    problems = [row for row in err.splitlines() if row.startswith(YEAR_PATH)]
    assert len(problems) == 1, err
    assert problems[0].startswith(f"{YEAR_PATH}:{line}: "), problems
    assert message in problems[0]


def test_non_utf8_file(tmp_path, capsys):
    data = make_data(tmp_path)
    (data / "years/demo/2016.yaml").write_bytes("park: demo\nsummary: 示范\n".encode("gbk"))
    assert main(["--data", str(data), "check"]) == 1
    assert f"{YEAR_PATH}:2: (file): expected UTF-8 text, found byte 0x" in capsys.readouterr().err


def test_over_one_megabyte(tmp_path, capsys):
    data = make_data(tmp_path)
    (data / "years/demo/2016.yaml").write_text(YEAR + "# " + "x" * 1_000_001 + "\n", encoding="utf-8")
    assert main(["--data", str(data), "check"]) == 1
    assert f"{YEAR_PATH}:1: (file): expected at most 1000000 bytes, found" in capsys.readouterr().err


YAMLISH = st.text(alphabet=st.sampled_from(list("abc:- \n\t[]{}&*!|>'\"#,?%@`0129.年")), max_size=120)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.one_of(YAMLISH, st.text(max_size=80)), raw=st.binary(max_size=40))
def test_arbitrary_documents_give_only_clean_errors(tmp_path_factory, capsys, text, raw):
    root = tmp_path_factory.mktemp("fuzz")
    data = make_data(root, years__demo__2016_yaml=text)
    assert main(["--data", str(data), "check"]) in (0, 1)
    (data / "years/demo/2016.yaml").write_bytes(raw)
    assert main(["--data", str(data), "check"]) in (0, 1)
    assert "Traceback" not in capsys.readouterr().err
