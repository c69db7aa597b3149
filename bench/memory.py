"""Which process and which stage of `yearbook build` holds its peak memory.

    python bench/memory.py                         # a cold build of bench/out/corpus-178x20-seed1 (volumes kept)
    python bench/memory.py --project DIR --warm    # … or a build over what the last one left
    python bench/memory.py -- python -m mkdocs build -f mkdocs.yml

run.py reports a stage's peak as wait4 gives it: the largest resident set of the process or of any one process it
waited for (MkDocs' forked shares, Pagefind's service). It does not say which, nor when. This samples every process
of the build's tree from /proc a few times a second: each one's resident set (RSS, which counts the pages a forked
share still shares with its parent) and its proportional set (PSS, shared pages split between their sharers, so the
PSS of all processes adds up to the memory the build really holds). Each sample is tagged with the build's last
line of output and with the processes alive, which tells the stages apart: generate (one process, or its
forked render and check shares), MkDocs (one forked share per CPU), the volumes, Pagefind (its service).

Written to bench/out/memory-<project>.json and .txt. See bench/README.md, "Where the memory goes".
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from run import ENV, OUT, clean  # noqa: E402


def _children() -> dict[int, list[int]]:
    """Every process's children, from /proc/*/stat."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
    return children


def _tree(root: int) -> list[int]:
    children, found, todo = _children(), [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _kib(path: str, field: str) -> int | None:
    try:
        with open(path, encoding="ascii", errors="replace") as text:
            for line in text:
                if line.startswith(field):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _role(pid: int, root: int, root_command: bytes) -> str:
    """What a process of the build is: the build itself, one of its forked shares, Pagefind, or a command."""
    if pid == root:
        return "build process"
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as text:
            command = text.read()
    except OSError:
        return "ended"
    if b"pagefind" in command:
        return "pagefind service"
    if command == root_command:
        return "forked share"
    return Path(command.split(b"\0")[0].decode("utf-8", "replace")).name or "?"


def sample_build(command: list[str], project: Path, interval: float) -> dict:
    """Run `command` in `project`, sampling its process tree until it ends."""
    start = time.perf_counter()
    # Unbuffered: each line of output arrives when it is written, to tag the samples taken after it.
    env = {**ENV, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    lines: list[tuple[float, str]] = []

    def read():
        for raw in process.stdout:
            lines.append((time.perf_counter() - start, raw.decode("utf-8", "replace").rstrip()))

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    samples = []
    usage = None
    while True:
        done, status, usage = os.wait4(process.pid, os.WNOHANG)
        if done:
            process.returncode = os.waitstatus_to_exitcode(status)
            break
        at = time.perf_counter() - start
        try:
            with open(f"/proc/{process.pid}/cmdline", "rb") as text:
                root_command = text.read()
        except OSError:
            root_command = b""
        processes = []
        for pid in _tree(process.pid):
            rss = _kib(f"/proc/{pid}/status", "VmRSS:")
            if rss is None:
                continue
            pss = _kib(f"/proc/{pid}/smaps_rollup", "Pss:") or 0
            processes.append({"pid": pid, "role": _role(pid, process.pid, root_command), "rss": rss, "pss": pss})
        samples.append({"t": round(at, 2), "last_line": lines[-1][1] if lines else "", "processes": processes})
        time.sleep(interval)
    reader.join(timeout=5)
    return {
        "command": command,
        "seconds": round(time.perf_counter() - start, 1),
        "exit": process.returncode,
        "wait4_maxrss_bytes": usage.ru_maxrss * 1024,
        "output": lines,
        "samples": samples,
    }


def summarize(run: dict) -> dict:
    """Per role, the largest RSS and PSS of one process and when; the largest total PSS and what made it up."""
    roles: dict[str, dict] = {}
    peak_total = {"pss_kib": 0}
    for sample in run["samples"]:
        total = sum(p["pss"] for p in sample["processes"])
        if total > peak_total["pss_kib"]:
            peak_total = {
                "pss_kib": total,
                "rss_kib": sum(p["rss"] for p in sample["processes"]),
                "t": sample["t"],
                "last_line": sample["last_line"],
                "processes": sorted(sample["processes"], key=lambda p: -p["pss"]),
            }
        for proc in sample["processes"]:
            role = roles.setdefault(proc["role"], {"peak_rss_kib": 0, "peak_pss_kib": 0, "pids": set()})
            role["pids"].add(proc["pid"])
            for key in ("rss", "pss"):
                if proc[key] > role[f"peak_{key}_kib"]:
                    role[f"peak_{key}_kib"] = proc[key]
                    role[f"peak_{key}_at"] = {"t": sample["t"], "last_line": sample["last_line"]}
    for role in roles.values():
        role["processes"] = len(role.pop("pids"))
    return {"roles": roles, "peak_total": peak_total}


def _gb(kib: float) -> float:
    """KiB, as /proc gives them, in GB (decimal, as the goals are stated)."""
    return kib * 1024 / 1e9


def timeline(run: dict, every: float) -> list[str]:
    """One line per `every` seconds: the total PSS and each process's RSS/PSS, with the last line of output."""
    lines, next_at = [], 0.0
    for sample in run["samples"]:
        if sample["t"] < next_at:
            continue
        next_at = sample["t"] + every
        total = _gb(sum(p["pss"] for p in sample["processes"]))
        each = ", ".join(
            f"{p['role']} {_gb(p['rss']):.2f}/{_gb(p['pss']):.2f}" for p in sample["processes"] if p["rss"] > 50_000
        )
        lines.append(f"{sample['t']:7.1f} s  total PSS {total:5.2f} GB  [{each}]  {sample['last_line'][:60]}")
    return lines


def report(run: dict, summary: dict, every: float) -> str:
    out = [
        f"{' '.join(run['command'])}: {run['seconds']} s, exit {run['exit']}; wait4's peak (run.py's number): "
        f"{(run['wait4_maxrss_bytes'] or 0) / 1e9:.2f} GB",
        "",
        f"{'process':<20} {'count':>5} {'peak RSS':>9} {'peak PSS':>9}  when (s) and the build's last line then",
    ]
    for name, role in sorted(summary["roles"].items(), key=lambda item: -item[1]["peak_rss_kib"]):
        at = role.get("peak_rss_at", {})
        out.append(
            f"{name:<20} {role['processes']:>5} {_gb(role['peak_rss_kib']):7.2f} GB {_gb(role['peak_pss_kib']):7.2f} GB"
            f"  {at.get('t', 0):7.1f}  {at.get('last_line', '')[:70]}"
        )
    peak = summary["peak_total"]
    out += [
        "",
        f"largest total (PSS, the memory really held): {_gb(peak['pss_kib']):.2f} GB at {peak.get('t', 0)} s "
        f"(RSS summed: {_gb(peak.get('rss_kib', 0)):.2f} GB), after: {peak.get('last_line', '')[:80]}",
    ]
    out += [f"  {p['role']:<20} pid {p['pid']:>7}  RSS {_gb(p['rss']):5.2f} GB  PSS {_gb(p['pss']):5.2f} GB"
            for p in peak.get("processes", [])]  # fmt: skip
    out += ["", f"timeline (every {every:g} s; each process RSS/PSS in GB):", *timeline(run, every)]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", type=Path, default=OUT / "corpus-178x20-seed1")
    parser.add_argument("--warm", action="store_true", help="keep docs/, site/ and .cache/ (default: a cold build)")
    parser.add_argument("--interval", type=float, default=0.25, help="seconds between samples")
    parser.add_argument("--every", type=float, default=5.0, help="seconds between lines of the printed timeline")
    parser.add_argument("--name", default=None, help="output name (default: the project folder's name)")
    parser.add_argument("command", nargs="*", help="default: python -m generator --data data build")
    parser.add_argument("--show", metavar="NAME", help="print the summary of a saved run (memory-NAME.json) and stop")
    args = parser.parse_args(argv)
    if args.show:
        saved = json.loads((OUT / f"memory-{args.show}.json").read_text(encoding="utf-8"))
        saved.setdefault("samples", [])
        print(report(saved, saved, args.every).split("\ntimeline")[0])
        return 0
    if not (args.project / "mkdocs.yml").is_file():
        print(f"{args.project}: expected a project with mkdocs.yml, found none", file=sys.stderr)
        return 1
    command = args.command or [sys.executable, "-m", "generator", "--data", "data", "build"]
    if not args.warm:
        clean(args.project)
    run = sample_build(command, args.project, args.interval)
    summary = summarize(run)
    text = report(run, summary, args.every)
    print(text)
    name = args.name or args.project.name
    kept = {key: run[key] for key in ("command", "seconds", "exit", "wait4_maxrss_bytes", "output")}
    kept["timeline"] = timeline(run, args.every)
    (OUT / f"memory-{name}.json").write_text(json.dumps({**kept, **summary}, ensure_ascii=False, indent=1) + "\n")
    (OUT / f"memory-{name}.txt").write_text(text + "\n", encoding="utf-8")
    return 0 if run["exit"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
