"""Every rule of the data contract, checked over all files, problems collected together."""

from __future__ import annotations

from generator.data.drafts import unreviewed
from generator.data.load import RawData
from generator.data.model import Source, paragraphs_of
from generator.data.numbers import find_change_pct, find_figure
from generator.data.problems import Problem
from generator.data.quote_diff import describe_difference
from generator.data.schema import check_schema as schema_problems_of
from generator.data.schema import describe_value, field_name
from generator.data.sound import rule_problems, sound_part
from generator.data.suggest import did_you_mean
from generator.data.yamlsafe import Document
from generator.parallel import map_shares, share, worker_count
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


def _check_quote(report, location, entry, sources, source_ids):
    """The entry's source resolves and its quote stands verbatim in the source text."""
    source_id = entry["source"]
    if source_id not in source_ids:
        known = ", ".join(sorted(source_ids)) or "none"
        hint = did_you_mean(source_id, source_ids)
        report(location + ("source",), f"expected a source id ({known}), found '{source_id}'{hint}")
        return False
    source = sources.get(source_id)
    if source is None:
        return False  # its text or metadata has problems: already reported on those files
    if not source.contains(entry["quote"]):
        report(
            location + ("quote",),
            f"expected a verbatim passage of data/sources/{source_id}.txt "
            f"(spaces and line breaks aside), found {describe_value(entry['quote'])}"
            + describe_difference(entry["quote"], source),
        )
        return False
    return True


def _check_number(report, location, value, unit, quote, qualifier, hedged):
    match = find_figure(value, unit, quote)
    if not match.found:
        report(
            location + ("value",),
            f"expected {describe_value(value)} {unit} to stand in the quote, found it not: {match.reason}",
        )
        return
    if not hedged:
        return
    if qualifier is None and match.hedges:
        report(location + ("qualifier",), f"expected '{match.hedges[0]}' (the quote hedges the number), found null")
    elif qualifier is not None and qualifier not in match.hedges:
        found = "/".join(match.hedges) if match.hedges else "no hedge"
        report(
            location + ("qualifier",),
            f"expected the hedge to stand next to the number in the quote, found {found} instead of '{qualifier}'",
        )


def _check_year(document, key, raw, catalogue, parks, source_ids, sources, problems):
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
        if not _check_quote(report, location, entry, sources, source_ids):
            continue
        _check_number(
            report, location, entry["value"], entry["unit"], entry["quote"], entry.get("qualifier"), hedged=True
        )
        if entry.get("change_pct") is not None:
            match = find_change_pct(entry["change_pct"], entry["quote"])
            if not match.found:
                report(
                    location + ("change_pct",),
                    f"expected {entry['change_pct']}% to stand in the quote, found it not: {match.reason}",
                )
    for index, entry in enumerate(data.get("facts") or []):
        location = ("facts", index)
        if not _check_quote(report, location, entry, sources, source_ids):
            continue
        for number, figure in enumerate(entry["figures"]):
            _check_number(
                report,
                location + ("figures", number),
                figure["value"],
                figure["unit"],
                entry["quote"],
                figure.get("qualifier"),
                hedged=True,
            )
    for index, entry in enumerate(data.get("targets") or []):
        location = ("targets", index)
        if entry["for_year"] < data["year"]:
            report(
                location + ("for_year",),
                f"expected {data['year']} or later (the file's year), found {entry['for_year']}",
            )
        indicator_id = entry.get("indicator")
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
        if _check_quote(report, location, entry, sources, source_ids):
            _check_number(report, location, entry["value"], entry["unit"], entry["quote"], None, hedged=False)


_YEARS_PER_WORKER = 200  # below this, starting processes costs more than it saves


def validate(raw: RawData, reuse: Reuse | None = None) -> list[Problem]:
    """All problems of the data, parse problems included; empty when the data is sound.

    With `reuse`, a file is checked again only when it or a file it refers to changed.
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
        sound_sources.add(source_id)
    sources = _sources_from(raw, sound_sources, reuse)
    parks, source_ids = reuse.stable("parks", frozenset(parks)), reuse.stable("source ids", frozenset(source_ids))

    def year_inputs(document: Document) -> tuple:
        referenced = reuse.get("referenced", document.path, (document,), lambda: referenced_sources(document.data))
        return (document, raw.indicators, parks, source_ids, referenced, *(sources.get(s) for s in referenced))

    checked: dict[tuple[str, str], list[Problem]] = {}
    pending = []
    for key, document in sorted(raw.years.items()):
        if document is not None:
            found, result = reuse.lookup("year", key, year_inputs(document))
            if found:
                checked[key] = result
            else:
                pending.append((key, document))

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
                    lambda part, out, key=key: _check_year(part, key, raw, catalogue, parks, source_ids, sources, out),
                )
            results.append((key, found))
        return results

    # Year files are checked independently of each other: split them over the CPUs when there are many.
    shares = worker_count() if len(pending) >= _YEARS_PER_WORKER else 1
    for results in map_shares(check_years, shares):
        for key, found in results:
            checked[key] = reuse.store("year", key, year_inputs(raw.years[key]), found)
    for found in checked.values():
        problems += found
    problems += unreviewed(raw)  # drafts and placeholders (generator/data/drafts.py)
    return sorted(set(problems))
