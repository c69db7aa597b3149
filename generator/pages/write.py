"""Write generated files into docs/ (the only module that writes output): changed bytes only, no stale files."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from generator.pages.kinds import page_roots

# Folders and files of docs/ that belong to the generator (those of the page kinds, the downloads, the charts' specs
# and the Vega libraries); everything else in docs/ is hand-written.
GENERATED = tuple(dict.fromkeys((*page_roots(), "data", "assets/charts", "assets/vendor")))


@dataclass(frozen=True)
class WriteReport:
    """What a write changed."""

    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int


def _owned(relative: str) -> bool:
    return any(relative == root or relative.startswith(root + "/") for root in GENERATED)


def _atomic_write(path: Path, data: bytes) -> None:
    """Write through a temporary file beside `path`, which a failure removes; an OSError names `path` itself."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    except OSError as error:
        raise OSError(error.errno, error.strerror, str(path.parent)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise OSError(error.errno, error.strerror, str(path)) from None
        raise


def write_output(docs: Path, files: dict[str, bytes], progress=None, on_disk: dict | None = None) -> WriteReport:
    """Make docs/'s generated part equal `files`: write what changed, delete what is gone.

    `on_disk`: what this process wrote (or found) last time; a file given as that very object is not read back.
    """
    on_disk = on_disk or {}
    unknown = sorted(path for path in files if not _owned(path))
    if unknown:
        raise ValueError(f"not a generated path: {unknown[0]}")
    written, unchanged = [], 0
    for number, (relative, data) in enumerate(sorted(files.items()), start=1):
        target = docs / relative
        try:
            same = (on_disk.get(relative) is data and target.is_file()) or target.read_bytes() == data
        except OSError:
            same = False
        if same:
            unchanged += 1
        else:
            _atomic_write(target, data)
            written.append(relative)
        if progress:
            progress(number, len(files))
    removed = []
    for root in GENERATED:
        base = docs / root
        if base.is_file():
            if root not in files:
                base.unlink()
                removed.append(root)
            continue
        # os.walk, bottom up: a folder emptied of stale files is removed after them.
        for folder, _subfolders, names in os.walk(base, topdown=False):
            prefix = Path(folder).relative_to(docs).as_posix() + "/"
            for name in sorted(names):
                if prefix + name not in files:
                    os.unlink(os.path.join(folder, name))
                    removed.append(prefix + name)
            if folder != str(base) and not os.listdir(folder):
                os.rmdir(folder)
    return WriteReport(tuple(written), tuple(sorted(removed)), unchanged)
