"""Traditional script read as simplified, character for character, through OpenCC's own character table.

A repost in 繁體 (地區生產總值約300億元) is read with the same words as a report in simplified characters; the
mapping keeps every character in place, so an offset found in the simplified form cuts the text as written.
"""

from __future__ import annotations

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


@lru_cache(maxsize=16384)
def simplified(text: str) -> str:
    """`text` with traditional characters read as simplified ones, the same length."""
    if text.isascii():
        return text
    return text.translate(_table())
