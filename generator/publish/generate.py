"""Generate the site's Markdown and data from data/ into docs/: check, render, write the changed files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.data.files import Refused, kind_of, resolve_entry
from generator.data.model import Yearbook
from generator.data.pipeline import read_yearbook
from generator.data.problems import DataError, Problem
from generator.pages.nav import site_nav
from generator.pages.render import TEMPLATE_DIR, Rendered, render_site
from generator.pages.vendor import BUNDLE_PATH, vega_bundle
from generator.pages.write import GENERATED, WriteReport, write_output
from generator.publish.guard import project_lock
from generator.reuse import Reuse


def generate(project: Path, progress=None, reuse: Reuse | None = None) -> tuple[WriteReport, list, Yearbook]:
    """Check the data, render every generated file and write the changed ones into docs/; returns what was written,
    the nav and the yearbook it read (the build's printed volumes are made from it).

    `reuse` (kept by a long-lived process such as `mkdocs serve`) holds the last run's results, so that only
    the files an edit touched are read, checked, rendered and compared again.
    """
    with project_lock(project):
        return _generate(project, progress, reuse)


def _generate(project: Path, progress, reuse: Reuse | None) -> tuple[WriteReport, list, Yearbook]:
    yearbook = read_yearbook(project / "data", reuse)
    problems = hand_written_problems(project / "docs", project.resolve())
    if problems:
        raise DataError(problems)
    templates = _templates_stamp()
    last = reuse.site if reuse else None
    # An edited template may change any page: then everything is rendered again.
    if last is None or last.templates != templates:
        last = Rendered(templates)
    files = render_site(yearbook, last)
    files[BUNDLE_PATH] = vega_bundle()
    report = write_output(project / "docs", files, progress, on_disk=last.files)
    if reuse:  # only once written: the next run trusts these bytes to be on disk
        reuse.site = last.followed_by(yearbook, files)
    return report, site_nav(yearbook), yearbook


def hand_written_problems(docs: Path, project: Path) -> list[Problem]:
    """Links out of the project, FIFOs and devices among docs/'s hand-written files, which MkDocs would publish."""
    problems = []

    def refuse(path: Path, message: str) -> None:
        problems.append(Problem(path.relative_to(docs.parent).as_posix(), 1, "(file)", message))

    for folder, subfolders, names in os.walk(docs):
        base = Path(folder)
        # The generated folders are rewritten by generate (links in them removed); only hand-written files count.
        subfolders[:] = [name for name in subfolders if (base / name).relative_to(docs).as_posix() not in GENERATED]
        for name in sorted(subfolders + names):
            path = base / name
            if path.relative_to(docs).as_posix() in GENERATED:
                continue
            try:
                _, status = resolve_entry(path, project, "a regular file" if name in names else "a folder")
            except Refused as refused:
                refuse(path, refused.message)
                continue
            if not (stat.S_ISREG(status.st_mode) or stat.S_ISDIR(status.st_mode)):
                refuse(path, f"expected a regular file, found {kind_of(status.st_mode)}")
    return problems


def _templates_stamp() -> tuple:
    """Name, size and modification time of every page template."""
    return tuple(
        (path.name, path.stat().st_size, path.stat().st_mtime_ns) for path in sorted(TEMPLATE_DIR.glob("*.j2"))
    )
