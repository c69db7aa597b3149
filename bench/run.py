"""Scale benchmark: make a synthetic corpus, then time check, generate and the MkDocs build against a bare
Material build of the same pages, and measure page bytes, first-search bytes and peak memory.

    python bench/run.py                                  # 178 parks × 20 years, medians of 3 runs
    python bench/run.py --parks 5 --years 3 --runs 1     # a quick look
    python bench/run.py --second-build --profile         # also incremental rebuilds and cProfile reports

Every stage runs as its own subprocess (`python -m generator --data data check`, `… generate`,
`python -m mkdocs build -f mkdocs.yml`, `python -m generator --data data build`), timed from outside, with
its peak memory from wait4 (the child and the processes it waited for, e.g. Pagefind). Results: a table
on stdout and bench/out/results.json (also results-<parks>x<years>.json). See bench/README.md.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import http.server
import json
import os
import platform
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlparse

import yaml

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
OUT = BENCH / "out"
sys.path.insert(0, str(BENCH))
sys.path.insert(1, str(PROJECT))

import make_corpus  # noqa: E402

from generator.pages.write import GENERATED  # noqa: E402

GOALS = {  # the page-size goals of the detail table: (limit, unit); times, memory and site size are in ISSUE_24
    "park_year_page_bytes": (50_000, "B"),
    "park_year_pages_max_bytes": (50_000, "B"),  # every park-year page, not just the sample
    "first_search_bytes": (300_000, "B"),
    "indicator_pages_max_bytes": (100_000, "B"),  # one year's ranking of every park, on each indicator page
    "park_pages_max_bytes": (80_000, "B"),
    "home_page_bytes": (100_000, "B"),  # like the other listings
    "listing_pages_max_bytes": (100_000, "B"),  # parks/, indicators/, sources/ and each park's sources
}
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "CI": "1", "PYTHONDONTWRITEBYTECODE": "1"}
SEARCH_PATHS = (
    "/pagefind/",
    "/pagefind-text/",
    "/pagefind-text-",  # the full text's other parts (pagefind-text-2/, …)
    "/search/search_index.json",
    "/workers/search",
    "/assets/yearbook-search.js",
)


# Running stages ------------------------------------------------------------------------------------------


class StageError(RuntimeError):
    pass


def run_stage(name: str, command: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Run one stage as a subprocess: wall time, peak RSS (its own or its waited-for children's), output."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env={**ENV, **(env or {})}, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    # Drain the pipes in threads so a chatty stage cannot block; wait4 gives the child's rusage.
    chunks: dict[str, bytes] = {}

    def drain(key, stream):
        chunks[key] = stream.read()

    readers = [
        threading.Thread(target=drain, args=(k, s)) for k, s in (("out", process.stdout), ("err", process.stderr))
    ]
    for reader in readers:
        reader.start()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    for reader in readers:
        reader.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    stdout, stderr = chunks["out"].decode("utf-8", "replace"), chunks["err"].decode("utf-8", "replace")
    print(f"  [{time.strftime('%H:%M:%S')}] {name}: {elapsed:.1f} s, peak {usage.ru_maxrss / 1e6:.2f} GB", flush=True)
    if process.returncode != 0:
        tail = "\n".join((stdout + stderr).strip().splitlines()[-30:])
        raise StageError(f"{name} failed (exit {process.returncode}): {' '.join(command)}\n{tail}")
    return {
        "seconds": round(elapsed, 3),
        "peak_rss_bytes": usage.ru_maxrss * 1024,  # Linux reports KiB
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
        "stdout": stdout.strip()[-2000:],
    }


def build_split(stdout: str) -> dict[str, float]:
    """The build's own split of its wall time, from its last line: "site built into … (generate X s, mkdocs Y s,
    volumes Z s, search index W s)"."""
    last = stdout.splitlines()[-1] if stdout else ""
    return {
        name: float(value) for name, value in re.findall(r"(generate|mkdocs|volumes|search index) ([0-9.]+) s", last)
    }


def generated_counts(stdout: str) -> dict | None:
    """The CLI's `generated: N written, N removed, N unchanged` line as numbers."""
    match = re.search(r"generated: (\d+) written, (\d+) removed, (\d+) unchanged", stdout)
    return dict(zip(("written", "removed", "unchanged"), map(int, match.groups()), strict=True)) if match else None


KEPT_VOLUMES = "volumes"  # .cache/volumes: the typeset printed volumes, kept unless --cold-volumes


def clean(project: Path, volumes: bool = False) -> None:
    """Remove the generated part of docs/, every built site and what the generator keeps between runs under
    .cache/ (but the typeset volumes, unless `volumes`), so the next stage starts cold."""
    cache = project / ".cache"
    for entry in sorted(cache.iterdir()) if cache.is_dir() else []:
        if entry.name == KEPT_VOLUMES and not volumes:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    for root in GENERATED:
        path = project / "docs" / root
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    for name in ("site", ".site-staging", ".site-previous"):
        shutil.rmtree(project / name, ignore_errors=True)


# The corpus and the baseline project ---------------------------------------------------------------------


def corpus_fingerprint(args) -> str:
    digest = hashlib.sha256()
    for path in (BENCH / "make_corpus.py", PROJECT / "data" / "indicators.yaml"):
        digest.update(path.read_bytes())
    digest.update(f"{args.parks} {args.years} {args.seed}".encode())
    return digest.hexdigest()


def ensure_corpus(args) -> tuple[Path, dict]:
    """The corpus folder, made afresh unless one with the same parameters and maker is there."""
    project = OUT / f"corpus-{args.parks}x{args.years}-seed{args.seed}"
    stamp = project / ".bench-stamp.json"
    fingerprint = corpus_fingerprint(args)
    if not args.fresh_corpus and stamp.is_file():
        saved = json.loads(stamp.read_text())
        if saved.get("fingerprint") == fingerprint:
            make_corpus.copy_project(project)  # pick up today's mkdocs.yml and hand-written docs
            print(f"corpus: reusing {project.relative_to(PROJECT)} ({saved['counts']['park_years']} park-years)")
            return project, saved["counts"]
    start = time.perf_counter()
    counts = make_corpus.make_corpus(project, args.parks, args.years, args.seed)
    counts["seconds_to_make"] = round(time.perf_counter() - start, 1)
    stamp.write_text(json.dumps({"fingerprint": fingerprint, "counts": counts}))
    print(f"corpus: made {project.relative_to(PROJECT)} in {counts['seconds_to_make']} s ({counts})")
    return project, counts


def make_baseline(project: Path) -> Path:
    """A plain MkDocs project with the same (generated + hand-written) docs: `theme: material`, a flat nav."""
    baseline = project.with_name(project.name.replace("corpus-", "baseline-"))
    shutil.rmtree(baseline, ignore_errors=True)
    shutil.copytree(project / "docs", baseline / "docs")
    docs = baseline / "docs"
    top = [p.relative_to(docs).as_posix() for p in sorted(docs.glob("*.md"))]
    top += [p.relative_to(docs).as_posix() for p in sorted(docs.glob("*/index.md"))]
    nav = sorted(top, key=lambda p: (p != "index.md", p))
    config = {"site_name": "Baseline", "theme": {"name": "material"}, "nav": nav}
    (baseline / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    return baseline


# Bytes ---------------------------------------------------------------------------------------------------


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def spans_bytes(html: str, spans) -> int:
    """The UTF-8 bytes of the parts of `html` the spans cover."""
    return sum(len(html[a:b].encode("utf-8")) for a, b in spans)


def outermost(spans) -> list[tuple[int, int]]:
    """The spans that no earlier one holds (nested elements counted once)."""
    kept = []
    for span in sorted(spans):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def element_spans(html: str, opening: str, tag: str) -> list[tuple[int, int]]:
    """(start, end) of every element whose start tag begins with `opening`, matching nested `tag`s."""
    spans, at = [], html.find(opening)
    pattern = re.compile(rf"<{tag}[\s>]|</{tag}>")
    while at >= 0:
        depth, end = 0, len(html)
        for match in pattern.finditer(html, at):
            depth += -1 if match.group().startswith("</") else 1
            if depth == 0:
                end = match.end()
                break
        spans.append((at, end))
        at = html.find(opening, end)
    return spans


def page_breakdown(path: Path) -> dict:
    """Where a built page's bytes go: navigation, table of contents, article parts, scripts, icons."""
    data = path.read_bytes()
    html = data.decode("utf-8")

    def size(spans, text=html):
        return spans_bytes(text, spans)

    article = element_spans(html, '<article class="md-content__inner', "article")
    inside = html[article[0][0] : article[0][1]] if article else ""
    parts = {
        "total": len(data),
        "gzip": gzip_size(data),
        "nav_primary": size(element_spans(html, '<nav class="md-nav md-nav--primary"', "nav")),
        "nav_toc": size(element_spans(html, '<nav class="md-nav md-nav--secondary"', "nav")),
        "article": size(article),
        # Spans found in the article are counted in the article's text, where their offsets are.
        "article_data_tables": size(outermost(element_spans(inside, "<details", "details")), inside),
        "article_footnotes": size(element_spans(inside, '<div class="footnote"', "div"), inside),
        "article_charts": size(element_spans(inside, '<div class="yb-chart"', "div"), inside),
        "inline_svg": size(outermost(element_spans(html, "<svg", "svg"))),
        "inline_scripts": size(
            [(m.start(), m.end()) for m in re.finditer(r"<script(?![^>]*\bsrc=)[^>]*>.*?</script>", html, re.S)]
        ),
    }
    parts["other"] = parts["total"] - parts["nav_primary"] - parts["nav_toc"] - parts["article"]
    # What collapsing the templates' indentation and blank lines would leave (as an HTML minifier does).
    collapsed = re.sub(r">\s+<", "><", re.sub(r"\n\s+", "\n", html)).encode("utf-8")
    parts["whitespace_collapsed"] = len(collapsed)
    parts["whitespace_collapsed_gzip"] = gzip_size(collapsed)
    return parts


def park_year_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.glob("parks/*/*/index.html") if p.parent.name.isdigit())


def page_kind(relative: str) -> str:
    """The kind of a page from its path under docs/ or site/: park-year, park, source, indicator(-year), home,
    listing (parks/, indicators/, sources/ and a park's sources) or other."""
    parts = relative.removesuffix("/index.html").removesuffix(".html").removesuffix(".md").split("/")
    if parts[-1] == "index":
        parts = parts[:-1] or [""]  # docs/x/index.md is the page site/x/index.html
    if parts == [""]:
        return "home"
    if len(parts) == 1 and parts[0] in ("parks", "indicators", "sources"):
        return "listing"
    if parts[0] == "parks" and len(parts) == 3 and parts[2].isdigit():
        return "park-year"
    if parts[0] in ("parks", "sources", "indicators") and len(parts) == 2:
        return parts[0][:-1]
    if parts[0] == "indicators" and len(parts) == 3 and parts[2].isdigit():
        return "indicator-year"  # an indicator's ranking of one year
    if parts[0] == "parks" and len(parts) == 3 and parts[2] == "sources":
        return "listing"  # a park's sources
    return "other"


def bytes_by_kind(site: Path) -> dict:
    kinds: dict[str, list[int]] = {}
    for path in site.rglob("*.html"):
        kinds.setdefault(page_kind(path.relative_to(site).as_posix()), []).append(path.stat().st_size)
    return {
        kind: {
            "pages": len(sizes),
            "bytes": sum(sizes),
            "median_bytes": int(statistics.median(sizes)),
            "max_bytes": max(sizes),
        }
        for kind, sizes in sorted(kinds.items())
    }


def site_stats(project: Path, sample: tuple[str, int]) -> dict:
    site = project / "site"
    html = sorted(site.rglob("*.html"))
    sizes = [p.stat().st_size for p in park_year_pages(site)]
    sample_page = site / f"parks/{sample[0]}/{sample[1]}/index.html"
    return {
        "html_pages": len(html),
        "markdown_pages": sum(1 for _ in (project / "docs").rglob("*.md")),
        "site_bytes": sum(p.stat().st_size for p in site.rglob("*") if p.is_file()),
        "site_files": sum(1 for p in site.rglob("*") if p.is_file()),
        "html_bytes": sum(p.stat().st_size for p in html),
        "html_by_kind": bytes_by_kind(site),
        "park_year_page": f"site/parks/{sample[0]}/{sample[1]}/index.html",
        "park_year_page_breakdown": page_breakdown(sample_page) if sample_page.is_file() else None,
        "park_year_pages_median_bytes": int(statistics.median(sizes)) if sizes else None,
        "park_year_pages_max_bytes": max(sizes) if sizes else None,
    }


# First search, in a real browser -------------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(site: Path):
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def _file_for(site: Path, url: str) -> Path | None:
    path = unquote(urlparse(url).path).lstrip("/")
    candidate = site / path
    if candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def _fetched(site: Path, urls: list[str]) -> dict:
    """Bytes of the files behind `urls` (each once), as stored and gzip-compressed."""
    files = {}
    for url in dict.fromkeys(urls):
        path = _file_for(site, url)
        if path is not None:
            data = path.read_bytes()
            files[path.relative_to(site).as_posix()] = (len(data), gzip_size(data))
    return {
        "bytes": sum(size for size, _ in files.values()),
        "gzip_bytes": sum(size for _, size in files.values()),
        "files": {name: size for name, (size, _) in sorted(files.items(), key=lambda item: -item[1][0])},
    }


def measure_search(site: Path, entry: str, queries: list[str], flavour: str) -> dict:
    """Open `entry` in headless Chromium, type each query (a fresh browser profile each), record what loads.

    flavour: "yearbook" (the site's Pagefind search box) or "material" (Material's built-in search).
    Search bytes are the requests under pagefind/, search/ and the search worker, and the search box script.
    """
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"error": "playwright is not installed"}
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        return {"error": "no chromium found"}
    if flavour == "material":
        # Material loads its whole index on page load, whatever the query: one query says it all, and a
        # fresh browser per query would load (and index) a very large file each time.
        queries = queries[:1]
    server, base = _serve(site)
    results = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, args=["--headless", "--no-sandbox", "--disable-gpu"]
            )
            for query in queries:
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                requests: list[str] = []
                finished: list[str] = []
                context.on("request", lambda r, requests=requests: requests.append(r.url))
                context.on("requestfinished", lambda r, finished=finished: finished.append(r.url))
                page.goto(base + entry, wait_until="networkidle", timeout=120_000)
                on_load = list(requests)
                started = time.perf_counter()
                outcome = "results"
                try:
                    if flavour == "yearbook":
                        page.locator(".yb-search input").fill(query)
                        page.wait_for_function(
                            "() => { const s = document.querySelector('.yb-search-status');"
                            " return s && s.textContent && !s.textContent.startsWith('正在搜索'); }",
                            timeout=120_000,
                        )
                    else:
                        # Material reads the query on keyup: fill, then a key press.
                        search_input = page.locator("input.md-search__input")
                        search_input.focus()
                        search_input.fill(query)
                        search_input.press("End")
                        page.wait_for_function(
                            "() => { const m = document.querySelector('.md-search-result__meta');"
                            " return m && /\\d|No matching|没有/.test(m.textContent); }",
                            timeout=60_000,
                        )
                except Exception as error:  # the index may be too large to load: still count what came
                    outcome = f"no results shown: {type(error).__name__}"
                # Let trailing fetches (result fragments) finish: one quiet second.
                count = -1
                while count != len(finished) and time.perf_counter() - started < 180:
                    count = len(finished)
                    page.wait_for_timeout(1000)
                seconds = time.perf_counter() - started
                status = page.evaluate(
                    "() => (document.querySelector('.yb-search-status, .md-search-result__meta') || {}).textContent"
                )
                search_urls = [u for u in requests if any(p in urlparse(u).path for p in SEARCH_PATHS)]
                results[query] = {
                    "outcome": outcome,
                    "status": (status or "").strip(),
                    "seconds_to_results": round(seconds, 2),
                    "search": _fetched(site, search_urls),
                    "page_load": _fetched(site, on_load),
                    "requests_after_typing": len(requests) - len(on_load),
                }
                context.close()
            browser.close()
    finally:
        server.shutdown()
    worst = max(results.values(), key=lambda r: r["search"]["gzip_bytes"])
    return {"queries": results, "bytes": worst["search"]["bytes"], "gzip_bytes": worst["search"]["gzip_bytes"]}


def static_search_bytes(site: Path) -> dict:
    """What a first search must fetch at least, from the files alone (for when no browser is available)."""
    if (site / "pagefind").is_dir():
        fixed = [site / "pagefind/pagefind.js", site / "pagefind/pagefind-entry.json"]
        fixed += sorted((site / "pagefind").glob("wasm.*.pagefind")) + sorted((site / "pagefind").glob("*.pf_meta"))
        chunks = sorted(p.stat().st_size for p in (site / "pagefind/index").glob("*"))
        fragments = sorted(p.stat().st_size for p in (site / "pagefind/fragment").glob("*"))
        total = sum(p.stat().st_size for p in fixed if p.is_file())
        total += (chunks[len(chunks) // 2] if chunks else 0) + 10 * (fragments[len(fragments) // 2] if fragments else 0)
        return {"kind": "pagefind: js + entry + wasm + meta + a median index chunk + 10 median fragments",
                "bytes": total, "index_chunks": len(chunks), "fragments": len(fragments)}  # fmt: skip
    files = [site / "search/search_index.json", *sorted(site.glob("assets/javascripts/workers/search.*.js"))]
    return {"kind": "material: search_index.json + search worker", "bytes": sum(p.stat().st_size for p in files)}


# Incremental rebuilds ------------------------------------------------------------------------------------


def _edit_value(project: Path, park: str, year: int) -> tuple[dict[Path, bytes], str]:
    """Change one plain indicator value in a year file and, in step, the number in its report and quote."""
    year_path = project / f"data/years/{park}/{year}.yaml"
    data = yaml.safe_load(year_path.read_text(encoding="utf-8"))
    for item in data["indicators"]:
        shown = f"{make_corpus._text(item['value'])}{item['unit']}"
        # A plain figure its quote states, and not one the summary repeats (the summary would no longer be proven).
        if (
            item.get("qualifier") is None
            and shown in item["quote"]
            and make_corpus._text(item["value"]) not in (data.get("summary") or "")
        ):
            break
    else:
        raise StageError(f"{year_path}: no plain indicator to edit")
    source_path = project / f"data/sources/{item['source']}.txt"
    saved = {year_path: year_path.read_bytes(), source_path: source_path.read_bytes()}
    new_value = make_corpus._number(item["value"] + 1)
    new_quote = item["quote"].replace(shown, f"{make_corpus._text(new_value)}{item['unit']}", 1)
    text = source_path.read_text(encoding="utf-8")
    source_path.write_text(text.replace(item["quote"], new_quote, 1), encoding="utf-8")
    item["value"], item["quote"] = new_value, new_quote
    year_path.write_text(make_corpus._dump(data), encoding="utf-8")
    return saved, f"{item['id']}: {shown} → {new_quote}"


def second_build(project: Path, python: str, sample: tuple[str, int]) -> dict:
    """A second `yearbook build` and `generate` (new processes) with no change, a `generate` after a summary edit
    and after a value edit (restored after); then the same edits under `yearbook serve`: its rebuilds split by
    serve_reload.py, and what the editor waits for in a browser, watcher included, by serve_live.py."""
    results = {}
    generate = [python, "-m", "generator", "--data", "data", "generate"]
    # The whole build again with nothing changed: what a pull request that touches no data waits for, and the search
    # index when no report changed.
    build = run_stage("yearbook build (no change)", [python, "-m", "generator", "--data", "data", "build"], project)
    results["build_no_change"] = {"seconds": build["seconds"], "peak_rss_bytes": build["peak_rss_bytes"],
                                  "split": build_split(build["stdout"])}  # fmt: skip

    def measure(label: str) -> dict:
        gen = run_stage(f"generate ({label})", generate, project)
        return {"generate_s": gen["seconds"], "generated": generated_counts(gen["stdout"])}

    results["no_change"] = measure("no change")
    park, year = sample
    year_path = project / f"data/years/{park}/{year}.yaml"
    original = year_path.read_bytes()
    try:
        text = original.decode("utf-8")
        year_path.write_text(re.sub(r"^summary: (.*)$", r"summary: \1(修订)", text, count=1, flags=re.M))
        results["edit_summary"] = {"edit": f"data/years/{park}/{year}.yaml: summary", **measure("summary edit")}
    finally:
        year_path.write_bytes(original)
    saved, description = _edit_value(project, park, year)
    try:
        results["edit_value"] = {
            "edit": f"data/years/{park}/{year}.yaml + its report: {description}",
            **measure("value edit"),
        }
    finally:
        for path, data in saved.items():
            path.write_bytes(data)
    run_stage("generate (restore)", generate, project)
    reload = run_stage("serve rebuilds", [python, str(BENCH / "serve_reload.py"), park, str(year)], project)
    results["serve"] = json.loads(reload["stdout"].splitlines()[-1])
    live = run_stage("yearbook serve, live", [python, str(BENCH / "serve_live.py"), park, str(year)], project)
    results["serve_live"] = json.loads(live["stdout"].splitlines()[-1])
    return results


# Profiles ------------------------------------------------------------------------------------------------


def _group(filename: str, function: str) -> str:
    """A profile entry's owner: generator module, installed package, stdlib module or builtin."""
    if filename == "~":
        name = re.sub(r"^<(built-in method|method) ", "", function).split(" ")[0].rstrip(">")
        return f"builtin {name.split('.')[0] if '.' in name else name}"
    path = Path(filename)
    parts = path.parts
    if "site-packages" in parts:
        return parts[parts.index("site-packages") + 1].removesuffix(".py")
    if "generator" in parts:
        return f"generator/{path.name}"
    if filename.startswith("<frozen"):
        return "python import machinery"
    if "lib" in parts and any(p.startswith("python3") for p in parts):
        package = path.parent.name
        return f"stdlib {path.stem if package == 'lib' or package.startswith('python3') else package}"
    return filename


def summarize_profile(prof: Path, top: int = 25) -> dict:
    stats = pstats.Stats(str(prof))
    total = stats.total_tt
    groups: dict[str, float] = {}
    rows = []
    for (filename, line, function), (_, calls, tottime, cumtime, _) in stats.stats.items():
        group = _group(filename, function)
        groups[group] = groups.get(group, 0.0) + tottime
        short = filename if filename == "~" else "/".join(Path(filename).parts[-2:])
        rows.append((f"{short}:{line}({function})", calls, tottime, cumtime))
    by_group = sorted(groups.items(), key=lambda item: -item[1])[:top]
    return {
        "total_s": round(total, 2),
        "by_package_tottime": [{"owner": g, "seconds": round(s, 2), "share": round(s / total, 3)} for g, s in by_group],
        "top_tottime": [
            {"function": f, "calls": c, "tottime": round(t, 2), "cumtime": round(u, 2)}
            for f, c, t, u in sorted(rows, key=lambda r: -r[2])[:top]
        ],
        "top_cumtime": [
            {"function": f, "calls": c, "tottime": round(t, 2), "cumtime": round(u, 2)}
            for f, c, t, u in sorted(rows, key=lambda r: -r[3])[:top]
        ],
    }


def markdown_by_kind(project: Path) -> dict:
    """Python-Markdown time per page kind: each generated page converted with the site's extensions.

    MkDocs' own tree processors (link rewriting) are not included: this says which pages cost the most.
    """
    import markdown
    from mkdocs.config import load_config
    from mkdocs.utils.meta import get_data

    config = load_config(str(project / "mkdocs.yml"))
    converter = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    kinds: dict[str, dict] = {}
    docs = project / "docs"
    for path in sorted(docs.rglob("*.md")):
        text, _ = get_data(path.read_text(encoding="utf-8"))
        converter.reset()
        start = time.perf_counter()
        html = converter.convert(text)
        elapsed = time.perf_counter() - start
        empty = {"pages": 0, "seconds": 0.0, "markdown_bytes": 0, "html_bytes": 0}
        kind = kinds.setdefault(page_kind(path.relative_to(docs).as_posix()), empty)
        kind["pages"] += 1
        kind["seconds"] += elapsed
        kind["markdown_bytes"] += len(text.encode("utf-8"))
        kind["html_bytes"] += len(html.encode("utf-8"))
    for kind in kinds.values():
        kind["seconds"] = round(kind["seconds"], 2)
        kind["ms_per_page"] = round(1000 * kind["seconds"] / kind["pages"], 1)
    return dict(sorted(kinds.items(), key=lambda item: -item[1]["seconds"]))


def profile(project: Path, python: str, out: Path) -> dict:
    """cProfile of a cold `generate` and of `mkdocs build` (separate one-process runs, not part of the timings)."""
    clean(project, volumes=False)
    results = {}
    for name, command in (
        ("generate", ["-m", "generator", "--data", "data", "generate"]),
        ("mkdocs_build", ["-m", "mkdocs", "build", "-f", "mkdocs.yml"]),
    ):
        prof = out / f"profile-{name}.prof"
        # One process (YEARBOOK_JOBS=1): the profiler does not follow work into forked workers.
        profiled = [python, "-m", "cProfile", "-o", str(prof), *command]
        stage = run_stage(f"profile {name}", profiled, project, {"YEARBOOK_JOBS": "1"})
        summary = summarize_profile(prof)
        summary["wall_s"] = stage["seconds"]
        results[name] = summary
        lines = [f"{name}: {stage['seconds']} s wall under cProfile, {summary['total_s']} s profiled", ""]
        lines.append("by owner (own time):")
        lines += [f"  {g['seconds']:8.2f} s {g['share']:6.1%}  {g['owner']}" for g in summary["by_package_tottime"]]
        for key in ("top_tottime", "top_cumtime"):
            lines += ["", f"{key}:"]
            lines += [
                f"  {r['tottime']:8.2f} {r['cumtime']:8.2f} {r['calls']:>9}  {r['function']}" for r in summary[key]
            ]
        (out / f"profile-{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    results["markdown_by_kind"] = markdown_by_kind(project)
    return results


# Main ----------------------------------------------------------------------------------------------------


def git_state() -> dict:
    """The commit measured, and whether the code under test had uncommitted changes (others edit in parallel)."""

    def git(*arguments: str) -> str:
        result = subprocess.run(["git", *arguments], cwd=PROJECT, capture_output=True, text=True, check=False)
        return result.stdout.strip()

    changed = git("status", "--porcelain", "--", "generator", "site_templates", "mkdocs.yml", "docs")
    return {"head": git("rev-parse", "--short", "HEAD"), "uncommitted_changes": len(changed.splitlines())}


def _median(runs: list[dict], key: str):
    values = [run[key] for run in runs if run.get(key) is not None]
    return round(statistics.median(values), 3) if values else None


def _human(value, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "B":  # decimal units, as the goals are stated (50 KB = 50,000 bytes)
        for limit, suffix in ((10**9, "GB"), (10**6, "MB"), (1000, "kB")):
            if value >= limit:
                return f"{value / limit:.1f} {suffix}"
        return f"{value} B"
    return str(value)


def save_partial(results: dict, args) -> None:
    """What is measured so far, in case a long run is interrupted (the final results replace it)."""
    path = OUT / f"results-{args.parks}x{args.years}.partial.json"
    path.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--parks", type=int, default=178, help="parks in the corpus (default 178)")
    parser.add_argument("--years", type=int, default=20, help="years per park (default 20)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs; medians are reported (default 3)")
    parser.add_argument("--second-build", action="store_true", help="also time incremental rebuilds")
    parser.add_argument("--profile", action="store_true", help="also cProfile generate and the MkDocs build")
    parser.add_argument(
        "--single-process", action="store_true", help="also time plain `mkdocs build` (one process; slow)"
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip the bare Material baseline")
    parser.add_argument("--no-browser", action="store_true", help="estimate search bytes from files only")
    parser.add_argument("--fresh-corpus", action="store_true", help="remake the corpus even if it is current")
    parser.add_argument(
        "--cold-volumes", action="store_true", help="cold runs typeset the printed volumes too (.cache/volumes)"
    )
    parser.add_argument("--table", type=Path, metavar="JSON", help="print the table of a saved run and stop")
    args = parser.parse_args(argv)
    if args.table:
        print(table(json.loads(args.table.read_text(encoding="utf-8"))))
        return 0
    python = sys.executable
    OUT.mkdir(exist_ok=True)
    started = time.perf_counter()
    git_at_start = git_state()
    project, counts = ensure_corpus(args)
    parks = sorted(p.stem for p in (project / "data/parks").glob("*.yaml"))
    sample = (parks[0], max(int(p.stem) for p in (project / f"data/years/{parks[0]}").glob("*.yaml")))
    check_cmd = [python, "-m", "generator", "--data", "data", "check"]
    generate_cmd = [python, "-m", "generator", "--data", "data", "generate"]
    mkdocs_cmd = [python, "-m", "mkdocs", "build", "-f", "mkdocs.yml"]
    build_cmd = [python, "-m", "generator", "--data", "data", "build"]

    runs, baseline_runs = [], []
    baseline = None
    for number in range(1, args.runs + 1):
        clean(project, args.cold_volumes)
        run = {}
        for key, name, command in (("check", "check", check_cmd), ("generate", "generate", generate_cmd)):
            stage = run_stage(name, command, project)
            run[f"{key}_s"], run[f"{key}_rss"] = stage["seconds"], stage["peak_rss_bytes"]
            if key == "generate":
                run["generated"] = generated_counts(stage["stdout"])
        if args.single_process:
            # MkDocs alone, as `mkdocs build` runs it: one process, the plugin checking and rendering again.
            stage = run_stage("mkdocs build (one process)", mkdocs_cmd, project)
            run["single_process_mkdocs_build_s"], run["single_process_mkdocs_build_rss"] = (
                stage["seconds"],
                stage["peak_rss_bytes"],
            )
        if not args.no_baseline:
            baseline = make_baseline(project)
            stage = run_stage("baseline mkdocs build", [python, "-m", "mkdocs", "build", "-f", "mkdocs.yml"], baseline)
            baseline_runs.append({"mkdocs_build_s": stage["seconds"], "mkdocs_build_rss": stage["peak_rss_bytes"]})
        clean(project, args.cold_volumes)
        stage = run_stage("yearbook build", build_cmd, project)
        run["yearbook_build_s"], run["yearbook_build_rss"] = stage["seconds"], stage["peak_rss_bytes"]
        split = build_split(stage["stdout"])
        run["mkdocs_build_s"] = split.get("mkdocs")
        run["search_index_s"] = split.get("search index")
        run["volumes_s"] = split.get("volumes")
        runs.append(run)
        partial = {"runs": runs, "baseline_runs": baseline_runs}
        (OUT / f"results-{args.parks}x{args.years}.partial.json").write_text(json.dumps(partial, indent=1) + "\n")
        print(
            f"run {number}/{args.runs}: check {run['check_s']:.2f} s, generate {run['generate_s']:.2f} s, "
            f"yearbook build {run['yearbook_build_s']:.2f} s (mkdocs {run['mkdocs_build_s']:.2f} s, "
            f"search index {run['search_index_s']:.2f} s)"
            + (f"; baseline build {baseline_runs[-1]['mkdocs_build_s']:.2f} s" if baseline_runs else ""),
            flush=True,
        )

    median = {
        key: _median(runs, key)
        for key in ("check_s", "generate_s", "mkdocs_build_s", "search_index_s", "volumes_s", "yearbook_build_s")
    }
    if args.single_process:
        median["single_process_mkdocs_build_s"] = _median(runs, "single_process_mkdocs_build_s")
    peak, peak_stage = max((run[k], k.removesuffix("_rss")) for run in runs for k in run if k.endswith("_rss"))
    stats = site_stats(project, sample)
    results = {
        "command": " ".join(["python", "bench/run.py", *(argv if argv is not None else sys.argv[1:])]),
        "parameters": {"parks": args.parks, "years": args.years, "seed": args.seed, "runs": args.runs},
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_average_at_start": os.getloadavg(),
            "load_average_at_end": None,
        },
        "git_at_start": git_at_start,
        "corpus": {"path": str(project.relative_to(PROJECT)), **counts},
        "runs": runs,
        "median": {**median, "total_s": median["yearbook_build_s"]},
        "peak_rss_bytes": peak,
        "peak_rss_stage": peak_stage,
        "peak_rss_children_bytes": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024,
        "site": stats,
    }
    sample_url = f"/parks/{sample[0]}/{sample[1]}/"
    park_doc = yaml.safe_load((project / f"data/parks/{sample[0]}.yaml").read_text(encoding="utf-8"))
    queries = [park_doc["short_name"], "规模以上工业总产值", "集成电路"]
    print("search: measuring a first search in headless Chromium …" if not args.no_browser else "", flush=True)
    search = (
        {"error": "skipped (--no-browser)"}
        if args.no_browser
        else measure_search(project / "site", sample_url, queries, "yearbook")
    )
    search["static_estimate"] = static_search_bytes(project / "site")
    results["first_search"] = search
    save_partial(results, args)

    if baseline is not None:
        base_stats = site_stats(baseline, sample)
        base_search = (
            {"error": "skipped (--no-browser)"}
            if args.no_browser
            else measure_search(baseline / "site", sample_url, queries, "material")
        )
        base_search["static_estimate"] = static_search_bytes(baseline / "site")
        results["baseline"] = {
            "path": str(baseline.relative_to(PROJECT)),
            "runs": baseline_runs,
            "mkdocs_build_s": _median(baseline_runs, "mkdocs_build_s"),
            "peak_rss_bytes": max(r["mkdocs_build_rss"] for r in baseline_runs),
            "site": base_stats,
            "first_search": base_search,
        }

    if args.second_build:
        print("second build: no change, a summary edit, a value edit …", flush=True)
        save_partial(results, args)
        results["second_build"] = second_build(project, python, sample)
        save_partial(results, args)
    if args.profile:
        print("profile: cProfile of generate and mkdocs build …", flush=True)
        results["profile"] = profile(project, python, OUT)
        results["profile_files"] = [str(p.relative_to(PROJECT)) for p in sorted(OUT.glob("profile-*"))]
    results["seconds_for_benchmark"] = round(time.perf_counter() - started, 1)
    results["machine"]["load_average_at_end"] = os.getloadavg()
    results["git_at_end"] = git_state()

    report = table(results)
    print(report)
    write_results("results", results, report, f"{args.parks}x{args.years}")
    return 0


def write_results(name: str, results: dict, report: str, size: str) -> None:
    """A run's results into bench/out/: the newest as NAME.json, and NAME-SIZE.json and .txt kept per corpus size."""
    text = json.dumps(results, ensure_ascii=False, indent=1)
    (OUT / f"{name}.json").write_text(text + "\n", encoding="utf-8")
    (OUT / f"{name}-{size}.json").write_text(text + "\n", encoding="utf-8")
    (OUT / f"{name}-{size}.txt").write_text(report + "\n", encoding="utf-8")
    print(f"\nwritten: bench/out/{name}.json, bench/out/{name}-{size}.json")


def _search_value(search: dict, key: str):
    """A first-search size: measured in the browser, or estimated from the files when it was not."""
    return search.get(key) if "queries" in search else search.get("static_estimate", {}).get(key)


def _largest(site: dict, *kinds: str) -> int | None:
    """The largest built page of the given kinds."""
    sizes = [site["html_by_kind"][kind]["max_bytes"] for kind in kinds if kind in site.get("html_by_kind", {})]
    return max(sizes) if sizes else None


def _verdict(value, limit) -> str:
    if value is None:
        return "not measured"
    return "ok" if value <= limit else "MISS"


def issue_table(results: dict) -> list[str]:
    """Issue 24's table: each stage now, the bare Material build of the same pages in this run where there is one
    (and the ratio), and the goal with whether it is met."""
    median, site, base = results["median"], results["site"], results.get("baseline") or {}
    second = results.get("second_build", {})
    no_change_build = second.get("build_no_change", {})
    live = second.get("serve_live", {})
    edits = [live[k] for k in ("edit_summary_s", "summary_restored_s", "edit_value_s", "value_restored_s") if k in live]
    written = {
        label: (second.get(label, {}).get("generated") or {}).get("written") for label in ("no_change", "edit_value")
    }
    split = no_change_build.get("split", {})
    seconds = f"{median.get('volumes_s') or 0:.1f} s of it typesetting volumes" if median.get("volumes_s") else ""
    peak_stage = results.get("peak_rss_stage", "largest stage").replace("_", " ")
    # (stage, value, shown instead of the value or None, unit, bare Material value, goal limit, goal text, note)
    rows = [
        ("check (cold)", median["check_s"], None, "s", None, 5.0, "≤ 5 s", ""),
        ("check + generate (cold)", median["generate_s"], None, "s", None, 10.0, "≤ 10 s", ""),
        ("MkDocs (one share per CPU)", median["mkdocs_build_s"], None, "s", base.get("mkdocs_build_s"), None,
         "anchor: bare Material, one process", ""),
        ("search index (Pagefind, two indexes), cold", median["search_index_s"], None, "s", None, None, "", ""),
        ("search index, no report changed", split.get("search index"), None, "s", None, 10.0, "≤ 10 s",
         "in `yearbook build` run again"),
        ("`yearbook build`, cold, end to end", median["yearbook_build_s"], None, "s", base.get("mkdocs_build_s"),
         30.0, "≤ 30 s (Hugo 10–14 s)", seconds),
        ("`yearbook build`, nothing changed", no_change_build.get("seconds"), None, "s", None, None, "", ""),
        ("`yearbook generate`, nothing changed", second.get("no_change", {}).get("generate_s"), None, "s", None, 2.0,
         "≤ 2 s", f"{written['no_change']} files written" if written["no_change"] is not None else ""),
        ("`yearbook generate`, one value edited", second.get("edit_value", {}).get("generate_s"), None, "s", None,
         3.0, "≤ 3 s", f"{written['edit_value']} files written" if written["edit_value"] is not None else ""),
        ("`yearbook serve`: first page after start", live.get("first_page_s"), None, "s", None, 5.0, "≤ 5 s", ""),
        ("`yearbook serve`: an edit shown", max(edits) if edits else None,
         f"{min(edits):.1f}–{max(edits):.1f} s" if edits else None, "s", None, 1.0, "≤ 1 s",
         f"{len(edits)} edits and restores, the slowest judged"),
        (f"peak memory ({peak_stage})", results["peak_rss_bytes"], None, "B",
         base.get("peak_rss_bytes"), 2 * 10**9, "≤ 2 GB", ""),
        ("built site", site["site_bytes"], None, "B", (base.get("site") or {}).get("site_bytes"), 500 * 10**6,
         "≤ 500 MB", ""),
    ]  # fmt: skip
    lines = [
        f"{'stage':<46} {'now':>12} {'bare Material':>13} {'ratio':>6}  {'goal':<28} verdict",
        "-" * 120,
    ]
    for label, value, shown, unit, base_value, limit, goal, note in rows:
        ratio = f"{value / base_value:.2f}×" if value and base_value else ""
        verdict = _verdict(value, limit) if limit is not None else ""
        now = shown or _human(value, unit)
        lines.append(
            f"{label:<46} {now:>12} {_human(base_value, unit) if base_value else '':>13} {ratio:>6}  {goal:<28} "
            f"{verdict}{'  (' + note + ')' if note else ''}".rstrip()
        )
    return lines


def table(results: dict) -> str:
    """Issue 24's table, then the detail: every number against the baseline and the page-size goals."""
    median, site, base = results["median"], results["site"], results.get("baseline")
    page = site["park_year_page_breakdown"] or {}
    base_page = (base or {}).get("site", {}).get("park_year_page_breakdown") or {}
    search, base_search = results["first_search"], (base or {}).get("first_search", {})
    rows = [
        ("check", median["check_s"], None, "s", None),
        ("check + generate (`generate` does both, cold)", median["generate_s"], None, "s", None),
        ("… in yearbook build: MkDocs (one share per CPU)", median["mkdocs_build_s"],
         (base or {}).get("mkdocs_build_s"), "s", None),
        ("… in yearbook build: search index (Pagefind)", median["search_index_s"], None, "s", None),
        ("plain `mkdocs build` (one process, re-generates)", median.get("single_process_mkdocs_build_s"),
         (base or {}).get("mkdocs_build_s"), "s", None),
        ("yearbook build (end to end, cold) = total", median["yearbook_build_s"],
         (base or {}).get("mkdocs_build_s"), "s", None),
        ("HTML pages", site["html_pages"], (base or {}).get("site", {}).get("html_pages"), "", None),
        ("site size", site["site_bytes"], (base or {}).get("site", {}).get("site_bytes"), "B", None),
        ("park-year page HTML", page.get("total"), base_page.get("total"), "B", "park_year_page_bytes"),
        ("  … gzip", page.get("gzip"), base_page.get("gzip"), "B", None),
        ("  … of which primary nav", page.get("nav_primary"), base_page.get("nav_primary"), "B", None),
        ("  … of which article", page.get("article"), base_page.get("article"), "B", None),
        ("  … with whitespace collapsed", page.get("whitespace_collapsed"), base_page.get("whitespace_collapsed"),
         "B", None),
        ("park-year pages: median", site["park_year_pages_median_bytes"], None, "B", None),
        ("park-year pages: largest", site["park_year_pages_max_bytes"], None, "B", "park_year_pages_max_bytes"),
        ("indicator pages (and their year pages): largest", _largest(site, "indicator", "indicator-year"), None, "B",
         "indicator_pages_max_bytes"),
        ("park pages: largest", _largest(site, "park"), None, "B", "park_pages_max_bytes"),
        ("home page", _largest(site, "home"), None, "B", "home_page_bytes"),
        ("listings (parks, indicators, sources): largest", _largest(site, "listing"), None, "B",
         "listing_pages_max_bytes"),
        ("first Chinese search, transferred (worst query)", _search_value(search, "gzip_bytes"),
         _search_value(base_search, "gzip_bytes"), "B", "first_search_bytes"),
        ("  … the same files as stored (uncompressed)", _search_value(search, "bytes"),
         _search_value(base_search, "bytes"), "B", None),
        ("peak memory (max RSS of a stage)", results["peak_rss_bytes"], (base or {}).get("peak_rss_bytes"), "B",
         None),
    ]  # fmt: skip
    p = results["parameters"]
    lines = [
        f"{p['parks']} parks × {p['years']} years, median of {p['runs']} run(s); "
        f"bare Material = baseline = bare `theme: material` build of the same pages in this run",
        "",
        *issue_table(results),
        "",
        "detail:",
        f"{'metric':<50} {'yearbook':>12} {'baseline':>12} {'ratio':>7}  goal",
        "-" * 100,
    ]
    for label, value, base_value, unit, goal in rows:
        ratio = f"{value / base_value:.2f}×" if value and base_value else ""
        verdict = ""
        if goal and value is not None:
            limit, goal_unit = GOALS[goal]
            verdict = f"{'ok' if value <= limit else 'MISS'} (≤ {_human(limit, goal_unit)})"
        lines.append(f"{label:<50} {_human(value, unit):>12} {_human(base_value, unit):>12} {ratio:>7}  {verdict}")
    lines += ["", "built HTML by page kind:"]
    for kind, data in site.get("html_by_kind", {}).items():
        lines.append(
            f"  {kind:<14} {data['pages']:>6} pages {_human(data['bytes'], 'B'):>10}, "
            f"median {_human(data['median_bytes'], 'B')}, largest {_human(data.get('max_bytes'), 'B')}"
        )
    if "second_build" in results:
        lines += ["", "second generate (a new process):"]
        for label, data in results["second_build"].items():
            if label in ("serve", "serve_live", "build_no_change"):
                continue
            g = data["generated"] or {}
            lines.append(
                f"  {label:<14} generate {data['generate_s']:.2f} s ({g.get('written')} written, "
                f"{g.get('removed')} removed, {g.get('unchanged')} unchanged)"
            )
        live = results["second_build"].get("serve_live", {})
        lines += ["", "yearbook serve, from saving a file to the page showing it (goal ≤ 3 s), and its first page:"]
        lines += [f"  {label:<18} {value:.2f} s" for label, value in live.items() if label.endswith("_s")]
        lines += ["", "yearbook serve, a rebuild after an edit, split (the file watcher adds its delay):"]
        for label, data in results["second_build"]["serve"].items():
            lines.append(
                f"  {label:<18} {data['total_s']:.2f} s (generate {data['generate_s']:.2f} s, MkDocs "
                f"{data['mkdocs_s']:.2f} s, {data['files_written']} files written)"
            )
    if "profile" in results:
        lines += ["", "Python-Markdown time by page kind (site extensions, outside MkDocs):"]
        for kind, data in results["profile"]["markdown_by_kind"].items():
            lines.append(
                f"  {kind:<10} {data['pages']:>6} pages {data['seconds']:8.2f} s {data['ms_per_page']:7.1f} ms/page "
                f"{data['markdown_bytes'] / 1e6:8.1f} MB Markdown"
            )
        for name, data in results["profile"].items():
            if name == "markdown_by_kind":
                continue
            owners = ", ".join(f"{g['owner']} {g['share']:.0%}" for g in data["by_package_tottime"][:8])
            lines += ["", f"profile {name} ({data['wall_s']} s under cProfile): {owners}"]
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
