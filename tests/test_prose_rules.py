"""One failing fixture per rule of the editor's prose (generator/data/prose.py): each case breaks one thing in the
mini data folder of tests/conftest.py (line numbers in tests/test_rules.py) and asserts the one problem it gives,
`path:line: field: message`, with exit status 1.
"""

from __future__ import annotations

import pytest

from tests.conftest import MiniData
from tests.test_rules import run_check

YEAR, PARK, SOURCE, CATALOGUE, TEXT = (
    "years/demo/2016.yaml",
    "parks/demo.yaml",
    "sources/demo-2016.yaml",
    "indicators.yaml",
    "sources/demo-2016.txt",
)
PROVES = "expected a number this file proves (an indicator's value or growth, a fact's figure, a target's value)"
NO_FIGURE = "(no quote proves it: put it in a year file, as a fact with its quote)"
# A second fact, added before the targets (lines 23-27 of the mini year file).
FACT = (
    "  - theme: 招商引资\n    text: {text}\n    figures: [{figure}]\n    source: demo-2016\n    quote: {quote}\n"
    "targets:\n"
)

# (rule, [(file, old, new), …], the one problem expected)
CASES = [
    ("text: a fact's text states a number its figures and quote do not",
     [(YEAR, "text: 策划生成产业项目96个", "text: 策划生成产业项目69个")],
     "data/years/demo/2016.yaml:19: facts[0].text: expected the numbers of the quote or figures (96个), found 69个"),
    ("text: a fact's text states the number in another unit",
     [(YEAR, "text: 策划生成产业项目96个", "text: 策划生成产业项目96项")],
     "data/years/demo/2016.yaml:19: facts[0].text: expected the numbers of the quote or figures (96个), found 96项"),
    ("text: a target's text states a number its value and quote do not",
     [(YEAR, "text: 策划项目", "text: 策划项目100个")],
     "data/years/demo/2016.yaml:26: targets[0].text: expected the numbers of the quote or figures (96个), found "
     "100个"),
    ("summary: a number no entry proves",
     [(YEAR, "summary: 示范。", "summary: 规上工业总产值2945.69亿元。")],
     f"data/years/demo/2016.yaml:3: summary: {PROVES}, found 2945.69亿元"),
    ("summary: a growth with the wrong sign",
     [(YEAR, "summary: 示范。", "summary: 规上工业总产值下降8%。")],
     f"data/years/demo/2016.yaml:3: summary: {PROVES}, found 8%"),
    ("summary: a sum of proven numbers",
     # a fact of 96亿元 beside the output's 2145.69亿元: 2145.69 + 96 = 2241.69, a sum no report writes
     [(TEXT, "全年共策划生成96个产业项目。", "全年共策划生成96个产业项目。项目计划总投资96亿元。"),
      (YEAR, "targets:\n", FACT.format(text="项目计划总投资96亿元", figure="{value: 96, unit: 亿元}",
                                       quote="项目计划总投资96亿元")),
      (YEAR, "summary: 示范。", "summary: 合计2241.69亿元。")],
     f"data/years/demo/2016.yaml:3: summary: {PROVES}, found 2241.69亿元, the sum of 2145.69亿元 (indicators[0]) "
     "and 96亿元 (facts[1].figures[0]): write it as a fact with the quote that states it"),
    ("summary: a hedged figure written without its hedge",
     [(YEAR, "summary: 示范。", "summary: 实际利用外资3.65亿美元。")],
     "data/years/demo/2016.yaml:3: summary: expected 约3.65亿美元 (as indicators[1] records it), found 3.65亿美元"),
    ("summary: an exact figure written with a hedge",
     [(YEAR, "summary: 示范。", "summary: 规上工业总产值超2145.69亿元。")],
     "data/years/demo/2016.yaml:3: summary: expected 2145.69亿元 (as indicators[0] records it), found 超2145.69亿元"),
    ("note: an entry's note states a number neither its quote nor the file proves",
     [(YEAR, "quote: 实际利用外资约3.65亿美元\n", "quote: 实际利用外资约3.65亿美元\n    note: 上年为3.1亿美元。\n")],
     "data/years/demo/2016.yaml:17: indicators[1].note: expected the numbers of the quote or of this file's entries, "
     "found 3.1亿美元"),
    ("description: a park's profile states a figure",
     [(PARK, "region: 东部\n", "region: 东部\ndescription: 园区有企业1200家。\n")],
     f"data/parks/demo.yaml:8: description: expected no figure in the park's description {NO_FIGURE}, found 1200家"),
    ("note: a source's note states a figure",
     [(SOURCE, "covers: [2016, 2017]\n", "covers: [2016, 2017]\nnote: 报告共列出三十个项目。\n")],
     f"data/sources/demo-2016.yaml:8: note: expected no figure in the source's note {NO_FIGURE}, found 三十个"),
    ("definition: an indicator's definition states a figure",
     [(CATALOGUE, "definition: 报告期内实际到位的外商投资。", "definition: 单笔500万美元以上的外商投资。")],
     f"data/indicators.yaml:13: [1].definition: expected no figure in the indicator's definition {NO_FIGURE}, found "
     "500万美元"),
    ("unit: a bare multiplier",
     [(TEXT, "全年共策划生成96个产业项目。", "全年共策划生成96个产业项目。紧盯国家下达5.78万亿重大项目投资机遇。"),
      (YEAR, "targets:\n", FACT.format(text="紧盯5.78万亿投资机遇", figure="{value: 5.78, unit: 万亿}",
                                       quote="紧盯国家下达5.78万亿重大项目投资机遇"))],
     "data/years/demo/2016.yaml:25: facts[1].figures[0].unit: expected a unit after the multiplier (万亿元, 亿元, "
     "万人: the unit the quote's number is counted in), found '万亿' alone"),
    ("unit: a bare multiplier as a catalogue unit",
     [(CATALOGUE, "  unit: 亿美元\n", "  unit: 亿\n"), (YEAR, "    unit: 亿美元\n", "    unit: 亿\n")],
     "data/indicators.yaml:11: [1].unit: expected a unit after the multiplier (万亿元, 亿元, 万人: the unit the "
     "quote's number is counted in), found '亿' alone"),
    ("year: a fact's amount dated another year by its sentence",
     [(TEXT, "全年共策划生成96个产业项目。", "全年共策划生成96个产业项目。2015年共策划生成96个产业项目。"),
      (YEAR, "    quote: 全年共策划生成96个产业项目\ntargets", "    quote: 2015年共策划生成96个产业项目\ntargets")],
     "data/years/demo/2016.yaml:20: facts[0].figures[0].value: expected an amount for 2016 (the file's year), found "
     "it given for 2015"),
]  # fmt: skip


def _files(edits: list[tuple[str, str, str]]) -> dict[str, str]:
    changed = dict(MiniData().files)
    for relative, old, new in edits:
        assert old in changed[relative], (relative, old)
        changed[relative] = changed[relative].replace(old, new, 1)
    return changed


@pytest.mark.parametrize(("rule", "edits", "expected"), CASES, ids=[case[0] for case in CASES])
def test_each_prose_rule_gives_one_exact_problem(tmp_path, capsys, mini_data, rule, edits, expected):
    status, problems, _ = run_check(mini_data(tmp_path, _files(edits)), capsys)
    assert status == 1
    assert problems == [expected]


def test_the_mini_data_passes(tmp_path, capsys, mini_data):
    status, problems, _ = run_check(mini_data(tmp_path), capsys)
    assert (status, problems) == (0, [])
