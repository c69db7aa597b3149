"""Shared fixtures: a copy of the project to build in, and the real site built once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
INJECTION_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "injection"
HAND_WRITTEN_DOCS = ("about.md", "guide.md", "assets/yearbook.js", "assets/yearbook-search.js", "assets/yearbook.css")


def copy_project(target: Path, data: Path | None = None) -> Path:
    """A buildable project in `target`: mkdocs.yml, hand-written docs and a copy of `data` (default: the real data)."""
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(data or PROJECT / "data", target / "data")
    for relative in HAND_WRITTEN_DOCS:
        (target / "docs" / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PROJECT / "docs" / relative, target / "docs" / relative)
    # mkdocs.yml watches these folders, so they must exist beside it.
    for folder in ("site_templates", "generator"):
        (target / folder).symlink_to(PROJECT / folder)
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real yearbook plus one park of injection strings, built with `mkdocs build --strict` once per session."""
    from generator.cli import main

    project = copy_project(tmp_path_factory.mktemp("project") / "yearbook")
    shutil.copytree(INJECTION_FIXTURE, project / "data", dirs_exist_ok=True)
    assert main(["--data", str(project / "data"), "build"]) == 0
    return project
