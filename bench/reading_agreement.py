"""How far the checker and the drafts' clause reading agree on the year an accepted amount tells, and what the clause
reading would cost the checker if it ran for every source.

    python bench/reading_agreement.py [DATA_DIR] [--time-sources N]

For every indicator and every fact figure of DATA_DIR's year files (which `yearbook check` accepts), the clause of the
source that holds the amount is read with clauses.split_clauses for the file's year; the script counts the figures
whose clause the reading takes as that year's result, those it reads as another year or a plan (listed), and those no
clause of prose holds (table rows, English). `--time-sources N` times split_clauses on N sources of DATA_DIR (median
and total per source). tests/test_reading_agrees.py holds the indicators to full agreement.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.data.model import paragraphs_of  # noqa: E402
from generator.reading.clauses import split_clauses  # noqa: E402
from generator.reading.numbers import normalize  # noqa: E402
from generator.reading.script import simplified  # noqa: E402

_MARKS = re.compile(r"[\s,，;；。、:：()（）“”\"'‘’]")


def _bare(text: str) -> str:
    return _MARKS.sub("", normalize(simplified(text)))


def _read(sources: Path, source: str, year: int):
    """The clauses of `source` read for `year`, with the time it took."""
    metadata = yaml.safe_load((sources / f"{source}.yaml").read_text(encoding="utf-8")) or {}
    paragraphs = [simplified(p) for p in paragraphs_of((sources / f"{source}.txt").read_text(encoding="utf-8"))]
    published = metadata.get("published")
    started = time.perf_counter()
    read = split_clauses(paragraphs, year, frozenset(), str(published) if published else None)
    return [c for paragraph in read for sentence in paragraph for c in sentence], time.perf_counter() - started


def _figures(document: dict):
    """(section, label, value, quote, source) of a year file's indicators and fact figures."""
    for entry in document.get("indicators") or []:
        yield "indicator", entry["id"], entry["value"], entry["quote"], entry["source"]
    for fact in document.get("facts") or []:
        for figure in fact.get("figures") or []:
            yield "fact", fact.get("theme", ""), figure["value"], fact["quote"], fact["source"]


def agreement(data: Path) -> dict:
    counts = {("indicator", k): 0 for k in ("agree", "differ", "unmatched")}
    counts.update({("fact", k): 0 for k in ("agree", "differ", "unmatched")})
    differing = []
    for path in sorted((data / "years").glob("*/*.yaml")):
        year = int(path.stem)
        for section, label, value, quote, source in _figures(yaml.safe_load(path.read_text(encoding="utf-8")) or {}):
            clauses, _ = _read(data / "sources", source, year)
            wanted, said = format(value, "g"), _bare(quote)
            holding = [c for c in clauses if (text := _bare(c.text)) and text in said and wanted in text]
            if not holding:
                counts[(section, "unmatched")] += 1
                continue
            clause = holding[-1]
            if clause.year == year and clause.mode == "results" and not clause.goal:
                counts[(section, "agree")] += 1
            else:
                counts[(section, "differ")] += 1
                differing.append(f"  {path.relative_to(data)} {section} {label} {wanted}: read as {clause.year} "
                                 f"{clause.mode}{' goal' if clause.goal else ''} ({clause.text[:40]})")  # fmt: skip
    return {"counts": counts, "differing": differing}


def timing(data: Path, limit: int) -> list[float]:
    seconds = []
    for path in sorted((data / "sources").glob("*.txt"))[:limit]:
        _, took = _read(data / "sources", path.stem, 2016)
        seconds.append(took)
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default="data", type=Path)
    parser.add_argument("--time-sources", type=int, default=0)
    args = parser.parse_args()
    if args.time_sources:
        seconds = timing(args.data, args.time_sources)
        print(f"split_clauses on {len(seconds)} sources of {args.data}: median {statistics.median(seconds) * 1000:.1f} "
              f"ms, total {sum(seconds):.1f} s")  # fmt: skip
        return 0
    found = agreement(args.data)
    for section in ("indicator", "fact"):
        agree, differ, unmatched = (found["counts"][(section, k)] for k in ("agree", "differ", "unmatched"))
        print(f"{section} figures: {agree} read as the file's year's results, {differ} otherwise, {unmatched} "
              f"in no clause of prose")  # fmt: skip
    print("\n".join(found["differing"]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
