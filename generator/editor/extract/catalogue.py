"""The indicator catalogue as the extractor needs it: ids, names, aliases and units."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.data.model import alias_years_of
from generator.data.yamlsafe import read_yaml


@dataclass(frozen=True)
class CatalogueEntry:
    """What the extractor needs of one indicator of data/indicators.yaml."""

    id: str
    name: str
    unit: str
    aliases: tuple[str, ...] = ()
    kind: str = "flow"
    alias_years: tuple[tuple[str, int | None, int | None], ...] = ()  # (alias, from, until) where known

    def alias_outside_its_years(self, wording: str, year: int) -> str | None:
        """'1991—2012' where `wording` is an alias reports used in those years only and `year` is not one of them."""
        for alias, first, last in self.alias_years:
            if alias == wording and not ((first or year) <= year <= (last or year)):
                return f"{first or ''}—{last or ''}"
        return None

    def alias_not_yet_used(self, wording: str, year: int) -> bool:
        """Whether `wording` is an alias whose meaning began after `year` (bare 高新技术企业 is a national one from
        2008; before, provinces certified their own): in that year the words name something else."""
        return any(alias == wording and first is not None and year < first for alias, first, _ in self.alias_years)


def read_catalogue(data: Path) -> tuple[list[CatalogueEntry], list[str]]:
    """The indicator catalogue of a data folder, and messages about what could not be read."""
    path = data / "indicators.yaml"
    shown = path.as_posix()
    document, problems = read_yaml(path, shown)
    if document is None:
        return [], [str(problem) for problem in problems]
    if not isinstance(document.data, list):
        return [], [f"{shown}:1: (document): the catalogue should be a list of indicators"]
    entries, messages = [], []
    for index, item in enumerate(document.data):
        fields = item if isinstance(item, dict) else {}
        if not all(isinstance(fields.get(key), str) and fields.get(key) for key in ("id", "name", "unit")):
            line = document.line((index,))
            messages.append(f"{shown}:{line}: [{index}]: skipped (it needs text in id, name and unit)")
            continue
        aliases = tuple(a for a in fields.get("aliases") or [] if isinstance(a, str) and a)
        kind = fields.get("kind") if isinstance(fields.get("kind"), str) else "flow"
        entries.append(
            CatalogueEntry(fields["id"], fields["name"], fields["unit"], aliases, kind, alias_years_of(fields))
        )
    return entries, messages
