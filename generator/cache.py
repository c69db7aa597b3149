"""Results kept between runs in .cache/yearbook/, keyed by the bytes of their inputs and the generator's version.

Two kinds of entries, both checked before they are used and ignored (rebuilt) when they fail the check:

- records (`<name>.json`): JSON whose first line is the sha256 of the rest, made by this very generator (its
  version: a hash of its own source, templates, schemas, pinned packages and the site address) — a corrupt,
  truncated or foreign record is no record;
- files (`files/ab/cdef…`): the bytes of a generated file, named by their sha256, which is checked on reading.

The cache never changes output: whatever it holds, a run gives the bytes a run without it gives. It is off with
`--no-cache` or YEARBOOK_NO_CACHE=1.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import shutil
import sys
import tempfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

FOLDER = Path(".cache") / "yearbook"
OFF = "YEARBOOK_NO_CACHE"  # set (to anything but 0 or empty) to turn the cache off
_FORMAT = "yearbook-cache 1"
_PARSED, _PARSED_RECENT = "parsed", "parsed-recent"  # records of Parsed
_PARAGRAPHS = "paragraphs"  # the record of Paragraphs
_ROOT = Path(__file__).resolve().parents[1]
# What shapes the generated files besides the data: the generator's code, its templates and schemas, the locked
# package versions, and the packages actually installed that write bytes into them.
_SOURCES = (("generator", "*.py"), ("site_templates", "*"), ("schemas", "*.json"))
_LOCKS = ("requirements.lock",)
_PACKAGES = ("jinja2", "markupsafe", "altair", "vl-convert-python", "pyyaml", "jsonschema", "regex", "mkdocs")


def enabled(refused: bool = False) -> bool:
    """Whether to use the cache: not when `refused` (--no-cache) nor when YEARBOOK_NO_CACHE says so."""
    return not refused and os.environ.get(OFF, "").strip() in ("", "0")


def digest(*parts: str | bytes) -> str:
    """The sha256 (hex) of the parts, each length-prefixed so that ("ab", "c") and ("a", "bc") differ."""
    hasher = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        hasher.update(b"%d:" % len(data))
        hasher.update(data)
    return hasher.hexdigest()


@functools.cache
def generator_version() -> str:
    """A hash of everything besides the data that shapes the output: a new version leaves every result behind."""
    hasher = hashlib.sha256(f"{_FORMAT}\0{sys.version_info[:2]}\0".encode())
    files = sorted(
        path
        for folder, pattern in _SOURCES
        for path in (_ROOT / folder).rglob(pattern)
        if path.is_file() and "__pycache__" not in path.parts
    )
    for path in [*files, *(_ROOT / name for name in _LOCKS)]:
        data = path.read_bytes() if path.is_file() else b""
        hasher.update(f"\0{path.relative_to(_ROOT).as_posix()}\0{len(data)}\0".encode())
        hasher.update(data)
    for package in _PACKAGES:
        try:
            installed = version(package)
        except PackageNotFoundError:
            installed = "-"
        hasher.update(f"\0{package}=={installed}".encode())
    return hasher.hexdigest()


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


class Cache:
    """The cache folder of one project, for results made under one key (the generator's version and what else the
    caller names, such as the site address)."""

    def __init__(self, project: Path, *key: str):
        self.root = project / FOLDER
        self.key = digest(generator_version(), *key)

    # --- records ------------------------------------------------------------------------------------------------

    def read(self, name: str) -> dict | None:
        """The record `name` made under this key, or None when it is missing, corrupt or someone else's."""
        try:
            stored = (self.root / f"{name}.json").read_bytes()
            checksum, _, body = stored.partition(b"\n")
            if hashlib.sha256(body).hexdigest().encode() != checksum:
                return None
            record = json.loads(body)
        except (OSError, ValueError):
            return None
        if not isinstance(record, dict) or record.get("key") != self.key or not isinstance(record.get("data"), dict):
            return None
        return record["data"]

    def write(self, name: str, data: dict) -> None:
        """Store `data` (JSON) as the record `name`, replacing the last one at once."""
        body = json.dumps({"key": self.key, "data": data}, ensure_ascii=False, separators=(",", ":")).encode()
        _atomic_write(self.root / f"{name}.json", hashlib.sha256(body).hexdigest().encode() + b"\n" + body)

    def write_with_parts(self, name: str, data: dict, parts: list[bytes]) -> None:
        """Store `data` as the record `name` with `parts` (bytes, kept out of JSON, which is slow to read for long
        texts) in `<name>.bin` beside it."""
        body = b"".join(parts)
        _atomic_write(self.root / f"{name}.bin", body)
        self.write(name, {**data, "parts": [len(part) for part in parts], "sha256": hashlib.sha256(body).hexdigest()})

    def read_with_parts(self, name: str) -> tuple[dict, list[bytes]] | None:
        """The record `name` and its parts, or None when either is missing, corrupt or not the other's."""
        data = self.read(name)
        lengths = data.get("parts") if data is not None else None
        if not isinstance(lengths, list) or not all(type(length) is int and length >= 0 for length in lengths):
            return None
        try:
            body = (self.root / f"{name}.bin").read_bytes()
        except OSError:
            return None
        if sum(lengths) != len(body) or hashlib.sha256(body).hexdigest() != data.get("sha256"):
            return None
        parts, at = [], 0
        for length in lengths:
            parts.append(body[at : at + length])
            at += length
        return data, parts

    # --- files, by the sha256 of their bytes ----------------------------------------------------------------------

    def _file(self, sha: str) -> Path:
        return self.root / "files" / sha[:2] / sha[2:]

    def file(self, sha: str) -> bytes | None:
        """The bytes whose sha256 is `sha`, or None when they are not stored (or the stored ones are not those)."""
        try:
            data = self._file(sha).read_bytes()
        except (OSError, ValueError):
            return None
        return data if hashlib.sha256(data).hexdigest() == sha else None

    def keep_file(self, sha: str, data: bytes) -> None:
        """Store `data`, whose sha256 is `sha` (once: the same bytes are stored under the same name)."""
        path = self._file(sha)
        if not path.is_file() or path.stat().st_size != len(data):
            _atomic_write(path, data)

    def forget_files(self, kept: set[str]) -> None:
        """Delete the stored files not in `kept` (shas), so the folder holds one site's worth, not every site's."""
        base = self.root / "files"
        if not base.is_dir():
            return
        for folder in os.scandir(base):
            if not folder.is_dir(follow_symlinks=False):
                continue
            for entry in os.scandir(folder.path):
                if folder.name + entry.name not in kept:
                    Path(entry.path).unlink(missing_ok=True)


class Proofs:
    """The check's result of each year file, by the key of everything the check of that file reads (kept in the
    record `proofs`): a file whose key is known is not proved again."""

    def __init__(self, known: dict | None = None):
        self.known = known or {}
        self.used: dict[str, list] = {}

    def recall(self, key: str) -> list | None:
        """The problems (as [path, line, field, message] lists) found for `key` last time, or None."""
        found = self.known.get(key)
        if not isinstance(found, list) or not all(isinstance(p, list) and len(p) == 4 for p in found):
            return None
        self.used[key] = found
        return found

    def remember(self, key: str, problems: list) -> None:
        self.used[key] = problems


class Parsed:
    """The data of each YAML text the loader accepted before, by the hash of the text: a data file read again is not
    parsed again.

    Kept in two records, read once: `parsed` (every text of some run) and `parsed-recent` (those parsed since, and
    the recent ones still read). An edit rewrites only the small one; the big one is made again when the texts
    no longer read and the recent ones pass an eighth of it."""

    def __init__(self, cache: Cache):
        self.cache = cache
        self.used: set[str] = set()
        self.new: dict[str, object] = {}  # written by keep(), once the run has succeeded
        self._kept: tuple[dict, dict] | None = None

    def _records(self) -> tuple[dict, dict]:
        if self._kept is None:
            self._kept = (self.cache.read(_PARSED) or {}, self.cache.read(_PARSED_RECENT) or {})
        return self._kept

    @staticmethod
    def _name(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()

    def recall(self, text: str):
        """The data parsed from `text` before, or None."""
        name = self._name(text)
        self.used.add(name)
        base, recent = self._records()
        return recent[name] if name in recent else base.get(name)

    def remember(self, text: str, data) -> None:
        """Keep the data of `text`, when JSON gives it back the same (plain YAML data does)."""
        body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
        if json.loads(body) != data:
            return
        name = self._name(text)
        self.used.add(name)
        self.new[name] = data

    def keep(self) -> None:
        """Write the data of the texts parsed in this run; leave out, in time, those of texts no longer read."""
        base, recent = self._records()
        kept_recent = {name: data for name, data in recent.items() if name in self.used} | self.new
        unread = sum(name not in self.used for name in base)
        if not self.new and kept_recent == recent and not unread:
            return
        if len(kept_recent) + unread <= max(64, len(base) // 8):
            self.cache.write(_PARSED_RECENT, kept_recent)
        else:
            everything = {**base, **kept_recent}
            self.cache.write(_PARSED, {name: everything[name] for name in sorted(self.used) if name in everything})
            self.cache.write(_PARSED_RECENT, {})
        self._kept = None
        self.new.clear()
        shutil.rmtree(self.cache.root / "parsed", ignore_errors=True)  # a file per text, as earlier versions kept them


class Paragraphs:
    """Where each quote starts in its report (Source.paragraph_of), by the hash of the report's text (the record
    `paragraphs`): a report read again is not searched again for the same quotes."""

    def __init__(self, cache: Cache):
        self.cache = cache
        self.known = cache.read(_PARAGRAPHS) or {}
        self.used: dict[str, dict[str, int]] = {}
        self._kept: dict[str, str] = {}  # name → the JSON of its answers as read, to tell what changed

    def of(self, text: str) -> dict[str, int]:
        """The answers found before for `text` (filled in by the Source that shares them)."""
        name = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if name not in self.used:
            found = self.known.get(name)
            sound = isinstance(found, dict) and all(type(v) is int for v in found.values())
            self.used[name] = dict(found) if sound else {}
        return self.used[name]

    def keep(self) -> None:
        """Write the answers of the reports read in this run, when they differ from those read."""
        if self.used != self.known:
            self.cache.write(_PARAGRAPHS, self.used)
