"""How long an editor waits with the real `yearbook serve`: its first page, then each edit until the page shows it.

Run in a corpus folder. Starts `python -m generator --data data serve` on a free port, polls the park-year page
of PARK YEAR every 0.1 s, and times, from the moment a file is saved, the first page after start, a summary edit,
a value edit (year file and report together) and their restores. Prints one JSON object.

    python bench/serve_live.py PARK YEAR      # in the corpus folder
"""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.request
from html import escape as html_escape
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import _edit_value  # noqa: E402


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main(park: str, year: int) -> dict:
    port = _free_port()
    url = f"http://127.0.0.1:{port}/parks/{park}/{year}/"
    command = [sys.executable, "-m", "generator", "--data", "data", "serve", "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def seconds_until(shows, limit: float) -> float:
        started = time.perf_counter()
        while time.perf_counter() - started < limit:
            if server.poll() is not None:
                raise RuntimeError(f"yearbook serve stopped (exit {server.returncode})")
            try:
                if shows(urllib.request.urlopen(url, timeout=10).read().decode("utf-8")):
                    return round(time.perf_counter() - started, 2)
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError(f"{url} did not show the change within {limit} s")

    results = {}
    started = time.perf_counter()
    try:
        results["first_page_s"] = seconds_until(lambda html: True, 1800)
        # A serve that starts on the last good site builds beside it and swaps it in (.serve-site.building says so
        # meanwhile): the edits are timed once that first build is over, as an edit made during it waits for it.
        while Path(".serve-site.building").exists() and time.perf_counter() - started < 1800:
            time.sleep(0.2)
        results["first_build_s"] = round(time.perf_counter() - started, 2)
        year_path = Path(f"data/years/{park}/{year}.yaml")
        original = year_path.read_bytes()
        marker = "(修订)"
        try:
            text = original.decode("utf-8")
            year_path.write_text(re.sub(r"^summary: (.*)$", rf"summary: \1{marker}", text, count=1, flags=re.M))
            results["edit_summary_s"] = seconds_until(lambda html: marker in html, 120)
        finally:
            year_path.write_bytes(original)
        results["summary_restored_s"] = seconds_until(lambda html: marker not in html, 120)
        saved, description = _edit_value(Path("."), park, year)
        new_quote = html_escape(description.split(" → ", 1)[1], quote=False)  # as the page prints it (R&D → R&amp;D)
        try:
            results["edit_value_s"] = seconds_until(lambda html: new_quote in html, 120)
            results["edit_value"] = description
        finally:
            for path, data in saved.items():
                path.write_bytes(data)
        results["value_restored_s"] = seconds_until(lambda html: new_quote not in html, 120)
    finally:
        server.terminate()
        server.wait(timeout=60)
    return results


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], int(sys.argv[2])), ensure_ascii=False))
