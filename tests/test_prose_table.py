"""The careful editor's table, continued for the prose around the entries: a year's summary against the numbers
its file proves, and the profile words (a park's description, a source's note, an indicator's definition) that no
quote stands beside. Each row: the words, what the file proves, the answer (accept, or the words of the message),
and why. The fact and target texts are rows of tests/test_binding.py, which checks them with their quotes.
"""

from __future__ import annotations

import pytest

from generator.data.prose import profile_problems, summary_problems

ACCEPT = None


def ind(value, unit="亿元", change_pct=None, qualifier=None, change_qualifier=None) -> tuple[str, dict]:
    entry = {"id": "x", "value": value, "unit": unit, "change_pct": change_pct, "qualifier": qualifier}
    return "indicators", {**entry, "change_qualifier": change_qualifier, "quote": "引文"}


def fact(*figures) -> tuple[str, dict]:
    listed = [{"value": v, "unit": u, "qualifier": q} for v, u, q in figures]
    return "facts", {"text": "事实。", "figures": listed, "quote": "引文"}


def target(value, unit: str, comparator: str = "=") -> tuple[str, dict]:
    return "targets", {"text": "目标。", "value": value, "unit": unit, "comparator": comparator, "quote": "引文"}


OUTPUT = ind(2145.69, change_pct=8)
FDI = ind(3.65, "亿美元", qualifier="约")
SOFTWARE = ind(300, qualifier="近")
PROVES = "expected a number this file proves"

# (summary, entries of the year file, answer, why)
SUMMARIES = [
    ("规上工业总产值2145.69亿元、增长8%。", [OUTPUT], ACCEPT, "the indicator's value and growth"),
    ("规上工业总产值2945.69亿元、增长8%。", [OUTPUT], f"{PROVES} … found 2945.69亿元", "a changed digit"),
    ("规上工业总产值2145.69亿元、增长18%。", [OUTPUT], f"{PROVES} … found 18%", "a changed growth"),
    ("规上工业总产值2145.69亿元、下降8%。", [OUTPUT], f"{PROVES} … found 8%", "the growth's sign turned"),
    ("规上工业总产值2145.69亿元,比上年增长8%。", [OUTPUT], ACCEPT, "比上年增长 is growth too"),
    ("规上工业总产值2145.69亿元、增长8%,三次产业协调发展。", [OUTPUT], ACCEPT,
     "三次产业 (the three sectors) is a statistics term, not three times"),
    ("规上工业总产值2145.69亿元、增长8%,检查三次。", [OUTPUT], f"{PROVES} … found 三次", "三次 alone counts times"),
    ("出口-5%,进口下降3%。", [ind(1, change_pct=-5), ind(2, change_pct=-3)], ACCEPT,
     "a minus sign and 下降 both say a decline"),
    ("出口增长5%。", [ind(1, change_pct=-5)], f"{PROVES} … found 5%", "a decline written as growth"),
    ("规上工业总产值21456900万元。", [OUTPUT], ACCEPT, "万 and 亿 read as multipliers: the same amount"),
    ("规上工业总产值2145.69万元。", [OUTPUT], f"{PROVES} … found 2145.69万元", "万 for 亿"),
    ("规上工业总产值2145.69亿美元。", [OUTPUT], f"{PROVES} … found 2145.69亿美元", "美元 is another unit family"),
    ("实际利用外资约3.65亿美元。", [FDI], ACCEPT, "the hedge the entry records"),
    ("实际利用外资3.65亿美元。", [FDI], "expected 约3.65亿美元 (as indicators[0] records it), found 3.65亿美元",
     "the hedge left out"),
    ("规上互联网软件业营收近300亿元。", [SOFTWARE], ACCEPT, "近 as recorded"),
    ("规上互联网软件业营收超300亿元。", [SOFTWARE], "expected 近300亿元 (as indicators[0] records it), found 超300亿元",
     "近 (below) written as 超 (above)"),
    ("规上工业总产值超2145.69亿元。", [OUTPUT], "expected 2145.69亿元 (as indicators[0] records it)",
     "a hedge the entry does not have"),
    ("预计全年规上工业总产值2145.69亿元。", [ind(2145.69, qualifier="预计")], ACCEPT,
     "预计 before the number in its sentence"),
    ("全年规上工业总产值2145.69亿元。", [ind(2145.69, qualifier="预计")], "expected 预计2145.69亿元",
     "an estimate written as a result"),
    ("新增高新技术企业120家、上市企业3家。", [ind(120, "家"), fact((3, "家", None))], ACCEPT,
     "an indicator's value and a fact's figure"),
    ("新增上市企业三家。", [fact((3, "家", None))], ACCEPT, "三 is 3"),
    ("新增上市企业两家。", [fact((3, "家", None))], f"{PROVES} … found 两家", "两 is 2, not 3"),
    ("编制一个方案,新增一家孵化器。", [], ACCEPT, "一 before a counting word is the article: a plan, a new incubator"),
    ("两类企业合计123家。", [ind(120, "家"), fact((3, "家", None))],
     f"{PROVES} … found 123家, the sum of 120家 (indicators[0]) and 3家 (facts[0].figures[0]): write it as a fact",
     "a sum no report writes"),
    ("两者相差117家。", [ind(120, "家"), fact((3, "家", None))], "found 117家, the difference of 120家",
     "a difference no report writes"),
    ("路演活动500多场。", [fact((500, "场", "多"))], ACCEPT, "多 as recorded"),
    ("路演活动500场。", [fact((500, "场", "多"))], "expected 500多场 (as facts[0].figures[0] records it)",
     "500多 is more than 500"),
    ("2017年计划安排重点项目31个、计划投资122亿元。", [target(31, "个"), target(122, "亿元")], ACCEPT,
     "targets' values; 2017年 is a year"),
    ("力争净增130家以上、总数突破1000家。", [target(130, "家", ">="), target(1000, "家", ">=")], ACCEPT,
     "以上 and 突破 say what >= says"),
    ("力争净增130家以上。", [target(130, "家", "=")], "expected 130家 (as targets[0] records it), found 130家以上",
     "以上 on a target of exactly 130"),
    ("2016年1-9月,园区综合实力位居第3位,“十四五”三大任务、三优两先表彰、一批项目、软件园三期、5G和2017-02-03。", [],
     ACCEPT, "years, dates, ordinals, names and idioms are no figures"),
    ("新增3个百亿项目。", [fact((3, "个", None))], ACCEPT, "百亿 names a class of project: no numeral before it"),
    ("园区众创空间数占全市四成以上。", [fact((8, "家", None))], f"{PROVES} … found 四成", "四成 is 40%, a figure"),
]  # fmt: skip


@pytest.mark.parametrize(("summary", "entries", "answer", "why"), SUMMARIES, ids=[row[3] for row in SUMMARIES])
def test_the_careful_editors_answer_on_a_summary(summary, entries, answer, why):
    data: dict = {"summary": summary, "indicators": [], "facts": [], "targets": []}
    for section, entry in entries:
        data[section].append(entry)
    found = summary_problems(data)
    if answer is ACCEPT:
        assert found == [], why
    else:
        pieces = answer.split(" … ")
        assert [p for p in found if all(piece in p for piece in pieces)], (why, found)


# (field, kind, words, answer, why)
PROFILES = [
    ("note", "source", "发文日期2017-02-03,网站发布时间2017-02-04;索引号 XM00203-03-02-2017-001。", ACCEPT,
     "dates and a document number are no figures"),
    ("note", "source", "原文只写“1月13讯”;年份据内容(“2020蓝图”)推定为2020年。", ACCEPT, "a date and years"),
    ("note", "source", "报纸版面的换行落在数字中间(如“3626亿”/“元”)。", "found 3626亿",
     "a report's number, quoted without its quote's proof"),
    ("description", "park", "1991年经国务院批准设立,是首批国家级高新区之一。", ACCEPT, "a year and 首批"),
    ("description", "park", "概况据国务院批复(国函〔1992〕169号,文本见 http://example.org/law/1/28274.html )。", ACCEPT,
     "an official document number and a cited page's address are no figures"),
    ("note", "source", "转载页 https://baike.example.org/item/张江高科技园区/0 的开头部分。", ACCEPT,
     "an address with a Chinese path segment is no figure"),
    ("description", "park", "据批复(国函〔1992〕169号),园区面积153平方公里。", "found 153平方公里",
     "an area beside a document number is still a figure"),
    ("description", "park", "园区有高新技术企业1200家。", "no figure in the park's description", "a count"),
    ("description", "park", "园区规划面积约二十平方公里。", "found 二十平方公里", "an area in Chinese numerals"),
    ("definition", "indicator", "年主营业务收入2000万元及以上的工业企业的总产值。", "found 2000万元",
     "a threshold no quote proves"),
    ("definition", "indicator", "R&D经费内部支出占园区地区生产总值的百分比;不是“每万人有效发明专利拥有量”。", ACCEPT,
     "R&D and 每万人 state no figure"),
    ("note", "source", "本页是创新360网站转载的工作报告。", ACCEPT,
     "the publisher's own name (创新360) is a name, not a figure"),
    ("note", "source", "本页是创新360网站转载的工作报告,全区企业360家。", "found 360家",
     "the same digits as a count outside the name are a figure"),
]  # fmt: skip


@pytest.mark.parametrize(("field", "kind", "words", "answer", "why"), PROFILES, ids=[row[4] for row in PROFILES])
def test_the_careful_editors_answer_on_profile_words(field, kind, words, answer, why):
    found = profile_problems(field, words, kind, ("政府工作报告", "创新360") if kind == "source" else ())
    if answer is ACCEPT:
        assert found == [], why
    else:
        assert [p for p in found if answer in p and "put it in a year file" in p], (why, found)


def test_the_table_has_both_answers():
    answers = [row[2] for row in SUMMARIES] + [row[3] for row in PROFILES]
    assert answers.count(ACCEPT) >= 15 and len(answers) - answers.count(ACCEPT) >= 15
