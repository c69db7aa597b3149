"""Archive a report's text: drop page furniture and accidental duplication, never reword."""

from __future__ import annotations

import re

# Lines that belong to the web page, not the document.
_FURNITURE = re.compile(
    r"^(\|+|扫一扫.*|请扫描二维码.*|关注.{0,12}|.*字体大小.*|打印本页|关闭窗口|分享到.*|【?(打印|关闭|收藏)】?"
    r"|首页\s*[>›].*|当前位置.*|来源[::].{0,20}|日期[::]?|\d{4}年\d{2}月\d{2}日\s*\d{1,2}:\d{2}"
    r"|上一篇.*|下一篇.*|责任编辑.*|\[?返回顶部\]?)$"
)
_MIN_REPEAT = 3  # a repeated run of this many paragraphs or more is duplication, not style


def _drop_repeated_runs(paragraphs: list[str]) -> list[str]:
    """Remove any run of paragraphs that repeats an earlier run (a scraping accident), keeping the first."""
    kept: list[str] = []
    index = 0
    while index < len(paragraphs):
        best = 0
        for start in range(len(kept)):
            length = 0
            while (
                start + length < len(kept)
                and index + length < len(paragraphs)
                and kept[start + length] == paragraphs[index + length]
            ):
                length += 1
            best = max(best, length)
        if best >= _MIN_REPEAT:
            index += best
        else:
            kept.append(paragraphs[index])
            index += 1
    return kept


def clean_report(text: str) -> str:
    """The report's text as archived: one paragraph per line, furniture and duplicated runs removed."""
    lines = [line.strip().replace("**", "") for line in text.replace("\r\n", "\n").split("\n")]
    paragraphs = [line for line in lines if line and not _FURNITURE.match(line)]
    return "\n".join(_drop_repeated_runs(paragraphs)) + "\n"
