"""The built HTML kept in .cache/pages/ (generator/publish/built_pages.py): a page is built again exactly when what it
is made from changed, and a build that takes pages from there writes the same bytes as one that builds them all."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config import load_config

from generator.publish.built_pages import FOLDER, built_pages
from generator.publish.mkdocs_shard import Share, build_share

PAGES = {
    "index.md": "# 首页\n\n见[甲](a.md)与[乙](b.md)。\n",
    "a.md": "# 甲\n\n营业收入 1,234 亿元。\n",
    "b.md": "# 乙\n\n规上工业总产值 567 亿元。\n",
    "about.md": "# 关于\n\n本站。\n",
}
NAV = [{"首页": "index.md"}, {"甲": "a.md"}, {"乙": "b.md"}, "about.md"]


@pytest.fixture(autouse=True)
def _fixed_build_date(monkeypatch):
    """The plain mkdocs theme writes the build's time into every page (Material does not): one time for all."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def _project(root: Path, pages: dict[str, str] | None = None) -> Path:
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "mkdocs.yml").write_text("site_name: 示范\ntheme: mkdocs\n", encoding="utf-8")
    for name, text in {**PAGES, **(pages or {})}.items():
        (root / "docs" / name).write_text(text, encoding="utf-8")
    return root


def _build(root: Path, site: str, nav=NAV, cache: bool = True, share: Share | None = None) -> dict[str, bytes]:
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / site), nav=nav, strict=True)
    kept = built_pages(config, nav, refused=not cache)
    assert build_share(config, share, kept) is None
    return {p.relative_to(root / site).as_posix(): p.read_bytes() for p in (root / site).rglob("*.html")}


def _kept(root: Path) -> dict[str, int]:
    return {p.relative_to(root / FOLDER).as_posix(): p.stat().st_mtime_ns for p in (root / FOLDER).rglob("*.z")}


def test_a_build_from_kept_pages_equals_a_cold_one_and_redoes_only_what_changed(tmp_path, monkeypatch):
    monkeypatch.delenv("YEARBOOK_NO_CACHE", raising=False)
    root = _project(tmp_path / "p")
    first = _build(root, "site1")
    kept = _kept(root)
    assert set(kept) == {f"{name}.html.z" for name in PAGES}
    assert _build(root, "site2") == first  # every page from the cache, the same bytes
    assert _kept(root) == kept  # nothing built again

    _project(root, {"a.md": "# 甲\n\n营业收入 1,300 亿元。\n"})  # one page edited
    edited = _build(root, "site3")
    assert edited == _build(root, "cold3", cache=False)
    again = _kept(root)
    assert [name for name in kept if again[name] != kept[name]] == ["a.md.html.z"]

    renamed = [{"首页": "index.md"}, {"甲园区": "a.md"}, {"乙": "b.md"}, "about.md"]  # the menu: every page
    assert _build(root, "site4", nav=renamed) == _build(root, "cold4", nav=renamed, cache=False)
    assert all(_kept(root)[name] != again[name] for name in again)

    _project(root, {"about.md": "# 关于本站\n\n本站。\n"})  # a page the menu names by its own heading
    assert _build(root, "site5", nav=renamed) == _build(root, "cold5", nav=renamed, cache=False)


def test_each_share_keeps_its_own_pages_and_the_shares_together_make_the_site(tmp_path, monkeypatch):
    monkeypatch.delenv("YEARBOOK_NO_CACHE", raising=False)
    root = _project(tmp_path / "p")
    cold = _build(root, "cold", cache=False)
    shares = [Share(index, 2) for index in range(2)]
    first = {name: html for share in shares for name, html in _build(root, f"site{share.index}", share=share).items()}
    assert set(_kept(root)) == {f"{name}.html.z" for name in PAGES}
    again = {name: html for share in shares for name, html in _build(root, f"again{share.index}", share=share).items()}
    assert first == again == cold


def test_a_page_is_kept_only_from_a_build_without_warnings(tmp_path, monkeypatch):
    monkeypatch.delenv("YEARBOOK_NO_CACHE", raising=False)
    root = _project(tmp_path / "p", {"b.md": "# 乙\n\n见[不存在](missing.md)。\n"})
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"), nav=NAV, strict=True)
    assert build_share(config, None, built_pages(config, NAV)) is not None  # --strict: the broken link fails it
    assert _kept(root) == {}
    assert build_share(config, None, built_pages(config, NAV)) is not None  # and again: nothing taken from a cache


@pytest.mark.parametrize("refused", [True, False])
def test_no_cache_and_the_environment_turn_it_off(tmp_path, monkeypatch, refused):
    if not refused:
        monkeypatch.setenv("YEARBOOK_NO_CACHE", "1")
    config = load_config(str(_project(tmp_path) / "mkdocs.yml"), nav=NAV)
    assert built_pages(config, NAV, refused=refused) is None


def test_the_site_address_from_the_environment_is_part_of_every_key(tmp_path, monkeypatch):
    monkeypatch.delenv("YEARBOOK_NO_CACHE", raising=False)
    root = _project(tmp_path / "p")
    (root / "mkdocs.yml").write_text(
        'site_name: 示范\ntheme: mkdocs\nsite_url: !ENV [YEARBOOK_SITE_URL, "https://example.org/"]\n', encoding="utf-8"
    )
    _build(root, "site1")
    monkeypatch.setenv("YEARBOOK_SITE_URL", "https://example.com/yearbook/")
    assert _build(root, "site2") == _build(root, "cold2", cache=False)  # canonical links at the new address


def test_a_damaged_or_foreign_entry_is_built_again(tmp_path, monkeypatch):
    monkeypatch.delenv("YEARBOOK_NO_CACHE", raising=False)
    root = _project(tmp_path / "p")
    cold = _build(root, "cold", cache=False)
    _build(root, "site1")
    entries = root / FOLDER
    (entries / "a.md.html.z").write_bytes(b"not a kept page")  # damaged
    key = (entries / "b.md.html.z").read_bytes()[:64]
    (entries / "b.md.html.z").write_bytes(key + b"\x78\x9c broken zlib")  # the right key, unreadable HTML
    (entries / "index.md.html.z").write_bytes(b"0" * 64 + (entries / "about.md.html.z").read_bytes()[64:])  # foreign
    assert _build(root, "site2") == cold
