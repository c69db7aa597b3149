"""Sum the first runs recorded in bench/first-run.md: each "…: first run (main at …)" section's total row.

    python bench/first_run_totals.py                 # every recorded first run, and the sum
    python bench/first_run_totals.py --last 7        # the last seven rounds recorded (one stop's, say)

A section's total row is the table's last row (**N files** | **right/expected …); sections that record no total row
(the earliest, whose tables were per figure) are listed as such and left out of the sum.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

RECORD = Path(__file__).resolve().parent / "first-run.md"
_TOTAL = re.compile(r"\*\*(\d+) files?\*\* \| \*\*(\d+)/(\d+)")


def first_runs(text: str) -> list[tuple[str, tuple[int, int, int] | None]]:
    """Each first-run section's heading and its total row (files, right, expected), or None when it has none."""
    found = []
    for section in re.split(r"^## ", text, flags=re.M)[1:]:
        heading = section.split("\n", 1)[0]
        lowered = heading.lower()
        if "first run" not in lowered or any(word in lowered for word in ("together", "and now", "after")):
            continue  # a round's own first run only, not sums of rounds or scores after later rules
        total = _TOTAL.search(section)
        found.append((heading, tuple(int(n) for n in total.groups()) if total else None))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--last", type=int, help="only the last N first runs recorded")
    parser.add_argument("--record", type=Path, default=RECORD)
    args = parser.parse_args()
    runs = first_runs(args.record.read_text("utf-8"))
    if args.last is not None:
        runs = runs[-args.last :]
    right = expected = 0
    for heading, total in runs:
        if total is None:
            print(f"{heading}: no total row")
            continue
        files, got, wanted = total
        right, expected = right + got, expected + wanted
        print(f"{heading}: {got}/{wanted} ({files} files)")
    share = f"{right / expected:.0%}" if expected else "n/a"
    print(f"total: {right}/{expected} = {share} over {sum(1 for _, t in runs if t)} recorded first runs")


if __name__ == "__main__":
    main()
