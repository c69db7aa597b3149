"""The benchmark's own logic: issue 24's table judges each row against its goal, a cold run clears what the
generator keeps but the typeset volumes, and bench/engine.py's link check and override choice say what they mean."""

from __future__ import annotations

import pytest

from bench import engine, run


def _results(**second) -> dict:
    """A saved run at the smallest: what issue_table reads."""
    return {
        "median": {"check_s": 4.0, "generate_s": 12.0, "mkdocs_build_s": 20.0, "search_index_s": 9.0,
                   "yearbook_build_s": 40.0, "volumes_s": 1.5},
        "site": {"site_bytes": 400 * 10**6},
        "baseline": {"mkdocs_build_s": 80.0, "peak_rss_bytes": 10**9, "site": {"site_bytes": 200 * 10**6}},
        "peak_rss_bytes": 3 * 10**9,
        "peak_rss_stage": "yearbook_build",
        "second_build": second,
    }  # fmt: skip


def _row(lines: list[str], label: str) -> str:
    (line,) = [line for line in lines if line.startswith(label)]
    return line


def test_issue_table_judges_each_row_against_its_goal():
    lines = run.issue_table(_results())
    assert _row(lines, "check (cold)").rstrip().endswith("ok")
    assert "MISS" in _row(lines, "check + generate (cold)")
    build = _row(lines, "`yearbook build`, cold")
    assert "0.50×" in build and "MISS" in build and "1.5 s of it typesetting volumes" in build
    memory = _row(lines, "peak memory (yearbook build)")
    assert "3.00×" in memory and "MISS" in memory
    assert "ok" in _row(lines, "built site") and "2.00×" in _row(lines, "built site")
    # Without --second-build the rows after a first build are not measured, not passed.
    assert "not measured" in _row(lines, "`yearbook generate`, nothing changed")


def test_issue_table_reads_the_second_build_and_the_live_server():
    lines = run.issue_table(
        _results(
            build_no_change={"seconds": 30.0, "split": {"search index": 8.0}},
            no_change={"generate_s": 1.5, "generated": {"written": 0}},
            edit_value={"generate_s": 3.5, "generated": {"written": 29}},
            serve_live={"first_page_s": 4.0, "edit_summary_s": 0.8, "summary_restored_s": 0.7,
                        "edit_value_s": 1.2, "value_restored_s": 0.9},
        )
    )  # fmt: skip
    assert "ok" in _row(lines, "search index, no report changed")
    assert "ok" in _row(lines, "`yearbook generate`, nothing changed") and "0 files written" in _row(
        lines, "`yearbook generate`, nothing changed"
    )
    assert "MISS" in _row(lines, "`yearbook generate`, one value edited")
    shown = _row(lines, "`yearbook serve`: an edit shown")
    assert "0.7–1.2 s" in shown and "MISS" in shown  # the slowest of four is judged


def test_a_cold_run_clears_the_kept_results_but_the_volumes(tmp_path):
    for name in ("yearbook/pages.pickle", "volumes/2024-abc.pdf", "loose-file"):
        (tmp_path / ".cache" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / ".cache" / name).write_text("x")
    (tmp_path / "site").mkdir()
    run.clean(tmp_path)
    assert sorted(p.name for p in (tmp_path / ".cache").iterdir()) == ["volumes"]
    assert not (tmp_path / "site").exists()
    run.clean(tmp_path, volumes=True)
    assert list((tmp_path / ".cache").iterdir()) == []


def test_the_build_split_is_read_from_its_last_line():
    out = (
        "generated: 3 written\nsite built into site (generate 1.5 s, mkdocs 2.0 s, volumes 0.1 s, search index 3.25 s)"
    )
    assert run.build_split(out) == {"generate": 1.5, "mkdocs": 2.0, "volumes": 0.1, "search index": 3.25}
    assert run.build_split("") == {}


def test_links_that_lead_nowhere_or_above_the_root_are_counted(tmp_path):
    for page in ("parks/a/index.html", "parks/a/2023/index.html", "data/yearbook-2024.pdf"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("x")
    article = (
        '<a href="../">park</a> <a href="../2023/#x">year</a> <a href="../../2023/">wrong year</a>'
        ' <a href="../../../../parks/a/">above the root</a> <a href="https://example.org/">out</a>'
        ' <a href="../../../data/yearbook-2025.pdf">a volume (added by yearbook build)</a>'
    )
    assert engine.check_links(tmp_path, "parks/a/2024/index.html", article) == (4, 1, 1)
    resolved = engine._links_resolved(article, "parks/a/2024/index.html")
    assert 'href="/parks/a/2023#x"' in resolved and 'href="/parks/a"' in resolved


def test_main_html_is_used_without_its_cite_include_when_only_that_builds():
    units = [{"builds": label.startswith("main.html without") or "cite" not in label}
             for label, *_ in engine.OVERRIDE_UNITS]  # fmt: skip
    names, edit = engine.working_set(units)
    assert "main.html" in names and "partials/cite.html" not in names
    assert engine.LANGUAGE in names and edit == engine.CITE_INCLUDE


def test_zensicals_configuration_keeps_mkdocs_yml_and_adds_the_menu(tmp_path):
    menu = {"nav": [{"首页": "index.md"}], "not_in_nav": "/parks/*/[0-9]*.md"}
    text = (tmp_path / engine.write_config(tmp_path, "z.yml", "overrides-working", menu)).read_text(encoding="utf-8")
    assert "site_dir: site-zensical" in text and "custom_dir: overrides-working" in text
    assert "variant: classic" in text and "首页: index.md" in text and "not_in_nav: /parks/*/[0-9]*.md" in text
    plain = (tmp_path / engine.write_config(tmp_path, "p.yml", None, None)).read_text(encoding="utf-8")
    assert "custom_dir" not in plain and "variant" not in plain and "\nnav:" not in plain


def test_an_override_edit_that_no_longer_matches_is_refused(tmp_path, monkeypatch):
    (tmp_path / "overrides").mkdir()
    (tmp_path / "overrides" / "main.html").write_text("{% extends 'base.html' %}")
    monkeypatch.setattr(engine, "PROJECT", tmp_path)
    with pytest.raises(engine.run.StageError, match="overrides/main.html:1: expected"):
        engine.copy_overrides(tmp_path / "unit", ["main.html"], engine.CITE_INCLUDE)


def test_the_fixture_table_writes_a_share_of_nothing_drafted_without_a_percentage():
    from bench.score_fixtures import share

    assert (share(2, 3), share(0, 2), share(0, 0)) == ("2/3 = 67%", "0/2 = 0%", "0/0")


def test_first_runs_are_summed_from_their_total_rows():
    from bench.first_run_totals import first_runs

    text = (
        "## Fifth set: the reports (collected before any run)\n\n| **1 files** | **9/9 = 100%** |\n\n"
        "## Fifth set: first run (main at abc)\n\n| a | 1/2 |\n| **2 files** | **3/4 = 75%** | 3/4 |\n\n"
        "## Sixth set: first run (main at def)\n\nper figure, no total\n\n"
        "## Fifth and sixth sets: first runs together\n\n| **3 files** | **5/9** |\n"
    )
    assert first_runs(text) == [
        ("Fifth set: first run (main at abc)", (2, 3, 4)),
        ("Sixth set: first run (main at def)", None),
    ]
