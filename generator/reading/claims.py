"""Claims: catalogue names found in a clause, each bound to the figure it governs, with the 同比 rate that goes
with it: what the extractor drafts.

A name may have a few words inside it, as reports write them (规模以上工业企业完成总产值); a name that
opens on a verb may hold the counted object (新增3家上市企业). The figure is the one right after the
name (a verb and a hedge may stand between), or inside a verb name; 同比 is the rate right after the
figure, in the same clause or opening the next one, or right after the name when the amount follows
(同比下降2.4%,总额为310亿元). Names and figures listed with 分别 are paired in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from generator.reading.clauses import Clause, Sentences
from generator.reading.figures import chinese_counts, compatible, in_unit, plain_number, unit_end, unit_of
from generator.reading.names import part_prefix, written_forms
from generator.reading.numbers import NumberToken, chinese_value, split_unit
from generator.reading.script import simplified
from generator.reading.words import (
    AVERAGE_WORDS,
    CARRY_ON,
    CHANGE_VERBS,
    DECLINE_WORDS,
    GROWTH_BASES,
    GROWTH_WORDS,
    NAME_VERBS,
    NEW_VERBS,
    PREFIX_HEDGES,
    RESPECTIVELY,
    ROUND_HEDGES,
    TOTAL_WORDS,
)

if TYPE_CHECKING:
    from generator.editor.extract.catalogue import CatalogueEntry


def alternatives(words) -> str:
    """Words as a regular expression's alternatives, the longest first (超过 before 超)."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_QUOTE_MARKS = "“”\"'「」‘’『』"
_GAP = r"[^,，。;；:：!?！？\d]"
_VERB_GAP = r"[^,，。;；:：!?！？]"
_MAX_GAP, _MAX_VERB_GAP = 4, 10

# A growth word (not a base of comparison, not a single character) and a percentage: 同比增长5%, 比上年下降2.1%.
_CHANGE_WORDS = tuple(w for w in (*GROWTH_WORDS, *DECLINE_WORDS) if len(w) > 1 and w not in GROWTH_BASES)
GROWTH = re.compile(
    rf"({alternatives(GROWTH_BASES)})?({alternatives(_CHANGE_WORDS)})(?:了|为|达到|达|约|近|超过|超)?"
    r"(?:(\d+(?:[.．]\d+)?)[%％]|百分之([零〇一二两三四五六七八九十点]+))"  # 5%, 百分之五
)
# 同比增长24.5%(按可比价计算,同比增长14.1%): the growth at comparable prices in brackets after the nominal one is
# the one statistics compare years by.
COMPARABLE_BRACKET = re.compile(
    rf"^[(（](?:按|以)(?:可比|不变)价格?(?:计算)?[,，]?({alternatives(GROWTH_BASES)})?({alternatives(_CHANGE_WORDS)})"
)
# 405.3亿元,首次突破400亿,同比增长15.2%: the amount told again as a round bound it passed, between it and its growth.
ROUND_RESTATED = re.compile(
    rf"^(?:首次|首度|再次|已经|已)?(?:{alternatives(ROUND_HEDGES)})\d+(?:\.\d+)?[万亿]?(?:元|美元)?(?:大关)?$"
)
# 比上年增加122.66亿元: the amount's change told in its unit, between it and its growth.
ABSOLUTE_CHANGE = re.compile(r"^(?:比上年|比去年|较上年|较去年|同比)?(?:增加|减少)\d+(?:\.\d+)?[万亿]?(?:元|美元)?$")
# 按不变价格计算, standing alone between a figure and its 同比 (生产总值356.72亿元,按不变价格计算,比上年增长5.9%).
PRICE_BASIS = re.compile(r"^(?:按|以)(?:可比|不变)价格?(?:计算)?$")
_PASSED_OVER = re.compile(f"{PRICE_BASIS.pattern}|{ROUND_RESTATED.pattern}|{ABSOLUTE_CHANGE.pattern}")
# 营业收入超10亿元的企业28家: an amount that sets a threshold of a group, not the indicator's value.
_THRESHOLD_AFTER = re.compile(r"^(?:及?以上|以下)?的?(?:企业|项目|单位|园区)")
_ASCII = str.maketrans("０１２３４５６７８９．", "0123456789.")


@dataclass(frozen=True)
class Name:
    text: str
    entry: CatalogueEntry
    pattern: re.Pattern
    verb: bool


def _char(char: str) -> str:
    return f"[{re.escape(_QUOTE_MARKS)}]?" if char in _QUOTE_MARKS else re.escape(char)


def _pattern(name: str) -> tuple[re.Pattern, bool]:
    """A name with room for a few words inside it, as reports write them (规模以上工业企业完成总产值)."""
    verb = next((v for v in NAME_VERBS if name.startswith(v) and len(name) - len(v) >= 3), "")
    if len(name) < 5 and not verb:
        # Short names take no words inside: 营业收入 is not 主营业务收入.
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


def build_names(catalogue: list[CatalogueEntry]) -> list[Name]:
    """Every name and alias of the catalogue (and their common short forms) as patterns, in simplified
    characters (traditional aliases read the same once the text is in its matching form)."""
    taken = {simplified(n): e.id for e in catalogue for n in (e.name, *e.aliases)}
    names: list[Name] = []
    seen: set[str] = set()
    for entry in catalogue:
        for name in (entry.name, *entry.aliases):
            for variant in written_forms(name):
                if variant in seen or taken.get(variant, entry.id) != entry.id:
                    continue
                seen.add(variant)
                pattern, verb = _pattern(variant)
                names.append(Name(variant, entry, pattern, verb))
    return names


@dataclass(frozen=True)
class Hit:
    name: Name
    start: int
    end: int
    gap: int  # characters inside the name that are not part of it
    verb_gap: tuple[int, int] | None  # where the counted object may stand (新增[3家]上市企业)


def hits(text: str, names: list[Name]) -> list[Hit]:
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
            found.append(Hit(name, match.start(), match.end(), total, verb_gap))
    # A stock named without a verb (国家高新技术企业): 净增/新增 before it makes it a change, not the stock.
    found = [
        hit
        for hit in found
        if hit.name.verb
        or hit.name.text.startswith(NAME_VERBS)
        or hit.name.entry.kind != "stock"
        or not text[: hit.start].endswith(CHANGE_VERBS)
    ]
    # 工业固定资产投资, 高新技术产品出口总额, 进出口额, 每万人有效发明专利: a part of the indicator or another one.
    found = [hit for hit in found if part_prefix(text, hit.start) is None]
    found.sort(key=lambda hit: (hit.gap, -(hit.end - hit.start - hit.gap), hit.start))
    kept: list[Hit] = []
    for hit in found:
        if all(hit.end <= other.start or hit.start >= other.end for other in kept):
            kept.append(hit)
    return sorted(kept, key=lambda hit: hit.start)


_MARK = "大关"
_BRACKETED = re.compile(r"^[(（][^()（）\d]{1,10}[)）]")
# A phrase between a name and its number ending on the word of what is measured, then perhaps a verb.
_MEASURED = re.compile(r"(数量|总数|总量|规模|总额|金额)(达到|达|为|实现|完成|共)?$")
_MEASURE_PHRASE = 4  # how much longer such a phrase may be than the plain bridge


def value_after(hit_end: int, text: str, tokens: list[NumberToken], unit: str, limit: int = 4) -> NumberToken | None:
    """The number standing right after a name (a verb such as 达/实现 and a hedge may sit between)."""
    following = [t for t in tokens if t.start >= hit_end]
    if not following:
        return None
    token = min(following, key=lambda t: t.start)
    bridge = _BRACKETED.sub("", text[hit_end : token.start], count=1)  # 地区生产总值(GDP)123亿元
    hedged = next((hedge for hedge in PREFIX_HEDGES if bridge.endswith(hedge)), "")
    bridge = bridge[: len(bridge) - len(hedged)]
    if not hedged and text[unit_end(token) :].startswith(_MARK):
        return None  # 规上工业总产值站上6600亿元大关: a round mark reached, which no hedge of the draft holds
    if _MEASURED.search(bridge):
        limit += _MEASURE_PHRASE  # 科技型中小企业入库评价数量约1,360家: a short phrase ending on what is measured
    if len(bridge) > limit or re.search(r"\d|[由从]", bridge):
        return None  # 由不足200家增加到…: where a change started, not the year's value
    if not compatible(unit_of(token), unit):
        return None
    if _THRESHOLD_AFTER.match(text[unit_end(token) :]):
        return None
    if split_unit(unit)[1] == "%" and re.search(r"(增长|增速|增幅|提高|下降|减少)$", text[:hit_end] + bridge):
        return None  # a growth rate is not the value of a ratio indicator
    return token


def value_in_gap(hit: Hit, tokens: list[NumberToken], unit: str) -> NumberToken | None:
    """新增3家上市企业: the number inside a verb name, standing right before the object."""
    if hit.verb_gap is None:
        return None
    start, end = hit.verb_gap
    for token in tokens:
        if start <= token.start and unit_end(token) == end and compatible(unit_of(token), unit):
            return token
    return None


# ---------------------------------------------------------------------------------------------
# Candidates: a name bound to a figure, with its 同比 and the span of its quote
# ---------------------------------------------------------------------------------------------


@dataclass
class Candidate:
    entry: CatalogueEntry
    token: NumberToken
    clause: Clause  # the clause holding the figure
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


def rate_start(match: re.Match) -> int:
    """Where a growth match's rate starts (5% or 百分之五)."""
    return match.start(3) if match.group(3) else match.start(4) - len("百分之")


def signed(match: re.Match) -> int | float:
    rate = Decimal(match.group(3).translate(_ASCII)) if match.group(3) else chinese_value(match.group(4))
    change = plain_number(rate)
    return -change if match.group(2) in DECLINE_WORDS else change


def _growth(clause: Clause, after: int, following: Clause | None) -> tuple[re.Match | None, Clause | None, int]:
    """A 同比 rate right after a figure: in the same clause, or opening the next clause of the sentence.
    Returns the match, the clause holding it and the offset in that clause's text the match is relative to."""
    rest = clause.text[after:]
    match = GROWTH.search(rest)
    if match and rest[: match.start()].endswith(AVERAGE_WORDS):
        return None, None, 0  # 年均增长8.5%: an average over years, not the year's 同比
    if match and match.start() <= 6:
        between = [t for t in clause.tokens if after <= t.start < after + rate_start(match) and t.after[:1] != "%"]
        if not between:
            return match, clause, after
    if following is not None and not _RESPECTIVE_GROWTH.match(following.text):  # 分别增长: paired in order
        match = GROWTH.search(following.text)
        others = [t for t in following.tokens if not t.after.startswith("%")]
        average = match is not None and following.text[: match.start()].endswith(AVERAGE_WORDS)
        if match and match.start() <= 4 and not others and not average:
            return match, following, 0
    return None, None, 0


_ROUND_REST = re.compile(
    rf"^(?:总数|总量|总额|数量)?(?:达到|达|实现|完成|为)?(?:预计)?(?:{alternatives(ROUND_HEDGES)})"
)
# The exact amount opens the next clause on a word that carries the subject on: …,达到713.4亿元.
EXACT_OPENING = re.compile(rf"^(?:{alternatives(CARRY_ON)})(?=\d)")


def _exact_after_round(hit: Hit, clause: Clause, following: Clause | None, unit: str) -> NumberToken | None:
    """规上工业总产值超700亿元,达到713.4亿元 (营业收入逾千亿元,达到1058.7亿元): the exact amount the next
    clause gives after a round, hedged one is the figure."""
    if following is None or not _ROUND_REST.match(clause.text[hit.end :]):
        return None
    opening = EXACT_OPENING.match(following.text)
    if opening is None:
        return None
    return value_after(opening.end(), following.text, following.tokens, unit, limit=0)


_CARRIED_REST = 8  # 财政总收入跃上新台阶,达204.11亿元: a short phrase may close the name's clause


def _carried_on(hit: Hit, clause: Clause, following: Clause | None, unit: str) -> NumberToken | None:
    """全区财政总收入跃上新台阶,达204.11亿元: a name whose clause holds no number, its amount opening the next
    clause on a word that carries the subject on."""
    rest = clause.text[hit.end :]
    if following is None or len(rest) > _CARRIED_REST or any(c.isdigit() for c in rest):
        return None
    opening = EXACT_OPENING.match(following.text)
    if opening is None:
        return None
    return value_after(opening.end(), following.text, following.tokens, unit, limit=0)


_TOTAL_OPENING = re.compile(rf"^(?:{alternatives(CARRY_ON)})")


def _growth_first(hit: Hit, clause: Clause, following: Clause | None, unit: str) -> NumberToken | None:
    """全社会固定资产投资同比下降2.4%,总额为310亿元: the rate right after the name, the value opening the
    next clause."""
    growth = GROWTH.match(clause.text, hit.end)
    if growth is None or clause.text[growth.end() :].strip() or following is None:
        return None
    opening = _TOTAL_OPENING.match(following.text)
    if opening is None:
        return None
    return value_after(opening.end(), following.text, following.tokens, unit, limit=2)


def _make_growth_first(hit: Hit, clause: Clause, following: Clause, token: NumberToken) -> Candidate:
    growth = GROWTH.match(clause.text, hit.end)
    start = clause.start + _segment(clause.text, hit.start, False)
    end = following.start + _segment(following.text, token.end, True)
    value = in_unit(token, hit.name.entry.unit)
    key = (clause.key, rate_start(growth))
    return Candidate(hit.name.entry, token, following, value, start, end, signed(growth), key, True, hit.name.text)


def make(
    name: Name,
    token: NumberToken,
    clause: Clause,
    following: Clause | None,
    name_at: int,
    direct: bool,
    with_growth: bool = True,
) -> Candidate:
    """A candidate with its quote: from the item holding the name to the item holding the number (and 同比)."""
    value = in_unit(token, name.entry.unit)
    start = clause.start + (_segment(clause.text, name_at, False) if name_at >= 0 else name_at)
    end = clause.start + _segment(clause.text, token.end, True)
    growth, where, offset = _growth(clause, token.end, following) if with_growth else (None, None, 0)
    change, growth_key = None, None
    if growth is not None:
        comparable = _comparable(where.text, offset + growth.end())
        growth, offset = (comparable, offset + growth.end()) if comparable is not None else (growth, offset)
        change = signed(growth)
        growth_key = (where.key, offset + rate_start(growth))
        end = where.start + _segment(where.text, offset + growth.end(), True)
    return Candidate(name.entry, token, clause, value, start, end, change, growth_key, direct, name.text)


def _comparable_in_next(candidate: Candidate, clauses: list[Clause]) -> None:
    """同比增长24.5%(按可比价计算,同比增长14.1%) with the bracket cut by its comma: the growth at comparable prices
    in the next clause replaces the nominal one (in place)."""
    if candidate.growth_key is None:
        return
    index = next((i for i, c in enumerate(clauses) if c.key == candidate.growth_key[0]), None)
    if index is None or index + 1 >= len(clauses):
        return
    where, after = clauses[index], clauses[index + 1]
    percent = where.text.find("%", candidate.growth_key[1])
    if percent < 0 or not COMPARABLE_BRACKET.match(f"{where.text[percent + 1 :]},{after.text}"):
        return
    comparable = GROWTH.match(after.text)
    if comparable is None:
        return
    candidate.change_pct = signed(comparable)
    candidate.growth_key = (after.key, rate_start(comparable))
    candidate.quote_end = after.start + _segment(after.text, comparable.end(), True)


def _comparable(text: str, after: int) -> re.Match | None:
    """The growth at comparable prices in the brackets right after a nominal growth, or None."""
    if not COMPARABLE_BRACKET.match(text[after:]):
        return None
    return GROWTH.search(text[after:])


_RESPECTIVELY = re.compile(rf"{RESPECTIVELY}(为|是|达到|达|完成|实现)")
_RESPECTIVE_GROWTH = re.compile(
    rf"^(?:{alternatives(GROWTH_BASES)})?{RESPECTIVELY}(?:{alternatives(GROWTH_BASES)})?({alternatives(_CHANGE_WORDS)})"
)


def _listed_before(clause: Clause, earlier: list[Clause]) -> list[Clause]:
    """The clauses of a list of amounts ending on `clause`: it and the clauses right before it without a
    percentage (进出口总额86.67亿美元,其中出口43.02亿美元,分别增长…)."""
    run = [clause]
    for before in reversed(earlier):
        if not before.tokens or any(t.after.startswith(("%", "％")) for t in before.tokens):
            break
        run.insert(0, before)
    return run


def _pair_growths(made: list[Candidate], clause: Clause, following: Clause | None, earlier: list[Clause]) -> None:
    """出口总额12亿美元、实际利用外资8亿美元,分别增长5%和3%: the rates in the order of the amounts (in place),
    the amounts of one clause or of the clauses listed before the 分别."""
    growth = _RESPECTIVE_GROWTH.match(following.text) if following is not None else None
    rates = [t for t in following.tokens if t.after.startswith(("%", "％"))] if growth else []
    if not rates or any(t.after.startswith("%") for t in clause.tokens):
        return
    run = [clause]
    own = sorted({c.token.start for c in made} | {t.start for t in clause.tokens if not t.after.startswith("%")})
    amounts = [(clause.key, start) for start in own]
    if len(rates) != len(amounts):
        run = _listed_before(clause, earlier)
        amounts = [(c.key, t.start) for c in run[:-1] for t in c.tokens if not t.after.startswith("%")] + amounts
    if len(rates) != len(amounts):
        return
    for candidate in made:
        index = amounts.index((clause.key, candidate.token.start))
        rate = plain_number(rates[index].amount)
        candidate.change_pct = -rate if growth.group(1) in DECLINE_WORDS else rate
        candidate.growth_key = (following.key, rates[index].start)
        candidate.quote_start = run[0].start + _segment(run[0].text, 0, False)
        candidate.quote_end = following.end


def _respective(before: list[Hit], after: list[NumberToken], clause: Clause, following: Clause | None) -> list:
    """Names paired with the amounts after 分别 in order, and with the rates of a 分别增长x%和y% that follows.

    Every quote holds the whole list (the names, the amounts and the rates): the pairing is read from the order.
    """
    growth = _RESPECTIVE_GROWTH.match(following.text) if following is not None else None
    rates = [t for t in following.tokens if t.after.startswith(("%", "％"))] if growth else []
    paired = len(rates) == len(before)
    start = clause.start + _segment(clause.text, before[0].start, False)
    end = following.end if paired else clause.start + len(clause.text)
    found = []
    for index, (hit, token) in enumerate(zip(before, after, strict=True)):
        if not compatible(unit_of(token), hit.name.entry.unit):
            continue
        value = in_unit(token, hit.name.entry.unit)
        change, key = None, None
        if paired:
            rate = plain_number(rates[index].amount)
            change, key = (-rate if growth.group(1) in DECLINE_WORDS else rate), (following.key, rates[index].start)
        found.append(Candidate(hit.name.entry, token, clause, value, start, end, change, key, True, hit.name.text))
    return found


_LEADING_TIME = re.compile(r"^((?:19|20)\d\d年)?(全年|年内|当年|今年|同期|其中|共|累计|全区|全市)?")
_PART_OPENING = ("其中", "含")
# 新增国家高新技术企业68家,总数达到426家: the stock follows the change, its name told once.
_TOTAL_AFTER_CHANGE = re.compile(rf"^(?:{alternatives(TOTAL_WORDS)})")


def _stock_after_change(total: re.Match, clause: Clause, before: Clause, names: list[Name]) -> Candidate | None:
    """新认定高新技术企业58家,累计达到312家: the total is the stock whose name the change's object holds."""
    changes = [h for h in hits(before.text, names) if h.name.entry.kind != "stock"]
    if len(changes) != 1:
        return None
    change = changes[0]
    counted = before.text[change.start : change.end]
    for name in names:
        core = name.text.removesuffix("总数").removesuffix("数")
        if name.entry.kind != "stock" or name.text.startswith(NAME_VERBS) or len(core) < 4 or core not in counted:
            continue
        token = value_after(total.end(), clause.text, clause.tokens, name.entry.unit, limit=3)
        if token is not None:
            return make(name, token, clause, None, before.start - clause.start + change.start, direct=False)
    return None


# A clause opening on the count of new ones of a stock named before it: …,其中当年新认定132家.
CHANGE_OPENING = r"(?:其中)?(?:去年|今年|当年|全年|年内)?"
_CHANGE_OPENING = re.compile(rf"^{CHANGE_OPENING}(?P<verb>{alternatives(NEW_VERBS)})(?=\d)")


def _change_after_stock(clause: Clause, earlier: list[Clause], names: list[Name]) -> Candidate | None:
    """国家高新技术企业达到1246家,当年新认定218家: the change of the stock an earlier clause names, its object
    told once."""
    opening = _CHANGE_OPENING.match(clause.text)
    if opening is None or not clause.tokens or unit_end(clause.tokens[0]) != len(clause.text):
        return None  # only the count closes the clause: 新增12家研发机构 counts something else
    for before in reversed(earlier):
        stocks = [h for h in hits(before.text, names) if h.name.entry.kind == "stock"]
        if not stocks:
            continue
        stock = stocks[0]
        counted = before.text[stock.start : stock.end]
        for name in names:
            if name.entry.kind != "stock" and name.text == opening.group("verb") + counted:
                token = value_after(opening.end(), clause.text, clause.tokens, name.entry.unit, limit=0)
                if token is not None:
                    return make(name, token, clause, None, before.start - clause.start + stock.start, direct=False)
        return None
    return None


# 到2002年底累计吸收合同外资…,实际到帐外资…: totals since the park began, not the year's flows.
_SINCE_THE_START = re.compile(r"^(?:到|至|截至|截止到?)[^,，。;；]{0,12}(?:底|末)[,，]?累计")


def _cumulative(clauses: list[Clause]) -> bool:
    """A sentence opening on 到…年底累计: every flow it lists is a total since the start."""
    return bool(_SINCE_THE_START.match(",".join(c.text for c in clauses[:2])))


_ABOVE_SCALE = ("规模以上", "规上", "规模工业")  # 规模工业总产值, an older wording of 规模以上工业总产值


def _scope_dropped(name: Name, paragraph: str) -> bool:
    """工业增加值 for 规模以上工业增加值 in a paragraph that never speaks of enterprises above scale: the name
    without its scope is all industry's (其中工业增加值 in a breakdown of GDP), not the catalogue's measure."""
    dropped = name.entry.name.startswith(_ABOVE_SCALE) and not name.text.startswith(_ABOVE_SCALE)
    return dropped and not any(word in paragraph for word in _ABOVE_SCALE)


def candidates(sentences: Sentences, names: list[Name], year: int) -> list[Candidate]:
    """Indicator candidates of one paragraph (clauses about `year` that set no goal)."""
    found: list[Candidate] = []
    paragraph = "".join(clause.text for clauses in sentences for clause in clauses)
    names = [name for name in names if not _scope_dropped(name, paragraph)]
    for s_index, clauses in enumerate(sentences):
        cumulative = _cumulative(clauses)
        sentence_first = len(found)
        direct_hit_keys: set[int] = set()
        named_before: set[str] = set()  # indicators named earlier in the sentence
        for c_index, clause in enumerate(clauses):
            if clause.year != year or clause.goal or clause.mode != "results":
                continue
            tokens = clause.tokens + chinese_counts(clause.text)
            following = clauses[c_index + 1] if c_index + 1 < len(clauses) else None
            # …亿元,按不变价格计算,比上年增长5.9%: the rate after the basis, a round bound or a change in the unit.
            ahead = c_index + 1
            while following is not None and _PASSED_OVER.match(following.text) and ahead + 1 < len(clauses):
                ahead += 1
                following = clauses[ahead]
            used: set[int] = set()
            clause_hits = hits(clause.text, names)
            if cumulative:
                clause_hits = [h for h in clause_hits if h.name.entry.kind != "flow"]
            change = _change_after_stock(clause, clauses[:c_index], names) if not clause_hits else None
            if change is not None:
                found.append(change)
                continue
            if clause.text.startswith(_PART_OPENING) and clause.scope is None:
                # 其中…: a part of the figure before it, unless it names another indicator (其中规模以上…).
                clause_hits = [h for h in clause_hits if h.name.entry.id not in named_before]
                if not clause_hits:
                    continue
            named_before |= {h.name.entry.id for h in clause_hits}
            if clause_hits:
                direct_hit_keys.add(clause.key)
            respectively = _RESPECTIVELY.search(clause.text)
            if respectively and len(clause_hits) > 1:
                # 合同外资、实际利用外资分别为4.94亿美元、3.65亿美元: names and numbers in the same order.
                before = [h for h in clause_hits if h.end <= respectively.start()]
                after = [t for t in clause.tokens if t.start >= respectively.end() and not t.after.startswith("%")]
                if len(before) == len(after) > 1:
                    found += _respective(before, after, clause, following)
                    continue
            made = len(found)
            after_following = clauses[c_index + 2] if c_index + 2 < len(clauses) else None
            for hit in clause_hits:
                unit = hit.name.entry.unit
                available = [t for t in tokens if t.start not in used]
                # The amount in the next clause (an exact one after a round one, or one the clause carries on to):
                # the claim is that clause's, its name where it stands in the clause before.
                in_next = _exact_after_round(hit, clause, following, unit)
                if in_next is None:
                    token = value_in_gap(hit, available, unit) or value_after(hit.end, clause.text, available, unit)
                    if token is not None:
                        used.add(token.start)
                        found.append(make(hit.name, token, clause, following, hit.start, direct=True))
                        continue
                    late = _growth_first(hit, clause, following, unit)
                    if late is not None:
                        found.append(_make_growth_first(hit, clause, following, late))
                        continue
                    in_next = _carried_on(hit, clause, following, unit)
                if in_next is not None:
                    name_at = clause.start + hit.start - following.start
                    found.append(make(hit.name, in_next, following, after_following, name_at, direct=True))
            _pair_growths(found[made:], clause, following, clauses[:c_index])
            if clause_hits or not clause.tokens:
                continue
            # The name split over two clauses: 16个省市重点项目计划总投资174亿元,全年完成投资182亿元;
            # or the subject in a short opening sentence: 软件信息服务业保持快速增长。全年营收实现701.2亿元.
            subject_clause = None
            total = _TOTAL_AFTER_CHANGE.match(clause.text)
            if c_index > 0 and (clauses[c_index - 1].key not in direct_hit_keys or total):
                subject_clause = clauses[c_index - 1]
            elif c_index == 0 and s_index == 1:
                opening = sentences[0]
                opening_text = "".join(c.text for c in opening)
                if len(opening_text) <= 25 and not any(c.tokens for c in opening):
                    subject_clause = opening[0]
            if subject_clause is None:
                continue
            stock = _stock_after_change(total, clause, subject_clause, names) if total else None
            if stock is not None:
                found.append(stock)
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
                    token = value_after(at + len(measure), clause.text, clause.tokens, name.entry.unit)
                    if token is not None and (best is None or len(measure) > len(best[1])):
                        best = (name, measure, token)
            if best is not None:
                name, _, token = best
                found.append(make(name, token, clause, following, subject_clause.start - clause.start, direct=False))
        for candidate in found[sentence_first:]:
            _comparable_in_next(candidate, clauses)
    return found
