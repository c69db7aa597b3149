"""Every rule of the data contract, checked over all files, problems collected together."""

from __future__ import annotations

from generator.cache import Proofs, digest
from generator.data.binding import PLANNED, bind_indicator
from generator.data.drafts import unreviewed
from generator.data.load import RawData
from generator.data.model import Source, paragraphs_of
from generator.data.problems import Problem
from generator.data.prose import note_problems, profile_problems, summary_problems, text_problems, unit_problem
from generator.data.quote_diff import describe_difference
from generator.data.schema import check_schema as schema_problems_of
from generator.data.schema import describe_value, field_name
from generator.data.sound import rule_problems, sound_part
from generator.data.suggest import did_you_mean
from generator.data.yamlsafe import Document
from generator.parallel import map_shares, share, worker_count
from generator.reading.clauses import (
    clause_bounds,
    counted_when_written,
    months_past_when_written,
    year_of_this_year,
)
from generator.reading.hedges import comparator_problem, growth_hedges, hedges_of, qualifier_problem
from generator.reading.names import longer_names
from generator.reading.numbers import INVISIBLE, NumberToken, figure_token, find_figure
from generator.reading.parts import (
    ALL_TAXES,
    about_another_park,
    budget_taxes,
    forecast_opening,
    items_governed,
    own_places,
    park_told,
    period_key,
    periods_in,
    scopes_in,
    scopes_in_force,
    several_parks,
    total_over_years,
    total_since_the_start,
    year_of_amount,
    year_of_fact_amount,
    year_stated,
    zones_round_up,
)
from generator.reading.quotes import Context, context_of, invisible_in, prepare
from generator.reuse import NoReuse, Reuse


class _Reporter:
    """Collects problems for one document, resolving field locations to lines."""

    def __init__(self, document: Document, problems: list[Problem]):
        self.document, self.problems = document, problems

    def __call__(self, location: tuple, message: str) -> None:
        self.problems.append(Problem(self.document.path, self.document.line(location), field_name(location), message))


def _sources_from(raw: RawData, valid: set[str], reuse: Reuse) -> dict[str, Source]:
    sources = {}
    for source_id in valid:
        text = raw.source_texts.get(source_id)
        if text is not None:
            document = raw.sources[source_id]
            sources[source_id] = reuse.get(
                "source",
                source_id,
                (document, text),
                lambda data=document.data, text=text, id=source_id: Source(
                    id=id,
                    title=data["title"],
                    publisher=data["publisher"],
                    kind=data["kind"],
                    published=data["published"],
                    park=data["park"],
                    paragraphs=paragraphs_of(text),
                    covers=tuple(data.get("covers") or ()),
                    parks=tuple(data.get("parks") or ()),
                ),
            )
    return sources


def referenced_sources(data) -> tuple[str, ...]:
    """The source ids a year file names, read defensively (the file may not have passed its schema)."""
    ids: set[str] = set()
    if isinstance(data, dict):
        for section in ("indicators", "facts", "targets"):
            entries = data.get(section)
            for entry in entries if isinstance(entries, list) else []:
                if isinstance(entry, dict) and isinstance(entry.get("source"), str):
                    ids.add(entry["source"])
        named = data.get("sources")
        ids.update(name for name in (named if isinstance(named, list) else []) if isinstance(name, str))
    return tuple(sorted(ids))


def _check_quote(report, location, entry, sources, source_ids, owner):
    """The entry's source resolves, belongs to the file's park and year, and its quote stands verbatim in it."""
    source_id = entry["source"]
    if source_id not in source_ids:
        known = ", ".join(sorted(source_ids)) or "none"
        hint = did_you_mean(source_id, source_ids)
        report(location + ("source",), f"expected a source id ({known}), found '{source_id}'{hint}")
        return None
    invisible = invisible_in(entry["quote"])
    if invisible:
        report(location + ("quote",), f"expected visible text, found {invisible} inside the quote (delete it)")
        return None
    source = sources.get(source_id)
    if source is None:
        return None  # its text or metadata has problems: already reported on those files
    if owner is None:
        pass  # the file's park or year is wrong or unknown (reported on it): nothing to match the source against
    elif source.park != owner[0] and owner[0] not in source.parks:
        report(
            location + ("source",),
            f"expected a source of {owner[0]} (this file's park), found '{source_id}', a source of {source.park}",
        )
        return None
    elif owner[1] not in source.covers:
        covered = ", ".join(str(y) for y in source.covers) or "none"
        report(
            location + ("source",),
            f"expected a source whose covers lists {owner[1]} (this file's year), found '{source_id}' "
            f"(covers: {covered})",
        )
        return None
    if not source.contains(entry["quote"]):
        report(
            location + ("quote",),
            f"expected a verbatim passage of data/sources/{source_id}.txt "
            f"(spaces and line breaks aside), found {describe_value(entry['quote'])}"
            + describe_difference(entry["quote"], source),
        )
        return None
    return context_of(source, entry["quote"], owner[1] if owner else None)


def _hedged_by(context: Context, token: NumberToken) -> str:
    """The words whose hedges bear on a quote's number, for an indicator's value and a fact's figures alike: the lead
    of the list the quote is an item of, 预计 opening its sentence, which governs the ；-items too (初步预计,2017年…;
    社会消费品零售总额92.78亿元), and the quote's words before the number (parts.items_governed)."""
    governing = context.list_lead + (context.opening if forecast_opening(context.opening) else "")
    return governing + items_governed(context.before(token.start))


def _check_number(report, location, value, unit, quote, qualifier, hedged, context: Context | None = None):
    """The number stands whole in the quote with its unit; a hedged one records its hedge. Returns its token."""
    token = figure_token(value, unit, context.quote if context else prepare(quote))
    if token is None:
        reason = find_figure(value, unit, quote).reason or "its digits stand apart (a space inside the number)"
        report(
            location + ("value",),
            f"expected {describe_value(value)} {unit} to stand in the quote, found it not: {reason}",
        )
        return None
    if token.in_range:
        report(location + ("value",), f"expected a single amount, found a range ending in {value} {unit}")
    if hedged:
        hedges = hedges_of(token, _hedged_by(context, token) if context else "")
        problem = qualifier_problem(qualifier, hedges)
        if problem:
            report(location + ("qualifier",), problem)
    return token


def _check_year_of(report, location, token: NumberToken, context: Context, year: int) -> None:
    """The amount is given for the file's year, not another one the sentence names before it (or a table's header
    names over its column)."""
    cell = context.cell_ending(token.end)
    stated = cell.column.year if cell is not None and cell.column.year else year_of_amount(context.before(token.start))
    if stated is None:  # 今年1—6月,… on a page written the year after: that year's (clauses.year_of_this_year)
        stated = year_of_this_year(context.before(token.start), context.written, context.month, year)
    if stated is None and cell is None and not context.lead.strip():
        # 13、高新开发区, 278.6亿: an item of a ranking whose lead line names its year (2021年…各区县GDP排名:).
        ranking = context.ranking
        stated = year_of_amount(ranking) if ranking else None
    if stated is None and cell is None:  # 1至6月,… on a page of July of the year after (clauses.months_past_…)
        stated = months_past_when_written(context.before(token.start), year, context.written, context.month)
    if stated is None and cell is None:
        sentence, at = context.sentence, len(context.lead) + token.start
        start, end = clause_bounds(sentence, at)
        title, _, before = context.setting.partition("\n")
        read = (sentence[start:end], before + sentence[:start], title, context.section_heading)
        if counted_when_written(*read, year, context.written, context.month):
            stated = year + 1  # a count of the time of writing, on a page written well into the year after
    if stated is not None and stated != year:
        report(location + ("value",), f"expected an amount for {year} (the file's year), found it given for {stated}")


def _check_fact_year(report, location, token: NumberToken, context: Context, year: int) -> None:
    """A fact's number is given for the file's year, as an indicator's is: not another year's amount that the
    sentence dates before it (2015年新增12家, 较2015年的12家) or a table's column heads; a ranking's edition in
    brackets dates the ranking, not the amount."""
    cell = context.cell_ending(token.end)
    before = context.before(token.start)
    stated = cell.column.year if cell is not None and cell.column.year else year_of_fact_amount(before)
    if stated is not None and stated != year:
        report(location + ("value",), f"expected an amount for {year} (the file's year), found it given for {stated}")


def _check_part(report, location, entry, context: Context, upto: int) -> None:
    """The period and scope fields say what the quote's sentence says of the part of the year and of the park."""
    stated, in_table, in_passage = context.periods()
    period = entry.get("period")
    if period is None and stated:
        report(
            location + ("period",),
            f"expected period: {stated[0]} (the quote's sentence gives a part of the year), found none",
        )
    elif period is None and in_table:
        report(
            location + ("period",),
            f"expected period: {in_table[0]} (the table's caption or column gives a part of the year), found none",
        )
    elif period is None and in_passage:
        report(
            location + ("period",),
            f"expected period: {in_passage[0]} (the report's title, the head of its paragraph or the sentence before "
            "gives a part of the year), found none",
        )
    elif period is not None and period_key(period) not in {
        period_key(found)
        for found in periods_in(context.opening + context.lead + context.quote)
        + stated
        + in_table
        + in_passage
        + periods_in(context.setting)
        + list(context.titled)
    }:
        shown = "/".join(stated) or "no part of the year"
        report(location + ("period",), f"expected the quote's sentence to show the period {period}, found {shown}")
    named = scopes_in_force(context.before(upto))
    scope = entry.get("scope")
    if scope is None and named:
        report(
            location + ("scope",),
            f"expected scope: {named[0]} (the quote names a part of the park), found none",
        )
    elif scope is None and context.table_scope:
        report(
            location + ("scope",),
            f"expected scope: {context.table_scope} (the table's column names a part of the park), found none",
        )
    elif scope is None and context.carried_scope:
        report(
            location + ("scope",),
            f"expected scope: {context.carried_scope} (the sentence before tells of it, and this one goes on with no "
            "subject of its own), found none",
        )
    elif (
        scope is not None
        and prepare(scope) not in context.sentence
        and prepare(scope) not in (context.table_scope, context.carried_scope)
    ):
        shown = "/".join(scopes_in(context.sentence)) or "no part of the park"
        report(location + ("scope",), f"expected the quote's sentence to name {scope}, found {shown}")


def _check_growth_hedge(report, location, entry, binding) -> None:
    """change_qualifier records the hedge standing next to the growth (增长约15%), and only with a change_pct."""
    hedge = entry.get("change_qualifier")
    if entry.get("change_pct") is None:
        if hedge is not None:
            report(
                location + ("change_qualifier",),
                f"expected a change_pct for the hedge to bear on, found change_qualifier '{hedge}' without one",
            )
        return
    if binding.growth is None and not any(field == "change_pct" for field, _ in binding.problems):
        hedges = ()  # a table's % column: a bare cell
    elif binding.growth is None:
        return  # the growth itself is reported
    else:
        hedges = growth_hedges(binding.growth)
    problem = qualifier_problem(hedge, hedges, "growth")
    if problem:
        report(location + ("change_qualifier",), problem)


def _check_indicator(report, location, entry, indicator, context: Context, year: int, others=(), places=()) -> None:
    binding = bind_indicator(entry, indicator, context, others, places)
    for field, message in binding.problems:
        report(location + (field,), message)
    token = binding.token
    if token is None:
        return
    problem = qualifier_problem(entry.get("qualifier"), hedges_of(token, _hedged_by(context, token)))
    if problem:
        report(location + ("qualifier",), problem)
    _check_growth_hedge(report, location, entry, binding)
    _check_year_of(report, location, token, context, year)
    span = total_over_years(
        context.paragraph_before, context.opening + context.before(token.start), indicator.get("kind", "flow")
    )
    if span:
        report(location + ("value",), f"expected the year's amount, found a total over several years ({span}…)")
    elif entry.get("id") == ALL_TAXES and budget_taxes(
        context.previous + context.opening + context.lead, context.quote
    ):
        report(
            location + ("value",),
            "expected all the taxes collected in the park, found the taxes of a budget's revenue "
            "(其中税收收入 after 一般公共预算收入 or a bare 财政收入)",
        )
    elif (
        indicator.get("kind", "flow") == "flow"
        and entry.get("period") is None
        and (since := total_since_the_start(context.opening + context.before(token.start), context.quote[token.end :]))
    ):
        report(location + ("value",), f"expected the year's amount, found a total since the park began ({since}…)")
    place = park_told(context.paragraph_before + context.before(token.end)) or context.told_before
    if about_another_park(place, places):
        report(location + ("value",), f"expected the park's own amount, found another park's ({place}高新区…)")
    before = context.before(token.start)
    several = several_parks(context.paragraph_before, before, context.tied, context.host) or zones_round_up(
        before, context.quote[token.end :] + context.trail
    )
    if several:
        report(
            location + ("value",),
            f"expected the park's own amount, found that of several parks or an area ({several}…)",
        )
    _check_part(report, location, entry, context, token.end)
    if binding.area and entry.get("scope") is None:
        report(
            location + ("scope",),
            f"expected scope: {binding.area} (the quote names a part of the park), found none",
        )


def _check_indicator_entry(report, location, entry, indicator, sources, source_ids, owner, year, others=()) -> None:
    context = _check_quote(report, location, entry, sources, source_ids, owner)
    if context is None or indicator is None or entry["unit"] != indicator["unit"]:
        return
    if to_finite(entry["value"], entry.get("change_pct")):  # else the schema reports the NaN or infinity
        places = owner[2] if owner is not None and len(owner) > 2 else ()
        _check_indicator(report, location, entry, indicator, context, year, others, places)


def alias_year_problems(entry: dict) -> list[tuple[tuple, str]]:
    """What is wrong with an indicator's alias_years: a key that is not one of its aliases, years the wrong way."""
    found = []
    for alias, years in (entry.get("alias_years") or {}).items():
        if alias not in entry.get("aliases", []) and alias != entry.get("name"):
            message = f"expected the name or one of the aliases of {entry['id']}, found '{alias}'"
            found.append((("alias_years", alias), message))
        elif years.get("from", 0) > years.get("until", 9999):
            message = f"expected from before until, found from {years['from']} until {years['until']}"
            found.append((("alias_years", alias), message))
    return found


def other_names(catalogue: dict[str, dict], indicator_id: str) -> tuple[str, ...]:
    """The names and aliases of every catalogue indicator but one that hold one of its names (names.longer_names)."""
    own = catalogue[indicator_id]
    names = (
        name
        for key, entry in catalogue.items()
        if key != indicator_id
        for name in (entry["name"], *entry.get("aliases", []))
    )
    return longer_names([own["name"], *own.get("aliases", [])], names)


def _check_units(report, location, entry) -> None:
    """A fact's or a target's units are units, not bare multipliers (万, 亿)."""
    figures = entry.get("figures", [entry])
    for number, figure in enumerate(figures):
        problem = unit_problem(figure["unit"])
        if problem:
            report(location + (("figures", number, "unit") if "figures" in entry else ("unit",)), problem)


def _check_text(report, location, section, entry) -> None:
    """The numbers of a fact's or a target's text are its own (docs/guide.md: the editor's prose)."""
    for problem in text_problems(section, entry):
        report(location + ("text",), problem)


def _check_fact_entry(report, location, entry, sources, source_ids, owner) -> None:
    _check_units(report, location, entry)
    _check_text(report, location, "facts", entry)
    context = _check_quote(report, location, entry, sources, source_ids, owner)
    if context is None:
        return
    for number, figure in enumerate(entry["figures"]):
        token = _check_number(
            report,
            location + ("figures", number),
            figure["value"],
            figure["unit"],
            entry["quote"],
            figure.get("qualifier"),
            hedged=True,
            context=context,
        )
        if token is not None and owner is not None:
            _check_fact_year(report, location + ("figures", number), token, context, owner[1])
    _check_part(report, location, entry, context, len(context.quote))


def _check_target_entry(report, location, entry, sources, source_ids, owner, indicator=None, others=()) -> None:
    _check_units(report, location, entry)
    _check_text(report, location, "targets", entry)
    context = _check_quote(report, location, entry, sources, source_ids, owner)
    if context is None:
        return
    if indicator is not None and entry["unit"] == indicator["unit"] and to_finite(entry["value"]):
        _check_target_indicator(report, location, entry, indicator, context, others, owner)
    token = _check_number(
        report, location, entry["value"], entry["unit"], entry["quote"], None, hedged=False, context=context
    )
    if token is not None:
        problem = comparator_problem(entry["comparator"], token)
        if problem:
            report(location + ("comparator",), problem)
        stated = year_stated(context.before(token.start))
        if stated is not None and stated != entry["for_year"]:
            report(
                location + ("for_year",),
                f"expected for_year {stated} (the year the quote sets the goal for), found {entry['for_year']}",
            )


def _check_target_indicator(report, location, entry, indicator, context: Context, others, owner) -> None:
    """A target's indicator is proven as an indicator's is: the quote names it and the name governs the value (分别
    pairs names and amounts in order); only that the amount is a plan is no fault of a target."""
    places = owner[2] if owner is not None and len(owner) > 2 else ()
    goal = {"value": entry["value"], "unit": entry["unit"]}
    for field, message in bind_indicator(goal, indicator, context, others, places).problems:
        if field in ("quote", "value") and not message.endswith(PLANNED):
            report(location + (field,), message)


def entry_problems(section: str, entry: dict, source: Source, owner: tuple[str, int], catalogue: dict) -> list[str]:
    """The problems of one entry of a year file quoting `source`, as `field: message` (the rules without files)."""
    found: list[str] = []

    def report(location: tuple, message: str) -> None:
        found.append(f"{field_name(location)}: {message}")

    sources, ids, location = {source.id: source}, {source.id}, (section, 0)
    if section == "indicators":
        indicator = catalogue[entry["id"]]
        others = other_names(catalogue, entry["id"])
        _check_indicator_entry(report, location, entry, indicator, sources, ids, owner, owner[1], others)
    elif section == "facts":
        _check_fact_entry(report, location, entry, sources, ids, owner)
    else:
        indicator = catalogue.get(entry.get("indicator"))
        others = other_names(catalogue, entry["indicator"]) if indicator else ()
        _check_target_entry(report, location, entry, sources, ids, owner, indicator, others)
    return found


def _check_year(document, key, raw, catalogue, parks, source_ids, sources, problems, others_of=None, places=()):
    report = _Reporter(document, problems)
    data = document.data
    park_id, year_text = key
    if data["park"] != park_id:
        report(("park",), f"expected '{park_id}' (the folder name), found '{data['park']}'")
    if str(data["year"]) != year_text:
        report(("year",), f"expected {year_text} (the file name), found {data['year']}")
    if data["park"] not in parks:
        report(("park",), f"expected a park with a file in data/parks/, found '{data['park']}'")
    for index, source_id in enumerate(data.get("sources") or []):
        if source_id not in source_ids:
            report(("sources", index), f"expected a source id, found '{source_id}'")
    # The source of each entry must be of this park and cover this year, once both are known to be right.
    consistent = data["park"] == park_id and str(data["year"]) == year_text and park_id in parks
    owner = (park_id, data["year"], places) if consistent else None
    seen: dict[str, int] = {}
    for index, entry in enumerate(data.get("indicators") or []):
        location = ("indicators", index)
        indicator = catalogue.get(entry["id"])
        if indicator is None:
            report(location + ("id",), f"expected an indicator id of data/indicators.yaml, found '{entry['id']}'")
        elif entry["unit"] != indicator["unit"]:
            report(
                location + ("unit",),
                f"expected '{indicator['unit']}' (the catalogue unit of {entry['id']}), found '{entry['unit']}'",
            )
        if entry["id"] in seen:
            report(
                location + ("id",),
                f"expected one entry per indicator, found '{entry['id']}' again "
                f"(first at indicators[{seen[entry['id']]}])",
            )
        seen.setdefault(entry["id"], index)
        if indicator is None:
            others = ()
        else:
            others = others_of[entry["id"]] if others_of else other_names(catalogue, entry["id"])
        _check_indicator_entry(report, location, entry, indicator, sources, source_ids, owner, data["year"], others)
    for index, entry in enumerate(data.get("facts") or []):
        location = ("facts", index)
        _check_fact_entry(report, location, entry, sources, source_ids, owner)
    for index, entry in enumerate(data.get("targets") or []):
        location = ("targets", index)
        if entry["for_year"] < data["year"]:
            report(
                location + ("for_year",),
                f"expected {data['year']} or later (the file's year), found {entry['for_year']}",
            )
        indicator_id = entry.get("indicator")
        indicator, others = None, ()
        if indicator_id is not None:
            indicator = catalogue.get(indicator_id)
            if indicator is None:
                report(
                    location + ("indicator",),
                    f"expected an indicator id of data/indicators.yaml or null, found '{indicator_id}'",
                )
            elif entry["unit"] != indicator["unit"]:
                report(
                    location + ("unit",),
                    f"expected '{indicator['unit']}' (the catalogue unit of {indicator_id}), found '{entry['unit']}'",
                )
            if indicator is not None:
                others = others_of[indicator_id] if others_of else other_names(catalogue, indicator_id)
        _check_target_entry(report, location, entry, sources, source_ids, owner, indicator, others)
    for problem in summary_problems(data):
        report(("summary",), problem)
    for location, problem in note_problems(data):
        report(location, problem)


def to_finite(*numbers) -> bool:
    """Whether every given number (None aside) is finite."""
    return all(n is None or n == n and n not in (float("inf"), float("-inf")) for n in numbers)


def _invisible_in_text(path: str, text: str) -> list[Problem]:
    """Invisible characters in an archived text, one problem per line that has them."""
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        if INVISIBLE.search(line):
            found = invisible_in(line)
            problems.append(Problem(path, number, "(text)", f"expected visible text, found {found} (delete it)"))
    return problems


def _proof_key(document: Document, raw: RawData, shared: str, sound_sources: set[str]) -> str:
    """The key of a year file's check: the bytes of every file it reads (itself, the catalogue, the reports it
    quotes with their metadata), the parks and sources there are, and which of its reports are sound."""
    reports = []
    for source in referenced_sources(document.data):
        metadata = raw.sources.get(source)
        text = raw.source_texts.get(source)
        reports += [source, str(source in sound_sources), metadata.text if metadata else "\0", text or "\0"]
    park = _park_of(document, raw)
    return digest("year", shared, document.path, document.text, park.text if park else "\0", *reports)


def _park_of(document: Document, raw: RawData) -> Document | None:
    """The park file of the park a year file names, which its check reads for the park's names."""
    return raw.parks.get(document.data.get("park")) if isinstance(document.data, dict) else None


_YEARS_PER_WORKER = 200  # below this, starting processes costs more than it saves


def validate(raw: RawData, reuse: Reuse | None = None, proofs: Proofs | None = None) -> list[Problem]:
    """All problems of the data, parse problems included; empty when the data is sound.

    With `reuse`, a file is checked again only when it or a file it refers to changed. With `proofs` (kept on disk
    between runs), a year file whose bytes, and the bytes of every file its check reads, are those of a file proved
    before is not proved again.
    """
    reuse = reuse or NoReuse()

    def check_schema(document: Document, kind: str) -> list[Problem]:
        return reuse.get("schema", document.path, (document,), lambda: schema_problems_of(document, kind))

    problems = list(raw.problems)
    catalogue: dict[str, dict] = {}
    if raw.indicators is not None:
        schema_problems = check_schema(raw.indicators, "indicators")
        problems += schema_problems

        def check_catalogue(part, found):  # on the entries whose id, names and unit passed the schema
            report = _Reporter(part, found)
            names: dict[str, str] = {}
            for index, entry in enumerate(part.data):
                if entry["id"] in catalogue:
                    report((index, "id"), f"expected each id once, found '{entry['id']}' again")
                catalogue.setdefault(entry["id"], entry)
                named = [((index, "name"), entry["name"])]
                named += [((index, "aliases", k), alias) for k, alias in enumerate(entry.get("aliases", []))]
                for location, name in named:
                    if names.setdefault(name, entry["id"]) != entry["id"]:
                        unique = "expected names and aliases to be unique"
                        report(location, f"{unique}, found '{name}' also on {names[name]}")
                for problem in profile_problems("definition", entry.get("definition"), "indicator"):
                    report((index, "definition"), problem)
                problem = unit_problem(entry["unit"])
                if problem:
                    report((index, "unit"), problem)
                for location, message in alias_year_problems(entry):
                    report((index, *location), message)

        problems += rule_problems(raw.indicators, "indicators", schema_problems, check_catalogue)
    # A park or source whose file is there counts as known even when the file has problems of its own: those
    # are reported once, on that file, not again on every file that refers to it.
    parks: set[str] = set(raw.parks)
    for park_id, document in raw.parks.items():
        if document is None:
            continue
        schema_problems = check_schema(document, "park")
        problems += schema_problems
        if sound_part(document, "park", schema_problems) and document.data["id"] != park_id:
            found = document.data["id"]
            _Reporter(document, problems)(("id",), f"expected '{park_id}' (the file name), found '{found}'")
        if sound_part(document, "park", schema_problems):
            for problem in profile_problems("description", document.data.get("description"), "park"):
                _Reporter(document, problems)(("description",), problem)
    source_ids: set[str] = set(raw.sources)
    sound_sources: set[str] = set()
    for source_id, document in raw.sources.items():
        if document is None:
            continue
        schema_problems = check_schema(document, "source")
        problems += schema_problems
        if sound_part(document, "source", schema_problems) is None:
            continue
        report = _Reporter(document, problems)
        if document.data["id"] != source_id:
            report(("id",), f"expected '{source_id}' (the file name), found '{document.data['id']}'")
        if document.data["park"] not in parks:
            report(("park",), f"expected a park with a file in data/parks/, found '{document.data['park']}'")
        names = tuple(str(document.data.get(field) or "") for field in ("title", "publisher"))
        for problem in profile_problems("note", document.data.get("note"), "source", names):
            report(("note",), problem)
        text = raw.source_texts.get(source_id)
        if text is not None and INVISIBLE.search(text):
            problems += _invisible_in_text(document.path[: -len(".yaml")] + ".txt", text)
            continue
        sound_sources.add(source_id)
    parks, source_ids = reuse.stable("parks", frozenset(parks)), reuse.stable("source ids", frozenset(source_ids))
    checked: dict[tuple[str, str], list[Problem]] = {}
    pending = []
    if proofs is not None:
        proof_keys = {}
        # What every year file's check reads besides its own files, hashed once.
        shared = digest(
            raw.indicators.text if raw.indicators is not None else "\0", *sorted(parks), "\0", *sorted(source_ids)
        )
        for key, document in sorted(raw.years.items()):
            if document is None:
                continue
            proof_keys[key] = _proof_key(document, raw, shared, sound_sources)
            stored = proofs.recall(proof_keys[key])
            if stored is None:
                pending.append((key, document))
            else:
                checked[key] = [Problem(*problem) for problem in stored]
        # Only the reports quoted by the files to prove are read into paragraphs.
        wanted = {source for _, document in pending for source in referenced_sources(document.data)}
        sources = _sources_from(raw, sound_sources & wanted, reuse)
    else:
        sources = _sources_from(raw, sound_sources, reuse)

    def year_inputs(document: Document) -> tuple:
        referenced = reuse.get("referenced", document.path, (document,), lambda: referenced_sources(document.data))
        return (
            document, raw.indicators, parks, source_ids, _park_of(document, raw), referenced,
            *(sources.get(s) for s in referenced),
        )  # fmt: skip

    for key, document in sorted(raw.years.items()) if proofs is None else ():
        if document is not None:
            found, result = reuse.lookup("year", key, year_inputs(document))
            if found:
                checked[key] = result
            else:
                pending.append((key, document))

    others_of = {indicator_id: other_names(catalogue, indicator_id) for indicator_id in catalogue}

    def places_of(park_id: str) -> tuple[str, ...]:
        """The park's places, as the reading tells a passage about another park (parts.about_another_park)."""
        document = raw.parks.get(park_id)
        data = document.data if document is not None and isinstance(document.data, dict) else {}
        return own_places(str(data.get(field) or "") for field in ("name", "short_name"))

    def check_years(index: int) -> list[tuple[tuple[str, str], list[Problem]]]:
        results = []
        for key, document in share(pending, index, shares):
            found: list[Problem] = []
            schema_problems = check_schema(document, "year")
            found += schema_problems
            if not key[1].isdigit():
                found.append(
                    Problem(document.path, 1, "(file)", f"expected a file named <year>.yaml, found '{key[1]}'")
                )
            else:  # the entries that passed the schema are checked too: one run shows every problem
                found += rule_problems(
                    document,
                    "year",
                    schema_problems,
                    lambda part, out, key=key: _check_year(
                        part, key, raw, catalogue, parks, source_ids, sources, out, others_of, places_of(key[0])
                    ),
                )
            results.append((key, found))
        return results

    # Year files are checked independently of each other: split them over the CPUs when there are many.
    shares = worker_count() if len(pending) >= _YEARS_PER_WORKER else 1
    for results in map_shares(check_years, shares):
        for key, found in results:
            if proofs is not None:
                proofs.remember(proof_keys[key], [[p.path, p.line, p.field, p.message] for p in found])
                checked[key] = found
            else:
                checked[key] = reuse.store("year", key, year_inputs(raw.years[key]), found)
    for found in checked.values():
        problems += found
    problems += unreviewed(raw)  # drafts and placeholders (generator/data/drafts.py)
    return sorted(set(problems))
