"""Targets: goals for the year or later; earlier results never."""

from __future__ import annotations

from tests.extract_helpers import draft


def test_a_plan_opening_on_last_years_results_files_them_neither_as_targets_nor_as_this_years_facts():
    text = (
        "某高新区2025年工作要点\n2024年,高新区实现营业收入865.2亿元,同比增长9.4%;新增科技型中小企业426家,"
        "技术合同成交额5820万元。\n2025年主要目标:营业收入力争突破950亿元;新增国家高新技术企业60家以上。\n"
    )
    data = draft(text, 2025)
    goals = {(t["value"], t["unit"]): t for t in data["targets"]}
    assert (865.2, "亿元") not in goals and (426, "家") not in goals and (5820, "万元") not in goals
    assert goals[(60, "家")]["indicator"] == "new_national_high_tech_enterprises"
    assert goals[(60, "家")]["comparator"] == ">=" and goals[(60, "家")]["for_year"] == 2025
    assert data["indicators"] == []
    # 2024's results belong in the 2024 file: the check refuses a fact of 2025 dated 2024 by its sentence.
    assert [f for f in data["facts"] if f["figures"][0]["value"] in (865.2, 426, 5820)] == []
