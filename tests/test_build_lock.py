"""Builds beside each other, killed builds and a machine that fails: site/ is always there, nothing is left behind.

Each test builds the mini yearbook (tests/conftest.py) in a project of its own; builds run in processes of their
own where the test kills them or runs two at once.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from generator.cli import main
from generator.publish.guard import project_lock
from tests.conftest import PROJECT, copy_project
from tests.waiting import wait_for

YEAR_PAGE = "site/parks/demo/2016/index.html"


@pytest.fixture
def project(tmp_path, mini_data) -> Path:
    """A buildable project holding the mini yearbook."""
    return copy_project(tmp_path / "project", data=mini_data(tmp_path))


def build_process(project: Path, code: str = "", **environment) -> subprocess.Popen:
    """`yearbook build` in a process of its own; `code` runs first in it (to slow or break a step)."""
    script = f"import sys\n{code}\nfrom generator.cli import main\nsys.exit(main(sys.argv[1:]))"
    return subprocess.Popen(
        [sys.executable, "-c", script, "--data", str(project / "data"), "build"],
        cwd=PROJECT,
        env={**os.environ, **environment},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def leftovers(project: Path) -> list[str]:
    """Staging folders, a site set aside, temporary files: what a build must not leave behind."""
    names = [path.name for path in project.iterdir() if path.name.startswith((".site-", ".search-part-"))]
    return names + [str(path) for path in (project / "docs").rglob(".tmp-*")]


def test_two_builds_at_once_both_succeed_and_leave_a_whole_site(project):
    first, second = build_process(project), build_process(project)
    results = [process.communicate(timeout=300) for process in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], results
    assert any("another yearbook build is running here; waiting for it to finish" in err for _, err in results)
    assert (project / YEAR_PAGE).is_file() and (project / "site/pagefind").is_dir()
    assert leftovers(project) == []


@pytest.mark.skipif(not Path("/proc/locks").exists(), reason="reads the lock waiters from /proc/locks")
def test_a_second_build_waits_while_the_lock_is_held(project):
    with project_lock(project):
        waiting = build_process(project)
        first_line = waiting.stderr.readline()  # written before it waits
        expected = f"{project.resolve()}: another yearbook build is running here; waiting for it to finish …\n"
        assert first_line == expected
        # It then blocks on the lock (the kernel lists it as waiting for the flock), rather than building anyway.
        wait_for(lambda: _blocked_on_a_lock(waiting.pid) or waiting.poll() is not None, "the build to wait")
        assert waiting.poll() is None  # still waiting
    _, err = waiting.communicate(timeout=300)
    assert waiting.returncode == 0, err
    assert (project / YEAR_PAGE).is_file()


def _blocked_on_a_lock(pid: int) -> bool:
    """Whether the kernel lists `pid` as waiting for a file lock (a `->` line of /proc/locks)."""
    return any(line.split()[1:2] == ["->"] and line.split()[5] == str(pid) for line in _proc_locks())


def _proc_locks() -> list[str]:
    return Path("/proc/locks").read_text().splitlines()


KILL_BETWEEN_RENAMES = """
import os, signal
from pathlib import Path
import generator.publish.guard as guard
guard._exchange = lambda first, second: False  # as on a file system without an atomic exchange
rename = Path.rename
def rename_then_die(self, target):
    result = rename(self, target)
    if Path(target).name == guard.PREVIOUS:  # the old site is aside, the new one not yet in place
        os.kill(os.getpid(), signal.SIGKILL)
    return result
Path.rename = rename_then_die
"""


def test_a_build_killed_between_the_two_renames_is_repaired_by_the_next(project, capsys):
    assert main(["--data", str(project / "data"), "build"]) == 0
    marker = project / "site" / "marker.txt"
    marker.write_text("the previous site\n", encoding="utf-8")
    killed = build_process(project, KILL_BETWEEN_RENAMES)
    killed.communicate(timeout=300)
    assert killed.returncode == -signal.SIGKILL
    assert not (project / "site").exists() and (project / ".site-previous" / "marker.txt").is_file()
    # The next build finds the data broken, so it builds nothing: but site/ is back as it was.
    year = project / "data/years/demo/2016.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("year: 2016", "year: 2015"), encoding="utf-8")
    assert main(["--data", str(project / "data"), "build"]) == 1
    assert marker.read_text(encoding="utf-8") == "the previous site\n"
    assert leftovers(project) == []
    capsys.readouterr()


def _children(pid: int) -> set[int]:
    """The processes whose parent is `pid` (from /proc)."""
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError):
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.add(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads processes from /proc")
def test_killing_a_build_ends_its_worker_processes(project):
    # Every page its own share, in two processes: the shares are forked MkDocs builds.
    slow_shares = "import generator.publish.build as build\nbuild._PAGES_PER_WORKER = 1"
    process = build_process(project, slow_shares, YEARBOOK_JOBS="2")
    workers = wait_for(lambda: _children(process.pid) or process.poll() is not None, "a worker process")
    assert workers is not True, "the build ended before it started a worker process"
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=60)
    wait_for(lambda: not any(_alive(pid) for pid in workers), f"the workers {workers} to end")


# --- faults of the machine: one line naming the path, nothing left behind, the previous site intact --------------


@contextlib.contextmanager
def mounted(folder: Path, options: str):
    """A tmpfs mounted on `folder`: the kernel's own faults at the calls the build makes (root with CAP_SYS_ADMIN
    only; skipped elsewhere, where the `simulated` twin of each test stands in)."""
    folder.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.decode().strip()} (the simulated twin runs)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _under(path, folder: Path) -> bool:
    path = Path(path).absolute()
    return path == folder or folder in path.parents


@contextlib.contextmanager
def mount_point_simulated(folder: Path, monkeypatch):
    """`folder` cannot be renamed or exchanged, as the kernel answers for a mount point (EBUSY)."""
    import generator.publish.guard as guard

    busy = OSError(errno.EBUSY, os.strerror(errno.EBUSY), str(folder))
    exchange, rename = guard._exchange, Path.rename

    def no_exchange(first, second):
        if folder in (Path(first).absolute(), Path(second).absolute()):
            raise busy
        return exchange(first, second)

    def no_rename(self, target):
        if folder in (self.absolute(), Path(target).absolute()):
            raise busy
        return rename(self, target)

    monkeypatch.setattr(guard, "_exchange", no_exchange)
    monkeypatch.setattr(Path, "rename", no_rename)
    yield folder


@contextlib.contextmanager
def read_only_simulated(folder: Path, monkeypatch):
    """Nothing can be created, replaced or removed under `folder`, as a read-only file system answers (EROFS)."""
    import tempfile

    def refuse(path):
        return OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    mkstemp, mkdir, replace, unlink = tempfile.mkstemp, Path.mkdir, os.replace, os.unlink

    def no_mkstemp(*args, dir=None, **kwargs):
        if dir is not None and _under(dir, folder):
            raise refuse(dir)
        return mkstemp(*args, dir=dir, **kwargs)

    def no_mkdir(self, *args, **kwargs):
        if _under(self, folder) and not self.is_dir():
            raise refuse(self)
        return mkdir(self, *args, **kwargs)

    def no_replace(source, target, **kwargs):
        if _under(target, folder):
            raise refuse(target)
        return replace(source, target, **kwargs)

    def no_unlink(path, **kwargs):
        if _under(path, folder):
            raise refuse(path)
        return unlink(path, **kwargs)

    monkeypatch.setattr(tempfile, "mkstemp", no_mkstemp)
    monkeypatch.setattr(Path, "mkdir", no_mkdir)
    monkeypatch.setattr(os, "replace", no_replace)
    monkeypatch.setattr(os, "unlink", no_unlink)
    yield folder


@contextlib.contextmanager
def full_disk_simulated(folder: Path, monkeypatch):
    """Every file written under `folder` goes to /dev/full, whose writes the kernel refuses as a full disk (ENOSPC):
    the temporary file is made as usual, its descriptor then points at /dev/full. (A 4 KB tmpfs did the same where
    mount was allowed; the kernel's answer is the same one here, everywhere.)"""
    import tempfile

    mkstemp = tempfile.mkstemp
    folder.mkdir(parents=True, exist_ok=True)

    def full_mkstemp(*args, dir=None, **kwargs):
        handle, name = mkstemp(*args, dir=dir, **kwargs)
        if dir is not None and _under(dir, folder):
            full = os.open("/dev/full", os.O_WRONLY)
            os.dup2(full, handle)
            os.close(full)
        return handle, name

    monkeypatch.setattr(tempfile, "mkstemp", full_mkstemp)
    yield folder


FAULTS = ["tmpfs", "simulated"]


def built_once(project: Path, capsys) -> dict[str, bytes]:
    """Build the project; return its site's files."""
    assert main(["--data", str(project / "data"), "build"]) == 0
    capsys.readouterr()
    return {str(path.relative_to(project)): path.read_bytes() for path in (project / "site").rglob("*.html")}


def one_line_error(project: Path, capsys) -> str:
    assert main(["--data", str(project / "data"), "build"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    return err.strip()


@pytest.mark.parametrize("how", FAULTS)
def test_site_as_a_mount_point(project, capsys, monkeypatch, how):
    site = project / "site"
    if how == "simulated":
        site.mkdir()
    with mounted(site, "size=16m") if how == "tmpfs" else mount_point_simulated(site, monkeypatch):
        (site / "marker.txt").write_text("mounted\n", encoding="utf-8")
        assert one_line_error(project, capsys) == (
            "site: expected a folder the build can replace (not a mount point), found Device or resource busy"
        )
        assert (site / "marker.txt").read_text(encoding="utf-8") == "mounted\n"
        assert leftovers(project) == []


@pytest.mark.parametrize("how", FAULTS)
def test_read_only_docs(project, capsys, monkeypatch, how):
    site = built_once(project, capsys)
    year = project / "data/years/demo/2016.yaml"
    year.write_text(year.read_text(encoding="utf-8").replace("summary: 示范。", "summary: 新的示范。"), "utf-8")
    parks = project / "docs" / "parks"
    with mounted(parks, "ro,size=1m") if how == "tmpfs" else read_only_simulated(parks, monkeypatch):
        # The tmpfs hides docs/parks' files, so the first page written again is the park's own (docs/parks/demo.md);
        # simulated, the files stay and the first is the edited year's page, in the park's folder.
        folder = "docs/parks" if how == "tmpfs" else "docs/parks/demo"
        assert one_line_error(project, capsys) == f"{folder}: expected a writable folder, found Read-only file system"
    assert {str(p.relative_to(project)): p.read_bytes() for p in (project / "site").rglob("*.html")} == site
    assert leftovers(project) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="the full disk is /dev/full")
def test_a_full_disk_while_generating(project, capsys, monkeypatch):
    site = built_once(project, capsys)
    data = project / "docs" / "data"
    data.rename(project / "docs" / "data-before")  # so the downloads are written again, into a full disk
    with full_disk_simulated(data, monkeypatch):
        message = one_line_error(project, capsys)
        assert message.startswith("docs/data/") and message.endswith(
            ": expected free space on the disk, found No space left on device"
        ), message
        assert leftovers(project) == []
    assert {str(p.relative_to(project)): p.read_bytes() for p in (project / "site").rglob("*.html")} == site


def test_a_full_disk_while_building_the_site(project, capsys, monkeypatch):
    import mkdocs.utils

    site = built_once(project, capsys)
    write_file = mkdocs.utils.write_file

    def full_after_a_few(content, output_path, written=[]):  # noqa: B006 - counts calls across the build
        written.append(output_path)
        if len(written) > 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), output_path)
        write_file(content, output_path)

    monkeypatch.setattr(mkdocs.utils, "write_file", full_after_a_few)
    message = one_line_error(project, capsys)
    assert message.startswith(".site-staging-") and message.endswith(
        ": expected free space on the disk, found No space left on device"
    ), message
    assert {str(p.relative_to(project)): p.read_bytes() for p in (project / "site").rglob("*.html")} == site
    assert leftovers(project) == []
