"""One run of `yearbook check` shows every problem, and each problem says how to fix it.

Starts from the valid mini data folder of tests/conftest.py; see tests/test_rules.py for its line numbers.
"""

from __future__ import annotations

import pytest

from generator.data.model import Source, paragraphs_of
from generator.data.quote_diff import describe_difference
from generator.data.suggest import did_you_mean, nearest
from generator.data.yaml_hints import syntax_hint
from tests.conftest import MINI_YEAR
from tests.test_rules import YEAR_PATH, run_check

SHOWN = f"data/{YEAR_PATH}"


def _problems(tmp_path, capsys, mini_data, edits: list[tuple[str, str]], relative: str = YEAR_PATH) -> list[str]:
    text = mini_data.files[relative]
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    status, problems, _ = run_check(mini_data(tmp_path, {relative: text}), capsys)
    assert status == 1
    return problems


def test_schema_problems_and_rule_problems_of_every_file_in_one_run(tmp_path, capsys, mini_data):
    problems = _problems(
        tmp_path,
        capsys,
        mini_data,
        [
            ("    change_pct: 8\n", "    change_pct: 八\n"),  # schema: indicators[0]
            ("value: 3.65", "value: 3.66"),  # rule: indicators[1]'s number is not in its quote
            ("策划项目", ""),  # schema: targets[0].text is empty
            # rule: facts[0]'s quote is not in the report
            ("quote: 全年共策划生成96个产业项目\ntargets", "quote: 全年共策划生成69个产业项目\ntargets"),
        ],
    )
    assert [row.split(": expected")[0] for row in problems] == [
        f"{SHOWN}:8: indicators[0].change_pct",
        f"{SHOWN}:12: indicators[1].value",
        f"{SHOWN}:22: facts[0].quote",
        f"{SHOWN}:26: targets[0].text",
    ]


def test_every_unknown_field_of_an_entry_is_reported_with_what_to_do(tmp_path, capsys, mini_data):
    # A target pasted under facts: its target fields are named, each with the list they belong to.
    problems = _problems(
        tmp_path,
        capsys,
        mini_data,
        [
            (
                "  - theme: 招商引资\n",
                "  - theme: 招商引资\n    for_year: 2017\n    comparator: '>='\n    chang_pct: 1\n",
            )
        ],
    )
    fields = "figures, note, period, quote, scope, source, text, theme"
    assert problems == [
        f"{SHOWN}:19: facts[0].for_year: expected one of the fields {fields}, found 'for_year' "
        "(a field of targets entries: does this entry belong under targets?)",
        f"{SHOWN}:20: facts[0].comparator: expected one of the fields {fields}, found 'comparator' "
        "(a field of targets entries: does this entry belong under targets?)",
        f"{SHOWN}:21: facts[0].chang_pct: expected one of the fields {fields}, found 'chang_pct'",
    ]


def test_two_unknown_keys_of_different_types_are_both_named(tmp_path, capsys, mini_data):
    problems = _problems(tmp_path, capsys, mini_data, [("summary: 示范。", "summary: 示范。\n1: 一\nnote: 二")])
    assert [row.split(": expected")[0] for row in problems] == [f"{SHOWN}:4: [1]", f"{SHOWN}:5: note"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("comparator: \">=\"", "comparator: ≥", "targets[0].comparator: expected one of '>=', '<=', '~', '=', "
         "found '≥' (did you mean '>='?)"),
        ("  - id: fdi_actual", "  - id: FDI_Actual", "indicators[1].id: expected text matching ^[a-z0-9_]+$, "
         "found 'FDI_Actual' (did you mean 'fdi_actual'?)"),
        ("  - id: fdi_actual", "  - id: fdi_actul", "indicators[1].id: expected an indicator id of "
         "data/indicators.yaml, found 'fdi_actul' (did you mean 'fdi_actual'?)"),
        ("indicator: null", "indicator: fdi-actual", "targets[0].indicator: expected text matching ^[a-z0-9_]+$, "
         "found 'fdi-actual' (did you mean 'fdi_actual'?)"),
        ("park: demo", "park: dmeo", "park: expected 'demo' (the folder name), found 'dmeo' (did you mean 'demo'?)"),
        ("    qualifier: 约", "    qualifier: 大约", "indicators[1].qualifier: expected one of '约', '近', "),
    ],
)  # fmt: skip
def test_a_misspelt_value_gets_the_nearest_right_one(tmp_path, capsys, mini_data, old, new, expected):
    problems = _problems(tmp_path, capsys, mini_data, [(old, new)])
    assert any(row.split(": ", 1)[1].startswith(expected) for row in problems), problems


def test_no_suggestion_where_nothing_is_close():
    assert did_you_mean("employment", ["gdp", "fdi_actual"]) == ""
    assert nearest("GDP", ["gdp", "fdi_actual"]) == "gdp"
    assert nearest("change-pct", ["change_pct", "value"]) == "change_pct"


REPORT = Source(
    id="r",
    title="t",
    publisher="p",
    kind="work-report",
    published=None,
    park="demo",
    paragraphs=paragraphs_of("前言。\n\n全区完成生产总值215亿元，同比增长10.1%;财政总收入17.99亿元。\n\n结语。\n"),
)


def test_a_quote_one_character_off_shows_the_passage_and_the_difference():
    assert describe_difference("全区完成生产总值215亿元,同比增长10.1%", REPORT) == (
        "; nearest passage (¶2): '全区完成生产总值215亿元，同比增长10.1%;财政总'; first difference after "
        "'全区完成生产总值215亿元': the report has '，' (U+FF0C fullwidth comma), the quote ',' (U+002C comma)"
    )
    assert describe_difference("全区完成生产总额215亿元", REPORT).endswith(
        "first difference after '全区完成生产总': the report has '值', the quote '额'"
    )
    assert describe_difference("区委召开全会", REPORT) == (
        "; no passage of the report is close to it (copy the quote from the report)"
    )


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("park: demo\nquote: 总产值: 215亿元\n", "a ': ' inside unquoted text reads as a new field"),
        ("park demo\nyear: 2016\n", "a field name needs ': ' after it"),
        ('park: demo\nquote: "规上工业" 增长\n', "text goes on after its closing quote"),
        ("indicators:\n  - id: a\n    value: 1\n      unit: 亿元\n", "indented deeper than the field above it"),
        ("indicators:\n  - id: a\n    value: 1\n   unit: 亿元\n", "the indentation is off"),
        ('park: demo\nquote: "增长\n', "a quote is opened and never closed"),
        ("quote: @新区\n", "text may not begin with @ or `"),
    ],
)
def test_yaml_syntax_errors_say_what_usually_causes_them(tmp_path, capsys, mini_data, text, hint):
    status, problems, _ = run_check(mini_data(tmp_path, {YEAR_PATH: text}), capsys)
    assert status == 1
    assert len(problems) == 1
    assert ": (yaml): expected valid YAML, found a syntax error: " in problems[0]
    assert hint in problems[0], problems[0]


def test_a_syntax_hint_is_empty_for_an_unknown_cause():
    assert syntax_hint("something new", "a: 1\n", 1) == ""


def test_an_unquoted_hash_that_cuts_a_quote_is_reported(tmp_path, capsys, mini_data):
    problems = _problems(
        tmp_path,
        capsys,
        mini_data,
        [
            ("quote: 实际利用外资约3.65亿美元", "quote: 实际利用外资约3.65亿美元 #1"),
            ("summary: 示范。", "summary: 示范。  # 待写"),
        ],
    )
    assert problems == [
        f"{SHOWN}:16: indicators[1].quote: expected the whole text, found it cut at ' #' (YAML reads ' #' and the "
        'rest of the line as a comment: put the whole quote in double quotes, e.g. quote: "…#…")'
    ]


def test_a_theme_one_slip_away_from_one_in_use_is_questioned(tmp_path, capsys, mini_data):
    fact = "    text: 再记一条\n    figures: [{value: 96, unit: 个}]\n    source: demo-2016\n"
    fact += "    quote: 全年共策划生成96个产业项目\n"
    more = f"  - theme: 招商引资\n{fact}  - theme: 招商引资\n{fact}  - theme: 招商引支\n"
    problems = _problems(tmp_path, capsys, mini_data, [("  - theme: 招商引资\n", more)])
    assert problems == [
        f"{SHOWN}:28: facts[2].theme: expected a theme in use or a clearly new one, found '招商引支' "
        "(did you mean '招商引资'?)"
    ]
    status, _, _ = run_check(
        mini_data(tmp_path / "new", {YEAR_PATH: MINI_YEAR.replace("招商引资", "科技创新")}), capsys
    )
    assert status == 0  # a new theme used once is welcome


def test_schema_problems_of_the_catalogue_park_and_source_leave_the_rest_checked(tmp_path, capsys, mini_data):
    from tests.conftest import MINI_INDICATORS, MINI_PARK, MINI_SOURCE

    changes = {
        "indicators.yaml": MINI_INDICATORS.replace("  definition: 报告期内实际到位的外商投资。\n", ""),
        "parks/demo.yaml": MINI_PARK.replace("region: 东部", "region: 东部\nwebsite: www.demo.cn"),
        "sources/demo-2016.yaml": MINI_SOURCE + "notes: 拼错的字段\n",
        YEAR_PATH: MINI_YEAR.replace("value: 3.65", "value: 3.66"),
    }
    status, problems, _ = run_check(mini_data(tmp_path, changes), capsys)
    assert status == 1
    assert [row.split(": expected")[0] for row in problems] == [
        "data/indicators.yaml:8: [1].definition",
        "data/parks/demo.yaml:8: website",
        "data/sources/demo-2016.yaml:8: notes",  # after covers, the last line of the mini source
        f"{SHOWN}:12: indicators[1].value",  # the year's rules ran: fdi_actual is still in the catalogue
    ]


def test_a_misspelt_source_or_park_id_elsewhere_gets_the_nearest_one(tmp_path, capsys, mini_data):
    from tests.conftest import MINI_SOURCE

    changes = {
        YEAR_PATH: MINI_YEAR.replace("summary: 示范。", "summary: 示范。\nsources: [demo-2061]"),
        "sources/demo-2016.yaml": MINI_SOURCE.replace("park: demo", "park: demoo"),
    }
    status, problems, _ = run_check(mini_data(tmp_path, changes), capsys)
    assert status == 1
    # (The rules rightly add that the year's entries now quote a source of another park.)
    assert {
        "data/sources/demo-2016.yaml:6: park: expected a park with a file in data/parks/, found 'demoo' "
        "(did you mean 'demo'?)",
        f"{SHOWN}:4: sources[0]: expected a source id, found 'demo-2061' (did you mean 'demo-2016'?)",
    } <= set(problems)
