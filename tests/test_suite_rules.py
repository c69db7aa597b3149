"""The suite keeps its own rules: no timing assertion and no fixed sleep anywhere in tests/.

A timing limit fails on a loaded machine for no fault of the code, and a fixed sleep is either too short there or
wasted time everywhere else. A test waits for its condition through tests/waiting.py (the one module that reads the
clock and sleeps between looks); timings are reported by bench/timings.py.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parent
WAITING = TESTS / "waiting.py"
CLOCKS = {"monotonic", "monotonic_ns", "perf_counter", "perf_counter_ns", "process_time", "process_time_ns"}
CLOCKS |= {"thread_time", "thread_time_ns", "time", "time_ns"}
SLEEPS = {"sleep", "wait_for_timeout"}  # time.sleep, asyncio.sleep, Playwright's page.wait_for_timeout
TIMING_WORDS = ("elapsed", "seconds", "duration", "took", "clock_ticks", "sc_clk_tck", "cpu_time", "started")


def _called(node: ast.Call) -> tuple[str, str]:
    """(owner, name) of a call: ('time', 'sleep') for time.sleep(…), ('', 'sleep') for sleep(…)."""
    function = node.func
    if isinstance(function, ast.Attribute):
        owner = function.value.id if isinstance(function.value, ast.Name) else ""
        return owner, function.attr
    return "", function.id if isinstance(function, ast.Name) else ""


def _names(node: ast.AST) -> list[str]:
    """Every name, attribute and string in an expression, lower-cased."""
    found = []
    for part in ast.walk(node):
        if isinstance(part, ast.Name):
            found.append(part.id.lower())
        elif isinstance(part, ast.Attribute):
            found.append(part.attr.lower())
        elif isinstance(part, ast.Constant) and isinstance(part.value, str):
            found.append(part.value.lower())
    return found


def timing_problems(source: str, path: str = "<test>", may_wait: bool = False) -> list[str]:
    """`path:line: …` for each fixed sleep, clock reading, timing assertion or hypothesis deadline in `source`;
    `may_wait`: the waiting module, which reads the clock and sleeps between looks at a condition."""
    problems = []
    for node in ast.walk(ast.parse(source)):
        where = f"{path}:{getattr(node, 'lineno', 0)}"
        if isinstance(node, ast.Call):
            owner, name = _called(node)
            if name in SLEEPS and not (may_wait and name == "sleep"):
                problems.append(f"{where}: a fixed sleep ({name}); wait for the condition (tests/waiting.py)")
            elif name in CLOCKS and owner in ("time", "") and not may_wait:
                problems.append(f"{where}: a clock read ({owner or 'time'}.{name}); tests assert no timings")
            deadline = next((k.value for k in node.keywords if k.arg == "deadline"), None)
            unlimited = isinstance(deadline, ast.Constant) and deadline.value is None
            if name == "settings" and deadline is not None and not unlimited:
                problems.append(f"{where}: a hypothesis deadline (a timing limit); use deadline=None")
        elif isinstance(node, ast.Assert):
            compared = [part for part in ast.walk(node.test) if isinstance(part, ast.Compare)]
            timed = [word for part in compared for word in _names(part) if any(w in word for w in TIMING_WORDS)]
            if timed:
                problems.append(f"{where}: a timing assertion ({timed[0]}); report timings in bench/timings.py")
    return problems


# Each written as the suite once had it (tests/test_hardening.py, test_incremental.py, test_build_lock.py,
# test_browser.py), and the ways around a scan of only those.
FORBIDDEN = {
    "seconds compared": "status, err, seconds = check(data)\nassert seconds < 15",
    "monotonic compared": "started = time.monotonic()\nrun()\nassert time.monotonic() - started < 10",
    "perf_counter": "import time\nt = time.perf_counter()",
    "CPU ticks compared": 'assert (_clock_ticks(pid) - ticks) / os.sysconf("SC_CLK_TCK") < 5',
    "time.sleep": "import time\ntime.sleep(20)",
    "sleep imported": "from time import sleep\nsleep(1)",
    "asyncio.sleep": "await asyncio.sleep(0.5)",
    "Playwright fixed wait": "page.wait_for_timeout(1500)",
    "hypothesis deadline": "@settings(max_examples=10, deadline=200)\ndef test(): pass",
    "elapsed in a message": "assert elapsed <= limit, 'too slow'",
}
ALLOWED = [
    "status = subprocess.run(command, timeout=CEILING).returncode\nassert status == 1",
    "wait_for(lambda: path.exists(), 'the file')",
    "page.wait_for_function('() => done', timeout=20_000)",
    "@settings(max_examples=30, deadline=None)\ndef test(): pass",
    "stamp = path.stat().st_mtime_ns + 1_000_000_000\nos.utime(path, ns=(stamp, stamp))",
    "assert fields['rchar'] < 1_000_000",
]


@pytest.mark.parametrize("case", sorted(FORBIDDEN))
def test_the_scan_finds_each_kind_of_timing_limit_and_fixed_sleep(case):
    assert timing_problems(FORBIDDEN[case]) != [], case


def test_the_scan_lets_ceilings_and_waits_for_conditions_be():
    assert [problem for source in ALLOWED for problem in timing_problems(source)] == []
    assert timing_problems("import time\ntime.sleep(interval)\nnow = time.monotonic()", may_wait=True) == []


def test_no_test_asserts_a_timing_or_sleeps_for_a_fixed_time():
    files = sorted(TESTS.rglob("*.py"))
    assert WAITING in files and Path(__file__) in files
    problems = []
    for path in files:  # this file too: its forbidden examples are strings, not code
        shown = path.relative_to(TESTS.parent).as_posix()
        problems += timing_problems(path.read_text(encoding="utf-8"), shown, may_wait=path == WAITING)
    assert problems == []
