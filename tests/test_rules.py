"""One failing fixture per rule of `yearbook check`: the exact `path:line: field: message`, exit status 1.

Every case starts from the valid mini data folder of tests/conftest.py (fixture `mini_data`) and breaks one
thing. Line numbers asserted below are those of the mini year file (conftest.MINI_YEAR):

     1 park: demo                                   17 facts:
     2 year: 2016                                   18   - theme: 招商引资
     3 summary: 示范。                               19     text: 策划生成产业项目96个
     4 indicators:                                  20     figures: [{value: 96, unit: 个}]
     5   - id: industrial_output_above_scale        21     source: demo-2016
     6     value: 2145.69                           22     quote: 全年共策划生成96个产业项目
     7     unit: 亿元                                23 targets:
     8     change_pct: 8                            24   - for_year: 2017
     9     source: demo-2016                        25     indicator: null
    10     quote: 规模以上工业总产值2145.69亿元,…     26     text: 策划项目
    11   - id: fdi_actual                           27     value: 96
    12     value: 3.65                              28     unit: 个
    13     unit: 亿美元                              29     comparator: ">="
    14     qualifier: 约                             30     source: demo-2016
    15     source: demo-2016                        31     quote: 全年共策划生成96个产业项目
    16     quote: 实际利用外资约3.65亿美元
"""

from __future__ import annotations

import re

import pytest

from generator.cli import main
from tests.conftest import MINI_FILES, MiniData

YEAR_PATH = "years/demo/2016.yaml"
PARK_PATH = "parks/demo.yaml"
SOURCE_PATH = "sources/demo-2016.yaml"
TEXT_PATH = "sources/demo-2016.txt"
CATALOGUE_PATH = "indicators.yaml"

# `path:line: field: expected …, found …`, the path as editors see it (relative to the project).
PROBLEM_SHAPE = re.compile(r"^data/[^:\s]+:[1-9]\d*: [^:\s]+: expected .+, found .+$")
TOTAL_LINE = re.compile(r"^(\d+) problem\(s\) found; nothing was written\.$")


def run_check(data, capsys) -> tuple[int, list[str], str]:
    """Exit status, the problem lines, and the whole of stderr of `yearbook --data <data> check`."""
    status = main(["--data", str(data), "check"])
    captured = capsys.readouterr()
    rows = captured.err.splitlines()
    problems = rows[:-1]
    if status == 1:
        assert "Traceback" not in captured.err
        assert captured.out == "", "a failed check prints no summary"
        total = TOTAL_LINE.match(rows[-1])
        assert total, rows
        assert int(total.group(1)) == len(problems), rows
        for row in problems:
            assert PROBLEM_SHAPE.match(row), f"not `path:line: field: expected …, found …`: {row}"
    return status, problems, captured.err


def test_the_valid_mini_folder_passes_with_a_summary_line(tmp_path, capsys, mini_data):
    status = main(["--data", str(mini_data(tmp_path)), "check"])
    captured = capsys.readouterr()
    assert status == 0, captured.err
    assert captured.err == ""
    assert captured.out == "ok: 1 parks, 1 park-years, 3 figures, 1 targets, 1 sources, 2 indicators\n"


# (rule, file, old text, new text, the one problem expected, path relative to the project)
EDITS = [
    # --- schema ---
    ("schema: missing required field", YEAR_PATH, "    unit: 亿美元\n", "",
     "data/years/demo/2016.yaml:11: indicators[1].unit: expected a value, found none (required field)"),
    ("schema: missing required top-level field", PARK_PATH, "short_name: 示范高新区\n", "",
     "data/parks/demo.yaml:1: short_name: expected a value, found none (required field)"),
    ("schema: wrong type", YEAR_PATH, "value: 2145.69", 'value: "2145.69"',
     "data/years/demo/2016.yaml:6: indicators[0].value: expected a number, found '2145.69'"),
    ("schema: wrong type (list for text)", YEAR_PATH, "summary: 示范。", "summary: [示范]",
     "data/years/demo/2016.yaml:3: summary: expected text, found a list"),
    ("schema: unknown field", YEAR_PATH, "    change_pct: 8\n", "    change_pct: 8\n    chang_pct: 8\n",
     "data/years/demo/2016.yaml:9: indicators[0].chang_pct: expected one of the fields change_pct, "
     "change_qualifier, id, note, period, qualifier, quote, scope, source, unit, value, found 'chang_pct' (did you "
     "mean 'change_pct'?)"),
    ("schema: number not finite", YEAR_PATH, "value: 2145.69", "value: .nan",
     "data/years/demo/2016.yaml:6: indicators[0].value: expected a finite number, found .nan"),
    ("schema: growth not finite", YEAR_PATH, "change_pct: 8", "change_pct: -.inf",
     "data/years/demo/2016.yaml:8: indicators[0].change_pct: expected a finite number, found -.inf"),
    ("schema: bad enum (comparator)", YEAR_PATH, 'comparator: ">="', "comparator: 大于",
     "data/years/demo/2016.yaml:29: targets[0].comparator: expected one of '>=', '<=', '~', '=', found '大于'"),
    ("schema: bad enum (region)", PARK_PATH, "region: 东部", "region: 南部",
     "data/parks/demo.yaml:7: region: expected one of '东部', '中部', '西部', '东北', found '南部'"),
    ("schema: bad enum (source kind)", SOURCE_PATH, "kind: work-report", "kind: speech",
     "data/sources/demo-2016.yaml:4: kind: expected one of 'work-report', 'press', found 'speech'"),
    ("schema: bad enum (indicator kind)", CATALOGUE_PATH,
     "kind: flow\n  definition: 规模", "kind: flux\n  definition: 规模",
     "data/indicators.yaml:6: [0].kind: expected one of 'flow', 'stock', 'ratio', found 'flux'"),
    ("schema: bad date", SOURCE_PATH, "published: 2017-02-03", "published: 2017年2月3日",
     "data/sources/demo-2016.yaml:5: published: expected text matching ^\\d{4}-\\d{2}-\\d{2}$, found '2017年2月3日'"),
    # --- ids agree with paths ---
    ("id: park id differs from file name", PARK_PATH, "id: demo", "id: demo2",
     "data/parks/demo.yaml:1: id: expected 'demo' (the file name), found 'demo2'"),
    ("id: source id differs from file name", SOURCE_PATH, "id: demo-2016", "id: demo-2017",
     "data/sources/demo-2016.yaml:1: id: expected 'demo-2016' (the file name), found 'demo-2017'"),
    ("id: year differs from file name", YEAR_PATH, "year: 2016", "year: 2015",
     "data/years/demo/2016.yaml:2: year: expected 2016 (the file name), found 2015"),
    # --- references resolve ---
    ("reference: unknown source", YEAR_PATH,
     "    source: demo-2016\n    quote: 实际", "    source: demo-2015\n    quote: 实际",
     "data/years/demo/2016.yaml:15: indicators[1].source: expected a source id (demo-2016), found 'demo-2015' "
     "(did you mean 'demo-2016'?)"),
    ("reference: unknown indicator", YEAR_PATH, "- id: fdi_actual", "- id: fdi",
     "data/years/demo/2016.yaml:11: indicators[1].id: expected an indicator id of data/indicators.yaml, found 'fdi'"),
    ("reference: unknown target indicator", YEAR_PATH, "indicator: null", "indicator: projects",
     "data/years/demo/2016.yaml:25: targets[0].indicator: expected an indicator id of data/indicators.yaml or null, "
     "found 'projects'"),
    ("reference: source of an unknown park", SOURCE_PATH, "park: demo", "park: nowhere",
     "data/sources/demo-2016.yaml:6: park: expected a park with a file in data/parks/, found 'nowhere'"),
    # --- units ---
    ("unit: differs from the catalogue", YEAR_PATH,
     "    value: 3.65\n    unit: 亿美元", "    value: 36500\n    unit: 万美元",
     "data/years/demo/2016.yaml:13: indicators[1].unit: expected '亿美元' (the catalogue unit of fdi_actual), "
     "found '万美元'"),
    ("unit: target unit differs from its indicator's", YEAR_PATH, "indicator: null", "indicator: fdi_actual",
     "data/years/demo/2016.yaml:28: targets[0].unit: expected '亿美元' (the catalogue unit of fdi_actual), found '个'"),
    # --- quotes and numbers ---
    ("quote: not in the source", YEAR_PATH, "quote: 实际利用外资约3.65亿美元", "quote: 实际使用外资约3.65亿美元",
     "data/years/demo/2016.yaml:16: indicators[1].quote: expected a verbatim passage of data/sources/demo-2016.txt "
     "(spaces and line breaks aside), found '实际使用外资约3.65亿美元'; "
     "nearest passage (¶2): '实际利用外资约3.65亿美元。'; "
     "first difference after '实际': the report has '利', the quote '使'"),
    ("value: not in the quote", YEAR_PATH, "value: 2145.69", "value: 2145.7",
     "data/years/demo/2016.yaml:6: indicators[0].value: expected 2145.69亿元 (the amount '规模以上工业总产值' governs "
     "in its clause), found 2145.7 亿元"),
    ("value: right number, wrong unit in the quote", YEAR_PATH,
     "    value: 96\n    unit: 个", "    value: 96\n    unit: 家",
     "data/years/demo/2016.yaml:27: targets[0].value: expected 96 家 to stand in the quote, found it not: "
     "the number stands in the quote but is followed by '个产业项', not the unit '家'"),
    ("value: fact figure not in the quote", YEAR_PATH, "{value: 96, unit: 个}", "{value: 69, unit: 个}",
     "data/years/demo/2016.yaml:20: facts[0].figures[0].value: expected 69 个 to stand in the quote, found it not: "
     "no number in the quote reads as this value in this unit"),
    ("change_pct: not in the quote", YEAR_PATH, "change_pct: 8", "change_pct: 9",
     "data/years/demo/2016.yaml:8: indicators[0].change_pct: expected 8% (the growth that follows 2145.69亿元), "
     "found 9%"),
    ("change_pct: wrong sign", YEAR_PATH, "change_pct: 8", "change_pct: -8",
     "data/years/demo/2016.yaml:8: indicators[0].change_pct: expected 8% (the growth that follows 2145.69亿元; "
     "下降/减少/降幅 make it negative), found -8%"),
    ("hedge: qualifier missing", YEAR_PATH, "    qualifier: 约\n", "",
     "data/years/demo/2016.yaml:11: indicators[1].qualifier: expected '约' (the quote hedges the number), found null"),
    ("hedge: wrong qualifier", YEAR_PATH, "qualifier: 约", "qualifier: 近",
     "data/years/demo/2016.yaml:14: indicators[1].qualifier: expected the hedge to stand next to the number in the "
     "quote, found 约 instead of '近'"),
    ("hedge: qualifier where the quote has none", YEAR_PATH,
     "    change_pct: 8\n", "    change_pct: 8\n    qualifier: 约\n",
     "data/years/demo/2016.yaml:9: indicators[0].qualifier: expected the hedge to stand next to the number in the "
     "quote, found no hedge instead of '约'"),
    # --- targets ---
    ("target: for_year before the file's year", YEAR_PATH, "for_year: 2017", "for_year: 2015",
     "data/years/demo/2016.yaml:24: targets[0].for_year: expected 2016 or later (the file's year), found 2015"),
    # --- catalogue ---
    ("catalogue: alias used twice", CATALOGUE_PATH,
     "  name_en: Foreign", "  aliases: [外资, 规上工业总产值]\n  name_en: Foreign",
     "data/indicators.yaml:10: [1].aliases[1]: expected names and aliases to be unique, found '规上工业总产值' also on "
     "industrial_output_above_scale"),
    ("catalogue: alias_years of a name that is no alias", CATALOGUE_PATH, "  aliases: [规上工业总产值]",
     "  aliases: [规上工业总产值]\n  alias_years:\n    规上总产值: {until: 2012}",
     "data/indicators.yaml:5: [0].alias_years.规上总产值: expected the name or one of the aliases of "
     "industrial_output_above_scale, found '规上总产值'"),
    ("catalogue: alias_years the wrong way round", CATALOGUE_PATH, "  aliases: [规上工业总产值]",
     "  aliases: [规上工业总产值]\n  alias_years:\n    规上工业总产值: {from: 2015, until: 2012}",
     "data/indicators.yaml:5: [0].alias_years.规上工业总产值: expected from before until, found from 2015 until 2012"),
]  # fmt: skip


@pytest.mark.parametrize(("rule", "relative", "old", "new", "expected"), EDITS, ids=[edit[0] for edit in EDITS])
def test_each_rule_gives_one_exact_problem(tmp_path, capsys, mini_data, rule, relative, old, new, expected):
    data = mini_data(tmp_path, {relative: mini_data.edited(relative, old, new)})
    status, problems, _ = run_check(data, capsys)
    assert status == 1
    # Exactly one problem in the broken file (a rule may also, rightly, make other files complain).
    assert [row for row in problems if row.startswith(f"data/{relative}:")] == [expected]


def test_duplicate_catalogue_id(tmp_path, capsys, mini_data):
    catalogue = mini_data.edited(CATALOGUE_PATH, "- id: fdi_actual", "- id: industrial_output_above_scale")
    status, problems, _ = run_check(mini_data(tmp_path, {CATALOGUE_PATH: catalogue}), capsys)
    assert status == 1
    assert problems == [
        "data/indicators.yaml:8: [1].id: expected each id once, found 'industrial_output_above_scale' again",
        # … and the year file's fdi_actual is no longer in the catalogue:
        "data/years/demo/2016.yaml:11: indicators[1].id: expected an indicator id of data/indicators.yaml, "
        "found 'fdi_actual'",
    ]


def test_a_name_used_twice_in_the_catalogue_points_at_the_name(tmp_path, capsys, mini_data):
    catalogue = mini_data.edited(CATALOGUE_PATH, "name: 实际利用外资", "name: 规上工业总产值")
    status, problems, _ = run_check(mini_data(tmp_path, {CATALOGUE_PATH: catalogue}), capsys)
    assert status == 1
    assert problems == [
        "data/indicators.yaml:9: [1].name: expected names and aliases to be unique, found '规上工业总产值' also on "
        "industrial_output_above_scale",
        # … and the year file's quote no longer names fdi_actual:
        "data/years/demo/2016.yaml:16: indicators[1].quote: expected the quote to name 规上工业总产值 "
        "(looked for: 规上工业总产值), found none",
    ]


@pytest.mark.parametrize(
    ("relative", "old", "new"),
    [(PARK_PATH, "region: 东部", "region: 南部"), (SOURCE_PATH, "kind: work-report", "kind: speech")],
    ids=["park", "source"],
)
def test_a_broken_profile_is_not_reported_again_where_it_is_referred_to(
    tmp_path, capsys, mini_data, relative, old, new
):
    status, problems, _ = run_check(mini_data(tmp_path, {relative: mini_data.edited(relative, old, new)}), capsys)
    assert status == 1
    assert len(problems) == 1, problems


def test_duplicate_indicator_in_a_park_year(tmp_path, capsys, mini_data):
    year = mini_data.edited(
        YEAR_PATH,
        "  - id: fdi_actual\n    value: 3.65\n    unit: 亿美元\n    qualifier: 约\n    source: demo-2016\n"
        "    quote: 实际利用外资约3.65亿美元\n",
        "  - id: industrial_output_above_scale\n    value: 2145.69\n    unit: 亿元\n    source: demo-2016\n"
        "    quote: 规模以上工业总产值2145.69亿元\n",
    )
    status, problems, _ = run_check(mini_data(tmp_path, {YEAR_PATH: year}), capsys)
    assert status == 1
    assert problems == [
        "data/years/demo/2016.yaml:11: indicators[1].id: expected one entry per indicator, "
        "found 'industrial_output_above_scale' again (first at indicators[0])"
    ]


def test_year_file_of_a_park_without_a_profile(tmp_path, capsys, mini_data):
    year = mini_data.files[YEAR_PATH].replace("park: demo", "park: nowhere", 1)
    status, problems, _ = run_check(mini_data(tmp_path, {"years/nowhere/2016.yaml": year}), capsys)
    assert status == 1
    assert problems == [
        "data/years/nowhere/2016.yaml:1: park: expected a park with a file in data/parks/, found 'nowhere'"
    ]


def test_year_file_in_another_parks_folder(tmp_path, capsys, mini_data):
    status, problems, _ = run_check(mini_data(tmp_path, {"years/other/2016.yaml": mini_data.files[YEAR_PATH]}), capsys)
    assert status == 1
    assert problems == ["data/years/other/2016.yaml:1: park: expected 'other' (the folder name), found 'demo'"]


def test_year_file_not_named_by_its_year(tmp_path, capsys, mini_data):
    status, problems, _ = run_check(mini_data(tmp_path, {"years/demo/latest.yaml": mini_data.files[YEAR_PATH]}), capsys)
    assert status == 1
    assert problems == ["data/years/demo/latest.yaml:1: (file): expected a file named <year>.yaml, found 'latest'"]


def test_source_text_missing(tmp_path, capsys, mini_data):
    data = mini_data(tmp_path)
    (data / TEXT_PATH).unlink()
    status, problems, _ = run_check(data, capsys)
    assert status == 1
    assert problems == [
        "data/sources/demo-2016.yaml:1: (file): expected the archived text beside it, found no demo-2016.txt"
    ]


def test_source_text_without_metadata(tmp_path, capsys, mini_data):
    status, problems, _ = run_check(mini_data(tmp_path, {"sources/orphan.txt": "孤立的文本。\n"}), capsys)
    assert status == 1
    assert problems == ["data/sources/orphan.txt:1: (file): expected metadata beside it, found no orphan.yaml"]


def test_folder_the_contract_does_not_know(tmp_path, capsys, mini_data):
    status, problems, _ = run_check(mini_data(tmp_path, {"year/demo/2016.yaml": mini_data.files[YEAR_PATH]}), capsys)
    assert status == 1
    assert problems == ["data/year:1: (file): expected one of indicators.yaml, parks/, sources/, years/, found 'year'"]


@pytest.mark.parametrize(
    "source_text",
    [
        # a line break inside the number and a space before the unit (the mini source as it is)
        None,
        # a paragraph break inside the number, as xiamen-torch-2022 has "3626亿" / "" / "元"
        "高新区完成规模以上工业总产值2145.69亿\n\n元,同比增长8%;实际利用外资约3.65亿美元。\n全年共策划生成96个产业项目。\n",
        # full-width spaces and tabs between characters, Windows line ends
        "规模以上工业\u3000总产值 2145.69 亿元,\r\n同比增长 8%;\t实际利用外资约 3.65 亿美元。\r\n"
        "全年共策划生成96个产业项目。\r\n",
    ],
    ids=["line break and space", "paragraph break", "full-width space, tab, CRLF"],
)
def test_quote_is_found_across_line_breaks_and_spaces(tmp_path, capsys, mini_data, source_text):
    text = mini_data.files[TEXT_PATH] if source_text is None else source_text
    assert normalized_quote_is_split(text, "规模以上工业总产值2145.69亿元,同比增长8%")
    status = main(["--data", str(mini_data(tmp_path, {TEXT_PATH: text})), "check"])
    assert status == 0, capsys.readouterr().err


def normalized_quote_is_split(text: str, quote: str) -> bool:
    """The quote stands in the text only once whitespace is removed (so the test proves something)."""
    return quote not in text and quote in re.sub(r"\s+", "", text)


def test_quote_across_a_line_break_still_needs_every_character(tmp_path, capsys, mini_data):
    year = mini_data.edited(
        YEAR_PATH, "quote: 规模以上工业总产值2145.69亿元,同比增长8%", "quote: 规模以上工业总产值2145.69亿 元,同比增8%"
    )
    status, problems, _ = run_check(mini_data(tmp_path, {YEAR_PATH: year}), capsys)
    assert status == 1
    assert [row.split(": ")[0:2] for row in problems] == [["data/years/demo/2016.yaml:10", "indicators[0].quote"]]


def test_all_problems_are_reported_together_and_nothing_is_written(tmp_path, capsys, mini_data):
    data = mini_data(
        tmp_path,
        {
            YEAR_PATH: mini_data.edited(YEAR_PATH, "year: 2016", "year: 2015"),
            PARK_PATH: mini_data.edited(PARK_PATH, "id: demo", "id: demo2"),
            SOURCE_PATH: mini_data.edited(SOURCE_PATH, "id: demo-2016", "id: demo-2017"),
        },
    )
    before = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
    expected = [
        "data/parks/demo.yaml:1: id: expected 'demo' (the file name), found 'demo2'",
        "data/sources/demo-2016.yaml:1: id: expected 'demo-2016' (the file name), found 'demo-2017'",
        "data/years/demo/2016.yaml:2: year: expected 2016 (the file name), found 2015",
    ]
    status, problems, err = run_check(data, capsys)
    assert status == 1
    assert problems == expected
    assert err.splitlines()[-1] == f"{len(problems)} problem(s) found; nothing was written."
    # `generate` (which would write docs/) reports the same problems and writes nothing at all.
    assert main(["--data", str(data), "generate"]) == 1
    captured = capsys.readouterr()
    assert captured.err == err
    assert {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()} == before
    assert sorted(path.name for path in tmp_path.iterdir()) == ["data"]


def test_problems_in_github_actions_are_annotations(tmp_path, capsys, mini_data, monkeypatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    data = mini_data(tmp_path, {YEAR_PATH: mini_data.edited(YEAR_PATH, "for_year: 2017", "for_year: 2015")})
    assert main(["--data", str(data), "check"]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        "::error file=data/years/demo/2016.yaml,line=24::targets[0].for_year: "
        "expected 2016 or later (the file's year), found 2015"
    )


# --- kept for tests/test_targets.py, which builds its fixtures on these names ---------------------------------------
INDICATORS, PARK, SOURCE, SOURCE_TEXT, YEAR = (
    MINI_FILES[name] for name in (CATALOGUE_PATH, PARK_PATH, SOURCE_PATH, TEXT_PATH, YEAR_PATH)
)
FILES = MINI_FILES


def make_data(root, **changes: str):
    """The mini data folder in `root`/data; `changes` maps a file (path with / → __ and . → _) to new text."""
    names = {relative.replace("/", "__").replace(".", "_"): relative for relative in MINI_FILES}
    return MiniData()(root, {names[key]: text for key, text in changes.items()})
