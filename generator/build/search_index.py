"""The site's search index: Pagefind (extended build, Chinese segmentation), written beside the built pages.

Pagefind holds everything it indexes in memory (about 7 bytes per byte of HTML), so a large site is indexed
in parts of at most `_HTML_BYTES_PER_PART` of HTML, one Pagefind run after another: `pagefind/` is the primary
index and `pagefind/parts/N/` the others, which the search box merges into one ranked list
(Pagefind's `mergeIndex`). A small site is one index.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

from generator.parallel import die_with_parent

SEARCH_DIR = "pagefind"
PARTS_FILE = "yearbook-parts.json"  # in pagefind/: the merged parts' folders, relative to pagefind/
_HTML_BYTES_PER_PART = 150_000_000  # ~1.1 GB of Pagefind memory per part
PART_BYTES_VARIABLE = "YEARBOOK_SEARCH_PART_BYTES"  # overrides it (the tests index a small site in parts)
_OPTIONS = [
    "--root-selector", "article",
    "--exclude-selectors", ".headerlink, .md-source-file, .yb-chart, .footnote-backref, .footnote-ref, .yb-pnum",
    "--force-language", "zh",
    "--silent",
]  # fmt: skip


def index_site(site_dir: Path) -> None:
    """Index the built site's article bodies into site/pagefind/ (chunked, so readers fetch only what they need)."""
    pages = sorted(path.relative_to(site_dir) for path in site_dir.rglob("*.html"))
    pages = [page for page in pages if page.parts[0] != SEARCH_DIR]
    total = sum((site_dir / page).stat().st_size for page in pages)
    limit = int(os.environ.get(PART_BYTES_VARIABLE) or _HTML_BYTES_PER_PART)
    count = max(1, -(-total // limit))
    # Pages are dealt out by a hash of their path, so every part holds a similar mix of page kinds and
    # Pagefind's per-index word statistics, which rank the merged results, stay comparable.
    parts = [[page for page in pages if zlib.crc32(str(page).encode()) % count == index] for index in range(count)]
    output = site_dir / SEARCH_DIR
    names = [f"parts/{index}/" for index in range(1, count)]
    if count == 1:
        _run_pagefind(["--site", str(site_dir), "--output-path", str(output)])
    else:
        for index, part in enumerate(parts):
            _index_part(site_dir, part, output / names[index - 1] if index else output)
    (output / PARTS_FILE).write_text(json.dumps(names) + "\n", encoding="utf-8")  # fetched by the search box


def _index_part(site_dir: Path, pages: list[Path], output: Path) -> None:
    """Index some of the site's pages: Pagefind reads a folder, so they are hard-linked into one of their own."""
    with tempfile.TemporaryDirectory(prefix=".search-part-", dir=site_dir.parent) as folder:
        for page in pages:
            link = Path(folder) / page
            link.parent.mkdir(parents=True, exist_ok=True)
            os.link(site_dir / page, link)  # same file system as the site, so no copy; URLs stay the same
        _run_pagefind(["--site", folder, "--output-path", str(output)])


def _run_pagefind(arguments: list[str]) -> None:
    """Run the Pagefind indexer; a RuntimeError with its message when it fails."""
    command = [sys.executable, "-m", "pagefind", *arguments, *_OPTIONS]
    parent = os.getpid()
    result = subprocess.run(
        command, capture_output=True, text=True, check=False, preexec_fn=lambda: die_with_parent(parent)
    )
    if result.returncode != 0:
        raise RuntimeError(f"pagefind failed: {result.stderr.strip() or result.stdout.strip()}")
