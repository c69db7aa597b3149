"""The search index: one Pagefind index of the pages' articles, fed through Pagefind's indexing service."""

from __future__ import annotations

import gzip
import json

import pytest

from generator.build.search_index import SEARCH_DIR, PagefindService, index_site

_PAGE = """<!DOCTYPE html><html lang="zh-CN"><head><title>{title}</title></head><body>
<nav>导航 菜单 不应被索引</nav>
<article class="md-content__inner md-typeset"><h1 id="top">{title}</h1>
<div hidden data-pagefind-meta="names:{title}"></div>
<p id="p1">{text}</p><details><summary>数据表</summary><table><tr><td>图表数据</td></tr></table></details>
</article></body></html>"""


def _fragments(site) -> list[dict]:
    """Every indexed page as Pagefind stored it (its URL, text and metadata)."""
    found = []
    for path in (site / SEARCH_DIR / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        found.append(json.loads(data[data.index(b"{") :]))
    return found


def test_index_holds_each_article_once_and_nothing_else(tmp_path):
    site = tmp_path / "site"
    pages = (("parks/a", "甲高新区", "集成电路产业产值增长"), ("sources/b", "乙报告", "莫兰蒂项目开工"))
    for folder, title, text in pages:
        (site / folder).mkdir(parents=True)
        (site / folder / "index.html").write_text(_PAGE.format(title=title, text=text), encoding="utf-8")
    (site / "redirect.html").write_text("<html><body><p>跳转</p></body></html>", encoding="utf-8")
    (site / SEARCH_DIR).mkdir()
    (site / SEARCH_DIR / "stale.pf_meta").write_text("an earlier build's file", encoding="utf-8")
    index_site(site)
    index_site(site)  # a second build replaces the index: the same files, none left over
    assert not (site / SEARCH_DIR / "stale.pf_meta").exists()
    assert len(list((site / SEARCH_DIR).glob("pagefind.*.pf_meta"))) == 1
    assert (site / SEARCH_DIR / "pagefind-entry.json").is_file()
    pages = {page["url"]: page for page in _fragments(site)}
    assert sorted(pages) == ["/parks/a/", "/sources/b/"]  # the page without an article is not indexed
    text = {url: page["content"].replace("\u200b", "") for url, page in pages.items()}  # Pagefind's word breaks
    assert "集成电路产业产值增长" in text["/parks/a/"]
    assert pages["/parks/a/"]["meta"]["names"] == "甲高新区"
    for content in text.values():
        assert "导航" not in content  # only the article
        assert "图表数据" not in content  # chart data tables stay out


def test_service_error_is_reported_with_pagefind_message():
    with PagefindService() as service, pytest.raises(RuntimeError, match="pagefind failed: "):
        service.call({"type": "AddFile", "index_id": 99, "file_path": "a/index.html", "file_contents": "<p>x</p>"})
