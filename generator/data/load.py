"""Read every data file under data/ (the only module that reads them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

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
    """A path as editors see it: relative to the project (the folder holding data/)."""
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:
        return path.as_posix()


def _read_text(path: Path, shown: str, problems: list[Problem]) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError as error:
        problems.append(Problem(shown, 1, "(file)", f"expected a readable file, found {error.strerror}"))
        return None
    if len(raw) > 4 * MAX_BYTES:
        problems.append(Problem(shown, 1, "(file)", f"expected at most {4 * MAX_BYTES} bytes, found {len(raw)}"))
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


def load(root: Path, reuse: Reuse | None = None) -> RawData:
    """Parse everything under `root` (a data/ folder); collect problems instead of stopping.

    With `reuse`, a file whose size and modification time did not change is not read again: its last parse
    (the same object) is returned.
    """
    raw = RawData(root)
    reuse = reuse or NoReuse()

    def parse(path: Path) -> Document | None:
        document, problems = reuse.get("parse", path, (_stamp(path),), lambda: read_yaml(path, _display(path, root)))
        raw.problems.extend(problems)
        return document

    def read_text(path: Path, shown: str) -> str | None:
        def read() -> tuple[str | None, list[Problem]]:
            problems: list[Problem] = []
            return _read_text(path, shown, problems), problems

        text, problems = reuse.get("read", path, (_stamp(path),), read)
        raw.problems.extend(problems)
        return text

    catalogue = root / "indicators.yaml"
    if catalogue.is_file():
        raw.indicators = parse(catalogue)
    else:
        raw.problems.append(
            Problem(_display(catalogue, root), 1, "(file)", "expected the indicator catalogue, found no file")
        )
    for path in sorted((root / "parks").glob("*")):
        if path.suffix in (".yaml", ".yml"):
            raw.parks[path.stem] = parse(path)
    for path in sorted((root / "sources").glob("*")):
        shown = _display(path, root)
        if path.suffix in (".yaml", ".yml"):
            raw.sources[path.stem] = parse(path)
            text_path = path.with_suffix(".txt")
            if not text_path.is_file():
                raw.problems.append(
                    Problem(shown, 1, "(file)", f"expected the archived text beside it, found no {text_path.name}")
                )
        elif path.suffix == ".txt":
            if not path.with_suffix(".yaml").is_file():
                raw.problems.append(
                    Problem(shown, 1, "(file)", f"expected metadata beside it, found no {path.stem}.yaml")
                )
                continue
            text = read_text(path, shown)
            if text is not None:
                raw.source_texts[path.stem] = text
    for park_dir in sorted((root / "years").glob("*")):
        if not park_dir.is_dir():
            continue
        for path in sorted(park_dir.glob("*")):
            if path.suffix in (".yaml", ".yml"):
                raw.years[(park_dir.name, path.stem)] = parse(path)
    # Files in a place the contract does not know are likely typos (e.g. data/year/…).
    known = {"indicators.yaml", "parks", "sources", "years"}
    for path in sorted(root.iterdir()) if root.is_dir() else []:
        if path.name not in known and not path.name.startswith(".") and path.name != "README.md":
            raw.problems.append(
                Problem(
                    _display(path, root),
                    1,
                    "(file)",
                    f"expected one of indicators.yaml, parks/, sources/, years/, found '{path.name}'",
                )
            )
    if not root.is_dir():
        raw.problems.append(Problem(root.as_posix(), 1, "(file)", "expected a data folder, found none"))
    return raw
