"""Claims: the catalogue's names found in a sentence's clauses, each with what it governs as governs.py binds it (the
checker's binding), and the 同比 that goes with it: what the extractor drafts.

A name may have a few words inside it, as reports write them (规模以上工业企业完成总产值); a name that opens on a
verb may hold the counted object (新增3家上市企业). Of what a name governs, a draft takes only what it can be sure of
(`sure`): a number close after the name, not where a change started, not a round mark reached without a hedge.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from generator.reading.clauses import TOTAL_AFTER_A_MARK, Clause, Sentences
from generator.reading.figures import chinese_counts, in_unit, plain_number, unit_end
from generator.reading.governs import (
    CHANGE_OPENING,
    FROM_TO,
    LEVEL_AFTER_ROUND,
    Naming,
    alternatives,
    change_after_stock,
    change_before_a_total,
    family_of,
    governed_amount,
    growth_of,
    has_a_level,
    own_part,
    projected,
    respective,
    signed_percent,
    stock_total,
)
from generator.reading.names import (
    CLASS_COUNTED,
    LISTED_ITEM,
    SHARE_OF,
    carried_class,
    class_clause,
    increase_of_an_amount,
    measure_suffix,
    name_pattern,
    name_spans,
    part_prefix,
    scope_dropped,
    written_forms,
)
from generator.reading.numbers import NumberToken, split_unit, tokens_of
from generator.reading.parts import (
    ALL_TAXES,
    PERIOD,
    about_another_park,
    budget_taxes,
    park_opening,
    total_over_years,
    total_since_the_start,
)
from generator.reading.script import simplified
from generator.reading.words import (
    CHANGE_VERBS,
    DECLINE_WORDS,
    GROWTH_BASES,
    GROWTH_WORDS,
    NAME_VERBS,
    NEW_VERBS,
    PREFIX_HEDGES,
    REPORT_VERBS,
    ROUND_HEDGES,
    TOTAL_WORDS,
)

if TYPE_CHECKING:
    from generator.editor.extract.catalogue import CatalogueEntry


@dataclass(frozen=True)
class Name:
    """A catalogue name or alias as reports write it, and whether it opens on a verb (新增上市企业)."""

    text: str
    entry: CatalogueEntry
    verb: bool


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
                _, verb = name_pattern(variant)
                names.append(Name(variant, entry, verb))
    return names


@dataclass(frozen=True)
class Hit:
    name: Name
    start: int
    end: int
    gap: int  # characters inside the name that are not part of it
    verb_gap: tuple[int, int] | None  # where the counted object may stand (新增[3家]上市企业)
    opening: int = -1  # where a verb governing items listed before the name stands (新认定A 334家、B 14家)


_SMALL_GAP = 2  # characters inside a name that still let it win over a shorter name inside it


def _inside(hit: Hit, others: list[Hit]) -> bool:
    """Whether a hit stands within one of `others`."""
    return any(other.start <= hit.start and hit.end <= other.end for other in others)


def hits(text: str, names: list[Name]) -> list[Hit]:
    """Non-overlapping name hits in a clause: the tighter hit wins, then the longer one."""
    found = []
    for name in names:
        for start, end, verb_gap in name_spans(name.text, text):
            listed = verb_gap is not None and LISTED_ITEM.search(text, start, verb_gap[0]) is not None
            if listed:  # the name's own item starts after the listed ones, which are names of their own
                found.append(Hit(name, verb_gap[0], end, end - verb_gap[0] - len(name.text), verb_gap, start))
            else:
                found.append(Hit(name, start, end, end - start - len(name.text), verb_gap))
    # A stock named without a verb (国家高新技术企业): 净增/新增 before it makes it a change, not the stock, and so
    # of a shorter name inside it (净增国家高企: not 高企 either); 新增/净增 before a flow make it the flow's increase.
    changes = [
        hit
        for hit in found
        if not (hit.name.verb or hit.name.text.startswith(NAME_VERBS))
        and (hit.name.entry.kind == "stock" or increase_of_an_amount(text, hit.start, hit.name.entry.unit))
        and text[: hit.start].endswith(CHANGE_VERBS)
    ]
    found = [hit for hit in found if not _inside(hit, changes)]
    # 工业固定资产投资, 高新技术产品出口总额, 进出口额, 每万人有效发明专利: a part of the indicator or another one; and
    # so is a shorter name inside it (人均[地区生产总值]: not 生产总值 either).
    parts = [h for h in found if part_prefix(text, h.start) is not None or measure_suffix(text, h.end) is not None]
    whole = [part for part in parts if not part.gap]  # a name written whole, not one read with words inside
    found = [hit for hit in found if hit not in parts and not _inside(hit, whole)]
    # The tighter hit wins, then the longer; a longer name with a word or two inside (研发投入占地区生产总值[的]比重)
    # wins over a shorter one standing whole inside it.
    found.sort(key=lambda hit: (max(hit.gap, _SMALL_GAP), -(hit.end - hit.start - hit.gap), hit.gap, hit.start))
    kept: list[Hit] = []
    for hit in found:
        if all(hit.end <= other.start or hit.start >= other.end for other in kept):
            kept.append(hit)
    return sorted(kept, key=lambda hit: hit.start)


# ---------------------------------------------------------------------------------------------
# Claims: what a name governs, as the checker reads it (governs.py), chosen where a draft can be sure of it
# ---------------------------------------------------------------------------------------------


@dataclass
class Candidate:
    entry: CatalogueEntry
    token: NumberToken  # as the clause holding it reads it (offsets in that clause's text)
    clause: Clause  # the clause holding the figure
    value: int | float
    quote_start: int  # offsets in the paragraph text
    quote_end: int
    change_pct: int | float | None = None
    growth_key: tuple[int, int] | None = None  # (clause key, token start) of the 同比 rate used
    direct: bool = True
    matched: str = ""
    park_in_brackets: bool = False  # the park's own part in brackets after a larger whole: no part of the park


@dataclass(frozen=True)
class Said:
    """A sentence as the binding reads it: its text in the matching form, where it starts in the paragraph, its
    clauses and every number in it."""

    text: str
    offset: int
    clauses: tuple[Clause, ...]
    tokens: tuple[NumberToken, ...]

    def clause_at(self, position: int) -> Clause | None:
        """The clause holding `position` (an offset in the sentence)."""
        return next((c for c in self.clauses if c.start - self.offset <= position < c.end - self.offset), None)

    def shift(self, clause: Clause) -> int:
        """Where `clause` starts in the sentence."""
        return clause.start - self.offset


def said_of(clauses: list[Clause], paragraph: str) -> Said:
    """The sentence of `clauses` in `paragraph` (the matching form the clauses were read from)."""
    offset = clauses[0].sentence_start
    text = paragraph[offset : clauses[-1].end]
    return Said(text, offset, tuple(clauses), tokens_of(text))


def _segment(text: str, position: int, forward: bool) -> int:
    """The start (or end) of the 、-separated item holding `position`."""
    if forward:
        found = text.find("、", position)
        return len(text) if found < 0 else found
    found = text.rfind("、", 0, position)
    return 0 if found < 0 else found + 1


_MILESTONES = ("大关", "台阶")  # 突破千亿元大关, 迈上千亿台阶
_BRACKETED = re.compile(r"^[(（][^()（）\d]{1,10}[)）]")
# A phrase between a name and its number ending on the word of what is measured, then perhaps a verb.
_MEASURED = re.compile(r"(数量|总数|总量|规模|总额|金额)(达到|达|为|实现|完成|共)?$")
_BRIDGE, _MEASURE_PHRASE = 4, 4  # how far a number may stand after its name, and how much further after such a phrase
_GROWTH_BEFORE = re.compile(r"(增长|增速|增幅|提高|下降|减少)$")


def sure(naming: Naming, token: NumberToken, text: str, unit: str) -> bool:
    """Whether a draft can take the amount a name governs as the indicator's value: the number stands close after the
    name (a verb, a hedge, a short phrase ending on what is measured, a bracketed abbreviation between) or counts
    before it; it is not where a change started (由不足200家…), a round mark passed (站上6600亿元大关, 首次突破千亿元
    大关) or, for a ratio, a growth rate."""
    if token.end <= naming.start:
        return True  # a count before the name: 新增3家上市企业
    bridge = text[naming.end : token.start]
    if any(mark in bridge for mark in ",，;；。") or token.start < naming.end:
        return True  # the amount the next clause carries on to, as the reading binds it
    if TOTAL_AFTER_A_MARK.search(bridge):
        return True  # 新认定国家高新技术企业1757家、累计达到5008家: a total after its change, a clause of its own
    bridge = _BRACKETED.sub("", bridge, count=1)  # 地区生产总值(GDP)123亿元
    hedged = next((hedge for hedge in PREFIX_HEDGES if bridge.endswith(hedge)), "")
    bridge = bridge[: len(bridge) - len(hedged)]
    if text[unit_end(token) :].startswith(_MILESTONES):
        return False  # 首次突破千亿元大关: a round mark the year passed, hedged or not, is no amount of it
    start = max(bridge.rfind("由"), bridge.rfind("从"))
    if 0 <= start <= _MEASURE_PHRASE and FROM_TO.match(bridge[start:]):
        return True  # 由3.7亿元增长到2750亿元, 总数从360家增至1031家: the level reached
    if bridge.startswith(ROUND_HEDGES) and bridge.endswith(LEVEL_AFTER_ROUND):
        return True  # 突破百亿、增至100.7亿: the exact level reached after the round one
    limit = _BRIDGE + (_MEASURE_PHRASE if _MEASURED.search(bridge) else 0)
    if len(bridge) > limit or re.search(r"\d|[由从]", bridge):
        return False
    return not (split_unit(unit)[1] == "%" and _GROWTH_BEFORE.search(text[: naming.end] + bridge))


def _in_clause(said: Said, token: NumberToken) -> tuple[Clause, NumberToken] | None:
    """The clause holding a number of the sentence, and the number as that clause counts it; None for one the
    clause does not count (a date, a rank, a code)."""
    clause = said.clause_at(token.start)
    if clause is None:
        return None
    at = token.start - said.shift(clause)
    counted_here = [*clause.tokens, *chinese_counts(clause.text)]
    found = next((t for t in counted_here if t.start == at), None)
    return (clause, found) if found is not None else None


def claim(naming: Naming, entry: CatalogueEntry, said: Said, year: int, total: NumberToken | None = None,
          named_at: int | None = None, direct: bool = True, own: tuple[str, ...] = ()) -> Candidate | None:  # fmt: skip
    """The claim a naming makes in its sentence, as the checker binds it (`total`: a stock's total told after its
    change, which the checker reads apart; `named_at`: where the name's first part stands when a clause before
    tells it), when the draft can be sure of it."""
    family = family_of(said.tokens, entry.unit)
    pairing = respective(naming, said.text, family, said.tokens, own)
    brackets_last = None  # the park's part in brackets after several parks' total: the brackets' last amount
    if total is not None:
        token = total
    elif pairing is not None and pairing.amounts:
        token = pairing.amounts[pairing.index]
    else:
        # The park's part in brackets after several parks' total is its amount; the total is none of its own.
        governed = own_part(governed_amount(naming, said.text, family), said.text, family, own)
        if governed.token is None or governed.planned or governed.parks:
            return None
        token, brackets_last = governed.token, governed.brackets_last
    bracketed = brackets_last is not None
    held = _in_clause(said, token)
    listed = pairing is not None and bool(pairing.amounts)  # paired by 分别: the names' list stands between
    if held is None or token.in_range or not (listed or bracketed or sure(naming, token, said.text, entry.unit)):
        return None
    clause, counted_token = held
    if clause.year != year or clause.goal or clause.mode != "results":
        return None
    growth, paired = (
        (None, False) if bracketed else growth_of(naming, token, said.text, family, said.tokens, clause.over_years, own)
    )
    if named_at is None:
        named_in = said.clause_at(naming.start) or clause
        start = said.shift(named_in) + _segment(named_in.text, naming.start - said.shift(named_in), False)
    else:
        start = min(named_at, naming.start)
    last = growth if growth is not None and growth.start > token.start else token
    if bracketed and brackets_last.start > last.start:
        # The quote holds the whole brackets: the checker reads the park's part as its own only beside the others'
        # (…(兰州高新区292亿元、白银高新区128亿元)); cut after 292亿元 it is a part of 420亿元 and nothing more.
        last = brackets_last
    if listed and pairing.amounts[-1].start > last.start:
        last = pairing.amounts[-1]  # the checker pairs the names with the whole list of amounts
    if paired and pairing is not None and pairing.growths and pairing.growths[-1].start > last.start:
        last = pairing.growths[-1]  # …同比分别增长9%、8%: and with the whole list of growths
    elif paired and growth is not None:
        # 地区生产总值500亿元,地方一般预算收入56亿元,…,同比分别增长23.5%、35.6%、21%和27%: the whole list of growths.
        in_list = said.clause_at(growth.start)
        listed_after = [t for t in said.tokens if t.start > last.start and said.clause_at(t.start) is in_list]
        last = next((t for t in reversed(listed_after) if t.after.startswith("%")), last)
    if paired or listed:
        # The list and its 分别: the pairing is read from the whole item (after the ；, or the sentence).
        start = max(said.text.rfind(mark, 0, min(token.start, naming.start)) for mark in "；;") + 1
    last_clause = said.clause_at(last.start) or clause
    end = said.shift(last_clause) + _segment(last_clause.text, last.end - said.shift(last_clause), True)
    candidate = Candidate(entry, counted_token, clause, in_unit(token, entry.unit), said.offset + start,
                          said.offset + end, direct=direct, matched=naming.label,
                          park_in_brackets=bracketed)  # fmt: skip
    if growth is not None:
        growth_clause = said.clause_at(growth.start)
        candidate.change_pct = plain_number(signed_percent(growth, said.text))
        if growth_clause is not None:
            candidate.growth_key = (growth_clause.key, growth.start - said.shift(growth_clause))
    return candidate


def _opening(hit: Hit) -> int:
    """Where a quote of a hit opens: at its name, or at the verb governing the items listed before it."""
    return hit.opening if hit.opening >= 0 else hit.start


def hit_naming(hit: Hit, clause: Clause, said: Said) -> Naming:
    """A name found in a clause as a naming of its sentence; a verb name's counted object (新增[3家]上市企业) stands
    between its two parts."""
    shift = said.shift(clause)
    head_end, start = hit.verb_gap if hit.verb_gap else (hit.start, hit.start)
    return Naming(hit.name.text, shift + head_end, shift + start, shift + hit.end)


_LEADING_TIME = re.compile(r"^((?:19|20)\d\d年)?(全年|年内|当年|今年|同期|其中|共|累计|全区|全市)?")
_PART_OPENING = ("其中", "含")


def _opens_on_the_park(text: str, own: tuple[str, ...]) -> bool:
    """Whether a clause opens on the park itself, after a 其中: by its name (其中,自贡高新区…), or as the city's one
    高新区 among its parks (全市园区…,其中高新区工业总产值达到326亿元)."""
    rest = re.sub(r"^(?:其中|含)?[:：,，]?(?:(?:19|20)\d\d年|今年|全年|去年)?[,，]?", "", text)
    if rest.startswith("高新区"):  # the clause's text is in simplified characters
        return True
    place = park_opening(rest)
    return place is not None and bool(own) and not about_another_park(place, own)


# A clause with a subject of its own before its verb (“一总部三基地”实现营业收入451亿元), a time aside.
_OWN_SUBJECT = re.compile(rf"^(?P<subject>[^\d,，;；]{{1,12}}?)(?:{'|'.join(REPORT_VERBS)})")


def told_of_the_park(clauses: list[Clause], index: int, own: tuple[str, ...]) -> bool:
    """Whether clause `index` of a sentence opens on the park by its name, or carries on (a verb, a name or a growth
    first) from a clause before it that does: …其中,乐山高新区完成营业收入102.3亿元,…;完成固定资产投资18.4亿元."""
    for clause in reversed(clauses[: index + 1]):
        if _opens_on_the_park(clause.text, own):
            return True
        subject = _OWN_SUBJECT.match(clause.text)
        if subject and not PERIOD.fullmatch(subject.group("subject")):
            return False  # “一总部三基地”实现营业收入451亿元: a subject of its own, not the park
    return False


# 新增国家高新技术企业68家,总数达到426家: the stock follows the change, its name told once.
_TOTAL_AFTER_CHANGE = re.compile(rf"^(?:{alternatives(TOTAL_WORDS)})")
_CHANGE_OPENING = re.compile(rf"^{CHANGE_OPENING}(?P<verb>{alternatives(NEW_VERBS)})(?=\d)")


def _levelled(entry: CatalogueEntry) -> bool:
    """Whether a total told after a change of the measure is its amount (governs.has_a_level)."""
    return has_a_level(entry.kind, entry.unit, (entry.name, *entry.aliases))


def _by_entry(names: list[Name], kind_is_stock: bool) -> dict[str, tuple[CatalogueEntry, list[str]]]:
    grouped: dict[str, tuple[CatalogueEntry, list[str]]] = {}
    for name in names:
        if _levelled(name.entry) == kind_is_stock:
            grouped.setdefault(name.entry.id, (name.entry, []))[1].append(name.text)
    return grouped


def _change_told_after(clause: Clause, said: Said, names: list[Name], year: int) -> Candidate | None:
    """…,当年新认定218家: the change of a stock an earlier clause names, its object told once."""
    here = said.shift(clause)
    if not _CHANGE_OPENING.match(clause.text) or not clause.tokens or unit_end(clause.tokens[0]) != len(clause.text):
        return None  # only the count closes the clause: 新增12家研发机构 counts something else
    for entry, texts in _by_entry(names, False).values():
        for text in texts:
            for naming in change_after_stock(text, said.text):
                if here <= naming.start < here + len(clause.text):
                    counted = said.text.find(text[len(_CHANGE_OPENING.match(clause.text).group("verb")) :])
                    return claim(naming, entry, said, year, named_at=counted, direct=False)
    return None


def _total_told_after(clause: Clause, said: Said, names: list[Name], year: int) -> Candidate | None:
    """新认定高新技术企业58家,累计达到312家: the total is the stock whose name the change's object holds."""
    here = said.shift(clause)
    for entry, texts in _by_entry(names, True).values():
        plain = [t for t in texts if not t.startswith(NAME_VERBS) and not entry.alias_not_yet_used(t, year)]
        total = stock_total(plain, said.text, family_of(said.tokens, entry.unit))
        if total is not None and here <= total.token.start < here + len(clause.text):
            at = total.naming.start
            verb = next((v for v in CHANGE_VERBS if said.text[:at].endswith(v)), "")  # the quote opens on the change
            return claim(total.naming, entry, said, year, total.token, named_at=at - len(verb), direct=False)
    return None


_BEFORE_MEASURE = ("", *REPORT_VERBS, "共", "达", "为")


def _split_name(clause: Clause, subject_clause: Clause, said: Said, names: list[Name], year: int) -> Candidate | None:
    """A name split over two clauses (16个省市重点项目计划总投资174亿元,全年完成投资182亿元), or its subject in a
    short opening sentence (软件信息服务业保持快速增长。全年营收实现701.2亿元): the longest measure wins."""
    lead = _LEADING_TIME.match(clause.text).end()
    best = None
    for name in names:
        for cut in range(3, len(name.text) - 1):
            subject, measure = name.text[:cut], name.text[cut:]
            at = clause.text.find(measure, lead)
            # Only a reporting verb may stand before the measure: 服务业增加值 is not (规模以上工)业增加值.
            if at < 0 or clause.text[lead:at] not in _BEFORE_MEASURE or subject not in subject_clause.text:
                continue
            if best is None or len(measure) > len(best[1]):
                best = (name, measure, at)
    if best is None:
        return None
    name, measure, at = best
    shift = said.shift(clause)
    subject = name.text[: len(name.text) - len(measure)]
    subject_at = said.shift(subject_clause) + subject_clause.text.find(subject)
    naming = Naming(name.text, subject_at + len(subject), shift + at, shift + at + len(measure))
    return claim(naming, name.entry, said, year, named_at=said.shift(subject_clause), direct=False)


def _over_years(clauses: list[Clause], index: int, paragraph: str, kind: str) -> bool:
    """Whether amounts of catalogue `kind` in clause `index` are totals over a span of years, not the year's
    (parts.total_over_years): after 五年来, 近三年…; after 累计 in a later sentence of a paragraph that opened a span
    (“十三五”期间,累计完成…。…,累计实现财政总收入347.4亿元); firms made over it (累计培育…102家)."""
    said = ",".join(c.text for c in clauses[: index + 1])
    return total_over_years(paragraph[: clauses[0].sentence_start], said, kind) is not None


def _since_the_start(hit: Hit, clause: Clause, paragraph: str) -> bool:
    """目前,…,累计授权专利数343件: a flow named after 累计 in an undated sentence is a total since the park began (the
    sentence read as written, its marks kept, as the checker reads it)."""
    if hit.name.entry.kind != "flow" or clause.period is not None:
        return False
    amount = next((token.start for token in clause.tokens if token.start >= hit.end), len(clause.text))
    before = paragraph[clause.sentence_start : clause.start + amount]
    return total_since_the_start(before, clause.text[amount:])


def _tells_results(clause: Clause, year: int) -> bool:
    return clause.year == year and not clause.goal and clause.mode == "results"


def _projected(clauses: list[Clause], index: int) -> bool:
    """Whether a clause tells, after a clause of its sentence that says so, what a project is to bring once built (a
    fact, no result: governs.projected)."""
    return projected(",".join(clause.text for clause in clauses[: index + 1]))


# A clause telling only a growth (比上年增长10%, 同比下降3.2%), of the amount in the clause before it.
_GROWTH_ONLY = re.compile(
    rf"^(?:{alternatives(GROWTH_BASES)})?(?:{alternatives((*GROWTH_WORDS, *DECLINE_WORDS))})了?[\d.]+%$"
)


def _subject_clause(sentences: Sentences, s_index: int, c_index: int, keys: set[int]) -> Clause | None:
    """Where the subject of a clause that names nothing may stand: the clause before (unless it named an indicator
    itself), or a short opening sentence without a number when the clause opens the second sentence."""
    clauses = sentences[s_index]
    # A stock's total after its change (新认定58家,累计达到312家) and a share after its amount (研发经费支出15.7亿元,
    # 占地区生产总值比重达5.2%) tell of the measure the clause before named.
    told_of_before = _TOTAL_AFTER_CHANGE.match(clauses[c_index].text) or clauses[c_index].text.startswith(SHARE_OF)
    if told_of_before and c_index > 1 and _GROWTH_ONLY.match(clauses[c_index - 1].text):
        # 研发经费投入达45.5亿元,比上年增长10%,占GDP比重15.5%: the share of the amount before the amount's growth.
        return clauses[c_index - 2]
    if c_index > 0 and (clauses[c_index - 1].key not in keys or told_of_before):
        return clauses[c_index - 1]
    if c_index == 0 and s_index == 1:
        opening = sentences[0]
        if len("".join(c.text for c in opening)) <= 25 and not any(c.tokens for c in opening):
            return opening[0]
    return None


def _named_nothing(sentences, s_index, c_index, said, names, year, keys, paragraph) -> Candidate | None:
    """The claim of a clause with numbers that names no indicator: a stock's total after its change, else a name
    split between it and the clause (or short sentence) before."""
    clause = sentences[s_index][c_index]
    subject = _subject_clause(sentences, s_index, c_index, keys)
    if subject is not None:
        if _TOTAL_AFTER_CHANGE.match(clause.text):
            total = _total_told_after(clause, said, names, year)
            if total is not None:
                return total
        split = _split_name(
            clause, subject, said_of([subject, *sentences[s_index]], paragraph) if subject.sentence != clause.sentence
            else said, names, year,
        )  # fmt: skip
        if split is not None:
            return split
    # 规模以上工业企业完成总产值…,同比增长16.7%;实现主营业务收入620亿元: the class of firms the verb carries on.
    carried = class_clause([c.text for c in sentences[s_index][: c_index + 1]])
    return _split_name(clause, sentences[s_index][carried], said, names, year) if carried is not None else None


# The measure a share is taken of, the whole's place before it or not: 占地区生产总值比重, 占全市工业增加值的37.2%.
_SHARE_BASE = re.compile(rf"{SHARE_OF}(?:全市|全省|全国|全区|全县|本市|我市|本省|我省)?$")


def candidates(
    sentences: Sentences, names: list[Name], year: int, paragraph: str, own: tuple[str, ...] = ()
) -> list[Candidate]:
    """Indicator candidates of one paragraph (`paragraph`: its text in the matching form): for each catalogue name
    in a clause about `year` that sets no goal, the claim it makes (`own`: the park's places, parts.own_places)."""
    found: list[Candidate] = []
    named_before: set[str] = set()  # indicators given an amount earlier in the paragraph (其中 may open a sentence)
    for s_index, clauses in enumerate(sentences):
        said = said_of(clauses, paragraph) if clauses else None
        keys: set[int] = set()  # clauses that named an indicator
        used: set[tuple[int, int]] = set()  # the numbers claimed in the sentence
        for c_index, clause in enumerate(clauses):
            if not _tells_results(clause, year) or _projected(clauses, c_index):
                continue
            clause_hits = hits(clause.text, names)
            # A name whose meaning began later (bare 高新技术企业, national from 2008) names something else before; one
            # that went out of use (技工贸总收入) still names the measure, and the draft says to check it.
            clause_hits = [h for h in clause_hits if not h.name.entry.alias_not_yet_used(h.name.text, year)]
            clause_hits = [
                h for h in clause_hits
                if not scope_dropped(h.name.entry.name, h.name.text, paragraph[: clause.start + h.start])
            ]  # fmt: skip
            # 占地区生产总值比重: the measure a share is taken of, not one the clause gives an amount of.
            clause_hits = [h for h in clause_hits if not _SHARE_BASE.search(clause.text[: h.start])]
            over = {kind for kind in ("flow", "stock") if _over_years(clauses, c_index, paragraph, kind)}
            clause_hits = [h for h in clause_hits if h.name.entry.kind not in over]
            clause_hits = [h for h in clause_hits if not _since_the_start(h, clause, paragraph)]
            # 规模以上工业实现总产值…,实现营业收入222.8亿元: that class's revenue, not the park's.
            at = said.shift(clause)
            clause_hits = [h for h in clause_hits if not carried_class(said.text, at + h.start, h.name.entry.name)]
            # 新增科技型中小企业396家,总数达到1152家: the change of a count whose total follows, not the count.
            end = at + len(clause.text)
            changes = [h for h in clause_hits if change_before_a_total(said.text, at + h.start, end)]
            clause_hits = [h for h in clause_hits if not (h in changes and _levelled(h.name.entry))]
            made: list[Candidate | None] = []
            if not clause_hits:
                made = [_change_told_after(clause, said, names, year)]
            # 其中…: the clause, or any clause of a sentence that opens on it, tells a part of a figure before.
            part = clause.text.startswith(_PART_OPENING) or (clauses[0].text.startswith(_PART_OPENING) and c_index)
            if budget_taxes(paragraph[: clause.start], clause.text):
                clause_hits = [h for h in clause_hits if h.name.entry.id != ALL_TAXES]
            # 自贡市实现GDP…。其中,自贡高新区…实现地区生产总值252.55亿元: the part named is the park itself.
            part = part and not any(_opens_on_the_park(c.text, own) for c in clauses[: c_index + 1])
            if not any(made) and part and clause.scope is None:  # 其中…, 其中:…
                # 其中…: a part of the figure before it, unless it names another indicator (其中规模以上…).
                clause_hits = [h for h in clause_hits if h.name.entry.id not in named_before]
                if c_index and CLASS_COUNTED.search(clauses[c_index - 1].text):
                    # 规模以上工业企业44户,限上服务业58户,其中高新技术企业13家: counted among that class only.
                    clause_hits = [h for h in clause_hits if h.name.entry.unit != "家"]
                if not clause_hits:
                    continue
            if clause_hits:
                keys.add(clause.key)
                # The quote opens on the item where the name starts (新增唯科、嘉戎等两家上市公司: at 新增).
                made = [
                    claim(hit_naming(hit, clause, said), hit.name.entry, said, year,
                          named_at=said.shift(clause) + _segment(clause.text, _opening(hit), False), own=own)
                    for hit in clause_hits
                ]  # fmt: skip
            elif not any(made) and clause.tokens:
                made = [_named_nothing(sentences, s_index, c_index, said, names, year, keys, paragraph)]
            named_before |= {candidate.entry.id for candidate in made if candidate is not None}
            for candidate in made:
                key = (candidate.clause.key, candidate.token.start) if candidate is not None else None
                if key is not None and key not in used:
                    used.add(key)
                    found.append(candidate)
    return found
