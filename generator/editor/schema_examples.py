"""`yearbook schemas`: the ids, themes and units of data/ as `examples` in the JSON Schemas, for editors' completion.

The schemas check patterns, not membership (the checker knows the ids); `examples` only offers the values in use,
so a new park, source or theme is never refused by an editor's language server.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from generator.data.load import RawData

# Where each list goes: (schema file, path of keys to the field's schema, vocabulary).
_ENTRIES = ("indicators", "facts", "targets")
_FACT = ("properties", "facts", "items", "properties")
PLACES = [
    ("year.schema.json", ("properties", "park"), "parks"),
    ("year.schema.json", ("properties", "sources", "items"), "sources"),
    ("year.schema.json", ("properties", "indicators", "items", "properties", "id"), "indicators"),
    ("year.schema.json", ("properties", "indicators", "items", "properties", "unit"), "catalogue units"),
    ("year.schema.json", (*_FACT, "theme"), "themes"),
    ("year.schema.json", (*_FACT, "figures", "items", "properties", "unit"), "units"),
    ("year.schema.json", ("properties", "targets", "items", "properties", "indicator", "anyOf", 0), "indicators"),
    ("year.schema.json", ("properties", "targets", "items", "properties", "unit"), "units"),
    *[("year.schema.json", ("properties", entry, "items", "properties", "source"), "sources") for entry in _ENTRIES],
    ("source.schema.json", ("properties", "park"), "parks"),
    ("indicators.schema.json", ("items", "properties", "unit"), "catalogue units"),
]  # fmt: skip


def _entries(document, section: str) -> list[dict]:
    data = document.data if document is not None else None
    items = data.get(section) if isinstance(data, dict) else None
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _by_use(counts: Counter) -> list[str]:
    """Most used first, then in code-point order (stable across runs)."""
    return [value for value, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


def vocabulary(raw: RawData) -> dict[str, list[str]]:
    """The park and source ids, indicator ids, themes and units in use in a data folder."""
    catalogue = raw.indicators.data if raw.indicators is not None and isinstance(raw.indicators.data, list) else []
    catalogue = [entry for entry in catalogue if isinstance(entry, dict)]
    themes, units = Counter(), Counter()
    for document in raw.years.values():
        for fact in _entries(document, "facts"):
            themes.update([fact["theme"]] if isinstance(fact.get("theme"), str) else [])
            figures = fact.get("figures") if isinstance(fact.get("figures"), list) else []
            units.update(f["unit"] for f in figures if isinstance(f, dict) and isinstance(f.get("unit"), str))
        units.update(t["unit"] for t in _entries(document, "targets") if isinstance(t.get("unit"), str))
    return {
        "parks": sorted(raw.parks),
        "sources": sorted(raw.sources),
        "indicators": [e["id"] for e in catalogue if isinstance(e.get("id"), str)],
        "catalogue units": _by_use(Counter(e["unit"] for e in catalogue if isinstance(e.get("unit"), str))),
        "themes": _by_use(themes),
        "units": _by_use(units),
    }


def updated_schemas(schema_dir: Path, words: dict[str, list[str]]) -> dict[Path, str]:
    """The text of every schema file with its `examples` set from `words` (unchanged files included)."""
    schemas = {path: json.loads(path.read_text(encoding="utf-8")) for path in sorted(schema_dir.glob("*.json"))}
    for name, keys, kind in PLACES:
        node = schemas[schema_dir / name]
        for key in keys:
            node = node[key]
        node["examples"] = words[kind]
    return {path: json.dumps(schema, indent=2, ensure_ascii=False) + "\n" for path, schema in schemas.items()}
