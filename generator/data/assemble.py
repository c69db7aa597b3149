"""Turn validated data into the yearbook model."""

from __future__ import annotations

from generator.cache import Paragraphs
from generator.data.load import RawData
from generator.data.model import (
    Fact,
    FactFigure,
    Figure,
    Indicator,
    Park,
    ParkYear,
    Quoted,
    Source,
    Target,
    Yearbook,
    alias_years_of,
    paragraphs_of,
)
from generator.data.validate import referenced_sources
from generator.reuse import NoReuse, Reuse


def _quoted(entry: dict, sources: dict[str, Source]) -> Quoted:
    paragraph = sources[entry["source"]].paragraph_of(entry["quote"])
    return Quoted(entry["source"], entry["quote"], paragraph, entry.get("note"))


def assemble(raw: RawData, reuse: Reuse | None = None, paragraphs: Paragraphs | None = None) -> Yearbook:
    """The yearbook of data that `validate` found sound (with `reuse`, unchanged files give the same objects; with
    `paragraphs`, kept between runs, a quote is not looked for again in the same text)."""
    reuse = reuse or NoReuse()
    indicators = reuse.get("indicators", None, (raw.indicators,), lambda: _indicators(raw.indicators.data))
    parks = {
        key: reuse.get("park", key, (doc,), lambda doc=doc: Park(**doc.data)) for key, doc in sorted(raw.parks.items())
    }
    sources = {
        key: reuse.get(
            "assembled source",
            key,
            (doc, raw.source_texts[key]),
            lambda key=key, doc=doc: _source(raw, key, doc, paragraphs),
        )
        for key, doc in sorted(raw.sources.items())
    }
    years = {}
    for (park, year_text), doc in sorted(raw.years.items()):
        referenced = reuse.get("referenced", doc.path, (doc,), lambda doc=doc: referenced_sources(doc.data))
        inputs = (doc, referenced, *(sources[s] for s in referenced))
        years[(park, int(year_text))] = reuse.get(
            "park year",
            (park, year_text),
            inputs,
            lambda park=park, year=int(year_text), doc=doc: _park_year(park, year, doc.data, sources),
        )
    return Yearbook(indicators, parks, sources, years)


def _indicators(entries: list[dict]) -> dict[str, Indicator]:
    return {
        e["id"]: Indicator(
            id=e["id"],
            name=e["name"],
            name_en=e["name_en"],
            unit=e["unit"],
            kind=e["kind"],
            definition=e["definition"],
            aliases=tuple(e.get("aliases", [])),
            headline=bool(e.get("headline", False)),
            alias_years=alias_years_of(e),
        )
        for e in entries
    }


def _source(raw: RawData, key: str, doc, paragraphs: Paragraphs | None) -> Source:
    data = dict(doc.data)
    data["covers"] = tuple(data.get("covers", ()))
    source = Source(paragraphs=paragraphs_of(raw.source_texts[key]), **data)
    if paragraphs is not None:
        source.share_paragraphs(paragraphs.of(raw.source_texts[key]))
    return source


def _park_year(park: str, year: int, data: dict, sources: dict[str, Source]) -> ParkYear:
    figures = [
        Figure(
            park,
            year,
            e["id"],
            e["value"],
            e["unit"],
            e.get("change_pct"),
            e.get("qualifier"),
            _quoted(e, sources),
            order,
            e.get("period"),
            e.get("scope"),
            e.get("change_qualifier"),
        )
        for order, e in enumerate(data.get("indicators") or [])
    ]
    facts = [
        Fact(
            park,
            year,
            e["theme"],
            e["text"],
            tuple(FactFigure(f["value"], f["unit"], f.get("qualifier")) for f in e["figures"]),
            _quoted(e, sources),
            order,
            e.get("period"),
            e.get("scope"),
        )
        for order, e in enumerate(data.get("facts") or [])
    ]
    targets = [
        Target(
            park,
            year,
            e["for_year"],
            e.get("indicator"),
            e["text"],
            e["value"],
            e["unit"],
            e["comparator"],
            _quoted(e, sources),
            order,
        )
        for order, e in enumerate(data.get("targets") or [])
    ]
    used = data.get("sources") or sorted({f.origin.source for f in [*figures, *facts, *targets]})
    return ParkYear(park, year, data.get("summary"), tuple(used), figures, facts, targets)
