"""Score the extractor: precision and recall of (indicator, value, unit, period, scope), against the curated
year files or against report fixtures of invented parks with their expected figures.

Besides precision and recall, a score counts the drafted entries whose 同比 and hedge are right too, and
the figures of a part of the year or of the park (1—9月, 主园区) drafted as the park's year: the one
mistake a reader cannot see on the page.

A fixture marked `held_out: true` is one no rule was written against: its score says how the extractor does on a
report it has not seen, so the fixtures are reported in two sets, written-against and held-out, never mixed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from generator.data.yamlsafe import Document, read_yaml
from generator.editor.archive import park_names, source_published
from generator.editor.extract import CatalogueEntry, extract
from generator.reading.english import english_words
from generator.reading.numbers import to_decimal
from generator.reading.parts import period_key, periods_in
from generator.reading.script import simplified

Key = tuple[str, Decimal, str, str | None, str | None]  # indicator, value, unit, period, scope
_DASHES = re.compile(r"\s*[-—–~至到]\s*")


@dataclass
class FileScore:
    """The score of one curated year file or one fixture."""

    park: str
    year: int
    label: str = ""
    held_out: bool = False  # a fixture no extraction rule was written against
    curated: set[Key] = field(default_factory=set)
    drafted: set[Key] = field(default_factory=set)
    exact_expected: set[Key] = field(default_factory=set)  # expected keys whose 同比 and hedge were right too
    partial_as_year: list[str] = field(default_factory=list)  # parts of the year or park drafted as the year
    results_as_targets: list[str] = field(default_factory=list)  # earlier results filed as goals
    problems: list[str] = field(default_factory=list)

    @property
    def hits(self) -> set[Key]:
        return self.curated & self.drafted

    @property
    def precision(self) -> float:
        return len(self.hits) / len(self.drafted) if self.drafted else 1.0

    @property
    def recall(self) -> float:
        return len(self.hits) / len(self.curated) if self.curated else 1.0


def _number(value) -> Decimal | None:
    if isinstance(value, bool):
        return None
    try:
        return to_decimal(value).normalize()
    except (InvalidOperation, TypeError, ValueError):
        return None


def _part(text) -> str | None:
    """A period or scope as compared: a period as the reading keys it (1-9月 = 1—9月 = 1至9月, 1月份 = 1月)."""
    if not isinstance(text, str) or not text.strip():
        return None
    text = simplified(text.strip())  # a part of the park as the report writes it: 區屬 is 区属
    english = english_words(text)  # first three quarters is 前三季度
    text = english if english is not None else text
    return period_key(text) if periods_in(text) else _DASHES.sub("-", text)


def _key(entry) -> Key | None:
    if not isinstance(entry, dict):
        return None
    indicator, unit, value = entry.get("id"), entry.get("unit"), _number(entry.get("value"))
    if not isinstance(indicator, str) or not isinstance(unit, str) or value is None:
        return None
    return indicator, value, unit, _part(entry.get("period")), _part(entry.get("scope"))


def _hedge(word) -> str | None:
    """A hedge as compared: 约为 and 约 record the same hedge (the checker takes either)."""
    return "约" if word == "约为" else word


def _details(entry: dict) -> tuple[Decimal | None, str | None, str | None]:
    change = entry.get("change_pct")
    number = _number(change) if change is not None else None
    return number, _hedge(entry.get("qualifier")), _hedge(entry.get("change_qualifier"))


def _compare(result: FileScore, expected: list, drafted: list, parts: list) -> None:
    """Fill a score from expected and drafted indicator entries and the parts that must not be the year."""
    result.curated = {k for k in map(_key, expected) if k}
    # A part drafted with its period or scope is what the editor noted it as (a part, not the year): neither right nor
    # an extra, so it leaves precision as it is.
    noted = {(part.get("id"), _number(part.get("value")), _part(part.get("period")), _part(part.get("scope")))
             for part in parts if isinstance(part, dict)}  # fmt: skip
    noted_only = {k for k in map(_key, drafted) if k and k not in result.curated and (k[0], k[1], k[3], k[4]) in noted}
    result.drafted = {k for k in map(_key, drafted) if k and k not in noted_only}
    by_key = {_key(entry): entry for entry in drafted if _key(entry)}
    for entry in expected:
        key = _key(entry)
        if key in by_key and _details(by_key[key]) == _details(entry):
            result.exact_expected.add(key)
    whole = {(k[0], k[1]) for k in result.drafted if k[3] is None and k[4] is None}
    for part in parts:
        value = _number(part.get("value")) if isinstance(part, dict) else None
        if value is not None and (part.get("id"), value) in whole:
            where = part.get("period") or part.get("scope") or "part"
            result.partial_as_year.append(f"{part.get('id')} {format(value, 'f')} ({where})")


# ---------------------------------------------------------------------------------------------
# Against the curated year files
# ---------------------------------------------------------------------------------------------


def score_file(data: Path, path: Path, catalogue: list[CatalogueEntry]) -> FileScore | None:
    """Run the extractor in memory on the sources of one curated year file and compare."""
    if not path.stem.isdigit():
        return None
    park, year = path.parent.name, int(path.stem)
    result = FileScore(park, year, f"{park}/{year}")
    document, problems = read_yaml(path, path.as_posix())
    if document is None or not isinstance(document.data, dict):
        result.problems += [str(p) for p in problems] or [f"{path.as_posix()}:1: (document): not a mapping"]
        return result
    curated_entries = document.data.get("indicators") or []
    curated_entries = curated_entries if isinstance(curated_entries, list) else []
    sources = [s for s in document.data.get("sources") or [] if isinstance(s, str)]
    for entry in curated_entries:
        if isinstance(entry, dict) and isinstance(entry.get("source"), str) and entry["source"] not in sources:
            sources.append(entry["source"])
    drafted: list[dict] = []
    names = park_names(data, park)  # as `yearbook extract` reads them
    for source_id in sources:
        text_path = data / "sources" / f"{source_id}.txt"
        try:
            text = text_path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            result.problems.append(f"{text_path.as_posix()}: source text not readable ({error})")
            continue
        published = source_published(data, source_id)
        drafted += extract(text, source_id, catalogue, park, year, names, published).data["indicators"]
    parts = [e for e in curated_entries if isinstance(e, dict) and (e.get("period") or e.get("scope"))]
    _compare(result, curated_entries, drafted, parts)
    return result


def score_all(data: Path, catalogue: list[CatalogueEntry]) -> list[FileScore]:
    """Scores of every curated year file under data/years, in path order."""
    scores = []
    for path in sorted((data / "years").glob("*/*.yaml")):
        score = score_file(data, path, catalogue)
        if score is not None:
            scores.append(score)
    return scores


# ---------------------------------------------------------------------------------------------
# Against report fixtures of invented parks
# ---------------------------------------------------------------------------------------------


def fixture_report(path: Path, url: str | None = None) -> tuple[str, str | None]:
    """A fixture report's text as `yearbook add-source` archives it, and the date `add-source --url` offers for it
    (its page's date line, else the date its address files it under), if any."""
    from generator.editor.archive import clean_report, date_in_address, page_metadata
    from generator.editor.formats import read_report

    raw = path.read_bytes()
    originals = (".html", ".htm", ".pdf", ".docx")
    page = read_report(path, raw).text if path.suffix.lower() in originals else raw.decode("utf-8")
    return clean_report(page), page_metadata(page).get("published") or (date_in_address(url) if url else None)


def expected_files(folder: Path) -> list[Path]:
    """The files that list a folder's fixtures and what a careful editor drafts from each: expected.yaml, then
    expected-2.yaml, expected-3.yaml, …, read as one list in that order (each kept under the YAML reader's size)."""
    more = [p for p in folder.glob("expected-*.yaml") if p.stem.removeprefix("expected-").isdigit()]
    return [folder / "expected.yaml", *sorted(more, key=lambda p: int(p.stem.removeprefix("expected-")))]


def expected_cases(folder: Path) -> tuple[list[tuple[Document, int, dict]], list[str]]:
    """Every case of a folder's expected files with its document and index there, and the problems of reading them."""
    cases, problems = [], []
    for path in expected_files(folder):
        document, found = read_yaml(path, path.as_posix())
        if document is None or not isinstance(document.data, list):
            problems += [str(p) for p in found] or [f"{path.as_posix()}:1: expected a list of reports"]
            continue
        cases += [(document, index, case) for index, case in enumerate(document.data) if isinstance(case, dict)]
    return cases, problems


def score_fixtures(folder: Path, catalogue: list[CatalogueEntry]) -> list[FileScore]:
    """Scores of every report listed in <folder>/expected.yaml and the files after it (expected_files)."""
    cases, problems = expected_cases(folder)
    if problems:
        score = FileScore("", 0, (folder / "expected.yaml").as_posix())
        score.problems = problems
        return [score]
    scores = []
    for document, index, case in cases:
        if not isinstance(case.get("file"), str):
            continue
        park, year = str(case.get("park", "park")), int(case.get("year", 0))
        held_out = case.get("held_out", False)
        score = FileScore(park, year, f"{case['file']} ({year}{', held out' if held_out is True else ''})")
        if not isinstance(held_out, bool):
            line = document.line((index, "held_out"))
            score.problems.append(
                f"{document.path}:{line}: [{index}].held_out: expected true or false, found {held_out!r}"
            )
        score.held_out = held_out is True
        try:
            text, published = fixture_report(folder / case["file"], case.get("url"))
        except Exception as error:  # noqa: BLE001 - any unreadable fixture is reported, not raised
            score.problems.append(f"{case['file']}: not readable ({error})")
            scores.append(score)
            continue
        names = (case["park_name"],) if isinstance(case.get("park_name"), str) else ()  # as `new park` records it
        draft = extract(text, "fixture", catalogue, park, year, names, published).data
        _compare(score, case.get("figures") or [], draft["indicators"], case.get("parts") or [])
        whole = {(k[0], k[1]) for k in score.drafted if k[3] is None and k[4] is None}
        growths = {(item["id"], _number(item["value"])): item.get("change_pct") for item in draft["indicators"]}
        # The amount of a figure the editor expects, told again as no figure (财政总收入突破100亿元, then 超过100亿 as a
        # rank): a draft of that amount is the figure.
        expected = {(k[0], k[1]) for k in score.curated if k[3] is None and k[4] is None}
        for wrong in case.get("not_figures") or []:
            value = _number(wrong.get("value"))
            key = (wrong.get("id"), value)
            # A wrong growth (保持着年30%的增幅 as the 同比) is wrong only when the draft carries it.
            if "change_pct" in wrong:
                wrong_here = growths.get(key) == wrong["change_pct"]
            else:
                wrong_here = key not in expected
            if key in whole and wrong_here:
                score.partial_as_year.append(f"{wrong.get('id')} {format(value, 'f')} (another measure)")
        goals = {(_number(t.get("value")), t.get("unit")) for t in draft["targets"]}
        for result in case.get("not_targets") or []:
            if (_number(result.get("value")), result.get("unit")) in goals:
                score.results_as_targets.append(f"{result.get('value')} {result.get('unit')}")
        scores.append(score)
    return scores


# ---------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------


def _show(key: Key) -> str:
    indicator, value, unit, period, scope = key
    where = "".join(f" [{part}]" for part in (period, scope) if part)
    return f"{indicator} {format(value, 'f')} {unit}{where}"


def report(scores: list[FileScore], details: bool = False, fixtures: bool = False) -> list[str]:
    """The lines `yearbook score-extraction` prints: one per file, then the total (for `fixtures`, the totals of
    the written-against and of the held-out fixtures apart)."""
    lines = []
    for score in scores:
        lines.append(
            f"{score.label}: precision {score.precision:.0%} ({len(score.hits)}/{len(score.drafted)}), "
            f"recall {score.recall:.0%} ({len(score.hits)}/{len(score.curated)}), "
            f"with 同比 and hedge right {len(score.exact_expected)}/{len(score.curated)}, "
            f"parts drafted as the year {len(score.partial_as_year)}"
        )
        lines += [f"  ! {problem}" for problem in score.problems]
        lines += [f"  ! part drafted as the year: {part}" for part in score.partial_as_year]
        lines += [f"  ! earlier result drafted as a target: {result}" for result in score.results_as_targets]
        if details:
            by_id = {k[0]: k for k in score.curated}
            for key in sorted(score.curated - score.drafted, key=str):
                lines.append(f"  missed: {_show(key)}")
            for key in sorted(score.drafted - score.curated, key=str):
                why = f" (expected: {_show(by_id[key[0]])})" if key[0] in by_id else " (not expected)"
                lines.append(f"  extra:  {_show(key)}{why}")
            for key in sorted(score.hits - score.exact_expected, key=str):
                lines.append(f"  同比 or hedge differs: {_show(key)}")
    if fixtures:
        written, held_out = split(scores)
        lines.append(_summary(f"written against ({len(written)} reports)", written))
        lines.append(
            _summary(f"held out ({len(held_out)} reports)", held_out)
            if held_out
            else "held out: no report (each fixture has had rules written against it)"
        )
    else:
        lines.append(_summary("total", scores))
    return lines


def _summary(name: str, scores: list[FileScore]) -> str:
    """One line of totals over `scores`."""
    precision, recall = totals(scores)
    hits = sum(len(s.hits) for s in scores)
    drafted = sum(len(s.drafted) for s in scores)
    curated = sum(len(s.curated) for s in scores)
    exact = sum(len(s.exact_expected) for s in scores)
    parts = sum(len(s.partial_as_year) for s in scores)
    as_targets = sum(len(s.results_as_targets) for s in scores)
    return (
        f"{name}: precision {precision:.1%} ({hits}/{drafted}), recall {recall:.1%} ({hits}/{curated}), "
        f"with 同比 and hedge right {exact / curated if curated else 1:.1%} ({exact}/{curated}), "
        f"parts drafted as the year {parts}, earlier results drafted as targets {as_targets}"
    )


def split(scores: list[FileScore]) -> tuple[list[FileScore], list[FileScore]]:
    """(written-against, held-out) scores."""
    return [s for s in scores if not s.held_out], [s for s in scores if s.held_out]


def totals(scores: list[FileScore]) -> tuple[float, float]:
    """Overall (precision, recall)."""
    hits = sum(len(s.hits) for s in scores)
    drafted = sum(len(s.drafted) for s in scores)
    curated = sum(len(s.curated) for s in scores)
    return (hits / drafted if drafted else 1.0), (hits / curated if curated else 1.0)


def mistakes(scores: list[FileScore]) -> int:
    """Parts of the year or park drafted as the year, and earlier results drafted as targets."""
    return sum(len(s.partial_as_year) + len(s.results_as_targets) for s in scores)
