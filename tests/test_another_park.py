"""A passage that opens on another park tells that park's amounts: the checker refuses them as this park's, as the
drafts leave them out (parts.park_told, parts.about_another_park), by the park's names in data/parks/."""

from __future__ import annotations

from generator.cli import main
from tests.conftest import MINI_PARK, MINI_SOURCE_TEXT

# One paragraph per park, as a round-up of several parks prints them.
ROUND_UP = MINI_SOURCE_TEXT.replace(
    "工业增长保持良好势头。高新区完成规模以上工业总产值2145.69亿\n元",
    "株洲高新区工业增长保持良好势头。完成规模以上工业总产值2145.69亿元",
)


def _check(tmp_path, mini_data, capsys, changes) -> tuple[int, str]:
    data = mini_data(tmp_path, changes)
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n", encoding="utf-8")  # the project, with its cache folder
    code = main(["check", "--data", str(data)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_another_parks_amount_is_refused_and_the_parks_own_accepted(tmp_path, capsys, mini_data):
    code, out = _check(tmp_path, mini_data, capsys, {"sources/demo-2016.txt": ROUND_UP})
    assert code == 1
    assert "indicators[0].value: expected the park's own amount, found another park's (株洲高新区…)" in out
    # The same passage, once the park is 株洲's: its own amount (and the cached proof is not reused).
    renamed = MINI_PARK.replace("示范高新技术产业开发区", "株洲高新技术产业开发区").replace("示范高新区", "株洲高新区")
    code, out = _check(tmp_path, mini_data, capsys, {"sources/demo-2016.txt": ROUND_UP, "parks/demo.yaml": renamed})
    assert code == 0, out


def test_a_later_sentence_that_opens_on_the_park_itself_is_its_own(tmp_path, capsys, mini_data):
    text = ROUND_UP.replace("。完成", "。示范高新区完成")
    code, out = _check(tmp_path, mini_data, capsys, {"sources/demo-2016.txt": text})
    assert code == 0, out


ZONE = "据统计,2020年兰白自创区地区生产总值预计达到420亿元(兰州高新区292亿元、白银高新区128亿元),比2019年增长5.86%。"
QUOTE = "2020年兰白自创区地区生产总值预计达到420亿元(兰州高新区292亿元、白银高新区128亿元)"


def _problems(value, places, **fields) -> list[str]:
    from generator.data.model import Source
    from generator.data.validate import entry_problems

    source = Source(id="s", title="t", publisher="p", kind="work-report", published=None, park="demo",
                    paragraphs=[ZONE], covers=(2020,))  # fmt: skip
    catalogue = {"gdp": {"id": "gdp", "name": "地区生产总值", "aliases": [], "unit": "亿元", "kind": "flow"}}
    entry = {"id": "gdp", "value": value, "unit": "亿元", "qualifier": "预计", "source": "s", "quote": QUOTE, **fields}
    return entry_problems("indicators", entry, source, ("demo", 2020, places), catalogue)


def test_a_parks_part_in_brackets_after_several_parks_total_is_its_amount():
    assert _problems(128, ("白银",)) == []
    assert _problems(420, ("白银",)) == [
        "indicators[0].value: expected 128亿元 (the amount '地区生产总值' governs in its clause), found 420 亿元"
    ]
    assert _problems(420, ()) == [
        "indicators[0].value: expected the park's own amount, found the total of several parks (兰州高新区、白银高新区)"
    ]
    quoted = {"quote": QUOTE + ",比2019年增长5.86%", "change_pct": 5.86}
    assert [p.split(":")[0] for p in _problems(128, ("白银",), **quoted)] == ["indicators[0].change_pct"]


def test_the_draft_takes_the_parks_part_and_leaves_the_total():
    from generator.editor.extract.draft import extract
    from tests.extract_helpers import catalogue

    drafted = extract(ZONE, "s", catalogue(), "baiyin", 2020, ("白银高新技术产业开发区",)).data["indicators"]
    assert [(item["id"], item["value"], item.get("change_pct")) for item in drafted] == [("gdp", 128, None)]
    drafted = extract(ZONE, "s", catalogue(), "other", 2020, ("天水高新技术产业开发区",)).data["indicators"]
    assert drafted == []


def test_the_draft_of_the_first_parks_part_quotes_the_whole_brackets():
    # Cut after 兰州高新区292亿元 the quote shows one part of 420亿元 and no other: the checker could not tell it the
    # park's own, and the draft left it out.
    from generator.editor.extract.draft import extract
    from tests.extract_helpers import catalogue

    drafted = extract(ZONE, "s", catalogue(), "lanzhou", 2020, ("兰州高新技术产业开发区",)).data["indicators"]
    assert [(item["id"], item["value"], item["quote"]) for item in drafted] == [("gdp", 292, QUOTE)]
    assert _problems(292, ("兰州",)) == []


# A page about another zone: its first paragraph opens on that zone's name, the next names none (高新区…).
ANOTHER_ZONES_PAGE = "株洲高新区2001年开园建设,2010年升级为国家高新区。\n\n" + MINI_SOURCE_TEXT


def test_a_paragraph_naming_no_zone_goes_on_with_the_zone_the_paragraph_before_opened_on(tmp_path, capsys, mini_data):
    code, out = _check(tmp_path, mini_data, capsys, {"sources/demo-2016.txt": ANOTHER_ZONES_PAGE})
    assert code == 1
    assert "indicators[0].value: expected the park's own amount, found another park's (株洲高新区…)" in out
    # Words before 高新区 that are no zone's name (a verb whose object the park is) leave the park its own amounts.
    for opening in ("制定高新区发展规划,2010年升级为国家高新区。", "今年是我市高新区升级后的第一年。"):
        page = opening + "\n\n" + MINI_SOURCE_TEXT
        code, out = _check(tmp_path, mini_data, capsys, {"sources/demo-2016.txt": page})
        assert code == 0, out


def test_the_draft_leaves_out_the_amounts_of_a_zone_the_paragraph_before_opened_on():
    from generator.editor.extract.draft import extract
    from tests.extract_helpers import catalogue

    text = "2016年,示范高新区实现营业收入100亿元。\n鲤城高新区2001年开园建设。\n高新区2016年实现规上工业总产值429亿元。"
    drafted = extract(text, "s", catalogue(), "demo", 2016, ("示范高新技术产业开发区",)).data["indicators"]
    assert [item["id"] for item in drafted] == ["operating_revenue"]


def test_the_park_named_after_qizhong_is_the_park_not_a_part_of_the_figure_before():
    # 其中 after a city's GDP: the part it names is the park itself, whose GDP it is; the city's is none of the park's.
    from generator.editor.extract.draft import extract
    from tests.extract_helpers import catalogue

    text = "2013年,自贡市实现GDP1001.60亿元。其中,自贡高新区经济保持持续增长态势,"
    text += "实现地区生产总值252.55亿元,同比增长19.2%。"
    drafted = extract(text, "s", catalogue(), "zigong", 2013, ("自贡高新技术产业开发区",)).data["indicators"]
    assert [(item["id"], item["value"], item.get("change_pct")) for item in drafted] == [("gdp", 252.55, 19.2)]
    # Another park after 其中 stays a part of the figure before.
    drafted = extract(text, "s", catalogue(), "other", 2013, ("内江高新技术产业开发区",)).data["indicators"]
    assert drafted == []


def test_one_zone_named_as_a_clauses_subject_takes_the_amounts_back_from_an_area():
    # 我国… opens on the whole country; a later sentence whose subject is one zone by its place is that zone's.
    from tests.extract_helpers import indicators

    text = "1984年,我国开发区才应运而生。1992年,成立烈山经济技术开发区。1999年底,烈山经济技术开发区生产总值1.1亿元。"
    assert indicators(text, 1999)["gdp"]["value"] == 1.1
    assert indicators("1984年,我国开发区才应运而生。1999年底,生产总值1.1亿元。", 1999) == {}


def test_the_citys_one_high_tech_zone_after_qizhong_is_the_park():
    # 全市园区… is all the city's parks; 其中高新区… is the park (the city's one 高新区), whose amount it is.
    from tests.extract_helpers import indicators

    text = "2015年,全市园区完成工业总产值达到1600亿元。产值突破100亿元的园区达到5个,其中高新区工业总产值达到326亿元。"
    assert {key: item["value"] for key, item in indicators(text, 2015).items()} == {"industrial_output": 326}


def test_a_districts_own_measure_named_right_after_it_is_the_districts():
    """雁塔区的税收收入为46.80亿元 on a page of a city's districts and zones: the district's, not the park's."""
    from tests.extract_helpers import indicators

    assert indicators("雁塔区的税收收入为46.80亿元,增长23.9%。\n", 2023) == {}
    assert indicators("高新区的税收收入为46.80亿元,增长23.9%。\n", 2023)["tax_revenue"]["value"] == 46.8


def test_the_taxes_of_a_budgets_revenue_are_not_all_the_taxes_collected():
    """一般公共预算收入…,其中税收收入…: the budget's taxes (its local share) are no 税收收入; the taxes of the total
    fiscal revenue (财政总收入…,其中税收收入…) are all the taxes collected in the park."""
    from tests.extract_helpers import indicators

    budget = indicators("2023年,高新区一般公共预算收入170.19亿元,其中税收收入159.23亿元。\n", 2023)
    assert set(budget) == {"district_general_budget_revenue"}
    total = indicators("2023年,高新区财政总收入170.19亿元,其中税收收入159.23亿元。\n", 2023)
    assert total["tax_revenue"]["value"] == 159.23


# A round-up of zones in one sentence, its time first and each ；-item opening on its own zone.
ITEMS = (
    "今年1-6月,成都高新区实现地区生产总值1393.1亿元,同比增长13.6%;杭州高新区实现地区生产总值940.7亿元,同比增长13.9%;"
    "合肥高新区实现地区生产总值618.3亿元,同比增长19.3%。"
)


def test_each_item_of_a_round_up_is_its_own_zones():
    from generator.data.model import Source
    from generator.data.validate import entry_problems
    from generator.editor.extract.draft import extract
    from tests.extract_helpers import catalogue

    source = Source(id="s", title="t", publisher="p", kind="work-report", published=None, park="hefei",
                    paragraphs=[ITEMS], covers=(2021,))  # fmt: skip
    names = {"gdp": {"id": "gdp", "name": "地区生产总值", "aliases": [], "unit": "亿元", "kind": "flow"}}

    def problems(quote: str, value: float, change: float) -> list[str]:
        entry = {"id": "gdp", "value": value, "unit": "亿元", "change_pct": change, "period": "1-6月", "source": "s",
                 "quote": quote}  # fmt: skip
        return entry_problems("indicators", entry, source, ("hefei", 2021, ("合肥",)), names)

    assert problems("合肥高新区实现地区生产总值618.3亿元,同比增长19.3%", 618.3, 19.3) == []
    assert problems("杭州高新区实现地区生产总值940.7亿元,同比增长13.9%", 940.7, 13.9) == [
        "indicators[0].value: expected the park's own amount, found another park's (杭州高新区…)"
    ]
    drafted = extract(ITEMS, "s", catalogue(), "hefei", 2021, ("合肥高新技术产业开发区",)).data["indicators"]
    assert [(item["id"], item["value"]) for item in drafted] == [("gdp", 618.3)]
