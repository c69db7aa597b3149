"""Generate the site's Markdown and data from data/ into docs/: check, render, write the changed files."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.cache import Cache, Paragraphs, Parsed, Proofs, enabled
from generator.collector import paused
from generator.data.files import Refused, kind_of, resolve_entry
from generator.data.model import Yearbook

# The rest of the generator (rendering, charts, reading reports) is imported when needed: a run with nothing changed
# needs none of it, and importing it takes longer than that run.
from generator.data.problems import DataError, Problem
from generator.pages.address import site_url
from generator.pages.write import GENERATED, WriteReport, write_output
from generator.publish.guard import project_lock
from generator.publish.incremental import (
    ON_DISK,
    PROOFS,
    STATE,
    Inputs,
    inputs_of,
    outputs_after,
    read_state,
    recall,
    unchanged_since,
)
from generator.reuse import Reuse


def generate(
    project: Path, progress=None, reuse: Reuse | None = None, cache: bool = True, need_yearbook: bool = True
) -> tuple[WriteReport, list, Yearbook | None]:
    """Check the data, render every generated file and write the changed ones into docs/; returns what was written,
    the nav and the yearbook it read (the build's printed volumes are made from it; None when not `need_yearbook`
    and nothing changed).

    `reuse` (kept by a long-lived process such as `mkdocs serve`) holds the last run's results, so that only
    the files an edit touched are read, checked, rendered and compared again. Without it, the results of the last
    run are taken from the cache folder (generator/cache.py) unless `cache` is False or YEARBOOK_NO_CACHE is set.
    """
    with project_lock(project):
        if reuse is None and enabled(refused=not cache):
            return _generate_cached(project, progress, need_yearbook)
        return _generate(project, progress, reuse)


def _generate(project: Path, progress, reuse: Reuse | None) -> tuple[WriteReport, list, Yearbook]:
    from generator.data.pipeline import read_yearbook
    from generator.pages.nav import site_nav
    from generator.pages.render import Rendered, render_site
    from generator.pages.vendor import BUNDLE_PATH, vega_bundle

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


def _generate_cached(project: Path, progress, need_yearbook: bool) -> tuple[WriteReport, list, Yearbook | None]:
    """generate, taking from the cache folder what the last run made from the same bytes."""
    docs, data = project / "docs", project / "data"
    cache = Cache(project, site_url())
    last = read_state(cache)
    found = inputs_of(data, last)
    inputs = found.shas if found is not None else None
    if inputs is not None and last is not None and last["inputs"] == inputs:
        report = _as_last_time(project, cache, last, progress, found)
        if report is not None and not need_yearbook:
            return report, last["nav"], None
        if report is not None:
            from generator.data.pipeline import read_yearbook

            return report, last["nav"], read_yearbook(data, proofs=Proofs(cache.read(PROOFS)), parsed=Parsed(cache))
    from generator.data.pipeline import read_yearbook
    from generator.pages.nav import site_nav
    from generator.pages.vendor import BUNDLE_PATH, vega_bundle
    from generator.publish.incremental import keep_download_parts, render_changed

    proofs, parsed, paragraphs = Proofs(cache.read(PROOFS)), Parsed(cache), Paragraphs(cache)
    with paused():  # on a problem, nothing is written, not even in the cache
        yearbook = read_yearbook(data, proofs=proofs, parsed=parsed, paragraphs=paragraphs)
    problems = hand_written_problems(docs, project.resolve())
    if problems:
        raise DataError(problems)
    files, plan, parts = render_changed(yearbook, inputs or {}, last, cache, docs)
    files[BUNDLE_PATH] = vega_bundle()
    on_disk = {path: content for path, content in files.items() if content is ON_DISK}
    report = write_output(docs, files, progress, on_disk=on_disk)
    nav = site_nav(yearbook)
    cache.write(PROOFS, proofs.used)
    parsed.keep()
    paragraphs.keep()
    # Kept for the next run only when no data file changed while this one read them.
    if found is not None and unchanged_since(data, found.stamps):
        outputs = outputs_after(docs, files, last["outputs"] if last else {}, cache)
        keep_download_parts(cache, parts, plan)
        state = {"inputs": inputs, "stamps": found.stamps, "taken": found.taken, "outputs": outputs}
        state |= {"pages": plan.pages, "parts": plan.parts}
        cache.write(STATE, {**state, "whole": plan.whole, "years": plan.years, "nav": nav})
        cache.forget_files({sha for sha, _, _ in outputs.values()})
    return report, nav, yearbook


def _as_last_time(project: Path, cache: Cache, last: dict, progress, found: Inputs) -> WriteReport | None:
    """With nothing changed since the last successful run: docs/ made what that run left (from the cache where it is
    not there any more); None when the cache cannot give it all. The files' new stamps are kept, when they differ."""
    docs = project / "docs"
    problems = hand_written_problems(docs, project.resolve())
    if problems:
        raise DataError(problems)
    files, missing = recall(cache, docs, last["outputs"], last["outputs"])
    if missing:
        return None
    on_disk = {path: content for path, content in files.items() if content is ON_DISK}
    report = write_output(docs, files, progress, on_disk=on_disk)
    restamped = last.get("stamps") != found.stamps and unchanged_since(project / "data", found.stamps)
    if restamped:
        last |= {"stamps": found.stamps, "taken": found.taken}
    if report.written or report.removed:
        last["outputs"] = outputs_after(docs, files, last["outputs"], cache)
    if report.written or report.removed or restamped:
        cache.write(STATE, last)
    return report


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
    from generator.pages.render import TEMPLATE_DIR

    return tuple(
        (path.name, path.stat().st_size, path.stat().st_mtime_ns) for path in sorted(TEMPLATE_DIR.glob("*.j2"))
    )
