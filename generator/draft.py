"""Draft a year file from an archived report: figures, 同比, hedges, targets, mapped to the catalogue."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.coverage import _is_counted
from generator.model import Indicator, Source
from generator.numbers import QUALIFIERS, UNIT_SYNONYMS, NumberToken, find_numbers, normalize, split_unit

# Units as reports write them after a number (longest first); anything else falls back to one character.
_UNITS = sorted(
    (
        "亿元",
        "万元",
        "千元",
        "元",
        "亿美元",
        "万美元",
        "美元",
        "万平方米",
        "平方米",
        "平方公里",
        "公里",
        "千米",
        "米",
        "万亩",
        "亩",
        "万吨",
        "吨",
        "个百分点",
        "%",
        "家次",
        "人次",
        "万人次",
        "万人",
        "人",
        "名",
        "位",
        "户",
        "家",
        "个",
        "项",
        "件",
        "套",
        "条",
        "场",
        "次",
        "台",
        "座",
        "所",
        "批",
        "款",
        "支",
        "只",
        "张",
        "辆",
        "栋",
        "幢",
        "层",
        "期",
        "种",
        "类",
        "篇",
        "部",
        "处",
        "份",
        "轮",
        "倍",
        "平方",
        "千瓦",
        "兆瓦",
        "万千瓦",
        "千兆",
        "G",
        "小时",
        "天",
        "月",
        "周",
        "年",
    ),
    key=len,
    reverse=True,
)
_SENTENCE_END = "。;;!!??"
_CLAUSE_END = _SENTENCE_END + ",,、::"
_GROWTH = re.compile(r"(同比|比上年|较上年|年均)?(增长|增加|提高|上升|下降|减少|回落|降低)了?(\d+(?:\.\d+)?)%")
_TARGET_WORDS = ("力争", "计划", "目标", "确保", "争取", "预期", "将")
_PLAN_HEADINGS = (
    "工作打算",
    "工作安排",
    "工作计划",
    "工作思路",
    "展望",
    "目标任务",
    "主要目标",
    "重点工作",
    "工作重点",
)
_RESULT_HEADINGS = ("工作总结", "成绩单", "回顾", "主要成效", "工作成效")
_THEMES = [
    ("招商引资", ("招商", "引进", "签约", "落地", "项目", "外资", "内资")),
    ("科技创新", ("专利", "创新", "研发", "科技", "孵化", "高新技术", "知识产权", "实验室", "工程技术")),
    ("人才", ("人才", "博士", "专家", "团队", "就业", "培训")),
    ("科技金融", ("金融", "基金", "贷款", "融资", "上市", "资本", "信贷", "担保")),
    ("空间载体", ("平方米", "亩", "厂房", "用地", "土地", "载体", "园区", "楼宇")),
    ("民生", ("学校", "医院", "住房", "民生", "社区", "教育")),
    ("营商环境", ("营商", "审批", "服务", "政策", "兑现", "减税", "奖励")),
    ("党建", ("党", "廉政", "干部")),
    ("产业发展", ("产业", "企业", "产值", "营收", "收入", "工业", "增加值", "出口")),
]


@dataclass(frozen=True)
class _Clause:
    text: str  # verbatim (spaces and line breaks removed), as it stands in the source
    sentence: str
    start: int  # offset of the clause in its sentence
    planning: bool
    following: str  # the next clause of the same sentence, or ""


def _logical_paragraphs(source: Source) -> list[str]:
    """Paragraphs with page-layout line breaks inside sentences joined again."""
    joined: list[str] = []
    for line in source.paragraphs:
        text = normalize(line)
        if joined and joined[-1] and joined[-1][-1] not in _SENTENCE_END + "”」》)）" and len(joined[-1]) > 12:
            joined[-1] += text
        else:
            joined.append(text)
    return joined


def _split(text: str, ends: str) -> list[str]:
    parts, start = [], 0
    for index, char in enumerate(text):
        if char == "," and 0 < index < len(text) - 1 and text[index - 1].isdigit() and text[index + 1].isdigit():
            continue  # a thousands separator: 1,234.5
        if char in ends:
            parts.append(text[start : index + 1])
            start = index + 1
    if start < len(text):
        parts.append(text[start:])
    return [p for p in parts if p.strip(ends)]


def _clauses(source: Source, year: int) -> list[_Clause]:
    clauses, planning = [], False
    for paragraph in _logical_paragraphs(source):
        # Short paragraphs are headings: they switch between results and plans.
        if len(paragraph) <= 40 and any(word in paragraph for word in _PLAN_HEADINGS):
            planning = True
        elif len(paragraph) <= 40 and any(word in paragraph for word in _RESULT_HEADINGS):
            planning = False
        elif re.match(rf"^.{{0,12}}{year}年[,,]", paragraph) or f"过去的{year}年" in paragraph:
            planning = False  # a paragraph that opens on the report's own year tells results
        for sentence in _split(paragraph, _SENTENCE_END):
            parts = _split(sentence, _CLAUSE_END)
            offset = 0
            for index, part in enumerate(parts):
                following = parts[index + 1].rstrip(_CLAUSE_END) if index + 1 < len(parts) else ""
                clauses.append(_Clause(part.rstrip(_CLAUSE_END), sentence, offset, planning, following))
                offset += len(part)
    return clauses


def _unit_of(token: NumberToken) -> str:
    """The unit written after a number (with its multiplier: 亿元, 万平方米), after any 多/余 hedge."""
    tail = token.after
    for hedge in ("多", "余"):
        if tail.startswith(hedge):
            tail = tail[len(hedge) :]
    unit = next((u for u in _UNITS if tail.startswith(u)), None)
    if unit is None:
        return token.multiplier or tail[:1]  # 5.78万亿重大项目: the unit is the multiplier itself
    return f"{token.multiplier}{unit}"


def _qualifier(token: NumberToken) -> str | None:
    hedges = [h for h in token.hedges() if h in QUALIFIERS]
    return hedges[0] if hedges else None


def _value(token: NumberToken, unit: str) -> float | int:
    """The number in `unit` (e.g. 958万元 in 亿元 → 0.0958)."""
    scale, _ = split_unit(unit)
    amount = token.amount / scale
    return int(amount) if amount == amount.to_integral_value() else float(amount)


def _theme(text: str) -> str:
    return next((theme for theme, words in _THEMES if any(w in text for w in words)), "其他")


def _names(catalogue: dict[str, Indicator]) -> list[tuple[re.Pattern, Indicator]]:
    """A pattern per name and alias, longest first; long names may have a few words inside them
    (规模以上互联网软件业实现营收, 新增3家上市企业), as reports write them."""
    names = sorted(
        ((name, ind) for ind in catalogue.values() for name in (ind.name, *ind.aliases)),
        key=lambda pair: len(pair[0]),
        reverse=True,
    )
    patterns = []
    for name, indicator in names:
        if len(name) >= 5:
            gap = r"[^,,。;;、]{0,4}?"
            pattern = re.compile(name[:2] + "".join(gap + re.escape(char) for char in name[2:]))
        else:
            pattern = re.compile(re.escape(name))
        patterns.append((pattern, indicator))
    return patterns


def _compatible(token_unit: str, indicator: Indicator) -> bool:
    written, wanted = split_unit(token_unit)[1], split_unit(indicator.unit)[1]
    return written == wanted or written in UNIT_SYNONYMS.get(wanted, ())


def _comparator(text: str) -> str:
    if any(w in text for w in ("以上", "突破", "超过", "不低于", "超")):
        return ">="
    if any(w in text for w in ("以内", "不超过", "控制在")):
        return "<="
    if any(w in text for w in ("左右", "约")):
        return "~"
    return "="


def _tokens(clause: str) -> list[NumberToken]:
    return [t for t in find_numbers(clause) if _is_counted(t, clause)]


def draft_year(source: Source, catalogue: dict[str, Indicator], park: str, year: int) -> dict:
    """A draft year file (as data) from one source: every counted number lands in an entry."""
    names = _names(catalogue)
    indicators: dict[str, dict] = {}
    facts: list[dict] = []
    targets: list[dict] = []
    consumed: set[tuple[str, int]] = set()  # clauses already quoted with the clause before them
    for clause in _clauses(source, year):
        tokens = _tokens(clause.text)
        if not tokens or (clause.sentence, clause.start) in consumed:
            continue
        is_target = clause.planning or any(w in clause.text for w in _TARGET_WORDS[:5])
        mentioned_year = re.search(r"(\d{4})年", clause.sentence)
        for_year = year + 1 if clause.planning else year
        if mentioned_year and int(mentioned_year.group(1)) >= year:
            for_year = int(mentioned_year.group(1))
        match = next(((found, ind) for pattern, ind in names if (found := pattern.search(clause.text))), None)
        used: set[int] = set()
        if match and not is_target:
            found, indicator = match
            candidates = [t for t in tokens if t.start >= found.start() and _compatible(_unit_of(t), indicator)]
            if candidates and indicator.id not in indicators:
                token = candidates[0]
                quote = clause.text
                growth = _GROWTH.search(clause.text[token.end :])
                if not growth and clause.following:
                    # 同比 often opens the next clause of the same sentence: 总产值3626亿元,增长3.9%
                    found = _GROWTH.search(clause.following)
                    if found and found.start() <= 4:
                        growth = found
                        end = clause.start + len(clause.text) + 1 + len(clause.following)
                        quote = clause.sentence[clause.start : end]
                        consumed.add((clause.sentence, clause.start + len(clause.text) + 1))
                change = None
                if growth:
                    change = float(growth.group(3))
                    if growth.group(2) in ("下降", "减少", "回落", "降低"):
                        change = -change
                    change = int(change) if change == int(change) else change
                indicators[indicator.id] = {
                    "id": indicator.id,
                    "value": _value(token, indicator.unit),
                    "unit": indicator.unit,
                    "change_pct": change,
                    "qualifier": _qualifier(token),
                    "source": source.id,
                    "quote": quote,
                }
                used = {token.start}
                if growth:
                    used |= {t.start for t in tokens if t.after.startswith("%")}
        rest_tokens = [t for t in tokens if t.start not in used]
        if not rest_tokens:
            continue
        if is_target:
            token = rest_tokens[0]
            unit = _unit_of(token)
            target_indicator = None
            if match and _compatible(unit, match[1]):
                target_indicator = match[1].id
                unit = match[1].unit
            targets.append(
                {
                    "for_year": max(for_year, year),
                    "indicator": target_indicator,
                    "text": clause.text,
                    "value": _value(token, unit),
                    "unit": unit,
                    "comparator": _comparator(clause.text),
                    "source": source.id,
                    "quote": clause.text,
                }
            )
            rest_tokens = rest_tokens[1:]
            if not rest_tokens:
                continue
        figures = []
        for token in rest_tokens:
            unit = _unit_of(token)
            figure = {"value": _value(token, unit), "unit": unit}
            qualifier = _qualifier(token)
            if qualifier:
                figure["qualifier"] = qualifier
            figures.append(figure)
        facts.append(
            {
                "theme": _theme(clause.sentence),
                "text": clause.text,
                "figures": figures,
                "source": source.id,
                "quote": clause.text,
            }
        )
    return {
        "park": park,
        "year": year,
        "summary": None,
        "sources": [source.id],
        "indicators": list(indicators.values()),
        "facts": facts,
        "targets": targets,
    }
