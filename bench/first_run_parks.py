"""First-run record of the new parks: each raw draft of `yearbook extract`, kept as it came out under
bench/first-run-drafts/, scored against the reviewed year file under data/years/.

    .venv/bin/python bench/first_run_parks.py            # print the Markdown table
    .venv/bin/python bench/first_run_parks.py --write    # rewrite the table in bench/first-run-parks.md

Per report: the headline (catalogue) figures the draft got right out of those the review kept, judged as
`yearbook score-extraction` judges them (indicator, value, unit, period, scope; then 同比 and hedge too);
the drafted entries the review changed, deleted or moved, the entries it added; and whether `yearbook check`
refuses the draft once only its `draft: true` line is removed (each draft checked alone in a copy of data/).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.data.yamlsafe import read_yaml  # noqa: E402
from generator.editor.extract.score import FileScore, _compare, _key  # noqa: E402

DRAFTS = ROOT / "bench" / "first-run-drafts"
TABLE = ROOT / "bench" / "first-run-parks.md"
BEGIN, END = "<!-- table: begin -->", "<!-- table: end -->"
_SPACE = re.compile(r"\s+")


@dataclass
class Row:
    """One report's first-run numbers."""

    label: str
    score: FileScore
    changed: int
    deleted: int
    moved: int
    added: int
    refused: str


def _load(path: Path) -> dict:
    document, problems = read_yaml(path, path.as_posix())
    if document is None or not isinstance(document.data, dict):
        raise SystemExit(f"{path}: not a year file ({'; '.join(map(str, problems))})")
    return document.data


def _entries(data: dict, kind: str) -> list[dict]:
    return [e for e in data.get(kind) or [] if isinstance(e, dict)]


def _flat(text) -> str:
    return _SPACE.sub("", text) if isinstance(text, str) else ""


def _covered(quote: str, quotes: list[str]) -> bool:
    """Whether a drafted quote survives inside some reviewed quote (the review may widen a quote)."""
    return bool(quote) and any(quote in other for other in quotes)


def _year_file(draft: Path) -> Path:
    """The reviewed file a draft belongs to: bench/first-run-drafts/<park>-<year>.yaml."""
    park, year = draft.stem.rsplit("-", 1)
    return ROOT / "data" / "years" / park / f"{year}.yaml"


def _indicator_changes(drafted: list[dict], curated: list[dict], curated_quotes: list[str]) -> tuple[int, int, int]:
    """(changed, deleted, moved) among the drafted indicator entries."""
    kept_keys = {_key(e) for e in curated}
    by_id = {e.get("id"): e for e in curated}
    changed = deleted = moved = 0
    for entry in drafted:
        key = _key(entry)
        if key in kept_keys:
            reviewed = next(e for e in curated if _key(e) == key)
            same = all(entry.get(f) == reviewed.get(f) for f in ("change_pct", "qualifier", "change_qualifier"))
            changed += 0 if same else 1
        elif entry.get("id") in by_id:
            changed += 1
        elif _covered(_flat(entry.get("quote")), curated_quotes):
            moved += 1  # the figure stayed, as a fact (another measure) or a goal
        else:
            deleted += 1
    return changed, deleted, moved


def _other_changes(drafted: list[dict], curated: list[dict], all_quotes: list[str], kind: str) -> tuple[int, int]:
    """(changed or moved, deleted) among drafted facts or targets: kept where the quote survives in the same kind."""
    same_kind = [_flat(e.get("quote")) for e in curated]
    changed = deleted = 0
    for entry in drafted:
        quote = _flat(entry.get("quote"))
        if _covered(quote, same_kind):
            if kind == "targets":
                match = next(e for e in curated if quote in _flat(e.get("quote")))
                fields = ("for_year", "indicator", "value", "unit", "comparator")
                changed += 0 if all(entry.get(f) == match.get(f) for f in fields) else 1
        elif _covered(quote, all_quotes):
            changed += 1  # moved to another kind (a goal that was a result, a fact that is an indicator …)
        else:
            deleted += 1
    return changed, deleted


def _added(drafted: dict, curated: dict) -> int:
    """Reviewed entries whose quote contains no drafted quote: written by the reviewer."""
    drafted_quotes = [
        _flat(e.get("quote")) for kind in ("indicators", "facts", "targets") for e in _entries(drafted, kind)
    ]
    count = 0
    for kind in ("indicators", "facts", "targets"):
        for entry in _entries(curated, kind):
            quote = _flat(entry.get("quote"))
            if not any(d and d in quote for d in drafted_quotes):
                count += 1
    return count


def _refused(draft: Path) -> str:
    """'no', or 'yes: <first problem>' when `yearbook check` refuses the draft with only `draft: true` removed."""
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(ROOT / "data", data)
        years = data / "years"
        park, year = draft.stem.rsplit("-", 1)
        for other in years.glob("*/*.yaml"):
            other.unlink()  # the draft alone: other parks' files neither help nor hide its problems
        target = years / park / f"{year}.yaml"
        target.parent.mkdir(parents=True, exist_ok=True)
        text = draft.read_text(encoding="utf-8")
        target.write_text(re.sub(r"(?m)^draft: true.*\n", "", text), encoding="utf-8")
        result = subprocess.run(
            [str(ROOT / ".venv" / "bin" / "yearbook"), "check", "--data", str(data)],
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode == 0:
        return "no"
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    first = lines[0].replace(str(data) + "/", "data/") if lines else f"exit {result.returncode}"
    return f"yes: {first}"


def row(draft: Path, check: bool) -> Row:
    """Score one raw draft against its reviewed file."""
    drafted, curated = _load(draft), _load(_year_file(draft))
    park, year = draft.stem.rsplit("-", 1)
    score = FileScore(park, int(year), f"{park}/{year}")
    d_ind, c_ind = _entries(drafted, "indicators"), _entries(curated, "indicators")
    parts = [e for e in c_ind if e.get("period") or e.get("scope")]
    _compare(score, c_ind, d_ind, parts)
    all_quotes = [_flat(e.get("quote")) for kind in ("indicators", "facts", "targets") for e in _entries(curated, kind)]
    i_changed, i_deleted, i_moved = _indicator_changes(d_ind, c_ind, all_quotes)
    f_changed, f_deleted = _other_changes(_entries(drafted, "facts"), _entries(curated, "facts"), all_quotes, "facts")
    t_changed, t_deleted = _other_changes(
        _entries(drafted, "targets"), _entries(curated, "targets"), all_quotes, "targets"
    )
    return Row(
        label=f"{park} {year}",
        score=score,
        changed=i_changed + t_changed,
        deleted=i_deleted + f_deleted + t_deleted,
        moved=i_moved + f_changed,
        added=_added(drafted, curated),
        refused=_refused(draft) if check else "not run",
    )


def table(rows: list[Row]) -> list[str]:
    """The Markdown table, one line per report and a total."""
    lines = [
        "| report | headline figures drafted right / kept | of them with 同比 and hedge right | "
        "drafted but not kept (extra) | entries changed | deleted | moved to another kind | added | "
        "refused by check with `draft: true` removed |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    totals = [0] * 7
    for r in rows:
        s = r.score
        extra = len(s.drafted - s.curated)
        nums = [len(s.hits), len(s.curated), len(s.exact_expected), extra, r.changed, r.deleted, r.moved]
        totals = [a + b for a, b in zip(totals, nums, strict=True)]
        lines.append(
            f"| {r.label} | {len(s.hits)}/{len(s.curated)} | {len(s.exact_expected)} | {extra} | {r.changed} | "
            f"{r.deleted} | {r.moved} | {r.added} | {r.refused} |"
        )
    added = sum(r.added for r in rows)
    refused = sum(r.refused.startswith("yes") for r in rows)
    lines.append(
        f"| **total ({len(rows)} reports)** | {totals[0]}/{totals[1]} | {totals[2]} | {totals[3]} | {totals[4]} | "
        f"{totals[5]} | {totals[6]} | {added} | {refused} refused |"
    )
    return lines


def main(argv: list[str] | None = None) -> int:
    """Print the table, or write it between the markers in bench/first-run-parks.md."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="rewrite the table in bench/first-run-parks.md")
    parser.add_argument("--no-check", action="store_true", help="skip running `yearbook check` on each draft")
    args = parser.parse_args(argv)
    rows = [row(path, not args.no_check) for path in sorted(DRAFTS.glob("*.yaml"))]
    lines = table(rows)
    if not args.write:
        print("\n".join(lines))
        return 0
    text = TABLE.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    TABLE.write_text(text[:start] + "\n" + "\n".join(lines) + "\n" + text[end:], encoding="utf-8")
    print(f"wrote {TABLE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
