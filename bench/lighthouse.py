"""Lighthouse (mobile preset) on pages of a built site, served gzipped as a static host serves them.

    npm ci --prefix bench                      # once: Lighthouse into bench/node_modules (see bench/package.json)
    python bench/lighthouse.py                 # site/: the home page, a park-year page and an indicator page
    python bench/lighthouse.py --site DIR /parks/xinyu/2014/ …

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
        "audits_below_full_score": failed,
        "script_ms": bootup,
        "benchmark_index": result["environment"]["benchmarkIndex"],
        "cpu_slowdown": result["configSettings"]["throttling"]["cpuSlowdownMultiplier"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", default=list(PAGES), help="pages to measure (default: three kinds)")
    parser.add_argument("--site", type=Path, default=PROJECT / "site", help="the built site (default site/)")
    parser.add_argument(
        "--preset-only", action="store_true", help="only the preset's 4× CPU slowdown, not the calibrated run"
    )
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        print(f"{LIGHTHOUSE}: not installed; run `npm ci --prefix bench` first", file=sys.stderr)
        return 1
    httpd, base = serve(args.site)
    results = {}
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for path in args.paths:
                preset = run_lighthouse(base + path, Path(tmp) / "report.json")
                runs = {"preset": summary(preset)}
                slowdown = calibrated_slowdown(preset)
                if not args.preset_only and slowdown < 4:
                    runs["calibrated"] = summary(run_lighthouse(base + path, Path(tmp) / "report.json", slowdown))
                results[path] = runs
                for label, run in runs.items():
                    scores = ", ".join(f"{name} {value}" for name, value in run["scores"].items())
                    metrics = ", ".join(f"{name} {value}" for name, value in run["metrics"].items())
                    print(
                        f"{path} [{label}: CPU ×{run['cpu_slowdown']}, host BenchmarkIndex "
                        f"{run['benchmark_index']:.0f}]: {scores}\n  {metrics}",
                        flush=True,
                    )
                    print("  main-thread ms by script: " + ", ".join(f"{k} {v}" for k, v in run["script_ms"].items()))
                    for category, audits in run["audits_below_full_score"].items():
                        if audits:
                            print(f"  {category} below full score: {', '.join(audits)}")
    finally:
        httpd.shutdown()
    OUT.mkdir(exist_ok=True)
    (OUT / "lighthouse.json").write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
