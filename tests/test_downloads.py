"""Downloads for spreadsheets and programs: CSV with a byte-order mark, per indicator and per park, facts and
targets, period/scope/note columns and absolute source addresses."""

from __future__ import annotations

import csv
import io
import json

import pytest

from generator.data.pipeline import read_yearbook
from generator.pages import present
from generator.pages.address import ENV, site_url
from generator.pages.markup import quote_anchor
from generator.pages.render import render_site
from tests.conftest import PROJECT

BOM = b"\xef\xbb\xbf"


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, bytes]:
    patch = pytest.MonkeyPatch()
    patch.setenv(ENV, "https://yearbook.example.org/fork")
    try:
        yield render_site(read_yearbook(PROJECT / "data"))
    finally:
        patch.undo()


def _rows(data: bytes) -> list[dict]:
    assert data.startswith(BOM)  # Excel in a Chinese locale reads the file as UTF-8 only with it
    assert BOM not in data[3:]
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_every_csv_starts_with_a_byte_order_mark_and_names_its_columns(files):
    csvs = [path for path in files if path.endswith(".csv")]
    yearbook = read_yearbook(PROJECT / "data")
    expected = {"data/yearbook.csv", "data/facts.csv", "data/targets.csv"}
    expected |= {f"data/parks/{park}.csv" for park in yearbook.parks}
    expected |= {f"data/indicators/{indicator}.csv" for indicator in yearbook.indicators}
    assert expected <= set(csvs)
    for path in csvs:
        header = files[path].decode("utf-8-sig").splitlines()[0].split(",")
        wanted = {"note", "source_url"} | (set() if path == "data/targets.csv" else {"period", "scope"})
        assert wanted <= set(header), path  # targets have no period or scope of their own


def test_figure_rows_carry_period_scope_note_and_an_absolute_source_address(files):
    yearbook = read_yearbook(PROJECT / "data")
    rows = _rows(files["data/yearbook.csv"])
    assert len(rows) == len(yearbook.figures())
    noted = 0
    for row, figure in zip(rows, yearbook.figures(), strict=True):
        assert (row["park"], int(row["year"]), row["indicator"]) == (figure.park, figure.year, figure.indicator)
        assert row["period"] == (figure.period or "") and row["scope"] == (figure.scope or "")
        assert row["note"] == (figure.origin.note or "")
        noted += bool(row["note"])
        assert row["source_url"] == (
            f"https://yearbook.example.org/fork/sources/{figure.origin.source}/#{quote_anchor(figure.origin.quote)}"
        )
    assert noted > 0
    # The whole-yearbook file is the parks' files put together; each indicator's file holds its figures.
    for park in yearbook.parks:
        assert _rows(files[f"data/parks/{park}.csv"]) == [r for r in rows if r["park"] == park]
    for indicator in yearbook.indicators:
        got = [(r["park"], r["year"]) for r in _rows(files[f"data/indicators/{indicator}.csv"])]
        assert got == [(r["park"], r["year"]) for r in rows if r["indicator"] == indicator]


def test_facts_and_targets_downloads_hold_every_entry(files):
    yearbook = read_yearbook(PROJECT / "data")
    facts = [fact for key in sorted(yearbook.years) for fact in yearbook.years[key].facts]
    targets = [target for key in sorted(yearbook.years) for target in yearbook.years[key].targets]
    fact_rows, target_rows = _rows(files["data/facts.csv"]), _rows(files["data/targets.csv"])
    assert len(fact_rows) == len(facts) > 0 and len(target_rows) == len(targets) > 0
    assert json.loads(files["data/facts.json"]) == [present.fact_row(yearbook, f, site_url()) for f in facts]
    for row, fact in zip(fact_rows, facts, strict=True):
        assert row["quote"] == fact.origin.quote and row["theme"] == fact.theme
        assert row["source_url"].startswith("https://yearbook.example.org/fork/sources/")
    for row, target in zip(target_rows, targets, strict=True):
        assert (int(row["set_in"]), int(row["for_year"]), row["text"]) == (target.set_in, target.for_year, target.text)
        assert row["status"] == present.target_status(yearbook, target).label


def test_site_url_comes_from_the_environment_or_mkdocs_yml(tmp_path, monkeypatch):
    config = tmp_path / "mkdocs.yml"
    config.write_text('site_url: !ENV [YEARBOOK_SITE_URL, "https://a.example/yearbook"]\n', encoding="utf-8")
    monkeypatch.delenv(ENV, raising=False)
    assert site_url(config) == "https://a.example/yearbook/"
    monkeypatch.setenv(ENV, "https://b.example/")
    assert site_url(config) == "https://b.example/"
    # The project's own mkdocs.yml names an address, so the sitemap and the downloads' links are absolute.
    monkeypatch.delenv(ENV)
    assert site_url().startswith("https://")


def test_an_edit_redoes_the_facts_and_targets_rows_it_touches(tmp_path):
    """The facts and targets files are put together per park-year; a rerun after an edit equals a fresh render."""
    import shutil

    from generator.reuse import Reuse

    data = tmp_path / "data"
    shutil.copytree(PROJECT / "data", data)
    reuse = Reuse()
    first = render_site(read_yearbook(data, reuse))
    year_file = data / "years/xiamen-torch/2016.yaml"
    text = year_file.read_text(encoding="utf-8")
    facts = text.index("\nfacts:")
    line = next(line for line in text[facts:].splitlines() if line.strip().startswith("text:"))
    year_file.write_text(text[:facts] + text[facts:].replace(line, line + "(修订)", 1), encoding="utf-8")
    again = render_site(read_yearbook(data, reuse))  # unchanged park-years are the same objects: their rows reused
    fresh = render_site(read_yearbook(data))
    assert again["data/facts.csv"] == fresh["data/facts.csv"] != first["data/facts.csv"]
    assert again["data/targets.csv"] == fresh["data/targets.csv"]
