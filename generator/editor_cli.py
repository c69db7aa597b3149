"""Editor commands: new park/year scaffolds, add-source, extract, score-extraction."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from generator.problems import DataError

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def _write_new(path: Path, text: str, force: bool = False) -> int:
    if path.exists() and not force:
        return _fail(f"{path}: expected a new file, found one already (use --force to replace it)")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
    return 0


def cmd_new_park(args) -> int:
    """yearbook new park <id>: a commented park profile."""
    from generator.scaffold import park_file

    if not _ID.match(args.id):
        return _fail(f"id: expected lowercase letters, digits and '-', found '{args.id}'")
    return _write_new(args.data / "parks" / f"{args.id}.yaml", park_file(args.id))


def cmd_new_year(args) -> int:
    """yearbook new year <park> <year> --source <id>: an empty, commented year file."""
    from generator.scaffold import year_file

    if not (args.data / "parks" / f"{args.park}.yaml").is_file():
        return _fail(f"park: expected a park with a file in data/parks/, found '{args.park}'")
    if not (args.data / "sources" / f"{args.source}.yaml").is_file():
        return _fail(f"--source: expected a source id with a file in data/sources/, found '{args.source}'")
    path = args.data / "years" / args.park / f"{args.year}.yaml"
    return _write_new(path, year_file(args.park, args.year, args.source))


def cmd_add_source(args) -> int:
    """yearbook add-source <file> …: archive a report's text (furniture and duplication removed) and metadata."""
    from generator.archive import clean_report

    if not _ID.match(args.id):
        return _fail(f"--id: expected lowercase letters, digits and '-', found '{args.id}'")
    if not (args.data / "parks" / f"{args.park}.yaml").is_file():
        return _fail(f"--park: expected a park with a file in data/parks/, found '{args.park}'")
    if args.published and not re.match(r"^\d{4}-\d{2}-\d{2}$", args.published):
        return _fail(f"--published: expected a date YYYY-MM-DD, found '{args.published}'")
    try:
        raw = Path(args.file).read_bytes().decode("utf-8")
    except OSError as error:
        return _fail(f"{args.file}: expected a readable file, found {error.strerror}")
    except UnicodeDecodeError:
        return _fail(f"{args.file}: expected UTF-8 text, found another encoding (save it as UTF-8)")
    text = clean_report(raw)
    if not text.strip():
        return _fail(f"{args.file}: expected the report's text, found nothing after cleaning")
    metadata = {
        "id": args.id, "title": args.title, "publisher": args.publisher, "kind": args.kind,
        "published": args.published, "reference": args.reference, "park": args.park,
    }  # fmt: skip
    header = "# yaml-language-server: $schema=../../schemas/source.schema.json\n"
    body = yaml.safe_dump(metadata, allow_unicode=True, sort_keys=False, width=1000)
    sources = args.data / "sources"
    status = _write_new(sources / f"{args.id}.yaml", header + body, args.force)
    return status or _write_new(sources / f"{args.id}.txt", text, args.force)


def _catalogue(data: Path):
    from generator.pipeline import read_yearbook

    return read_yearbook(data)


def cmd_extract(args) -> int:
    """yearbook extract <source> --park P --year Y: a draft year file for review."""
    from generator.draft import draft_year

    yearbook = _catalogue(args.data)
    source = yearbook.sources.get(args.source)
    if source is None:
        return _fail(
            f"source: expected an archived source id ({', '.join(sorted(yearbook.sources))}), found '{args.source}'"
        )
    if args.park not in yearbook.parks:
        return _fail(f"--park: expected a park with a file in data/parks/, found '{args.park}'")
    draft = draft_year(source, yearbook.indicators, args.park, args.year)
    for entry in draft["indicators"]:
        for key in ("change_pct", "qualifier"):
            if entry[key] is None:
                del entry[key]
    header = (
        "# yaml-language-server: $schema=../../../schemas/year.schema.json\n"
        f"# DRAFT extracted from data/sources/{args.source}.txt: review every entry, write the summary and\n"
        "# the fact texts in your own words, move misplaced targets, then run `yearbook check`.\n"
    )
    text = header + yaml.safe_dump(draft, allow_unicode=True, sort_keys=False, width=1000)
    if args.output == "-":
        sys.stdout.write(text)
        return 0
    path = Path(args.output) if args.output else args.data / "years" / args.park / f"{args.year}.yaml"
    status = _write_new(path, text, args.force)
    if status == 0:
        counts = (len(draft["indicators"]), len(draft["facts"]), len(draft["targets"]))
        print("draft: {} indicators, {} facts, {} targets".format(*counts))
    return status


def cmd_score_extraction(args) -> int:
    """yearbook score-extraction: precision and recall of drafts against the curated year files."""
    from generator.draft import draft_year

    yearbook = _catalogue(args.data)
    total_hits = total_drafted = total_curated = 0
    for (park, year), park_year in sorted(yearbook.years.items()):
        curated = {(f.indicator, round(float(f.value), 6), f.unit) for f in park_year.figures}
        drafted = set()
        for source_id in park_year.sources:
            draft = draft_year(yearbook.sources[source_id], yearbook.indicators, park, year)
            drafted |= {(e["id"], round(float(e["value"]), 6), e["unit"]) for e in draft["indicators"]}
        hits = len(curated & drafted)
        total_hits, total_drafted, total_curated = (
            total_hits + hits,
            total_drafted + len(drafted),
            total_curated + len(curated),
        )
        precision = hits / len(drafted) if drafted else 1.0
        recall = hits / len(curated) if curated else 1.0
        print(f"{park}/{year}: precision {precision:.0%} ({hits}/{len(drafted)}), ", end="")
        print(f"recall {recall:.0%} ({hits}/{len(curated)})")
    precision = total_hits / total_drafted if total_drafted else 1.0
    recall = total_hits / total_curated if total_curated else 1.0
    print(f"total: precision {precision:.1%} ({total_hits}/{total_drafted}), ", end="")
    print(f"recall {recall:.1%} ({total_hits}/{total_curated})")
    return 0


def register(commands) -> None:
    """Add the editor subcommands to the `yearbook` argument parser."""
    new = commands.add_parser("new", help="write a commented starting file for a park or a year")
    kinds = new.add_subparsers(dest="kind", required=True, metavar="KIND")
    park = kinds.add_parser("park", help="yearbook new park <id>")
    park.add_argument("id")
    park.set_defaults(run=cmd_new_park)
    year = kinds.add_parser("year", help="yearbook new year <park> <year> --source <id>")
    year.add_argument("park")
    year.add_argument("year", type=int)
    year.add_argument("--source", required=True, help="the archived source the year draws on")
    year.set_defaults(run=cmd_new_year)

    add = commands.add_parser("add-source", help="archive a report's text and metadata under data/sources/")
    add.add_argument("file", help="the report as UTF-8 text (copied from the web page or a PDF)")
    add.add_argument("--id", required=True, help="e.g. xiamen-torch-2016-work-report")
    add.add_argument("--park", required=True)
    add.add_argument("--title", required=True)
    add.add_argument("--publisher", required=True)
    add.add_argument("--published", default=None, help="YYYY-MM-DD; omit where the document gives no date")
    add.add_argument("--kind", choices=["work-report", "press"], default="work-report")
    add.add_argument("--reference", default=None, help="索引号 / 文号")
    add.add_argument("--force", action="store_true", help="replace existing files")
    add.set_defaults(run=cmd_add_source)

    extract = commands.add_parser("extract", help="draft a year file from an archived report")
    extract.add_argument("source")
    extract.add_argument("--park", required=True)
    extract.add_argument("--year", required=True, type=int)
    extract.add_argument("--output", default=None, help="a path, or - for standard output")
    extract.add_argument("--force", action="store_true", help="replace an existing year file")
    extract.set_defaults(run=cmd_extract)

    score = commands.add_parser("score-extraction", help="score drafts against the curated year files")
    score.set_defaults(run=cmd_score_extraction)


__all__ = ["register", "DataError"]
