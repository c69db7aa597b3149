"""Reading text (generator/reading/text.py, script.py, tables.py): paragraphs, the simplified form, and tables."""

from __future__ import annotations

from decimal import Decimal

from generator.reading.script import simplified
from generator.reading.tables import read_tables, table_lines
from generator.reading.text import logical_paragraphs, paragraphs_with_lines, raw_lines
from tests.extract_helpers import indicators


def test_lines_broken_inside_a_sentence_are_joined_and_spaces_dropped():
    text = "2012年,高新区实现技工贸总收入1856.2亿元,同比增长\n15.3%;工业总产值 1420.5 亿元。\n二、下一步工作\n"
    assert logical_paragraphs(text) == [
        "2012年,高新区实现技工贸总收入1856.2亿元,同比增长15.3%;工业总产值1420.5亿元。",
        "二、下一步工作",
    ]


def test_the_checker_reads_a_sentence_a_line_break_cut_as_the_drafts_do():
    # One reading of paragraphs: the proof sees the 预计 on the line before the amount, as the draft does.
    from generator.data.model import Source, paragraphs_of
    from generator.data.validate import entry_problems
    from tests.test_binding import CATALOGUE

    text = "2024年,高新区预计全年实现营业收入\n1286.4亿元,同比增长10.2%。\n"
    assert paragraphs_of(text) == ["2024年,高新区预计全年实现营业收入1286.4亿元,同比增长10.2%。"]
    assert paragraphs_of(text) == logical_paragraphs(text)
    source = Source(id="s", title="示范", publisher="示范", kind="work-report", published=None, park="p",
                    paragraphs=paragraphs_of(text), covers=(2024,))  # fmt: skip
    entry = {"id": "operating_revenue", "value": 1286.4, "unit": "亿元", "change_pct": 10.2, "source": "s",
             "quote": "实现营业收入1286.4亿元,同比增长10.2%"}  # fmt: skip
    problems = entry_problems("indicators", entry, source, ("p", 2024), CATALOGUE)
    assert problems == ["indicators[0].qualifier: expected '预计' (the quote hedges the number), found null"]
    assert entry_problems("indicators", {**entry, "qualifier": "预计"}, source, ("p", 2024), CATALOGUE) == []


def test_a_title_is_never_joined_to_the_text_below_it():
    # A title has no full stop, and may be long; it ends on the kind of document it names.
    title = "某某市某某国家高新技术产业开发区管理委员会关于2024年1-4月全区主要经济指标完成情况的通报"
    assert logical_paragraphs(f"{title}\n全区实现营业收入420.5亿元,同比增长8.1%。\n") == [
        title,
        "全区实现营业收入420.5亿元,同比增长8.1%。",
    ]
    wrapped = "某某市某某国家高新技术产业开发区管理委员会办公室关于2024年1-4月全区主要经济指标\n完成情况的通报\n"
    assert logical_paragraphs(wrapped) == [wrapped.replace("\n", "")]  # a title a line break cut is one


def test_figures_written_one_to_a_line_without_a_stop_stay_apart():
    # A page writing its figures one to a line, none closed by a stop: an amount or a percentage ends the item, and
    # the next line, opening on a name, starts another (joined, one item's growth would run into the next's name).
    text = (
        "第一产业增加值324.96亿元,增长4.4%\n第二产业增加值1032.70亿元,增长4.6%\n"
        "全市完成固定资产投资1497.55亿元,增长9.0%。"
    )
    assert logical_paragraphs(text) == [
        "第一产业增加值324.96亿元,增长4.4%",
        "第二产业增加值1032.70亿元,增长4.6%",
        "全市完成固定资产投资1497.55亿元,增长9.0%。",
    ]
    # A layout break right after an amount goes on where the next line opens on a word that follows an amount.
    for going_on in ("以上的企业有12家。", "同比增长9.0%。", "占全区的45%。", "的项目8个。", "和1.2亿美元。"):
        wrapped = f"2024年,高新区规模以上工业企业实现营业收入达到1497.55亿元\n{going_on}\n"
        assert logical_paragraphs(wrapped) == [wrapped.replace("\n", "")], going_on


def test_an_e_paper_date_line_dates_the_page():
    # An e-paper's breadcrumb (玉溪日报/2023 年/7 月/28 日/第 003 版) is the page's date line: a note of July, so
    # the subhead under a headline of the first half tells the first half's amount.
    from generator.reading.clauses import written_part_way

    opening = ("玉溪日报/2023 年/7 月/28 日/第 003 版高新区新闻", "玉溪高新区上半年经济运行稳中有进")
    assert written_part_way(opening, None, 2023)
    assert not written_part_way(("玉溪日报/2023 年/12 月/28 日/第 003 版", "玉溪高新区经济运行稳中有进"), None, 2023)
    text = (
        "玉溪日报/2023 年/7 月/28 日/第 003 版高新区新闻\n玉溪高新区上半年经济运行稳中有进\n"
        "完成规上工业产值 462.74 亿元,同比增长 5.1%\n记者 李文雯\n"
    )
    assert indicators(text, 2023)["industrial_output_above_scale"]["period"] == "上半年"


def test_a_story_opening_on_its_date_is_never_joined_to_the_headline_above():
    # A headline may hold a comma (营收同比涨25%,五年复合超8%); the body opening on its date (5月17日,记者…) is a
    # paragraph of its own, so the year it names (2021年第一季度) is not read as the headline's.
    headline = "佛山国家高新区营收同比涨25%,五年复合超8%"
    body = "5月17日,记者从管委会获悉,2021年第一季度,六大支柱产业的营业收入达到1148亿元。"
    assert logical_paragraphs(f"{headline}\n{body}\n") == [headline, body]
    # A line cut after a comma goes on, whatever opens the next line.
    assert logical_paragraphs("截至今年,高新区已连续举办,\n5月17日,第十届论坛开幕。\n") == [
        "截至今年,高新区已连续举办,5月17日,第十届论坛开幕。"
    ]


def test_a_byline_ending_on_its_date_is_a_paragraph_of_its_own():
    """A headline with commas, a byline ending on its date and time, then the body: three paragraphs, so the body's
    first clause (西安2023年全市…) opens on the city, not on the headline's and byline's words."""
    headline = "2023年1-12月西安各地财政收入,雁塔位居第二,新城增速出色"
    byline = "宝盒观天下 2024-04-26 22:18:15"
    body = "西安2023年全市一般公共预算收入951.92亿元,增长14.1%。"
    assert logical_paragraphs(f"{headline}\n{byline}\n{body}\n") == [headline, "宝盒观天下2024-04-2622:18:15", body]
    text = f"{headline}\n{byline}\n{body}\n高新区2023年一般公共预算收入170.19亿元,同比增长23.6%。\n"
    drafted = indicators(text, 2023)["district_general_budget_revenue"]  # the city's is no park's
    assert (drafted["value"], drafted["change_pct"]) == (170.19, 23.6)


def test_a_half_width_full_stop_after_a_chinese_character_ends_the_sentence_and_the_line():
    # Some portals write 。 as "."; it ends the sentence (and a line ending on it is no sentence left open), while a
    # decimal point stays one.
    assert (
        simplified("高于省市平均水平.在国家高新区中排名第16位,增长3.5%.")
        == "高于省市平均水平。在国家高新区中排名第16位,增长3.5%."
    )
    lead = "17日,长春高新区召开工作会议,总结2013年及五年来的工作,部署2014年重点工作."
    body = "记者从会上获悉,2013年长春高新区营业总收入实现4251亿元,同比增长17.4%;地区生产总值实现928亿元,同比增长15.9%。"
    assert logical_paragraphs(f"{lead}\n{body}\n") == [lead, body]
    found = indicators(f"{lead}\n{body}\n", 2013)
    assert (found["gdp"]["value"], found["gdp"]["change_pct"]) == (928, 15.9)  # the 2013 results, not 2014's plan


def test_the_simplified_is_simplified_and_keeps_every_offset():
    text = "嘉禾高新區實現地區生產總值約628.5億元,同比增長6.3%"
    simple = simplified(text)
    assert simple == "嘉禾高新区实现地区生产总值约628.5亿元,同比增长6.3%"
    assert len(simple) == len(text)  # offsets found in the simplified form cut the original


def test_table_rows_take_the_units_of_the_header_line_and_a_unit_column():
    text = (
        "主要经济指标\n单位:亿元、%\n指标名称\t2024年\t同比增长\n(一)营业收入\t1286.40\t10.2\n"
        "(二)固定资产投资\t--\t-3.5\n  其中:规模以上工业总产值  871.50  9.1\n"
        "科技指标\n指标\t单位\t2024年\t同比增长(%)\n有效发明专利\t件\t3856\t15.2\n"
    )
    rows = {row.name: row for row in read_tables(raw_lines(text), 2024)}
    revenue = rows["营业收入"]
    assert (revenue.value, revenue.unit, revenue.change_pct) == (Decimal("1286.40"), "亿元", Decimal("10.2"))
    assert rows["固定资产投资"].value is None  # "--": no figure, only its growth
    assert rows["规模以上工业总产值"].value == Decimal("871.50")  # 其中: and two-space cells
    patents = rows["有效发明专利"]
    assert (patents.value, patents.unit, patents.change_pct) == (Decimal("3856"), "件", Decimal("15.2"))


def test_table_rows_are_never_joined_to_prose():
    text = "单位:亿元、%\n(一)营业收入\t1286.40\t10.2\n(二)地区生产总值\t512.30\t7.2\n"
    lines = raw_lines(text)
    paragraphs, first = paragraphs_with_lines(text, table_lines(lines))
    assert paragraphs == ["单位:亿元、%", "(一)营业收入1286.4010.2", "(二)地区生产总值512.307.2"]
    assert first == [0, 1, 2]


def test_a_column_headed_by_its_months_holds_the_amounts_and_bars_stay_in_the_quote():
    text = "附表 2024年1—12月主要指标\n指标 | 计量单位 | 1-12月 | 比上年同期增长(%)\n"
    text += "地区生产总值 | 亿元 | 356.72 | 5.9\n"
    (row,) = read_tables(raw_lines(text), 2024)
    assert (row.value, row.unit, row.change_pct) == (Decimal("356.72"), "亿元", Decimal("5.9"))
    assert row.text == "地区生产总值|亿元|356.72|5.9"  # the row as the report writes it, spaces aside


def test_tables_as_published_are_drafted_as_the_checker_reads_them():
    from tests.extract_helpers import indicators, refused

    text = (
        "表1 2024年主要经济指标\n单位：亿元\n指标名称\t全区\t其中：主园区\n\t绝对额\t同比(%)\t绝对额\t同比(%)\n"
        "1.营业收入\t2108.6\t10.3\t1500.2\t9.1\n（一）地区生产总值\t742.3\t7.4\t--\t--\n续表1\n"
        "其中：出口总额(亿美元)\t12.47\t-3.7\t8.1\t2.0\n"
        "表2 主园区科技指标\n单位：家\n指标\t主园区\n\t绝对额\t同比(%)\n高新技术企业数\t402\t12.3\n"
        "表3 税收\n单位：亿元、%\n指标\t2024年\t同比增长(%)\t占全市比重(%)\t全市位次\n税收收入\t38.9\t5.4\t21.3\t2\n"
    )
    found = indicators(text)
    assert (found["operating_revenue"]["value"], found["operating_revenue"]["change_pct"]) == (2108.6, 10.3)
    assert "scope" not in found["operating_revenue"]
    assert (found["gdp"]["value"], found["gdp"]["change_pct"]) == (742.3, 7.4)
    assert (found["export_total"]["value"], found["export_total"]["change_pct"]) == (12.47, -3.7)
    assert found["national_high_tech_enterprises"]["scope"] == "主园区"
    assert (found["tax_revenue"]["value"], found["tax_revenue"]["change_pct"]) == (38.9, 5.4)
    assert refused(text) == []
