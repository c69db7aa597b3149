"""Split CPU-bound work into shares run by forked processes, which see the parent's data without copying it."""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal

# The one module global that carries state to other code: the share function and the process that forked the
# workers, set by map_shares just before it forks. A forked worker inherits them as they stand, which is the only way
# to hand it a closure (closures cannot be pickled; a fork need not pickle anything).
_TASK = None
_PARENT = 0


def worker_count() -> int:
    """How many processes to use: YEARBOOK_JOBS if set, else the CPUs this process may run on."""
    wanted = os.environ.get("YEARBOOK_JOBS", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def die_with_parent(parent: int) -> None:
    """In a worker process started by `parent`: be sent SIGTERM when the parent ends, however it ends.

    Without it, killing `yearbook build` leaves its MkDocs shares and Pagefind running on, writing into a
    staging folder nobody will use. (Linux only; elsewhere workers finish their share and exit.)
    """
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent:  # the parent ended before the request took effect
        os._exit(1)


# A share's dict or list result is sent in batches of this many items: sent whole, it was pickled into one buffer
# beside itself in the worker and received into one in the parent (at 178 × 20, generate's two render shares held
# 0.92 GB each as they sent their pages, and the whole build 2.5 GB at that moment; bench/memory.py).
_BATCH = 200
_IN_BATCHES = "batches"  # the first message of a result sent in batches: (_IN_BATCHES, kind, number of batches)


def _run_share(index: int, connection) -> None:
    die_with_parent(_PARENT)
    try:
        result = _TASK(index)
    except BaseException as error:  # reported by the parent, which raises it again
        connection.send((False, error))
        connection.close()
        return
    try:
        if isinstance(result, dict | list) and len(result) > _BATCH:
            items = list(result.items()) if isinstance(result, dict) else result
            batches = range(0, len(items), _BATCH)
            connection.send((_IN_BATCHES, type(result).__name__, len(batches)))
            for start in batches:
                connection.send(items[start : start + _BATCH])
        else:
            connection.send((True, result))
    finally:
        connection.close()


def _receive(connection) -> tuple:
    """A share's (succeeded, result or error), its batches put together again."""
    first = connection.recv()
    if first[0] != _IN_BATCHES:
        return first
    _, kind, count = first
    if kind == "dict":
        result: dict | list = {}
        for _ in range(count):
            result.update(connection.recv())
    else:
        result = []
        for _ in range(count):
            result.extend(connection.recv())
    return True, result


def map_shares(task, shares: int) -> list:
    """[task(0), …, task(shares - 1)], each share in its own forked process when there is more than one."""
    global _TASK, _PARENT
    if shares <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [task(index) for index in range(shares)]
    context = multiprocessing.get_context("fork")
    _TASK, _PARENT = task, os.getpid()
    try:
        # Plain processes, not a Pool: a share may start processes of its own (a MkDocs share runs the plugin).
        receivers, processes = [], []
        for index in range(shares):
            receiver, sender = context.Pipe(duplex=False)
            process = context.Process(target=_run_share, args=(index, sender))
            process.start()
            sender.close()
            receivers.append(receiver)
            processes.append(process)
        outcomes = []
        for receiver, process in zip(receivers, processes, strict=True):
            try:
                outcomes.append(_receive(receiver))  # before join: a large result would block the child otherwise
            except EOFError:
                outcomes.append((False, RuntimeError(f"a worker process ended without a result ({process.pid})")))
            process.join()
    finally:
        _TASK = None
    for succeeded, value in outcomes:
        if not succeeded:
            raise value
    return [value for _, value in outcomes]


def share(items: list, index: int, shares: int) -> list:
    """The `index`-th of `shares` contiguous, nearly equal slices of `items`."""
    return items[len(items) * index // shares : len(items) * (index + 1) // shares]
