"""Lighthouse (mobile preset) on pages of a built site, served gzipped as a static host serves them.

    npm ci --prefix bench                      # once: Lighthouse into bench/node_modules (see bench/package.json)
    python bench/lighthouse.py                 # site/: the home page, a park-year page and an indicator page
    python bench/lighthouse.py --site DIR /parks/xinyu/2014/ …
    python bench/lighthouse.py --runs 1        # one run a page (default 3, reported as medians: scores vary)

Prints the four category scores and the performance metrics of each page and writes
bench/out/lighthouse.json; Chromium is Debian's (/usr/bin/chromium, or CHROME_PATH). Each page is measured with
the preset as is (CPU slowed 4×) and, when this host is slower than the preset assumes, again with the slowdown
calibrated to the emulated phone (see PHONE_BENCHMARK_INDEX).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

BENCH = Path(__file__).resolve().parent
PROJECT = BENCH.parent
OUT = BENCH / "out"
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
PAGES = ("/", "/parks/xiamen-torch/2016/", "/indicators/industrial_output_above_scale/")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")
_COMPRESSED = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt", ".csv")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text gzipped when the browser accepts it (as GitHub Pages and most hosts do)."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the redirect to the folder's address
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not wants_gzip or path.suffix not in _COMPRESSED or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return _Body(body)

    def log_message(self, *args):
        pass


class _Body:
    """A file-like object over bytes, for SimpleHTTPRequestHandler.copyfile."""

    def __init__(self, data: bytes):
        self.data, self.done = data, False

    def read(self, size: int = -1) -> bytes:
        if self.done:
            return b""
        self.done = True
        return self.data

    def close(self) -> None:
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(GzipHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}"


# Lighthouse's mobile preset emulates a Moto G Power (2022) by slowing the host's CPU 4×, which assumes a fast
# desktop host. Chrome DevTools' CPU calibration scores that phone 264 on Lighthouse's BenchmarkIndex; a host
# slower than 4 × 264 (a loaded, shared machine) gets the slowdown that brings it to the phone, at least 1.
PHONE_BENCHMARK_INDEX = 264


def run_lighthouse(url: str, report: Path, cpu_slowdown: float | None = None) -> dict:
    """One Lighthouse run, mobile preset (its default), with Debian's Chromium; the parsed JSON report."""
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={report}",
        "--only-categories=" + ",".join(CATEGORIES),
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
        "--quiet",
    ]
    if cpu_slowdown is not None:
        command.append(f"--throttling.cpuSlowdownMultiplier={cpu_slowdown}")
    subprocess.run(command, check=True, env=env)
    return json.loads(report.read_text(encoding="utf-8"))


def calibrated_slowdown(result: dict) -> float:
    """The CPU slowdown that makes this host as fast as the emulated phone, from the run's BenchmarkIndex."""
    index = result["environment"]["benchmarkIndex"]
    return max(1.0, min(4.0, round(index / PHONE_BENCHMARK_INDEX, 1)))


def summary(result: dict) -> dict:
    """Scores, metrics, what falls short, and the host's speed and the CPU slowdown used."""
    scores = {name: round(result["categories"][name]["score"] * 100) for name in CATEGORIES}
    metrics = {name: result["audits"][name]["displayValue"] for name in METRICS}
    failed = {
        name: [
            ref["id"]
            for ref in result["categories"][name]["auditRefs"]
            if ref["weight"] > 0 and (result["audits"][ref["id"]].get("score") or 0) < 1
        ]
        for name in CATEGORIES
        if name != "performance"
    }
    # Where the main thread's time goes (Lighthouse's own breakdown, CPU slowdown included), by script.
    bootup = {
        item["url"].rsplit("/", 1)[-1] or item["url"]: round(item["total"])
        for item in result["audits"]["bootup-time"]["details"]["items"]
    }
    return {
        "scores": scores,
        "metrics": metrics,
        "metric_values": {name: result["audits"][name]["numericValue"] for name in METRICS},
        "load_average": os.getloadavg()[0],  # the host's 1-minute load when the run ended: other work skews it
        "audits_below_full_score": failed,
        "script_ms": bootup,
        "benchmark_index": result["environment"]["benchmarkIndex"],
        "cpu_slowdown": result["configSettings"]["throttling"]["cpuSlowdownMultiplier"],
    }


def medians(runs: list[dict]) -> dict:
    """The median of each score and metric over runs of one page with one CPU slowdown."""
    return {
        "runs": len(runs),
        "scores": {name: statistics.median(run["scores"][name] for run in runs) for name in CATEGORIES},
        "metric_values": {name: statistics.median(run["metric_values"][name] for run in runs) for name in METRICS},
        "load_average": [round(run["load_average"], 1) for run in runs],
        "cpu_slowdown": [run["cpu_slowdown"] for run in runs],
    }


def print_run(path: str, label: str, run: dict) -> None:
    scores = ", ".join(f"{name} {value}" for name, value in run["scores"].items())
    metrics = ", ".join(f"{name} {value}" for name, value in run["metrics"].items())
    print(
        f"{path} [{label}: CPU ×{run['cpu_slowdown']}, host BenchmarkIndex {run['benchmark_index']:.0f}, "
        f"load {run['load_average']:.1f}]: {scores}\n  {metrics}",
        flush=True,
    )
    print("  main-thread ms by script: " + ", ".join(f"{k} {v}" for k, v in run["script_ms"].items()))
    for category, audits in run["audits_below_full_score"].items():
        if audits:
            print(f"  {category} below full score: {', '.join(audits)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=list(PAGES), help="pages to measure (default: three kinds)")
    parser.add_argument("--site", type=Path, default=PROJECT / "site", help="the built site (default site/)")
    parser.add_argument(
        "--preset-only", action="store_true", help="only the preset's 4× CPU slowdown, not the calibrated run"
    )
    parser.add_argument("--runs", type=int, default=3, help="runs a page, reported as medians (default 3)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE}: not installed; run `npm ci --prefix bench` first", file=sys.stderr)
        return 1
    httpd, base = serve(args.site)
    results: dict[str, dict] = {path: {} for path in args.paths}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for _ in range(args.runs):  # rounds over the pages, so that a burst of load spreads over all of them
                for path in args.paths:
                    preset = run_lighthouse(base + path, Path(tmp) / "report.json")
                    runs = {"preset": summary(preset)}
                    slowdown = calibrated_slowdown(preset)
                    if not args.preset_only and slowdown < 4:
                        runs["calibrated"] = summary(run_lighthouse(base + path, Path(tmp) / "report.json", slowdown))
                    for label, run in runs.items():
                        results[path].setdefault(label, []).append(run)
                        print_run(path, label, run)
    finally:
        httpd.shutdown()
    summaries = {
        path: {label: {"median": medians(runs), "each": runs} for label, runs in by_label.items()}
        for path, by_label in results.items()
    }
    print(f"\nmedians of {args.runs} run(s) a page:")
    for path, by_label in summaries.items():
        for label, data in by_label.items():
            median = data["median"]
            scores = ", ".join(f"{name} {value:g}" for name, value in median["scores"].items())
            values = median["metric_values"]
            print(
                f"  {path} [{label}, {median['runs']} runs, load {median['load_average']}]: {scores}; "
                f"FCP {values['first-contentful-paint'] / 1000:.1f} s, "
                f"LCP {values['largest-contentful-paint'] / 1000:.1f} s, "
                f"TBT {values['total-blocking-time']:.0f} ms, CLS {values['cumulative-layout-shift']:.3f}"
            )
    OUT.mkdir(exist_ok=True)
    text = json.dumps(summaries, ensure_ascii=False, indent=1) + "\n"
    (OUT / "lighthouse.json").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
