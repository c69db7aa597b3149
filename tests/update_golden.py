"""Rewrite the golden pages (tests/golden/) from the real data: run after a deliberate change, then review the diff.

    .venv/bin/python -m tests.update_golden

The test that compares (tests/test_site.py::test_golden_page) never writes them.
"""

from __future__ import annotations

import sys
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden"
GOLDEN_PAGES = {  # generated page → its golden file
    "parks/xiamen-torch.md": "park-xiamen-torch.md",
    "parks/xiamen-torch/2016.md": "park-year-xiamen-torch-2016.md",
}


def main() -> int:
    from generator.data.pipeline import read_yearbook
    from generator.pages.render import render_site
    from tests.conftest import PROJECT

    files = render_site(read_yearbook(PROJECT / "data"))
    for page, name in sorted(GOLDEN_PAGES.items()):
        golden = GOLDEN / name
        changed = not golden.is_file() or golden.read_bytes() != files[page]
        golden.write_bytes(files[page])
        print(f"{golden.relative_to(PROJECT)}: {'rewritten' if changed else 'unchanged'} ({page})")
    print("review the change: git diff tests/golden/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
