"""The `yearbook` command: thin wrappers over the pipeline, one subcommand per job."""

from __future__ import annotations

import argparse
import errno
import os
import socket
import sys
import textwrap
import time
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from generator.data.problems import DataError

EXAMPLES = """examples:
  yearbook check                      check every data file under ./data
  yearbook coverage --missed          how much of each report's numbers the quotes cover
  yearbook generate                   write the generated pages and data into docs/
  yearbook build                      check + generate + mkdocs build --strict into site/
  yearbook serve                      live preview; an edit shows after a rebuild of what it touched
  yearbook COMMAND --help             what one command does, with an example

The project is found from any folder inside it (the nearest one above holding data/ and mkdocs.yml).
exit status: 0 done, 1 problems found (each listed), 2 a command line it does not understand, 130 interrupted
"""
DEFAULT_ADDR = "127.0.0.1:8000"


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


def find_data(start: Path) -> Path:
    """The data folder of the project around `start`, found as git finds its repository: upwards."""
    for folder in (start, *start.parents):
        if (folder / "data").is_dir() and (folder / "mkdocs.yml").is_file():
            return folder / "data"
    return start / "data"  # not in a project: the commands say they found no data folder


def _version() -> str:
    try:
        return version("park-yearbook")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


def _busy(dev_addr: str) -> str | None:
    """Why `yearbook serve` could not listen at `dev_addr`, said before any work; None when it can."""
    host, _, port_text = dev_addr.rpartition(":")
    if not host or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        return f"--dev-addr: expected IP:PORT (e.g. {DEFAULT_ADDR}), found '{dev_addr}'"
    port = int(port_text)
    try:
        family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(family, socket.SOCK_STREAM) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server itself will
            probe.bind((host, port))
    except OSError as error:
        if getattr(error, "errno", None) == errno.EADDRINUSE:
            return (
                f"--dev-addr: expected a free port, found {host}:{port} in use (is another `yearbook serve` "
                f"running? stop it, or serve elsewhere: yearbook serve --dev-addr {host}:{port + 1})"
            )
        return f"--dev-addr: expected an address of this machine, found '{dev_addr}' ({error.strerror or error})"
    return None


def cmd_generate(args) -> int:
    """yearbook generate: check, then write generated pages and data into docs/ (changed files only)."""
    from generator.publish.generate import generate
    from generator.publish.progress import Progress

    report, _, _ = generate(_project(args), Progress("generate"), cache=not args.no_cache, need_yearbook=False)
    print(f"generated: {len(report.written)} written, {len(report.removed)} removed, {report.unchanged} unchanged")
    return 0


def cmd_build(args) -> int:
    """yearbook build: check + generate + `mkdocs build --strict` into site/ (kept as it was on failure)."""
    from generator.publish.build import build_site
    from generator.publish.generate import generate
    from generator.publish.guard import project_lock, recover_site
    from generator.publish.progress import Progress

    project = _project(args)
    if not (project / "mkdocs.yml").is_file():
        print(f"{project / 'mkdocs.yml'}: expected the site configuration, found no file", file=sys.stderr)
        return 1
    started = time.perf_counter()
    with project_lock(project):  # one build at a time: a second one waits here
        recover_site(project)  # site/ back, should a build have been killed in the middle of its swap
        report, nav, yearbook = generate(project, Progress("generate"), cache=not args.no_cache)
        print(f"generated: {len(report.written)} written, {len(report.removed)} removed, {report.unchanged} unchanged")
        seconds = {"generate": time.perf_counter() - started}
        status = build_site(project, nav, yearbook, strict=not args.no_strict, seconds=seconds, cache=not args.no_cache)
    if status == 0:
        print(f"site built into {project / 'site'} ({', '.join(f'{k} {v:.1f} s' for k, v in seconds.items())})")
    return status


def cmd_serve(args) -> int:
    """yearbook serve: live preview that, after an edit, redoes only the files and pages the edit touched."""
    problem = _busy(args.dev_addr or _configured_addr(_project(args)) or DEFAULT_ADDR)
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from generator.publish.serve import serve

    return serve(_project(args), args.dev_addr)


def cmd_schemas(args) -> int:
    """yearbook schemas: set the `examples` of schemas/*.json from the ids, themes and units in data/."""
    from generator.data.load import load
    from generator.editor.schema_examples import updated_schemas, vocabulary

    schema_dir = _project(args) / "schemas"
    if not schema_dir.is_dir():
        print(f"{schema_dir.as_posix()}: expected the schemas folder beside data/, found none", file=sys.stderr)
        return 1
    changed = {
        path: text
        for path, text in updated_schemas(schema_dir, vocabulary(load(args.data))).items()
        if path.read_text(encoding="utf-8") != text
    }
    for path, text in changed.items():
        shown = path.relative_to(_project(args)).as_posix()
        if args.check:
            print(
                f"{shown}: expected examples current with data/, found them out of date (run yearbook schemas)",
                file=sys.stderr,
            )
        else:
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {shown}")
    if not changed:
        print("schemas: examples current with data/")
    return 1 if changed and args.check else 0


def _configured_addr(project: Path) -> str | None:
    """The dev_addr of mkdocs.yml, where it sets one (a plain line; MkDocs reads the file itself later)."""
    try:
        text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    except OSError:
        return None
    for line in text.splitlines():
        if line.startswith("dev_addr:"):
            return line.partition(":")[2].split("#")[0].strip().strip("'\"") or None
    return None


_DATA_HELP = "the data folder (default: data/ of the project around the current folder)"


class Commands:
    """The `yearbook` subcommands, each with a one-line summary, a description and an example for its --help, and the
    global --data option, which may stand after the command too (`yearbook check --data data`), as before it."""

    def __init__(self, parser: argparse.ArgumentParser, prefix: str = "", registry: Commands | None = None):
        self.parser = parser
        self._subparsers = parser.add_subparsers(
            dest="kind" if prefix else "command", required=True, metavar="KIND" if prefix else "COMMAND"
        )
        self._prefix = prefix
        self.parsers: dict[str, argparse.ArgumentParser] = registry.parsers if registry else {}  # by full name
        self.groups: set[str] = registry.groups if registry else set()  # names that take a KIND (new park, …)

    def add(self, name: str, summary: str, description: str, *examples: str, run=None) -> argparse.ArgumentParser:
        """A subcommand whose --help says what it does and shows how it is used; `run(args)` runs it."""
        label = "example" if len(examples) == 1 else "examples"
        parser = self._subparsers.add_parser(
            name,
            help=summary,
            description=textwrap.fill(description, 100),
            epilog=f"{label}:\n" + "".join(f"  {example}\n" for example in examples),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        parser.add_argument("--data", type=Path, default=argparse.SUPPRESS, help=_DATA_HELP)
        if run is not None:
            parser.set_defaults(run=run)
        self.parsers[self._prefix + name] = parser
        return parser

    def group(self, name: str, summary: str, description: str, *examples: str) -> Commands:
        """A subcommand that takes a KIND (`yearbook new park`): the Commands to add its kinds to."""
        self.groups.add(self._prefix + name)
        return Commands(self.add(name, summary, description, *examples), f"{self._prefix}{name} ", self)

    def leaves(self) -> list[str]:
        """The full name of every command that runs something (`check`, `new park`, …)."""
        return [name for name in self.parsers if name not in self.groups]


def build_commands() -> Commands:
    """Every command of the command line, shared by the CLI and the docs tests."""
    parser = argparse.ArgumentParser(
        prog="yearbook",
        description="Park Yearbook (高新区年鉴): check the data, generate the pages and build the site.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"yearbook {_version()}")
    parser.add_argument("--data", type=Path, default=None, help=_DATA_HELP)
    commands = Commands(parser)
    _data_commands(commands)
    _site_commands(commands)
    _schemas_command(commands)
    from generator.editor.commands import register as register_editor_commands
    from generator.pages.volume.command import register as register_volume_command

    register_editor_commands(commands)
    register_volume_command(commands)
    return commands


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the `yearbook` command."""
    return build_commands().parser


def _data_commands(commands: Commands) -> None:
    """check, coverage: what the data says."""
    commands.add(
        "check",
        "validate every data file",
        "Check every file under data/ against its schema and the rules (quotes verbatim, numbers in their quotes, "
        "ids known). Prints one summary line, or every problem as path:line: field: expected …, found … "
        "and exits with status 1.",
        "yearbook check",
        run=cmd_check,
    )
    cover = commands.add(
        "coverage",
        "print per report the share of numbers inside curated quotes",
        "For each archived report, how many of its numbers stand inside a quote of some year file: "
        "the numbers no quote covers are figures not yet curated.",
        "yearbook coverage --missed",
        run=cmd_coverage,
    )
    cover.add_argument("--missed", action="store_true", help="list the numbers no quote covers")
    cover.add_argument("--minimum", type=float, default=90.0, help="fail below this percentage (default 90)")


_NO_CACHE_HELP = (
    "make everything afresh: take nothing from .cache/yearbook/ or .cache/pages/ (also: YEARBOOK_NO_CACHE=1)"
)


def _site_commands(commands: Commands) -> None:
    """generate, build, serve: the pages, the site, the live preview."""
    generate = commands.add(
        "generate",
        "check, then write generated pages and data into docs/",
        "Check the data, then write the generated Markdown pages, charts and downloads into docs/ "
        "(only files whose bytes change are written). Nothing is written when the check finds a problem.",
        "yearbook generate",
        run=cmd_generate,
    )
    generate.add_argument("--no-cache", action="store_true", help=_NO_CACHE_HELP)
    build = commands.add(
        "build",
        "check + generate + mkdocs build --strict into site/",
        "Check, generate and build the whole site with its search index into site/. "
        "On any failure the previous site/ is kept as it was.",
        "yearbook build",
        run=cmd_build,
    )
    build.add_argument("--no-strict", action="store_true", help="let MkDocs warnings pass")
    build.add_argument("--no-cache", action="store_true", help=_NO_CACHE_HELP)
    serve = commands.add(
        "serve",
        "live preview at http://127.0.0.1:8000/, quick to show an edit",
        "Build the site once, then serve it with live reload: an edit to data/ redoes only the pages it "
        "touched and the browser reloads. Problems in the data are printed in this terminal.",
        "yearbook serve --dev-addr 127.0.0.1:8001",
        run=cmd_serve,
    )
    serve.add_argument("--dev-addr", metavar="IP:PORT", help=f"where to serve (default {DEFAULT_ADDR})")


def _schemas_command(commands: Commands) -> None:
    """schemas: the data's ids, themes and units as completions in the schemas."""
    schemas = commands.add(
        "schemas",
        "offer the ids, themes and units in data/ for completion in schemas/*.json",
        "Write the park, source and indicator ids, the themes and the units in use into the `examples` of the "
        "JSON Schemas, so an editor's YAML language server offers them. --check only says whether they are current.",
        "yearbook schemas --check",
        run=cmd_schemas,
    )
    schemas.add_argument("--check", action="store_true", help="change nothing; exit 1 when examples are stale")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    if args.data is None:
        args.data = find_data(Path.cwd())
    if not args.data.is_dir():
        print(
            f"{args.data.as_posix()}: expected a data folder, found none (run yearbook in the project or any "
            "folder inside it, or pass --data)",
            file=sys.stderr,
        )
        return 1
    try:
        return args.run(args)
    except DataError as error:
        return _report_problems(error)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `yearbook … | head`: the reader left; say nothing more, and no traceback at exit
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except OSError as error:  # a fault of the machine (read-only folder, full disk, mount point): one line
        from generator.publish.guard import fault_message

        print(fault_message(error, _project(args)), file=sys.stderr)
        return 1
