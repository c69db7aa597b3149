"""How many of the drafts' facts are fragments: a quote that opens on words telling more of a figure before it (its
share 占全市50%, its total 累计达832家, its rank 居全市第一, its growth 同比增长…), which an editor must merge back.

    python bench/fact_fragments.py [FIXTURES_DIR]

Drafts every report fixture of FIXTURES_DIR (tests/fixtures/reports by default) in memory, as score-extraction does,
and prints the number of facts drafted and of those fragments. Compare two checkouts by running it in each.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator.editor.extract import extract  # noqa: E402
from generator.editor.extract.catalogue import read_catalogue  # noqa: E402
from generator.editor.extract.score import expected_cases, fixture_report  # noqa: E402

PROJECT = Path(__file__).resolve().parent.parent
# Openings of a clause that tells more of the figure before it rather than one of its own.
OPENINGS = (
    "占", "约占", "累计", "总数", "总量", "共有", "共计", "居", "位居", "位列", "排名",
    "同比", "增长", "比上年", "下降",
)  # fmt: skip


def is_fragment(quote: str) -> bool:
    """Whether a fact's quote opens on what tells more of a figure before it (占地, an area of its own, aside)."""
    opening = quote.removeprefix("并")
    return opening.startswith(OPENINGS) and not opening.startswith("占地")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("fixtures", nargs="?", type=Path, default=PROJECT / "tests" / "fixtures" / "reports")
    args = parser.parse_args()
    cases, _ = expected_cases(args.fixtures)
    catalogue = read_catalogue(PROJECT / "data")[0]
    facts = fragments = 0
    for _, _, case in cases:
        text, published = fixture_report(args.fixtures / case["file"], case.get("url"))
        names = (case["park_name"],) if isinstance(case.get("park_name"), str) else ()
        draft = extract(text, "fixture", catalogue, str(case.get("park")), int(case["year"]), names, published)
        for fact in draft.data["facts"]:
            facts += 1
            fragments += is_fragment(fact["quote"])
    print(f"{len(cases)} reports: {facts} facts drafted, {fragments} of them fragments ({fragments / facts:.1%})")


if __name__ == "__main__":
    main()
