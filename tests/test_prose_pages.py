"""Every number a reader sees on the generated pages of the real data is traced: to a number the data proves (a
figure, a growth, a target's value, the words of a quote), to a number the site computes by a rule of the about
page, or to page furniture (years in links and titles, dates, footnote and paragraph numbers). The pages are the
Markdown `yearbook generate` writes into docs/ for data/ (rendered here in memory); a number it cannot trace fails.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest

from generator.data.model import Yearbook
from generator.data.pipeline import read_yearbook
from generator.data.prose import figures_in, masked
from generator.pages import present
from generator.pages.kinds import HOME_INDICATORS, HOME_PARKS
from generator.pages.render import render_site
from generator.reading.numbers import (
    NumberToken,
    find_numbers,
    normalize,
    split_unit,
    to_decimal,
    unit_after,
)
from generator.reading.words import UNIT_SYNONYMS

PROJECT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def site() -> tuple[Yearbook, dict[str, str]]:
    yearbook = read_yearbook(PROJECT / "data")
    files = render_site(yearbook)
    return yearbook, {path: data.decode("utf-8") for path, data in files.items() if path.endswith(".md")}


# --- what a reader sees ------------------------------------------------------------------------------------------

_SPOKEN = re.compile(r'\s(?:aria-label|title|alt)="([^"]*)"')  # attribute values a screen reader or tooltip shows
_FOOTNOTE_REF = re.compile(r"<sup id=\"fnref:[^\"]*\">.*?</sup>")  # a footnote's number: furniture
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)(?:\s+\"([^\"]*)\")?\)")  # [text](url "title"): no address
_FOOTNOTE_LABEL = re.compile(r"\[\^[^\]]+\]:?")
_TAG = re.compile(r"<[^>]*>")
_MARKDOWN_ATTRIBUTES = re.compile(r"\{:[^}]*\}")


def visible_text(markdown: str) -> str:
    """The words of a generated page as a reader meets them: text, link words, titles read aloud; no addresses,
    tags, anchors or footnote numbers; cells and elements kept apart by '|'."""
    text = _FOOTNOTE_REF.sub("|", markdown)
    spoken = " | ".join(html.unescape(value) for value in _SPOKEN.findall(text))
    text = re.sub(r"<!--.*?-->", "|", text, flags=re.S)
    text = _LINK.sub(lambda m: m.group(1) + (f"|{m.group(3)}|" if m.group(3) else ""), text)
    text = _FOOTNOTE_LABEL.sub("|", text)
    text = _MARKDOWN_ATTRIBUTES.sub("|", text)
    text = _TAG.sub("|", text)
    text = re.sub(r"\\([\\`*_{}\[\]()#+\-.!|~<>])", r"\1", text)  # Markdown's escapes, as the reader sees them
    return normalize(html.unescape(text + "|" + spoken))


# --- what traces a number ----------------------------------------------------------------------------------------


def _proven(
    yearbook: Yearbook, parks: set[str] | None, indicator: str | None = None, entries: bool = True
) -> set[tuple[Decimal, str]]:
    """(amount, base unit) of every number the data proves for `parks` (all when None), or of one indicator: the
    figures' values and growth; with `entries` also the facts' and targets' numbers and their quotes' (a fact's
    text may state a number of its quote); and each value as written with no unit (a table's cell, its unit in the
    row's or the column's head)."""
    found: set[tuple[Decimal, str]] = set()

    def add(value, unit: str) -> None:
        scale, base = split_unit(unit)
        found.add((abs(to_decimal(value) * scale), _BASE_UNIT.get(base, base)))
        found.add((abs(to_decimal(value)), "(cell)"))

    for (park, _), park_year in yearbook.years.items():
        if parks is not None and park not in parks:
            continue
        for figure in park_year.figures:
            if indicator is None or figure.indicator == indicator:
                add(figure.value, figure.unit)
                if figure.change_pct is not None:
                    add(figure.change_pct, "%")
        if indicator is not None or not entries:
            continue
        for entry in (*park_year.figures, *park_year.facts, *park_year.targets):
            found |= {(abs(said.amount), said.unit) for said in figures_in(entry.origin.quote)}
        for fact in park_year.facts:
            for figure in fact.figures:
                add(figure.value, figure.unit)
        for target in park_year.targets:
            add(target.value, target.unit)
    return found


# A unit's other words as the checker reads them (words.UNIT_SYNONYMS): 227户 is 227家, 3名 is 3人.
_BASE_UNIT = {other: base for base, others in UNIT_SYNONYMS.items() for other in others}


def _quotes_and_notes(yearbook: Yearbook) -> list[str]:
    """The quotes (the reports' own words, proven to stand in the archive), the reports' titles (cited as their
    publishers wrote them) and their publishers' names (创新360)."""
    found = [normalize(source.title) for source in yearbook.sources.values()]
    found += [normalize(source.publisher) for source in yearbook.sources.values() if source.publisher]
    for park_year in yearbook.years.values():
        for entry in (*park_year.figures, *park_year.facts, *park_year.targets):
            found.append(normalize(entry.origin.quote))
    return sorted(set(found), key=len, reverse=True)


def _years(yearbook: Yearbook) -> set[int]:
    """Every year the yearbook names: its park-years, the years targets are set in and for, reports' years."""
    years = {year for _, year in yearbook.years}
    for park_year in yearbook.years.values():
        years |= {t.for_year for t in park_year.targets}
    for source in yearbook.sources.values():
        years |= set(source.covers) | ({source.year} if source.year else set())
    years |= {park.national_since for park in yearbook.parks.values() if park.national_since}
    return years


def _computed(yearbook: Yearbook, page: str) -> set[Decimal]:
    """The numbers the site computes for `page`, each by its rule (docs/about.md, 网站计算的数字)."""
    numbers: set[int] = set()
    if page == "index.md":
        latest = {p: yearbook.park_years(p)[-1] for p in yearbook.parks if yearbook.park_years(p)}
        numbers |= {len(yearbook.parks), len(yearbook.years), len(yearbook.figures()), len(yearbook.sources)}
        numbers |= {min(len(latest), HOME_PARKS), len(latest)}
        by_indicator = {i: [f for f in yearbook.figures() if f.indicator == i] for i in yearbook.indicators}
        numbers.add(len(present.headline_indicators(by_indicator, HOME_INDICATORS)))
        compared = present.compared(by_indicator)
        if compared:
            in_year = [f for f in by_indicator[compared[0]] if f.year == compared[1]]
            numbers |= {compared[2], len(in_year)} | {rank for rank, _ in present.ranked(in_year) if rank}
    elif page.startswith("indicators/"):
        indicator, _, year = page.removeprefix("indicators/").removesuffix(".md").partition("/")
        figures = [f for f in yearbook.figures() if f.indicator == indicator]
        chosen = present.ranking_year(figures)
        shown = int(year) if year else (chosen or (None,))[0]
        in_year = [f for f in figures if f.year == shown]
        numbers |= {chosen[1]} if chosen and not year else set()  # the page says how many parks its year has
        numbers |= {rank for rank, _ in present.ranked(in_year) if rank}
    elif page.startswith("parks/"):
        park = page.split("/")[1].removesuffix(".md")
        targets = [t for py in yearbook.park_years(park) for t in py.targets]
        for for_year in {t.for_year for t in targets}:
            group = [t for t in targets if t.for_year == for_year]
            states = [present.target_status(yearbook, t).state for t in group]
            numbers |= {len(group), states.count("met"), states.count("missed")}
            numbers.add(len([s for s in states if s not in ("met", "missed")]))
        for indicator in yearbook.indicators:
            series = yearbook.series(park, indicator)
            for figure in series:
                place = present.position(series, figure.year)
                numbers |= {place["count"], place["rank"]}
    return {Decimal(n) for n in numbers}


# Words of the page templates themselves, the same on every page of a kind (a chart's key, the home page's notes).
_TEMPLATE_WORDS = (
    "相隔一年以上的两年之间不连线",
    "还没有两个园区报告同一",
    "还没有一个年份有两个园区报告",
    "并给出两个数字",
)


def _spans(text: str, pieces: list[str]) -> list[tuple[int, int]]:
    spans = []
    for piece in pieces:
        at = text.find(piece)
        while piece and at >= 0:
            spans.append((at, at + len(piece)))
            at = text.find(piece, at + 1)
    return spans


def untraced(yearbook: Yearbook, page: str, markdown: str) -> list[str]:
    """Every number of the page that nothing traces, with the words around it."""
    text = masked(visible_text(markdown))  # a cited page's address, a document number: no figure, as prose reads
    for source in yearbook.sources.values():
        if source.published:
            text = text.replace(source.published, "＿" * len(source.published))  # a report's date
    quoted = _spans(text, _quotes_and_notes(yearbook))
    # Each page is traced to what it shows: a year page to its park's entries (its targets checked against other
    # years, its place in the park's series); a park's page and the home page to indicator figures only; an
    # indicator's pages to that indicator's figures.
    if page.startswith("parks/"):
        parks = {page.split("/")[1].removesuffix(".md")}
        proven = _proven(yearbook, parks, entries=page.count("/") == 2)  # a year page, not the park's own
    elif page.startswith("indicators/"):
        proven = _proven(yearbook, None, page.removeprefix("indicators/").removesuffix(".md").split("/")[0])
    else:
        proven = _proven(yearbook, None, entries=False)
    computed, years = _computed(yearbook, page), _years(yearbook)
    words = _spans(text, list(_TEMPLATE_WORDS))
    problems = []
    for token in _numbers(text):
        if any(start <= token.start < end for start, end in quoted + words):
            continue  # the report's own words, or the templates'
        unit = unit_after(token)
        amount = abs(token.amount)
        if token.before.endswith("第"):
            continue  # an ordinal, as the prose check reads it: 第12段 (where a quote stands), 2012年第6期
        if token.after.startswith(("月", "日")) or re.match(r"^[-–—~至]\d+月", token.after):
            continue  # a date or a part of the year: 1-9月
        whole = amount == amount.to_integral_value() and not token.multiplier
        if whole and 1900 <= amount <= 2099 and token.after.startswith("年"):
            continue  # a year as words write it: 2016年, 2021年度
        if whole and int(amount) in years and not unit:
            continue  # a year in a link, a row of years, a bracket after a value: one of the yearbook's years
        if (amount, _BASE_UNIT.get(unit, unit)) in proven:
            continue
        if not unit and not token.multiplier and (amount, "(cell)") in proven:
            continue  # a table's cell: the unit stands in its row's or column's head
        if whole and amount in computed and unit in ("", "个", "项", "名", "年"):
            continue
        problems.append(f"{page}: {token.before}[{text[token.start : token.end]}]{token.after}")
    return problems


def _numbers(text: str) -> Iterator[NumberToken]:
    """Arabic numbers, and Chinese numerals that count something (两家, 三百多名), as the checker reads them."""
    yield from find_numbers(text)
    for said in figures_in(text):
        if not said.token.before[-1:].isdigit() and not text[said.token.start].isdigit():
            yield said.token


def _scanned(pages: dict[str, str]) -> list[str]:
    return sorted(
        path
        for path in pages
        if path == "index.md"
        or (path.startswith("parks/") and not path.endswith(("sources.md",)) and path != "parks/index.md")
        or (path.startswith("indicators/") and path != "indicators/index.md")
    )


def test_every_number_on_the_generated_pages_is_traced(site):
    yearbook, pages = site
    scanned = _scanned(pages)
    kinds = {path.split("/")[0] for path in scanned}
    assert kinds == {"index.md", "parks", "indicators"}
    assert sum(bool(re.fullmatch(r"parks/[^/]+/\d{4}\.md", path)) for path in scanned) == len(yearbook.years)
    problems = [problem for path in scanned for problem in untraced(yearbook, path, pages[path])]
    assert problems == []


def test_a_number_the_data_does_not_prove_is_caught(site):
    """The scan is no formality: a wrong number slipped into a page, or an untraced count, is found."""
    yearbook, pages = site
    page = pages["parks/xiamen-torch/2016.md"]
    assert untraced(yearbook, "parks/xiamen-torch/2016.md", page) == []
    wrong = page.replace("2145.69亿元、增长8%", "2945.69亿元、增长18%", 1)
    found = untraced(yearbook, "parks/xiamen-torch/2016.md", wrong)
    assert len(found) == 2 and "[2945.69亿]" in found[0] and "[18]" in found[1]
    counted = f"收录 **{len(yearbook.parks)}** 个园区"
    assert counted in pages["index.md"]
    home = pages["index.md"].replace(counted, "收录 **9999** 个园区")
    assert [p for p in untraced(yearbook, "index.md", home) if "[9999]" in p]


def test_visible_text_drops_addresses_and_footnote_numbers():
    markdown = (
        '<td><a href="../2020/" title="2017年报告">2020</a><sup id="fnref:i3"><a href="#fn:i3">3</a></sup></td>'
        '[95亿元](sources/x.md#q-100 "查看原文出处")'
    )
    assert visible_text(markdown) == "||2020|||95亿元|查看原文出处||2017年报告"


def test_a_date_is_masked_but_an_amount_that_holds_a_year_s_digits_is_a_figure():
    assert masked("发布于2026.02.12,2017-02-03") == "发布于" + "＿" * 10 + "," + "＿" * 10
    # 11985.31 holds 1985.31 and 2019.5亿元 reads like a year and a month: both are amounts the prose must prove.
    shown = [said.shown for said in figures_in("规模以上工业总产值11985.31亿元、营业收入2019.5亿元")]
    assert shown == ["11985.31亿元", "2019.5亿元"]
