"""Time `yearbook build` with nothing changed, with and without the built pages kept in .cache/pages/.

Runs in a corpus made by bench/run.py or bench/make_corpus.py (a project folder with data/, docs/ and mkdocs.yml). A
first build warms every cache; then, turn about, a build whose .cache/pages/ was moved aside (every page converted
and rendered by MkDocs, the other caches warm) and a build that takes the kept pages. Medians of --runs each, with
the MkDocs stage apart, as `yearbook build` reports it.

    python bench/built_pages.py --corpus bench/out/corpus-178x20-seed1 --runs 2
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

_STAGES = re.compile(r"(generate|mkdocs|volumes|search index) ([\d.]+) s")


def build(corpus: Path) -> dict[str, float]:
    """One `yearbook build` in the corpus: its wall time and the stages it reports."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "generator", "--data", "data", "build"], cwd=corpus, capture_output=True, text=True
    )
    if done.returncode:
        raise SystemExit(f"yearbook build failed in {corpus}:\n{done.stderr[-2000:]}")
    stages = {name: float(seconds) for name, seconds in _STAGES.findall(done.stdout)}
    return {"total": time.perf_counter() - started, **stages}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args(argv)
    corpus = args.corpus.resolve()
    kept, aside = corpus / ".cache" / "pages", corpus / ".cache" / "pages-aside"
    build(corpus)  # every cache warm, .cache/pages/ filled
    without, with_kept = [], []
    for _ in range(args.runs):
        shutil.rmtree(aside, ignore_errors=True)
        kept.rename(aside)
        try:
            without.append(build(corpus))
        finally:
            shutil.rmtree(kept, ignore_errors=True)
            aside.rename(kept)
        with_kept.append(build(corpus))
    print(f"yearbook build, nothing changed, in {corpus} (medians of {args.runs}):")
    for stage in ("total", "mkdocs"):
        before = statistics.median(run[stage] for run in without)
        after = statistics.median(run[stage] for run in with_kept)
        print(f"  {stage:7} every page built {before:7.1f} s   pages kept {after:7.1f} s   ({after / before:.2f}×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
