"""The printed volume: every figure and park in its text, every park in its bookmarks, every font embedded, linked
from the site; typeset again only when its content changes; text stays text."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.cli import main
from generator.data.pipeline import read_yearbook
from generator.pages import present
from tests.conftest import INJECTION_FIXTURE, PROJECT, copy_project

pytestmark = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext, pdffonts)")
YEAR = 2016


def _plain(text: str) -> str:
    """Text without white space: the PDF breaks lines anywhere in Chinese."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """The real data and the injection park, in a project of their own (its .cache/ is the test's)."""
    project = copy_project(tmp_path_factory.mktemp("volume") / "yearbook")
    shutil.copytree(INJECTION_FIXTURE, project / "data", dirs_exist_ok=True)
    return project


@pytest.fixture(scope="module")
def volume(project, tmp_path_factory) -> Path:
    pdf = tmp_path_factory.mktemp("pdf") / f"yearbook-{YEAR}.pdf"
    assert main(["--data", str(project / "data"), "pdf", str(YEAR), "-o", str(pdf)]) == 0
    return pdf


@pytest.fixture(scope="module")
def text(volume) -> str:
    return _plain(subprocess.run(["pdftotext", str(volume), "-"], capture_output=True, text=True, check=True).stdout)


def _year_entries():
    yearbook = read_yearbook(PROJECT / "data")
    return yearbook, [py for (_, year), py in yearbook.years.items() if year == YEAR]


def test_every_figure_of_the_year_stands_with_its_unit_its_growth_and_its_quote(text):
    yearbook, park_years = _year_entries()
    figures = [f for py in park_years for f in py.figures]
    assert figures
    for figure in figures:
        shown = present.with_qualifier(figure.value, figure.unit, figure.qualifier)
        assert _plain(shown) in text, shown
        assert _plain(figure.origin.quote) in text, figure.origin.quote
        if figure.change_pct is not None:
            assert _plain(present.growth(figure.change_pct, figure.change_qualifier)) in text
        assert yearbook.indicators[figure.indicator].name in text


def test_facts_targets_and_reports_are_in_the_volume(text):
    yearbook, park_years = _year_entries()
    for py in park_years:
        for entry in [*py.facts, *py.targets]:
            assert _plain(entry.text) in text, entry.text
            assert _plain(entry.origin.quote) in text, entry.origin.quote
        for source in py.sources:
            assert _plain(yearbook.sources[source].title) in text


def test_every_park_of_the_year_is_named_in_the_text_and_the_bookmarks(volume, text):
    yearbook, park_years = _year_entries()
    reader = PdfReader(volume)
    titles = []

    def walk(items):
        for item in items:
            walk(item) if isinstance(item, list) else titles.append(item.title)

    walk(reader.outline)
    assert {"目录", "前言", "阅读说明", "全国概览", "来源索引"} - set(titles) <= {"目录"}
    for py in park_years:
        park = yearbook.parks[py.park]
        assert park.short_name in titles
        assert _plain(park.name) in text
    parks_of_other_years = {p for (p, year) in yearbook.years if year != YEAR} - {py.park for py in park_years}
    assert not {yearbook.parks[p].short_name for p in parks_of_other_years} & set(titles)


def test_volume_is_a4_with_every_font_embedded_and_its_citation(volume, text):
    reader = PdfReader(volume)
    assert len(reader.pages) > 5
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    fonts = subprocess.run(["pdffonts", str(volume)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and any("CJK" in row[0] for row in rows)
    # The columns from the right: object ID (two), uni, sub, emb.
    assert [row[0] for row in rows if row[-5] != "yes"] == []
    assert "[M/OL]" in text and "@misc{park-yearbook-2016" in text and f"yearbook-{YEAR}.pdf" in text


def test_text_that_looks_like_markup_stays_text(project, tmp_path):
    """The injection park's names and summary (quotes, brackets, braces, #, backslashes) print as written."""
    pdf = tmp_path / "injection.pdf"
    assert main(["--data", str(project / "data"), "pdf", "2020", "-o", str(pdf)]) == 0
    text = _plain(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    yearbook = read_yearbook(project / "data")
    park = yearbook.parks["zz-injection"]
    assert _plain(park.name) in text
    # pdftotext joins a word broken at its hyphen at a line's end (summary-link → summarylink): compared without them.
    assert _plain(yearbook.years[("zz-injection", 2020)].summary).replace("-", "") in text.replace("-", "")


def test_a_volume_is_typeset_again_only_when_its_content_changes(project, volume, tmp_path, capsys):
    output = tmp_path / "again.pdf"
    capsys.readouterr()
    assert main(["--data", str(project / "data"), "pdf", str(YEAR), "-o", str(output)]) == 0
    assert "unchanged since it was typeset" in capsys.readouterr().out
    assert output.read_bytes() == volume.read_bytes()
    year_file = project / "data" / "years" / "xiamen-torch" / f"{YEAR}.yaml"
    original = year_file.read_text(encoding="utf-8")
    try:
        year_file.write_text(re.sub(r"(?m)^summary: ", "summary: 编者修订。", original, count=1), encoding="utf-8")
        assert main(["--data", str(project / "data"), "pdf", str(YEAR), "-o", str(output)]) == 0
        assert "(typeset;" in capsys.readouterr().out
        assert len(list((project / ".cache" / "volumes").glob(f"{YEAR}-*.pdf"))) == 1  # the old one is gone
    finally:
        year_file.write_text(original, encoding="utf-8")


def test_a_year_without_reports_is_refused(project, capsys):
    assert main(["--data", str(project / "data"), "pdf", "1999"]) == 1
    years = ", ".join(str(year) for year in sorted({year for _, year in read_yearbook(project / "data").years}))
    assert f"YEAR: expected a year some park reported ({years}), found 1999" in capsys.readouterr().err


def test_the_site_links_every_volume_from_data_and_the_year_pages(built_site):
    site = built_site / "site"
    years = sorted({year for _, year in read_yearbook(built_site / "data").years})
    data_page = (site / "data" / "index.html").read_text(encoding="utf-8")
    for year in years:
        assert f'href="yearbook-{year}.pdf"' in data_page
        assert (site / "data" / f"yearbook-{year}.pdf").read_bytes().startswith(b"%PDF-")
    year_page = site / "parks" / "xiamen-torch" / str(YEAR) / "index.html"
    (link,) = re.findall(r'href="([^"]*yearbook-\d+\.pdf)"', year_page.read_text(encoding="utf-8"))
    assert (year_page.parent / link).resolve() == (site / "data" / f"yearbook-{YEAR}.pdf").resolve()


def test_missing_chinese_fonts_are_one_line_not_empty_boxes(project, monkeypatch, capsys):
    from generator.pages.volume import typeset

    monkeypatch.setattr(typeset, "FONT_DIRS", ("/nonexistent/fonts",))
    assert main(["--data", str(project / "data"), "pdf", "2022", "-o", str(project / "none.pdf")]) == 1
    err = capsys.readouterr().err
    assert "/nonexistent/fonts/NotoSerifCJK-Regular.ttc:1: (font): expected Debian's fonts-noto-cjk" in err
    assert not (project / "none.pdf").exists()
