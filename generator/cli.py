"""The `yearbook` command: thin wrappers over the pipeline, one subcommand per job."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from generator.data.problems import DataError

EXAMPLES = """examples:
  yearbook check                      check every data file under ./data
  yearbook coverage --missed          how much of each report's numbers the quotes cover
  yearbook generate                   write the generated pages and data into docs/
  yearbook build                      check + generate + mkdocs build --strict into site/
  yearbook serve                      live preview; an edit shows after a rebuild of what it touched
"""


def _report_problems(error: DataError) -> int:
    github = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in error.problems:
        print(problem.github_annotation() if github else str(problem), file=sys.stderr)
    print(f"{len(error.problems)} problem(s) found; nothing was written.", file=sys.stderr)
    return 1


def cmd_check(args) -> int:
    """yearbook check: validate all data and print one summary line."""
    from generator.data.pipeline import read_yearbook, summary_line

    yearbook = read_yearbook(args.data)
    print(summary_line(yearbook))
    return 0


def cmd_coverage(args) -> int:
    """yearbook coverage: per report, the share of numeric mentions inside curated quotes."""
    from generator.data.coverage import coverage
    from generator.data.pipeline import read_yearbook

    yearbook = read_yearbook(args.data)
    quotes: dict[str, list[str]] = {}
    for park_year in yearbook.years.values():
        for entry in [*park_year.figures, *park_year.facts, *park_year.targets]:
            quotes.setdefault(entry.origin.source, []).append(entry.origin.quote)
    worst = 1.0
    for source_id, source in yearbook.sources.items():
        result = coverage(source, quotes.get(source_id, []))
        total = len(result.covered) + len(result.missed)
        print(f"{source_id}: {len(result.covered)}/{total} numeric mentions covered ({result.ratio:.1%})")
        if args.missed:
            for mention in result.missed:
                paragraph = source.paragraphs[mention.paragraph]
                context = paragraph[max(0, mention.offset - 12) : mention.offset + 16]
                print(f"  missed ¶{mention.paragraph + 1}: {mention.text}  …{context}…")
        worst = min(worst, result.ratio)
    if worst < args.minimum / 100:
        print(f"coverage below {args.minimum}% for at least one report", file=sys.stderr)
        return 1
    return 0


def _project(args) -> Path:
    """The project folder: the one holding the data folder and mkdocs.yml."""
    return args.data.resolve().parent


def cmd_generate(args) -> int:
    """yearbook generate: check, then write generated pages and data into docs/ (changed files only)."""
    from generator.build.build import Progress, generate

    report, _ = generate(_project(args), Progress("generate"))
    print(f"generated: {len(report.written)} written, {len(report.removed)} removed, {report.unchanged} unchanged")
    return 0


def cmd_build(args) -> int:
    """yearbook build: check + generate + `mkdocs build --strict` into site/ (kept as it was on failure)."""
    from generator.build.build import PREGENERATED, Progress, build_site, generate
    from generator.build.guard import project_lock, recover_site

    project = _project(args)
    if not (project / "mkdocs.yml").is_file():
        print(f"{project / 'mkdocs.yml'}: expected the site configuration, found no file", file=sys.stderr)
        return 1
    started = time.perf_counter()
    with project_lock(project):  # one build at a time: a second one waits here
        recover_site(project)  # site/ back, should a build have been killed in the middle of its swap
        report, nav = generate(project, Progress("generate"))
        print(f"generated: {len(report.written)} written, {len(report.removed)} removed, {report.unchanged} unchanged")
        PREGENERATED[str(project)] = nav
        seconds = {"generate": time.perf_counter() - started}
        status = build_site(project, strict=not args.no_strict, seconds=seconds)
    if status == 0:
        print(f"site built into {project / 'site'} ({', '.join(f'{k} {v:.1f} s' for k, v in seconds.items())})")
    return status


def cmd_serve(args) -> int:
    """yearbook serve: live preview that, after an edit, redoes only the files and pages the edit touched."""
    from generator.build.serve import serve

    return serve(_project(args), args.dev_addr)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, shared by the CLI and the docs test."""
    parser = argparse.ArgumentParser(
        prog="yearbook",
        description="Park Yearbook: check, generate and build the site.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--data", type=Path, default=Path("data"), help="the data folder (default: ./data)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser("check", help="validate every data file")
    check.set_defaults(run=cmd_check)
    cover = commands.add_parser("coverage", help="print per report the share of numbers inside curated quotes")
    cover.add_argument("--missed", action="store_true", help="list the numbers no quote covers")
    cover.add_argument("--minimum", type=float, default=90.0, help="fail below this percentage (default 90)")
    cover.set_defaults(run=cmd_coverage)
    generate = commands.add_parser("generate", help="check, then write generated pages and data into docs/")
    generate.set_defaults(run=cmd_generate)
    build = commands.add_parser("build", help="check + generate + mkdocs build --strict into site/")
    build.add_argument("--no-strict", action="store_true", help="let MkDocs warnings pass")
    build.set_defaults(run=cmd_build)
    serve = commands.add_parser("serve", help="live preview at http://127.0.0.1:8000/, quick to show an edit")
    serve.add_argument("--dev-addr", metavar="IP:PORT", help="where to serve (default 127.0.0.1:8000)")
    serve.set_defaults(run=cmd_serve)
    from generator.editor.commands import register as register_editor_commands

    register_editor_commands(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except DataError as error:
        return _report_problems(error)
    except OSError as error:  # a fault of the machine (read-only folder, full disk, mount point): one line
        from generator.build.guard import fault_message

        print(fault_message(error, _project(args)), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
