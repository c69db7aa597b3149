"""Shared fixtures: a copy of the project to build in, and the real site built once per session."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parent.parent
INJECTION_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "injection"
THEME_OVERRIDES = "overrides"  # mkdocs.yml's custom_dir: the 404 page and the zh-CN interface words
# Every hand-written page and asset is a file git tracks under docs/ (the generated folders are ignored).
HAND_WRITTEN_DOCS = tuple(
    path.removeprefix("docs/")
    for path in subprocess.run(
        ["git", "ls-files", "docs"], cwd=PROJECT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
)


def generated_files(docs: Path) -> dict[str, bytes]:
    """Every file the generator writes under `docs` (its GENERATED folders and files), by path, with its bytes."""
    from generator.pages.write import GENERATED

    files = {}
    for root in GENERATED:
        base = docs / root
        for path in [base] if base.is_file() else sorted(p for p in base.rglob("*") if p.is_file()):
            files[path.relative_to(docs).as_posix()] = path.read_bytes()
    return files


def copy_project(target: Path, data: Path | None = None) -> Path:
    """A buildable project in `target`: mkdocs.yml, hand-written docs and a copy of `data` (default: the real data).

    Its mkdocs.yml lists the yearbook's plugin, which MkDocs finds through the package's entry point (installed by
    `pip install -e .` in scripts/setup), wherever the project stands.
    """
    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(PROJECT / "mkdocs.yml", target / "mkdocs.yml")
    shutil.copytree(data or PROJECT / "data", target / "data")
    for relative in HAND_WRITTEN_DOCS:
        (target / "docs" / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PROJECT / "docs" / relative, target / "docs" / relative)
    shutil.copytree(PROJECT / THEME_OVERRIDES, target / THEME_OVERRIDES)
    # mkdocs.yml watches these folders, so they must exist beside it.
    for folder in ("site_templates", "generator"):
        (target / folder).symlink_to(PROJECT / folder)
    return target


# Markers that say what a test needs, set from the fixtures it uses so they cannot drift from it: `browser` on every
# test that starts Chromium, `slow` on every test of the real yearbook built with MkDocs and Pagefind. The fast part
# of the suite: pytest -m "not browser and not slow".
MARKED_BY_FIXTURE = {"browser": "browser", "built_site": "slow"}


def pytest_collection_modifyitems(items):
    for item in items:
        for fixture, marker in MARKED_BY_FIXTURE.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(marker)


@pytest.fixture(autouse=True)
def _plain_problem_lines(monkeypatch):
    """Tests read problems as `path:line: …`; under GitHub Actions the CLI would print annotations instead."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real yearbook plus one park of injection strings, built with `mkdocs build --strict` once per session."""
    from generator.cli import main

    project = copy_project(tmp_path_factory.mktemp("project") / "yearbook")
    shutil.copytree(INJECTION_FIXTURE, project / "data", dirs_exist_ok=True)
    assert main(["--data", str(project / "data"), "build"]) == 0
    return project


# ---------------------------------------------------------------------------------------------
# Mini data folder (used by tests/test_rules.py and tests/test_yaml_safety.py).
# A small valid data/ folder: 2 catalogue indicators, one park, one source (yaml + txt), one year.
# Tests write it into a temporary folder, change one file, and run `yearbook check` on it.
# ---------------------------------------------------------------------------------------------

MINI_INDICATORS = """\
- id: industrial_output_above_scale
  name: 规模以上工业总产值
  aliases: [规上工业总产值]
  name_en: Gross industrial output of enterprises above designated size
  unit: 亿元
  kind: flow
  definition: 规模以上工业企业在报告期内生产的产品总价值。
- id: fdi_actual
  name: 实际利用外资
  name_en: Foreign direct investment actually used
  unit: 亿美元
  kind: flow
  definition: 报告期内实际到位的外商投资。
"""
MINI_PARK = """\
id: demo
name: 示范高新技术产业开发区
short_name: 示范高新区
name_en: Demo Hi-tech Industrial Development Zone
province: 福建省
city: 厦门市
region: 东部
"""
MINI_SOURCE = """\
id: demo-2016
title: 示范高新区2016年工作报告
publisher: 示范高新区
kind: work-report
published: 2017-02-03
park: demo
covers: [2016, 2017]
"""
# As newspaper layouts do (see xiamen-torch-2022): a line break inside "2145.69亿元" and a space
# inside "3.65 亿美元"; quotes are compared with spaces and line breaks removed.
MINI_SOURCE_TEXT = """\
工业增长保持良好势头。高新区完成规模以上工业总产值2145.69亿
元,同比增长8%;实际利用外资约3.65 亿美元。

全年共策划生成96个产业项目。
"""
MINI_YEAR = """\
park: demo
year: 2016
summary: 示范。
indicators:
  - id: industrial_output_above_scale
    value: 2145.69
    unit: 亿元
    change_pct: 8
    source: demo-2016
    quote: 规模以上工业总产值2145.69亿元,同比增长8%
  - id: fdi_actual
    value: 3.65
    unit: 亿美元
    qualifier: 约
    source: demo-2016
    quote: 实际利用外资约3.65亿美元
facts:
  - theme: 招商引资
    text: 策划生成产业项目96个
    figures: [{value: 96, unit: 个}]
    source: demo-2016
    quote: 全年共策划生成96个产业项目
targets:
  - for_year: 2017
    indicator: null
    text: 策划项目
    value: 96
    unit: 个
    comparator: ">="
    source: demo-2016
    quote: 全年共策划生成96个产业项目
"""
MINI_FILES = {
    "indicators.yaml": MINI_INDICATORS,
    "parks/demo.yaml": MINI_PARK,
    "sources/demo-2016.yaml": MINI_SOURCE,
    "sources/demo-2016.txt": MINI_SOURCE_TEXT,
    "years/demo/2016.yaml": MINI_YEAR,
}


class MiniData:
    """Writes the mini data folder; `files` holds the valid text of each file (path relative to data/)."""

    files = MINI_FILES

    def edited(self, relative: str, old: str, new: str) -> str:
        """The valid text of `relative` with `old` (which must stand in it) replaced once by `new`."""
        text = self.files[relative]
        assert old in text, f"{old!r} is not in the mini {relative}"
        return text.replace(old, new, 1)

    def __call__(self, root: Path, changes: dict[str, str | bytes] | None = None) -> Path:
        """Write the folder into `root`/data with `changes` (relative path → new text or bytes) applied."""
        data = root / "data"
        for relative, content in {**self.files, **(changes or {})}.items():
            path = data / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return data


@pytest.fixture(scope="session")
def mini_data() -> MiniData:
    """Factory: `mini_data(tmp_path, {"years/demo/2016.yaml": text})` → a data folder to check."""
    return MiniData()


# --- end of the mini data folder block ---------------------------------------------------------
