"""A year's volume as Typst sources (its parts and the frame that binds them), and the PDF Typst makes of them.

One Typst document of 178 parks' chapters and their ~8,000 footnotes takes 3.3 GB while it is laid out (bench/
README.md, "The printed volume"); Typst's memory grows with the footnotes it holds. So the chapters are typeset
in parts of PARKS_PER_PART parks, side by side, and the frame places every page of the parts as it is (Typst
embeds a PDF page as a vector drawing, its fonts and text kept), adding what needs the whole volume: the
contents, running heads, page numbers and bookmarks.
"""

from __future__ import annotations

import functools
import io
import multiprocessing
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator.data.problems import DataError, Problem
from generator.pages.render import MARKS_NOTE, TEMPLATE_DIR
from generator.pages.volume import figures
from generator.pages.volume.content import Volume, report_address, report_line
from generator.parallel import worker_count

FONT_DIRS = ("/usr/share/fonts/opentype/noto",)  # Debian's fonts-noto-cjk
PARKS_PER_PART = 12  # about 350 MB of Typst's memory a part (bench/README.md)
RANKINGS_PER_PART = 9
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def typst_string(value) -> str:
    """A Typst string literal: text stays text, whatever characters it holds."""
    text = _CONTROL.sub("", str(value)).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


@functools.cache
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE_DIR / "volume"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["s"] = typst_string
    return env


@dataclass(frozen=True)
class Part:
    """A part's Typst source and the headings it sets for the contents, in order: (level, title)."""

    source: str
    headings: tuple[tuple[int, str], ...]


@dataclass(frozen=True)
class Typeset:
    """What Typst reads: the parts' sources, their charts, and how to render the frame once the parts' pages
    are known. All of it is the volume's input (see store.input_key)."""

    parts: tuple[Part, ...]
    files: dict[str, bytes]
    frame: dict  # the frame template's values, but for its pages


def reading_guide(about: Path | None) -> list[dict]:
    """The about page's 符号与单位 section (its table and 目标核对), as blocks, then the marks of part figures."""
    blocks: list[dict] = []
    text = about.read_text(encoding="utf-8") if about and about.is_file() else ""
    section = text.partition("\n## 符号与单位\n")[2].split("\n## ")[0]
    for chunk in re.split(r"\n\s*\n", section.strip()):
        lines = [line.strip() for line in chunk.strip().splitlines() if line.strip()]
        if lines and lines[0].startswith("### "):
            blocks.append({"kind": "heading", "text": lines[0][4:]})
            lines = lines[1:]
        if lines and lines[0].startswith("|"):
            rows = [[_plain(cell.strip()) for cell in line.strip("|").split("|")] for line in lines]
            blocks.append({"kind": "table", "rows": [r for r in rows if not set("".join(r)) <= set("-: ")]})
        elif lines:
            blocks.append({"kind": "text", "text": _plain("".join(lines))})
    blocks.append({"kind": "text", "text": MARKS_NOTE.removeprefix("注:")})
    blocks.append(
        {
            "kind": "text",
            "text": "每个数字右上角的脚注号对应页脚的注释:「」中是报告原文,其后是报告的发布者、标题、日期与地址"
            "(报告没有公开地址时,为本年鉴存档原文的网址)。脚注在每个园区的一章之内编号。",
        }
    )
    return blocks


def _plain(markdown: str) -> str:
    """Markdown emphasis and links as plain text."""
    return re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", markdown).replace("**", "").replace("`", "")


def _chapter_units(volume: Volume) -> list[tuple]:
    """(region heading or None, province heading or None, chapter): each chapter with the headings it opens."""
    units = []
    for region, provinces in volume.regions:
        for number, (province, chapters) in enumerate(provinces):
            for index, chapter in enumerate(chapters):
                opens_region = number == 0 and index == 0
                units.append((region if opens_region else None, province if index == 0 else None, chapter))
    return units


def typeset(volume: Volume, site_name: str, about: Path | None = None) -> Typeset:
    """The Typst sources of a volume and its charts (SVG), drawn now."""
    files: dict[str, bytes] = {}
    for number, ranking in enumerate(volume.rankings, start=1):
        drawing = figures.ranking_svg(ranking)
        ranking.chart = f"ranking-{number}.svg" if drawing else None
        if drawing:
            files[f"charts/{ranking.chart}"] = drawing.encode("utf-8")
    for number, chapter in enumerate(volume.chapters, start=1):
        chapter.chart = None
        if len(chapter.growth_rows) > 1:  # as the site: a growth chart needs two bars to compare
            chapter.chart = f"growth-{number}.svg"
            files[f"charts/{chapter.chart}"] = figures.growth_svg(chapter.growth_rows).encode("utf-8")
    values = {
        "v": volume,
        "site_name": site_name,
        "top": figures.TOP,
        "report_line": lambda s: report_line(s, report_address(s, volume.site_url)),
    }
    template = _environment().get_template("part.typ.j2")
    parts = []
    rankings = volume.rankings
    for start in range(0, len(rankings), RANKINGS_PER_PART):
        part = {"kind": "overview", "first": start == 0, "rankings": rankings[start : start + RANKINGS_PER_PART]}
        headings = [(1, "全国概览")] if start == 0 else []
        headings += [(2, f"{r.name}({r.unit})") for r in part["rankings"]]
        parts.append(Part(template.render(**values, part=part), tuple(headings)))
    units = _chapter_units(volume)
    for start in range(0, len(units), PARKS_PER_PART):
        part = {"kind": "chapters", "units": units[start : start + PARKS_PER_PART]}
        headings = []
        for region, province, chapter in part["units"]:
            headings += [(1, f"{region}地区")] if region else []
            headings += [(2, province)] if province else []
            headings.append((3, chapter.park.short_name))
        parts.append(Part(template.render(**values, part=part), tuple(headings)))
    parts.append(Part(template.render(**values, part={"kind": "sources"}), ((1, "来源索引"),)))
    frame = {
        "v": volume,
        "site_name": site_name,
        "volume_url": f"{volume.site_url}data/yearbook-{volume.year}.pdf",
        "reading": reading_guide(about),
    }
    return Typeset(tuple(parts), files, frame)


def frame_source(document: Typeset, pages: list[tuple[str, int, list, str]] | None = None) -> str:
    """The frame's Typst source, placing `pages` (file, page number in it, headings on that page, running head)."""
    return _environment().get_template("volume.typ.j2").render(**document.frame, pages=pages or [])


def _compile(root: Path, name: str, source: str, edition: str, timestamp: int) -> bytes:
    import typst

    (root / name).write_text(source, encoding="utf-8")
    return typst.compile(
        str(root / name),
        root=str(root),
        font_paths=[d for d in FONT_DIRS if Path(d).is_dir()],
        sys_inputs={"edition": edition},
        timestamp=timestamp,
        pdf_tags=False,  # the frame places the parts' pages as drawings: their tags could not follow
    )


def _headings(pdf: bytes, part: Part) -> tuple[int, dict[int, list[tuple[int, str]]]]:
    """A part's page count and, by page (1-based), the headings that stand on it: the part's own (level, title),
    placed by the pages of its PDF's bookmarks, which Typst writes in the same order."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf))
    marks: list = []

    def walk(items) -> None:
        for item in items:
            walk(item) if isinstance(item, list) else marks.append(item)

    walk(reader.outline)
    if [m.title for m in marks] != [title for _, title in part.headings]:
        raise RuntimeError(f"volume part: expected headings {part.headings[:3]}…, found {marks[:3]}…")
    on_page: dict[int, list[tuple[int, str]]] = {}
    for mark, heading in zip(marks, part.headings, strict=True):
        on_page.setdefault(reader.get_destination_page_number(mark) + 1, []).append(heading)
    return len(reader.pages), on_page


def font_problems() -> list[Problem]:
    """Without Noto CJK, Typst would print every Chinese character as an empty box: say so instead."""
    if any(Path(folder, "NotoSerifCJK-Regular.ttc").is_file() for folder in FONT_DIRS):
        return []
    wanted = "Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk) to typeset the volume"
    return [Problem(f"{FONT_DIRS[0]}/NotoSerifCJK-Regular.ttc", 1, "(font)", f"expected {wanted}, found no file")]


def compile_pdf(document: Typeset, edition: str, timestamp: int) -> bytes:
    """The PDF: A4, Noto CJK embedded (Typst embeds the subsets it uses), contents, bookmarks, running heads."""
    if font_problems():
        raise DataError(font_problems())
    with tempfile.TemporaryDirectory(prefix="yearbook-volume-") as folder:
        root = Path(folder)
        for name, data in document.files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(data)
        jobs = [(root, f"part-{n}.typ", part.source, edition, timestamp) for n, part in enumerate(document.parts)]
        # A process per compile, as many at a time as there are CPUs: Typst keeps what it computed for as long as
        # its process lives, so a process that typeset one part would carry its memory into the next.
        # Started from a fresh server process, not forked from this one: a worker holds only Typst, never the
        # yearbook this process has read (hundreds of MB at national scale).
        context = multiprocessing.get_context(
            "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else None
        )
        context.set_forkserver_preload([__name__])
        with context.Pool(max(1, min(worker_count(), len(jobs))), maxtasksperchild=1) as pool:
            done = pool.starmap(_compile, jobs, chunksize=1)
            pages, title = [], ""
            for number, pdf in enumerate(done):
                name = f"part-{number}.pdf"
                (root / name).write_bytes(pdf)
                total, on_page = _headings(pdf, document.parts[number])
                for page in range(1, total + 1):
                    # The running head names the chapter (a park, or the overview) the page is in.
                    title = next((t for level, t in reversed(on_page.get(page, [])) if level in (1, 3)), title)
                    pages.append((name, page, on_page.get(page, []), title))
            del done
            frame = (root, "volume.typ", frame_source(document, pages), edition, timestamp)
            return pool.apply(_compile, frame)
