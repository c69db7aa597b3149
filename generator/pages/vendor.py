"""The Vega, Vega-Lite and Vega-Embed bundle, served from the site itself (no CDN)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

BUNDLE_PATH = "assets/vendor/vega-bundle.js"
_CACHE = Path(__file__).resolve().parents[2] / ".cache"


@lru_cache(maxsize=1)
def vega_bundle() -> bytes:
    """The bundle from vl-convert, cached on disk per vl-convert version (bundling takes about a second)."""
    import vl_convert

    cached = _CACHE / f"vega-bundle-{vl_convert.__version__}.js"
    if cached.is_file():
        return cached.read_bytes()
    data = vl_convert.javascript_bundle().encode("utf-8")
    _CACHE.mkdir(exist_ok=True)
    cached.write_bytes(data)
    return data
