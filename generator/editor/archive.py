"""Archive a report's text: drop page furniture and accidental duplication, never reword.

What counts as furniture is what a web page adds around a document: empty lines, QR-code footers
("扫一扫…", "请扫描二维码", "关注…"), font-size switches, lone "|" separators, navigation and
breadcrumb lines, share/print/close buttons, the page's metadata table (索引号, 发布机构, 日期, 来源…),
a logo's Latin caption, a printed page number (- 1 -), and Markdown bold marks left by a scraper.
Everything else is kept as it stands, one paragraph per line. A run of paragraphs that repeats an
earlier run (a page scraped twice) is kept once. Invisible characters (zero-width spaces and joiners,
soft hyphens, bidirectional controls) are removed and counted: they would split a figure or a name
for the checker without showing on the page.

A government page's metadata block ([ 索引号 ] … [ 发布机构 ] … [ 成文日期 ] …, also in traditional
characters) is not text of the report: `page_metadata` offers it as the source's metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.reading.numbers import INVISIBLE
from generator.reading.script import simplified
from generator.reading.text import without_pinyin

_META_KEYS = (
    "索引号|文号|发文字号|发布机构|发文机关|发文日期|成文日期|发布日期|发布时间|生成日期|名称|标题|内容概述|主题分类|体裁分类"
    "|主题词|公开方式|公开范围|有效性|信息来源|来源|作者|编辑|责任编辑|浏览次数|点击数|阅读数|访问量|日期|时间"
)  # matched on the line read in simplified characters: 發布機構 is 发布机构
# A metadata block as a row of a page's table: [ 索引号 ] value [ 发布机构 ] value …, or | 索引号: | value |.
_META_BLOCK = re.compile(
    rf"^[|｜]?\s*[\[【]?\s*(?:{_META_KEYS})\s*[\]】]?\s*[:：]?\s*[|｜].*$|^\s*[\[【]\s*(?:{_META_KEYS})\s*[\]】].*$"
)
_FURNITURE = re.compile(
    r"^[•·●▪]?\s*(?:"  # a list's bullet before any of it: • 分享到, • 来源: …
    r"[|｜丨]+"  # lone separators
    r"|扫一扫.*|.*请?扫描二维码.*|.{0,6}二维码.{0,10}|关注.{0,14}|.*字体大小.*|【?字体[:：].{0,12}|字号[:：].{0,12}"
    r"|字体\s*【.{0,12}|保护视力色[:：]?.{0,12}|(?:\d+\s*/\s*)?听新闻"  # font size, eye-care colour, read-aloud widgets
    r"|您好[,，!！]?\s*欢迎(?:来到|访问|光临).{0,60}|欢迎(?:访问|光临)[^。]{0,40}"  # the site's greeting
    r"|打印本页|关闭窗口|【?(?:打印|关闭|收藏|返回|顶部|打印本页|关闭窗口)】?(?:\s*【?(?:打印|关闭|收藏|返回|顶部)】?)*"
    r"|分享到.{0,30}|.{0,4}(?:首页|主页)\s*[>›»/].*|当前位置.*|您的位置.*|您现在的位置.*|网站首页.{0,40}"
    r"|上一篇.*|下一篇.*|上一条.*|下一条.*|\[?返回顶部\]?|返回列表|相关链接.{0,10}|附件下载.{0,10}"
    rf"|(?:{_META_KEYS})\s*[:：].{{0,120}}"  # the page's metadata table
    r"|\d{4}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}(?::\d{2})?|\d{4}-\d{2}-\d{2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|[A-Z][A-Z &\-.,']{3,}"  # a logo's caption: TORCH / DEVELOPMENT ZONE FOR
    r"|[-—－]\s*\d{1,3}\s*[-—－]|第\s*\d{1,3}\s*页(?:\s*[,，/]?\s*共\s*\d{1,3}\s*页)?"  # a printed page number
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
    invisible: int = 0
    pinyin: int = 0  # pinyin in brackets after characters (區(qū))
    furniture: list[str] = field(default_factory=list)


def _is_table_line(line: str) -> bool:
    """指标 | 计量单位 | 1-12月 and 地区生产总值 | 亿元 | 356.72 | 5.9: a table's header or row, not a menu."""
    from generator.reading.tables import cells_of, header_of, is_number

    return header_of(line) is not None or any(is_number(cell) for cell in cells_of(line))


def _is_furniture(line: str) -> bool:
    line = simplified(line)
    menu = _MENU.match(line) and not _is_table_line(line)
    return bool(_FURNITURE.match(line) or menu or _META_BLOCK.match(line))


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
    text, log.invisible = INVISIBLE.subn("", text)
    text, log.pinyin = without_pinyin(text)
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


# ---------------------------------------------------------------------------------------------
# A page's metadata block
# ---------------------------------------------------------------------------------------------

_KEYS = {  # each field's keys, the preferred first
    "reference": ("索引号", "发文字号", "文号"),
    "publisher": ("发布机构", "发文机关"),
    "published": ("发布日期", "成文日期", "发文日期", "发布时间"),
}
_ALL_KEYS = sorted({k for keys in _KEYS.values() for k in keys}, key=len, reverse=True)
_PAIR = re.compile(
    rf"[\[【]?\s*(?P<key>{'|'.join(_ALL_KEYS)})\s*[\]】]?\s*[:：]?\s*[|｜\n]?\s*(?P<value>[^|｜\n\[【\u3000]+)"
)
_DATE = re.compile(r"((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")


def _iso_date(text: str) -> str | None:
    match = _DATE.search(text)
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= month <= 12 and 1 <= day <= 31 else None


def page_metadata(text: str) -> dict[str, str]:
    """What a page's metadata block says: reference (索引号 or 文号), publisher, published (a date)."""
    given: dict[str, str] = {}
    text = INVISIBLE.sub("", text)
    # Keys are read in simplified characters (發布機構 is 发布机构); values are cut from the page as it writes them.
    for match in _PAIR.finditer(simplified(text)):
        value = text[match.start("value") : match.end("value")].strip()
        if value:
            given.setdefault(match.group("key"), value)
    found: dict[str, str] = {}
    for field_name, keys in _KEYS.items():
        for key in keys:
            value = given.get(key)
            if value is not None and field_name == "published":
                value = _iso_date(value)
            if value:
                found[field_name] = value
                break
    if "published" not in found:
        # A page's date line with no key (2021-05-19 09:42:59; 来源: 作者: 2021-05-19…), furniture the text leaves out.
        dated = (_iso_date(line) for line in text.splitlines()[:12] if _is_furniture(line.strip()))
        published = next((date for date in dated if date), None)
        if published:
            found["published"] = published
    return found


# A date in a page's address, as portals file their stories: /2019/01/22/, /202205/t20220507_, /2022/0510/, /202302/21/.
_ADDRESS_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_address(url: str) -> str | None:
    """The date a page's address files it under (its path only, not its host), if it writes one."""
    path = re.sub(r"^https?://[^/]*", "", url)
    match = _ADDRESS_DATE.search(path)
    return "-".join(match.groups()) if match else None


# ---------------------------------------------------------------------------------------------
# An archived source's metadata
# ---------------------------------------------------------------------------------------------


def source_field(data: Path, source: str, field_name: str):
    """A field of an archived source's metadata (data/sources/<source>.yaml), where it can be read."""
    from generator.data.yamlsafe import read_yaml

    document, _ = read_yaml(data / "sources" / f"{source}.yaml", f"data/sources/{source}.yaml")
    return document.data.get(field_name) if document is not None and isinstance(document.data, dict) else None


def park_names(data: Path, park: str) -> tuple[str, ...]:
    """The park's name and short name as its file (data/parks/<park>.yaml) gives them: a draft reads them to leave out
    other parks' paragraphs and to find the park's own part of several parks' total."""
    from generator.data.yamlsafe import read_yaml

    document, _ = read_yaml(data / "parks" / f"{park}.yaml", f"data/parks/{park}.yaml")
    fields = document.data if document is not None and isinstance(document.data, dict) else {}
    return tuple(str(fields[key]) for key in ("name", "short_name") if isinstance(fields.get(key), str))


def source_published(data: Path, source: str) -> str | None:
    """The date an archived source records (YYYY-MM-DD): the page's date, which the archive keeps out of the text."""
    published = source_field(data, source, "published")
    return str(published) if published else None
