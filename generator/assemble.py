"""Turn validated data into the yearbook model."""

from __future__ import annotations

from generator.load import RawData
from generator.model import (
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
    paragraphs_of,
)


def _quoted(entry: dict, sources: dict[str, Source]) -> Quoted:
    paragraph = sources[entry["source"]].paragraph_of(entry["quote"])
    return Quoted(entry["source"], entry["quote"], paragraph, entry.get("note"))


def assemble(raw: RawData) -> Yearbook:
    """The yearbook of data that `validate` found sound."""
    indicators = {
        e["id"]: Indicator(
            id=e["id"],
            name=e["name"],
            name_en=e["name_en"],
            unit=e["unit"],
            kind=e["kind"],
            definition=e["definition"],
            aliases=tuple(e.get("aliases", [])),
            headline=bool(e.get("headline", False)),
        )
        for e in raw.indicators.data
    }
    parks = {key: Park(**doc.data) for key, doc in sorted(raw.parks.items())}
    sources = {}
    for key, doc in sorted(raw.sources.items()):
        data = dict(doc.data)
        data["covers"] = tuple(data.get("covers", ()))
        sources[key] = Source(paragraphs=paragraphs_of(raw.source_texts[key]), **data)
    years = {}
    for (park, year_text), doc in sorted(raw.years.items()):
        data, year = doc.data, int(year_text)
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
        years[(park, year)] = ParkYear(park, year, data.get("summary"), tuple(used), figures, facts, targets)
    return Yearbook(indicators, parks, sources, years)
