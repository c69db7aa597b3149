"""The published site's address, for absolute links in downloads and the sitemap."""

from __future__ import annotations

import os
from pathlib import Path

# A fork publishing elsewhere sets this variable (its CI from the Pages address); mkdocs.yml reads it too.
ENV = "YEARBOOK_SITE_URL"
CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"


def site_url(config: Path = CONFIG) -> str:
    """YEARBOOK_SITE_URL, else `site_url` of mkdocs.yml, ending in `/`; empty when neither gives one."""
    url = os.environ.get(ENV, "").strip()
    if not url and config.is_file():
        from mkdocs.utils.yaml import yaml_load  # reads mkdocs.yml's `!ENV` tags as MkDocs does

        with config.open(encoding="utf-8") as stream:
            url = str((yaml_load(stream) or {}).get("site_url") or "").strip()
    return url if not url or url.endswith("/") else url + "/"
