"""Waiting in tests: poll a condition until it holds, under a ceiling that only stops a hang.

The one place in tests/ that reads the clock or sleeps (between two looks at the condition); a test waits for what it
needs (a file's bytes, a page's content, a process's state), never for a fixed time, and never asserts how long
anything took (timings are reported by bench/timings.py). tests/test_suite_rules.py keeps it so.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

# Far beyond any honest wait on a loaded machine: reaching it means the awaited thing will not happen.
CEILING = 180.0


def wait_for(condition: Callable[[], T], what: str, ceiling: float = CEILING, interval: float = 0.05) -> T:
    """The first true value `condition()` returns; an AssertionError naming `what` if none comes before `ceiling`."""
    deadline = time.monotonic() + ceiling
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up after {ceiling:g} s waiting for {what}")
        time.sleep(interval)


def idle(read_work: Callable[[], int], settle: float = 1.0) -> Callable[[], bool]:
    """A condition for `wait_for`: true once `read_work()` (a counter of work done, such as a process's CPU ticks)
    has not moved for `settle` seconds of looking; a busy process keeps it false, so the ceiling ends a busy loop."""
    last = {"work": read_work(), "since": time.monotonic()}

    def settled() -> bool:
        work, now = read_work(), time.monotonic()
        if work != last["work"]:
            last.update(work=work, since=now)
            return False
        return now - last["since"] >= settle

    return settled
