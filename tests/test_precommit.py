"""The pre-commit hooks work from a GUI: local hooks call the project's scripts, which use .venv without PATH."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
PRE_COMMIT = Path(sys.executable).parent / "pre-commit"
pytestmark = pytest.mark.skipif(not PRE_COMMIT.exists(), reason="pre-commit is in the test tools: ./scripts/setup test")


def _run(args: list[str], cwd: Path, home: Path) -> subprocess.CompletedProcess:
    # No virtual environment on PATH, as when a commit is made from a GUI.
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "PRE_COMMIT_HOME": str(home / "pre-commit")}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_config_uses_only_local_hooks_calling_project_scripts(tmp_path):
    import yaml

    config = yaml.safe_load((PROJECT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    for hook in hooks:
        assert (PROJECT / hook["entry"].split()[0]).is_file(), hook["id"]
    result = _run([str(PRE_COMMIT), "validate-config", ".pre-commit-config.yaml"], PROJECT, tmp_path)
    assert result.returncode == 0, result.stderr


def test_a_commit_of_broken_data_is_stopped_with_the_problem(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    for name in ("data", "schemas", "scripts"):
        shutil.copytree(PROJECT / name, project / name)
    for name in ("mkdocs.yml", "pyproject.toml", ".pre-commit-config.yaml"):
        shutil.copy(PROJECT / name, project / name)
    (project / ".venv").symlink_to(PROJECT / ".venv")
    home = tmp_path / "home"
    home.mkdir()
    assert _run(["git", "init", "-q"], project, home).returncode == 0
    assert _run(["git", "add", "data", "schemas", "scripts", "mkdocs.yml"], project, home).returncode == 0
    passed = _run([str(PRE_COMMIT), "run"], project, home)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "yearbook check" in passed.stdout and "Passed" in passed.stdout
    park = project / "data" / "parks" / "xinyu.yaml"
    park.write_text(park.read_text(encoding="utf-8").replace("region: 中部", "region: 中"), encoding="utf-8")
    assert _run(["git", "add", "data"], project, home).returncode == 0
    failed = _run([str(PRE_COMMIT), "run"], project, home)
    assert failed.returncode == 1
    assert (
        "data/parks/xinyu.yaml:8: region: expected one of '东部', '中部', '西部', '东北', found '中'" in failed.stdout
    )
    # Python is linted and formatted with the project's ruff: the hook fixes the file and stops this commit.
    (project / "tool.py").write_text('"""A tool."""\nx=1\n', encoding="utf-8")
    park.write_text(park.read_text(encoding="utf-8").replace("region: 中", "region: 中部"), encoding="utf-8")
    assert _run(["git", "add", "data", "tool.py"], project, home).returncode == 0
    fixed = _run([str(PRE_COMMIT), "run"], project, home)
    assert fixed.returncode == 1 and "files were modified by this hook" in fixed.stdout
    assert (project / "tool.py").read_text(encoding="utf-8") == '"""A tool."""\n\nx = 1\n'
