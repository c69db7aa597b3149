"""Binding, the proof: the quote names the indicator, and the value and growth are the ones that name governs.
The quote is read by generator/reading/ (governs.py: what a name governs; names, numbers, tables, words); what
stays here is the rule an entry is held to and the message that says how it fails.

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
from dataclasses import dataclass

from generator.reading.clauses import clause_bounds
from generator.reading.governs import (
    Governed,
    Naming,
    area_before,
    change_before_a_total,
    class_before,
    family_of,
    governed_amount,
    growth_of,
    has_a_level,
    namings,
    over_a_span,
    own_part,
    projected,
    respective,
    running_total,
    signed_percent,
    stock_total,
    written,
)
from generator.reading.names import (
    catalogue_forms,
    part_names,
    scope_dropped,
)
from generator.reading.numbers import (
    MULTIPLIERS,
    NumberToken,
    same_amount,
    split_unit,
    to_decimal,
    tokens_of,
)
from generator.reading.quotes import Context
from generator.reading.rankings import measure_named, parks_item
from generator.reading.script import simplified
from generator.reading.tables import Cell, Row
from generator.reading.words import UNIT_SYNONYMS

PLANNED = "given as a plan"  # the end of the message for a planned amount, which a target's binding leaves out


@dataclass(frozen=True)
class Binding:
    """What a quote says of one indicator: the governed amount and its growth, or the problems found."""

    token: NumberToken | None
    problems: tuple[tuple[str, str], ...]  # (field, message)
    area: str | None = None  # a part of the park named right before the indicator: 软件园 in 实现软件园规上…营收
    growth: NumberToken | None = None  # the growth percentage bound to change_pct, for the hedge next to it


def _a_change(text: str, naming: Naming, token: NumberToken) -> bool:
    """Whether the amount a name governs is the change of a count whose total the next clause tells."""
    return change_before_a_total(text, naming.start, clause_bounds(text, token.start)[1])


def bind_indicator(
    entry: dict, indicator: dict, context: Context, others: tuple[str, ...] = (), places: tuple[str, ...] = ()
) -> Binding:
    """Check that the quote names the indicator and that value and change_pct are what that name governs.

    `others` are the names of the other indicators of the catalogue: a name standing inside one of them names that
    one (国家高新技术企业 inside 新增国家高新技术企业, 利用外资 inside 合同利用外资), not this indicator. `places`
    are the park's own (parts.own_places): its part in brackets after a total of several parks is its amount.
    """
    text = context.quote
    # Names read as the quote is read, with their abbreviations: 高企 for 高新技术企业, GDP for 地区生产总值.
    names = catalogue_forms((indicator["name"], *indicator.get("aliases", [])))
    others = tuple(simplified(other) for other in others)
    taken = [(m.start(), m.end()) for other in others if other in text for m in re.finditer(re.escape(other), text)]
    taken += part_names(names, text, entry["unit"])
    scale, base = split_unit(entry["unit"])
    wanted = to_decimal(entry["value"]) * scale
    tokens = tokens_of(text)
    family = family_of(tokens, entry["unit"])
    cells = table_cells(tokens, context.table_units, base)
    family = family or cells or unit_column_cells(tokens, base)
    if context.row is not None and context.row.first("amount") is not None:
        family = []  # a row read through its header: its cells mean what their columns say (bind_row)
    first_naming, first = None, None
    level = has_a_level(indicator.get("kind", "flow"), indicator.get("unit", ""), names)
    match = None
    inside = None
    for naming in namings(names, text):
        holder = next(((start, end) for start, end in taken if start <= naming.start and naming.end <= end), None)
        if holder is not None:
            inside = inside or text[holder[0] : holder[1]]
            continue
        pairing = respective(naming, text, family, tokens, places)
        if pairing is not None and pairing.amounts:
            governed = Governed(naming, pairing.amounts[pairing.index], paired=True)
        else:
            governed = governed_amount(naming, text, family)
        governed = own_part(governed, text, family, places)
        whole_name = naming.head_end == naming.start
        if governed.token is not None and level and whole_name and _a_change(text, naming, governed.token):
            continue  # 新增科技型中小企业396家,总数达到1152家: the change, not the count
        first_naming = first_naming or naming
        if governed.token is None:
            continue
        first = first or governed
        if same_amount(governed.token.amount, wanted):
            match = governed
            break
        if governed.started is not None and same_amount(governed.started.amount, wanted):
            match = Governed(naming, governed.started)  # the start of a rise, its year checked as any amount's
            break
    if first_naming is None:
        ranked = _ranked(names, others, text, tokens, context, places)
        if ranked is not None:
            first_naming, first = ranked.naming, ranked
            match = ranked if same_amount(ranked.token.amount, wanted) else None
    if match is None and level:
        total = stock_total(names, text, family)
        if total is not None:
            first_naming, first = first_naming or total.naming, first or total
            match = total if same_amount(total.token.amount, wanted) else None
    if first_naming is None:
        looked = ", ".join(names)
        found = f"found it only inside {inside}, the name of a part or of another indicator" if inside else "found none"
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
    # A class of firms owns the money it makes (高新技术企业实现营业收入…); a count of them is the catalogue's own.
    investment = "投资" in indicator["name"]  # the firms' part of it: 企业完成固定资产投资
    firms = class_before(text, match.naming, investment) if "元" in entry["unit"] else None
    if firms:
        problems.append(("value", f"expected the park's own amount, found that of a class of its firms ({firms}…)"))
    said_before = context.paragraph_before + context.lead + text[: match.naming.start]
    if scope_dropped(indicator["name"], match.naming.label, said_before):
        problems.append(
            ("quote", f"expected {indicator['name']}, found {match.naming.label} of all industry (the paragraph names "
             "no enterprises above designated size before it, or names the measure with its scope apart)")
        )  # fmt: skip
    if running_total(text, match.naming, entry["unit"]):
        problems.append(("value", "expected the people at the year's end, found a running total (累计…)"))
    if match.parks:
        problems.append(("value", f"expected the park's own amount, found the total of several parks ({match.parks})"))
    # 项目建成后,年可实现…: what a project is to bring once built is no more an amount of the year than a plan is.
    if match.planned or projected(context.lead + text[: match.naming.start]):
        problems.append(("value", f"expected an actual amount, found {written(token, text)} {PLANNED}"))
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
        # A park's part in brackets has no growth of its own there: the one after the brackets is the total's.
        growth, paired = (
            (None, False)
            if match.bracketed
            else growth_of(match.naming, token, text, family, tokens, context.over_years, places)
        )
        if growth is None and (context.over_years or over_a_span(match.naming, token, text)):
            problems.append(
                (
                    "change_pct",
                    f"expected no 同比 for {written(token, text)}, found a rise over several years "
                    f"(由/从…增长到…, or under a heading of several years: “十三五”…) given as {change}%",
                )
            )
        elif growth is None:
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


def _ranked(names, others, text: str, tokens, context: Context, places: tuple[str, ...]) -> Governed | None:
    """The park's amount when the quote is the park's item of a ranking whose lead names the indicator and no other
    (…19个区县GDP排名: / 13、高新开发区, 278.6亿 ,增速 7.8%): read as if the item's place named the measure."""
    lead = context.ranking
    item = parks_item(text, places, context.tied) if lead is not None else None
    named = measure_named(lead, names, others) if item is not None else None
    token = next((t for t in tokens if t.start == item.amount[0]), None) if named is not None else None
    if token is None:
        return None
    return Governed(Naming(named[2], item.place[0], item.place[0], item.place[1]), token)


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
