"""Traditional script read as simplified, character for character, through OpenCC's own character table.

A repost in 繁體 (地區生產總值約300億元) is read with the same words as a report in simplified characters; the
mapping keeps every character in place, so an offset found in the simplified form cuts the text as written.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

# Corner brackets are the quotation marks of traditional script: 「小巨人」 reads as “小巨人”.
_QUOTE_MARKS = {"「": "“", "」": "”", "『": "‘", "』": "’"}


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """OpenCC's traditional-to-simplified character table (the first simplified form of each character)."""
    text = resources.files("opencc").joinpath("dictionary/TSCharacters.txt").read_text(encoding="utf-8")
    table = {}
    for line in text.splitlines():
        traditional, _, simplified_forms = line.partition("\t")
        first = simplified_forms.split(" ")[0] if simplified_forms else ""
        if len(traditional) == 1 and len(first) == 1 and first != traditional:
            table[ord(traditional)] = first
    table.update({ord(mark): shown for mark, shown in _QUOTE_MARKS.items()})
    return table


# A half-width full stop after a Chinese character, not a decimal point: some portals write 。 so (部署2014年重点工作.).
_HALF_WIDTH_STOP = re.compile(r"(?<=[\u4e00-\u9fff])\.(?!\d)")

# Question marks a garbled page writes for characters it lost (今年1-7月,??趪腋咝聟^完成…): a run of them, or one
# after a clause's mark or at a line's start, before a Chinese character, asks nothing; read as □, a lost character.
_LOST_CHARACTERS = re.compile(
    r"(?:(?<=^)|(?<=[,，、;；:：。\n]))\?+(?=[\u4e00-\u9fff])|\?{2,}(?=[\u4e00-\u9fff])", re.M
)


def _lost(match: re.Match) -> str:
    return "□" * len(match.group())


@lru_cache(maxsize=16384)
def simplified(text: str) -> str:
    """`text` with traditional characters read as simplified ones, a half-width full stop ending a Chinese sentence
    read as 。 and a garbled page's question marks for lost characters as □, the same length."""
    if text.isascii():
        return text
    text = text.translate(_table())
    # Both patterns open on a look behind, tried at every character: run only where their mark stands at all.
    if "." in text:
        text = _HALF_WIDTH_STOP.sub("。", text)
    if "?" in text:
        text = _LOST_CHARACTERS.sub(_lost, text)
    return text


# The reading reads Chinese in either script, and English through english.py. A page in another language (a Japanese
# daily, a Korean one) gives it little to read: the editor is told so, to archive the Chinese original if there is one.
_HAN = re.compile(r"[\u4e00-\u9fff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_LATIN = re.compile(r"[A-Za-z]")
_LETTERS_PER_WORD = 5
JAPANESE = "Japanese"
LATIN_SCRIPT = (
    "a Latin-script language"  # an English word against a Chinese character: more words than characters is not Chinese
)


@lru_cache(maxsize=16384)  # asked of every quote the checker reads
def other_language(text: str) -> str | None:
    """The language a text is written in when it is not Chinese ("Japanese" or "a Latin-script language"), else None."""
    han, kana, latin = (len(pattern.findall(text)) for pattern in (_HAN, _KANA, _LATIN))
    letters = han + kana + latin
    if not letters:
        return None
    if kana / letters > 0.1:
        return JAPANESE  # kana beside kanji: Chinese never writes them
    # English site furniture, a translation after the report, pinyin over each character: still more Chinese.
    return LATIN_SCRIPT if latin / _LETTERS_PER_WORD > han else None
