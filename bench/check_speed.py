"""How long the cold `check` takes on a data folder (the synthetic corpus: bench/make_corpus.py), and where it goes.

    python bench/check_speed.py /tmp/perf178/data --runs 3                      # medians of 3 fresh processes
    python bench/check_speed.py /tmp/perf178/data --runs 3 --code /tmp/main --code .   # two checkouts, alternately
    python bench/check_speed.py /tmp/perf20/data --phases                       # load, validate, the rest
    python bench/check_speed.py /tmp/perf20/data --profile bench/out/check.prof # cProfile in one process

Each timed run is `python -m generator --data DATA check` in a new process, from outside (wall clock), with the
generator of `--code` (this checkout by default) first on the path: nothing is kept between runs (the check keeps
no proofs on disk), so every run is cold, as a fresh clone's is. Given several checkouts, runs take turns (A, B, A,
B, …) so that whatever else the machine does weighs on each alike. The profile runs the check in this very process with
the year files' shares run one after another (generator/parallel.py forks workers, which cProfile does not follow).
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def _children_cpu() -> float:
    """CPU seconds (user and system) of the child processes waited for so far, their own children included."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_check(data: Path, code: Path) -> tuple[float, float, str]:
    """One cold check in a fresh process: its wall seconds, its CPU seconds (workers included; less swayed than the
    wall clock by what else the machine runs) and its last line of output."""
    environment = {**os.environ, "PYTHONPATH": str(code)}
    cpu = _children_cpu()
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--data", str(data), "check"],
        cwd=code,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    lines = (result.stdout + result.stderr).strip().splitlines()
    return seconds, _children_cpu() - cpu, lines[-1] if lines else f"exit {result.returncode}"


def _serial_shares() -> None:
    """Run map_shares' shares one after another in this process, where the profiler sees them."""
    from generator import parallel
    from generator.data import validate

    def serial(task, shares: int) -> list:
        return [task(index) for index in range(shares)]

    parallel.map_shares = validate.map_shares = serial


def profile(data: Path, out: Path, top: int) -> None:
    """cProfile one check in this process; the profile to `out`, the top functions by own time printed."""
    sys.path.insert(0, str(PROJECT))
    _serial_shares()
    from generator.data.pipeline import read_yearbook, summary_line

    profiler = cProfile.Profile()
    profiler.enable()
    yearbook = read_yearbook(data)
    profiler.disable()
    print(summary_line(yearbook))
    out.parent.mkdir(parents=True, exist_ok=True)
    profiler.dump_stats(out)
    pstats.Stats(str(out)).sort_stats("tottime").print_stats(top)


def phases(data: Path) -> None:
    """Wall seconds of the check's stages in this process (year files checked in forked shares, as `check` does)."""
    sys.path.insert(0, str(PROJECT))
    from generator.data.assemble import assemble
    from generator.data.load import load
    from generator.data.validate import validate

    started = time.perf_counter()
    raw = load(data)
    loaded = time.perf_counter()
    problems = validate(raw)
    validated = time.perf_counter()
    assemble(raw)
    done = time.perf_counter()
    print(
        f"load {loaded - started:.1f} s, validate {validated - loaded:.1f} s ({len(problems)} problems), "
        f"assemble {done - validated:.1f} s"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="the data folder to check (e.g. OUT_DIR/data of make_corpus.py)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs (default 3); the median is reported")
    parser.add_argument(
        "--code", type=Path, action="append", help="a checkout whose generator runs the check (repeat to compare)"
    )
    parser.add_argument("--profile", type=Path, help="cProfile one check in one process into this .prof file")
    parser.add_argument("--top", type=int, default=40, help="functions to print from the profile (default 40)")
    parser.add_argument("--phases", action="store_true", help="time load, validate and assemble in this process")
    args = parser.parse_args(argv)
    data = args.data.resolve()
    if args.profile:
        profile(data, args.profile, args.top)
        return 0
    if args.phases:
        phases(data)
        return 0
    codes = [code.resolve() for code in args.code or [PROJECT]]
    times: dict[Path, list[float]] = {code: [] for code in codes}
    cpus: dict[Path, list[float]] = {code: [] for code in codes}
    for run in range(1, args.runs + 1):
        for code in codes:
            seconds, cpu, last = timed_check(data, code)
            times[code].append(seconds)
            cpus[code].append(cpu)
            print(f"run {run}, {code}: {seconds:.1f} s wall, {cpu:.1f} s CPU ({last})", flush=True)
    for code in codes:
        shown = ", ".join(f"{seconds:.1f}" for seconds in times[code])
        print(
            f"median of {args.runs}: {statistics.median(times[code]):.1f} s wall ({shown}), "
            f"{statistics.median(cpus[code]):.1f} s CPU, code {code}, check of {data}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
