"""Split CPU-bound work into shares run by forked processes, which see the parent's data without copying it."""

from __future__ import annotations

import multiprocessing
import os

_TASK = None  # the share function, inherited by the forked workers (closures cannot be pickled, forks need not)


def worker_count() -> int:
    """How many processes to use: YEARBOOK_JOBS if set, else the CPUs this process may run on."""
    wanted = os.environ.get("YEARBOOK_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _run_share(index: int):
    return _TASK(index)


def map_shares(task, shares: int) -> list:
    """[task(0), …, task(shares - 1)], each share in its own forked process when there is more than one."""
    global _TASK
    if shares <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [task(index) for index in range(shares)]
    _TASK = task
    try:
        with multiprocessing.get_context("fork").Pool(shares) as pool:
            return pool.map(_run_share, range(shares))
    finally:
        _TASK = None


def share(items: list, index: int, shares: int) -> list:
    """The `index`-th of `shares` contiguous, nearly equal slices of `items`."""
    return items[len(items) * index // shares : len(items) * (index + 1) // shares]
