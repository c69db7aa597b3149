"""Binding, the proof: the quote names the indicator, and the value and growth are the ones that name governs.
The quote is read by generator/reading/ (names, numbers, clauses, tables, words); what stays here is the rule
an entry is held to and the message that says how it fails.

The rules, as the editor guide states them (docs/guide.md, "How a quote proves a figure"):

- the indicator's name (or an alias) stands in the quote, whole, or in two parts in order (规模以上工业企业完成
  总产值 names 规模以上工业企业总产值; 新增3家上市企业 names 新增上市企业);
- the amount it governs is the first amount in the catalogue unit's family (亿元/万元/元, 亿美元/万美元, 家 …)
  after the name's last part in the same clause, or the count standing right before it (新增3家上市企业);
- that amount is not a plan or a target (计划, 目标, 预期, 力争, 争取 before it in the clause);
- the growth is the first percentage after that amount that a growth or decline word introduces, before any other
  amount, within the sentence; shares (占全市45%) and plan completion (完成计划的104%) are not growth.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from generator.reading.claims import CHANGE_OPENING
from generator.reading.clauses import clause_bounds
from generator.reading.names import catalogue_forms
from generator.reading.numbers import (
    MULTIPLIERS,
    NumberToken,
    reads_as_decline,
    same_amount,
    split_unit,
    to_decimal,
    tokens_of,
    unit_follows,
)
from generator.reading.quotes import Context
from generator.reading.script import simplified
from generator.reading.tables import Cell, Row
from generator.reading.words import (
    CARRY_ON,
    DECLINE_WORDS,
    GROWTH_WORDS,
    LIST_MARKS,
    NEW_VERBS,
    PLAN_WORDS,
    REPORT_VERBS,
    RESPECTIVELY,
    ROUND_HEDGES,
    SHARE_WORDS,
    TOTAL_WORDS,
    UNIT_SYNONYMS,
    WHOLE_PARK,
)

_COUNT_GAP = 4  # characters a count may stand before the name's last part: 新增3家国家级上市企业


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
        for match in re.finditer(re.escape(name), text):
            yield Naming(name, match.start(), match.start(), match.end())
    for name in ordered:
        for cut in range(2, len(name) - 1):
            head, tail = name[:cut], name[cut:]
            first = text.find(head)
            if first < 0:
                continue
            for match in re.finditer(re.escape(tail), text):
                # A last part of two characters (营收, 总额) is anyone's: only right after a verb is it this one's
                # (规模以上互联网软件业实现营收, not 出口总额…,进口总额).
                short = len(tail) < 3 and not text[: match.start()].endswith(REPORT_VERBS)
                if match.start() >= first + len(head) and not short:
                    yield Naming(name, first + len(head), match.start(), match.end())
    for name in ordered:
        yield from _change_after_stock(name, text)


# A change told after its stock, the object named once: 国家高新技术企业达到896家,其中当年新认定132家.
_CHANGE_CLAUSE = re.compile(rf"{CHANGE_OPENING}$")
_COUNT_ENDING = re.compile(r"\d[\d,.]*[家个项件人名所](?:[,，;；。]|$)")


def _change_after_stock(name: str, text: str) -> Iterator[Naming]:
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
    tail = re.match(r"[^,，;；。、:：()（）|]{0,4}", text[token.end :]).group(0)
    return text[token.start : token.end] + re.sub(r"[0-9].*", "", tail)


@dataclass(frozen=True)
class Governed:
    """The amount a naming governs, or why there is none."""

    naming: Naming
    token: NumberToken | None
    planned: bool = False
    paired: bool = False  # paired by 分别 with its place in a list of names


def _exact_after_round(token: NumberToken, text: str, end: int, family: list[NumberToken]) -> NumberToken | None:
    """超700亿元,达到713.4亿元: the exact amount opening the next clause after a round, hedged one."""
    if not text[: token.start].endswith(ROUND_HEDGES) or any(t.start > token.start and t.start < end for t in family):
        return None
    following = next((t for t in family if t.start > end), None)
    if following is None or text[end : end + 1] not in ",，":
        return None
    opening = text[end + 1 : following.start]
    return following if opening in CARRY_ON else None


def governed_amount(naming: Naming, text: str, family: list[NumberToken]) -> Governed:
    """The amount of `family` (the numbers in the catalogue unit's family) that the name governs in its clause."""
    start, end = clause_bounds(text, naming.start)
    counts = [
        t
        for t in family
        if max(start, naming.head_end) <= t.start and t.end <= naming.start and naming.start - t.end <= _COUNT_GAP
    ]
    if counts:
        return Governed(naming, counts[-1])
    for token in family:
        if naming.end <= token.start < end:
            between = text[start : naming.start] + text[naming.end : token.start]
            planned = any(word in between for word in PLAN_WORDS)
            return Governed(naming, _exact_after_round(token, text, end, family) or token, planned=planned)
    # No amount in the name's clause: the next clause may carry it on without a subject of its own
    # (出口总额同比增长5%,达到12.5亿美元), as long as nothing else was counted between.
    following = next((t for t in family if t.start >= end), None)
    if following is not None and text[end : end + 1] not in "。!！?？":
        clause_start, _ = clause_bounds(text, following.start)
        carries_on = text[clause_start : following.start].startswith(CARRY_ON)
        no_end = not any(mark in text[end : following.start] for mark in "。!！?？")
        if carries_on and no_end and clause_start == end + 1:
            return Governed(naming, following)
    return Governed(naming, None)


_SENTENCE_END = "。!！?？;；"


@dataclass(frozen=True)
class Respective:
    """A name in a list of subjects that 分别 pairs in order with amounts and growths: A、B分别为X、Y,分别增长p%、q%."""

    index: int  # the name's place in the list
    amounts: tuple[NumberToken, ...]  # the amounts in order, as many as names
    growths: tuple[NumberToken, ...]  # the growth percentages in order after 分别增长/下降, or none


def respective(naming: Naming, text: str, family: list[NumberToken], tokens) -> Respective | None:
    """The pairing of a name listed before 分别 (地区生产总值、财政总收入分别为215亿元、17.99亿元), or None.

    The names stand in one clause, apart by 、/和/与/及 and with no number among them; 分别 follows in that clause and
    the amounts after it are paired with the names in order (as many amounts as names, else no pairing is read).
    """
    start, end = clause_bounds(text, naming.start)
    at = text.find(RESPECTIVELY, naming.end, end)
    if at < 0 or any(character.isdigit() for character in text[start:at]):
        return None
    index = sum(text[start : naming.start].count(mark) for mark in LIST_MARKS)
    count = sum(text[start:at].count(mark) for mark in LIST_MARKS) + 1
    sentence_end = min([i for i in (text.find(m, at) for m in _SENTENCE_END) if i >= 0] or [len(text)])
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
    sentence_end = min([i for i in (text.find(m, token.end) for m in _SENTENCE_END) if i >= 0] or [len(text)])
    if at < 0 or at > sentence_end:
        return None
    listed = [t for t in family if start <= t.start < end]
    if len(listed) < 2 or any(t.after.startswith("%") for t in tokens if start <= t.start < end):
        return None
    growths = _respective_growths(text, at, sentence_end, tokens, len(listed))
    return growths[listed.index(token)] if growths and token in listed else None


def stock_total(names, text: str, family: list[NumberToken]) -> Governed | None:
    """A stock's total told after a change of it, its subject carried on: 新认定高新技术企业58家,累计达到312家.

    The subject is the stock's name without 数/总数 or 累计 (高新技术企业 of 高新技术企业数); the total stands in a
    later clause of the sentence that opens with 累计, 总数, 总量 or 共有.
    """
    for name in names:
        subject = name.removeprefix("累计").removesuffix("总数").removesuffix("数")
        at = text.find(subject)
        if subject == name or len(subject) < 3 or at < 0:
            continue
        for token in family:
            clause_start, _ = clause_bounds(text, token.start)
            same_sentence = not any(mark in text[at : token.start] for mark in "。!！?？")
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


def growth_after(token: NumberToken, text: str, tokens: tuple[NumberToken, ...]) -> NumberToken | None:
    """The growth percentage of an amount: the first one a growth word introduces, before any other amount."""
    sentence_end = min([at for at in (text.find(m, token.end) for m in "。!！?？") if at >= 0] or [len(text)])
    for later in tokens:
        if later.start < token.end:
            continue
        if later.start >= sentence_end:
            break
        if not later.after.startswith("%"):
            if later.after.startswith(("个百分点", "年", "月", "日", "季度")) and not later.multiplier:
                continue  # points, and dates: 比2015年增长20%
            return None  # another amount: what follows is its growth, not this one's
        clause_start, _ = clause_bounds(text, later.start)
        lead = text[clause_start : later.start]
        said = _last_word(lead, (*GROWTH_WORDS, *DECLINE_WORDS, *SHARE_WORDS))
        if said and said not in SHARE_WORDS:
            return later
    return None


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


@dataclass(frozen=True)
class Binding:
    """What a quote says of one indicator: the governed amount and its growth, or the problems found."""

    token: NumberToken | None
    problems: tuple[tuple[str, str], ...]  # (field, message)
    area: str | None = None  # a part of the park named right before the indicator: 软件园 in 实现软件园规上…营收
    growth: NumberToken | None = None  # the growth percentage bound to change_pct, for the hedge next to it


def bind_indicator(entry: dict, indicator: dict, context: Context, others: tuple[str, ...] = ()) -> Binding:
    """Check that the quote names the indicator and that value and change_pct are what that name governs.

    `others` are the names of the other indicators of the catalogue: a name standing inside one of them names that
    one (国家高新技术企业 inside 新增国家高新技术企业, 利用外资 inside 合同利用外资), not this indicator.
    """
    text = context.quote
    # Names read as the quote is read, with their abbreviations: 高企 for 高新技术企业, GDP for 地区生产总值.
    names = catalogue_forms((indicator["name"], *indicator.get("aliases", [])))
    others = tuple(simplified(other) for other in others)
    taken = [(m.start(), m.end()) for other in others if other in text for m in re.finditer(re.escape(other), text)]
    scale, base = split_unit(entry["unit"])
    wanted = to_decimal(entry["value"]) * scale
    tokens = tokens_of(text)
    # A rate in % (研发投入强度3.1%) is an amount of its own; elsewhere a percentage is growth, never the amount.
    family = [t for t in tokens if (base == "%") == t.after.startswith("%") and unit_follows(t, base)]
    cells = table_cells(tokens, context.table_units, base)
    family = family or cells or unit_column_cells(tokens, base)
    if context.row is not None and context.row.first("amount") is not None:
        family = []  # a row read through its header: its cells mean what their columns say (bind_row)
    first_naming, first = None, None
    match = None
    inside = None
    for naming in namings(names, text):
        holder = next(((start, end) for start, end in taken if start <= naming.start and naming.end <= end), None)
        if holder is not None:
            inside = inside or text[holder[0] : holder[1]]
            continue
        pairing = respective(naming, text, family, tokens)
        if pairing is not None and pairing.amounts:
            governed = Governed(naming, pairing.amounts[pairing.index], paired=True)
        else:
            governed = governed_amount(naming, text, family)
        first_naming = first_naming or naming
        if governed.token is None:
            continue
        first = first or governed
        if same_amount(governed.token.amount, wanted):
            match = governed
            break
    if match is None and indicator.get("kind") == "stock":
        total = stock_total(names, text, family)
        if total is not None:
            first_naming, first = first_naming or total.naming, first or total
            match = total if same_amount(total.token.amount, wanted) else None
    if first_naming is None:
        looked = ", ".join(names)
        found = f"found it only inside {inside}, the name of another indicator" if inside else "found none"
        message = f"expected the quote to name {indicator['name']} (looked for: {looked}), {found}"
        return Binding(None, (("quote", message),))
    value = f"{to_decimal(entry['value'])} {entry['unit']}"
    if context.row is not None and context.row.first("amount") is not None:
        return bind_row(entry, context, first_naming, tokens)
    if match is None:
        if first is None:
            family_units = "/".join([base, *UNIT_SYNONYMS.get(base, ())]) if base else entry["unit"]
            message = (
                f"expected an amount in {family_units} after '{first_naming.label}' in the same clause, "
                f"found none for {value}"
            )
        elif first.token.in_range:
            message = f"expected a single amount, found a range ending in {written(first.token, text)}"
        elif first.paired:
            message = (
                f"expected {written(first.token, text)} (the amount 分别 pairs with '{first.naming.label}', the names "
                f"and amounts in the same order), found {value}"
            )
        else:
            message = (
                f"expected {written(first.token, text)} (the amount '{first.naming.label}' governs in its clause), "
                f"found {value}"
            )
        return Binding(None, (("value", message),))
    problems = []
    token = match.token
    if match.planned:
        problems.append(("value", f"expected an actual amount, found {written(token, text)} given as a plan"))
    if token.in_range:
        problems.append(("value", f"expected a single amount, found a range ending in {written(token, text)}"))
    change = entry.get("change_pct")
    if change is not None and token in cells:
        growth_cell = next((cell for cell in _bare(tokens) if cell.start > token.end), None)
        has_growth = len(context.table_units) > 1 and context.table_units[1] == "%" and growth_cell is not None
        if not has_growth:
            problems.append(
                ("change_pct", f"expected a % column after the amount in the table, found none for {change}%")
            )
        elif growth_cell.amount != to_decimal(change):
            problems.append(
                ("change_pct", f"expected {growth_cell.amount}% (the table's % column of that row), found {change}%")
            )
    growth = None
    if change is not None and token in cells:
        pass  # the table's % column: a bare cell, no hedge beside it
    elif change is not None:
        pairing = respective(match.naming, text, family, tokens)
        paired = pairing is not None and bool(pairing.growths)
        if paired:
            growth = pairing.growths[pairing.index]  # 分别增长5%和3%: the name's own place in the list
        else:
            growth = listed_growth(token, text, family, tokens)
            paired = growth is not None
            growth = growth or growth_after(token, text, tokens) or growth_before(match.naming, token, text, tokens)
        if growth is None:
            problems.append(
                (
                    "change_pct",
                    f"expected the growth of {written(token, text)} (增长/下降 …% after it, before any other amount), "
                    f"found none in the quote for {change}%",
                )
            )
        elif signed_percent(growth, text) != to_decimal(change):
            bound = signed_percent(growth, text)
            why = "; 下降/减少/降幅 make it negative" if bound == -to_decimal(change) else ""
            if paired:
                message = f"expected {bound}% (the growth 分别 pairs with '{match.naming.label}'{why}), found {change}%"
            else:
                message = f"expected {bound}% (the growth that follows {written(token, text)}{why}), found {change}%"
            problems.append(("change_pct", message))
    return Binding(token, tuple(problems), area_before(text, match.naming), growth)


def _row_unit(row: Row, cell: Cell, units: tuple[str, ...]) -> str:
    """The unit of a row's cell: the row's unit cell, else the column's header, else the table's 单位 line."""
    if cell.column.role == "growth":
        return "%"
    return row.unit or cell.column.unit or next((unit for unit in units if unit not in ("%", "％")), "")


def _cell_token(row: Row, cell: Cell, units: tuple[str, ...], tokens) -> NumberToken | None:
    """The number of a row's cell, scaled by the multiplier of its unit (亿 of 亿元)."""
    token = next((t for t in tokens if t.end == cell.end and t.start >= cell.start), None) if not cell.missing else None
    if token is None:
        return None
    multiplier = next((m for m in MULTIPLIERS if _row_unit(row, cell, units).startswith(m)), "")
    return dataclasses.replace(token, multiplier=multiplier) if not token.multiplier else token


def bind_row(entry: dict, context: Context, naming: Naming, tokens) -> Binding:
    """A table row read through its header: the value is the amount column's cell, change_pct the growth column's.

    The unit is the row's unit cell, else the one the amount column's header gives (本年(亿元)), else the table's
    单位 line; a number of another column (上年, an earlier year, the 同比 %) is never the year's amount.
    """
    row, units = context.row, context.table_units
    scale, base = split_unit(entry["unit"])
    wanted = to_decimal(entry["value"]) * scale
    value = f"{to_decimal(entry['value'])} {entry['unit']}"
    amount = row.first("amount")
    unit = _row_unit(row, amount, units)
    token = _cell_token(row, amount, units, tokens)
    if token is None or split_unit(unit)[1] != base:
        found = f"{amount.text} in {unit or 'no unit'}" if token is not None else amount.text
        message = (
            f"expected an amount in {entry['unit']} in the table's {amount.column.label} column of the row "
            f"'{naming.label}', found {found}"
        )
        return Binding(None, (("value", message),))
    if not same_amount(token.amount, wanted):
        shown = f"{amount.text}{unit}"
        other = next(
            (
                cell
                for cell in row.cells
                if cell is not amount
                and (cell_token := _cell_token(row, cell, units, tokens)) is not None
                and same_amount(
                    cell_token.amount, wanted if cell.column.role != "growth" else to_decimal(entry["value"])
                )
            ),
            None,
        )
        where = f" in the {other.column.label} column" if other else ""
        message = f"expected {shown} (the table's {amount.column.label} column of that row), found {value}{where}"
        return Binding(None, (("value", message),))
    problems = []
    change = entry.get("change_pct")
    growth = row.first("growth")
    if change is not None:
        if growth is None:
            problems.append(
                ("change_pct", f"expected a % column after the amount in the table, found none for {change}%")
            )
        elif growth.missing:
            label = growth.column.label
            message = f"expected a growth in the table's {label} column of that row, found {growth.text} for {change}%"
            problems.append(("change_pct", message))
        else:
            cell = _cell_token(row, growth, units, tokens).amount
            if cell != to_decimal(change):
                label = growth.column.label
                message = f"expected {cell}% (the table's {label} column of that row), found {change}%"
                problems.append(("change_pct", message))
    return Binding(token, tuple(problems), growth=None)


def _bare(tokens) -> list[NumberToken]:
    """Numbers with no unit after them: table cells (the prepared text keeps cells apart with '|')."""
    return [t for t in tokens if t.after[:1] in ("", "|") and not t.multiplier]


def table_cells(tokens, units: tuple[str, ...], base: str) -> list[NumberToken]:
    """A table row's first cell read in the unit its 单位 line gives the first column (亿元 for 单位:亿元、%)."""
    if not units:
        return []
    scale, unit_base = split_unit(units[0])
    if unit_base != base:
        return []
    multiplier = next((m for m in MULTIPLIERS if units[0].startswith(m)), "")
    cells = _bare(tokens)
    return [dataclasses.replace(cells[0], multiplier=multiplier)] if cells and scale else []


def unit_column_cells(tokens, base: str) -> list[NumberToken]:
    """A table row with a unit column (有效发明专利 件 2310, R&D经费 亿元 12.8): a cell right after its unit cell."""
    found = []
    # A cell may be followed by the table's mark for a missing cell (-- or —).
    for token in [t for t in tokens if not t.multiplier and (t.after[:1] in ("", "|") or t.after[:1] in "-—－")]:
        multiplier = next((m for m in (*MULTIPLIERS, "") if token.before.endswith(m + base)), None)
        if multiplier is not None:
            found.append(dataclasses.replace(token, multiplier=multiplier))
    return found


# A place name ending in 园, 基地, 产业区 or 片区 as the subject of the figure, right before the indicator's name
# (verbs and 规上 aside): 实现软件园规上互联网软件业营收, 同翔基地完成固定资产投资.
_AREA_END = re.compile(r"(园|基地|产业区|片区)$")
_BETWEEN = ("规上", "规模以上", "实现", "完成", "全年", "累计", "共")
_VERB = re.compile(r".*(实现|完成|全年|其中|共有)")


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
    return area if len(area) > len(end.group(1)) and area not in WHOLE_PARK else None


def _head_length(naming: Naming) -> int:
    return len(naming.label) - (naming.end - naming.start)
