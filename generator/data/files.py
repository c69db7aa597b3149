"""Data files as the checker may open them: regular files inside the project, their size known before reading.

The data folder arrives in pull requests anyone can open. A link in it could make the build publish any file of
the machine, a FIFO would hang the reader and a link to /dev/zero would fill the memory; so a path is looked at
with lstat (never opened) until it is known to be a regular file inside the project, and no more than the size
limit is ever read from it.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class Refused(Exception):
    """A path the checker does not open, with the reason as `expected …, found …`."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def kind_of(mode: int) -> str:
    """What a file system entry is, in the words of an error message."""
    if stat.S_ISREG(mode):
        return "a regular file"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISLNK(mode):
        return "a link"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def _inside(path: Path, project: Path | None) -> bool:
    return project is not None and path.is_relative_to(project)


def resolve_entry(path: Path, project: Path | None, expected: str = "a regular file") -> tuple[Path, os.stat_result]:
    """The path to open for `path` and its status, without opening anything; raises Refused.

    A link is followed only when it leads to a place inside `project` (None: never); then the status is that
    of what it leads to. `expected` names what the caller wants, for the message.
    """
    try:
        status = os.lstat(path)
    except OSError as error:
        raise Refused(f"expected {expected}, found {error.strerror}") from None
    if project is None and not stat.S_ISLNK(status.st_mode):
        return path, status  # no place to stay inside, no link to follow: the path opens what it names
    real = Path(os.path.realpath(path))
    if stat.S_ISLNK(status.st_mode) or (project is not None and not _inside(real, project)):
        shown = os.readlink(path) if stat.S_ISLNK(status.st_mode) else str(real)
        if not _inside(real, project):
            raise Refused(f"expected {expected}, found a link to {shown} (outside the project)")
        try:
            status = os.stat(real)
        except OSError:
            raise Refused(f"expected {expected}, found a link to {shown}, which leads nowhere") from None
    return real, status


def read_limited(path: Path, project: Path | None, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes inside `project`; raises Refused otherwise."""
    real, status = resolve_entry(path, project)
    if not stat.S_ISREG(status.st_mode):
        raise Refused(f"expected a regular file, found {kind_of(status.st_mode)}")
    if status.st_size > limit:
        raise Refused(f"expected at most {limit} bytes, found {status.st_size}")
    # O_NONBLOCK: should the file have been swapped for a FIFO since lstat, opening it does not wait for a writer.
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        descriptor = os.open(real, flags)
    except OSError as error:
        raise Refused(f"expected a readable file, found {error.strerror}") from None
    try:
        opened = os.fstat(descriptor)
        if not stat.S_ISREG(opened.st_mode):
            raise Refused(f"expected a regular file, found {kind_of(opened.st_mode)}")
        chunks, left = [], limit + 1  # one byte more than allowed tells a file that grew since it was measured
        while left > 0:
            chunk = os.read(descriptor, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as error:
        raise Refused(f"expected a readable file, found {error.strerror}") from None
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > limit:
        raise Refused(f"expected at most {limit} bytes, found more")
    return data
