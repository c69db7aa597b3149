"""Clauses (generator/reading/clauses.py): which year a clause is about, and whether it sets a goal."""

from __future__ import annotations

from generator.reading.clauses import is_goal, split_clauses, written_in


def _clauses(paragraphs: list[str], year: int):
    return [c for sentences in split_clauses(paragraphs, year) for clauses in sentences for c in clauses]


def test_headings_and_openings_move_the_year():
    paragraphs = ["一、2024年工作回顾", "全区营业收入1000亿元,增长8%。", "二、2025年工作思路", "营业收入增长10%以上。"]
    found = {c.text: (c.year, c.goal) for c in _clauses(paragraphs, 2024)}
    assert found["全区营业收入1000亿元"] == (2024, False)
    assert found["营业收入增长10%以上"] == (2025, True)


def test_last_year_in_a_press_release_of_the_next_year_is_the_year_reported_on():
    paragraphs = [
        "来源:日报 2025-01-16 09:30",
        "去年高新区固定资产投资完成215.3亿元。",
        "今年将力争营业收入突破1150亿元。",
    ]
    assert written_in(paragraphs) == 2025
    found = {c.text: (c.year, c.goal) for c in _clauses(paragraphs, 2024)}
    assert found["去年高新区固定资产投资完成215.3亿元"] == (2024, False)
    assert found["今年将力争营业收入突破1150亿元"] == (2025, True)


def test_last_year_in_a_report_of_its_own_year_is_the_year_before():
    found = {c.text: c.year for c in _clauses(["2024年,上年地区生产总值为450亿元。"], 2024)}
    assert found["上年地区生产总值为450亿元"] == 2023


def test_goals_are_told_by_their_words():
    assert is_goal("力争突破950亿元") and is_goal("计划引进亿元以上项目30个") and is_goal("地区生产总值预期增长6%")
    assert is_goal("目标是新增企业20家") and is_goal("确保完成投资100亿元")
    assert not is_goal("实现营业收入865.2亿元") and not is_goal("已计划完成的项目")
    assert not is_goal("完成年计划的165%")  # a result measured against the plan
    assert not is_goal("增速好于预期") and not is_goal("该项目投产后将实现产值50亿元")  # 将 alone sets no goal


def test_a_report_of_results_drafts_results_and_only_goal_words_or_a_plan_part_draft_targets():
    from tests.extract_helpers import draft, refused

    text = (
        "某高新区2023年经济运行情况\n2023年,全区实现营业收入1200亿元,同比增长10%;新签约项目36个,"
        "项目投产后将实现年产值50亿元。全区将新增国家高新技术企业120家的目标提前完成。\n"
        "2024年,全区将新增国家高新技术企业150家,力争营业收入突破1300亿元。"
    )
    found = draft(text, 2023)
    assert [target["value"] for target in found["targets"]] == [150, 1300]  # the plan part, the goal words
    assert {f["value"] for fact in found["facts"] for f in fact["figures"]} >= {36, 50}
    assert refused(text, 2023) == []


def test_a_press_text_opening_on_an_early_date_without_its_year_was_written_the_year_after():
    opening = "1月21日上午,某高新区举行2024年经济运行情况新闻发布会。"
    assert written_in(["某高新区举行新闻发布会", opening, "去年全区完成固定资产投资约162亿元。"]) == 2025
    assert written_in(["10月20日,某高新区召开2024年前三季度经济运行分析会。"]) is None  # a part of the year
    assert written_in(["1月21日,某高新区召开2023年、2024年两年工作对比会。"]) is None  # two years: no telling
    review = "2月18日召开的某市2020年度综合考核工作总结大会上,“2020年度推进高质量发展先进地区”名单公布。"
    assert written_in(["某高新区获评先进", review]) == 2021  # a 年度 review names its year as 2020年 does


def test_a_heading_that_reports_goals_met_heads_results_not_a_plan():
    from tests.extract_helpers import draft, refused

    text = (
        "某高新区超额完成2023年度目标任务\n2024-01-10\n记者从某高新区获悉,全区实现营业收入1200亿元,同比增长10%;"
        "新增国家高新技术企业120家。\n二、2024年目标任务\n全区营业收入1300亿元,新增国家高新技术企业150家。"
    )
    found = draft(text, 2023)
    assert [(i["id"], i["value"]) for i in found["indicators"]] == [
        ("operating_revenue", 1200),
        ("new_national_high_tech_enterprises", 120),
    ]
    assert [(t["for_year"], t["value"]) for t in found["targets"]] == [(2024, 1300), (2024, 150)]
    assert refused(text, 2023) == []
