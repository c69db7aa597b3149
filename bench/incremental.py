"""Time `yearbook generate` with the cache folder (.cache/yearbook/) on the synthetic corpus: cold, nothing changed,
one value edit, and an empty docs/ with the cache kept (a CI run); and the cache's size.

    python bench/incremental.py                       # 178 parks × 20 years, seed 1 (the corpus is made if missing)
    python bench/incremental.py --parks 5 --years 3   # a quick look

Each step is `python -m generator --data data generate` in a new process, timed from outside (wall clock), in
the corpus folder bench/out/corpus-<parks>x<years>-seed<seed>/ (shared with bench/run.py). The edited files are
restored at the end. Results: a table on stdout and bench/out/incremental-<parks>x<years>.json.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import yaml

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent))

from bench import make_corpus  # noqa: E402
from generator.cache import FOLDER  # noqa: E402
from generator.pages.write import GENERATED  # noqa: E402


def generate(project: Path, *options: str) -> dict:
    """One `generate` in a new process: its wall time and its `generated: …` counts."""
    command = [sys.executable, "-m", "generator", "--data", "data", "generate", *options]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=project, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    found = re.search(r"generated: (\d+) written, (\d+) removed, (\d+) unchanged", done.stdout)
    counts = dict(zip(("written", "removed", "unchanged"), map(int, found.groups()), strict=True)) if found else {}
    return {"seconds": round(seconds, 2), **counts}


def empty_docs(project: Path) -> None:
    for root in GENERATED:
        target = project / "docs" / root
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink(missing_ok=True)


def _written(value) -> str:
    """A number as the corpus writes it in a report: 2145.69, 120 (not 120.0)."""
    text = str(value)
    return text.removesuffix(".0") if "." in text and "e" not in text.lower() else text


def edit_value(project: Path, park: str, year: int) -> tuple[dict[Path, bytes], str]:
    """Change the first plain indicator value of a year file, its quote and the number in its report, in step."""
    year_path = project / f"data/years/{park}/{year}.yaml"
    text = year_path.read_text(encoding="utf-8")
    for item in yaml.safe_load(text)["indicators"]:
        shown = f"{_written(item['value'])}{item['unit']}"
        if item.get("qualifier") is None and shown in item["quote"]:
            break
    else:
        raise SystemExit(f"{year_path}: no plain indicator to edit")
    source_path = project / f"data/sources/{item['source']}.txt"
    saved = {year_path: year_path.read_bytes(), source_path: source_path.read_bytes()}
    new_value = _written(Decimal(_written(item["value"])) + 1)
    new_quote = item["quote"].replace(shown, f"{new_value}{item['unit']}", 1)
    report = source_path.read_text(encoding="utf-8")
    assert item["quote"] in report and item["quote"] in text
    source_path.write_text(report.replace(item["quote"], new_quote, 1), encoding="utf-8")
    lines = text.replace(item["quote"], new_quote, 1).splitlines(keepends=True)
    # The summary states only numbers the file proves: a corrected figure is corrected there too.
    lines = [
        line.replace(shown, f"{new_value}{item['unit']}") if line.startswith("summary:") else line for line in lines
    ]
    start = next(n for n, line in enumerate(lines) if re.match(rf"\s*- id: {item['id']}\s*$", line))
    at = next(n for n in range(start, len(lines)) if lines[n].lstrip().startswith("value:"))
    lines[at] = re.sub(r"value: .*", f"value: {new_value}", lines[at])
    year_path.write_text("".join(lines), encoding="utf-8")
    return saved, f"{year_path.relative_to(project)} {item['id']}: {shown} → {new_value}{item['unit']}"


def cache_size(project: Path) -> dict:
    """The cache folder's bytes on disk, and as a zstd tarball (as actions/cache stores it)."""
    folder = project / FOLDER
    files = [path for path in folder.rglob("*") if path.is_file()]
    tar = subprocess.run(
        f"tar -C {project} -cf - {FOLDER} | zstd -q -T0 -3 | wc -c", shell=True, capture_output=True, text=True
    )
    return {"files": len(files), "bytes": sum(p.stat().st_size for p in files), "zstd_bytes": int(tar.stdout)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parks", type=int, default=178)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-cold", action="store_true", help="skip the reference run without the cache")
    args = parser.parse_args(argv)
    project = BENCH / "out" / f"corpus-{args.parks}x{args.years}-seed{args.seed}"
    if not (project / "data").is_dir():
        make_corpus.main(
            [str(project), "--parks", str(args.parks), "--years", str(args.years), "--seed", str(args.seed)]
        )
    park = sorted(p.stem for p in (project / "data/parks").glob("*.yaml"))[0]
    year = max(int(p.stem) for p in (project / f"data/years/{park}").glob("*.yaml"))
    results: dict = {"corpus": project.name}
    if not args.no_cold:
        empty_docs(project)
        results["cold, no cache (--no-cache)"] = generate(project, "--no-cache")
    empty_docs(project)
    shutil.rmtree(project / FOLDER, ignore_errors=True)
    results["cold, empty cache"] = generate(project)
    results["nothing changed"] = generate(project)
    saved, results["edit"] = edit_value(project, park, year)
    try:
        results["one value edit"] = generate(project)
    finally:
        for path, data in saved.items():
            path.write_bytes(data)
    results["edit undone"] = generate(project)
    empty_docs(project)
    results["empty docs/, cache kept (CI)"] = generate(project)
    results["cache"] = cache_size(project)
    out = BENCH / "out" / f"incremental-{args.parks}x{args.years}.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for name, value in results.items():
        print(f"{name:32} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
