"""Read every data file under data/ (the only module that reads them)."""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from generator.cache import Parsed
from generator.data.files import Refused, kind_of, read_limited, resolve_entry
from generator.data.problems import Problem
from generator.data.yamlsafe import MAX_BYTES, Document, read_yaml
from generator.reuse import NoReuse, Reuse


@dataclass
class RawData:
    """Every data file as parsed, before validation."""

    root: Path
    indicators: Document | None = None
    parks: dict[str, Document] = field(default_factory=dict)
    sources: dict[str, Document] = field(default_factory=dict)
    source_texts: dict[str, str] = field(default_factory=dict)
    years: dict[tuple[str, str], Document] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def _display(path: Path, root: Path) -> str:
    """A path as editors see it: relative to the project (the folder holding data/), on one printable line."""
    try:
        shown = path.relative_to(root.parent).as_posix()
    except ValueError:
        shown = path.as_posix()
    return shown if shown.isprintable() else "".join(c if c.isprintable() else ascii(c)[1:-1] for c in shown)


def _read_text(path: Path, shown: str, problems: list[Problem], project: Path) -> str | None:
    try:
        raw = read_limited(path, project, 4 * MAX_BYTES)
    except Refused as refused:
        problems.append(Problem(shown, 1, "(file)", refused.message))
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        problems.append(Problem(shown, line, "(file)", f"expected UTF-8 text, found byte 0x{raw[error.start]:02x}"))
        return None
    if not text.strip():
        problems.append(Problem(shown, 1, "(file)", "expected the archived text, found an empty file"))
        return None
    return text.removeprefix("\ufeff")


def _stamp(path: Path) -> tuple:
    """What tells an unchanged file: size, modification time and inode (an editor's save replaces the inode)."""
    try:
        status = path.stat()
    except OSError:
        return ()
    return (status.st_size, status.st_mtime_ns, status.st_ino)


# What each folder of data/ holds: a file name is an id (or a year) and one of these extensions.
# A report's original as published (web page, PDF, .docx) is kept beside its text, named in its metadata, never read.
_ORIGINALS = (".html", ".htm", ".pdf", ".docx")
_EXTENSIONS = {"parks": (".yaml",), "sources": (".yaml", ".txt", *_ORIGINALS), "years": (".yaml",)}
_WHAT = {
    "parks": "a park profile named <park>.yaml",
    "sources": "a report's <source>.yaml, <source>.txt and original (.html, .pdf, .docx)",
    "years": "a year file named <year>.yaml",
}
_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_YEAR = re.compile(r"[0-9]{4}")
# Ids whose page or folder the generator makes itself: a park, report or indicator called `index` would replace
# the listing of its folder (parks/index.md, sources/index.md, indicators/index.md).
RESERVED_IDS = {"parks": frozenset({"index"}), "sources": frozenset({"index"}), "indicators": frozenset({"index"})}
_ROOT_ENTRIES = {
    "indicators.yaml": "a regular file",
    "parks": "a folder",
    "sources": "a folder",
    "years": "a folder",
    "README.md": "a regular file",  # notes for editors; never read
}


def _plainly(entry: os.DirEntry, expected: str) -> bool:
    """Whether a listed entry is, not through a link, what is expected of it (a regular file or a folder)."""
    try:
        if entry.is_symlink():
            return False
        return entry.is_dir(follow_symlinks=False) if expected == "a folder" else entry.is_file(follow_symlinks=False)
    except OSError:
        return False


def _name_problem(name: str, folder: str) -> str | None:
    """What is wrong with a file name in data/<folder>/, or None when it names an id (or year) properly."""
    stem, dot, extension = name.rpartition(".")
    extension = dot + extension
    if not dot or extension not in _EXTENSIONS[folder]:
        wanted = extension.lower() if extension.lower() in _EXTENSIONS[folder] else ".yaml"
        if dot and (extension.lower() in _EXTENSIONS[folder] or extension.lower() == ".yml"):
            return f"expected the extension {wanted}, found {extension}"
        return f"expected {_WHAT[folder]}, found '{name}'"
    if folder == "years":
        return None if _YEAR.fullmatch(stem) else f"expected a file named <year>.yaml, found '{stem}'"
    if not _ID.fullmatch(stem):
        shown = stem.encode("unicode_escape").decode("ascii")
        return f"expected a file name of lower-case letters, digits and '-' (the id), found '{shown}'"
    if stem in RESERVED_IDS[folder]:
        return f"expected an id other than '{stem}' (a page the yearbook makes itself), found '{stem}'"
    return None


def load(root: Path, reuse: Reuse | None = None, parsed: Parsed | None = None) -> RawData:
    """Parse everything under `root` (a data/ folder); collect problems instead of stopping.

    Every entry of the folder is either read or reported: unknown names, wrong extensions, links that lead
    out of the project and anything but regular files and folders get a problem and are never opened.
    With `reuse`, a file whose size and modification time did not change is not read again: its last parse
    (the same object) is returned. With `parsed` (kept on disk between runs), a YAML text read before is not
    parsed again.
    """
    raw = RawData(root)
    reuse = reuse or NoReuse()
    project = root.resolve().parent
    # Entries listed as what they should be and not links, in folders known to be inside the project: nothing
    # more to check, so they are opened without resolving their path again (a link is always resolved).
    plain: set[Path] = set()
    inside_folders: set[Path] = set()

    def report(path: Path, message: str) -> None:
        raw.problems.append(Problem(_display(path, root), 1, "(file)", message))

    def parse(path: Path) -> Document | None:
        shown = _display(path, root)
        inside = None if path in plain else project
        document, problems = reuse.get("parse", path, (_stamp(path),), lambda: read_yaml(path, shown, inside, parsed))
        raw.problems.extend(problems)
        return document

    def read_text(path: Path, shown: str) -> str | None:
        def read() -> tuple[str | None, list[Problem]]:
            problems: list[Problem] = []
            return _read_text(path, shown, problems, None if path in plain else project), problems

        text, problems = reuse.get("read", path, (_stamp(path),), read)
        raw.problems.extend(problems)
        return text

    def is_kind(path: Path, expected: str, wanted: str = "") -> bool:
        """Whether `path` is `expected` (a regular file or a folder) inside the project; else it is reported."""
        try:
            _, status = resolve_entry(path, project, expected)
        except Refused as refused:
            report(path, refused.message)
            return False
        if stat.S_ISDIR(status.st_mode) if expected == "a folder" else stat.S_ISREG(status.st_mode):
            if expected == "a folder":
                inside_folders.add(path)
            return True
        report(path, f"expected {wanted or expected}, found {kind_of(status.st_mode)}")
        return False

    def entries(folder: Path, expected: str, wanted: str = "") -> list[Path]:
        """The entries of `folder` that are `expected` (a regular file or a folder); the others reported.

        `wanted` says in the message what belongs there, when that says more than `expected`.
        """
        try:
            with os.scandir(folder) as listing:
                listed = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            report(folder, f"expected a readable folder, found {error.strerror}")
            return []
        found = []
        for entry in listed:
            if entry.name.startswith("."):  # hidden: editors' swap and backup files, .gitkeep; never read
                continue
            path = folder / entry.name
            if _plainly(entry, expected) and folder in inside_folders:
                (inside_folders if expected == "a folder" else plain).add(path)
                found.append(path)
            elif is_kind(path, expected, wanted):
                found.append(path)
        return found

    def named_files(folder: Path, kind: str) -> list[Path]:
        """The files of `folder` whose names are proper for data/<kind>/; the others reported."""
        files = []
        for path in entries(folder, "a regular file"):
            problem = _name_problem(path.name, kind)
            if problem:
                report(path, problem)
            else:
                files.append(path)
        return files

    if not root.is_dir():
        raw.problems.append(Problem(root.as_posix(), 1, "(file)", "expected a data folder, found none"))
        return raw
    present: dict[str, Path] = {}
    for path in sorted(root.iterdir()):
        if path.name.startswith("."):
            continue
        if path.name not in _ROOT_ENTRIES:
            # Files in a place the contract does not know are likely typos (e.g. data/year/…).
            report(path, f"expected one of indicators.yaml, parks/, sources/, years/, found '{path.name}'")
            continue
        if is_kind(path, _ROOT_ENTRIES[path.name]):
            present[path.name] = path
    catalogue = root / "indicators.yaml"
    if "indicators.yaml" in present:
        raw.indicators = parse(catalogue)
        _check_reserved_indicator_ids(raw.indicators, raw.problems)
    elif not catalogue.is_symlink() and not catalogue.exists():
        report(catalogue, "expected the indicator catalogue, found no file")
    for path in named_files(root / "parks", "parks") if "parks" in present else []:
        raw.parks[path.stem] = parse(path)
    sources = named_files(root / "sources", "sources") if "sources" in present else []
    names = {path.name for path in sources}
    for path in sources:
        shown = _display(path, root)
        if path.suffix == ".yaml":
            raw.sources[path.stem] = parse(path)
            if f"{path.stem}.txt" not in names and not os.path.lexists(path.with_suffix(".txt")):
                raw.problems.append(
                    Problem(shown, 1, "(file)", f"expected the archived text beside it, found no {path.stem}.txt")
                )
        elif path.suffix in _ORIGINALS:
            if not os.path.lexists(path.with_suffix(".yaml")):
                report(path, f"expected metadata beside it, found no {path.stem}.yaml")
        elif f"{path.stem}.yaml" not in names:
            if not os.path.lexists(path.with_suffix(".yaml")):
                raw.problems.append(
                    Problem(shown, 1, "(file)", f"expected metadata beside it, found no {path.stem}.yaml")
                )
        else:
            text = read_text(path, shown)
            if text is not None:
                raw.source_texts[path.stem] = text
    for park_dir in (
        entries(root / "years", "a folder", "a folder per park (years/<park>/<year>.yaml)")
        if "years" in present
        else []
    ):
        if not _ID.fullmatch(park_dir.name):
            shown = park_dir.name.encode("unicode_escape").decode("ascii")
            report(park_dir, f"expected a folder named after a park id (years/<park>/<year>.yaml), found '{shown}'")
            continue
        for path in named_files(park_dir, "years"):
            raw.years[(park_dir.name, path.stem)] = parse(path)
    return raw


def _check_reserved_indicator_ids(catalogue: Document | None, problems: list[Problem]) -> None:
    """An indicator id that is the name of a generated page (indicators/index.md) is refused."""
    if catalogue is None or not isinstance(catalogue.data, list):
        return
    for index, entry in enumerate(catalogue.data):
        found = entry.get("id") if isinstance(entry, dict) else None
        if isinstance(found, str) and found in RESERVED_IDS["indicators"]:
            message = f"expected an id other than '{found}' (a page the yearbook makes itself), found '{found}'"
            problems.append(Problem(catalogue.path, catalogue.line((index, "id")), f"[{index}].id", message))
