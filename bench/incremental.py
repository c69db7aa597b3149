"""Time `yearbook generate` with the cache folder (.cache/yearbook/) on the synthetic corpus: cold, nothing changed,
one value edit, and an empty docs/ with the cache kept (a CI run); and the cache's size.

    python bench/incremental.py                       # 178 parks × 20 years, seed 1 (the corpus is made if missing)
    python bench/incremental.py --parks 5 --years 3   # a quick look
    python bench/incremental.py --baseline /tmp/base  # … beside another checkout of the generator, in the same run

Each step is `python -m generator --data data generate` in a new process, timed from outside (wall clock, and the
CPU time of the process), in the corpus folder bench/out/corpus-<parks>x<years>-seed<seed>/ (shared with
bench/run.py). "nothing changed", "one value edit" and "edit undone" are repeated (--runs) and their medians shown.
With --baseline (a checkout of another commit, e.g. `git worktree add /tmp/base main`), the same steps run, turn
about, in a copy of the corpus whose generator is that checkout's: both sides share the machine's load. The edited
files are restored at the end. Results: a table on stdout and bench/out/incremental-<parks>x<years>.json.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import statistics
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
    """One `generate` in a new process: its wall time, its CPU time and its `generated: …` counts."""
    command = [sys.executable, "-m", "generator", "--data", "data", "generate", *options]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=project, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-3000:]}")
    found = re.search(r"generated: (\d+) written, (\d+) removed, (\d+) unchanged", done.stdout)
    counts = dict(zip(("written", "removed", "unchanged"), map(int, found.groups()), strict=True)) if found else {}
    return {"seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2), **counts}


def median_of(runs: list[dict]) -> dict:
    """The median wall and CPU seconds of repeated steps, with every run's wall seconds and the last counts."""
    return {
        "seconds": round(statistics.median(run["seconds"] for run in runs), 2),
        "cpu_seconds": round(statistics.median(run["cpu_seconds"] for run in runs), 2),
        "runs": [run["seconds"] for run in runs],
        **{key: value for key, value in runs[-1].items() if key not in ("seconds", "cpu_seconds")},
    }


def baseline_project(project: Path, tree: Path) -> Path:
    """A copy of the corpus (its data copied: edits are made in place) whose generator is `tree`'s."""
    other = project.with_name(project.name + "-baseline")
    if not (other / "data").is_dir():
        other.mkdir(exist_ok=True)
        shutil.copytree(project / "data", other / "data")
        shutil.copy(project / "mkdocs.yml", other / "mkdocs.yml")
        hand_written = [p for p in (project / "docs").rglob("*") if p.is_file()]
        for path in hand_written:
            relative = path.relative_to(project / "docs").as_posix()
            if not any(relative == root or relative.startswith(root + "/") for root in GENERATED):
                (other / "docs" / relative).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(path, other / "docs" / relative)
    for folder in ("generator", "site_templates", "overrides"):
        link = other / folder
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(tree.resolve() / folder, target_is_directory=True)
    return other


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
    parser.add_argument("--runs", type=int, default=3, help="repetitions of the steps after the cold runs")
    parser.add_argument("--baseline", type=Path, help="a checkout of another commit, timed beside this one")
    parser.add_argument("--no-cold", action="store_true", help="skip the reference run without the cache")
    args = parser.parse_args(argv)
    project = BENCH / "out" / f"corpus-{args.parks}x{args.years}-seed{args.seed}"
    if not (project / "data").is_dir():
        make_corpus.main(
            [str(project), "--parks", str(args.parks), "--years", str(args.years), "--seed", str(args.seed)]
        )
    park = sorted(p.stem for p in (project / "data/parks").glob("*.yaml"))[0]
    year = max(int(p.stem) for p in (project / f"data/years/{park}").glob("*.yaml"))
    sides = {"this": project}
    if args.baseline is not None:
        sides["baseline"] = baseline_project(project, args.baseline)
    results: dict = {"corpus": project.name, "commit": _commit(BENCH.parent)}
    if args.baseline is not None:
        results["baseline"] = {"tree": str(args.baseline), "commit": _commit(args.baseline)}
    if not args.no_cold:
        empty_docs(project)
        results["cold, no cache (--no-cache)"] = generate(project, "--no-cache")
    for side, folder in sides.items():
        empty_docs(folder)
        shutil.rmtree(folder / FOLDER, ignore_errors=True)
        results[_named("cold, empty cache", side)] = generate(folder)
    repeated: dict[str, list[dict]] = {}
    for _ in range(args.runs):
        for side, folder in sides.items():
            repeated.setdefault(_named("nothing changed", side), []).append(generate(folder))
            saved, results["edit"] = edit_value(folder, park, year)
            try:
                repeated.setdefault(_named("one value edit", side), []).append(generate(folder))
            finally:
                for path, data in saved.items():
                    path.write_bytes(data)
            repeated.setdefault(_named("edit undone", side), []).append(generate(folder))
    results.update((name, median_of(runs)) for name, runs in repeated.items())
    empty_docs(project)
    results["empty docs/, cache kept (CI)"] = generate(project)
    results["cache"] = cache_size(project)
    out = BENCH / "out" / f"incremental-{args.parks}x{args.years}.json"
    out.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    for name, value in results.items():
        print(f"{name:42} {value}")
    return 0


def _named(step: str, side: str) -> str:
    return step if side == "this" else f"{step} [baseline]"


def _commit(tree: Path) -> str:
    """The commit checked out in `tree`, with a + when its generator has uncommitted changes."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=tree, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "generator"], cwd=tree, capture_output=True, text=True)
    return head.stdout.strip() + ("+" if dirty.stdout.strip() else "")


if __name__ == "__main__":
    sys.exit(main())
