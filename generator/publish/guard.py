"""What keeps builds safe from each other and from their machine: one build at a time per project, a swap of
site/ that never leaves the project without one, faults of the machine in one line."""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import sys
import threading
from pathlib import Path

STAGING_PREFIX = ".site-staging-"  # in the project folder, beside site/
PREVIOUS = ".site-previous"  # site/ as it was, while a two-rename swap is under way

_held: dict[str, tuple[int, int]] = {}  # project → (descriptor, depth): the lock is re-entrant within a process
_held_guard = threading.Lock()


@contextlib.contextmanager
def project_lock(project: Path, stream=None):
    """Hold the project's build lock: a second build (or preview rebuild) waits, and says why it waits.

    The lock is an flock on the project folder itself: no lock file to leave behind, and the system releases it
    when the holder dies, however it dies.
    """
    key = str(project.resolve())
    with _held_guard:
        descriptor, depth = _held.get(key, (-1, 0))
        if depth:
            _held[key] = (descriptor, depth + 1)
    if not depth:
        descriptor = os.open(key, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            message = f"{key}: another yearbook build is running here; waiting for it to finish …"
            print(message, file=stream or sys.stderr, flush=True)
            fcntl.flock(descriptor, fcntl.LOCK_EX)
        with _held_guard:
            _held[key] = (descriptor, 1)
    try:
        yield
    finally:
        with _held_guard:
            descriptor, depth = _held[key]
            if depth > 1:
                _held[key] = (descriptor, depth - 1)
            else:
                del _held[key]
                os.close(descriptor)  # releases the flock


def recover_site(project: Path) -> None:
    """Undo what an interrupted build left: site/ back from .site-previous, staging folders removed.

    Called under the project lock, so nothing found here belongs to a build still running.
    """
    target, previous = project / "site", project / PREVIOUS
    if previous.is_dir() and not target.exists():
        previous.rename(target)  # killed between the two renames of a swap: the old site comes back
    shutil.rmtree(previous, ignore_errors=True)
    for leftover in project.glob(STAGING_PREFIX + "*"):
        shutil.rmtree(leftover, ignore_errors=True)


_RENAME_EXCHANGE = 2  # linux/fs.h


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2); False where the system cannot."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_cwd = -100  # AT_FDCWD
    if renameat2(at_cwd, os.fsencode(first), at_cwd, os.fsencode(second), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):  # a file system without exchange: rename twice
        return False
    raise OSError(code, os.strerror(code), str(second))


def swap_in(staging: Path, target: Path) -> None:
    """Make `staging` the new `target`; the old target is removed. There is a target at every moment.

    Where the system exchanges two folders atomically, that is one step. Elsewhere the old target is renamed
    aside first; a build killed between the two renames is repaired by the next one (`recover_site`).
    """
    if not target.exists():
        staging.rename(target)
        return
    if _exchange(staging, target):
        shutil.rmtree(staging, ignore_errors=True)  # now the old site
        return
    previous = target.parent / PREVIOUS
    shutil.rmtree(previous, ignore_errors=True)
    target.rename(previous)
    try:
        staging.rename(target)
    except OSError:
        previous.rename(target)
        raise
    shutil.rmtree(previous, ignore_errors=True)


# errno → what the build expected of the path, for a one-line message.
_EXPECTED = {
    errno.EROFS: "a writable folder",
    errno.EACCES: "a writable folder",
    errno.EPERM: "a writable folder",
    errno.ENOSPC: "free space on the disk",
    errno.EDQUOT: "free space on the disk",
    errno.EBUSY: "a folder the build can replace (not a mount point)",
    errno.EXDEV: "a folder the build can replace (not a mount point)",
}


def fault_message(error: OSError, project: Path) -> str:
    """`path: expected …, found …` for a fault of the machine (read-only folder, full disk, mount point)."""
    path = error.filename or project
    with contextlib.suppress(ValueError, TypeError):
        path = Path(path).resolve().relative_to(project.resolve())
    expected = _EXPECTED.get(error.errno or 0, "a folder the build can write")
    return f"{path}: expected {expected}, found {error.strerror or error}"
