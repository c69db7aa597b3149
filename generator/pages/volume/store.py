"""Typeset volumes kept by the bytes of their input: a volume whose content did not change is not typeset again."""

from __future__ import annotations

import datetime
import functools
import hashlib
import os
import shutil
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from generator.data.model import Yearbook
from generator.pages.address import CONFIG, site_url
from generator.pages.volume.content import build_volume, volume_years
from generator.pages.volume.typeset import FONT_DIRS, Typeset, compile_pdf, frame_source, typeset


@functools.cache
def site_name(config: Path = CONFIG) -> str:
    """mkdocs.yml's site_name: the author and title the citations of the site's pages give."""
    from mkdocs.utils.yaml import yaml_load

    with config.open(encoding="utf-8") as stream:
        return str((yaml_load(stream) or {}).get("site_name") or "")


def volume_path(year: int) -> str:
    """Where a year's volume stands in the site, beside the other downloads."""
    return f"data/yearbook-{year}.pdf"


def edition() -> tuple[str, int]:
    """The edition date (as MkDocs dates the site: SOURCE_DATE_EPOCH, else now) and its Unix time."""
    stamp = int(os.environ.get("SOURCE_DATE_EPOCH") or time.time())
    return datetime.datetime.fromtimestamp(stamp, datetime.UTC).strftime("%Y-%m-%d"), stamp


@functools.cache
def _engine_stamp() -> bytes:
    """What else shapes the PDF: Typst's version and the font files it embeds."""
    fonts = sorted(
        (path.name, path.stat().st_size)
        for folder in FONT_DIRS
        if Path(folder).is_dir()
        for path in Path(folder).iterdir()
    )
    return f"typst {version('typst')} {fonts}".encode()


def input_key(document: Typeset) -> str:
    """The sha256 of everything Typst reads: the source, each chart file, the engine and its fonts."""
    digest = hashlib.sha256(_engine_stamp())
    for source in (*(part.source for part in document.parts), frame_source(document)):
        digest.update(f"\0{len(source)}\0".encode())
        digest.update(source.encode("utf-8"))
    for name in sorted(document.files):
        digest.update(f"\0{name}\0{len(document.files[name])}\0".encode())
        digest.update(document.files[name])
    return digest.hexdigest()


def volume_pdf(yearbook: Yearbook, year: int, project: Path) -> tuple[Path, bool]:
    """The stored PDF of `year`'s volume under .cache/volumes/, typeset now unless its input is unchanged;
    returns it and whether it was typeset."""
    volume = build_volume(yearbook, year, site_url())
    document = typeset(volume, site_name(), project / "docs" / "about.md")
    store = project / ".cache" / "volumes"
    stored = store / f"{year}-{input_key(document)[:32]}.pdf"
    if stored.is_file():
        return stored, False
    date, stamp = edition()
    pdf = compile_pdf(document, date, stamp)
    store.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=store, prefix=".tmp-")
    with os.fdopen(handle, "wb") as stream:
        stream.write(pdf)
    os.replace(temporary, stored)
    for old in store.glob(f"{year}-*.pdf"):  # the volumes of earlier data
        if old != stored:
            old.unlink(missing_ok=True)
    return stored, True


def write_volumes(yearbook: Yearbook, project: Path, site: Path) -> tuple[int, int]:
    """Every year's volume into the built site (site/data/yearbook-YEAR.pdf); returns (typeset, reused)."""
    years = volume_years(yearbook)
    typeset_count = 0
    for year in years:  # one at a time: each volume's parts are typeset side by side (typeset.compile_pdf)
        started = time.perf_counter()
        stored, fresh = volume_pdf(yearbook, year, project)
        # At national scale a volume takes tens of seconds: on a terminal, say which are being made (as Progress).
        if fresh and sys.stderr.isatty() and not os.environ.get("CI"):
            print(f"volume {year}: typeset in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        target = site / volume_path(year)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(stored, target)
        typeset_count += fresh
    return typeset_count, len(years) - typeset_count
