"""Reading aids in the generated pages: per-quote anchors on report pages, period and scope marks beside values,
and the search metadata that lets a park be found by any of its names."""

from __future__ import annotations

import re
from types import SimpleNamespace

from generator.data.pipeline import read_yearbook
from generator.pages.render import MARKS_NOTE, quote_anchor, render_pages
from generator.pages.search_terms import name_terms

# A figure of the main area for January to September: the report says so in the quoted sentence.
PARTIAL_SOURCE = ("高新区完成规模以上工业总产值", "高新区主园区1-9月完成规模以上工业总产值")
PARTIAL_FIGURE = (
    "    change_pct: 8\n    source: demo-2016\n    quote: 规模以上工业总产值2145.69亿元,同比增长8%\n",
    "    change_pct: 8\n    period: 1-9月\n    scope: 主园区\n    source: demo-2016\n"
    "    quote: 主园区1-9月完成规模以上工业总产值2145.69亿元,同比增长8%\n",
)


def _pages(mini_data, tmp_path, changes=None):
    return render_pages(read_yearbook(mini_data(tmp_path, changes)))


def test_a_quote_anchor_is_readable_stable_and_distinct():
    quote = "规模以上工业总产值2145.69亿元,同比增长8%"
    anchor = quote_anchor(quote)
    assert anchor.startswith("q-规模以上工业总产值2145.69")
    assert anchor == quote_anchor("规模以上工业总产值 2145.69亿元,同比增长8%")  # spacing as in the report aside
    assert anchor != quote_anchor("规模以上工业总产值2145.69亿元,同比增长9%")
    assert quote_anchor("增长8%") == "q-增长8"
    assert re.fullmatch(r"q-[\w.-]+", anchor)


def test_report_page_marks_each_quote_with_its_own_anchor(mini_data, tmp_path):
    pages = _pages(mini_data, tmp_path)
    report = pages["sources/demo-2016.md"]
    # Two figures quote the same paragraph: two marks, each with its own anchor, not one merged highlight.
    for quote in ("规模以上工业总产值2145.69亿元,同比增长8%", "实际利用外资约3.65亿美元"):
        assert f'id="{quote_anchor(quote)}"' in report
    assert report.count("<mark") >= 3
    year = pages["parks/demo/2016.md"]
    assert f"#{quote_anchor('实际利用外资约3.65亿美元')}" in year
    assert "/#p" not in year


def test_overlapping_quotes_keep_both_anchors(mini_data, tmp_path):
    """A target quoting part of a figure's passage: the shared text belongs to both passages (data-q)."""
    year = mini_data.edited(
        "years/demo/2016.yaml", "    quote: 全年共策划生成96个产业项目\n", "    quote: 策划生成96个产业项目\n"
    )
    report = _pages(mini_data, tmp_path, {"years/demo/2016.yaml": year})["sources/demo-2016.md"]
    whole, part = quote_anchor("全年共策划生成96个产业项目"), quote_anchor("策划生成96个产业项目")
    assert f'id="{whole}"' in report and f'id="{part}"' in report
    assert f'data-q="{whole} {part}"' in report or f'data-q="{part} {whole}"' in report


def test_partial_period_and_scope_are_marked_with_a_note(mini_data, tmp_path):
    changes = {
        "years/demo/2016.yaml": mini_data.edited("years/demo/2016.yaml", *PARTIAL_FIGURE),
        "sources/demo-2016.txt": mini_data.edited("sources/demo-2016.txt", *PARTIAL_SOURCE),
    }
    pages = _pages(mini_data, tmp_path, changes)
    # (A part-year or part-park figure stays out of the park's series, so its park page does not show it.)
    for page in ("parks/demo/2016.md", "indicators/industrial_output_above_scale.md"):
        assert '<span class="yb-mark">(1–9月 · 主园区)</span>' in pages[page], page
        assert MARKS_NOTE in pages[page], page
    # A whole-year, whole-park figure carries no mark and its page no note.
    assert "yb-mark" not in pages["indicators/fdi_actual.md"]
    plain = _pages(mini_data, tmp_path / "plain")
    assert MARKS_NOTE not in plain["parks/demo/2016.md"]


def test_park_pages_carry_every_name_as_search_terms(mini_data, tmp_path):
    pages = _pages(mini_data, tmp_path)
    names = ("示范高新技术产业开发区", "示范高新区", "厦门市", "福建省", "Demo Hi-tech Industrial Development Zone")
    terms = name_terms(*names)
    assert f'data-pagefind-meta="names:{terms}"' in pages["parks/demo.md"]
    # Its years, newest first, for the search box to list under its result (yearbook-search.js); its year pages
    # carry no terms, nor the line of region, province and city, which the search index leaves out.
    assert 'data-pagefind-meta="years:2016"' in pages["parks/demo.md"]
    assert "data-pagefind" not in pages["parks/demo/2016.md"]
    assert "{: .yb-park-line }" in pages["parks/demo/2016.md"]
    words = terms.split(" ")
    # Every run of up to four characters: a query matches however the browser cuts it into words.
    for term in ("示", "示范", "示范高新", "高新区", "厦门", "Demo", "Zone"):
        assert term in words, term
    assert "示范高新技术" not in words  # longer runs are cut by either side anyway


def test_a_quote_over_several_paragraphs_has_its_anchor_once():
    """A table's rows quoted as one passage (指标 | 2008年 | … over several lines): one anchor, on its first piece;
    the rows after it carry the passage in data-q, as overlapping pieces do."""
    from generator.data.model import Source, paragraphs_of
    from generator.pages.report_text import source_body

    text = "指标名称 |\n2008年 |\n粮食产量 |\n4.48万吨 |\n说明。"
    source = Source(id="s", title="t", publisher="p", kind="press", published=None, park="p",
                    paragraphs=paragraphs_of(text), covers=(2008,))  # fmt: skip
    quote = "指标名称 | 2008年 | 粮食产量 | 4.48万吨"
    body = source_body(source, [SimpleNamespace(origin=SimpleNamespace(quote=quote))])  # an entry and its quote
    anchor = quote_anchor(quote)
    assert body.count(f'id="{anchor}"') == 1
    assert body.count(f'data-q="{anchor}"') == 3
