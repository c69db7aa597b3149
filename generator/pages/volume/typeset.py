"""A year's volume as Typst source with its charts, and the PDF Typst makes of it."""

from __future__ import annotations

import functools
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

import jinja2

from generator.pages.render import MARKS_NOTE, TEMPLATE_DIR
from generator.pages.volume import figures
from generator.pages.volume.content import Volume, report_address, report_line

FONT_DIRS = ("/usr/share/fonts/opentype/noto",)  # Debian's fonts-noto-cjk
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
class Typeset:
    """What Typst compiles: the source and the files it reads (charts), all of them the volume's input bytes."""

    source: str
    files: dict[str, bytes]


def reading_guide(about: Path | None) -> list[dict]:
    """The about page's 符号与单位 section (its table and 目标核对), as blocks, then the marks of part figures."""
    blocks: list[dict] = []
    text = about.read_text(encoding="utf-8") if about and about.is_file() else ""
    section = text.partition("\n## 符号与单位\n")[2].split("\n## ")[0]
    for chunk in re.split(r"\n\s*\n", section.strip()):
        lines = [line.strip() for line in chunk.strip().splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("### "):
            blocks.append({"kind": "heading", "text": lines[0][4:]})
            lines = lines[1:]
        if lines and lines[0].startswith("|"):
            rows = [[cell.strip() for cell in line.strip("|").split("|")] for line in lines]
            blocks.append({"kind": "table", "rows": [r for r in rows if not set("".join(r)) <= set("-: ")]})
        elif lines:
            blocks.append({"kind": "text", "text": _plain("".join(lines))})
    blocks.append({"kind": "text", "text": MARKS_NOTE.removeprefix("注:")})
    blocks.append(
        {
            "kind": "text",
            "text": "每个数字右上角的脚注号对应页脚的注释:「」中是报告原文,其后是报告的发布者、标题、日期与地址"
            "(报告没有公开地址时,为本年鉴存档原文的网址)。",
        }
    )
    return blocks


def _plain(markdown: str) -> str:
    """Markdown emphasis and links as plain text."""
    return re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", markdown).replace("**", "").replace("`", "")


def typeset(volume: Volume, site_name: str, about: Path | None = None) -> Typeset:
    """The Typst source of a volume and its charts (SVG), drawn now."""
    files: dict[str, bytes] = {}
    for number, ranking in enumerate(volume.rankings, start=1):
        drawing = figures.ranking_svg(ranking)
        ranking.chart = f"ranking-{number}.svg" if drawing else None
        if drawing:
            files[f"charts/{ranking.chart}"] = drawing.encode("utf-8")
    charts = {}
    for number, chapter in enumerate(volume.chapters, start=1):
        if len(chapter.growth_rows) > 1:  # as the site: a growth chart needs two bars to compare
            charts[chapter.park.id] = f"growth-{number}.svg"
            files[f"charts/growth-{number}.svg"] = figures.growth_svg(chapter.growth_rows).encode("utf-8")
    for chapter in volume.chapters:
        chapter.chart = charts.get(chapter.park.id)
    source = (
        _environment()
        .get_template("volume.typ.j2")
        .render(
            v=volume,
            site_name=site_name,
            volume_url=f"{volume.site_url}data/yearbook-{volume.year}.pdf",
            reading=reading_guide(about),
            top=figures.TOP,
            report_line=lambda s: report_line(s, report_address(s, volume.site_url)),
        )
    )
    return Typeset(source, files)


def compile_pdf(document: Typeset, edition: str, timestamp: int) -> bytes:
    """The PDF: A4, Noto CJK embedded (Typst embeds the subsets it uses), bookmarks from the headings."""
    import typst

    with tempfile.TemporaryDirectory(prefix="yearbook-volume-") as folder:
        root = Path(folder)
        for name, data in document.files.items():
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(data)
        (root / "volume.typ").write_text(document.source, encoding="utf-8")
        return typst.compile(
            str(root / "volume.typ"),
            root=str(root),
            font_paths=[d for d in FONT_DIRS if Path(d).is_dir()],
            sys_inputs={"edition": edition},
            timestamp=timestamp,
        )
