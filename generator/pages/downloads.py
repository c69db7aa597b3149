"""The downloads and chart data: every figure, fact and target as CSV and JSON, by park, by indicator and whole."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from dataclasses import dataclass, field

from generator.data.model import Figure, Yearbook
from generator.pages import present
from generator.pages.address import site_url


def json_text(data) -> str:
    # Compact: the downloads and chart data are read by programs, and the C encoder only runs without indent.
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


# Spreadsheets (Excel in a Chinese locale above all) read a CSV as UTF-8 only when it starts with this mark.
BOM = "\ufeff"


# A text cell starting with one of these is run as a formula by spreadsheets (=HYPERLINK(…) and the like); as OWASP
# recommends for CSV injection, such a cell gets a leading apostrophe, which spreadsheets show as text. Numbers
# (value, change_pct, year) are numbers in the rows, so a negative number such as -5.2 stays a number.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _spreadsheet_safe(row: dict) -> dict:
    """The row with every formula-like text cell prefixed by an apostrophe."""
    for key, value in row.items():
        if isinstance(value, str) and value.startswith(_FORMULA_START):
            row = {**row, key: "'" + value}
    return row


def csv_text(rows: list[dict], columns: tuple[str, ...] = present.TIDY_COLUMNS) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(_spreadsheet_safe(row) for row in rows)
    return buffer.getvalue()


@dataclass
class DownloadParts:
    """Pieces of the whole-yearbook downloads, per park and per park-year, with what each was made from: a long-lived
    process puts the downloads together again from the pieces whose inputs are the very same objects."""

    # Per park, the JSON of its tidy rows inside data/yearbook.json, with the data/parks/<park>.csv bytes made from
    # the same rows: while a long-lived process reuses those very bytes, the park is unchanged and so is its part.
    parks: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    # Per park-year, its rows of the facts and targets downloads (CSV and JSON), with what they were made from:
    # reused while those are the very same objects (a target's row also shows the figure of its target year).
    entries: dict[tuple, tuple[tuple, str, str]] = field(default_factory=dict)


def _chart_rows(yb: Yearbook, figures: list[Figure], address: str) -> list[dict]:
    """Chart rows of figures, each knowing where its series' lines run (computed over the whole series)."""
    marks: dict[tuple, dict] = {}
    for park, indicator in dict.fromkeys((f.park, f.indicator) for f in figures):
        marks.update(present.series_marks(yb.series(park, indicator)))
    return [present.chart_row(yb, f, marks, address) for f in figures]


def entry_basis(yb: Yearbook, kind: str, key: tuple, address: str) -> tuple:
    """What a park-year's rows of the facts or targets download are made from (a target's row also shows the figure
    of its target year): its part is reused while these are the very same objects."""
    park_year = yb.years[key]
    basis = (park_year, yb.parks[key[0]], address, yb.indicators)
    if kind == "targets":
        basis += tuple(yb.years.get((t.park, t.for_year)) for t in park_year.targets)
    return basis


def _equal_text(a, b) -> bool:
    """Two equal strings (the site address, read again by each run, is an equal string, not the same object)."""
    return isinstance(a, str) and isinstance(b, str) and a == b


def _entry_parts(yb: Yearbook, memo: dict, kind: str, address: str) -> tuple[str, str]:
    """The facts or targets download (CSV without its header, JSON items) of every park-year, in order."""
    columns, make = (
        (present.FACT_COLUMNS, present.fact_row) if kind == "facts" else (present.TARGET_COLUMNS, present.target_row)
    )
    header = csv_text([], columns)
    csv_parts, json_parts = [], []
    for key in sorted(yb.years):
        park_year = yb.years[key]
        entries = park_year.facts if kind == "facts" else park_year.targets
        basis = entry_basis(yb, kind, key, address)
        cached = memo.get((kind, key))
        if (
            cached is None
            or len(cached[0]) != len(basis)
            or any(a is not b and not _equal_text(a, b) for a, b in zip(cached[0], basis, strict=True))
        ):
            rows = [make(yb, entry, address) for entry in entries]
            cached = memo[(kind, key)] = (basis, csv_text(rows, columns).removeprefix(header), json_text(rows)[1:-2])
        csv_parts.append(cached[1])
        if cached[2]:
            json_parts.append(cached[2])
    return BOM + header + "".join(csv_parts), f"[{','.join(json_parts)}]\n"


def data_files(
    yb: Yearbook, parts: DownloadParts, parks: set[str], indicators: set[str], previous: dict[str, bytes] | None = None
) -> dict[str, bytes]:
    """The downloads and chart data of the given parks and indicators, and the whole-yearbook files, which are
    put together per park (the other parks' parts taken from `previous`)."""
    files = {}
    address = site_url()
    by_park: dict[str, list[Figure]] = defaultdict(list)
    by_indicator: dict[str, list[Figure]] = defaultdict(list)
    for figure in yb.figures():
        by_park[figure.park].append(figure)
        by_indicator[figure.indicator].append(figure)
    header = csv_text([])
    csv_parts, json_parts = [BOM + header], []
    for park in yb.parks:  # in id order, as yb.figures()
        csv_path = f"data/parks/{park}.csv"
        part = parts.parks.get(park)
        if park in parks or previous is None or part is None or part[0] is not previous.get(csv_path):
            rows = [present.figure_row(yb, f, address) for f in by_park[park]]
            files[csv_path] = (BOM + csv_text(rows)).encode("utf-8")
            files[f"data/parks/{park}.json"] = json_text(_chart_rows(yb, by_park[park], address)).encode()
            part = parts.parks[park] = (files[csv_path], json_text(rows)[1:-2])  # without [ ] and newline
        csv_parts.append(part[0].decode("utf-8").removeprefix(BOM + header))
        if part[1]:
            json_parts.append(part[1])
    files["data/yearbook.csv"] = "".join(csv_parts).encode("utf-8")
    files["data/yearbook.json"] = f"[{','.join(json_parts)}]\n".encode()
    for indicator in sorted(indicators & yb.indicators.keys()):
        figures = by_indicator[indicator]
        rows = _chart_rows(yb, figures, address)
        files[f"data/indicators/{indicator}.json"] = json_text(rows).encode("utf-8")
        files[f"data/indicators/{indicator}.csv"] = (BOM + csv_text(rows)).encode("utf-8")
        # One file per year: a program (or a chart) fetches one year's parks, not every year's.
        by_year: dict[int, list[dict]] = defaultdict(list)
        for row in rows:
            by_year[row["year"]].append(row)
        for year, year_rows in by_year.items():
            files[f"data/indicators/{indicator}/{year}.json"] = json_text(year_rows).encode("utf-8")
    for kind in ("facts", "targets"):
        table, items = _entry_parts(yb, parts.entries, kind, address)
        files[f"data/{kind}.csv"] = table.encode("utf-8")
        files[f"data/{kind}.json"] = items.encode("utf-8")
    return files
