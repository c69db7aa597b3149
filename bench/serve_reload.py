"""How long `yearbook serve` (mkdocs serve --dirty) takes to show an edit: run in a built corpus folder.

It drives MkDocs the way its dev server does (a fresh config per rebuild, `build(config, dirty=True)`), minus the
HTTP server and file watcher: one rebuild to warm up (the first build of a real `serve`), then an edit of a
summary and of a value (restored after), each timed. Prints one JSON object.

    python bench/serve_reload.py PARK YEAR      # in the corpus folder
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import _edit_value  # noqa: E402


def main(park: str, year: int) -> dict:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import generator.publish.plugin

    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # the dirty-build warning, once per rebuild
    generating = {"seconds": 0.0, "written": 0}
    generate = generator.publish.plugin.generate

    def timed_generate(*args, **kwargs):  # the plugin's preview calls this one
        started = time.perf_counter()
        generated = generate(*args, **kwargs)
        generating.update(seconds=time.perf_counter() - started, written=len(generated[0].written))
        return generated

    generator.publish.plugin.generate = timed_generate

    def rebuild() -> dict:
        started = time.perf_counter()
        build(load_config("mkdocs.yml", site_dir="site", strict=False), dirty=True)
        total = time.perf_counter() - started
        return {"total_s": round(total, 3), "generate_s": round(generating["seconds"], 3),
                "mkdocs_s": round(total - generating["seconds"], 3),
                "files_written": generating["written"]}  # fmt: skip

    load_config("mkdocs.yml", site_dir="site", strict=False).plugins.on_startup(command="serve", dirty=True)
    results = {"first_build": rebuild()}
    year_path = Path(f"data/years/{park}/{year}.yaml")
    original = year_path.read_bytes()
    try:
        text = original.decode("utf-8")
        year_path.write_text(re.sub(r"^summary: (.*)$", r"summary: \1(修订)", text, count=1, flags=re.M))
        results["edit_summary"] = rebuild()
    finally:
        year_path.write_bytes(original)
    results["summary_restored"] = rebuild()
    saved, description = _edit_value(Path("."), park, year)
    try:
        results["edit_value"] = {"edit": description, **rebuild()}
    finally:
        for path, data in saved.items():
            path.write_bytes(data)
    results["value_restored"] = rebuild()
    return results


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], int(sys.argv[2])), ensure_ascii=False))
