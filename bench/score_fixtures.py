"""Score the extractor on chosen report fixtures, one row per file, and say whether each draft passes check.

`yearbook score-extraction --fixtures` scores every fixture of the expected files; this script keeps the rows of
the fixtures whose file name starts with --prefix (the held-out real reports by default), prints each as a
Markdown table row, and adds what the score cannot say: whether the draft, archived as an editor would
(new park, add-source, covers, extract) and with only its `draft: true` line deleted, passes
`yearbook check` in a scratch project. Nothing is written outside a temporary folder.

    .venv/bin/python bench/score_fixtures.py                      # the held-out real reports
    .venv/bin/python bench/score_fixtures.py --prefix held-out-   # every held-out fixture
    .venv/bin/python bench/score_fixtures.py --first held-out-real-xinxiang-2022-press.txt   # the seventh set on
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import sys
import tempfile
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))

from generator.cli import main  # noqa: E402
from generator.editor.extract import read_catalogue  # noqa: E402
from generator.editor.extract.score import FileScore, expected_cases, score_fixtures  # noqa: E402


def _run(*argv: str) -> tuple[int, str]:
    """Run the yearbook command line quietly: its exit status and what it wrote to stderr."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(list(argv))
    return status, err.getvalue()


def draft_passes_check(folder: Path, case: dict) -> tuple[bool, str]:
    """Archive one fixture in a scratch project as an editor would, draft it, delete `draft: true`, check."""
    park, year = str(case["park"]), str(case["year"])
    with tempfile.TemporaryDirectory() as scratch:
        data = Path(scratch) / "data"
        for sub in ("parks", "sources", "years"):
            (data / sub).mkdir(parents=True)
        (data / "indicators.yaml").write_bytes((PROJECT / "data" / "indicators.yaml").read_bytes())
        status, err = _run(
            "--data", str(data), "new", "park", park, "--name", case.get("park_name", f"{park}高新技术产业开发区"),
            "--short-name", f"{park}高新区", "--name-en", f"{park} Hi-tech Zone",
            "--province", "某省", "--city", "某市", "--region", "中部",
        )  # fmt: skip
        if status:
            return False, f"new park: {err.strip()}"
        source = re.sub(r"[^a-z0-9]+", "-", f"{park}-{year}-{Path(case['file']).stem}").strip("-")
        status, err = _run(
            "--data", str(data), "add-source", str(folder / case["file"]), "--id", source, "--park", park,
            "--title", str(case.get("style", "report")), "--publisher", "某高新区管委会",
        )  # fmt: skip
        if status:
            return False, f"add-source: {err.strip()}"
        with (data / "sources" / f"{source}.yaml").open("a", encoding="utf-8") as metadata:
            metadata.write(f"covers: [{year}]\n")  # what the editor fills in: the year the report gives
        status, err = _run("--data", str(data), "extract", source, "--park", park, "--year", year)
        if status:
            return False, f"extract: {err.strip()}"
        path = data / "years" / park / f"{year}.yaml"
        text = path.read_text(encoding="utf-8")
        path.write_text("".join(line for line in text.splitlines(True) if not line.startswith("draft: true")))
        status, err = _run("--data", str(data), "check")
        problems = [line for line in err.strip().splitlines() if line][:-1] or err.strip().splitlines()
        return status == 0, "" if status == 0 else " / ".join(problems)


def share(part: int, whole: int) -> str:
    """`part/whole = N%`, or just `0/0` where nothing was expected or drafted."""
    return f"{part}/{whole} = {part / whole:.0%}" if whole else f"{part}/{whole}"


def row(score: FileScore, check: tuple[bool, str]) -> str:
    """One Markdown table row of a fixture's score."""
    passed, why = check
    cells = [
        score.label,
        f"{len(score.exact_expected)}/{len(score.curated)}",
        f"{len(score.hits)}/{len(score.curated)}",
        f"{len(score.hits)}/{len(score.drafted)}",
        str(len(score.partial_as_year)),
        str(len(score.results_as_targets)),
        "passes" if passed else f"refused: {why}".replace("|", "/"),
    ]
    return "| " + " | ".join(cells) + " |"


def main_(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fixtures", type=Path, default=PROJECT / "tests" / "fixtures" / "reports")
    parser.add_argument("--prefix", default="held-out-real-", help="score the fixtures whose file starts so")
    parser.add_argument("--first", help="a set's first file: only the fixtures from it on, in the listed order")
    parser.add_argument("--last", help="a set's last file: only the fixtures up to it")
    args = parser.parse_args(argv)
    catalogue, messages = read_catalogue(PROJECT / "data")
    if messages or not catalogue:
        print("\n".join(messages) or "no catalogue", file=sys.stderr)
        return 1
    listed, problems = expected_cases(args.fixtures)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    cases = [case for _, _, case in listed if str(case.get("file", "")).startswith(args.prefix)]
    files = [case["file"] for case in cases]
    for name in (args.first, args.last):
        if name is not None and name not in files:
            where = args.fixtures.as_posix()
            print(f"{name}: expected a fixture listed in {where}/expected*.yaml, found none", file=sys.stderr)
            return 1
    start = files.index(args.first) if args.first else 0
    end = len(files) - files[::-1].index(args.last) if args.last else len(files)
    cases = cases[start:end]
    scores = {s.label: s for s in score_fixtures(args.fixtures, catalogue)}
    columns = ("fixture", "right with 同比 and hedge / expected", "recall", "precision", "parts as year",
               "results as targets", "draft without `draft: true`")  # fmt: skip
    print("| " + " | ".join(columns) + " |")
    print("|" + " --- |" * len(columns))
    totals = [0] * 7
    for case in cases:
        label = f"{case['file']} ({int(case['year'])}"
        score = scores.get(f"{label})") or scores[f"{label}, held out)"]  # labelled apart while held out
        check = draft_passes_check(args.fixtures, case)
        print(row(score, check))
        counts = (score.exact_expected, score.hits, score.curated, score.drafted, score.partial_as_year,
                  score.results_as_targets)  # fmt: skip
        totals = [total + n for total, n in zip(totals, [*map(len, counts), int(check[0])], strict=True)]
    right, hits, curated, drafted, parts, targets, passing = totals
    print(
        f"| **{len(cases)} files** | **{share(right, curated)}** | {share(hits, curated)} | {share(hits, drafted)} | "
        f"{parts} | {targets} | {passing}/{len(cases)} pass |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main_())
