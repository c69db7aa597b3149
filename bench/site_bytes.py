"""Where a built site's bytes go: pages by kind and, inside them, by part; each download kind; the printed volumes;
the two Pagefind indexes; the rest.

    python bench/site_bytes.py                                   # bench/out/corpus-178x20-seed1/site
    python bench/site_bytes.py --site SITE_DIR [--sample 200]

For the JSON downloads it also counts what every row of a file repeats: the keys (each row names its fields) and
the fields whose value is the same in every row of the file. Pages are split into parts on up to `--sample`
pages of each kind (every page when the kind has fewer) and the parts scaled up to the kind's bytes. Written to
bench/out/site-bytes-<site folder's parent>.json and .txt. See bench/README.md, "Where the bytes go".
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from run import OUT, element_spans, outermost, page_kind, spans_bytes  # noqa: E402

# Download kinds by their path under site/ (first match wins).
DOWNLOAD_KINDS = (
    (r"data/yearbook-\d+\.pdf", "printed volumes (PDF)"),
    (r"data/yearbook\.(csv|json)", "whole yearbook figures ({ext})"),
    (r"data/(facts|targets)\.(csv|json)", "{0} ({ext})"),
    (r"data/parks/[^/]+\.csv", "park figures (csv)"),
    (r"data/parks/[^/]+\.json", "park chart data (json)"),
    (r"data/indicators/[^/]+/\d+\.json", "indicator-year chart data (json)"),
    (r"data/indicators/[^/]+\.(csv|json)", "indicator figures ({ext})"),
)
_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>.*?</script>", re.S)
_PNUM = re.compile(r'<a class="yb-pnum"[^>]*>\d+</a>')
_ATTRIBUTES = re.compile(r'\s(title|aria-label)="[^"]*"')


def file_kind(relative: str) -> tuple[str, str]:
    """(group, kind) of a file of the built site."""
    if relative.endswith(".html") and not relative.startswith(("pagefind", "assets/")):
        return "pages", page_kind(relative)
    for pattern, name in DOWNLOAD_KINDS:
        match = re.fullmatch(pattern, relative)
        if match:
            return "downloads", name.format(*match.groups(), ext=relative.rsplit(".", 1)[-1])
    top = relative.split("/", 1)[0]
    if top == "pagefind" or top.startswith("pagefind-text"):
        part = relative.split("/")[1] if relative.count("/") > 1 else relative.rsplit(".", 1)[-1]
        return "search", f"{top}/{part}"
    if top == "assets":
        return "assets", "assets"
    return "other", relative if "/" not in relative else top


def page_parts(html: str) -> dict[str, int]:
    """A page's bytes by part: head, header and primary navigation, table of contents, article (its data tables,
    footnotes, chart placeholders, paragraph numbers), inline scripts and icons, blank lines, the rest."""

    def size(spans, text=html) -> int:
        return spans_bytes(text, spans)

    total = len(html.encode("utf-8"))
    head_end = html.find("</head>")
    article = element_spans(html, '<article class="md-content__inner', "article")
    inside = html[article[0][0] : article[0][1]] if article else ""
    parts = {
        "head": len(html[: max(head_end, 0)].encode("utf-8")),
        "primary navigation": size(element_spans(html, '<nav class="md-nav md-nav--primary"', "nav")),
        "table of contents": size(element_spans(html, '<nav class="md-nav md-nav--secondary"', "nav")),
        # Spans found in the article are counted in the article's text, where their offsets are.
        "article: data tables (details)": size(outermost(element_spans(inside, "<details", "details")), inside),
        "article: footnotes": size(element_spans(inside, '<div class="footnote"', "div"), inside),
        "article: chart placeholders": size(element_spans(inside, '<div class="yb-chart"', "div"), inside),
        "article: paragraph numbers": sum(len(m.group().encode("utf-8")) for m in _PNUM.finditer(inside)),
    }
    parts["article: the rest"] = len(inside.encode("utf-8")) - sum(v for k, v in parts.items() if k.startswith("art"))
    parts["inline scripts"] = size([(m.start(), m.end()) for m in _SCRIPT.finditer(html)])
    body_rest = total - sum(parts.values())
    parts["blank lines (whole page)"] = html.count("\n\n")  # one byte each, counted inside the parts above too
    parts["title/aria-label attributes (whole page)"] = sum(len(m.group().encode()) for m in _ATTRIBUTES.finditer(html))
    parts["header, footer, the rest"] = body_rest
    return parts


def json_repeats(data: bytes) -> dict[str, int]:
    """In a JSON list of objects: bytes of the keys every row repeats, and of the fields equal in every row."""
    rows = json.loads(data)
    if not isinstance(rows, list) or not rows or not all(isinstance(r, dict) for r in rows):
        return {}
    keys = sum(len(json.dumps(k, ensure_ascii=False).encode()) + 2 for row in rows for k in row)  # "key": and ,
    constant = {}
    first = rows[0]
    for key, value in first.items():
        if all(row.get(key, object()) == value for row in rows):
            constant[key] = len(json.dumps({key: value}, ensure_ascii=False, separators=(",", ":")).encode()) - 1
    return {
        "rows": len(rows),
        "key_bytes": keys,
        "constant_field_bytes": sum(constant.values()) * len(rows),
        "constant_fields": sorted(constant),
    }


def pdf_parts(path: Path) -> dict[str, int]:
    """A PDF's stored bytes by kind of stream: embedded fonts (and their maps to Unicode), drawings (the pages and
    the parts' pages they place), the rest (pypdf, the generator's own PDF reader)."""
    import pypdf

    reader = pypdf.PdfReader(path)
    parts = {"fonts": 0, "drawings (page content, placed pages)": 0, "other streams": 0}
    for number in range(1, int(reader.trailer["/Size"])):
        try:
            stream = reader.get_object(number)
        except Exception:  # a free entry of the cross-reference table
            continue
        if not isinstance(stream, pypdf.generic.StreamObject):
            continue
        kind = stream.get("/Subtype") or stream.get("/Type")
        if kind in ("/CIDFontType0C", "/Type1C", "/OpenType") or "/Length1" in stream or kind == "/CMap":
            parts["fonts"] += len(stream._data)
        elif kind == "/Form" or "/Resources" in stream:
            parts["drawings (page content, placed pages)"] += len(stream._data)
        else:
            parts["other streams"] += len(stream._data)
    parts["fonts embedded"] = sum(1 for n in range(1, int(reader.trailer["/Size"])) if _is_font(reader, n))
    parts["total"] = path.stat().st_size
    return parts


def _is_font(reader, number: int) -> bool:
    try:
        return reader.get_object(number).get("/Type") == "/FontDescriptor"
    except Exception:
        return False


def measure(site: Path, sample: int, seed: int = 1) -> dict:
    kinds: dict[tuple[str, str], dict] = {}
    pages_by_kind: dict[str, list[Path]] = defaultdict(list)
    json_by_kind: dict[str, list[Path]] = defaultdict(list)
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        group, kind = file_kind(relative)
        entry = kinds.setdefault((group, kind), {"group": group, "kind": kind, "files": 0, "bytes": 0})
        entry["files"] += 1
        entry["bytes"] += path.stat().st_size
        if group == "pages":
            pages_by_kind[kind].append(path)
        elif group == "downloads" and relative.endswith(".json"):
            json_by_kind[kind].append(path)
    rng = random.Random(seed)
    for kind, paths in pages_by_kind.items():
        chosen = paths if len(paths) <= sample else rng.sample(paths, sample)
        summed: dict[str, int] = defaultdict(int)
        for path in chosen:
            for part, value in page_parts(path.read_text(encoding="utf-8")).items():
                summed[part] += value
        chosen_bytes = sum(p.stat().st_size for p in chosen)
        scale = kinds[("pages", kind)]["bytes"] / chosen_bytes if chosen_bytes else 0
        kinds[("pages", kind)]["parts"] = {part: round(value * scale) for part, value in summed.items()}
        kinds[("pages", kind)]["parts_from_pages"] = len(chosen)
    for kind, paths in json_by_kind.items():
        chosen = paths if len(paths) <= sample else rng.sample(paths, sample)
        summed = defaultdict(int)
        fields: set[str] = set()
        for path in chosen:
            repeats = json_repeats(path.read_bytes())
            summed["key_bytes"] += repeats.get("key_bytes", 0)
            summed["constant_field_bytes"] += repeats.get("constant_field_bytes", 0)
            fields |= set(repeats.get("constant_fields", []))
        chosen_bytes = sum(p.stat().st_size for p in chosen)
        scale = kinds[("downloads", kind)]["bytes"] / chosen_bytes if chosen_bytes else 0
        kinds[("downloads", kind)]["json"] = {
            "key_bytes": round(summed["key_bytes"] * scale),
            "constant_field_bytes": round(summed["constant_field_bytes"] * scale),
            "constant_fields (in some file)": sorted(fields),
            "from_files": len(chosen),
        }
    volumes = sorted(site.glob("data/yearbook-*.pdf"), key=lambda path: -path.stat().st_size)
    if volumes:  # the largest volume: its fonts, drawings and the rest
        kinds[("downloads", "printed volumes (PDF)")]["largest"] = {"file": volumes[0].name, **pdf_parts(volumes[0])}
    entries = sorted(kinds.values(), key=lambda e: (e["group"], -e["bytes"]))
    groups = dict.fromkeys(e["group"] for e in entries)
    return {
        "site": str(site),
        "bytes": sum(e["bytes"] for e in entries),
        "files": sum(e["files"] for e in entries),
        "by_group": {group: sum(e["bytes"] for e in entries if e["group"] == group) for group in groups},
        "kinds": entries,
    }


def _mb(value: int) -> str:
    return f"{value / 1e6:8.1f} MB"


def report(result: dict, top_other: int = 6) -> str:
    lines = [f"{result['site']}: {_mb(result['bytes']).strip()} in {result['files']} files", ""]
    for group, total in result["by_group"].items():
        lines.append(f"{group:<10} {_mb(total)}")
        shown = [e for e in result["kinds"] if e["group"] == group]
        if group == "other":
            shown = shown[:top_other]
        for entry in shown:
            lines.append(f"  {entry['kind']:<40} {entry['files']:>6} files {_mb(entry['bytes'])}")
            for part, value in entry.get("parts", {}).items():
                unit = "" if "(whole page)" not in part or "blank" not in part else " (newlines)"
                lines.append(f"      {part:<46} {_mb(value)}{unit}")
            if "largest" in entry:
                pdf = entry["largest"]
                size = _mb(pdf["total"]).strip()
                lines.append(f"      the largest, {pdf['file']} ({size}, {pdf['fonts embedded']} fonts):")
                for part in ("fonts", "drawings (page content, placed pages)", "other streams"):
                    lines.append(f"        {part:<44} {_mb(pdf[part])}")
            if "json" in entry:
                j = entry["json"]
                lines.append(f"      {'keys repeated in every row':<46} {_mb(j['key_bytes'])}")
                lines.append(f"      {'fields equal in every row of a file':<46} {_mb(j['constant_field_bytes'])}")
                lines.append(f"        ({', '.join(j['constant_fields (in some file)'])})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=OUT / "corpus-178x20-seed1" / "site")
    parser.add_argument("--sample", type=int, default=200, help="pages (and JSON files) of each kind split into parts")
    parser.add_argument("--name", default=None, help="output name (default: the site folder's parent)")
    args = parser.parse_args(argv)
    if not args.site.is_dir():
        print(f"{args.site}: expected a built site, found no folder", file=sys.stderr)
        return 1
    result = measure(args.site, args.sample)
    text = report(result)
    print(text)
    name = args.name or args.site.resolve().parent.name
    (OUT / f"site-bytes-{name}.json").write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", "utf-8")
    (OUT / f"site-bytes-{name}.txt").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
