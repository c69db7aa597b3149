"""Generate the site's Markdown and data from data/, and build it with MkDocs."""

from __future__ import annotations

import os
import shutil
import sys
import time
from pathlib import Path

from generator.nav import site_nav
from generator.pipeline import read_yearbook
from generator.render import render_site
from generator.vendor import BUNDLE_PATH, vega_bundle
from generator.write import WriteReport, write_output


class Progress:
    """`pages done / total` on a terminal, silent when output is not a terminal (CI logs)."""

    def __init__(self, label: str, stream=None):
        self.label, self.stream = label, stream or sys.stderr
        self.enabled = self.stream.isatty() and not os.environ.get("CI")
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if self.enabled and (done == total or now - self.last > 0.1):
            self.last = now
            end = "\n" if done == total else ""
            self.stream.write(f"\r{self.label}: {done}/{total}{end}")
            self.stream.flush()


def generate(project: Path, progress=None) -> tuple[WriteReport, list]:
    """Check the data, render every generated file and write the changed ones into docs/; returns the nav."""
    yearbook = read_yearbook(project / "data")
    files = render_site(yearbook)
    files[BUNDLE_PATH] = vega_bundle()
    report = write_output(project / "docs", files, progress)
    return report, site_nav(yearbook)


def build_site(project: Path, strict: bool = True) -> int:
    """`mkdocs build` into a fresh folder, swapped in for site/ only when the build succeeds."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    target = project / "site"
    staging = project / ".site-staging"
    shutil.rmtree(staging, ignore_errors=True)
    try:
        config = load_config(str(project / "mkdocs.yml"), strict=strict, site_dir=str(staging))
        build(config)
    except (Abort, ConfigurationError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"site build failed: {error}", file=sys.stderr)
        return 1
    previous = project / ".site-previous"
    shutil.rmtree(previous, ignore_errors=True)
    if target.exists():
        target.rename(previous)
    staging.rename(target)
    shutil.rmtree(previous, ignore_errors=True)
    return 0
