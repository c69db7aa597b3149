"""Editor commands: new park/year scaffolds, add-source, extract, score-extraction.

Each command reads only the files it needs (so it works while other data files are being edited),
refuses to overwrite, and reports problems as `path:line: field: expected …, found …` or one clear
line, returning 1.
"""

from __future__ import annotations

import datetime
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

if TYPE_CHECKING:
    from generator.cli import Commands

_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_FIRST_YEAR, _LAST_YEAR = 1988, 2100  # as schemas/year.schema.json allows


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def _bad_id(field: str, value: str) -> str | None:
    if _ID.match(value):
        return None
    return f"{field}: expected lowercase letters, digits and '-' (e.g. xiamen-torch), found '{value}'"


def _bad_year(field: str, value: int) -> str | None:
    if _FIRST_YEAR <= value <= _LAST_YEAR:
        return None
    return f"{field}: expected a year from {_FIRST_YEAR} to {_LAST_YEAR}, found {value}"


def _shown(path: Path) -> str:
    return path.as_posix()


def _write_new(path: Path, text: str, force: bool = False) -> int:
    if path.exists() and not force:
        return _fail(f"{_shown(path)}: expected a new file, found one already (use --force to replace it)")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    except OSError as error:
        return _fail(f"{_shown(path)}: expected a writable place, found {error.strerror}")
    print(f"wrote {_shown(path)}")
    return 0


def _park_missing(data: Path, park: str, field: str) -> str | None:
    problem = _bad_id(field, park)
    if problem:
        return problem
    if not (data / "parks" / f"{park}.yaml").is_file():
        known = ", ".join(sorted(p.stem for p in (data / "parks").glob("*.yaml"))) or "none yet"
        return f"{field}: expected a park with a file in data/parks/ ({known}), found '{park}'"
    return None


def _source_field(data: Path, source: str, field: str):
    """A field of a source's metadata, where it can be read (archive.source_field, imported when needed)."""
    from generator.editor.archive import source_field

    return source_field(data, source, field)


def _source_park(data: Path, source: str) -> str | None:
    """The park a source's metadata names, where it can be read."""
    park = _source_field(data, source, "park")
    return park if isinstance(park, str) else None


# ---------------------------------------------------------------------------------------------
# yearbook new park / new year
# ---------------------------------------------------------------------------------------------


def cmd_new_park(args) -> int:
    """yearbook new park <id>: a commented park profile that passes the checker as written."""
    from generator.editor.scaffold import REGIONS, park_file

    problem = _bad_id("id", args.id)
    if problem:
        return _fail(problem)
    if args.region is not None and args.region not in REGIONS:
        return _fail(f"--region: expected one of {', '.join(REGIONS)}, found '{args.region}'")
    fields = {
        "name": args.name,
        "short_name": args.short_name,
        "name_en": args.name_en,
        "province": args.province,
        "city": args.city,
        "region": args.region,
    }
    return _write_new(args.data / "parks" / f"{args.id}.yaml", park_file(args.id, **fields), args.force)


def cmd_new_year(args) -> int:
    """yearbook new year <park> <year> --source <id>: an empty, commented year file."""
    from generator.editor.scaffold import year_file

    problem = _park_missing(args.data, args.park, "park") or _bad_year("year", args.year)
    problem = problem or _bad_id("--source", args.source)
    if problem:
        return _fail(problem)
    if not (args.data / "sources" / f"{args.source}.yaml").is_file():
        known = ", ".join(sorted(p.stem for p in (args.data / "sources").glob("*.yaml"))) or "none yet"
        return _fail(f"--source: expected a source id with a file in data/sources/ ({known}), found '{args.source}'")
    owner = _source_park(args.data, args.source)
    if owner is not None and owner != args.park:
        print(f"note: data/sources/{args.source}.yaml is about the park '{owner}', not '{args.park}'", file=sys.stderr)
    path = args.data / "years" / args.park / f"{args.year}.yaml"
    return _write_new(path, year_file(args.park, args.year, args.source), args.force)


# ---------------------------------------------------------------------------------------------
# yearbook add-source
# ---------------------------------------------------------------------------------------------


def _metadata_text(metadata: dict) -> str:
    comments = {
        "id": "the file name: data/sources/<id>.yaml, its text beside it in <id>.txt",
        "title": "the document's own title",
        "kind": "work-report | press",
        "published": "YYYY-MM-DD; null where the document gives no date",
        "reference": "索引号 / 文号, where given",
        "park": "the park it reports on (data/parks/<park>.yaml)",
        "covers": "years whose results or plans it describes",
        "url": "where it was published online",
        "retrieved": "when the archived copy was taken",
    }
    lines = ["# yaml-language-server: $schema=../../schemas/source.schema.json"]
    for key, value in metadata.items():
        flow = key == "covers"  # covers: [2023, 2024], as the guide writes it
        line = yaml.safe_dump({key: value}, allow_unicode=True, width=10**6, default_flow_style=flow).rstrip("\n")
        line = line.removeprefix("{").removesuffix("}") if flow else line
        lines.append(f"{line}  # {comments[key]}" if key in comments and "\n" not in line else line)
        if key == "original":
            lines[-1] += "\n# the file as published, kept beside the text; sha256 proves it unchanged"
    if "covers" not in metadata:
        lines.append("# covers: [2016, 2017]   # years whose results or plans it describes")
    if "url" not in metadata:
        lines.append("# url: https://…         # where it was published online")
    lines.append("# note: …                # anything a reader should know about the document")
    return "\n".join(lines) + "\n"


def _date_problem(field: str, value: str | None) -> str | None:
    if value is None:
        return None
    try:
        datetime.date.fromisoformat(value)
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
    except ValueError:
        return f"{field}: expected a date YYYY-MM-DD (e.g. 2017-02-03), found '{value}'"
    return None


def _report_text(path: Path) -> tuple[str | None, str, str | None]:
    """(text, the page's whole text for its metadata, a problem) of a report file of any kind we read."""
    from generator.editor.formats import UnreadableReport, read_report

    try:
        raw = path.read_bytes()
    except OSError as error:
        return None, "", f"{path}: expected a readable file, found {error.strerror}"
    if path.suffix.lower() in (".html", ".htm", ".pdf", ".docx"):
        try:
            report = read_report(path, raw)
        except UnreadableReport as error:
            return None, "", f"{path}: {error}"
        return report.text, report.page_text or report.text, None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, "", f"{path}:{line}: expected UTF-8 text, found byte 0x{raw[error.start]:02x} (save it as UTF-8)"
    return text, text, None


def _add_source_problem(args) -> str | None:
    """What is wrong with add-source's options, before any file is read."""
    problem = _bad_id("--id", args.id) or _park_missing(args.data, args.park, "--park")
    problem = problem or _date_problem("--published", args.published) or _date_problem("--retrieved", args.retrieved)
    for year in args.covers or ():
        problem = problem or _bad_year("--covers", year)
    if problem:
        return problem
    for field, value in (("--title", args.title), ("--publisher", args.publisher)):
        if value is not None and not value.strip():
            return f"{field}: expected non-empty text, found nothing"
    if args.url is not None and not re.match(r"^https?://\S+$", args.url):
        return f"--url: expected an address starting with http:// or https://, found '{args.url}'"
    return None


def _source_metadata(args, publisher: str, offered: dict) -> dict:
    """The source's metadata: what the options give, else what the page's metadata block offers."""
    metadata = {
        "id": args.id,
        "title": args.title.strip(),
        "publisher": publisher.strip(),
        "kind": args.kind or "work-report",
        "published": args.published or offered.get("published"),
        "reference": args.reference or offered.get("reference"),
        "park": args.park,
    }
    if args.covers:
        metadata["covers"] = sorted(set(args.covers))
    if args.url is not None:
        metadata["url"] = args.url
    if args.retrieved is not None:
        metadata["retrieved"] = args.retrieved
    return metadata


def _offered(page_text: str, url: str | None) -> tuple[dict, bool]:
    """What the page's metadata block offers, and whether the date comes from its address (a page with no date)."""
    from generator.editor.archive import date_in_address, page_metadata

    offered = page_metadata(page_text)
    dated = None if "published" in offered or url is None else date_in_address(url)
    if dated:
        offered["published"] = dated
    return offered, bool(dated)


def _report_archived(args, log, offered: dict, address_dated: bool) -> None:
    """Say what cleaning removed, and which metadata came from the page rather than the options."""
    print(
        f"kept {log.kept} paragraphs; removed {len(log.furniture)} lines of page furniture, "
        f"{log.duplicated} duplicated paragraphs and {log.invisible} invisible characters "
        "(zero-width, soft hyphens, bidirectional controls)"
    )
    if log.pinyin:
        print(f"  removed: {log.pinyin} pinyin readings in brackets after characters (區(qū))")
    for line in log.furniture[:20]:
        print(f"  removed: {line[:60]}")
    if args.kind is None:
        print("note: kind 'work-report' (the default); a news story or a repost of one is --kind press")
    for field, value in offered.items():
        given = getattr(args, field)
        where = "address" if address_dated and field == "published" else "metadata block"
        if given is None:
            print(f"note: {field} '{value}' taken from the page's {where}; check it")
        elif given != value:
            print(f"note: the page's {where} gives {field} '{value}', you gave '{given}'")


def cmd_add_source(args) -> int:
    """yearbook add-source <file> …: archive a report (text, web page, PDF or .docx) and its metadata."""
    import hashlib

    from generator.editor.archive import clean_report_with_log

    problem = _add_source_problem(args)
    if problem:
        return _fail(problem)
    source = Path(args.file)
    suffix = source.suffix.lower()
    keeps_original = suffix in (".html", ".htm", ".pdf", ".docx")
    sources = args.data / "sources"
    targets = [sources / f"{args.id}.yaml", sources / f"{args.id}.txt"]
    if keeps_original:
        targets.append(sources / f"{args.id}{suffix}")
    existing = [path for path in targets if path.exists()]
    if existing and not args.force:
        return _fail(f"{_shown(existing[0])}: expected a new file, found one already (use --force to replace it)")
    text, page_text, problem = _report_text(source)
    if problem:
        return _fail(problem)
    cleaned, log = clean_report_with_log(text)
    if not cleaned.strip():
        return _fail(f"{args.file}: expected the report's text, found nothing after cleaning")
    offered, address_dated = _offered(page_text, args.url)
    publisher = args.publisher or offered.get("publisher")
    if not publisher:
        return _fail("--publisher: expected who published the report (the page names none), found nothing")
    metadata = _source_metadata(args, publisher, offered)
    if keeps_original:
        raw = source.read_bytes()
        metadata["original"] = {"file": targets[2].name, "sha256": hashlib.sha256(raw).hexdigest()}
        try:
            targets[2].write_bytes(raw)
            print(f"wrote {_shown(targets[2])}")
        except OSError as error:
            return _fail(f"{_shown(targets[2])}: expected a writable place, found {error.strerror}")
    status = _write_new(targets[1], cleaned, force=True) or _write_new(targets[0], _metadata_text(metadata), True)
    if status == 0:
        _report_archived(args, log, offered, address_dated)
    return status


# ---------------------------------------------------------------------------------------------
# yearbook extract
# ---------------------------------------------------------------------------------------------

_DRAFT_HEADER = """\
# yaml-language-server: $schema=../../../schemas/year.schema.json
# DRAFT extracted by `yearbook extract` from data/sources/{source}.txt for {park} {year}.
# `yearbook check` refuses it until it is reviewed: check every entry against the report, then delete
# the line `draft: true` below. Every quote is cut from the archived text and shows its figure.
#   - indicators: is the figure really this catalogue indicator? `period` / `scope` say where the report
#     gives it for part of the year (1—9月) or part of the park (主园区); none means the whole year and park;
#   - facts: write `text` in your own words; pick the theme; drop figures that say nothing;
#   - targets: check for_year, the comparator and the indicator; move results that are not goals to facts;
#   - write the summary in your own words.
"""


def _dump(value) -> str:
    class _Dumper(yaml.SafeDumper):
        def ignore_aliases(self, data):  # noqa: ARG002 - plain data, never anchors
            return True

    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**6)


def draft_text(draft, catalogue) -> str:
    """The draft as a commented YAML year file."""
    data = draft.data
    names = {entry.id: entry.name for entry in catalogue}
    entries = {entry.id: entry for entry in catalogue}
    header = _DRAFT_HEADER.format(source=data["sources"][0], park=data["park"], year=data["year"])
    parts = [header, "draft: true  # delete this line once every entry is reviewed\n"]
    parts.append(_dump({k: data[k] for k in ("park", "year", "summary", "sources")}))
    parts.append("# Catalogue indicators found in the report (value converted to the catalogue unit).\n")
    if not data["indicators"]:
        parts.append("indicators: []\n")
    else:
        parts.append("indicators:\n")
        for item in data["indicators"]:
            found = draft.names.get(item["id"], "")
            wording = f" — the report says “{found}”" if found and found != names.get(item["id"]) else ""
            entry = entries.get(item["id"])
            used = entry.alias_outside_its_years(found, data["year"]) if entry and found else None
            wording += f", a name reports used in {used}: check the measure is the same" if used else ""
            parts.append(f"# {names.get(item['id'], item['id'])}{wording}\n")
            parts.append(_dump([item]))
    parts.append("# Other figures, one entry per clause: rewrite `text` in your own words.\n")
    parts.append(_dump({"facts": data["facts"]}) if data["facts"] else "facts: []\n")
    parts.append("# Goals: for_year is the year the goal is for.\n")
    parts.append(_dump({"targets": data["targets"]}) if data["targets"] else "targets: []\n")
    return "".join(parts)


def _note_source_fit(args) -> None:
    """Say where the source's metadata does not fit the draft: another park, a covers without the year."""
    owner = _source_park(args.data, args.source)
    if owner is not None and owner != args.park:
        print(f"note: data/sources/{args.source}.yaml is about the park '{owner}', not '{args.park}'", file=sys.stderr)
    covers = _source_field(args.data, args.source, "covers")
    covers = covers if isinstance(covers, list) else []
    if args.year not in covers:
        listed = ", ".join(str(year) for year in covers) or "no year"
        print(
            f"note: data/sources/{args.source}.yaml covers lists {listed}, not {args.year}: add {args.year} to its "
            "covers, or check refuses every entry of the draft",
            file=sys.stderr,
        )


def _source_published(args) -> str | None:
    """The date the source records (archive.source_published, imported when needed)."""
    from generator.editor.archive import source_published

    return source_published(args.data, args.source)


def _park_names(args) -> tuple[str, ...]:
    """The park's name and short name as its file gives them (archive.park_names, imported when needed)."""
    from generator.editor.archive import park_names

    return park_names(args.data, args.park)


def _note_cut_text(text: str) -> None:
    """Tell the editor when the archived text stops mid-sentence (a page's opening as an archive keeps it): what the
    draft takes from its last clause may be cut short (形成20项制…)."""
    last = text.rstrip()
    if re.search(r"[\u4e00-\u9fff\d]$", last):  # a character or a digit last, no stop, bracket or quote mark
        print(
            f"note: the text stops mid-sentence (…{last[-12:]}): check what the draft takes from its last clause",
            file=sys.stderr,
        )


def _note_tied_districts(text: str) -> None:
    """Tell the editor when the report makes a district the park itself (高新区(新吴区), 两块牌子、一套班子): the draft
    reads the district's 全区 figures as the park's, which the editor should confirm and say in the source's note."""
    from generator.reading.parts import tied_districts
    from generator.reading.script import simplified

    text = simplified(text)
    # The districts the page names as such (新吴区): the reading's places also hold a city's name (苏州 of 苏州高新区).
    names = {place if place.endswith("区") else f"{place}区" for place in tied_districts(text)}
    districts = sorted(name for name in names if re.search(rf"(?:^|[(（,，、]|高新区){name}", text, re.M))
    if districts:
        named = "、".join(districts)
        print(
            f"note: the report tells {named} as the park itself: its 全区 figures are drafted as the park's; "
            "check that they are, and say so in the source's note",
            file=sys.stderr,
        )


def _note_language(text: str, text_path: Path) -> None:
    """Tell the editor when a report is not in Chinese: an English page is read in English phrases, another
    language hardly at all."""
    from generator.reading.script import LATIN_SCRIPT, other_language

    language = other_language(text)
    if language == LATIN_SCRIPT:
        print(
            f"note: {_shown(text_path)} is written in {language}, not Chinese: the reading reads its figures in "
            "English phrases (the catalogue's measures, amounts in billion or million yuan and dollars, growths, "
            "hedges, years); read each draft against the page, and archive the Chinese original where there is one",
            file=sys.stderr,
        )
    elif language:
        print(
            f"note: {_shown(text_path)} is written in {language}, not Chinese: the reading reads Chinese "
            "(simplified or traditional) and English, and drafts nothing from a paragraph in Japanese; archive the "
            "Chinese original where there is one",
            file=sys.stderr,
        )


def cmd_extract(args) -> int:
    """yearbook extract <source> --park P --year Y: a draft year file for review."""
    from generator.editor.extract import extract, read_catalogue

    problem = _bad_id("source", args.source) or _park_missing(args.data, args.park, "--park")
    problem = problem or _bad_year("--year", args.year)
    if problem:
        return _fail(problem)
    text_path = args.data / "sources" / f"{args.source}.txt"
    if not (args.data / "sources" / f"{args.source}.yaml").is_file() or not text_path.is_file():
        known = ", ".join(sorted(p.stem for p in (args.data / "sources").glob("*.txt"))) or "none yet"
        return _fail(
            f"source: expected an archived source (data/sources/<id>.txt and .yaml; {known}), found '{args.source}'"
        )
    try:
        text = text_path.read_bytes().decode("utf-8")
    except OSError as error:
        return _fail(f"{_shown(text_path)}: expected a readable file, found {error.strerror}")
    except UnicodeDecodeError as error:
        return _fail(f"{_shown(text_path)}: expected UTF-8 text, found byte at offset {error.start}")
    catalogue, messages = read_catalogue(args.data)
    for message in messages:
        print(message, file=sys.stderr)
    if not catalogue:
        return _fail(
            f"{_shown(args.data / 'indicators.yaml')}: expected the indicator catalogue, found no usable entry"
        )
    _note_source_fit(args)
    _note_language(text, text_path)
    _note_tied_districts(text)
    _note_cut_text(text)
    names, published = _park_names(args), _source_published(args)
    draft = extract(text.removeprefix("\ufeff"), args.source, catalogue, args.park, args.year, names, published)
    if draft.withheld:  # a reading defect: shown so it can be reported, never left for the editor to repair
        print(f"note: {len(draft.withheld)} readings the checker refuses were left out of the draft:", file=sys.stderr)
        for line in draft.withheld[:10]:
            print(f"  {line}", file=sys.stderr)
    output = draft_text(draft, catalogue)
    if args.output == "-":
        try:
            sys.stdout.write(output)
            sys.stdout.flush()
        except BrokenPipeError:  # `… --output - | head`
            pass
        return 0
    path = Path(args.output) if args.output else args.data / "years" / args.park / f"{args.year}.yaml"
    status = _write_new(path, output, args.force)
    if status == 0:
        data = draft.data
        print(
            f"draft: {len(data['indicators'])} indicators, {len(data['facts'])} facts, {len(data['targets'])} targets"
        )
        print("review every entry against the report, then delete the line `draft: true` (check refuses it till then)")
    return status


# ---------------------------------------------------------------------------------------------
# yearbook score-extraction
# ---------------------------------------------------------------------------------------------


def cmd_score_extraction(args) -> int:
    """yearbook score-extraction: precision and recall of drafts against the curated year files (or fixtures)."""
    from generator.editor.extract import read_catalogue
    from generator.editor.extract.score import mistakes, report, score_all, score_fixtures, split, totals

    catalogue, messages = read_catalogue(args.data)
    for message in messages:
        print(message, file=sys.stderr)
    if not catalogue:
        return _fail(
            f"{_shown(args.data / 'indicators.yaml')}: expected the indicator catalogue, found no usable entry"
        )
    if args.fixtures is not None:
        if not (args.fixtures / "expected.yaml").is_file():
            return _fail(f"--fixtures: expected a folder with expected.yaml, found '{_shown(args.fixtures)}'")
        scores = score_fixtures(args.fixtures, catalogue)
    else:
        scores = score_all(args.data, catalogue)
    for line in report(scores, details=args.details, fixtures=args.fixtures is not None):
        print(line)
    # The aims hold on the fixtures the rules were written against; held-out ones are measured, not aimed at
    # (a rule written for one moves it to the written-against set).
    aimed = split(scores)[0] if args.fixtures is not None else scores
    precision, recall = totals(aimed)
    which = " on the written-against fixtures" if args.fixtures is not None else ""
    if precision * 100 < args.min_precision or recall * 100 < args.min_recall:
        return _fail(
            f"score: expected precision ≥ {args.min_precision}% and recall ≥ {args.min_recall}%{which}, "
            f"found {precision:.1%} and {recall:.1%}"
        )
    if args.fixtures is not None and mistakes(aimed):
        return _fail(f"score: expected no part of the year or park drafted as the year, found {mistakes(aimed)}")
    if args.fixtures is not None and any(score.problems for score in scores):
        return _fail("score: expected every fixture listed and readable, found the problems marked ! above")
    return 0


# ---------------------------------------------------------------------------------------------
# Wiring
# ---------------------------------------------------------------------------------------------


def _in_data_folder(command):
    """Run `command` only when --data names an existing folder (never create a stray data/ elsewhere)."""

    def run(args) -> int:
        if not args.data.is_dir():
            return _fail(f"{_shown(args.data)}: expected a data folder, found none (run in the project or pass --data)")
        return command(args)

    run.__doc__ = command.__doc__
    return run


def register(commands: Commands) -> None:
    """Add the editor subcommands to the `yearbook` command line."""
    _register_new(commands)
    _register_add_source(commands)
    _register_extract(commands)
    _register_score(commands)


def _register_new(commands: Commands) -> None:
    """yearbook new park, yearbook new year."""
    new = commands.group(
        "new",
        "write a commented starting file for a park or a year",
        "Write a commented starting file: a park's profile (new park) or an empty year file with "
        "examples of each entry (new year). Fill in every placeholder before committing.",
        "yearbook new park shenzhen --name 深圳市高新技术产业园区 --region 东部",
        "yearbook new year shenzhen 2024 --source shenzhen-2024-work-report",
    )
    park = new.add(
        "park",
        "yearbook new park <id>",
        "Write data/parks/<id>.yaml; fields not given are placeholders to fill in.",
        "yearbook new park shenzhen --name 深圳市高新技术产业园区 --region 东部",
        run=_in_data_folder(cmd_new_park),
    )
    park.add_argument("id", help="lowercase letters, digits and '-', e.g. shenzhen")
    park.add_argument("--name", help="full official name")
    park.add_argument("--short-name", help="the name reports use, e.g. 深圳高新区")
    park.add_argument("--name-en", help="English name")
    park.add_argument("--province", help="e.g. 福建省")
    park.add_argument("--city", help="e.g. 厦门市")
    park.add_argument("--region", help="东部 | 中部 | 西部 | 东北")
    park.add_argument("--force", action="store_true", help="replace an existing park file")
    year = new.add(
        "year",
        "yearbook new year <park> <year> --source <id>",
        "Write data/years/<park>/<year>.yaml with commented examples of each entry.",
        "yearbook new year xinyu 2015 --source xinyu-2015-work-summary",
        run=_in_data_folder(cmd_new_year),
    )
    year.add_argument("park", help="the park's id (data/parks/<park>.yaml)")
    year.add_argument("year", type=int, help="the year the report describes, e.g. 2024")
    year.add_argument("--source", required=True, help="the archived source the year draws on")
    year.add_argument("--force", action="store_true", help="replace an existing year file")


def _register_add_source(commands: Commands) -> None:
    """yearbook add-source."""
    add = commands.add(
        "add-source",
        "archive a report's text and metadata under data/sources/",
        "Store the report's text (page furniture, duplicated blocks and invisible characters removed, "
        "never reworded) as data/sources/<id>.txt, its metadata as <id>.yaml and, for a web page, PDF or .docx, "
        "the original file beside them with its sha256.",
        "yearbook add-source report.html --id shenzhen-2024-work-report --park shenzhen "
        '--title "…" --url https://… --retrieved 2025-02-01',
        run=_in_data_folder(cmd_add_source),
    )
    add.add_argument("file", help="the report: UTF-8 text, a saved web page (.html), a PDF with a text layer, a .docx")
    add.add_argument("--id", required=True, help="e.g. xiamen-torch-2016-work-report")
    add.add_argument("--park", required=True, help="the park it reports on (data/parks/<park>.yaml)")
    add.add_argument("--title", required=True, help="the document's own title")
    add.add_argument(
        "--publisher", default=None, help="who published it, e.g. 新余高新区管委会 (default: the page's 发布机构)"
    )
    add.add_argument("--published", default=None, help="YYYY-MM-DD; omit where the document gives no date")
    add.add_argument("--url", default=None, help="where it was published online")
    add.add_argument("--retrieved", default=None, help="YYYY-MM-DD: when the archived copy was taken")
    add.add_argument(
        "--kind", choices=["work-report", "press"], help="work-report (the default: a park's own report) or press"
    )
    add.add_argument("--reference", default=None, help="索引号 / 文号")
    add.add_argument(
        "--covers", type=int, nargs="+", default=None, help="the years whose results or plans it gives, e.g. 2023 2024"
    )
    add.add_argument("--force", action="store_true", help="replace existing files")


def _register_extract(commands: Commands) -> None:
    """yearbook extract."""
    extract = commands.add(
        "extract",
        "draft a year file from an archived report",
        "Draft data/years/<park>/<year>.yaml from data/sources/<source>.txt: indicators, facts, "
        "targets, each with a verbatim quote. The draft passes `yearbook check`; review every entry.",
        "yearbook extract xinyu-2014-work-summary --park xinyu --year 2014 --output -",
        run=_in_data_folder(cmd_extract),
    )
    extract.add_argument("source", help="the archived source's id (data/sources/<source>.txt)")
    extract.add_argument("--park", required=True, help="the park's id")
    extract.add_argument("--year", required=True, type=int, help="the year the report describes")
    extract.add_argument("--output", default=None, help="a path, or - for standard output")
    extract.add_argument("--force", action="store_true", help="replace an existing year file")


def _register_score(commands: Commands) -> None:
    """yearbook score-extraction."""
    score = commands.add(
        "score-extraction",
        "score drafts against the curated year files",
        "Run `extract` in memory on the sources of every curated year file (or, with --fixtures, on "
        "report fixtures with their expected figures) and print precision and recall of (indicator, value, unit, "
        "period, scope), the entries whose 同比 and hedge are right, and parts of the year or park drafted as the "
        "year, per file and in total; fixtures marked held_out: true (no rule written against them) are totalled "
        "apart from those the rules were written against.",
        "yearbook score-extraction --fixtures --details",
        run=_in_data_folder(cmd_score_extraction),
    )
    score.add_argument("--details", action="store_true", help="list missed and extra indicators")
    score.add_argument(
        "--fixtures",
        type=Path,
        nargs="?",
        const=Path("tests/fixtures/reports"),
        default=None,
        help="score on report fixtures with expected figures (default folder: tests/fixtures/reports); those marked "
        "held_out: true are reported apart",
    )
    aims = " (with --fixtures: on the fixtures the rules were written against; held-out ones are only reported)"
    score.add_argument("--min-precision", type=float, default=0.0, help="fail below this percentage" + aims)
    score.add_argument("--min-recall", type=float, default=0.0, help="fail below this percentage" + aims)


__all__ = ["register"]
