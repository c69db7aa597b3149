"""The site's navigation: region → province → park, then indicators, sources and pages (paths from kinds.py)."""

from __future__ import annotations

from markupsafe import escape

from generator.data.model import Yearbook
from generator.pages.kinds import path_of
from generator.pages.site_index import REGIONS


def site_nav(yearbook: Yearbook) -> list:
    """The MkDocs `nav` list for the yearbook; titles are HTML-escaped because the theme inserts them as HTML."""
    regions = []
    for region in REGIONS:
        parks = [p for p in yearbook.parks.values() if p.region == region]
        if not parks:
            continue
        provinces = []
        for province in sorted({p.province for p in parks}):
            entries = []
            for park in sorted((p for p in parks if p.province == province), key=lambda p: p.id):
                # A park's year pages are reached from its page and from each other (in_menu=False in kinds.py):
                # 20 years × 178 parks in every page's menu would triple each page and the build.
                entries.append({str(escape(park.short_name)): path_of("park", park=park.id)})
            provinces.append({str(escape(province)): entries})
        regions.append({region: provinces})
    indicators = [{str(escape(i.name)): path_of("indicator", indicator=i.id)} for i in yearbook.indicators.values()]
    return [
        {"首页": path_of("home")},
        {"园区": [path_of("parks"), *regions]},
        {"指标": [path_of("indicators"), *indicators]},
        # One source per report: thousands at scale, so they are reached from their index and the figures
        # that cite them, not listed in every page's navigation (in_menu=False in kinds.py).
        {"来源": path_of("sources")},
        {"数据下载": path_of("data")},
        {"关于": ["about.md", "guide.md"]},
    ]
