"""Timings the test suite checks the behaviour of but does not assert: reported here, never pass or fail.

On the mini yearbook of tests/conftest.py, each a fresh process timed from outside (wall clock):

- `yearbook check` refusing a FIFO named like a year file, a report text linked to /dev/zero, a 20 GB sparse report
  text (with the bytes the check read beyond those of the valid mini yearbook), 30,000 levels of YAML nesting (four
  shapes) and 700 levels of indentation;
- `yearbook serve`: the first page, one summary edit until the page shows it, the server's CPU time over the quiet
  window after it (and the rebuilds it logged), and how long a page takes to answer while the data is broken.

Each row shows the limit the tests once asserted, for comparison; a number above it is a lead to follow on a quiet
machine, not a failure. Prints a table and writes bench/out/timings.json.

    python bench/timings.py                     # 3 runs of each, medians
    python bench/timings.py --runs 1 --quiet-window 20
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
OUT = BENCH / "out"
sys.path.insert(0, str(PROJECT))

from tests.conftest import MiniData, copy_project  # noqa: E402

YEAR = "years/demo/2016.yaml"
NESTING = {
    "unclosed brackets": "[" * 30_000,
    "closed brackets": "[" * 30_000 + "]" * 30_000,
    "block sequences on one line": "\n" + " - " * 30_000 + "x",
    "flow mappings": "{a: " * 30_000 + "}" * 30_000,
}
FORMER_LIMITS = {  # seconds the tests asserted before these timings moved here
    "check: a FIFO as a year file": 15,
    "check: a 20 GB sparse report text": 10,
    **{f"check: 30,000 levels ({shape})": 20 for shape in NESTING},
    "serve: CPU over the quiet window after one edit": 5,
    "serve: a page while the data is broken": 2,
}


def _check(data: Path) -> dict:
    """`yearbook check` in its own process: wall seconds, exit status and the bytes it read."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", _CHECK_READING, str(data)],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    seconds = time.perf_counter() - started
    read = int(result.stdout.split()[-1]) if result.stdout.strip() else 0  # its last line
    return {"seconds": round(seconds, 3), "status": result.returncode, "bytes_read": read}


# Runs the check and prints the bytes the process read through read calls (/proc/self/io rchar).
_CHECK_READING = """
import sys
from pathlib import Path
from generator.cli import main
status = main(["--data", sys.argv[1], "check"])
io = dict(line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())
print(io["rchar"])
sys.exit(status)
"""


def check_cases(root: Path) -> dict[str, dict]:
    """Each hostile data folder, written once under `root`."""
    mini = MiniData()
    cases: dict[str, Path] = {}

    fifo = mini(root / "fifo")
    os.mkfifo(fifo / "years/demo/2017.yaml")
    cases["check: a FIFO as a year file"] = fifo

    zero = mini(root / "dev-zero")
    (zero / "sources/demo-2016.txt").unlink()
    (zero / "sources/demo-2016.txt").symlink_to("/dev/zero")
    cases["check: a report text linked to /dev/zero"] = zero

    huge = mini(root / "huge")
    os.truncate(huge / "sources/demo-2016.txt", 20 * 1024**3)  # sparse
    cases["check: a 20 GB sparse report text"] = huge

    for index, (shape, nesting) in enumerate(NESTING.items()):
        cases[f"check: 30,000 levels ({shape})"] = mini(
            root / f"nesting-{index}", {YEAR: mini.files[YEAR] + "note: " + nesting + "\n"}
        )
    nested = "".join(" " * level + "- \n" for level in range(0, 1400, 2))
    cases["check: 700 levels of indentation"] = mini(root / "indented", {YEAR: mini.files[YEAR] + "note:\n" + nested})
    cases["check: the mini yearbook as it is"] = mini(root / "valid")
    return cases


def _clock_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_once(root: Path, quiet_window: float) -> dict:
    """One `yearbook serve` of the mini yearbook: the timings of an edit, of the quiet after it, of broken data."""
    project = copy_project(root / "yearbook", data=MiniData()(root))
    port = _free_port()
    url = f"http://127.0.0.1:{port}/parks/demo/2016/"
    log = root / "serve.log"
    command = [sys.executable, "-m", "generator", "--data", str(project / "data"), "serve"]
    started = time.perf_counter()
    with log.open("wb") as output:
        server = subprocess.Popen([*command, "--dev-addr", f"127.0.0.1:{port}"], cwd=project, stderr=output)
    year = project / "data/years/demo/2016.yaml"

    def seconds_until(text: str, present: bool = True, limit: float = 600) -> float:
        since = time.perf_counter()
        while time.perf_counter() - since < limit:
            try:
                html = urllib.request.urlopen(url, timeout=60).read().decode("utf-8")
                if (text in html) == present:
                    return round(time.perf_counter() - since, 3)
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"{url} did not {'show' if present else 'drop'} {text!r} within {limit} s")

    def rebuilds() -> int:
        return log.read_text("utf-8", "replace").count("Detected file changes")

    results: dict = {}
    try:
        seconds_until("示范。")
        results["serve: first page"] = round(time.perf_counter() - started, 3)
        before, ticks = rebuilds(), _clock_ticks(server.pid)
        year.write_text(year.read_text("utf-8").replace("summary: 示范。", "summary: 修改后的示范。"), "utf-8")
        results["serve: a summary edit until the page shows it"] = seconds_until("修改后的示范。")
        time.sleep(quiet_window)  # a benchmark may wait: it measures what happens in this window
        cpu = (_clock_ticks(server.pid) - ticks) / os.sysconf("SC_CLK_TCK")
        results["serve: CPU over the quiet window after one edit"] = round(cpu, 3)
        results["serve: rebuilds logged for one edit"] = rebuilds() - before
        year.write_text(year.read_text("utf-8").replace("year: 2016", "year: 2015"), "utf-8")
        seconds_until("yb-preview-problems")
        since = time.perf_counter()
        urllib.request.urlopen(url, timeout=600).read()
        results["serve: a page while the data is broken"] = round(time.perf_counter() - since, 3)
        year.write_text(year.read_text("utf-8").replace("year: 2015", "year: 2016"), "utf-8")
        results["serve: the fix until the banner goes"] = seconds_until("yb-preview-problems", present=False)
    finally:
        server.terminate()
        server.wait(timeout=60)
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement; medians are shown")
    parser.add_argument("--quiet-window", type=float, default=20.0, help="seconds of CPU watched after one edit")
    args = parser.parse_args(argv)

    runs: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="yearbook-timings-") as folder:
        cases = check_cases(Path(folder) / "check")
        for run in range(args.runs):
            measured = {name: _check(data) for name, data in cases.items()}
            measured["serve"] = serve_once(Path(folder) / f"serve-{run}", args.quiet_window)
            runs.append(measured)

    medians: dict[str, float] = {}
    for name in cases:
        medians[name] = statistics.median(run[name]["seconds"] for run in runs)
    # Python and its modules read a few megabytes at start: the huge text's reading is what comes on top.
    huge, valid = "check: a 20 GB sparse report text", "check: the mini yearbook as it is"
    extra = statistics.median(run[huge]["bytes_read"] - run[valid]["bytes_read"] for run in runs)
    medians["bytes read: a 20 GB sparse report text, beyond the valid yearbook's"] = extra
    for name in runs[0]["serve"]:
        medians[name] = statistics.median(run["serve"][name] for run in runs)

    print(f"{'measurement':<70} {'median':>14}  formerly asserted")
    for name, value in medians.items():
        unit = "B" if name.startswith("bytes read:") else ("" if "rebuilds" in name else "s")
        limit = FORMER_LIMITS.get(name)
        shown = f"{value:,.0f} {unit}" if unit == "B" else f"{value:g} {unit}".strip()
        print(f"{name:<70} {shown:>14}  {f'< {limit} s' if limit else ''}")
    OUT.mkdir(exist_ok=True)
    report = {
        "command": [sys.executable, *sys.argv],
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "load_average": os.getloadavg()},
        "peak_rss_children_bytes": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
        "former_limits_s": FORMER_LIMITS,
        "medians": medians,
        "runs": runs,
    }
    (OUT / "timings.json").write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"load average {os.getloadavg()}; written to {(OUT / 'timings.json').relative_to(PROJECT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
