"""A report the reading cannot read: extract tells the editor when the page is not in Chinese."""

from __future__ import annotations

from generator.reading.script import other_language
from tests.test_editor_tools import SOURCE, extract_notes

ENGLISH = (
    "Jining High-tech Zone held a press conference on its work in 2021. The zone's GDP reached 53.19 billion yuan, "
    "up 8.5 percent year on year, and its fixed-asset investment grew 12 percent.\n"
)


def test_the_language_of_a_page():
    assert other_language(ENGLISH) == "a Latin-script language"
    assert other_language("蘇州ハイテク区の2023年の域内総生産は1835億元となる見込み。") == "Japanese"
    assert other_language("2021年,高新区实现地区生产总值531.9亿元,同比增长8.5%。") is None
    # A Chinese report with an English translation after it, or pinyin over each character, is still Chinese.
    assert other_language("高新区实现地区生产总值531.9亿元,同比增长8.5%。" * 3 + ENGLISH) is None
    assert other_language("高(gāo)新(xīn)區(qū)實(shí)現(xiàn)") is None


def test_extract_says_a_page_is_not_in_chinese(tmp_path, capsys):
    error = extract_notes(tmp_path, capsys, ENGLISH, 2021)
    assert (
        f"sources/{SOURCE}.txt is written in a Latin-script language, not Chinese: the reading reads its figures in"
        in error
    )
