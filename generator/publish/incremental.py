"""What one generate takes from the last (kept in .cache/yearbook/): the inputs that changed, the pages and downloads
that show them, and the bytes of everything else.

Each page is keyed by what it shows (generator/pages/kinds.py `shows`): the parks, indicators and reports on it,
each summed up by a digest of the bytes it is made from, plus a digest of what every page shows (the catalogue,
every park's profile, every report's metadata, the list of park-years). A page whose key is the last run's is
taken as it stands in docs/ (when its size and time there are the ones the last run left) or from the cache's
copy of its bytes; any other page is rendered. The same rule, park by park and indicator by indicator, keeps the
downloads; the whole-yearbook downloads are put together again from each park's part.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path

from generator.cache import Cache, digest
from generator.data.model import ParkYear, Yearbook
from generator.pages.downloads import DownloadParts

# Rendering is imported where it is used: generate with nothing changed takes what it needs from here without it.


class _OnDisk(bytes):
    """Stands for a generated file that is in docs/ as the last run left it: neither read nor written."""


ON_DISK = _OnDisk()
STATE = "state"  # the record of the last successful generate
DOWNLOADS = "downloads"  # each park's part of the whole-yearbook downloads
PROOFS = "proofs"  # each year file's check, by the key of what it read (generator/cache.py Proofs)
_CHARTS = "assets/charts/"


def _entries(data: Path) -> dict[str, os.stat_result] | None:
    """Every file under data/ (hidden ones aside, as load skips them) with its status; None when data/ holds anything
    but regular files and folders (load decides what to make of it)."""
    found: dict[str, os.stat_result] = {}

    def walk(folder: str, prefix: str) -> bool:
        with os.scandir(folder) as listing:
            listed = sorted(listing, key=lambda entry: entry.name)
        for entry in listed:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                if not walk(entry.path, f"{prefix}{entry.name}/"):
                    return False
                continue
            status = entry.stat(follow_symlinks=False)  # a link (to a folder too) is no regular file: None
            if not stat.S_ISREG(status.st_mode):
                return False
            found[prefix + entry.name] = status
        return True

    try:
        return found if walk(os.fspath(data), "") else None
    except OSError:
        return None


def _stamp(status: os.stat_result) -> list[int]:
    """What changes whenever a file's bytes do: size, times, inode and device (the change time cannot be set back)."""
    return [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino, status.st_dev]


# A file last changed this close to when its stamp was taken may change again within the clock's granularity and
# keep the stamp: its bytes are hashed again next time (the race git's index has, handled as git does).
_RACY_NS = 2_000_000_000


@dataclass
class Inputs:
    """The sha256 of every file under data/, by path, and each file's stamp when it was taken."""

    shas: dict[str, str]
    stamps: dict[str, list[int]]
    taken: int  # time.time_ns() before the stamps were taken


def inputs_of(data: Path, last: dict | None = None) -> Inputs | None:
    """Every file of data/ with its sha256 (see `_entries` for None): hashed, unless the last run's record has it
    with the same stamp, taken long enough after the file last changed."""
    taken = time.time_ns()
    entries = _entries(data)
    if entries is None:
        return None
    stamps = {path: _stamp(status) for path, status in entries.items()}
    known_shas = last["inputs"] if last is not None else {}
    known_stamps = last.get("stamps", {}) if last is not None else {}
    trusted_before = last.get("taken", 0) - _RACY_NS if last is not None else 0
    shas = {}
    for path, stamp in stamps.items():
        known = known_stamps.get(path)
        if known == stamp and stamp[2] < trusted_before and isinstance(known_shas.get(path), str):
            shas[path] = known_shas[path]
        else:
            shas[path] = hashlib.sha256((data / path).read_bytes()).hexdigest()
    return Inputs(shas, stamps, taken)


def unchanged_since(data: Path, stamps: dict[str, list[int]]) -> bool:
    """Whether data/ holds the same files with the same stamps as when `stamps` were taken."""
    entries = _entries(data)
    return entries is not None and {path: _stamp(status) for path, status in entries.items()} == stamps


def recall(cache: Cache, docs: Path, outputs: dict[str, list], paths) -> tuple[dict[str, bytes], set[str]]:
    """The last run's bytes of `paths`: ON_DISK for a file still in docs/ as that run left it, else the cache's copy;
    and the paths of neither (to be made again)."""
    found, missing = {}, set()
    for path in paths:
        sha, size, time = outputs[path]
        try:
            status = os.lstat(docs / path)
            same = stat.S_ISREG(status.st_mode) and status.st_size == size and status.st_mtime_ns == time
        except OSError:
            same = False
        data = ON_DISK if same else cache.file(sha)
        if data is None:
            missing.add(path)
        else:
            found[path] = data
    return found, missing


def read_state(cache: Cache) -> dict | None:
    """The last successful generate's record, when it has every field this module writes."""
    state = cache.read(STATE)
    fields = ("inputs", "outputs", "pages", "parts", "whole", "years", "nav")
    if state is None or not all(name in state for name in fields):
        return None
    outputs = state["outputs"]
    if not isinstance(outputs, dict) or not all(isinstance(v, list) and len(v) == 3 for v in outputs.values()):
        return None
    return state


@dataclass
class Plan:
    """The keys of this generate's pages and parts, and what of the last run they allow to keep."""

    whole: str
    years: dict[str, list]  # per park-year's key: digests of its figures by indicator and its entries by report
    parts: dict[str, str]  # "park:<id>", "indicator:<id>", "source:<id>" → digest
    pages: dict[str, str]  # page path → the key of what it shows
    stale_pages: set[str] = field(default_factory=set)
    stale_parks: set[str] = field(default_factory=set)
    stale_indicators: set[str] = field(default_factory=set)
    restored_parks: set[str] = field(default_factory=set)  # whose download parts came from the cache


def _shown_everywhere(path: str) -> bool:
    """The files whose content any page may show: the catalogue, park profiles (names in every page's menu) and the
    reports' metadata (titles beside every figure quoting them)."""
    return (
        path == "indicators.yaml"
        or path.startswith("parks/")
        or (path.startswith("sources/") and path.endswith(".yaml"))
    )


def _short(*parts: str) -> str:
    return digest(*parts)[:32]


def _year_key(inputs: dict[str, str], py: ParkYear) -> str:
    """What a park-year's model is made from: its file (path and bytes) and the metadata and text of each report it
    names."""
    quoted = {e.origin.source for e in (*py.figures, *py.facts, *py.targets)} | set(py.sources)
    reports = [f"{s}:{inputs.get(f'sources/{s}.yaml')}:{inputs.get(f'sources/{s}.txt')}" for s in sorted(quoted)]
    path = f"years/{py.park}/{py.year}.yaml"
    return _short(path, inputs.get(path, ""), *reports)


def _contributions(py: ParkYear) -> list:
    """What a park-year shows on an indicator's pages (its figures of it) and on a report's (its entries quoting it)."""
    by_indicator: dict[str, list[str]] = {}
    by_source: dict[str, list[str]] = {}
    for figure in py.figures:
        by_indicator.setdefault(figure.indicator, []).append(repr(figure))
    for entry in (*py.figures, *py.facts, *py.targets):
        by_source.setdefault(entry.origin.source, []).append(repr(entry))
    for source in py.sources:
        by_source.setdefault(source, []).append("listed")
    return [
        {key: _short(*values) for key, values in by_indicator.items()},
        {key: _short(*values) for key, values in by_source.items()},
    ]


def plan(yb: Yearbook, inputs: dict[str, str], last: dict | None) -> Plan:
    """The keys of every page and part of `yb`, and which differ from the last run's (all, without one)."""
    from generator.pages.kinds import site_pages
    from generator.pages.site_index import SiteIndex

    shared = sorted(f"{path}:{sha}" for path, sha in inputs.items() if _shown_everywhere(path))
    whole = _short(*shared, *(f"{park}/{year}" for park, year in sorted(yb.years)))
    known = last["years"] if last is not None and last["whole"] == whole else {}
    years: dict[str, list] = {}
    park_parts: dict[str, list[str]] = {park: [] for park in yb.parks}
    indicator_parts: dict[str, list[str]] = {indicator: [] for indicator in yb.indicators}
    source_parts: dict[str, list[str]] = {
        source: [f"{inputs.get(f'sources/{source}.yaml')}:{inputs.get(f'sources/{source}.txt')}"]
        for source in yb.sources
    }
    for key in sorted(yb.years):
        py = yb.years[key]
        year_key = _year_key(inputs, py)
        found = known.get(year_key)
        shown = years[year_key] = found if _is_contribution(found) else _contributions(py)
        park_parts.setdefault(py.park, []).append(f"{py.year}:{year_key}")
        for indicator, value in shown[0].items():
            indicator_parts.setdefault(indicator, []).append(f"{key}:{value}")
        for source, value in shown[1].items():
            source_parts.setdefault(source, []).append(f"{key}:{value}")
    parts = {f"park:{k}": _short(*v) for k, v in park_parts.items()}
    parts.update((f"indicator:{k}", _short(*v)) for k, v in indicator_parts.items())
    parts.update((f"source:{k}", _short(*v)) for k, v in source_parts.items())
    everything = _short(whole, *(f"{k}={v}" for k, v in sorted(parts.items())))
    index = SiteIndex(yb)
    pages = {}
    for page in site_pages(index):
        shows = page.shows(index)
        if shows is None:
            pages[page.path] = _short(whole, "everything", everything)
        else:
            pages[page.path] = _short(whole, *sorted(f"{k}:{i}={parts.get(f'{k}:{i}', '-')}" for k, i in set(shows)))
    result = Plan(whole, years, parts, pages)
    same = last is not None and last["whole"] == whole
    result.stale_pages = {p for p, key in pages.items() if not same or last["pages"].get(p) != key}
    result.stale_parks = {p for p in yb.parks if not same or last["parts"].get(f"park:{p}") != parts[f"park:{p}"]}
    result.stale_indicators = {
        i for i in yb.indicators if not same or last["parts"].get(f"indicator:{i}") != parts[f"indicator:{i}"]
    }
    return result


def _is_contribution(found) -> bool:
    return isinstance(found, list) and len(found) == 2 and all(isinstance(part, dict) for part in found)


def _data_owner(path: str) -> tuple[str, str] | None:
    """("park", id) or ("indicator", id) of a download of one park or indicator; None for the others."""
    if path.startswith("data/parks/"):
        return "park", path.removeprefix("data/parks/").rsplit(".", 1)[0]
    if path.startswith("data/indicators/"):
        name = path.removeprefix("data/indicators/")
        return "indicator", name.split("/", 1)[0] if "/" in name else name.rsplit(".", 1)[0]
    return None


def _data_paths(outputs: dict, parks: set[str], indicators: set[str]) -> set[str]:
    """The last run's downloads of these parks and indicators."""
    kept = set()
    for path in outputs:
        owner = _data_owner(path)
        if owner is not None and owner[1] in (parks if owner[0] == "park" else indicators):
            kept.add(path)
    return kept


def render_changed(yb: Yearbook, inputs: dict[str, str], last: dict | None, cache: Cache, docs: Path):
    """Every generated file of `yb`, the unchanged ones as the last run left them (ON_DISK or the cache's bytes);
    returns the files, the plan and the download parts (for the next run)."""
    from generator.pages.downloads import data_files
    from generator.pages.render import render_pages

    the_plan = plan(yb, inputs, last)
    outputs = last["outputs"] if last is not None else {}
    kept_pages = {p for p in the_plan.pages if p not in the_plan.stale_pages and p in outputs}
    kept_data = _data_paths(
        outputs, set(yb.parks) - the_plan.stale_parks, set(yb.indicators) - the_plan.stale_indicators
    )
    files, missing = recall(cache, docs, outputs, kept_pages | kept_data)
    the_plan.stale_pages |= (set(the_plan.pages) - kept_pages) | (missing & kept_pages)
    for path in missing & kept_data:  # a download lost: all of its park's or indicator's are made again
        kind, name = _data_owner(path)
        (the_plan.stale_parks if kind == "park" else the_plan.stale_indicators).add(name)
    kept_data = _data_paths(
        outputs, set(yb.parks) - the_plan.stale_parks, set(yb.indicators) - the_plan.stale_indicators
    )
    files = {path: data for path, data in files.items() if path in kept_pages or path in kept_data}
    files.update((path, text.encode("utf-8")) for path, text in render_pages(yb, the_plan.stale_pages).items())
    parts, previous = _download_parts(yb, cache, the_plan, last)
    files.update(data_files(yb, parts, the_plan.stale_parks, the_plan.stale_indicators, previous))
    # The charts' specs are made from the generator alone, whose version is the cache's key: as the last run made them.
    charts, missing = recall(cache, docs, outputs, [path for path in outputs if path.startswith(_CHARTS)])
    if not charts or missing:
        from generator.pages.charts import chart_specs  # Altair, whose import alone takes a fifth of a second

        charts = {f"{_CHARTS}{kind}.json": spec.encode("utf-8") for kind, spec in chart_specs().items()}
    files.update(charts)
    return files, the_plan, parts


def _download_parts(yb: Yearbook, cache: Cache, the_plan: Plan, last: dict | None):
    """The last run's parts of the whole-yearbook downloads of the parks that did not change, set up so that
    data_files takes them (the very objects it looks for)."""
    from generator.pages.address import site_url
    from generator.pages.downloads import entry_basis

    parts, previous = DownloadParts(), {}
    if last is None or last["whole"] != the_plan.whole:
        return parts, previous
    address = site_url()
    years: dict[str, list[int]] = {}
    for park, year in yb.years:
        years.setdefault(park, []).append(year)
    for park in sorted(set(yb.parks) - the_plan.stale_parks):
        found = cache.read_with_parts(f"{DOWNLOADS}/{park}")
        if found is None or found[0].get("park") != the_plan.parts[f"park:{park}"]:
            continue
        names, pieces = found[0].get("entries"), found[1]
        if not isinstance(names, list) or len(pieces) != 2 + 2 * len(names):
            continue
        csv, rows, *texts = pieces
        parts.parks[park] = (csv, rows.decode("utf-8"))
        previous[f"data/parks/{park}.csv"] = csv
        the_plan.restored_parks.add(park)
        entries = {name: texts[2 * n : 2 * n + 2] for n, name in enumerate(names)}
        for year in years.get(park, []):
            for kind in ("facts", "targets"):
                entry = entries.get(f"{kind}/{year}")
                if entry is not None:
                    basis = entry_basis(yb, kind, (park, year), address)
                    parts.entries[(kind, (park, year))] = (basis, entry[0].decode("utf-8"), entry[1].decode("utf-8"))
    return parts, previous


def keep_download_parts(cache: Cache, parts: DownloadParts, the_plan: Plan) -> None:
    """Store each park's part of the whole-yearbook downloads that is new, with the key of the park it shows."""
    entries: dict[str, dict[str, tuple[str, str]]] = {}
    for (kind, (park, year)), part in parts.entries.items():
        entries.setdefault(park, {})[f"{kind}/{year}"] = (part[1], part[2])
    for park, part in parts.parks.items():
        key = the_plan.parts.get(f"park:{park}")
        if key is None or park in the_plan.restored_parks:
            continue  # stored by the run that made it
        names = sorted(entries.get(park, {}))
        texts = [text.encode("utf-8") for name in names for text in entries[park][name]]
        record = {"park": key, "entries": names}
        cache.write_with_parts(f"{DOWNLOADS}/{park}", record, [part[0], part[1].encode("utf-8"), *texts])


def outputs_after(docs: Path, files: dict[str, bytes], outputs: dict[str, list], cache: Cache) -> dict[str, list]:
    """The sha256, size and modification time of every generated file as now in docs/; new bytes kept in the cache."""
    found = {}
    for path, data in files.items():
        status = os.stat(docs / path)
        if isinstance(data, _OnDisk):
            sha, size, time = outputs[path]
            if (status.st_size, status.st_mtime_ns) != (size, time):  # changed under us: from the cache next time
                found[path] = [sha, -1, -1]
                continue
        else:
            sha = hashlib.sha256(data).hexdigest()
            cache.keep_file(sha, data)
        found[path] = [sha, status.st_size, status.st_mtime_ns]
    return found
