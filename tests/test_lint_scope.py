"""Ruff reads every Python file the repository tracks: no exclude hides a package folder named like an output."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RUFF = Path(sys.executable).with_name("ruff")


def test_ruff_checks_every_tracked_python_file():
    tracked = subprocess.run(["git", "ls-files", "*.py"], cwd=ROOT, capture_output=True, text=True, check=True)
    expected = {line for line in tracked.stdout.splitlines() if line}
    shown = subprocess.run([RUFF, "check", "--show-files", "."], cwd=ROOT, capture_output=True, text=True, check=True)
    checked = {
        str(Path(line).resolve().relative_to(ROOT)) for line in shown.stdout.splitlines() if line.endswith(".py")
    }
    assert expected, "git lists no Python file"
    assert sorted(expected - checked) == []


def test_ruff_excludes_only_the_output_folders_at_the_root(tmp_path):
    """An output folder at the root is skipped; a package folder of the same name deeper down is read."""
    for folder in ("site", "docs", "pkg/site", "pkg/docs"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "module.py").write_text("x = 1\n")
    (tmp_path / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text())
    shown = subprocess.run([RUFF, "check", "--show-files", "."], cwd=tmp_path, capture_output=True, text=True)
    checked = {
        str(Path(line).resolve().relative_to(tmp_path.resolve()))
        for line in shown.stdout.splitlines()
        if line.endswith(".py")
    }
    assert checked == {"pkg/site/module.py", "pkg/docs/module.py"}
