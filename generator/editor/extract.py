"""Draft a year file from an archived report: figures, 同比, hedges, targets, mapped to the catalogue.

The rules are general, not written against particular reports:

* the text is read as paragraphs → sentences (。!?) → clauses (, ; :), after joining lines that a
  page layout broke in the middle of a sentence;
* a small state machine follows which year the text is talking about: headings ("二、2015年工作打算",
  "2023 展望"), paragraphs opening on a year ("2017年,高新区将……", "刚过去的2022年,……"), sentences
  opening on a year and years named in a clause ("获评2013年度……");
* a clause about the draft's year Y that sets no goal gives indicators (a catalogue name or alias,
  possibly with a few words inside it, then the number in a compatible unit) and facts (every other
  number); a clause about a later year, or one that sets a goal (力争, 确保, 争取, 计划完成…, 将新增…),
  gives targets; a clause about an earlier year gives facts only;
* every entry is checked with the same matcher as `yearbook check` before it is written, so the
  draft passes the checker as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from generator.data.binding import bind_indicator
from generator.data.clauses import Context, periods_in, prepare, scopes_in
from generator.data.coverage import _is_counted
from generator.data.numbers import (
    QUALIFIERS,
    UNIT_SYNONYMS,
    NumberToken,
    find_change_pct,
    find_chinese_numbers,
    find_figure,
    find_numbers,
    split_unit,
)
from generator.data.yamlsafe import read_yaml

# ---------------------------------------------------------------------------------------------
# The catalogue
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CatalogueEntry:
    """What the extractor needs of one indicator of data/indicators.yaml."""

    id: str
    name: str
    unit: str
    aliases: tuple[str, ...] = ()


def read_catalogue(data: Path) -> tuple[list[CatalogueEntry], list[str]]:
    """The indicator catalogue of a data folder, and messages about what could not be read."""
    path = data / "indicators.yaml"
    shown = path.as_posix()
    document, problems = read_yaml(path, shown)
    if document is None:
        return [], [str(problem) for problem in problems]
    if not isinstance(document.data, list):
        return [], [f"{shown}:1: (document): the catalogue should be a list of indicators"]
    entries, messages = [], []
    for index, item in enumerate(document.data):
        fields = item if isinstance(item, dict) else {}
        if not all(isinstance(fields.get(key), str) and fields.get(key) for key in ("id", "name", "unit")):
            line = document.line((index,))
            messages.append(f"{shown}:{line}: [{index}]: skipped (it needs text in id, name and unit)")
            continue
        aliases = tuple(a for a in fields.get("aliases") or [] if isinstance(a, str) and a)
        entries.append(CatalogueEntry(fields["id"], fields["name"], fields["unit"], aliases))
    return entries, messages


# ---------------------------------------------------------------------------------------------
# Text: paragraphs, sentences, clauses
# ---------------------------------------------------------------------------------------------

_SPACES = re.compile(r"[\s\u3000]+")
_SENTENCE_END = "。!?！？"
_CLOSERS = "”’」』)）》】"
_CLAUSE_SEP = ",，;；:："
# Marks that open a heading or a list item: 一、 (一) 1. A ● …
_HEADING_MARK = re.compile(
    r"^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．](?!\d)|[A-Z][ 、.．]|[●■◆▲•·★]"
    r"|第[一二三四五六七八九十]+[章节部分])"
)


_LIST_MARK = re.compile(
    r"[●■◆▲•·★]+|\d{1,2}[.、．](?!\d)|[（(][\d一二三四五六七八九十]{1,3}[)）]|[一二三四五六七八九十]{1,3}、"
)


def _compact(line: str) -> str:
    """A line without spaces (as the checker compares), keeping one space between two Latin words."""

    def keep(match: re.Match) -> str:
        before = line[match.start() - 1] if match.start() else ""
        after = line[match.end()] if match.end() < len(line) else ""
        return " " if before.isascii() and before.isalpha() and after.isascii() and after.isalpha() else ""

    return _SPACES.sub(keep, line.strip())


def _continues(previous: str, line: str) -> bool:
    """Whether `line` goes on the sentence `previous` left open (a layout line break)."""
    if not previous or previous[-1] in _SENTENCE_END + _CLOSERS + ";；:：":
        return False
    if _HEADING_MARK.match(previous) or _HEADING_MARK.match(line):
        return False
    return len(previous) > 40 or any(mark in previous for mark in ",，、;；")


def logical_paragraphs(text: str) -> list[str]:
    """The report's paragraphs, compacted, with lines broken inside a sentence joined again."""
    paragraphs: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _compact(raw)
        if not line:
            continue
        if paragraphs and _continues(paragraphs[-1], line):
            paragraphs[-1] += line
        else:
            paragraphs.append(line)
    return paragraphs


_OPENERS = {"”": "“", "’": "‘", "」": "「", "』": "『", ")": "(", "）": "（", "》": "《", "】": "【"}


def _trim(text: str) -> str:
    """A clause without the sentence end after it; closing brackets and quotes stay when they close
    something opened in the clause."""
    while text and text[-1] in _SENTENCE_END + _CLOSERS + _CLAUSE_SEP + "、":
        last = text[-1]
        if last in _OPENERS and text.count(_OPENERS[last]) >= text.count(last):
            break
        text = text[:-1]
    return text


def _spans(text: str, separators: str, closers: str = "") -> list[tuple[int, int]]:
    """(start, end) of the parts of `text` between separators (a separator and closers stay with the part
    before it when `closers` is given for sentences; clause spans exclude the separator)."""
    spans, start, index = [], 0, 0
    while index < len(text):
        char = text[index]
        if char in separators:
            # 1,234.5 and 16:21 are numbers, not two clauses.
            between_digits = 0 < index < len(text) - 1 and text[index - 1].isdigit() and text[index + 1].isdigit()
            if not (between_digits and char in ",，:："):
                if closers:
                    end = index + 1
                    while end < len(text) and text[end] in closers:
                        end += 1
                    spans.append((start, end))
                    start = index = end
                    continue
                spans.append((start, index))
                start = index + 1
        index += 1
    if start < len(text):
        spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip(separators + closers)]


# ---------------------------------------------------------------------------------------------
# Which year a passage is about
# ---------------------------------------------------------------------------------------------

_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?![\d.])")
_PLAN_HEADINGS = (
    "打算",
    "安排",
    "思路",
    "展望",
    "蓝图",
    "工作计划",
    "主要目标",
    "目标任务",
    "工作要点",
    "下一步",
    "明年",
)
_LAST_YEAR = re.compile(r"(?<![比较与同])(上年|去年|上一年)(?!同期|同比)")
_RESULT_HEADINGS = ("总结", "回顾", "成绩", "主要成效", "完成情况", "主要成绩", "工作成效")
_PLAN_OPENING = re.compile(r"将(?!近)|力争|争取(?!到)|确保|计划|目标")


@dataclass(frozen=True)
class _YearMention:
    start: int
    year: int
    kind: str  # "年" (2016年), "年度" (2013年度), "bare" (2023 展望)


def _year_mentions(text: str) -> list[_YearMention]:
    """Years named in `text`, leaving out dates (2015年1月10日) and bases of comparison (比2015年)."""
    found = []
    for match in _YEAR.finditer(text):
        before, after = text[: match.start()], text[match.end() :]
        if before.endswith(("比", "较", "同", "于", "第", "〔", "[", "【", "(", "（")) and not after.startswith("年"):
            continue
        if before.endswith(("比", "较")):
            continue
        if re.match(r"年\d{1,2}月|[-/.]\d|号|届", after):
            continue
        if after.startswith("年度"):
            kind = "年度"
        elif after.startswith("年"):
            kind = "年"
        else:
            kind = "bare"
        found.append(_YearMention(match.start(), int(match.group(1)), kind))
    return found


@dataclass
class _State:
    year: int
    mode: str  # "results" | "plan" (a past year is "results" with year < Y)


def _is_heading(paragraph: str) -> bool:
    body = paragraph.rstrip("。")
    return len(body) <= 40 and not any(mark in body for mark in _SENTENCE_END)


# ---------------------------------------------------------------------------------------------
# Numbers and units
# ---------------------------------------------------------------------------------------------

# Units as reports write them after a number (longest first); anything else falls back to one character.
_UNIT_WORDS = (
    "亿元", "万元", "千元", "元", "亿美元", "万美元", "美元", "亿欧元", "万欧元", "万平方米", "平方米",
    "平方公里", "平方千米", "公里", "千米", "米", "万亩", "亩", "公顷", "万吨", "吨", "个百分点", "%", "‰",
    "家次", "人次", "万人次", "万人", "人", "名", "位", "户", "家", "个", "项", "件", "套", "条", "场", "次",
    "台", "座", "所", "批", "款", "支", "只", "张", "辆", "栋", "幢", "层", "期", "种", "类", "篇", "部", "处",
    "份", "轮", "倍", "万平方", "平方", "万千瓦", "千瓦", "兆瓦", "千瓦时", "度", "宗", "间", "块", "例", "枚",
    "起", "艘", "架", "根", "万标箱", "标箱", "小时", "天", "周年", "周", "个月", "方面",
)  # fmt: skip
_UNITS = sorted(_UNIT_WORDS, key=len, reverse=True)
_MONEY_AND_COUNTS = ("元", "美元", "欧元", "家", "个", "件", "项", "人", "名", "%")
_COUNT_UNITS = "家个人名位项件所座套户"
_GROWTH = re.compile(
    r"(同比|比上年|较上年|比去年同期|较去年同期|比去年|较去年|比上年同期)?"
    r"(增长|增加|提高|上升|提升|下降|减少|回落|降低|下滑|增速|增幅)(?:了|为|达到|达|约|近|超过|超)?"
    r"(\d+(?:[.．]\d+)?)[%％]"
)
_ASCII = str.maketrans("０１２３４５６７８９．", "0123456789.")
_DECLINES = ("下降", "减少", "回落", "降低", "下滑")
_AT_LEAST = ("以上", "突破", "超", "超过", "逾", "多", "余", "预计突破", "不低于", "不少于", "至少")
_AT_MOST = ("以内", "不超过", "不高于", "控制在", "以下")
_ABOUT = ("左右", "约", "近", "将近", "接近")


def _unit_of(token: NumberToken) -> str:
    """The unit written after a number (with its multiplier: 亿元, 万平方米), after any 多/余 hedge."""
    tail = token.after
    for hedge in ("多", "余"):
        if tail.startswith(hedge):
            tail = tail[len(hedge) :]
            break
    unit = next((u for u in _UNITS if tail.startswith(u)), None)
    if unit is None:
        return token.multiplier or tail[:1]  # 5.78万亿重大项目: the unit is the multiplier itself
    return f"{token.multiplier}{unit}"


def _number(value: Decimal) -> int | float:
    """A decimal as the plainest YAML number (0.0958, 2000, 1234.5)."""
    value = value.normalize()
    if value == value.to_integral_value():
        return int(value)
    return float(format(value, "f"))


def _in_unit(token: NumberToken, unit: str) -> int | float:
    """The token's amount expressed in `unit` (958万元 in 亿元 → 0.0958)."""
    scale, _ = split_unit(unit)
    return _number(token.amount / scale)


def _compatible(written: str, wanted: str) -> bool:
    """Whether a unit as written can be converted to the catalogue unit (万元 → 亿元, 名 → 人)."""
    base, wanted_base = split_unit(written)[1], split_unit(wanted)[1]
    return bool(base) and (base == wanted_base or base in UNIT_SYNONYMS.get(wanted_base, ()))


def _counted(text: str) -> list[NumberToken]:
    """Numbers that count something (dates, list marks and ranking names such as 500强 left out)."""
    found = []
    for token in find_numbers(text):
        if token.after.startswith("强"):
            continue
        acronym = token.before[-1:].isascii() and token.before[-1:].isupper() and token.before[-2:-1].isupper()
        if _is_counted(token, text) or (acronym and _unit_of(token)[len(token.multiplier) :] in _MONEY_AND_COUNTS):
            found.append(token)  # GDP1234亿元 counts; ISO9001, G20 do not
    return found


def _chinese_counts(text: str) -> list[NumberToken]:
    """两家, 三个: small numbers in Chinese numerals followed by a counting unit (used for indicators only)."""
    return [t for t in find_chinese_numbers(text) if t.after[:1] and t.after[0] in _COUNT_UNITS]


# ---------------------------------------------------------------------------------------------
# Indicator names in text
# ---------------------------------------------------------------------------------------------

# Names that open on a verb may have the counted object inside them: 新增3家上市企业, 新增唯科、嘉戎等两家上市公司.
_VERBS = ("新认定", "新引进", "新培育", "新签约", "新增", "引进", "累计", "培育", "认定")
# Abbreviations every Chinese report uses.
_SHORT_FORMS = (("规模以上", "规上"), ("高新技术企业", "高企"), ("固定资产投资", "固投"))
_CHANGE_VERBS = ("新增", "净增", "新认定", "新引进", "新培育", "新晋", "增加", "减少", "净减", "新入选")
_SUBSETS = (
    "工业", "民间", "制造业", "房地产", "基础设施", "技改", "高技术产业", "高新技术产业", "高新技术产品",
    "机电产品", "服务业", "第一产业", "第二产业", "第三产业", "软件", "外商", "国有", "民营", "片区",
)  # fmt: skip
_QUOTE_MARKS = "“”\"'「」‘’『』"
_GAP = r"[^,，。;；:：!?！？\d]"
_VERB_GAP = r"[^,，。;；:：!?！？]"
_MAX_GAP, _MAX_VERB_GAP = 4, 10


@dataclass(frozen=True)
class _Name:
    text: str
    entry: CatalogueEntry
    pattern: re.Pattern
    verb: bool


def _char(char: str) -> str:
    return f"[{re.escape(_QUOTE_MARKS)}]?" if char in _QUOTE_MARKS else re.escape(char)


def _pattern(name: str) -> tuple[re.Pattern, bool]:
    """A name with room for a few words inside it, as reports write them (规模以上工业企业完成总产值)."""
    verb = next((v for v in _VERBS if name.startswith(v) and len(name) - len(v) >= 3), "")
    if len(name) < 4:
        return re.compile("".join(_char(c) for c in name)), False
    head = verb or name[:2]
    parts = [_char(c) for c in head]
    for index, char in enumerate(name[len(head) :]):
        if char in _QUOTE_MARKS:
            parts.append(_char(char))
            continue
        gap = (
            f"(?P<v{index}>{_VERB_GAP}{{0,{_MAX_VERB_GAP}}}?)"
            if verb and index == 0
            else f"(?P<g{index}>{_GAP}{{0,{_MAX_GAP}}}?)"
        )
        parts.append(gap + _char(char))
    return re.compile("".join(parts)), bool(verb)


def build_names(catalogue: list[CatalogueEntry]) -> list[_Name]:
    """Every name and alias of the catalogue (and their common short forms) as patterns."""
    taken = {n: e.id for e in catalogue for n in (e.name, *e.aliases)}
    names: list[_Name] = []
    seen: set[str] = set()
    for entry in catalogue:
        for name in (entry.name, *entry.aliases):
            variants = [name]
            for long, short in _SHORT_FORMS:
                variants += [v.replace(long, short) for v in variants if long in v]
            for variant in variants:
                if variant in seen or taken.get(variant, entry.id) != entry.id:
                    continue
                seen.add(variant)
                pattern, verb = _pattern(variant)
                names.append(_Name(variant, entry, pattern, verb))
    return names


@dataclass(frozen=True)
class _Hit:
    name: _Name
    start: int
    end: int
    gap: int  # characters inside the name that are not part of it
    verb_gap: tuple[int, int] | None  # where the counted object may stand (新增[3家]上市企业)


def _hits(text: str, names: list[_Name]) -> list[_Hit]:
    """Non-overlapping name hits in a clause: the tighter hit wins, then the longer one."""
    found = []
    for name in names:
        for match in name.pattern.finditer(text):
            gaps = {k: match.span(k) for k, v in match.groupdict().items() if v}
            plain = sum(b - a for k, (a, b) in gaps.items() if k.startswith("g"))
            if plain > _MAX_GAP:
                continue
            verb_gap = next((span for k, span in gaps.items() if k.startswith("v")), None)
            total = plain + (verb_gap[1] - verb_gap[0] if verb_gap else 0)
            found.append(_Hit(name, match.start(), match.end(), total, verb_gap))
    # A count named without a verb (国家高新技术企业) is a stock: 净增/新增 before it makes it a change.
    found = [
        hit
        for hit in found
        if hit.name.verb or hit.name.text.startswith(_VERBS) or not text[: hit.start].endswith(_CHANGE_VERBS)
    ]
    # 工业固定资产投资, 高新技术产品出口总额, 进出口额: a part of the indicator or another one.
    found = [
        hit
        for hit in found
        if not text[: hit.start].endswith(_SUBSETS)
        and not (text[: hit.start].endswith("进") and text[hit.start] == "出")
    ]
    found.sort(key=lambda hit: (hit.gap, -(hit.end - hit.start - hit.gap), hit.start))
    kept: list[_Hit] = []
    for hit in found:
        if all(hit.end <= other.start or hit.start >= other.end for other in kept):
            kept.append(hit)
    return sorted(kept, key=lambda hit: hit.start)


_BRIDGE_HEDGES = ("预计突破", "预计超过", "预计", "将近", "接近", "超过", "突破", "近", "超", "约", "逾")


def _value_after(hit_end: int, text: str, tokens: list[NumberToken], unit: str, limit: int = 4) -> NumberToken | None:
    """The number standing right after a name (a verb such as 达/实现 and a hedge may sit between)."""
    following = [t for t in tokens if t.start >= hit_end]
    if not following:
        return None
    token = min(following, key=lambda t: t.start)
    bridge = text[hit_end : token.start]
    for hedge in _BRIDGE_HEDGES:
        if bridge.endswith(hedge):
            bridge = bridge[: -len(hedge)]
            break
    if len(bridge) > limit or re.search(r"\d", bridge):
        return None
    if not _compatible(_unit_of(token), unit):
        return None
    if split_unit(unit)[1] == "%" and re.search(r"(增长|增速|增幅|提高|下降|减少)$", text[:hit_end] + bridge):
        return None  # a growth rate is not the value of a ratio indicator
    return token


def _value_in_gap(hit: _Hit, tokens: list[NumberToken], unit: str) -> NumberToken | None:
    """新增3家上市企业: the number inside a verb name, standing right before the object."""
    if hit.verb_gap is None:
        return None
    start, end = hit.verb_gap
    for token in tokens:
        if start <= token.start and _unit_end(token) == end and _compatible(_unit_of(token), unit):
            return token
    return None


def _unit_end(token: NumberToken) -> int:
    """Where the unit written after a number ends (after a 多/余 hedge too)."""
    hedge = 1 if token.after[:1] in ("多", "余") else 0
    return token.end + hedge + len(_unit_of(token)) - len(token.multiplier)


# ---------------------------------------------------------------------------------------------
# Themes of facts
# ---------------------------------------------------------------------------------------------

_THEMES = [
    ("党建", ("党建", "党组织", "党员", "党风", "廉政", "巡视", "巡察", "干部", "八项规定", "意识形态", "党工委")),
    ("招商引资", ("招商", "引进", "签约", "外资", "内资", "洽谈", "策划生成")),
    ("科技金融", ("金融", "基金", "贷款", "融资", "上市", "资本", "信贷", "担保", "挂牌", "放款", "专项债")),
    (
        "科技创新",
        ("专利", "创新", "研发", "科技", "孵化", "高新技术", "知识产权", "实验室", "技术中心", "研究中心", "成果"),
    ),
    ("人才", ("人才", "博士", "专家", "就业", "培训", "引才", "院士")),
    ("项目建设", ("项目", "开工", "竣工", "投产", "完成投资", "重点工程")),
    ("空间载体", ("平方米", "亩", "厂房", "用地", "土地", "载体", "楼宇", "基础设施", "道路")),
    ("民生", ("学校", "医院", "住房", "民生", "社区", "教育", "公寓", "公租房", "幼儿园", "入学")),
    ("营商环境", ("营商", "审批", "服务", "政策", "兑现", "减税", "退税", "奖励", "扶持", "惠企", "减免")),
    ("开放合作", ("合作", "金砖", "海外", "国际", "对台", "两岸", "台企", "出口", "外贸")),
    ("绿色发展", ("绿色", "低碳", "零碳", "节能", "环保", "生态", "双碳")),
    ("安全生产", ("安全", "隐患", "应急")),
    ("产业发展", ("产业", "企业", "产值", "营收", "收入", "工业", "增加值", "税收", "经济", "落地", "生产总值", "GDP")),
]


def _theme(*texts: str) -> str:
    for text in texts:
        for theme, words in _THEMES:
            if any(word in text for word in words):
                return theme
    return "其他"


# ---------------------------------------------------------------------------------------------
# Reading the report
# ---------------------------------------------------------------------------------------------

_STRONG_GOALS = re.compile(r"力争|确保|争取(?!到)|预期目标|目标(是|为|:|:)")
_PLANNED = re.compile(r"(?<![已年度])计划(完成|实现|开工|竣工|新增|引进|建成|投产|新建|推动|推进|培育)")
_WILL = re.compile(
    r"将(进一步|继续|加快|加速|全力|大力|力争|推动|实现|完成|新增|新建|建成|打造|推进|启动|达到|引进|培育)"
)


@dataclass
class _Clause:
    key: int
    paragraph: int
    sentence: int  # index of the sentence in its paragraph
    index: int  # index of the clause in its sentence
    start: int  # offsets in the paragraph text
    end: int
    text: str
    year: int
    mode: str  # "results" | "plan"
    goal: bool
    heading: str
    tokens: list[NumberToken] = field(default_factory=list)


def _is_goal(text: str) -> bool:
    return bool(_STRONG_GOALS.search(text) or _PLANNED.search(text) or _WILL.search(text))


def _read(paragraphs: list[str], year: int) -> list[list[list[_Clause]]]:
    """Paragraph → sentence → clause, each clause knowing the year it is about and whether it sets a goal."""
    state = _State(year, "results")
    seen_results = False
    heading = ""
    result: list[list[list[_Clause]]] = []
    key = 0
    for number, paragraph in enumerate(paragraphs):
        local = _State(state.year, state.mode)
        if _is_heading(paragraph):
            mentioned = sorted({m.year for m in _year_mentions(paragraph) if m.kind != "年度"})
            planning = any(word in paragraph for word in _PLAN_HEADINGS)
            if len(mentioned) == 1:
                at = mentioned[0]
                if at > year or (at == year and planning):
                    state = _State(at, "plan")
                elif at == year or any(word in paragraph for word in _RESULT_HEADINGS):
                    state = _State(at, "results")
            elif not mentioned and planning:
                state = _State(year + 1 if seen_results else year, "plan")
            elif not mentioned and any(word in paragraph for word in _RESULT_HEADINGS):
                state = _State(year, "results")
            local = _State(state.year, state.mode)
            heading = paragraph
        else:
            opening = [m for m in _year_mentions(paragraph[:40]) if m.kind == "年"]
            if opening:
                at = opening[0].year
                first_sentence = paragraph[: next((i for i, c in enumerate(paragraph) if c in "。!?！？"), 30)][:30]
                if at > year:
                    state = _State(at, "plan")
                elif at == year:
                    state = _State(at, "plan" if _PLAN_OPENING.search(first_sentence) else "results")
                else:
                    state = _State(at, "results")  # the text now tells an earlier year
                local = _State(state.year, state.mode)
        sentences = []
        for index, (s_start, s_end) in enumerate(_spans(paragraph, _SENTENCE_END, _CLOSERS)):
            sentence = paragraph[s_start:s_end]
            sentence_state = _State(local.year, local.mode)
            opening = [m for m in _year_mentions(sentence[:8]) if m.kind == "年"]
            if opening:
                at = opening[0].year
                if at > year:
                    sentence_state = _State(at, "plan")
                elif at == year:
                    sentence_state = _State(at, local.mode if local.year == year else "results")
                else:
                    sentence_state = _State(at, "results")
            clauses = []
            for c_index, (c_start, c_end) in enumerate(_spans(sentence, _CLAUSE_SEP)):
                mark = _LIST_MARK.match(sentence, c_start, c_end)
                if mark and mark.end() < c_end:
                    c_start = mark.end()  # quotes start after ● 1. (一)
                text = _trim(sentence[c_start:c_end]) or sentence[c_start:c_end]
                clause_state = _State(sentence_state.year, sentence_state.mode)
                named = [m.year for m in _year_mentions(text) if m.kind in ("年", "年度")]
                if named and named[0] != clause_state.year:
                    at = named[0]
                    clause_state = _State(at, "plan" if at > year else "results")
                if "明年" in text and clause_state.year == year:
                    clause_state = _State(year + 1, "plan")
                elif _LAST_YEAR.search(text) and clause_state.year == year:
                    clause_state = _State(year - 1, "results")  # 上年地区生产总值为…: the year before
                goal = clause_state.mode == "plan" or _is_goal(text)
                clause = _Clause(
                    key=key,
                    paragraph=number,
                    sentence=index,
                    index=c_index,
                    start=s_start + c_start,
                    end=s_start + c_start + len(text),
                    text=text,
                    year=clause_state.year,
                    mode=clause_state.mode,
                    goal=goal,
                    heading=heading,
                    tokens=_counted(text),
                )
                key += 1
                if clause.tokens and clause.year == year and not goal:
                    seen_results = True
                clauses.append(clause)
            sentences.append(clauses)
        result.append(sentences)
    return result


# ---------------------------------------------------------------------------------------------
# Candidates for catalogue indicators
# ---------------------------------------------------------------------------------------------


def _names_a_part(entry: CatalogueEntry, value, quote: str) -> bool:
    """Whether the quote gives the figure for a part of the park or of the year, as `yearbook check` reads it."""
    indicator = {"name": entry.name, "aliases": list(entry.aliases)}
    binding = bind_indicator({"value": value, "unit": entry.unit}, indicator, Context(prepare(quote)))
    return bool(binding.area or scopes_in(quote) or periods_in(quote))


@dataclass
class _Candidate:
    entry: CatalogueEntry
    token: NumberToken
    clause: _Clause
    value: int | float
    quote_start: int  # offsets in the paragraph text
    quote_end: int
    change_pct: int | float | None = None
    growth_key: tuple[int, int] | None = None  # (clause key, token start) of the 同比 rate used
    direct: bool = True
    matched: str = ""


def _segment(text: str, position: int, forward: bool) -> int:
    """The start (or end) of the 、-separated item holding `position`."""
    if forward:
        found = text.find("、", position)
        return len(text) if found < 0 else found
    found = text.rfind("、", 0, position)
    return 0 if found < 0 else found + 1


def _growth(clause: _Clause, after: int, following: _Clause | None) -> tuple[re.Match | None, _Clause | None, int]:
    """A 同比 rate right after a figure: in the same clause, or opening the next clause of the sentence.
    Returns the match, the clause holding it and the offset in that clause's text the match is relative to."""
    rest = clause.text[after:]
    match = _GROWTH.search(rest)
    if match and match.start() <= 6:
        between = [t for t in clause.tokens if after <= t.start < after + match.start(3) and t.after[:1] != "%"]
        if not between:
            return match, clause, after
    if following is not None:
        match = _GROWTH.search(following.text)
        others = [t for t in following.tokens if not t.after.startswith("%")]
        if match and match.start() <= 4 and not others:
            return match, following, 0
    return None, None, 0


_TOTAL_OPENING = re.compile(r"^(总额|总量|总值|规模|金额|总计|合计)?(为|达到|达|至|突破|超过|超|约|近)")


def _growth_first(hit: _Hit, clause: _Clause, following: _Clause | None, unit: str) -> NumberToken | None:
    """全社会固定资产投资同比下降2.4%,总额为310亿元: the rate right after the name, the value opening the
    next clause."""
    growth = _GROWTH.match(clause.text, hit.end)
    if growth is None or clause.text[growth.end() :].strip() or following is None:
        return None
    opening = _TOTAL_OPENING.match(following.text)
    if opening is None:
        return None
    return _value_after(opening.end(), following.text, following.tokens, unit, limit=2)


def _make_growth_first(
    hit: _Hit, clause: _Clause, following: _Clause, token: NumberToken, paragraph: str
) -> _Candidate:
    growth = _GROWTH.match(clause.text, hit.end)
    start = clause.start + _segment(clause.text, hit.start, False)
    end = following.start + _segment(following.text, token.end, True)
    return _Candidate(
        hit.name.entry,
        token,
        following,
        _in_unit(token, hit.name.entry.unit),
        start,
        end,
        _signed(growth),
        (clause.key, growth.start(3)),
        True,
        hit.name.text,
    )


def _signed(match: re.Match) -> int | float:
    change = _number(Decimal(match.group(3).translate(_ASCII)))
    return -change if match.group(2) in _DECLINES else change


_RESPECTIVELY = re.compile(r"分别(为|是|达到|达|完成|实现)")
_LEADING_TIME = re.compile(r"^((?:19|20)\d\d年)?(全年|年内|当年|今年|同期|其中|共|累计|全区|全市)?")


def _candidates(sentences: list[list[_Clause]], paragraph: str, names: list[_Name], year: int) -> list[_Candidate]:
    """Indicator candidates of one paragraph (clauses about `year` that set no goal)."""
    found: list[_Candidate] = []
    for s_index, clauses in enumerate(sentences):
        direct_hit_keys: set[int] = set()
        for c_index, clause in enumerate(clauses):
            if clause.year != year or clause.goal or clause.mode != "results":
                continue
            if clause.text.startswith(("其中", "含")):
                continue  # a part of the figure before it, not the whole
            tokens = clause.tokens + _chinese_counts(clause.text)
            following = clauses[c_index + 1] if c_index + 1 < len(clauses) else None
            used: set[int] = set()
            hits = _hits(clause.text, names)
            if hits:
                direct_hit_keys.add(clause.key)
            respectively = _RESPECTIVELY.search(clause.text)
            if respectively and len(hits) > 1:
                # 合同外资、实际利用外资分别为4.94亿美元、3.65亿美元: names and numbers in the same order.
                before = [h for h in hits if h.end <= respectively.start()]
                after = [t for t in clause.tokens if t.start >= respectively.end() and not t.after.startswith("%")]
                if len(before) == len(after) > 1:
                    for hit, token in zip(before, after, strict=True):
                        if _compatible(_unit_of(token), hit.name.entry.unit):
                            found.append(_make(hit.name, token, clause, None, hit.start, paragraph, True, False))
                    continue
            for hit in hits:
                unit = hit.name.entry.unit
                available = [t for t in tokens if t.start not in used]
                token = _value_in_gap(hit, available, unit) or _value_after(hit.end, clause.text, available, unit)
                if token is None:
                    late = _growth_first(hit, clause, following, unit)
                    if late is not None:
                        found.append(_make_growth_first(hit, clause, following, late, paragraph))
                    continue
                used.add(token.start)
                found.append(_make(hit.name, token, clause, following, hit.start, paragraph, direct=True))
            if hits or not clause.tokens:
                continue
            # The name split over two clauses: 16个省市重点项目计划总投资174亿元,全年完成投资182亿元;
            # or the subject in a short opening sentence: 软件信息服务业保持快速增长。全年营收实现701.2亿元.
            subject_clause = None
            if c_index > 0 and clauses[c_index - 1].key not in direct_hit_keys:
                subject_clause = clauses[c_index - 1]
            elif c_index == 0 and s_index == 1:
                opening = sentences[0]
                opening_text = "".join(c.text for c in opening)
                if len(opening_text) <= 25 and not any(c.tokens for c in opening):
                    subject_clause = opening[0]
            if subject_clause is None:
                continue
            lead = _LEADING_TIME.match(clause.text).end()
            best = None
            for name in names:
                text = name.text
                for cut in range(3, len(text) - 1):
                    subject, measure = text[:cut], text[cut:]
                    at = clause.text.find(measure, lead)
                    if at < 0 or at - lead > 2 or subject not in subject_clause.text:
                        continue
                    token = _value_after(at + len(measure), clause.text, clause.tokens, name.entry.unit)
                    if token is not None and (best is None or len(measure) > len(best[1])):
                        best = (name, measure, token)
            if best is not None:
                name, _, token = best
                found.append(
                    _make(name, token, clause, following, subject_clause.start - clause.start, paragraph, direct=False)
                )
    return found


def _make(
    name: _Name,
    token: NumberToken,
    clause: _Clause,
    following: _Clause | None,
    name_at: int,
    paragraph: str,
    direct: bool,
    with_growth: bool = True,
) -> _Candidate:
    """A candidate with its quote: from the item holding the name to the item holding the number (and 同比)."""
    value = _in_unit(token, name.entry.unit)
    start = clause.start + (_segment(clause.text, name_at, False) if name_at >= 0 else name_at)
    end = clause.start + _segment(clause.text, token.end, True)
    growth, where, offset = _growth(clause, token.end, following) if with_growth else (None, None, 0)
    change, growth_key = None, None
    if growth is not None:
        change = _signed(growth)
        growth_key = (where.key, offset + growth.start(3))
        end = where.start + _segment(where.text, offset + growth.end(), True)
    return _Candidate(name.entry, token, clause, value, start, end, change, growth_key, direct, name.text)


# ---------------------------------------------------------------------------------------------
# The draft
# ---------------------------------------------------------------------------------------------


def _hedge(value, unit: str, quote: str) -> tuple[bool, str | None]:
    """Whether the checker finds the figure in the quote, and the hedge it would require."""
    match = find_figure(value, unit, quote)
    hedges = [h for h in match.hedges if h in QUALIFIERS]
    return match.found, (hedges[0] if hedges else None)


def _comparator(token: NumberToken, text: str) -> str:
    before = text[max(0, token.start - 4) : token.start]
    after = text[token.end : token.end + 8]
    hedges = token.hedges()
    if any(h in _AT_LEAST for h in hedges) or before.endswith(("不低于", "不少于", "至少", "超过", "突破", "超")):
        return ">="
    if any(word in after[:6] for word in _AT_MOST) or before.endswith(("不超过", "不高于", "控制在")):
        return "<="
    if any(h in _ABOUT for h in hedges) or before.endswith(_ABOUT):
        return "~"
    return "="


@dataclass
class Draft:
    """A draft year file as plain data, and the wording each indicator was found under."""

    data: dict
    names: dict[str, str]  # indicator id → the wording found in the report (for review comments)


def extract(text: str, source_id: str, catalogue: list[CatalogueEntry], park: str, year: int) -> Draft:
    """A draft year file (as data) from one archived report's text: every counted number lands in an entry."""
    names = build_names(catalogue)
    units = {entry.id: entry.unit for entry in catalogue}
    paragraphs = logical_paragraphs(text)
    read = _read(paragraphs, year)

    # 1. Indicator candidates; one indicator whose name meets different values in one paragraph is a
    #    breakdown (省重点项目…, 市重点项目…), not the total: leave those to the editor.
    candidates: list[_Candidate] = []
    for number, sentences in enumerate(read):
        found = _candidates(sentences, paragraphs[number], names, year)
        by_id: dict[str, set] = {}
        for candidate in found:
            by_id.setdefault(candidate.entry.id, set()).add(candidate.value)
        candidates += [c for c in found if len(by_id[c.entry.id]) == 1]

    indicators: dict[str, dict] = {}
    matched_names: dict[str, str] = {}
    consumed: set[tuple[int, int]] = set()
    for candidate in candidates:
        entry = candidate.entry
        if entry.id in indicators:
            if indicators[entry.id]["value"] == candidate.value:  # the same figure told again (a lead, a box)
                consumed.add((candidate.clause.key, candidate.token.start))
                if candidate.growth_key and indicators[entry.id].get("change_pct") == candidate.change_pct:
                    consumed.add(candidate.growth_key)
            continue
        paragraph = paragraphs[candidate.clause.paragraph]
        quote = paragraph[candidate.quote_start : candidate.quote_end].rstrip(_CLAUSE_SEP + "、")
        found, qualifier = _hedge(candidate.value, entry.unit, quote)
        if not found or _names_a_part(entry, candidate.value, quote):
            continue  # a part of the park or of the year (软件园…, 1-9月…) is a fact, not the park's figure
        item = {"id": entry.id, "value": candidate.value, "unit": entry.unit}
        if candidate.change_pct is not None and find_change_pct(candidate.change_pct, quote).found:
            item["change_pct"] = candidate.change_pct
            consumed.add(candidate.growth_key)
        if qualifier:
            item["qualifier"] = qualifier
        item.update(source=source_id, quote=quote)
        indicators[entry.id] = item
        matched_names[entry.id] = candidate.matched
        consumed.add((candidate.clause.key, candidate.token.start))

    # 2. Every other number: a target where the clause sets a goal or is about a later year, else a fact.
    facts: list[dict] = []
    targets: list[dict] = []
    for sentences in read:
        for clauses in sentences:
            for clause in clauses:
                rest = [t for t in clause.tokens if (clause.key, t.start) not in consumed]
                if not rest:
                    continue
                quote = clause.text.rstrip(_CLAUSE_SEP + "、")
                if clause.goal and clause.year >= year:
                    targets += _targets(clause, rest, quote, names, units, source_id, year)
                    continue
                figures = []
                for token in rest:
                    unit = _unit_of(token)
                    value = _number(token.number)
                    found, qualifier = _hedge(value, unit, quote)
                    if not found:
                        continue
                    figure = {"value": value, "unit": unit}
                    if qualifier:
                        figure["qualifier"] = qualifier
                    if figure not in figures:
                        figures.append(figure)
                if figures:
                    sentence = "".join(c.text for c in clauses)
                    fact = {
                        "theme": _theme(clause.text, sentence, clause.heading),
                        "text": quote,
                        "figures": figures,
                        "source": source_id,
                        "quote": quote,
                    }
                    if clause.year < year:  # kept so every number has an entry; a caveat for readers if kept
                        fact["note"] = f"原文此处讲的是{clause.year}年的情况。"
                    facts.append(fact)
    data = {
        "park": park,
        "year": year,
        "summary": None,
        "sources": [source_id],
        "indicators": list(indicators.values()),
        "facts": facts,
        "targets": targets,
    }
    return Draft(data, matched_names)


def _targets(clause: _Clause, tokens, quote: str, names, units, source_id: str, year: int) -> list[dict]:
    """One target per number of a clause that sets a goal."""
    hits = _hits(clause.text, names)
    mapped: dict[int, str] = {}
    for hit in hits:
        unit = hit.name.entry.unit
        available = [t for t in tokens if t.start not in mapped]
        token = _value_in_gap(hit, available, unit) or _value_after(hit.end, clause.text, available, unit)
        if token is not None:
            mapped[token.start] = hit.name.entry.id
    made = []
    for token in tokens:
        indicator = mapped.get(token.start)
        unit = units[indicator] if indicator else _unit_of(token)
        value = _in_unit(token, unit) if indicator else _number(token.number)
        found, _ = _hedge(value, unit, quote)
        if not found or any(t["value"] == value and t["unit"] == unit for t in made):
            continue
        made.append(
            {
                "for_year": max(clause.year, year),
                "indicator": indicator,
                "text": quote,
                "value": value,
                "unit": unit,
                "comparator": _comparator(token, clause.text),
                "source": source_id,
                "quote": quote,
            }
        )
    return made
