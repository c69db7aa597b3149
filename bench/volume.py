"""Typeset a year's volume of the synthetic corpus with Typst and with WeasyPrint, and measure both.

    python bench/volume.py                          # 178 parks × 20 years, year 2024, both engines, 1 run
    python bench/volume.py --parks 5 --years 2 --year 2025 --runs 3

Both engines get the same content (generator.pages.volume.content) and the same SVG charts; Typst the
generator's own source (site_templates/volume/volume.typ.j2), WeasyPrint an HTML rendering of it written
here with CSS paged media (footnotes, running heads, page numbers, contents with page numbers, bookmarks).
Each engine runs in a child process: wall time and peak resident memory from wait4. Sample pages are written
as PNG (pdftoppm -r 60) to bench/out/volume-<engine>-*.png to be looked at. Then the end-to-end command,
`yearbook pdf YEAR`, cold (no stored volume) and again (stored: nothing to typeset). Results in
bench/out/volume.json. WeasyPrint is not a dependency of the project: install it to compare
(`pip install weasyprint`); without it, only Typst is measured.
"""

from __future__ import annotations

import argparse
import contextlib
import html
import json
import os
import pickle
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
SAMPLE_PAGES = (1, 2, 3, 6, 45, 60, 200)  # cover, contents, preface, overview, a chapter or two (as far as exist)


def prepare(data: Path, year: int, pickle_path: Path) -> dict:
    """Read the corpus, make the volume's content and charts; pickled for the engines' children."""
    from generator.data.pipeline import read_yearbook
    from generator.pages.volume.content import build_volume
    from generator.pages.volume.typeset import typeset

    seconds = {}
    started = time.perf_counter()
    yearbook = read_yearbook(data)
    seconds["read and check"] = time.perf_counter() - started
    started = time.perf_counter()
    volume = build_volume(yearbook, year, "https://park-yearbook.github.io/")
    document = typeset(volume, "高新区年鉴", data.parent / "docs" / "about.md")
    seconds["content and charts"] = time.perf_counter() - started
    pickle_path.write_bytes(pickle.dumps((volume, document)))
    return {"seconds": seconds, "parks": len(volume.chapters), "charts": len(document.files)}


# --- the HTML rendering for WeasyPrint -------------------------------------------------------------------------

_CSS = """
@page { size: A4; margin: 2.4cm 2cm 2.2cm;
  @top-left { content: "高新区年鉴·%(year)s年卷"; font: 8pt "Noto Sans CJK SC"; color: #5a5a5a; }
  @top-right { content: string(chapter); font: 8pt "Noto Sans CJK SC"; color: #5a5a5a; }
  @bottom-center { content: counter(page); font: 8pt "Noto Sans CJK SC"; } }
@page cover { @top-left { content: none; } @top-right { content: none; } @bottom-center { content: none; } }
.cover { page: cover; text-align: center; padding-top: 5cm; }
.cover h1 { font-size: 30pt; string-set: none; bookmark-level: none; }
body { font: 9.5pt/1.6 "Noto Serif CJK SC"; text-align: justify; }
h1, h2, h3, h4 { font-family: "Noto Sans CJK SC"; }
h1 { font-size: 17pt; break-before: page; string-set: chapter content(); }
h3 { font-size: 14pt; break-before: page; string-set: chapter content(); }
h2 { font-size: 13pt; } h4 { font-size: 10.5pt; bookmark-level: none; }
table { border-collapse: collapse; width: 100%%; } td, th { border-bottom: 0.4pt solid #aaa; padding: 2pt 4pt; }
.num { text-align: right; }
.ranking { columns: 2; font-size: 8pt; }
.fn { float: footnote; font-size: 7.5pt; text-align: left; }
::footnote-call { content: counter(footnote); vertical-align: super; font-size: 6pt; }
.toc a { color: black; text-decoration: none; } .toc a::after { content: leader('.') target-counter(attr(href), page); }
.toc .l2 { margin-left: 1.5em; } .toc .l3 { margin-left: 3em; }
figure { margin: 0.6em 0; text-align: center; } figure img { width: 100%%; } figcaption { font-size: 8.5pt; }
pre { font-size: 8pt; background: #f5f5f5; padding: 6pt; white-space: pre-wrap; }
"""


def volume_html(volume, document, charts_dir: Path, reports: list[str], reading: list[dict], top: int) -> str:
    """The volume as one HTML document: the same parts in the same order as the Typst source."""
    e = html.escape
    parts, toc, anchors = [], [], iter(range(1, 1_000_000))

    def heading(level: int, text: str, contents: bool = True) -> str:
        anchor = f"h{next(anchors)}"
        if contents and level <= 3:
            toc.append(f'<p class="l{level}"><a href="#{anchor}">{e(text)}</a></p>')
        return f'<h{level} id="{anchor}">{e(text)}</h{level}>'

    def fn(note) -> str:
        return f'<span class="fn">「{e(note.quote)}」——{e(reports[note.source - 1])}</span>'

    parts.append(heading(1, "前言"))
    parts.append(
        f"<p>本卷收录{len(volume.chapters)}个国家高新技术产业开发区在{volume.year}年度报告中公布的主要指标……</p>"
    )
    parts.append(heading(1, "阅读说明"))
    for block in reading:
        if block["kind"] == "heading":
            parts.append(heading(2, block["text"]))
        elif block["kind"] == "table":
            rows = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in block["rows"])
            parts.append(f"<table>{rows}</table>")
        else:
            parts.append(f"<p>{e(block['text'])}</p>")
    parts.append(heading(1, "全国概览"))
    for number, ranking in enumerate(volume.rankings, start=1):
        parts.append(heading(2, f"{ranking.name}({ranking.unit})"))
        parts.append(
            f'<figure><img src="{(charts_dir / f"ranking-{number}.svg").as_uri()}">'
            f"<figcaption>{e(ranking.name)}:{volume.year}年排名前{top}位的园区</figcaption></figure>"
        )
        rows = "".join(
            f'<tr><td class="num">{r.rank or "—"}</td><td>{e(r.park)}</td><td class="num">{e(r.value)}</td>'
            f'<td class="num">{e(r.growth)}</td></tr>'
            for r in ranking.rows
        )
        parts.append(
            '<div class="ranking"><table><tr><th>名次</th><th>园区</th><th>数值</th><th>同比</th></tr>'
            f"{rows}</table></div>"
        )
    for region, provinces in volume.regions:
        parts.append(heading(1, f"{region}地区"))
        for province, chapters in provinces:
            parts.append(heading(2, province))
            for c in chapters:
                parts.append(heading(3, c.park.short_name))
                if c.summary:
                    parts.append(f"<p>{e(c.summary)}</p>")
                if c.figures:
                    parts.append(heading(4, "主要指标"))
                    rows = "".join(
                        f'<tr><td>{e(r.indicator)}</td><td class="num">{e(r.value)}{fn(r.note)}</td>'
                        f'<td class="num">{e(r.growth)}</td></tr>'
                        for r in c.figures
                    )
                    parts.append(f"<table><tr><th>指标</th><th>数值</th><th>同比</th></tr>{rows}</table>")
                if c.chart:
                    parts.append(f'<figure><img src="{(charts_dir / c.chart).as_uri()}" style="width: 85%"></figure>')
                if c.themes:
                    parts.append(heading(4, "分主题事实"))
                    for theme, facts in c.themes:
                        items = "".join(f"<li>{e(text)}{fn(note)}</li>" for text, note in facts)
                        parts.append(f"<p><b>{e(theme)}</b></p><ul>{items}</ul>")
                for title, targets in (("本年设定的目标", c.targets_set), ("往年设定的目标", c.targets_checked)):
                    if targets:
                        parts.append(heading(4, title))
                        rows = "".join(
                            f"<tr><td>{t.set_in}</td><td>{t.for_year}</td><td>{e(t.text)}{fn(t.note)}</td>"
                            f'<td class="num">{e(t.goal)}</td><td class="num">{e(t.actual)}</td>'
                            f"<td>{e(t.verdict)}</td></tr>"
                            for t in targets
                        )
                        parts.append(f'<table style="font-size: 8.5pt">{rows}</table>')
    parts.append(heading(1, "来源索引"))
    parts.extend(f'<p style="font-size: 8.5pt">[{n}] {e(line)}</p>' for n, line in enumerate(reports, start=1))
    cover = f'<section class="cover"><h1>高新区年鉴</h1><p style="font-size: 20pt">{volume.year}年卷</p></section>'
    contents = '<h1 style="string-set: none">目录</h1><div class="toc">' + "".join(toc) + "</div>"
    style = _CSS % {"year": volume.year}
    head = f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>{style}</style></head>'
    return f"{head}<body>{cover}{contents}{''.join(parts)}</body></html>"


def render(engine: str, pickle_path: Path, output: Path) -> None:
    """The child: typeset the pickled volume with one engine into `output`."""
    from generator.pages.volume.content import report_address, report_line
    from generator.pages.volume.figures import TOP
    from generator.pages.volume.typeset import compile_pdf, reading_guide

    volume, document = pickle.loads(pickle_path.read_bytes())
    if engine == "typst":
        output.write_bytes(compile_pdf(document, "2026-12-06", 1796515200))
        return
    import weasyprint

    charts_dir = output.parent / "volume-charts"
    for name, data in document.files.items():
        (charts_dir / Path(name).name).parent.mkdir(parents=True, exist_ok=True)
        (charts_dir / Path(name).name).write_bytes(data)
    reports = [report_line(s, report_address(s, volume.site_url)) for s in volume.sources]
    reading = reading_guide(ROOT / "docs" / "about.md")
    page = volume_html(volume, document, charts_dir, reports, reading, TOP)
    weasyprint.HTML(string=page, base_url=str(charts_dir)).write_pdf(str(output))


class TreeMemory:
    """Every process below this one, sampled five times a second: the largest sum of their proportional set sizes
    (Pss: shared pages split between the processes sharing them), what a stage and its workers hold together; the
    largest peak RSS of any one of them (VmHWM); and their CPU seconds (as last seen, so slightly under). Typst's
    workers are children of multiprocessing's fork server, which wait4 on the stage does not account for."""

    def __init__(self):
        self.peak, self.largest, self._stop = 0, 0, threading.Event()
        self._cpu: dict[int, float] = {}
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    @property
    def cpu_seconds(self) -> float:
        return sum(self._cpu.values())

    def _watch(self) -> None:
        ticks = os.sysconf("SC_CLK_TCK")
        while not self._stop.wait(0.2):
            pids = _descendants(os.getpid())
            self.peak = max(self.peak, sum(_status(pid, "Pss") for pid in pids))
            self.largest = max([self.largest, *(_status(pid, "VmHWM") for pid in pids)])
            for pid in pids:
                with contextlib.suppress(OSError, IndexError):
                    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
                    self._cpu[pid] = (int(fields[11]) + int(fields[12])) / ticks


def _descendants(root: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def _status(pid: int, field: str) -> int:
    """Bytes of one field of /proc/PID/smaps_rollup (Pss) or /proc/PID/status (VmHWM); 0 once it is gone."""
    try:
        for line in Path(f"/proc/{pid}/{'smaps_rollup' if field == 'Pss' else 'status'}").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def measured(name: str, command: list[str], cwd: Path, env: dict | None = None) -> dict:
    """run.py's stage (wall time, the largest process's peak RSS) plus the peak Pss of the whole process tree."""
    from bench.run import run_stage

    with TreeMemory() as tree:
        result = run_stage(name, command, cwd, env)
    return {
        **result,
        "peak_tree_pss_bytes": tree.peak,
        "peak_rss_bytes": tree.largest or result["peak_rss_bytes"],  # VmHWM: each process's own, from its exec
        "cpu_seconds": max(result["cpu_seconds"], round(tree.cpu_seconds, 1)),
    }


def pdf_facts(pdf: Path) -> dict:
    """Pages, bytes, and whether every font is embedded (pdffonts)."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout.splitlines()[2:]
    embedded = all(line.split()[-5] == "yes" for line in fonts if line.strip())
    return {"pages": pages, "bytes": pdf.stat().st_size, "fonts": len(fonts), "all_fonts_embedded": embedded}


def screenshots(pdf: Path, engine: str, pages: int) -> list[str]:
    """A few pages as PNG at 60 dpi, to look at."""
    written = []
    for page in (p for p in SAMPLE_PAGES if p <= pages):
        stem = OUT / f"volume-{engine}-{page:03d}"
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)],
            check=True,
        )
        written.append(f"{stem.name}.png")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parks", type=int, default=178)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--year", type=int, default=2024, help="the volume's year (default 2024)")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--engines", default="typst,weasyprint")
    parser.add_argument("--fresh-corpus", action="store_true")
    parser.add_argument("--child", nargs=3, metavar=("ENGINE", "PICKLE", "PDF"), help=argparse.SUPPRESS)
    parser.add_argument("--prepare", nargs=3, metavar=("DATA", "YEAR", "PICKLE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        render(args.child[0], Path(args.child[1]), Path(args.child[2]))
        return 0
    if args.prepare:
        prepared = prepare(Path(args.prepare[0]), int(args.prepare[1]), Path(args.prepare[2]))
        (OUT / "volume-prepare.json").write_text(json.dumps(prepared))
        return 0
    from bench.run import ensure_corpus

    OUT.mkdir(parents=True, exist_ok=True)
    project, counts = ensure_corpus(argparse.Namespace(**vars(args), no_baseline=True))
    pickle_path = OUT / f"volume-{args.year}.pickle"
    results = {"command": " ".join(sys.argv), "corpus": counts, "year": args.year, "load": os.getloadavg()}
    # In a child, so that this process never holds the corpus (a child's peak RSS as wait4 reports it starts at its
    # parent's); the stages' memory is sampled from /proc anyway (TreeMemory).
    command = [sys.executable, __file__, "--prepare", str(project / "data"), str(args.year), str(pickle_path)]
    results["prepare"] = {**measured("prepare", command, ROOT), **json.loads((OUT / "volume-prepare.json").read_text())}
    for engine in args.engines.split(","):
        if engine == "weasyprint" and shutil.which("weasyprint") is None and not _importable("weasyprint"):
            results[engine] = {"skipped": "weasyprint is not installed"}
            continue
        pdf = OUT / f"volume-{engine}.pdf"
        runs = [
            measured(engine, [sys.executable, __file__, "--child", engine, str(pickle_path), str(pdf)], ROOT)
            for _ in range(args.runs)
        ]
        results[engine] = {"runs": runs, **pdf_facts(pdf)}
        results[engine]["screenshots"] = screenshots(pdf, engine, results[engine]["pages"])
    cache = project / ".cache" / "volumes"
    shutil.rmtree(cache, ignore_errors=True)
    command = [
        sys.executable,
        "-m",
        "generator",
        "--data",
        "data",
        "pdf",
        str(args.year),
        "-o",
        str(OUT / "volume-cli.pdf"),
    ]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    results["yearbook pdf, cold"] = measured("yearbook pdf", command, project, env)
    results["yearbook pdf, stored"] = measured("yearbook pdf", command, project, env)
    (OUT / "volume.json").write_text(json.dumps(results, ensure_ascii=False, indent=1, default=str), encoding="utf-8")
    _print_table(results)
    return 0


def _importable(name: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(name) is not None


def _print_table(results: dict) -> None:
    print(f"volume {results['year']}: {results['prepare']['parks']} parks, {results['prepare']['charts']} charts")
    print(f"  load average at start {results['load'][0]:.1f}, at end {os.getloadavg()[0]:.1f}")
    for stage, seconds in results["prepare"]["seconds"].items():
        print(f"  {stage:<22} {seconds:7.1f} s")
    for engine in ("typst", "weasyprint"):
        entry = results.get(engine)
        if not entry or "runs" not in entry:
            continue
        times = sorted(r["seconds"] for r in entry["runs"])
        peak = max(r["peak_rss_bytes"] for r in entry["runs"]) / 1e6
        tree = max(r["peak_tree_pss_bytes"] for r in entry["runs"]) / 1e6
        cpu = sorted(r["cpu_seconds"] for r in entry["runs"])[len(times) // 2]
        print(
            f"  {engine:<22} {times[len(times) // 2]:7.1f} s (cpu {cpu:.0f} s)  "
            f"peak {peak:6.0f} MB (tree {tree:.0f} MB)  "
            f"{entry.get('pages', '?')} pages  {entry.get('bytes', 0) / 1e6:.1f} MB  "
            f"fonts embedded: {entry.get('all_fonts_embedded')}"
        )
    for key in ("yearbook pdf, cold", "yearbook pdf, stored"):
        run = results[key]
        print(
            f"  {key:<22} {run['seconds']:7.1f} s (cpu {run['cpu_seconds']:.0f} s)  peak "
            f"{run['peak_rss_bytes'] / 1e6:6.0f} MB (tree {run['peak_tree_pss_bytes'] / 1e6:.0f} MB)  "
            f"{run['stdout'][-90:]}"
        )


if __name__ == "__main__":
    sys.exit(main())
