"""Archive a report's text: drop page furniture and accidental duplication, never reword.

What counts as furniture is what a web page adds around a document: empty lines, QR-code footers
("扫一扫…", "请扫描二维码", "关注…"), font-size switches, lone "|" separators, navigation and
breadcrumb lines, share/print/close buttons, the page's metadata table (索引号, 发布机构, 日期, 来源…),
a logo's Latin caption, and Markdown bold marks left by a scraper. Everything else is kept as it
stands, one paragraph per line. A run of paragraphs that repeats an earlier run (a page scraped twice)
is kept once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_META_KEYS = (
    "索引号|文号|发文字号|发布机构|发文机关|发文日期|成文日期|发布日期|发布时间|生成日期|名称|标题|内容概述|主题分类|体裁分类"
    "|主题词|公开方式|公开范围|有效性|信息来源|来源|作者|编辑|责任编辑|浏览次数|点击数|阅读数|访问量|日期|时间"
)
_FURNITURE = re.compile(
    r"^(?:"
    r"[|｜丨]+"  # lone separators
    r"|扫一扫.*|.*请?扫描二维码.*|.{0,6}二维码.{0,10}|关注.{0,14}|.*字体大小.*|【?字体[::].{0,12}|字号[::].{0,12}"
    r"|打印本页|关闭窗口|【?(?:打印|关闭|收藏|返回|顶部|打印本页|关闭窗口)】?(?:\s*【?(?:打印|关闭|收藏|返回|顶部)】?)*"
    r"|分享到.{0,30}|.{0,4}(?:首页|主页)\s*[>›»/].*|当前位置.*|您的位置.*|您现在的位置.*|网站首页.{0,40}"
    r"|上一篇.*|下一篇.*|上一条.*|下一条.*|\[?返回顶部\]?|返回列表|相关链接.{0,10}|附件下载.{0,10}"
    rf"|(?:{_META_KEYS})\s*[::].{{0,120}}"  # the page's metadata table
    r"|\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}(?::\d{2})?|\d{4}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|[A-Z][A-Z &\-.,']{3,}"  # a logo's caption: TORCH / DEVELOPMENT ZONE FOR
    r")$"
)
# A menu: several short items separated by | > » / (首页 | 机构概况 | 政务公开 …).
_MENU = re.compile(r"^(?:[^\s|>›»/。,,;;]{1,10}\s*[|>›»/｜]\s*){2,}[^\s|>›»/。,,;;]{0,10}$")
_MIN_RUN = 3  # a repeated run of this many paragraphs or more is duplication, not style …
_MIN_CHARS = 80  # … or of this many characters (one long paragraph pasted twice)


@dataclass
class CleaningLog:
    """What `clean_report_with_log` removed."""

    kept: int = 0
    duplicated: int = 0
    furniture: list[str] = field(default_factory=list)


def _is_furniture(line: str) -> bool:
    return bool(_FURNITURE.match(line) or _MENU.match(line))


def _split_run_on(line: str) -> list[str]:
    """A whole document pasted as one line (paragraphs separated by spaces): one paragraph per part.
    Spaces inside brackets (a byline: (记者 张三 李四)) and between a number and its unit stay."""
    if len(re.findall(r"\s+", line)) < 4:
        return [line]
    parts, depth, start = [], 0, 0
    for match in re.finditer(r"[(（)）]|\s+", line):
        token = match.group()
        if token in "(（":
            depth += 1
        elif token in ")）":
            depth = max(0, depth - 1)
        elif depth == 0:
            before = line[match.start() - 1] if match.start() else ""
            after = line[match.end()] if match.end() < len(line) else ""
            if (
                before.isdigit()
                or after.isdigit()
                or (before.isascii() and before.isalpha() and after.isascii() and after.isalpha())
            ):
                continue  # 43.3 亿元, Micro LED
            parts.append(line[start : match.start()])
            start = match.end()
    parts.append(line[start:])
    return [part.strip() for part in parts if part.strip()]


def _drop_repeated_runs(paragraphs: list[str]) -> tuple[list[str], int]:
    """Remove every run of paragraphs that repeats an earlier run, keeping the first; count what went."""
    kept: list[str] = []
    where: dict[str, list[int]] = {}
    dropped = 0
    index = 0
    while index < len(paragraphs):
        best = 0
        for start in where.get(paragraphs[index], []):
            length = 0
            while (
                start + length < len(kept)
                and index + length < len(paragraphs)
                and kept[start + length] == paragraphs[index + length]
            ):
                length += 1
            best = max(best, length)
        run = paragraphs[index : index + best]
        if best and (best >= _MIN_RUN or sum(len(p) for p in run) >= _MIN_CHARS):
            index += best
            dropped += best
            continue
        where.setdefault(paragraphs[index], []).append(len(kept))
        kept.append(paragraphs[index])
        index += 1
    return kept, dropped


def clean_report_with_log(text: str) -> tuple[str, CleaningLog]:
    """The report's text as archived (one paragraph per line) and what was removed."""
    log = CleaningLog()
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = [raw.replace("**", "").strip() for raw in text.split("\n")]  # ** is Markdown bold left by a scraper
    lines = [line for line in lines if line]
    # A document pasted as one line: its paragraphs are separated by spaces.
    run_on = len(lines) <= 3 and any(len(line) >= 600 for line in lines)
    paragraphs = []
    for line in lines:
        for part in _split_run_on(line) if run_on else [line]:
            if _is_furniture(part):
                log.furniture.append(part)
            else:
                paragraphs.append(part)
    kept, log.duplicated = _drop_repeated_runs(paragraphs)
    log.kept = len(kept)
    return ("\n".join(kept) + "\n" if kept else ""), log


def clean_report(text: str) -> str:
    """The report's text as archived: one paragraph per line, furniture and duplicated runs removed."""
    return clean_report_with_log(text)[0]
