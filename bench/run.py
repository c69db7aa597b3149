"""Benchmark check, generate and build on a synthetic yearbook, against a bare Material build of the same pages.

    python bench/run.py --parks 178 --years 20 --runs 3 [--baseline] [--search]

Reports medians over the runs and writes bench/out/results.json. Timing limits are not asserted anywhere:
the numbers are for reading, next to the baseline measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"
sys.path.insert(0, str(BENCH.parent))

from bench.make_corpus import make_corpus  # noqa: E402

# Runs a command and prints its peak memory (the child's maxrss, in KiB) as the last line.
_MEASURE = (
    "import resource,subprocess,sys;r=subprocess.run(sys.argv[1:]);"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss);sys.exit(r.returncode)"
)


def timed(command: list[str], cwd: Path) -> tuple[float, int, str]:
    """Wall time in seconds, peak memory in MiB and output of one command."""
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", _MEASURE, *command], cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    lines = result.stdout.strip().splitlines()
    return elapsed, int(lines[-1]) // 1024, "\n".join(lines[:-1])


def bare_material(project: Path, target: Path) -> Path:
    """The same generated Markdown pages in a default Material project (no hook, no nav, no search settings)."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(project / "docs", target / "docs", ignore=shutil.ignore_patterns("*.json", "*.csv", "*.js"))
    (target / "mkdocs.yml").write_text("site_name: bare\ntheme:\n  name: material\n", encoding="utf-8")
    return target


def first_search_bytes(site: Path, query: str) -> dict:
    """Bytes a reader's browser fetches for a first search on the home page (real Chromium, Pagefind)."""
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    fetched: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()
        page.goto(base + "/")
        page.wait_for_load_state("networkidle")
        page.on("request", lambda request: fetched.append(request.url))
        page.fill(".yb-search input", query)
        page.wait_for_selector(".yb-search-results a", timeout=30_000)
        page.wait_for_load_state("networkidle")
        results = page.locator(".yb-search-results a").count()
        browser.close()
    httpd.shutdown()
    total = 0
    for url in set(fetched):
        path = site / url.removeprefix(base + "/").split("?")[0]
        total += path.stat().st_size if path.is_file() else 0
    search_js = (site / "assets/yearbook-search.js").stat().st_size
    return {"query": query, "requests": len(set(fetched)), "bytes": total + search_js, "results": results}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parks", type=int, default=178)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--baseline", action="store_true", help="also build the same pages with bare Material (slow)")
    parser.add_argument("--search", action="store_true", help="measure a first Chinese search in Chromium")
    args = parser.parse_args()

    project = OUT / f"corpus-{args.parks}x{args.years}"
    make_corpus(project, args.parks, args.years, seed=1)
    data = str(project / "data")
    yearbook = [sys.executable, "-m", "generator", "--data", data]
    runs: dict[str, list[float]] = {"check": [], "generate": [], "build": [], "second_generate": []}
    memory = 0
    for run in range(args.runs):
        shutil.rmtree(project / "site", ignore_errors=True)
        for folder in ("parks", "indicators", "sources", "data", "assets/charts", "assets/vendor"):
            shutil.rmtree(project / "docs" / folder, ignore_errors=True)
        seconds, peak, _ = timed([*yearbook, "check"], project)
        runs["check"].append(seconds)
        memory = max(memory, peak)
        seconds, peak, _ = timed([*yearbook, "generate"], project)
        runs["generate"].append(seconds)
        memory = max(memory, peak)
        seconds, peak, output = timed([*yearbook, "generate"], project)
        runs["second_generate"].append(seconds)
        unchanged_output = output
        seconds, peak, _ = timed([*yearbook, "build"], project)  # generate (no writes) + mkdocs + pagefind
        runs["build"].append(seconds)
        memory = max(memory, peak)
        print(f"run {run + 1}: " + ", ".join(f"{k} {v[-1]:.1f}s" for k, v in runs.items()), flush=True)

    site = project / "site"
    pages = sum(1 for _ in site.rglob("index.html"))
    park_year_page = next((site / "parks").glob("*/2025/index.html"))
    results = {
        "parks": args.parks, "years": args.years, "runs": args.runs,
        "median_seconds": {k: round(statistics.median(v), 2) for k, v in runs.items()},
        "generate_seconds_includes_check": True,
        "pages": pages,
        "park_year_page_bytes": park_year_page.stat().st_size,
        "peak_memory_mib": memory,
        "second_generate_output": unchanged_output.strip().splitlines()[-1],
    }  # fmt: skip
    if args.search:
        results["first_search"] = first_search_bytes(site, "规模以上工业总产值")
    if args.baseline:
        bare = bare_material(project, OUT / "bare-material")
        seconds, peak, _ = timed([sys.executable, "-m", "mkdocs", "build", "-q"], bare)
        results["baseline_bare_material_seconds"] = round(seconds, 2)
        results["baseline_peak_memory_mib"] = peak
        results["baseline_park_year_page_bytes"] = next((bare / "site/parks").glob("*/2025/index.html")).stat().st_size
        results["ratio_build_vs_baseline"] = round(statistics.median(runs["build"]) / seconds, 3)
        index = bare / "site/search/search_index.json"
        results["baseline_search_index_bytes"] = index.stat().st_size if index.exists() else None
    OUT.mkdir(exist_ok=True)
    (OUT / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
