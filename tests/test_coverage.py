"""Coverage: which numbers of a report the curated quotes cover, a figure told again counted with the telling."""

from generator.data.coverage import coverage
from generator.data.model import Source

LEAD = "天津北方网讯: 2015年完成规模以上工业总产值1572亿元,增长17.7%。"
BODY = "全年完成规模以上工业总产值1572亿元,增长17.7%;新开工项目37个;竣工项目37个,竣工面积256万平方米。"


def _source(*paragraphs: str) -> Source:
    return Source(id="s", title="t", publisher="p", kind="press", published=None, park="demo",
                  paragraphs=list(paragraphs), covers=(2015,))  # fmt: skip


def test_a_lead_telling_a_covered_figure_again_is_covered():
    result = coverage(_source(LEAD, BODY), ["全年完成规模以上工业总产值1572亿元,增长17.7%"])
    assert [m.text for m in result.missed] == ["37", "37", "256万"]  # the body's own other figures, not quoted
    assert sorted(m.text for m in result.covered) == ["1572亿", "1572亿", "17.7", "17.7"]


def test_the_same_number_after_other_words_is_another_figure():
    headline = "去年竣工项目37个"
    covered = coverage(_source(headline, BODY), ["竣工项目37个,竣工面积256万平方米"])
    assert "37" not in [m.text for m in covered.missed if m.paragraph == 0]  # 去年竣工项目 ends on 竣工项目
    # The verb before the body's amount says nothing of what it counts: 预计总投资达到76.63亿元 in the body.
    title = coverage(_source("桂林高新区今年预计总投资76.63亿元", "16个项目预计总投资达到76.63亿元。"),
                     ["16个项目预计总投资达到76.63亿元"])  # fmt: skip
    assert title.missed == []
    other = coverage(_source("引进人才37个", BODY), ["竣工项目37个,竣工面积256万平方米"])
    assert [m.text for m in other.missed if m.paragraph == 0] == ["37"]  # 引进人才37个 is another count


def test_numbers_that_count_nothing_are_no_mentions():
    from generator.reading.figures import is_counted
    from generator.reading.numbers import find_numbers

    def counted(text: str) -> list[str]:
        return [text[t.start : t.end] for t in find_numbers(text) if is_counted(t, text)]

    # A year naming what follows, a slogan's parts, a ranking's class, a road, a telephone: none counts anything.
    assert counted("被评为2023政法智能化建设创新案例;2035远景目标") == []
    assert counted("实施“3大战略”,紧盯世界500强,沿338省道布局") == []
    assert counted("举报电话:0591-87275327") == []
    # Amounts stay, a year-like one too: 2000亿元, 2023家.
    assert counted("5个2000亿园区之一,集聚企业2023家,产值2019.5亿元") == ["5", "2000亿", "2023", "2019.5亿"]
