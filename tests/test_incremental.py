"""A long-lived process (mkdocs serve) regenerates only what an edit touched, and gets what a fresh run gets."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import copy_project, generated_files

from generator.data.pipeline import read_yearbook
from generator.pages.render import render_site
from generator.pages.vendor import BUNDLE_PATH, vega_bundle
from generator.publish.generate import generate
from generator.reuse import Reuse
from tests.waiting import CEILING, idle, wait_for

YEAR = "data/years/xiamen-torch/2016.yaml"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    # Two edits within one clock tick must still look changed: move the time on explicitly.
    stamp = path.stat().st_mtime_ns + 1_000_000_000
    os.utime(path, ns=(stamp, stamp))


def _page_when(url: str, condition, what: str) -> str:
    """The served page at `url` once `condition` holds of its HTML (`what` names the wait, should it never end)."""

    def page() -> str | None:
        try:
            html = urllib.request.urlopen(url, timeout=30).read().decode("utf-8")
        except OSError:
            return None
        return html if condition(html) else None

    return wait_for(page, f"{url} to show {what}", interval=0.2)


def _drop_first_indicator(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    start = lines.index("indicators:\n") + 1
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("  - "))
    path.write_text("".join(lines[:start] + lines[end:]), encoding="utf-8")


EDITS = {
    "summary": lambda p: _edit(p / YEAR, "summary: 2016年,", "summary: 2016年全年,"),
    # The summary states the figure too: it goes with it (a summary states only numbers its file proves).
    "a figure removed": lambda p: (
        _drop_first_indicator(p / YEAR),
        _edit(p / YEAR, "规上工业总产值2145.69亿元、增长8%,", ""),
    ),
    "a paragraph added at the top of a report": lambda p: _edit(
        p / "data/sources/xiamen-torch-2016-work-report.txt", "厦门火炬高新区2016年", "前言。\n\n厦门火炬高新区2016年"
    ),
    "a year file deleted": lambda p: (p / "data/years/xiamen-torch/2020.yaml").unlink(),
    "a park renamed": lambda p: _edit(p / "data/parks/xiamen-torch.yaml", "short_name: ", "short_name: 新"),
    "a report retitled": lambda p: _edit(
        p / "data/sources/xiamen-torch-2016-work-report.yaml", "title: 厦门火炬高新区2016年", "title: 二〇一六年"
    ),
    "a report's publisher renamed": lambda p: _edit(
        p / "data/sources/xiamen-torch-2016-work-report.yaml", "publisher: 厦门火炬", "publisher: 厦门市火炬"
    ),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_reused_generate_writes_what_a_fresh_one_would(tmp_path, edit):
    project = copy_project(tmp_path / "yearbook")
    reuse = Reuse()
    generate(project, reuse=reuse)
    before = generated_files(project / "docs")
    again, _, _ = generate(project, reuse=reuse)
    assert again.written == () and reuse.hits > 0

    EDITS[edit](project)
    report, _, _ = generate(project, reuse=reuse)
    fresh = render_site(read_yearbook(project / "data"))
    fresh[BUNDLE_PATH] = vega_bundle()
    after = generated_files(project / "docs")
    assert after == fresh  # every file, not only those the edit was expected to touch
    assert set(report.written) == {path for path in after if before.get(path) != after[path]}
    assert report.written and set(report.removed) == before.keys() - after.keys()


def test_an_edit_renders_only_the_pages_that_show_it(tmp_path, monkeypatch):
    import generator.pages.render as render

    project = copy_project(tmp_path / "yearbook")
    reuse = Reuse()
    generate(project, reuse=reuse)
    rendered: list[set[str] | None] = []
    original = render.render_pages
    monkeypatch.setattr(render, "render_pages", lambda yb, only=None: rendered.append(only) or original(yb, only))
    EDITS["summary"](project)
    generate(project, reuse=reuse)
    (only,) = rendered
    assert only is not None and "parks/xiamen-torch/2016.md" in only
    assert not any(page.startswith(("parks/xinyu/", "sources/xinyu")) for page in only)
    assert len(only) < len(generated_files(project / "docs")) / 3


def test_yearbook_serve_shows_an_edit(tmp_path):
    """The real dev server: an edit to a year file reaches the served page, and only touched pages are redone."""
    project = copy_project(tmp_path / "yearbook")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/parks/xiamen-torch/2016/"
    command = [sys.executable, "-m", "generator", "--data", str(project / "data"), "serve"]
    server = subprocess.Popen([*command, "--dev-addr", f"127.0.0.1:{port}"], cwd=project, stderr=subprocess.PIPE)

    def page_when(text: str) -> str:
        return _page_when(url, lambda html: text in html, repr(text))

    try:
        page_when("2016年,厦门火炬")
        index_before = (project / "docs/parks/xinyu.md").stat().st_mtime_ns
        EDITS["summary"](project)
        page_when("2016年全年,厦门火炬")
        assert (project / "docs/parks/xinyu.md").stat().st_mtime_ns == index_before
        with pytest.raises(urllib.error.HTTPError) as missing:
            urllib.request.urlopen(url.replace("/2016/", "/1999/"), timeout=5)
        assert missing.value.code == 404 and "高新区年鉴" in missing.value.read().decode("utf-8")  # the site's 404 page
    finally:
        server.terminate()
        _, errors = server.communicate(timeout=30)
    assert b"Traceback" not in errors, errors.decode("utf-8", "replace")[-2000:]


def test_serve_falls_back_to_polling_when_file_events_are_unavailable(tmp_path, monkeypatch):
    """Where the system refuses more file watches (inotify's limit), the server still watches, by polling."""
    import watchdog.observers
    import watchdog.observers.polling
    from mkdocs.livereload import LiveReloadServer

    from generator.publish.serve import _watch

    def refuse(self, *args, **kwargs):
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(watchdog.observers.Observer, "schedule", refuse)
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    folders = [tmp_path / "docs", tmp_path / "data"]
    for folder in folders:
        folder.mkdir()
    _watch(server, [str(folder) for folder in folders])
    assert isinstance(server.observer, watchdog.observers.polling.PollingObserver)
    assert sorted(server._watched_paths) == sorted(str(folder) for folder in folders)
    server.server_close()


def _clock_ticks(pid: int) -> int:
    """User and system CPU time of a process, in clock ticks (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads CPU time from /proc")
def test_serve_one_edit_one_rebuild_then_quiet_and_problems_over_the_last_good_site(tmp_path, mini_data):
    """After one edit: one rebuild, then quiet; broken data: the last good site at once, with the problems on it.

    The CPU an edit costs and how fast a page answers are measured by bench/timings.py, not asserted here.
    """
    project = copy_project(tmp_path / "yearbook", data=mini_data(tmp_path))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/parks/demo/2016/"
    log = tmp_path / "serve.log"
    command = [sys.executable, "-m", "generator", "--data", str(project / "data"), "serve"]
    with log.open("wb") as output:
        server = subprocess.Popen([*command, "--dev-addr", f"127.0.0.1:{port}"], cwd=project, stderr=output)
    year = project / "data/years/demo/2016.yaml"

    def page_when(condition, what: str) -> str:
        return _page_when(url, condition, what)

    def rebuilds() -> int:
        return log.read_text("utf-8", "replace").count("Detected file changes")

    try:
        page_when(lambda html: "示范。" in html, "the summary")
        before = rebuilds()
        year.write_text(year.read_text("utf-8").replace("summary: 示范。", "summary: 修改后的示范。"), "utf-8")
        page_when(lambda html: "修改后的示范。" in html, "the edited summary")
        # Quiet: the server's CPU time stops growing (a rebuild set off by the rebuild's own reads or writes would
        # keep it growing until the ceiling), and by then it has rebuilt once.
        wait_for(idle(lambda: _clock_ticks(server.pid)), "the server to go quiet after one rebuild")
        assert rebuilds() - before == 1, log.read_text("utf-8", "replace")
        year.write_text(year.read_text("utf-8").replace("year: 2016", "year: 2015"), "utf-8")
        problem = "data/years/demo/2016.yaml:2: year: expected 2016 (the file name), found 2015"
        html = page_when(lambda html: "yb-preview-problems" in html, "the problems banner")
        assert problem in html and "修改后的示范。" in html  # the last good page, under the banner
        # Asked again, it answers with that page instead of waiting for a build that cannot be (a wait would last
        # until the next edit: the ceiling ends it).
        again = urllib.request.urlopen(url, timeout=CEILING).read().decode("utf-8")
        assert problem in again and "修改后的示范。" in again
        assert problem in log.read_text("utf-8", "replace")  # the terminal says it too
        year.write_text(year.read_text("utf-8").replace("year: 2015", "year: 2016"), "utf-8")
        page_when(lambda html: "yb-preview-problems" not in html, "the page without the banner")
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "Traceback" not in log.read_text("utf-8", "replace")


def test_serve_starts_on_the_last_good_site_and_swaps_in_its_first_build(tmp_path, mini_data):
    """A second `yearbook serve` answers at once with the site the last one left, while its first build runs beside
    it; the build then takes its place, so the page shows what changed while no server ran."""
    project = copy_project(tmp_path / "yearbook", data=mini_data(tmp_path))
    url_of = "http://127.0.0.1:{}/parks/demo/2016/"
    year = project / "data/years/demo/2016.yaml"
    command = [sys.executable, "-m", "generator", "--data", str(project / "data"), "serve"]

    def start(log: Path) -> tuple[subprocess.Popen, str]:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        with log.open("wb") as output:
            server = subprocess.Popen([*command, "--dev-addr", f"127.0.0.1:{port}"], cwd=project, stderr=output)
        return server, url_of.format(port)

    server, url = start(tmp_path / "first.log")
    try:
        _page_when(url, lambda html: "示范。" in html, "the summary")
    finally:
        server.terminate()
        server.wait(timeout=30)
    year.write_text(year.read_text("utf-8").replace("summary: 示范。", "summary: 停机时改过的示范。"), "utf-8")
    log = tmp_path / "second.log"
    server, url = start(log)
    try:
        first = _page_when(url, lambda html: "示范。" in html, "a page")
        assert "停机时改过的示范。" not in first  # the last good site, answered before the first build ended
        assert "Serving the last good site while the first build runs" in log.read_text("utf-8", "replace")
        _page_when(url, lambda html: "停机时改过的示范。" in html, "the first build's page")
        wait_for(lambda: not (project / ".serve-site.building").exists(), "the first build's mark to go")
        assert not (project / ".serve-site.next").exists()
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "Traceback" not in log.read_text("utf-8", "replace")
