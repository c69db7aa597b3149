"""Commented starting files for a new park or a new year, valid as written."""

from __future__ import annotations

PARK_TEMPLATE = """\
# yaml-language-server: $schema=../../schemas/park.schema.json
# A park's profile. The file name is the park's id: data/parks/{id}.yaml
id: {id}
name: {name}                # full official name, e.g. 厦门火炬高技术产业开发区
short_name: {short_name}          # how reports and readers call it, e.g. 厦门火炬高新区
name_en: {name_en}
province: {province}              # e.g. 福建省
city: {city}                  # e.g. 厦门市
region: {region}                 # 东部 | 中部 | 西部 | 东北 (Torch statistical yearbook groups)
# national_since: 1991      # year approved as a national high-tech zone
# description: …            # a short profile in your own words
"""

YEAR_TEMPLATE = """\
# yaml-language-server: $schema=../../../schemas/year.schema.json
# What {park} reported for {year}. The path is the identity: data/years/{park}/{year}.yaml
park: {park}
year: {year}
summary: null               # your own one-paragraph summary of the year
sources: [{source}]
# Catalogue indicators (data/indicators.yaml): value in the catalogue unit, quote verbatim from the source.
indicators: []
#  - id: industrial_output_above_scale
#    value: 2145.69
#    unit: 亿元
#    change_pct: 8.0         # 同比 growth in percent, where the report gives it
#    qualifier: null         # 约 | 近 | 超 | 预计 … where the report hedges the number
#    change_qualifier: null  # 约 | 超过 | 左右 … where the report hedges the growth (增长约8%)
#    source: {source}
#    quote: 规模以上工业总产值2145.69亿元,同比增长8%
# Other quantified statements, grouped by theme.
facts: []
#  - theme: 招商引资
#    text: 全年策划生成产业项目96个
#    figures: [{{value: 96, unit: 个}}]
#    source: {source}
#    quote: 全年共策划生成96个产业项目
# Goals for this year or a later one.
targets: []
#  - for_year: {next_year}
#    indicator: null         # a catalogue id where the goal is one, so it can be checked later
#    text: 全年高新区重点项目31个
#    value: 31
#    unit: 个
#    comparator: "="        # >= (以上/突破/超) | <= | ~ (左右/约) | =
#    source: {source}
#    quote: 全年高新区重点项目31个
"""


REGIONS = ("东部", "中部", "西部", "东北")


def _scalar(value: str) -> str:
    """A text as a one-line YAML scalar (quoted where YAML would read it otherwise)."""
    import yaml

    return yaml.safe_dump(value, allow_unicode=True, width=10**6).removesuffix("\n...\n").strip()


def park_file(
    park_id: str,
    name: str | None = None,
    short_name: str | None = None,
    name_en: str | None = None,
    province: str | None = None,
    city: str | None = None,
    region: str | None = None,
) -> str:
    """A new park's profile; fields not given are placeholders the checker refuses until they are filled in (the region
    too: a valid region written for the editor would pass unchecked)."""
    return PARK_TEMPLATE.format(
        id=park_id,
        name=_scalar(name or "待填写"),
        short_name=_scalar(short_name or "待填写"),
        name_en=_scalar(name_en or "To be filled in"),
        province=_scalar(province or "待填写"),
        city=_scalar(city or "待填写"),
        region=_scalar(region or "待填写"),
    )


def year_file(park: str, year: int, source: str) -> str:
    """A new, empty year file citing `source`, with commented examples of each entry."""
    return YEAR_TEMPLATE.format(park=park, year=year, source=source, next_year=year + 1)
