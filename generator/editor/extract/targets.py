"""Targets (drafting): a clause that sets a goal for the draft's year or a later one gives one target per number.

A clause about an earlier year is never a goal: a 2025 work plan that opens on 2024's results
(5820万元, 426家) files them as facts about 2024, not as 2025 targets.
"""

from __future__ import annotations

from generator.reading.claims import Name, hits, sure
from generator.reading.clauses import Clause
from generator.reading.figures import in_unit, plain_number, unit_of
from generator.reading.governs import Naming, family_of, governed_amount, respective
from generator.reading.hedges import comparator_of
from generator.reading.numbers import tokens_of


def sets_target(clause: Clause, year: int) -> bool:
    """Whether a clause gives targets for the draft of `year`."""
    return clause.goal and clause.year >= year


def targets(clause: Clause, tokens, quote: str, names: list[Name], units: dict, source_id: str, year: int, verify):
    """One target per number of a clause that sets a goal; `verify(value, unit)` says the quote shows it."""
    mapped: dict[int, str] = {}
    counted = {t.start for t in tokens}
    for hit in hits(clause.text, names):
        head_end, start = hit.verb_gap or (hit.start, hit.start)
        naming = Naming(hit.name.text, head_end, start, hit.end)
        unit = hit.name.entry.unit
        all_tokens = tokens_of(clause.text)
        family = family_of(all_tokens, unit)
        # Names listed before 分别 take the amounts in order (全口径财政收入、一般预算财政收入分别实现500亿元、100亿元),
        # as the checker pairs them; else the amount the name governs.
        pairing = respective(naming, clause.text, family, all_tokens)
        paired = pairing is not None and bool(pairing.amounts)
        token = pairing.amounts[pairing.index] if paired else governed_amount(naming, clause.text, family).token
        known = token is not None and token.start in counted and token.start not in mapped
        if known and (paired or sure(naming, token, clause.text, unit)):
            mapped[token.start] = hit.name.entry.id
    made = []
    for token in tokens:
        indicator = mapped.get(token.start)
        unit = units[indicator] if indicator else unit_of(token)
        value = in_unit(token, unit) if indicator else plain_number(token.number)
        if not verify(value, unit) or any(t["value"] == value and t["unit"] == unit for t in made):
            continue
        made.append(
            {
                "for_year": max(clause.year, year),
                "indicator": indicator,
                "text": quote,
                "value": value,
                "unit": unit,
                "comparator": comparator_of(token),
                "source": source_id,
                "quote": quote,
            }
        )
    return made
