"""`yearbook pdf YEAR`: one year's printed volume."""

from __future__ import annotations

import shutil
import sys
import time
from pathlib import Path


def cmd_pdf(args) -> int:
    """yearbook pdf: check the data, then write the year's volume (typeset again only when its content changed)."""
    from generator.data.pipeline import read_yearbook
    from generator.pages.volume.content import volume_years
    from generator.pages.volume.store import volume_pdf

    started = time.perf_counter()
    yearbook = read_yearbook(args.data)
    checked = time.perf_counter()
    years = volume_years(yearbook)
    if args.year not in years:
        shown = ", ".join(map(str, years)) or "none"
        print(f"YEAR: expected a year some park reported ({shown}), found {args.year}", file=sys.stderr)
        return 1
    stored, fresh = volume_pdf(yearbook, args.year, args.data.resolve().parent)
    output = args.output or Path(f"yearbook-{args.year}.pdf")
    shutil.copyfile(stored, output)
    how = "typeset" if fresh else "unchanged since it was typeset"
    print(f"wrote {output} ({how}; check {checked - started:.1f} s, volume {time.perf_counter() - checked:.1f} s)")
    return 0


def register(commands) -> None:
    """Add `pdf` to the `yearbook` command line."""
    pdf = commands.add(
        "pdf",
        "write one year's printed volume (PDF)",
        "Check the data, then write the year's volume as one A4 PDF: contents, how to read it, a national overview, a "
        "chapter per park by region and province, every figure footnoted with its quote and report, an index of "
        "sources. A volume whose content did not change is taken from .cache/volumes/.",
        "yearbook pdf 2016 -o yearbook-2016.pdf",
        run=cmd_pdf,
    )
    pdf.add_argument("year", type=int, metavar="YEAR", help="the volume's year")
    pdf.add_argument("-o", "--output", type=Path, help="where to write it (default: yearbook-YEAR.pdf here)")
