"""Names as reports write them: a catalogue name or alias in simplified characters, and its common abbreviations
(规模以上 → 规上, 高新技术企业 → 高企, 地区生产总值 → GDP), and where a text writes one (a few words may stand inside
a long name). The checker looks for names in a quote and the extractor drafts from them through the same spans, so a
name the extractor reads is one the checker finds."""

from __future__ import annotations

import re
from functools import lru_cache

from generator.reading.parts import PERIOD
from generator.reading.script import simplified
from generator.reading.words import (
    ALL_FIRMS,
    ALL_IN_FISCAL,
    DECLINE_WORDS,
    GROWTH_BASES,
    GROWTH_WORDS,
    LOCAL_SHARE,
    NAME_VERBS,
    NOT_INSIDE_A_NAME,
    ONE_BOARD,
    PART_PREFIXES,
    REPORT_VERBS,
    SAME_WORDS,
    SHORT_FORMS,
    WHOLE_PARK,
)

_QUOTE_MARKS = "“”\"'「」‘’『』"
_GAP = r"[^,，。;；:：!?！？\d]"
_VERB_GAP = r"[^,，。;；:：!?！？]"
MAX_GAP, _MAX_VERB_GAP = 4, 10  # characters inside a name that are not part of it; after a verb name's verb
SHARE_OF = "占"  # 研发经费支出占地区生产总值比重: the share of a measure in another
_MAX_SPAN = 10  # characters at one place inside a name, the subject's 企业 and a reporting verb included
# Items a counting verb governs before the name, each a kind and its count ending on 、:
# 新认定[国家级高新技术企业334家、]国家级专精特新“小巨人”企业14家 counts the little giants newly certified too.
_ITEM_END = r"\d+[家个项件户]、"  # an item's count closing it before the next
_LISTED_BEFORE = rf"(?:[^,，。;；:：!?！？、\d]{{2,16}}?{_ITEM_END}){{0,4}}?"
# A counted item listed before another (…高新技术企业334家、…): its count is its own, not the next name's.
LISTED_ITEM = re.compile(_ITEM_END)
# Words inside a name that tell who reports it and how, not what is measured: 规模以上工业[企业累计完成]工业总产值.
_SUBJECT_AND_VERB = re.compile(f"企业|单位|{'|'.join(REPORT_VERBS)}|完成了|实现了|了")


def read_whole(name: str) -> bool:
    """Whether `name` is its measure only as written whole: one opening on the park itself (园区总收入; WHOLE_PARK), as
    园区[经营]总收入 and 园区…,旅游总收入 are other measures."""
    return name.startswith(WHOLE_PARK)


def _char(char: str) -> str:
    return f"[{re.escape(_QUOTE_MARKS)}]?" if char in _QUOTE_MARKS else re.escape(char)


@lru_cache(maxsize=4096)
def name_pattern(name: str) -> tuple[re.Pattern, bool]:
    """A name with room for a few words inside it, as reports write them (规模以上工业企业完成总产值), and whether it
    opens on a verb whose counted object may stand inside (新增[3家]上市企业). Short names take no words inside:
    营业收入 is not 主营业务收入."""
    verb = next((v for v in NAME_VERBS if name.startswith(v) and len(name) - len(v) >= 3), "")
    if (len(name) < 5 and not verb) or read_whole(name):
        return re.compile("".join(_char(c) for c in name)), False
    head = verb or name[:2]
    parts = [_char(c) for c in head]
    for index, char in enumerate(name[len(head) :]):
        if char in _QUOTE_MARKS:
            parts.append(_char(char))
            continue
        if verb and index == 0:
            gap = f"(?P<l{index}>{_LISTED_BEFORE})(?P<v{index}>{_VERB_GAP}{{0,{_MAX_VERB_GAP}}}?)"
        elif char == SHARE_OF:
            # A share told in the clause after its measure's amount: 研发经费支出超15.7亿元,占地区生产总值比重达5.2%.
            gap = f"(?P<s{index}>(?:{_VERB_GAP}{{0,{_MAX_SPAN}}}?[,，])?{_GAP}{{0,{_MAX_SPAN}}}?)"
        else:
            gap = f"(?P<g{index}>{_GAP}{{0,{_MAX_SPAN}}}?)"
        parts.append(gap + _char(char))
    return re.compile("".join(parts)), bool(verb)


# Words inside a name joining another kind to it (新增上市[及过会]企业2家): the count is of both kinds, not the name's.
_JOINED = re.compile(r"(?:及|和|与|以及|、)[\u4e00-\u9fff]")


def name_spans(name: str, text: str):
    """Where `text` writes `name` (a few words inside it allowed, as name_pattern reads it): (start, end, the span of
    a verb name's counted object or None), in order."""
    pattern, _ = name_pattern(name)
    at = 0
    while (match := pattern.search(text, at)) is not None:
        gaps = {k: match.span(k) for k, v in match.groupdict().items() if v}
        inside = "".join(text[a:b] for k, (a, b) in gaps.items() if k.startswith("g"))
        # What is left once the subject's words, the verb and the name's own words said again are set aside.
        left = "".join(c for c in _SUBJECT_AND_VERB.sub("", inside) if c not in name)
        verb_object = "".join(text[a:b] for k, (a, b) in gaps.items() if k.startswith("v"))
        joined = any(_JOINED.match(text, a, b) for k, (a, b) in gaps.items() if k.startswith("g"))
        if (
            (len(inside) > MAX_GAP and left)
            or any(word in inside for word in NOT_INSIDE_A_NAME)
            or names_one_board(verb_object)
            or joined
        ):
            # Not this span, but the name may stand whole inside it: 工业[园区企业完成]工业总产值.
            at = match.start() + 1
            continue
        # A verb governing items listed before its name (新认定A 334家、B 14家): the counted object's span starts
        # after them (the items are names of their own).
        verb_object_span = next((span for k, span in gaps.items() if k.startswith("v")), None)
        listed = next((b for k, (a, b) in gaps.items() if k.startswith("l")), None)
        if verb_object_span is None and listed is not None:
            verb_object_span = (listed, listed)
        yield match.start(), match.end(), verb_object_span
        at = match.end()


def names_one_board(words: str) -> bool:
    """Whether words between a verb and its name name one stock board (新增[创业板]上市企业): that board's, a part."""
    return any(board in words for board in ONE_BOARD)


def written_forms(name: str) -> list[str]:
    """A name and its abbreviated forms and its forms in other words for the same thing, in simplified characters, the
    name first."""
    return list(_written_forms(name))


@lru_cache(maxsize=4096)  # the catalogue's names are read for every figure that names them
def _written_forms(name: str) -> tuple[str, ...]:
    forms = [simplified(name)]
    for long, short in (*SHORT_FORMS, *SAME_WORDS):
        forms += [form.replace(long, short) for form in forms if long in form]
    return tuple(dict.fromkeys(forms))


def catalogue_forms(names) -> list[str]:
    """Every written form of a list of names (an indicator's name and aliases), without repeats."""
    return list(dict.fromkeys(form for name in names for form in written_forms(name)))


_LONGEST_FIRST = sorted(PART_PREFIXES, key=len, reverse=True)
# 非烟规上工业增加值, 非公经济增加值: the measure without a named part is a part of it too.
_EXCLUDED_PART = re.compile(r"非[\u4e00-\u9fff]{1,2}$")


# A size of project before a measure (5000万元以上口径固定资产投资): only the projects above it, another measure.
# 500万元, the statistics' own threshold for fixed-asset investment since 2011, leaves it the measure itself.
_PROJECT_THRESHOLD = re.compile(r"(?P<size>\d+(?:\.\d+)?(?:万元|亿元))(?:及)?以上(?:口径|项目)?(?:的)?$")
_STANDARD_THRESHOLDS = ("500万元",)


# Words right after a name that make it another measure: 出口创汇 (exports' foreign exchange, kept as a fact),
# 出口交货值 (industry's export delivery value), 出口退税, 高企后备企业 (candidates, not high-tech enterprises),
# 进出口增量 (the rise over the year before), 高企研发中心 (the firms' R&D centres, counted), 外商直接投资合同额 (the
# investment contracted, not paid in).
_ANOTHER_MEASURE_AFTER = (
    "创汇", "交货值", "退税", "后备", "增量", "研发中心", "技术中心", "研究院", "研究中心", "合同",
)  # fmt: skip


def measure_suffix(text: str, end: int) -> str | None:
    """The words right after a name ending at `end` that make it another measure (创汇 of 出口创汇), or None."""
    return next((word for word in _ANOTHER_MEASURE_AFTER if text.startswith(word, end)), None)


# One industry named before a measure (现代物流业实现营业总收入70亿元, 金融业增加值): that industry's, a part of the
# park's; 企业, 就业, 创业 … end in 业 and name no industry.
_AN_INDUSTRY = re.compile(r"[\u4e00-\u9fff]{0,5}[^\W\d_企就创事专营作毕学]业$")


# 产业增加值 is the value added of all a zone's industries (its GDP, as 成都高新区 names it) only standing alone: an
# industry named right before it (第三产业增加值, 高新技术产业增加值, 数字经济核心产业增加值) makes it that industry's.
_ALL_INDUSTRIES = "产业"
_WORDS_BEFORE = re.compile(r"[\u4e00-\u9fff]+$")
# What may stand right before 产业增加值 standing alone: a verb, the park or a place of it, a time.
_BEFORE_ALL_INDUSTRIES = (*REPORT_VERBS, "区", "年", "月", "度", "了", "其中")


def _industry_named_before(before: str) -> str | None:
    """The industry named right before 产业增加值 (第三, 高新技术, 数字经济核心), or None when it stands alone."""
    words = _WORDS_BEFORE.search(before)
    if words is None or words.group(0).endswith(_BEFORE_ALL_INDUSTRIES):
        return None
    return words.group(0)[-6:]


def part_prefix(text: str, start: int) -> str | None:
    """The words right before a name at `start` that make it a part or another measure (工业 in 工业固定资产投资,
    预算 in 一般公共预算税收收入, 服务业实现 in 服务业实现营业收入, 进 in 进出口, 非烟 in 非烟规上…), or None."""
    if text[:start].endswith("进") and text[start : start + 1] == "出":
        return "进"
    before = text[:start]
    if before.endswith(LOCAL_SHARE) and text.startswith(ALL_IN_FISCAL, start):
        return LOCAL_SHARE  # 地方财政总收入: the local share of all the revenue collected, not all of it
    if text.startswith(_ALL_INDUSTRIES, start):
        industry = _industry_named_before(before)
        if industry:
            return industry
    excluded = _EXCLUDED_PART.search(before)
    if excluded:
        return excluded.group(0)
    threshold = _PROJECT_THRESHOLD.search(before[-16:])
    if threshold and threshold.group("size") not in _STANDARD_THRESHOLDS:
        return threshold.group(0)
    found = _prefix_of(before)
    if found in ABOVE_SCALE and text.startswith("企业", start):
        # 规上企业总收入 names the park's firms above scale, as 规上企业实现营业收入 does (_A_KIND_OF_FIRM): the
        # zone's statistics count those firms; 规模以上工业企业总收入 still ends on 工业, a part.
        found = None
    verb = next((v for v in REPORT_VERBS if before.endswith(v)), "")
    if found is None and verb:
        # 规模以上服务业实现营业收入: the part's subject may stand before the verb that reports its amount.
        subject = _prefix_of(before[: len(before) - len(verb)])
        found = subject + verb if subject else None
    if found is None and verb:
        # 文化创意企业实现营业收入: one kind of firm as the subject, a part of the park's firms (not 园区企业).
        subject = before[: len(before) - len(verb)]
        kind = _A_KIND_OF_FIRM.search(subject[-7:]) or _A_FIRM_BY_NAME.search(subject[-7:])  # 6 characters at most
        found = kind.group(0) + verb if kind else None
    return found


# A count may stand before the kind (30家文化企业完成…); 175家规上企业完成… counts the park's firms above scale.
_A_KIND_OF_FIRM = re.compile(
    r"(?:(?<![\u4e00-\u9fff])|(?<=\d[家户个]))(?!园区|全区|高新区|区内|辖区|入统|纳统|全部|所有|各类|我区|开发区|全市|规上|规模以上|上规|"
    r"工业|区属|[家户个])[\u4e00-\u9fff]{2,4}(?:企业|公司)$"
)
# One firm by its name as the subject (华工科技实现营业收入61.38亿元, 某某集团完成…): that firm's, not the park's.
_A_FIRM_BY_NAME = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,4}(?:科技|集团|股份|控股|药业|电子|光电|电气)$")


def _prefix_of(before: str) -> str | None:
    """The part's words `before` ends on: a word of PART_PREFIXES, or one industry (现代物流业), or None."""
    found = next((prefix for prefix in _LONGEST_FIRST if before.endswith(prefix)), None)
    industry = _AN_INDUSTRY.search(before) if found is None else None
    return industry.group(0)[-3:] if industry else found  # the industry's last words (物流业 of 现代物流业)


ABOVE_SCALE = ("规模以上", "规上", "规模工业")  # 规模工业总产值, an older wording of 规模以上工业总产值
# A count of the firms above scale (其中规模以上企业13家) speaks of how many there are, not of what they make.
_COUNT_ABOVE_SCALE = re.compile(r"(?:规模以上|规上)(?:工业)?企业数?(?:达到?|为|有|共)?\d+[家户个]")


def scope_dropped(catalogue_name: str, written: str, before: str) -> bool:
    """工业增加值 for 规模以上工业增加值 where the paragraph `before` the name has not spoken of firms above scale:
    the name without its scope is all industry's (其中工业增加值 in a breakdown of GDP; 完成工业增加值…;开展技改规模以上
    工业企业5家; …工业增加值3.52亿元…,其中规模以上企业13家), not the catalogue's; in a list that opened on them
    (规模以上工业企业…;完成工业增加值) it is."""
    scope = next((word for word in ABOVE_SCALE if catalogue_name.startswith(word)), None)
    dropped = scope is not None and written == catalogue_name.removeprefix(scope)  # its own name, the scope left out
    # The measure named whole before (主园区…规模以上工业增加值94.9亿元;…。“一区五园”…工业增加值548亿元): the page tells
    # the two apart, so the bare name is all industry's.
    if not dropped:
        return False
    if before.endswith(ALL_FIRMS):
        return True  # 全部工业增加值: all firms' named outright
    for word in ABOVE_SCALE:
        before = before.replace(word + written, "")
    return not any(word in _COUNT_ABOVE_SCALE.sub("", before) for word in ABOVE_SCALE)


_TIME_FIRST = rf"(?:(?:19|20)\d\d年)?(?:全年|年内|当年|今年|同期|{PERIOD.pattern})?"
# A class of firms as a clause's subject (规模以上工业实现总产值…, 上半年规上服务业保持良好增长势头,
# 在库规模以上服务业企业51家, 其中,其他营利性服务业43家), a time first.
_CLASS_SUBJECT = re.compile(
    rf"^{_TIME_FIRST}(?:其中[:：]?)?(?:(?:在库|入库|纳统|入统)?(?:规模以上|规上|限额以上|限上)[\u4e00-\u9fff]{{0,4}}?"
    r"(?:工业|服务业|企业)(?!增加值|总产值|产值)"
    # 其中,其他营利性服务业43家,完成营业收入…: one industry counted as the subject
    r"|[\u4e00-\u9fff]{2,8}?(?:服务业|制造业)(?=\d+家))"
)
_CLAUSE_MARKS = re.compile(r"[,，;；]")
# A count of firms of one class (规模以上工业企业44户, 限上服务业58户, 规模以上企业285家).
CLASS_COUNTED = re.compile(r"(?:规模以上|规上|限上|限额以上|上市|入统|纳统)[\u4e00-\u9fff]{0,8}?\d+(?:户|家)$")
_WHAT_FIRMS_MAKE = re.compile("产值|收入|增加值|利润|税")
# Clauses that go on telling of the subject before them: a growth (同比增长5.2%) or another amount (实现营业收入…).
_GOING_ON = re.compile(rf"^{_TIME_FIRST}(?:{'|'.join((*REPORT_VERBS, *GROWTH_BASES, *GROWTH_WORDS, *DECLINE_WORDS))})")


def carried_class(text: str, start: int, measure: str) -> str | None:
    """The class of firms a name at `start` tells of when its clause opens on a verb and carries on the subject of a
    clause before it in the sentence: 规模以上工业实现总产值208.2亿元,同比增长5.2%,实现营业收入222.8亿元 (that class's
    revenue, not the park's), or None. A measure of the class itself (`measure`, the catalogue's name:
    规模以上工业增加值 after 规模以上工业企业完成总产值…;完成工业增加值) is not carried off."""
    if measure.startswith(ABOVE_SCALE):
        return None
    sentence = text[:start].split("。")[-1]
    clauses = _CLAUSE_MARKS.split(sentence)
    verb = re.sub(f"^{_TIME_FIRST}年?", "", clauses[-1])
    # 规模以上企业285家,年工业产值640亿元: the annual output of the class just counted, no verb needed.
    counted = len(clauses) >= 2 and verb == "" and CLASS_COUNTED.search(clauses[-2]) is not None
    counted = counted and _WHAT_FIRMS_MAKE.search(measure) is not None  # not a count of another kind of firm
    if len(clauses) < 2 or (verb not in REPORT_VERBS and not counted):
        return None
    found = _class_subject_before(clauses)
    return found[1] if found else None


def _class_subject_before(clauses: list[str]) -> tuple[int, str] | None:
    """The clause before the last that names the class of firms the clauses after it carry on, with the class."""
    for index in reversed(range(len(clauses) - 1)):
        if not _GOING_ON.match(clauses[index]):
            subject = _CLASS_SUBJECT.match(clauses[index])
            return (index, subject.group(0)) if subject else None
    return None


_VERB_FIRST = re.compile(rf"^{_TIME_FIRST}(?:{'|'.join(REPORT_VERBS)})")


def class_clause(clauses: list[str]) -> int | None:
    """Where the class of firms stands that the last clause, opening on a verb, goes on telling of: the index of its
    clause (规模以上工业企业完成总产值622亿元,同比增长16.7%;实现主营业务收入620亿元), or None."""
    if len(clauses) < 2 or not _VERB_FIRST.match(clauses[-1]):
        return None
    found = _class_subject_before(clauses)
    return found[0] if found else None


# 新增国内生产总值22.37亿元: the year's increase of an amount, not its level (a count of the year's new ones,
# 新增科技型中小企业426家, is the count itself).
_INCREASE_WORDS = ("新增", "净增")


def increase_of_an_amount(text: str, start: int, unit: str) -> str | None:
    """The word before a name at `start` that makes an amount in `unit` its increase (新增国内生产总值), or None."""
    return (
        next((word for word in _INCREASE_WORDS if text[:start].endswith(word)), None) if unit.endswith("元") else None
    )


def part_names(names: list[str], text: str, unit: str = "") -> list[tuple[int, int]]:
    """Where a name stands next to a word that makes it a part or another measure (一般公共预算税收收入, 人均GDP,
    出口 in 进出口, 出口创汇), makes an amount in `unit` its increase (新增国内生产总值) or carries on a class of firms
    named before it (names.carried_class), unless the longer wording is the indicator's own name
    (规模以上工业增加值)."""
    own = [(m.start(), m.end()) for name in names for m in re.finditer(re.escape(name), text)]
    parts = []
    for start, end in own:
        prefix = part_prefix(text, start) or increase_of_an_amount(text, start, unit)
        suffix = measure_suffix(text, end)
        carried = carried_class(text, start, names[0])
        if prefix is None and suffix is None and carried is None:
            continue
        # 规模以上工业实现总产值…,实现营业收入: from the class that the name's clause carries on to the name.
        opening = text.rfind(carried, 0, start) if carried else start
        span = (min(opening, start - len(prefix or "")), end + len(suffix or ""))
        if not any(a <= span[0] and span[1] <= b for a, b in own):
            parts.append(span)
    return parts


def longer_names(mine, theirs) -> tuple[str, ...]:
    """Of other indicators' names (`theirs`), those that hold one of `mine` as the reading finds a name (a few words
    inside it allowed: 公共财政预算收入 in 公共财政预算总收入), longer ones only: a name of mine inside one of them
    names that indicator, not mine."""
    return tuple(name for name in theirs if any(len(name) > len(m) and next(name_spans(m, name), None) for m in mine))
