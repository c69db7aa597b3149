"""The search index: one Pagefind index of the pages' articles, fed through Pagefind's indexing service."""

from __future__ import annotations

import base64
import gzip
import json
from pathlib import Path

import pytest

from generator.publish.search_index import FULL_TEXT_DIR, REPORT_BODY, SEARCH_DIR, PagefindService, index_site

_PAGE = """<!DOCTYPE html><html lang="zh-CN"><head><title>{title}</title></head><body>
<nav>导航 菜单 不应被索引</nav>
<article class="md-content__inner md-typeset"><h1 id="top">{title}</h1>
<div hidden data-pagefind-meta="names:{title}"></div>
<p id="p1">{text}</p><details><summary>数据表</summary><table><tr><td>图表数据</td></tr></table></details>
<ul class="yb-chart-key"><li>空心圆点说明</li></ul>
<table><thead><tr><th>目标年份表头</th></tr></thead><tbody><tr><td class="yb-target-text">引进项目十个
<a href="#q">原文链接</a></td><td class="yb-target-value">约 1100亿元</td>
<td><span class="yb-status">尚无报告</span></td></tr></tbody></table>
</article></body></html>"""


def _fragments(site, folder: str = SEARCH_DIR) -> list[dict]:
    """Every page of one index as Pagefind stored it (its URL, text and metadata)."""
    found = []
    for path in (site / folder / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        found.append(json.loads(data[data.index(b"{") :]))
    return found


def test_indexes_hold_each_article_once_and_nothing_else(tmp_path):
    """The yearbook's pages go into the first index, the reports (their archived text) into the second."""
    site = tmp_path / "site"
    pages = (
        ("parks/a", "甲高新区", "集成电路产业产值增长"),
        ("sources/b", "乙报告", f'{REPORT_BODY}<p id="p1">莫兰蒂项目开工</p></div>'),
    )
    for folder, title, text in pages:
        (site / folder).mkdir(parents=True)
        (site / folder / "index.html").write_text(_PAGE.format(title=title, text=text), encoding="utf-8")
    (site / "redirect.html").write_text("<html><body><p>跳转</p></body></html>", encoding="utf-8")
    (site / SEARCH_DIR).mkdir()
    (site / SEARCH_DIR / "stale.pf_meta").write_text("an earlier build's file", encoding="utf-8")
    index_site(site)
    index_site(site)  # a second build replaces the indexes: the same files, none left over
    assert not (site / SEARCH_DIR / "stale.pf_meta").exists()
    for folder in (SEARCH_DIR, FULL_TEXT_DIR):
        assert len(list((site / folder).glob("pagefind.*.pf_meta"))) == 1, folder
        assert (site / folder / "pagefind-entry.json").is_file()
    indexed = {
        folder: {page["url"]: page for page in _fragments(site, folder)} for folder in (SEARCH_DIR, FULL_TEXT_DIR)
    }
    # The page without an article is in neither; the report only in the full text.
    assert sorted(indexed[SEARCH_DIR]) == ["/parks/a/"]
    assert sorted(indexed[FULL_TEXT_DIR]) == ["/sources/b/"]
    pages = indexed[SEARCH_DIR] | indexed[FULL_TEXT_DIR]
    text = {url: page["content"].replace("\u200b", "") for url, page in pages.items()}  # Pagefind's word breaks
    assert "集成电路产业产值增长" in text["/parks/a/"]
    assert "莫兰蒂项目开工" in text["/sources/b/"]
    assert pages["/parks/a/"]["meta"]["names"] == "甲高新区"
    assert "引进项目十个" in text["/parks/a/"]  # a target's text is found,
    for content in text.values():
        assert "导航" not in content  # only the article
        assert "图表数据" not in content  # chart data tables stay out
        # and what every page of a kind repeats: a chart's key, table headers, a target's link, value and status
        for boilerplate in ("空心圆点", "目标年份表头", "原文链接", "1100亿元", "尚无报告"):
            assert boilerplate not in content, boilerplate


def test_service_error_is_reported_with_pagefind_message():
    with PagefindService() as service, pytest.raises(RuntimeError, match="pagefind failed: "):
        service.call({"type": "AddFile", "index_id": 99, "file_path": "a/index.html", "file_contents": "<p>x</p>"})


def _tree(folder) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_a_stored_index_is_reused_only_while_its_pages_are_unchanged(tmp_path, monkeypatch):
    """With a store, an index whose pages did not change is copied, not built; a changed report page rebuilds the
    full-text index alone; a stored index cut short is never used."""
    from generator.publish import search_index

    site, store = tmp_path / "site", tmp_path / "store"
    pages = {
        "parks/a": ("甲高新区", "集成电路产业产值增长"),
        "sources/b": ("乙报告", f"{REPORT_BODY}<p>莫兰蒂项目开工</p></div>"),
    }
    for folder, (title, text) in pages.items():
        (site / folder).mkdir(parents=True)
        (site / folder / "index.html").write_text(_PAGE.format(title=title, text=text), encoding="utf-8")
    built = []
    real_index = search_index._Index

    class Counting(real_index):
        def __enter__(self):
            built.append(self._output.name)
            return super().__enter__()

    monkeypatch.setattr(search_index, "_Index", Counting)
    index_site(site, store)
    first = {folder: _tree(site / folder) for folder in (SEARCH_DIR, FULL_TEXT_DIR)}
    assert built == [SEARCH_DIR, FULL_TEXT_DIR]
    index_site(site, store)  # nothing changed: both copied, the same bytes
    assert built == [SEARCH_DIR, FULL_TEXT_DIR]
    assert {folder: _tree(site / folder) for folder in (SEARCH_DIR, FULL_TEXT_DIR)} == first
    report = site / "sources/b/index.html"
    report.write_text(report.read_text(encoding="utf-8").replace("莫兰蒂", "金砖"), encoding="utf-8")
    index_site(site, store)  # a report changed: its index alone is built again, and finds the new words
    assert built == [SEARCH_DIR, FULL_TEXT_DIR, FULL_TEXT_DIR]
    assert "金砖项目开工" in _fragments(site, FULL_TEXT_DIR)[0]["content"].replace("\u200b", "")
    for kept in store.glob(f"{FULL_TEXT_DIR}-*"):
        (kept / ".complete").unlink()  # as if the copy into the store had been cut short
    index_site(site, store)
    assert built == [SEARCH_DIR, FULL_TEXT_DIR, FULL_TEXT_DIR, FULL_TEXT_DIR]


def test_full_text_in_parts_holds_every_report_once(tmp_path, monkeypatch):
    """Past REPORTS_PER_PART reports, the full text is split among parts (pagefind-text/, pagefind-text-2/, …),
    each report in one; the first part's parts.json names the others for the search box. Fewer reports again: one
    part, the others gone."""
    from generator.publish import search_index

    site = tmp_path / "site"
    reports = [f"sources/r{number}" for number in range(6)]
    for number, folder in enumerate(reports):
        (site / folder).mkdir(parents=True)
        text = f'{REPORT_BODY}<p id="p1">第{number}号报告项目开工</p></div>'
        (site / folder / "index.html").write_text(_PAGE.format(title=f"报告{number}", text=text), encoding="utf-8")
    monkeypatch.setattr(search_index, "REPORTS_PER_PART", 2)
    index_site(site)
    folders = [FULL_TEXT_DIR, f"{FULL_TEXT_DIR}-2", f"{FULL_TEXT_DIR}-3"]
    assert json.loads((site / FULL_TEXT_DIR / "parts.json").read_text()) == [f"{folder}/" for folder in folders[1:]]
    found = [page["url"] for folder in folders for page in _fragments(site, folder)]
    assert sorted(found) == sorted(f"/{folder}/" for folder in reports)
    assert all(_fragments(site, folder) for folder in folders)  # no part empty here
    monkeypatch.setattr(search_index, "REPORTS_PER_PART", 100)
    index_site(site)
    assert json.loads((site / FULL_TEXT_DIR / "parts.json").read_text()) == []
    assert not (site / folders[1]).exists() and not (site / folders[2]).exists()
    assert len(_fragments(site, FULL_TEXT_DIR)) == len(reports)


def test_ids_are_kept_as_empty_markers_at_the_same_place(tmp_path):
    """Pagefind stores an element's text with its id: a paragraph's or a quote's id goes to an empty marker at the
    start of the element, at the same word, so its text is stored once; a heading keeps its text (a sub-result)."""
    from generator.publish import search_index

    site = tmp_path / "site"
    (site / "sources/b").mkdir(parents=True)
    body = f'{REPORT_BODY}<p id="p1">园区概况</p><p id="p2">全年<mark id="q-x">营业收入增长</mark>明显</p></div>'
    (site / "sources/b/index.html").write_text(_PAGE.format(title="乙报告", text=body), encoding="utf-8")
    index_site(site)
    (page,) = _fragments(site, FULL_TEXT_DIR)
    anchors = {anchor["id"]: anchor for anchor in page["anchors"]}
    assert anchors["top"]["element"] == "h1" and anchors["top"]["text"] == "乙报告"
    assert [anchors[name]["text"] for name in ("p1", "p2", "q-x")] == ["", "", ""]
    # The same article with its ids where they stand: the same words, each id at the same place.
    html = (site / "sources/b/index.html").read_text(encoding="utf-8")
    article = html[html.find("<article") : html.rfind("</article>") + len("</article>")]
    plain = f"<!DOCTYPE html><html><body>{article}</body></html>"
    with search_index._Index(tmp_path / "plain") as index:
        index.add(Path("sources/b/index.html"), plain)
    (unchanged,) = _fragments(tmp_path, "plain")
    assert "园区概况" in [a["text"] for a in unchanged["anchors"]]  # a paragraph's text, stored again with its id
    assert page["content"] == unchanged["content"]
    places = [[(a["id"], a["location"]) for a in fragment["anchors"]] for fragment in (page, unchanged)]
    assert places[0] == places[1]


def test_an_index_is_written_whole_from_the_services_answer(tmp_path):
    """Pagefind's own writes were cut short when its service ended (pagefind-ui.js at 65536 of 119987 bytes): the
    files are written from its GetFiles answer, each as long as Pagefind made it."""
    from generator.publish.search_index import PAGEFIND_CONFIG, _Index

    with PagefindService() as service:
        index = service.call({"type": "NewIndex", "config": PAGEFIND_CONFIG})["index_id"]
        service.call({"type": "AddFile", "index_id": index, "file_path": "a/index.html",
                      "file_contents": "<article>高新区 营业收入 1000亿元</article>"})  # fmt: skip
        made = {file["path"]: len(base64.b64decode(file["content"])) for file in
                service.call({"type": "GetFiles", "index_id": index})["files"]}  # fmt: skip
    output = tmp_path / "pagefind"
    with _Index(output) as written:
        written.add(Path("a/index.html"), "<article>高新区 营业收入 1000亿元</article>")
    on_disk = {path.relative_to(output).as_posix(): path.stat().st_size for path in output.rglob("*") if path.is_file()}
    assert on_disk == made and on_disk["pagefind-ui.js"] > 65536


def test_answers_are_read_in_chunks_and_one_at_a_time():
    """A long answer arrives in many chunks; a second answer already in the pipe waits for its own call."""
    import io

    service = PagefindService()
    first = base64.b64encode(json.dumps({"payload": {"n": "x" * 200_000}}).encode())
    second = base64.b64encode(json.dumps({"payload": {"n": 2}}).encode())
    service._process = type("Process", (), {"stdout": io.BufferedReader(io.BytesIO(first + b"," + second + b","))})()
    assert service._read_answer()["payload"]["n"] == "x" * 200_000
    assert service._read_answer()["payload"]["n"] == 2
    assert service._read_answer() is None
