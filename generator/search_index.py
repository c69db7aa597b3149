"""The site's search index: Pagefind (extended build, Chinese segmentation), written beside the built pages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SEARCH_DIR = "pagefind"


def index_site(site_dir: Path) -> None:
    """Index the built site's article bodies into site/pagefind/ (chunked, so readers fetch only what they need)."""
    command = [
        sys.executable, "-m", "pagefind",
        "--site", str(site_dir),
        "--output-subdir", SEARCH_DIR,
        "--root-selector", "article",
        "--exclude-selectors", ".headerlink, .md-source-file, .yb-chart, .footnote-backref",
        "--force-language", "zh",
        "--silent",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"pagefind failed: {result.stderr.strip() or result.stdout.strip()}")
