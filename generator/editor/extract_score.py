"""Score the extractor against the curated year files: precision and recall of (indicator, value, unit)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from generator.data.numbers import to_decimal
from generator.data.yamlsafe import read_yaml
from generator.editor.extract import CatalogueEntry, extract

Triple = tuple[str, Decimal, str]


@dataclass
class FileScore:
    """The score of one curated year file."""

    park: str
    year: int
    curated: set[Triple] = field(default_factory=set)
    drafted: set[Triple] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)

    @property
    def hits(self) -> set[Triple]:
        return self.curated & self.drafted

    @property
    def precision(self) -> float:
        return len(self.hits) / len(self.drafted) if self.drafted else 1.0

    @property
    def recall(self) -> float:
        return len(self.hits) / len(self.curated) if self.curated else 1.0


def _triple(entry) -> Triple | None:
    if not isinstance(entry, dict):
        return None
    indicator, value, unit = entry.get("id"), entry.get("value"), entry.get("unit")
    if not isinstance(indicator, str) or not isinstance(unit, str) or isinstance(value, bool):
        return None
    try:
        return indicator, to_decimal(value).normalize(), unit
    except (InvalidOperation, TypeError, ValueError):
        return None


def score_file(data: Path, path: Path, catalogue: list[CatalogueEntry]) -> FileScore | None:
    """Run the extractor in memory on the sources of one curated year file and compare."""
    if not path.stem.isdigit():
        return None
    park, year = path.parent.name, int(path.stem)
    result = FileScore(park, year)
    document, problems = read_yaml(path, path.as_posix())
    if document is None or not isinstance(document.data, dict):
        result.problems += [str(p) for p in problems] or [f"{path.as_posix()}:1: (document): not a mapping"]
        return result
    curated_entries = document.data.get("indicators") or []
    result.curated = {t for t in map(_triple, curated_entries if isinstance(curated_entries, list) else []) if t}
    sources = [s for s in document.data.get("sources") or [] if isinstance(s, str)]
    for entry in curated_entries if isinstance(curated_entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("source"), str) and entry["source"] not in sources:
            sources.append(entry["source"])
    for source_id in sources:
        text_path = data / "sources" / f"{source_id}.txt"
        try:
            text = text_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            result.problems.append(f"{text_path.as_posix()}: source text not readable ({error})")
            continue
        draft = extract(text, source_id, catalogue, park, year)
        result.drafted |= {t for t in map(_triple, draft.data["indicators"]) if t}
    return result


def score_all(data: Path, catalogue: list[CatalogueEntry]) -> list[FileScore]:
    """Scores of every curated year file under data/years, in path order."""
    scores = []
    for path in sorted((data / "years").glob("*/*.yaml")):
        score = score_file(data, path, catalogue)
        if score is not None:
            scores.append(score)
    return scores


def _show(triple: Triple) -> str:
    indicator, value, unit = triple
    return f"{indicator} {format(value, 'f')} {unit}"


def report(scores: list[FileScore], details: bool = False) -> list[str]:
    """The lines `yearbook score-extraction` prints: one per file, then the total."""
    lines = []
    hits = drafted = curated = 0
    for score in scores:
        lines.append(
            f"{score.park}/{score.year}: precision {score.precision:.0%} ({len(score.hits)}/{len(score.drafted)}), "
            f"recall {score.recall:.0%} ({len(score.hits)}/{len(score.curated)})"
        )
        lines += [f"  ! {problem}" for problem in score.problems]
        if details:
            by_id = {t[0]: t for t in score.curated}
            for triple in sorted(score.curated - score.drafted):
                lines.append(f"  missed: {_show(triple)}")
            for triple in sorted(score.drafted - score.curated):
                why = f" (curated: {_show(by_id[triple[0]])})" if triple[0] in by_id else " (not curated)"
                lines.append(f"  extra:  {_show(triple)}{why}")
        hits, drafted, curated = hits + len(score.hits), drafted + len(score.drafted), curated + len(score.curated)
    precision = hits / drafted if drafted else 1.0
    recall = hits / curated if curated else 1.0
    lines.append(f"total: precision {precision:.1%} ({hits}/{drafted}), recall {recall:.1%} ({hits}/{curated})")
    return lines


def totals(scores: list[FileScore]) -> tuple[float, float]:
    """Overall (precision, recall)."""
    hits = sum(len(s.hits) for s in scores)
    drafted = sum(len(s.drafted) for s in scores)
    curated = sum(len(s.curated) for s in scores)
    return (hits / drafted if drafted else 1.0), (hits / curated if curated else 1.0)
