"""Draft: the year file as plain data, every entry checked against its quote before it is written.

One entry per indicator: the figure for the whole year and the whole park wins; a figure of a part of
the year or of the park is drafted as the indicator (with `period` / `scope`) only when the report gives
no whole-year figure for it, otherwise it stays among the facts with its period and scope. Every other
number lands in a fact (a clause about an earlier year carries a note) or, where the clause sets a goal,
in a target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from generator.data.model import Source, paragraphs_of
from generator.data.validate import entry_problems, other_names
from generator.editor.extract.catalogue import CatalogueEntry
from generator.editor.extract.targets import sets_target, targets
from generator.editor.extract.themes import theme
from generator.reading.claims import (
    Candidate,
    Name,
    Said,
    build_names,
    candidates,
    hit_naming,
    hits,
    told_of_the_park,
)
from generator.reading.clauses import CLAUSE_SEP, SENTENCE_MARKS, Clause, Sentences, is_heading, split_clauses
from generator.reading.english import as_written, chinese_form
from generator.reading.figures import compatible, plain_number, unit_of
from generator.reading.governs import GROWTH, governed_amount
from generator.reading.hedges import hedges_of
from generator.reading.names import SHARE_OF, catalogue_forms
from generator.reading.numbers import figure_token, find_change_pct, find_figure, split_unit, to_decimal
from generator.reading.parts import (
    about_another_park,
    forecast_list_lead,
    forecast_opening,
    items_governed,
    own_places,
    page_districts,
    period_named,
    qualify,
    scopes_in_force,
    year_of_fact_amount,
)
from generator.reading.quotes import context_of, prepare
from generator.reading.rankings import items_in, measure_named, part_of_year_named, run_lead
from generator.reading.script import JAPANESE, LATIN_SCRIPT, other_language, simplified
from generator.reading.tables import DraftRow, read_tables, table_lines
from generator.reading.text import SENTENCE_END, paragraphs_with_lines, raw_lines
from generator.reading.words import COMPARATOR_WORDS, ROUND_HEDGES, TOTAL_WORDS

_MAX_QUOTE = 100  # a quote widened to show its period, scope or hedge stays a passage, not a paragraph


@dataclass
class Draft:
    """A draft year file as plain data, and the wording each indicator was found under."""

    data: dict
    names: dict[str, str]  # indicator id → the wording found in the report (for review comments)
    withheld: list[str] = field(default_factory=list)  # what the checker refused, left out of the draft


class _Proof:
    """The checker's rules on one entry of the draft, against the report's text as `yearbook check` reads it."""

    def __init__(
        self,
        text: str,
        source_id: str,
        park: str,
        year: int,
        catalogue: list[CatalogueEntry],
        own: tuple[str, ...] = (),
        published: str | None = None,
    ):
        self.source = Source(id=source_id, title=source_id, publisher="", kind="work-report", published=published,
                             park=park, paragraphs=paragraphs_of(text), covers=(year,))  # fmt: skip
        self.owner = (park, year, own)  # own: the park's places, as the checker reads another park's passage
        self.catalogue = {
            e.id: {"id": e.id, "name": e.name, "aliases": list(e.aliases), "unit": e.unit, "kind": e.kind}
            for e in catalogue
        }
        self.withheld: list[str] = []

    def complete(self, entry: dict, value=None, unit: str = "") -> dict:
        """The entry with the period and part of the park its quote is read under, where the clause's own reading
        gave none: a 1-4月 note's title, a table's column, a part of the park named before the figure."""
        context = context_of(self.source, entry["quote"], self.owner[1])
        token = figure_token(value, unit, context.quote) if value is not None else None
        stated, in_table, in_passage = context.periods()
        period = next(iter(stated + in_table + in_passage), None)
        scope = next(iter(scopes_in_force(context.before(token.end if token else len(context.quote)))), None)
        added = {"period": period and period_named(period), "scope": scope or context.table_scope or None}
        return {**entry, **{k: v for k, v in added.items() if v and not entry.get(k)}}

    def problems(self, section: str, entry: dict) -> list[str]:
        return entry_problems(section, entry, self.source, self.owner, self.catalogue)

    def passes(self, section: str, entry: dict) -> bool:
        """Whether the checker accepts the entry; what it refuses is noted as withheld."""
        found = self.problems(section, entry)
        self.withheld += [f"{section}: {problem} ({entry['quote']})" for problem in found]
        return not found

    def indicator(self, item: dict) -> dict | None:
        """The indicator entry as the checker accepts it: without a growth it refuses (the amount stands), or None."""
        fields = {m.group(1) for p in self.problems("indicators", item) if (m := _INDICATOR_FIELD.match(p))}
        if fields and fields <= {"change_pct", "change_qualifier"}:
            item = {k: v for k, v in item.items() if k not in ("change_pct", "change_qualifier")}
        return item if self.passes("indicators", item) else None

    def fact(self, fact: dict) -> dict | None:
        """The fact with only the figures the checker accepts, or None when it accepts none of it; the figures it
        refuses are noted as withheld, as a refused entry is (the editor is told what the draft left out)."""
        found = [(p, m) for p in self.problems("facts", fact) if (m := _FIGURE_FIELD.match(p))]
        refused = {int(m.group(1)) for _, m in found}
        self.withheld += [f"facts: {problem} ({fact['quote']})" for problem, _ in found]
        if refused:
            figures = [figure for index, figure in enumerate(fact["figures"]) if index not in refused]
            fact = {**fact, "figures": figures}
        return fact if fact["figures"] and self.passes("facts", fact) else None


_ORDER = ("id", "theme", "text", "value", "unit", "figures", "change_pct", "change_qualifier", "qualifier", "period",
          "scope", "source", "quote", "note")  # fmt: skip


def _ordered(entry: dict) -> dict:
    """The entry's fields in the order a year file writes them (a period or scope added last moves up)."""
    return dict(sorted(entry.items(), key=lambda item: _ORDER.index(item[0]) if item[0] in _ORDER else len(_ORDER)))


_INDICATOR_FIELD = re.compile(r"^indicators\[0\]\.(\w+)")
_FIGURE_FIELD = re.compile(r"^facts\[0\]\.figures\[(\d+)\]")


def _shows(value, unit: str, quote: str, lead: str = "") -> tuple[bool, str | None]:
    """Whether the quote shows the figure, and the qualifier the checker asks of it: the hedge next to it, or 预计
    governing its sentence before it (`lead`: the sentence before the quote in its paragraph)."""
    text = prepare(quote)
    token = figure_token(value, unit, text) if find_figure(value, unit, simplified(quote)).found else None
    if token is None:
        return False, None
    hedges = hedges_of(token, prepare(lead) + items_governed(text[: token.start]))
    return True, (hedges[0] if hedges else None)


def _unit_note(clause: Clause, names: list[Name]) -> str | None:
    """Why a figure a catalogue name governs is a fact: its unit is not one the catalogue's unit can hold (营业收入
    12亿美元 for an indicator in 亿元: a currency is not converted). The amount is the one the name governs, read as
    the checker reads it (governs.governed_amount), among the clause's amounts in any currency."""
    money = [t for t in clause.tokens if split_unit(unit_of(t) or "")[1].endswith("元")]
    for hit in hits(clause.text, names):
        governed = governed_amount(hit_naming(hit, clause, _clause_alone(clause)), clause.text, money)
        token, entry = governed.token, hit.name.entry
        unit = unit_of(token) if token is not None else None
        if unit and not compatible(unit, entry.unit):
            return f"原文以{unit}计,目录指标“{entry.name}”以{entry.unit}计,币种不同不换算,故记为事实。"
    return None


def _none_of_the_parks(clause: Clause, own: tuple[str, ...]) -> bool:
    """Whether a clause tells another park's figures, or several parks' together or an area's: none of the park's."""
    return bool(clause.several) or about_another_park(clause.park, own)


def _clause_alone(clause: Clause) -> Said:
    """A clause read as a sentence of its own (its names and amounts at their places in its text)."""
    return Said(clause.text, clause.start, (clause,), tuple(clause.tokens))


def _lead(paragraphs: list[str], number: int, start: int) -> str:
    """Where a 预计 governing a quote at `start` of paragraph `number` may stand: the sentence before it in its
    paragraph (back to its ；, or to its 。 when 预计 opens it), after the estimate its numbered list hangs from
    (2015年预计主要经济指标完成: / 1、…)."""
    before = paragraphs[number][:start]
    sentence = before[max(before.rfind(mark) for mark in SENTENCE_MARKS) + 1 :]
    # 预计 opening the whole sentence governs its ；-items too, as the checker reads it (parts.forecast_opening).
    whole = before[max(before.rfind(mark) for mark in SENTENCE_END) + 1 :]
    return forecast_list_lead(paragraphs, number) + (whole if forecast_opening(whole) else "") + sentence


def _widened(candidate: Candidate, sentence: list[Clause]) -> int:
    """Where the quote starts once it shows the period, part of the park and hedge its figure is read under."""
    start = candidate.quote_start
    clause = candidate.clause
    for earlier in sentence:
        if earlier.start >= start:
            break
        shows = (
            (clause.period and clause.period in earlier.text)
            or (clause.scope and earlier.text.lstrip("其中:：").startswith(clause.scope))
            or (clause.hedge and "预计" in earlier.text)
        )
        if shows and candidate.quote_end - earlier.start <= _MAX_QUOTE:
            return earlier.start
    return start


# Words opening a clause that tells more of the figure before it: its share of a whole (占全市50%, 约占…), its total
# after a change (累计达832家, 总数达到23家), its rank (居全市第一).
_MORE_OF_IT = (SHARE_OF, "约占", *TOTAL_WORDS, "居", "位居", "位列", "排名")


def _tells_more(clause: Clause) -> bool:
    """Whether a clause opens on words that tell more of the figure before it rather than a figure of its own."""
    opening = clause.text.removeprefix("并")
    return opening.startswith(_MORE_OF_IT) and not opening.startswith("占地")  # 占地100亩: an area of its own


def _to_clause_end(cut, clause: Clause, start: int) -> str:
    """The quote from `start` of the clause's paragraph to the clause's end, without the mark that closes it."""
    return cut(clause.paragraph, start, clause.end).rstrip(CLAUSE_SEP + "、")


def _only_growth(clause: Clause, tokens) -> bool:
    """Whether a clause is nothing but a 同比 rate (同比增长10.3%, 下降2.1%)."""
    match = GROWTH.match(clause.text)
    return match is not None and match.end() >= len(clause.text) - 1 and len(tokens) == 1


def _verbatim(words: str, paragraph: str, matching: str) -> str:
    """`words` (found in the matching form) as the paragraph writes them: 核心區 in a traditional repost."""
    at = matching.find(words)
    return paragraph[at : at + len(words)] if at >= 0 else words


def _whole(item: dict) -> bool:
    return not item.get("period") and not item.get("scope")


def _headline(paragraph: str) -> bool:
    """Whether a paragraph is a headline: words with no clause mark."""
    return not any(mark in paragraph for mark in ",，;；")


def _told_otherwise(read: list[Sentences], matching: list[str], year: int) -> set:
    """The amounts the text's body tells only of another year, a plan or a part of the year."""
    otherwise, plainly = set(), set()
    for number, sentences in enumerate(read):
        if _headline(matching[number]):
            continue
        for clause in (clause for sentence in sentences for clause in sentence):
            whole = clause.year == year and clause.mode == "results" and not clause.period and not clause.goal
            (plainly if whole else otherwise).update(token.amount for token in clause.tokens)
    return otherwise - plainly


def _round(candidate: Candidate) -> bool:
    """Whether a figure is a round one told with a hedge (超千亿元, 突破100亿元, 近千家)."""
    return any(hedge in ROUND_HEDGES for hedge in candidate.token.hedges())


def _preference(
    item: dict, candidate: Candidate | None, paragraphs: list[str], parts: set, named, filled: set
) -> tuple[bool, ...]:
    """How an indicator's figures are ranked: the whole year and park, not a round bound an exact amount of the text
    fills (`filled`), told in a sentence (not a headline without a clause mark), exact, then told of the park by its
    name where the page tells of others too (`named`: whether a candidate is; 石峰区实现GDP185.3亿元。…2009年高新区实现
    GDP230亿元) (lower first). A headline that tells again, bare, an amount the text gives for a part of the year or
    park (规上工业增加值完成277.54亿元 over 1月至6月,…277.54亿元) is that part's, not the year's."""
    headline = candidate is not None and _headline(paragraphs[candidate.clause.paragraph])
    part_told_again = headline and _whole(item) and (item["id"], item["value"]) in parts
    elsewhere = candidate is not None and not named(candidate)
    bound_filled = (item["id"], item["value"]) in filled
    return part_told_again or not _whole(item), bound_filled, headline, "qualifier" in item, elsewhere


_BOUND_SPAN = Decimal("0.1")  # how far past its round bound an exact amount may lie and still be the one bounded


def _filled_bounds(drafted: list[tuple[dict, Candidate | None]]) -> set[tuple[str, object]]:
    """The round bounds (GDP突破3000亿元, 近千家) that an exact whole-year amount of the same indicator elsewhere in the
    text fills (实现地区生产总值3015.8亿元 on a page of short lines): the same figure told roughly."""
    exact = {}
    for item, _ in drafted:
        if _whole(item) and item.get("qualifier") not in ROUND_HEDGES:
            exact.setdefault(item["id"], []).append(Decimal(str(item["value"])))
    filled = set()
    for item, _ in drafted:
        hedge = item.get("qualifier")
        if not _whole(item) or hedge not in ROUND_HEDGES:
            continue
        bound = Decimal(str(item["value"]))
        # 突破/超 bound from below (3015.8 fills 突破3000), 近 from above (985 fills 近千).
        low, high = (
            (bound, bound * (1 + _BOUND_SPAN))
            if hedge in COMPARATOR_WORDS[">="]
            else (bound * (1 - _BOUND_SPAN), bound)
        )
        if any(low <= value <= high for value in exact.get(item["id"], ())):
            filled.add((item["id"], item["value"]))
    return filled


def _row_candidates(rows: list[DraftRow], names: list[Name], year: int) -> list[dict]:
    """Indicator entries from table rows (the row is the quote)."""
    found = []
    for row in rows:
        if row.value is None:
            continue
        row_hits = [h for h in hits(row.name, names) if h.start <= 1 and len(row.name) - h.end <= 1]
        if len(row_hits) != 1 or not compatible(row.unit, row_hits[0].name.entry.unit):
            continue
        entry = row_hits[0].name.entry
        value = plain_number(row.value * split_unit(row.unit)[0] / split_unit(entry.unit)[0])
        item = {"id": entry.id, "value": value, "unit": entry.unit}
        if row.change_pct is not None:
            item["change_pct"] = plain_number(row.change_pct)
        if row.period:
            item["period"] = row.period
        if row.scope:
            item["scope"] = row.scope
        found.append((item, row))
    return found


def _measures(catalogue: dict[str, dict]) -> list[tuple[str, list[str], tuple[str, ...]]]:
    """Each catalogue indicator with its written forms and the other indicators' longer names, as the checker reads an
    indicator's names (binding.bind_indicator, validate.other_names)."""
    return [
        (
            key,
            catalogue_forms((entry["name"], *entry.get("aliases", []))),
            tuple(simplified(other) for other in other_names(catalogue, key)),
        )
        for key, entry in catalogue.items()
    ]


def _ranked_items(matching: list[str], catalogue: dict[str, dict], own: tuple[str, ...], cut) -> list[dict]:
    """Indicator entries from the park's items of rankings (…19个区县GDP排名: / 13、高新开发区, 278.6亿 ,增速 7.8%):
    the measure the ranking's lead names, and no other (rankings.measure_named, as the checker finds it); the item is
    the quote."""
    found = []
    tied = page_districts(tuple(matching))
    above = None  # the part of the year the paragraphs above last named (as quotes.Context.period_above)
    measures = None
    for number, paragraph in enumerate(matching):
        for lead, item in items_in(paragraph, run_lead(matching, number), own, tied, above):
            measures = measures or _measures(catalogue)
            named = [key for key, names, others in measures if measure_named(lead, names, others)]
            if len(named) != 1:
                continue
            entry = catalogue[named[0]]
            unit = item.unit if item.unit.endswith("元") else item.unit + "元"  # 278.6亿: 亿元 in a ranking of money
            if not compatible(unit, entry["unit"]):
                continue
            amount = to_decimal(paragraph[item.amount[0] : item.amount[1]]) * split_unit(unit)[0]
            value = plain_number(amount / split_unit(entry["unit"])[0])
            drafted = {"id": entry["id"], "value": value, "unit": entry["unit"]}
            if item.growth is not None:
                drafted["change_pct"] = plain_number(to_decimal(item.growth))
            drafted["quote"] = cut(number, item.start, item.end)
            found.append(drafted)
        above = part_of_year_named(paragraph) or above
    return found


def extract(
    text: str,
    source_id: str,
    catalogue: list[CatalogueEntry],
    park: str,
    year: int,
    park_names: tuple[str, ...] = (),
    published: str | None = None,
) -> Draft:
    """A draft year file (as data) from one archived report's text: every counted number lands in an entry, except
    those of a paragraph or sentence that opens on another park than `park_names` (a round-up of several parks);
    `published` is the date the source records (the time of writing where the text keeps no date line)."""
    names = build_names(catalogue)
    own = own_places(park_names)
    proof = _Proof(text, source_id, park, year, catalogue, own, published)
    units = {entry.id: entry.unit for entry in catalogue}
    lines = raw_lines(text)
    in_tables = table_lines(lines)
    paragraphs, first_lines = paragraphs_with_lines(text, in_tables)
    skip = frozenset(n for n, line in enumerate(first_lines) if line in in_tables)
    # A paragraph in English is read in the reading's words (english.py); its quotes are cut from it as written.
    languages = [other_language(p) for p in paragraphs]
    forms = {n: chinese_form(p) for n, p in enumerate(paragraphs) if languages[n] == LATIN_SCRIPT}
    # A paragraph in Japanese is not read: its kanji look like Chinese words but its grammar is not (上半期, 見込み
    # after the amount), so what the reading would take from it could be wrong; the editor is told so (cmd_extract).
    matching = [
        forms[n].text if n in forms else "" if languages[n] == JAPANESE else simplified(p)
        for n, p in enumerate(paragraphs)
    ]
    readable = [matching[n] if n in forms else p for n, p in enumerate(paragraphs)]

    def cut(number: int, start: int, end: int) -> str:
        """Paragraph `number` from `start` to `end` (offsets in its matching form), as the report writes it."""
        form = forms.get(number)
        if form is None:
            return paragraphs[number][start:end]
        return as_written(
            paragraphs[number][form.start_in_source(start) : form.end_in_source(end, paragraphs[number])], text
        )

    read = split_clauses(matching, year, skip, published)
    qualify(read, matching, {n for n, p in enumerate(matching) if is_heading(p)})

    # 1. Indicator candidates; one indicator whose name meets different values in one paragraph, for the
    #    same period and part of the park, is a breakdown (省重点项目…, 市重点项目…): left to the editor.
    #    A round, hedged figure beside an exact one (GDP超千亿元 … 1010.24亿元) is the same figure told twice.
    found: list[Candidate] = []
    told_otherwise = _told_otherwise(read, matching, year)
    for number, sentences in enumerate(read):
        in_paragraph = candidates(sentences, names, year, matching[number], own)
        in_paragraph = [c for c in in_paragraph if not _none_of_the_parks(c.clause, own)]
        if _headline(matching[number]):
            # 北京中关村示范区规模以上企业总收入达7905亿 over 1至6月,…实现总收入7905亿元 on a page of July 2011: the
            # headline tells the body's amount, of the body's time, not the year asked.
            in_paragraph = [c for c in in_paragraph if c.token.amount not in told_otherwise]
        values: dict[tuple, set] = {}
        # …“一总部三基地”实现营业收入451亿元,…,其中,乐山高新区完成营业收入102.3亿元: of the values, the one told
        # of the park by its name is the park's; the others are of a wider whole.
        parks_values: dict[tuple, set] = {}
        for c in in_paragraph:
            key = (c.entry.id, c.clause.period, c.clause.scope)
            values.setdefault(key, set()).add((c.value, _round(c)))
            if told_of_the_park(sentences[c.clause.sentence], c.clause.index, own):
                parks_values.setdefault(key, set()).add(c.value)
        for c in in_paragraph:
            key = (c.entry.id, c.clause.period, c.clause.scope)
            told = values[key]
            exact = {value for value, rounded in told if not rounded}
            if len(exact) > 1 and len(parks_values.get(key, ())) == 1:
                exact = parks_values[key]
            if len(exact) == 1 and c.value in exact or not exact and len(told) == 1:
                found.append(c)

    drafted: list[tuple[dict, Candidate | None]] = []
    for candidate in found:
        entry, clause = candidate.entry, candidate.clause
        paragraph = paragraphs[clause.paragraph]
        start = _widened(candidate, read[clause.paragraph][clause.sentence])
        quote = cut(clause.paragraph, start, candidate.quote_end).rstrip(CLAUSE_SEP + "、")
        shown, hedge = _shows(candidate.value, entry.unit, quote, _lead(readable, clause.paragraph, start))
        if not shown:
            continue
        item = {"id": entry.id, "value": candidate.value, "unit": entry.unit}
        growth = find_change_pct(candidate.change_pct, simplified(quote)) if candidate.change_pct is not None else None
        if growth is not None and growth.found:
            item["change_pct"] = candidate.change_pct
            if growth.hedges:  # 增长约15%: the growth's own hedge
                item["change_qualifier"] = growth.hedges[0]
        if hedge:
            item["qualifier"] = hedge
        if clause.period:
            item["period"] = period_named(clause.period)
        if clause.scope and not candidate.park_in_brackets:
            item["scope"] = _verbatim(clause.scope, paragraph, matching[clause.paragraph])
        item.update(source=source_id, quote=quote)
        item = proof.indicator(_ordered(proof.complete(item, item["value"], item["unit"])))
        if item is not None:
            drafted.append((item, candidate))
    for item, row in _row_candidates(read_tables(lines, year), names, year):
        item.update(source=source_id, quote=row.text)
        item = proof.indicator(_ordered(proof.complete(item, item["value"], item["unit"])))
        if item is not None:
            drafted.append((item, None))
    for item in _ranked_items(matching, proof.catalogue, own, cut):
        item.update(source=source_id)
        item = proof.indicator(_ordered(proof.complete(item, item["value"], item["unit"])))
        if item is not None:
            drafted.append((item, None))

    # 2. One entry per indicator: the whole year and park first; of those, a figure the text tells before one a
    #    headline tells (营业收入首次突破千亿元 as a title) and an exact figure before a hedged one (1036.8亿元
    #    before 突破千亿元); else the first part given.
    indicators: dict[str, dict] = {}
    matched_names: dict[str, str] = {}
    consumed: set[tuple[int, int]] = set()
    parts = {(item["id"], item["value"]) for item, _ in drafted if not _whole(item)}

    def named(candidate: Candidate) -> bool:
        clause = candidate.clause
        return told_of_the_park(read[clause.paragraph][clause.sentence], clause.index, own)

    filled = _filled_bounds(drafted)
    for item, candidate in sorted(drafted, key=lambda pair: _preference(*pair, paragraphs, parts, named, filled)):
        chosen = indicators.get(item["id"])
        if chosen is not None:
            same = chosen["value"] == item["value"] and _whole(chosen) == _whole(item)
            if same and "change_pct" in item and "change_pct" not in chosen:
                # The same figure told again with its 同比 (a table's row after the prose): the fuller telling.
                indicators[item["id"]] = item
                if candidate is not None:
                    matched_names[item["id"]] = candidate.matched
            if same and candidate is not None:  # the same figure told again (a lead, a box)
                consumed.add((candidate.clause.key, candidate.token.start))
                if candidate.growth_key and chosen.get("change_pct") == item.get("change_pct"):
                    consumed.add(candidate.growth_key)
            continue
        indicators[item["id"]] = item
        if candidate is not None:
            matched_names[item["id"]] = candidate.matched
            consumed.add((candidate.clause.key, candidate.token.start))
            if "change_pct" in item and candidate.growth_key:
                consumed.add(candidate.growth_key)
    ordered = sorted(indicators.values(), key=lambda item: [pair[0] for pair in drafted].index(item))

    # 3. Every other number: a target where the clause sets a goal for this year or a later one, else a fact.
    facts: list[dict] = []
    goals: list[dict] = []
    for sentences in read:
        for clauses in sentences:
            previous: tuple[Clause, dict] | None = None  # the fact of the clause before, for its 同比
            told: Clause | None = None  # the clause before, when all it told went into indicators
            for clause in clauses:
                rest = [t for t in clause.tokens if (clause.key, t.start) not in consumed]
                if _none_of_the_parks(clause, own):
                    rest = []
                if not rest:
                    previous = None
                    told = clause if clause.tokens and not _none_of_the_parks(clause, own) else None
                    continue
                start = clause.start
                if previous is None and told is not None and _tells_more(clause):
                    # 全年申请专利1.4万件(an indicator),约占全市50%: the share's fact shows what it is a share of.
                    start = told.start if len(_to_clause_end(cut, clause, told.start)) <= _MAX_QUOTE else clause.start
                told = None
                quote = _to_clause_end(cut, clause, start)
                if previous is not None and (_only_growth(clause, rest) or _tells_more(clause)):
                    # 主园区实现营业收入1508.2亿元,同比增长10.3%; 全年申请专利1.4万件,约占全市50%; 新认定高新技术企业
                    # 161家,累计达832家: the rate, share or total belongs to the fact before it, which it tells more of.
                    before, fact = previous
                    joined = _to_clause_end(cut, clause, before.start)
                    lead = _lead(readable, clause.paragraph, before.start)
                    added = []
                    for token in rest:
                        figure = {"value": plain_number(token.number), "unit": unit_of(token)}
                        shown, hedge = _shows(figure["value"], figure["unit"], joined, lead)
                        if not shown:
                            break
                        if hedge:
                            figure["qualifier"] = hedge  # 增速近9%: the rate's own hedge
                        added.append(figure)
                    if added and len(added) == len(rest) and len(joined) <= _MAX_QUOTE:
                        fact.update(text=joined, quote=joined)
                        fact["figures"] += [figure for figure in added if figure not in fact["figures"]]
                        continue
                previous = None

                def verify(value, unit, quote=quote):
                    return _shows(value, unit, quote)[0]

                if sets_target(clause, year):
                    goals += targets(clause, rest, quote, names, units, source_id, year, verify)
                    continue
                figures = []
                for token in rest:
                    before = matching[clause.paragraph][clause.sentence_start : clause.start + token.start]
                    if year_of_fact_amount(before) not in (None, year):
                        continue  # 2023年营业收入…, 较2023年的1547.6亿元: another year's amount (as the check reads)
                    unit, value = unit_of(token), plain_number(token.number)
                    shown, hedge = _shows(value, unit, quote, _lead(paragraphs, clause.paragraph, start))
                    if not shown:
                        continue
                    figure = {"value": value, "unit": unit}
                    if hedge:
                        figure["qualifier"] = hedge
                    if figure not in figures:
                        figures.append(figure)
                if not figures:
                    continue
                sentence = "".join(c.text for c in clauses)
                fact = {"theme": theme(clause.text, sentence, clause.heading), "text": quote, "figures": figures}
                if clause.period:
                    fact["period"] = period_named(clause.period)
                if clause.scope:
                    fact["scope"] = _verbatim(clause.scope, paragraphs[clause.paragraph], matching[clause.paragraph])
                fact.update(source=source_id, quote=quote)
                if clause.year < year:  # kept so every number has an entry; a caveat for readers if kept
                    fact["note"] = f"原文此处讲的是{clause.year}年的情况。"
                elif note := _unit_note(clause, names):
                    fact["note"] = note
                facts.append(fact)
                previous = (clause, fact)
    # 4. What the checker refuses is left out (and noted): a draft passes `yearbook check` once reviewed.
    facts = [checked for fact in facts if (checked := proof.fact(_ordered(proof.complete(fact)))) is not None]
    goals = [goal for goal in goals if proof.passes("targets", goal)]
    data = {
        "park": park,
        "year": year,
        "summary": None,
        "sources": [source_id],
        "indicators": ordered,
        "facts": facts,
        "targets": goals,
    }
    return Draft(data, matched_names, proof.withheld)


def same_value(a, b) -> bool:
    """Whether two YAML numbers are the same amount (1642.3 and 1642.30)."""
    return to_decimal(a).normalize() == to_decimal(b).normalize()
