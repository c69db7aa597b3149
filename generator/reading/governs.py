"""What a name governs in a text, the one binding the checker proves with and the extractor drafts from: where the
text names an indicator (whole, in two parts, a change told after its stock), the amount that name governs in its
clause (a count before it, the exact amount after a round one, the next clause carrying it on, the place 分别 pairs
it with, a stock's total; never a group's threshold), the growth of that amount, and the part of the park named as
its subject."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from generator.reading.clauses import SENTENCE_MARKS, clause_bounds
from generator.reading.figures import is_date, unit_end, unit_of
from generator.reading.names import LISTED_ITEM, name_spans, names_one_board, read_whole
from generator.reading.numbers import NumberToken, reads_as_decline, split_unit, unit_follows
from generator.reading.parts import NAMED_ZONE, OWN_LEVEL, about_another_park
from generator.reading.rankings import the_parks
from generator.reading.text import SENTENCE_END
from generator.reading.words import (
    AVERAGE_WORDS,
    CARRY_ON,
    CHANGE_VERBS,
    DECLINE_WORDS,
    GROWTH_BASES,
    GROWTH_WORDS,
    LIST_MARKS,
    NEW_VERBS,
    PLAN_WORDS,
    REACH_STEMS,
    REACH_VERBS,
    REPORT_VERBS,
    RESPECTIVELY,
    ROUND_HEDGES,
    SHARE_WORDS,
    TARGET_CLOSING,
    TOTAL_WORDS,
    WHOLE_PARK,
    YEAR_BEFORE_BASES,
)


def alternatives(words) -> str:
    """Words as a regular expression's alternatives, the longest first (超过 before 超)."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


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
# A clause opening on the count of new ones of a stock named before it: …,其中当年新认定132家.
CHANGE_OPENING = r"(?:其中)?(?:去年|今年|当年|全年|年内)?"

# 营业收入超10亿元的企业28家: an amount that sets a threshold of a group, not the indicator's value.
THRESHOLD_AFTER = re.compile(r"^(?:及?以上|以下)?的?(?:企业|项目|单位|园区)")
_COUNT_GAP = 4  # characters a count may stand before the name's last part: 新增3家国家级上市企业
# A count right before a whole name, after a verb of having (拥有291家高新技术企业, 现有58家…, 累计达到300家…), is the
# count of what the name names; one after a verb of change (新增15家…) or before one of becoming (42家成长为…) is not.
_COUNTERS = ("家", "户")
_CARRY_GAP = 2  # characters between a carrying verb and its amount: 达到了, 为约
# What may stand before an amount told before its name (实现了70亿元的地区生产总值): a verb reporting it, or nothing.
_REPORTED_BEFORE = re.compile(rf"(?:^|{'|'.join(REPORT_VERBS)}|创造)了?$")
_HOLDING = ("有", "达到", "达", "累计", "共计")
# 35家上市公司…,31家为高新技术企业: a count that is of the name (为, 是) tells how many of a group told before are it.
_AMONG = re.compile(r"[家户](?:为|是|属于?)")


@dataclass(frozen=True)
class Naming:
    """Where the quote names an indicator: the name as looked for, and where its last part stands."""

    label: str
    head_end: int  # end of the first part (= start for a name found whole)
    start: int  # start of the last part
    end: int  # end of the last part


def namings(names: list[str], text: str) -> Iterator[Naming]:
    """Every place `text` names one of `names`: whole names first (longer first), then names in two parts."""
    ordered = sorted(names, key=len, reverse=True)
    for name in ordered:
        # As the extractor finds it: a few words may stand inside a long name, a verb name's object inside it.
        for start, end, counted in name_spans(name, text):
            head_end, last_start = counted or (start, start)
            yield Naming(name, head_end, last_start, end)
    for name in (name for name in ordered if not read_whole(name)):
        for cut in range(2, len(name) - 1):
            head, tail = name[:cut], name[cut:]
            first = text.find(head)
            if first < 0:
                continue
            for match in re.finditer(re.escape(tail), text):
                # A last part of two characters (营收, 总额) is anyone's: only right after a verb is it this one's
                # (规模以上互联网软件业实现营收, not 出口总额…,进口总额).
                short = len(tail) < 3 and not text[: match.start()].endswith(REPORT_VERBS)
                # A last part right after its first is the name found whole (…,为…等7家科技型中小企业), not one
                # whose first part stands in an earlier clause (34个国家科技型中小企业).
                whole = text[: match.start()].endswith(head)
                # One board named between the parts (新增[创业板]上市企业): that board's, a part.
                one_board = names_one_board(text[first + len(head) : match.start()])
                # An item listed between the parts (新认定[国家级高新技术企业334家、]…小巨人企业14家): its count
                # is its own.
                listed = LISTED_ITEM.search(text, first + len(head), match.start()) is not None
                if match.start() >= first + len(head) and not short and not whole and not one_board and not listed:
                    yield Naming(name, first + len(head), match.start(), match.end())
    for name in ordered:
        yield from change_after_stock(name, text)


# A change told after its stock, the object named once: 国家高新技术企业达到896家,其中当年新认定132家.
_CHANGE_CLAUSE = re.compile(rf"{CHANGE_OPENING}$")
_COUNT_ENDING = re.compile(r"\d[\d,.]*[家个项件人名所](?:[,，;；。]|$)")


def change_after_stock(name: str, text: str) -> Iterator[Naming]:
    """The verb of a change whose object an earlier clause of the sentence names, with the count right after it
    and closing its clause."""
    verb = next((v for v in NEW_VERBS if name.startswith(v)), None)
    counted = name[len(verb) :] if verb else ""
    if not verb or len(counted) < 4 or counted not in text:
        return
    after = text.find(counted) + len(counted)
    for match in re.finditer(re.escape(verb), text[after:]):
        at = after + match.start()
        start, _ = clause_bounds(text, at)
        if start > after and _CHANGE_CLAUSE.match(text[start:at]) and _COUNT_ENDING.match(text[match.end() + after :]):
            yield Naming(name, at, at, at + len(verb))


def written(token: NumberToken, text: str) -> str:
    """The number as the quote writes it, with what follows up to the clause's end (at most a few characters)."""
    tail = re.match(rf"[^,，;；。:：()（）|{LIST_MARKS}]{{0,4}}", text[token.end :]).group(0)  # 631亿元, not 631亿元和
    return text[token.start : token.end] + re.sub(r"[0-9].*", "", tail)


@dataclass(frozen=True)
class Governed:
    """The amount a naming governs, or why there is none."""

    naming: Naming
    token: NumberToken | None
    planned: bool = False
    paired: bool = False  # paired by 分别 with its place in a list of names
    # The park's own part, in brackets after the total of several parks: the brackets' last amount (a quote shows them
    # whole, the others' parts with the park's).
    brackets_last: NumberToken | None = None
    parks: str = ""  # the brackets that split the amount over several parks, none of them this park (…、…)
    # The amount a rise starts from, dated by its year, when `token` is the level reached (由2015年的94.42亿元到2020年
    # 的161.7亿元): that year's own amount, for an entry of that year.
    started: NumberToken | None = None

    @property
    def bracketed(self) -> bool:
        """Whether the amount is the park's own part in brackets after several parks' total."""
        return self.brackets_last is not None


# 420亿元(兰州高新区292亿元、白银高新区128亿元): a total of several parks, each park's part in the brackets after it.
_BRACKET = re.compile(r"[(（](?P<inside>[^()（）]{4,120})(?:[)）]|$)")  # a said text may end before the ) closes
_PARK_ITEM = re.compile(f"^(?:其中[:：]?)?{NAMED_ZONE}")
# A host's own part and the park itself, as a district's report splits its amount (其中:区本级…,高新区…).
_HOST_OR_PARK_ITEM = re.compile(rf"^(?:其中[:：]?)?(?P<stem>{OWN_LEVEL}|本级|高新区)")
# What may stand between an amount and the brackets that split it: its growth and rank (增速-16.8%,总量全市第一).
_BEFORE_BRACKET = re.compile(r"[^。;；()（）]{0,30}?(?=[(（])")


def parks_in_brackets(text: str, token: NumberToken, family) -> list[tuple[str, NumberToken]]:
    """The parts the brackets after an amount list, each part's place with its amount, or []: several parks (兰州高新区
    292亿元、白银高新区128亿元), or a host district's own level and the park (其中:区本级…130亿元,高新区…16.5亿元;
    place '' for the park itself), the brackets right after the amount or after its growth and rank."""
    end = unit_end(token)
    between = _BEFORE_BRACKET.match(text, end)
    found = _BRACKET.match(text, between.end()) if between else None
    if found is None or any(end <= t.start < found.start() for t in family):
        return []
    parts, start = [], found.start("inside")
    host = False
    for item in re.split(r"(?<=[、,，;；])", found.group("inside")):
        place = _PARK_ITEM.match(item) or _HOST_OR_PARK_ITEM.match(item)
        amount = next((t for t in family if start <= t.start < start + len(item)), None)
        if place and amount is not None:
            stem = place.group("stem")
            host = host or stem.endswith("本级")
            parts.append(("" if stem == "高新区" else stem, amount))
        start += len(item)
    return parts if len(parts) >= 2 and (host or all(place for place, _ in parts)) else []


def own_part(governed: Governed, text: str, family, own: tuple[str, ...]) -> Governed:
    """The park's own part where the amount governed is several parks' total with each part in brackets after it
    (白银 of 420亿元(兰州高新区292亿元、白银高新区128亿元) is 128亿元); the total marked as several parks' where none
    of the parts is this park's or the park is not known; else the amount governed."""
    parts = parks_in_brackets(text, governed.token, family) if governed.token is not None else []
    if not parts:
        return governed
    mine = [amount for place, amount in parts if place == "" or (own and not about_another_park(place, own))]
    if mine:
        return Governed(governed.naming, mine[0], governed.planned, brackets_last=parts[-1][1])
    listed = "、".join(f"{place}高新区" for place, _ in parts)
    return Governed(governed.naming, governed.token, governed.planned, governed.paired, parks=listed)


# The words between a round amount and the exact level told after it in the same clause: 突破百亿、增至100.7亿.
LEVEL_AFTER_ROUND = tuple(f"、{word}" for word in (*REACH_VERBS, *CARRY_ON))


def _exact_after_round(token: NumberToken, text: str, end: int, family: list[NumberToken]) -> NumberToken | None:
    """超700亿元,达到713.4亿元 / 突破百亿、增至100.7亿: the exact amount told next after a round, hedged one."""
    if not text[: token.start].endswith(ROUND_HEDGES):
        return None
    following = next((t for t in family if t.start > token.start), None)
    if following is None:
        return None
    if following.start < end:  # in the same clause, only as the level reached: 突破百亿、增至100.7亿
        return following if text[unit_end(token) : following.start] in LEVEL_AFTER_ROUND else None
    if text[end : end + 1] not in ",，":
        return None
    opening = text[end + 1 : following.start]
    return following if opening in CARRY_ON or opening in REACH_VERBS else None


# 营业总收入由3.7亿元增长到2750亿元: where the amount started, then the year's level it reached.
# 由3.7亿元增长到, 从2014年的211亿元增长到2017年的: the words between a start and the level reached.
FROM_TO = re.compile(
    # The verb may be left out right after the first amount's unit: 从2015年的94.42亿元到2020年的161.7亿元.
    rf"^(?:由|从)(?P<first>(?:19|20)\d\d)?[^,，;；。]{{0,16}}?(?:(?:{'|'.join(REACH_STEMS)})|(?<=[元家个件人项]))(?:到|至)"
    r"(?:(?P<last>(?:19|20)\d\d)年(?:底|末)?的?)?"
    rf"(?:{'|'.join(sorted(ROUND_HEDGES + ('约',), key=len, reverse=True))})?$"  # …增加到近1300亿元: the level, hedged
)


def _from_to(naming: Naming, text: str, start_after: int, reached_at: int) -> re.Match | None:
    """The words from the last 由/从 between the name and `start_after` up to the level reached at `reached_at`, when
    they read as a start and a rise to it (由3.7亿元增长到…), else None."""
    start = max(text.rfind(word, naming.end, start_after) for word in ("由", "从"))
    return FROM_TO.match(text[start:reached_at]) if start >= 0 else None


# A start named with its name after 从, the level after 到 in the next clause:
# 从地区生产总值101.5亿元,到增加至318.3亿元.
_FROM_NAME = re.compile(r"(?:由|从)[^,，;；。\d]{0,4}$")  # 从[地区]生产总值: a longer name of it may hold the name
_TO_AFTER_A_COMMA = re.compile(
    rf"^[,，]?(?:到|至)(?:(?:{'|'.join(REACH_STEMS)})(?:到|至)|达到|达)?"
    rf"(?:{'|'.join(sorted(ROUND_HEDGES + ('约',), key=len, reverse=True))})?$"
)


def _reached(token: NumberToken, naming: Naming, text: str, family, end: int) -> tuple[NumberToken, bool]:
    """The level reached after a start (由3.7亿元增长到2750亿元), else the token itself; and whether the start is
    dated by its year (由2015年的94.42亿元…)."""
    if _FROM_NAME.search(text[: naming.head_end]):
        after = next((t for t in family if t.start > token.end), None)
        if after is not None and _TO_AFTER_A_COMMA.match(text[unit_end(token) : after.start]):
            return after, False
    following = next((t for t in family if token.start < t.start < end), None)
    rise = _from_to(naming, text, token.start, following.start) if following is not None else None
    return (following, bool(rise.group("first"))) if rise else (token, False)


def governed_amount(naming: Naming, text: str, family: list[NumberToken]) -> Governed:
    """The amount of `family` (the numbers in the catalogue unit's family) that the name governs in its clause."""
    start, end = clause_bounds(text, naming.start)
    counts = [
        t
        for t in family
        if max(start, naming.head_end) <= t.start
        and t.end <= naming.start
        and naming.start - t.end <= _COUNT_GAP
        and not _AMONG.fullmatch(text[t.end : naming.start])
    ]
    if counts:
        return Governed(naming, counts[-1])
    held = [t for t in family if start <= t.start and text[t.end : naming.start] in _COUNTERS]
    if held and text[start : held[-1].start].endswith(_HOLDING):
        return Governed(naming, held[-1])
    # An amount before the name it is of (实现了70亿元的地区生产总值,12.3亿元的财政收入), right after a verb that
    # reports it or opening its clause in such a list.
    of_the_name = [t for t in family if start <= t.start and text[unit_end(t) : naming.start] == "的"]
    if of_the_name and _REPORTED_BEFORE.search(text[start : of_the_name[-1].start]):
        return Governed(naming, of_the_name[-1])
    for token in family:
        if naming.end <= token.start < end and not THRESHOLD_AFTER.match(text[unit_end(token) :]):
            budgeted = budget_stage(text, naming.end, token)
            outturn = budget_outturn(text, token, family) if budgeted else None
            if outturn is not None:
                return Governed(naming, outturn)
            between = text[start : naming.start] + text[naming.end : token.start]
            # …6.7亿元的目标: the clause closes on the target its amounts are.
            target = re.search(TARGET_CLOSING, text[token.start : end]) is not None
            planned = budgeted or target or any(word in between for word in PLAN_WORDS)
            reached, dated = _reached(token, naming, text, family, end)
            started = token if dated else None
            exact = _exact_after_round(reached, text, end, family) or reached
            return Governed(naming, exact, planned=planned, started=started)
    # No amount in the name's clause: the next clause may carry it on without a subject of its own
    # (出口总额同比增长5%,达到12.5亿美元), as long as nothing else was counted between.
    following = next((t for t in family if t.start >= end), None)
    if following is not None and text[end : end + 1] not in SENTENCE_END:
        clause_start, _ = clause_bounds(text, following.start)
        opening = text[clause_start : following.start]
        # The amount right after its verb (…,达到了12.5亿美元): 为胜达过滤等7家… opens on 为 as "for", its own subject.
        carries_on = any(opening.startswith(word) and len(opening) - len(word) <= _CARRY_GAP for word in CARRY_ON)
        no_end = not any(mark in text[end : following.start] for mark in SENTENCE_END)
        if carries_on and no_end and clause_start == end + 1:
            return Governed(naming, following)
        if opening.startswith(("由", "从")) and no_end and clause_start == end + 1:
            # …比重逐年递增,由2015年占比2.1%上升到2020年的2.39%: the rise the next clause tells, from its start to
            # the level reached, which is the name's.
            reached, dated = _reached(following, naming, text, family, clause_bounds(text, following.start)[1])
            if reached is not following:
                return Governed(naming, reached, started=following if dated else None)
    return Governed(naming, None)


# A budget's stages before an amount (年初预算为34.2亿元, 调整预算数(下同)为32亿元) make it a plan; the outturn is the
# amount after 决算数 or 执行数 opening a later clause of the sentence (…,决算数为32.2亿元,同比增长0.8%).
_BRACKETED = r"(?:\([^()]{0,8}\)|（[^（）]{0,8}）)?"
_BUDGET_STAGE = re.compile(rf"(?:年初|调整|调整后)?预算数?{_BRACKETED}为?$")
_OUTTURN = re.compile(rf"(?:决算|执行|实际完成)数?{_BRACKETED}为?$")


def budget_stage(text: str, name_end: int, token: NumberToken) -> bool:
    """Whether `token`, the first amount after a name, is a stage of its budget (年初预算为34.2亿元): a plan."""
    return _BUDGET_STAGE.search(text[name_end : token.start]) is not None


def budget_outturn(text: str, token: NumberToken, family: list[NumberToken]) -> NumberToken | None:
    """The outturn a budget states after `token`, its plan, in the same sentence (一般公共预算收入年初预算为34.2亿元,
    调整预算数为32亿元,决算数为32.2亿元): the amount after 决算数, else None."""
    ends = [text.find(mark, token.end) for mark in SENTENCE_END]
    sentence_end = min((at for at in ends if at >= 0), default=len(text))
    for later in family:
        if token.end <= later.start < sentence_end:
            clause_start, _ = clause_bounds(text, later.start)
            if _OUTTURN.search(text[clause_start : later.start]):
                return later
    return None


@dataclass(frozen=True)
class Respective:
    """A name in a list of subjects that 分别 pairs in order with amounts and growths: A、B分别为X、Y,分别增长p%、q%."""

    index: int  # the name's place in the list
    amounts: tuple[NumberToken, ...]  # the amounts in order, as many as names
    growths: tuple[NumberToken, ...]  # the growth percentages in order after 分别增长/下降, or none


# The year or months a list of names may open on (2022年高新技术企业数、…分别…): no amount among the names.
_TIME_WORDS = re.compile(r"(?:19|20)\d\d年|\d{1,2}(?:[-—–~～至到]\d{1,2})?月份?")


# The count of the names listed before 分别 (生产总值、…、工业增加值4项主要经济指标分别达到了…, 三项指标分别为…).
_NAMES_COUNTED = re.compile(r"等?(?:\d|[两二三四五六七八九十])(?:项|个|大)(?:主要)?(?:经济|核心)?指标$")


# A list item that is a place (四会市, 端州区, 高新区): places listed before one measure and 分别 pair the places with
# the amounts (怀集县和高新区2023年GDP总量分别为305.26亿元和269.08亿元: 269.08亿元 is the park's).
_PLACE_ITEM = re.compile(r"^[\u4e00-\u9fff]{1,10}?(?:市|区|县|镇|街道)$")
_LIST_MARK = re.compile(f"[{LIST_MARKS}]")


def places_listed(names: str, naming_at: int) -> list[str] | None:
    """The places a list before 分别 names, when it lists places and then the one measure at `naming_at`
    (四会市和端州区2023年GDP总量), else None: a list of measures (地区生产总值、财政总收入)."""
    bounds = [0, *(m.end() for m in _LIST_MARK.finditer(names, 0, naming_at)), naming_at]
    # 端州区2023年, 2023年高新区: the places without the time the list opens on or the measure's item tells
    items = [_TIME_WORDS.sub("", names[a:b].rstrip(LIST_MARKS)) for a, b in zip(bounds, bounds[1:], strict=False)]
    if len(items) < 2 or _LIST_MARK.search(names, naming_at):
        return None
    return items if all(_PLACE_ITEM.match(item) for item in items) else None


def respective(
    naming: Naming, text: str, family: list[NumberToken], tokens, own: tuple[str, ...] = ()
) -> Respective | None:
    """The pairing of a name listed before 分别 (地区生产总值、财政总收入分别为215亿元、17.99亿元), or None.

    The names stand in one clause, apart by 、/和/与/及 and with no number among them; 分别 follows in that clause and
    the amounts after it are paired with the names in order (as many amounts as names, else no pairing is read).
    Places listed before one name (四会市和端州区2023年GDP总量分别为…) are paired instead: the name's amount is the
    park's place's (`own`: the park's places), and none when the park is none of them.
    """
    start, end = clause_bounds(text, naming.start)
    at = text.find(RESPECTIVELY, naming.end, end)
    if at < 0:
        return None
    names = text[start:at]
    counted = _NAMES_COUNTED.search(names)  # …、工业增加值4项主要经济指标分别…: the list's count, not an amount
    names = names[: counted.start()] if counted else names
    if any(character.isdigit() for character in _TIME_WORDS.sub("", names)):
        return None
    index = sum(text[start : naming.start].count(mark) for mark in LIST_MARKS)
    count = sum(names.count(mark) for mark in LIST_MARKS) + 1
    places = places_listed(names, naming.start - start)
    if places is not None:
        parks = [n for n, place in enumerate(places) if the_parks(place, own)]
        if len(parks) != 1:
            return None
        index, count = parks[0], len(places)
    sentence_end = min([i for i in (text.find(m, at) for m in SENTENCE_MARKS) if i >= 0] or [len(text)])
    after = [t for t in family if at < t.start < sentence_end]
    growths = _respective_growths(text, at, sentence_end, tokens, count)
    if count < 2 or (len(after) < count and not growths):
        return None
    amounts = tuple(after[:count]) if len(after) >= count else ()
    for left, right in zip(amounts, amounts[1:], strict=False):
        gap = text[left.end : right.start]
        if len(gap) > 6 or not any(mark in gap for mark in LIST_MARKS + ",，"):
            return None  # not one list of amounts
    return Respective(index, amounts, growths)


def _respective_growths(text: str, at: int, sentence_end: int, tokens, count: int) -> tuple[NumberToken, ...]:
    """The percentages after a 分别 that a growth or decline word follows (分别增长5%和3%), as many as `count`."""
    while at >= 0 and at < sentence_end:
        lead = text[at + 2 : at + 8]
        if _last_word(lead[:4], (*GROWTH_WORDS, *DECLINE_WORDS)):
            found = [t for t in tokens if at < t.start < sentence_end and t.after.startswith("%")]
            return tuple(found[:count]) if len(found) >= count else ()
        at = text.find(RESPECTIVELY, at + 2)
    return ()


def listed_growth(token: NumberToken, text: str, family: list[NumberToken], tokens) -> NumberToken | None:
    """出口总额12亿美元、进口总额8亿美元,分别增长5%和3%: the growth in the amount's place among those listed before.

    The amounts stand in one clause of the sentence, apart by 、/和/与/及, no percentage among them; the 分别 that
    introduces the growths follows, with as many percentages as amounts.
    """
    start, end = clause_bounds(text, token.start)
    at = text.find(RESPECTIVELY, end)
    sentence_end = min([i for i in (text.find(m, token.end) for m in SENTENCE_MARKS) if i >= 0] or [len(text)])
    if at < 0 or at > sentence_end:
        return None
    listed = [t for t in family if start <= t.start < end]
    if any(t.after.startswith("%") for t in tokens if start <= t.start < end):
        return None
    growths = _respective_growths(text, at, sentence_end, tokens, len(listed)) if len(listed) > 1 else ()
    if not growths:
        # 进出口总额86.67亿美元,其中出口43.02亿美元,分别增长…: the amounts of the clauses listed before the 分别, on
        # either side of this one (全社会固定资产投入110.19亿元,其中工业投资85.57亿元,分别同比增长…).
        if any(t.after.startswith("%") for t in tokens if end <= t.start < at):
            return None
        first = _list_start(text, start)
        listed = [t for t in tokens if first <= t.start < at and _is_amount(t)]
        growths = _respective_growths(text, at, sentence_end, tokens, len(listed)) if len(listed) > 1 else ()
        _, respective_end = clause_bounds(text, at)
        if len([t for t in tokens if at < t.start < respective_end and t.after.startswith("%")]) != len(listed):
            return None  # as many growths after 分别 as amounts listed, or no pairing is read
    return growths[listed.index(token)] if growths and token in listed else None


def _is_amount(token: NumberToken) -> bool:
    """A number with a unit that is not a percentage or a date (not 一 of 一般, 2002 of 2002年)."""
    return bool(unit_of(token)) and not token.after.startswith("%") and not is_date(token)


def _list_start(text: str, start: int) -> int:
    """Where the run of clauses ending at `start` begins: back over clauses that hold an amount and no percentage,
    to the sentence's start."""
    while start > 0 and text[start - 1] not in SENTENCE_MARKS:
        before, _ = clause_bounds(text, start - 2)
        clause = text[before : start - 1]
        if "%" in clause or "％" in clause or not any(c.isdigit() for c in clause):
            break
        start = before
    return start


def has_a_level(kind: str, unit: str, names) -> bool:
    """Whether a total told after a change of the measure is its amount: a stock, or a count of firms listed anew
    each year whose names are no change (新增科技型中小企业396家,总数达到1152家: the year's list holds 1152)."""
    return kind == "stock" or (unit == "家" and not any(name.startswith(CHANGE_VERBS) for name in names))


def change_before_a_total(text: str, name_start: int, clause_end: int) -> bool:
    """Whether a name opening on a change (新增…) is followed, in the next clause, by the total of what it counts
    (新增科技型中小企业396家,总数达到1152家): its amount is the change, and the total the count."""
    return text[:name_start].endswith(CHANGE_VERBS) and text[clause_end + 1 :].startswith(TOTAL_WORDS)


def stock_total(names, text: str, family: list[NumberToken]) -> Governed | None:
    """A stock's total told after a change of it, its subject carried on: 新认定高新技术企业58家,累计达到312家.

    The subject is the stock's name without 数/总数 or 累计 (高新技术企业 of 高新技术企业数); the total stands in a
    later clause of the sentence that opens with 累计, 总数, 总量 or 共有.
    """
    for name in names:
        subject = name.removeprefix("累计").removesuffix("总数").removesuffix("数")
        at = text.find(subject)
        # A name that is its own subject (纳统企业) carries on only from a change of it: 新增纳统企业30家,总量达到360家.
        changed = at > 0 and text[:at].endswith(CHANGE_VERBS)
        # A short form (高企) is the subject only right after the verb of its change: 新增高企101家,总数达979家.
        if (subject == name and not changed) or len(subject) < (2 if changed else 3) or at < 0:
            continue
        for token in family:
            # …1757家、累计达到5008家: clause_bounds splits at a total after a 、 too (clauses.TOTAL_AFTER_A_MARK).
            clause_start, _ = clause_bounds(text, token.start)
            same_sentence = not any(mark in text[at : token.start] for mark in SENTENCE_END)
            opens = text[clause_start : token.start].startswith(TOTAL_WORDS)
            if clause_start > at + len(subject) and same_sentence and opens:
                return Governed(Naming(name, at + len(subject), at, at + len(subject)), token)
    return None


def growth_before(naming: Naming, token: NumberToken, text: str, tokens) -> NumberToken | None:
    """A growth given between the name and its amount: 出口总额同比增长5%,达到12.5亿美元."""
    for between in tokens:
        if naming.end <= between.start < token.start and between.after.startswith("%"):
            clause_start, _ = clause_bounds(text, between.start)
            said = _last_word(text[clause_start : between.start], (*GROWTH_WORDS, *DECLINE_WORDS, *SHARE_WORDS))
            if said and said not in SHARE_WORDS:
                return between
    return None


_ROUND_LEAD = re.compile(rf"(?:{'|'.join(ROUND_HEDGES)})(?:大关)?$")
_CHANGE_LEAD = re.compile(rf"(?:{'|'.join(YEAR_BEFORE_BASES)})?(?:增加|减少)$")


def _same_amount_again(token: NumberToken, later: NumberToken, text: str) -> bool:
    """405.3亿元,首次突破400亿 / 623.13亿元,比上年增加122.66亿元: the amount told again as a round bound it passed,
    or its change told in its unit; neither is another amount whose growth follows."""
    clause_start, _ = clause_bounds(text, later.start)
    lead = text[clause_start : later.start]
    smaller = 0 < later.amount <= token.amount
    return smaller and bool(_ROUND_LEAD.search(lead) or _CHANGE_LEAD.search(lead))


_SHARE_OPENING = re.compile(r"^(?:约|大约|分别)?占(?:到)?")


def _in_a_share(later: NumberToken, text: str) -> bool:
    """Whether an amount is a count inside a clause telling the share of the amount before it (约占全国近60个高新区
    总收入的七分之一): the whole it is a share of, no amount of its own whose growth follows."""
    clause_start, _ = clause_bounds(text, later.start)
    return _SHARE_OPENING.match(text[clause_start : later.start]) is not None


def _comparable_growth(growth: NumberToken, text: str, tokens) -> NumberToken:
    """同比增长24.5%(按可比价计算,同比增长14.1%): the growth at comparable prices in brackets, when it follows."""
    if not COMPARABLE_BRACKET.match(text[growth.end + 1 :]):
        return growth
    return next((t for t in tokens if t.start > growth.end and t.after.startswith("%")), growth)


# …项目建成后,年可实现销售收入700亿元,上缴税收近100亿元: what a project is to bring once built, no result of the year.
_ONCE_BUILT = re.compile(r"(?:建成|投产|达产|达效)(?:后|以后)")


def projected(sentence_before: str) -> bool:
    """Whether the words of a sentence before an amount tell what a project is to bring once built (建成后, 投产后)."""
    return _ONCE_BUILT.search(re.split(f"[{SENTENCE_END}]", sentence_before)[-1]) is not None


# A growth rate named after its number: 以8.3%的经济增长率, 以12%的增速, 保持7.1%高增速, 实现了10.1%的高增速.
_RATE_NAMED_AFTER = re.compile(r"^[%％]的?(?:经济)?(?:高|较高|较快|快速)?(?:增长率|增速|增幅)")
_RATE_VERBS = ("以", "保持", "保持了", "实现", "实现了")  # the verbs a rate named after its number follows


def growth_after(token: NumberToken, text: str, tokens: tuple[NumberToken, ...]) -> NumberToken | None:
    """The growth percentage of an amount: the first one a growth word introduces, before any other amount."""
    sentence_end = min([at for at in (text.find(m, token.end) for m in SENTENCE_END) if at >= 0] or [len(text)])
    for later in tokens:
        if later.start < token.end:
            continue
        if later.start >= sentence_end:
            break
        if not later.after.startswith("%"):
            if is_date(later) or (later.after.startswith("个百分点") and not later.multiplier):
                continue  # points, and dates: 比2015年增长20%
            if _same_amount_again(token, later, text) or _in_a_share(later, text):
                continue
            return None  # another amount: what follows is its growth, not this one's
        clause_start, _ = clause_bounds(text, later.start)
        # 占全市工业增加值的37.2%: the 增加 of a measure's name (增加值) is no growth word.
        lead = text[clause_start : later.start].replace("增加值", "＿＿＿")
        said = _last_word(lead, (*GROWTH_WORDS, *DECLINE_WORDS, *SHARE_WORDS))
        if said and lead[: lead.rfind(said)].endswith(AVERAGE_WORDS):
            continue  # 年均增长8.5%: an average over years, not the year's growth
        if said and clause_start > token.end and _own_subject(lead[: lead.rfind(said)]):
            return None  # …240亿元,主要经济指标同比增长30%以上: the growth of what that clause names
        if not said and lead.endswith(_RATE_VERBS) and _RATE_NAMED_AFTER.match(later.after):
            return _comparable_growth(later, text, tokens)  # 以8.3%的经济增长率领跑全国, 在保持7.1%高增速的同时
        if said and said not in SHARE_WORDS:
            _, clause_end = clause_bounds(text, later.start)
            rates = [t for t in tokens if clause_start <= t.start < clause_end and t.after.startswith("%")]
            if RESPECTIVELY in lead and len(rates) > 1:
                return None  # 分别增长47.6%和44.8%: growths paired in order with amounts, read by their pairing
            return _comparable_growth(later, text, tokens)
    return None


# Words a clause carrying on an amount's growth may open with: 同比增长, 分别比上年增长, 增速达, 增幅为.
_GROWTH_LEAD = re.compile(
    rf"{alternatives(GROWTH_BASES)}|{RESPECTIVELY}|均|也|继续|保持|实现|增速|增幅|同期|达到|达|为|了|的|[(（)）,，\s]"
)


def _own_subject(lead: str) -> bool:
    """Whether the words before a growth word in a later clause name a subject of their own (主要经济指标同比增长)."""
    return len(re.sub(r"[^\u4e00-\u9fff]", "", _GROWTH_LEAD.sub("", lead))) >= 3


def _last_word(text: str, words: tuple[str, ...]) -> str | None:
    """Of `words`, the one ending last in `text` (the longer of two ending together)."""
    best, best_end = None, -1
    for word in words:
        at = text.rfind(word)
        if at >= 0 and (at + len(word) > best_end or (at + len(word) == best_end and len(word) > len(best or ""))):
            best, best_end = word, at + len(word)
    return best


def signed_percent(token: NumberToken, text: str) -> Decimal:
    """A growth percentage with the sign its words give it."""
    clause_start, _ = clause_bounds(text, token.start)
    return -token.number if reads_as_decline(text[clause_start : token.start], token) else token.number


def family_of(tokens, unit: str) -> list[NumberToken]:
    """The numbers that can be an amount in `unit`: its base unit right after them; a rate in % (研发投入强度3.1%)
    is an amount of its own, elsewhere a percentage is growth, never the amount."""
    base = split_unit(unit)[1]
    return [t for t in tokens if (base == "%") == t.after.startswith("%") and unit_follows(t, base)]


def _says_year_on_year(growth: NumberToken) -> bool:
    """Whether the words before a growth compare with the year before (同比增长, 比上年增长)."""
    return any(base in growth.before for base in YEAR_BEFORE_BASES)


def over_a_span(naming: Naming, token: NumberToken, text: str) -> bool:
    """Whether `token` is a level reached from a start more than a year before (从2014年的211亿元增长到2017年的297亿元,
    由建区之初的3.7亿元增长到…): a growth after it is over that span, not 同比."""
    reached = _from_to(naming, text, token.start, token.start)
    if reached is None:
        return False
    first, last = reached.group("first"), reached.group("last")
    return not (first and last and int(last) - int(first) == 1)


def growth_of(
    naming: Naming, token: NumberToken, text: str, family, tokens, over_years: bool = False, own: tuple[str, ...] = ()
) -> tuple[NumberToken | None, bool]:
    """The growth percentage of the amount a name governs, and whether 分别 paired it: the name's place in a 分别
    list of growths, the amount's place among amounts listed before one, the growth after the amount, or one
    between the name and the amount; none for a growth over several years (`over_years`: under a heading of a
    span of years, parts.growth_over_years) unless said to be on the year before."""
    pairing = respective(naming, text, family, tokens, own)
    if pairing is not None and pairing.growths:
        return pairing.growths[pairing.index], True
    listed = listed_growth(token, text, family, tokens)
    if listed is not None:
        return listed, True
    growth = growth_after(token, text, tokens) or growth_before(naming, token, text, tokens)
    if growth is not None and (over_years or over_a_span(naming, token, text)) and not _says_year_on_year(growth):
        return None, False
    return growth, False


# A place name ending in 园, 基地, 产业区 or 片区 as the subject of the figure, right before the indicator's name
# (verbs and 规上 aside): 实现软件园规上互联网软件业营收, 同翔基地完成固定资产投资.
_AREA_END = re.compile(r"(园|基地|产业区|片区)$")
_BETWEEN = ("规上", "规模以上", "实现", "完成", "全年", "累计", "共")
_VERB = re.compile(r".*(实现|完成|全年|其中|共有)")


# A count or 各/全/多 before 园: the parts together (三园, 各园区, 多园), not one of them.
_ALL_PARTS = re.compile(r"(?:^|[,，;；、])?[一二两三四五六七八九十几多各全诸]+$")


def area_before(text: str, naming: Naming) -> str | None:
    """The part of the park named as the subject right before the indicator's name, if any."""
    start, _ = clause_bounds(text, naming.start)
    head_start = naming.start if naming.head_end == naming.start else naming.head_end - _head_length(naming)
    before = text[start:head_start]
    stripped = True
    while stripped:
        stripped = False
        for word in _BETWEEN:
            if before.endswith(word):
                before, stripped = before[: -len(word)], True
    end = _AREA_END.search(before)
    if end is None:
        return None
    stem = before[: end.start()]
    verb = _VERB.match(stem)
    stem = stem[verb.end() :] if verb else stem
    area = stem[-4:] + end.group(1)
    if _ALL_PARTS.search(stem):
        return None  # 三园共实现…, 各园区: the parts together are the park
    return area if len(area) > len(end.group(1)) and area not in WHOLE_PARK else None


# A class of the park's firms as the subject of the indicator's name (高新技术企业实现营业收入…, 500万以上工业企业
# 预计完成工业总产值…、工业增加值…): the amount is that class's, not the park's. All of the park's firms (园区企业,
# 入区企业) are the park; firms above scale are the catalogue's own 规模以上 measures.
_CLASS_OF_FIRMS = (
    r"(?:高新技术企业|高企|科技型中小企业|[\d.]+(?:万|亿)元?以上(?:工业)?企业|外资企业|外商投资企业|民营企业|上市公司|"
    r"上市企业|龙头企业|骨干企业|重点企业|瞪羚企业|独角兽企业)"
)
# Firms as the investors (企业完成固定资产投资30.3亿元, told beside the infrastructure's): their part of an investment
# the park counts with the government's and the infrastructure's, though they make all of its output.
_INVESTING_FIRMS = rf"(?:{_CLASS_OF_FIRMS}|(?:入园|入区|园区|区内)?(?:工业)?企业)"


def _subject_patterns(firms: str) -> tuple[re.Pattern, re.Pattern]:
    """The class as the subject right before a name, and as the subject opening its clause."""
    right_before = re.compile(rf"{firms}(?:{alternatives((*_BETWEEN, '预计', '共计', '合计', '达到'))})*$")
    opening = re.compile(rf"^(?:(?:19|20)\d\d年|全年|今年|去年|园区|高新区|全区|区内|其中)*{firms}")
    return right_before, opening


_CLASS_SUBJECT = _subject_patterns(_CLASS_OF_FIRMS)
_INVESTORS_SUBJECT = _subject_patterns(_INVESTING_FIRMS)


def running_total(text: str, naming: Naming, unit: str) -> bool:
    """Whether a count of people is a running total (累计从业人员28500人, 累计吸纳就业…): people counted as they came,
    not those at the year's end. A count of firms after 累计 (累计认定高新技术企业312家) is the stock itself."""
    return unit.endswith("人") and text[: naming.end - len(naming.label)].endswith("累计")


def class_before(text: str, naming: Naming, investment: bool = False) -> str | None:
    """The class of the park's firms that is the subject of the indicator's name: right before it, or opening its
    clause (a 、 list's items share the subject), if any; of an investment, any firms."""
    # Where the name would start written whole: 500万以上工业企业完成工业总产值 is read as one name split by its subject
    # (工业…总产值), the class inside it.
    end = max(0, naming.end - len(naming.label))
    start = max(text.rfind(mark, 0, end) for mark in ",，;；:：。") + 1
    right_before, opening = _INVESTORS_SUBJECT if investment else _CLASS_SUBJECT
    found = right_before.search(text, start, end) or opening.match(text[start:end])
    return found.group(0) if found else None


def _head_length(naming: Naming) -> int:
    return len(naming.label) - (naming.end - naming.start)
