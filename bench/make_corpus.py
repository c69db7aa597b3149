"""Make a synthetic yearbook of N parks × Y years that passes `yearbook check` (for scale benchmarks).

python bench/make_corpus.py OUT_DIR --parks 178 --years 20 --seed 1
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
HAND_WRITTEN = ("about.md", "guide.md", "assets/yearbook.js", "assets/yearbook-search.js", "assets/yearbook.css")
PROVINCES = {
    "东部": ["北京市", "天津市", "河北省", "上海市", "江苏省", "浙江省", "福建省", "山东省", "广东省", "海南省"],
    "中部": ["山西省", "安徽省", "江西省", "河南省", "湖北省", "湖南省"],
    "西部": ["内蒙古自治区", "广西壮族自治区", "重庆市", "四川省", "贵州省", "云南省", "陕西省", "甘肃省", "宁夏回族自治区", "新疆维吾尔自治区"],
    "东北": ["辽宁省", "吉林省", "黑龙江省"],
}  # fmt: skip
CITY_SYLLABLES = "安宁平江阳南昌泰兴华新长武汉成都东西海山临清丰和德顺庆嘉青北中河宜荆常福永"
THEMES = ["招商引资", "科技创新", "人才", "科技金融", "空间载体", "营商环境", "产业发展", "开放合作"]
FACT_PHRASES = [
    ("新增{x}个产业项目", "个"), ("引进科技型企业{x}家", "家"), ("建成标准厂房{x}万平方米", "万平方米"),
    ("新增发明专利授权{x}件", "件"), ("举办招商推介活动{x}场", "场"), ("引进博士人才{x}人", "人"),
    ("兑现扶持资金{x}万元", "万元"), ("新增孵化器{x}家", "家"), ("出让产业用地{x}亩", "亩"),
    ("帮助企业融资{x}亿元", "亿元"), ("新建人才公寓{x}套", "套"), ("完成技术改造项目{x}个", "个"),
]  # fmt: skip
FILLER = [
    "园区坚持以创新驱动发展为核心,持续优化营商环境,推动产业链、创新链、人才链深度融合。",
    "围绕主导产业开展精准招商,强化龙头企业带动作用,促进上下游配套企业集聚发展。",
    "深化“放管服”改革,推进政务服务事项集中办理,企业办事效率进一步提升。",
    "加快科技成果转化,支持企业建设研发机构,推动高校院所与企业开展产学研合作。",
    "完善园区基础设施和生活配套,提升产城融合水平,打造宜居宜业的现代化园区。",
    "加强安全生产和生态环境保护,推动绿色低碳发展,建设绿色智慧园区。",
]


def _park_names(count: int, rng: random.Random) -> list[str]:
    names: set[str] = set()
    while len(names) < count:
        names.add(rng.choice(CITY_SYLLABLES) + rng.choice(CITY_SYLLABLES))
    return sorted(names)


def _number(value: float) -> float | int:
    rounded = round(value, 2)
    return int(rounded) if rounded == int(rounded) else rounded


def make_corpus(out: Path, parks: int, years: int, seed: int) -> None:
    """Write a buildable project with synthetic data into `out`."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    (out / "data").mkdir(parents=True)
    shutil.copy(PROJECT / "mkdocs.yml", out / "mkdocs.yml")
    for relative in HAND_WRITTEN:
        (out / "docs" / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(PROJECT / "docs" / relative, out / "docs" / relative)
    for folder in ("site_templates", "generator"):
        (out / folder).symlink_to(PROJECT / folder)
    shutil.copy(PROJECT / "data" / "indicators.yaml", out / "data" / "indicators.yaml")
    catalogue = yaml.safe_load((PROJECT / "data" / "indicators.yaml").read_text(encoding="utf-8"))
    regions = [(region, province) for region, provinces in PROVINCES.items() for province in provinces]
    first_year = 2025 - years + 1
    for number, city in enumerate(_park_names(parks, rng)):
        park_id = f"park-{number:03d}"
        region, province = regions[number % len(regions)]
        park = {"id": park_id, "name": f"{city}高新技术产业开发区", "short_name": f"{city}高新区",
                "name_en": f"{city} Hi-tech Zone {number}", "province": province, "city": f"{city}市", "region": region}  # fmt: skip
        (out / "data/parks").mkdir(exist_ok=True)
        (out / f"data/parks/{park_id}.yaml").write_text(yaml.safe_dump(park, allow_unicode=True), encoding="utf-8")
        chosen = rng.sample(catalogue, k=rng.randint(10, 15))
        base = {entry["id"]: rng.uniform(5, 3000) for entry in chosen}
        for year in range(first_year, 2026):
            source_id = f"{park_id}-{year}-work-report"
            paragraphs, indicators, facts, targets = [], [], [], []
            for entry in chosen:
                base[entry["id"]] *= rng.uniform(0.95, 1.2)
                value = (
                    _number(base[entry["id"]]) if entry["unit"] not in ("家", "件", "人") else int(base[entry["id"]])
                )
                growth = _number(rng.uniform(-5, 25))
                hedge = rng.choice(["", "", "", "近", "超"])
                change = f"同比增长{growth}%" if growth >= 0 else f"同比下降{-growth}%"
                quote = f"{entry['name']}{hedge}{value}{entry['unit']},{change}"
                paragraphs.append(f"{rng.choice(FILLER)}{year}年,全区{quote}。{rng.choice(FILLER)}")
                indicator = {"id": entry["id"], "value": value, "unit": entry["unit"], "change_pct": growth,
                             "source": source_id, "quote": quote}  # fmt: skip
                if hedge:
                    indicator["qualifier"] = hedge
                indicators.append(indicator)
            for _ in range(30):
                phrase, unit = rng.choice(FACT_PHRASES)
                value = rng.randint(2, 900)
                text = phrase.format(x=value)
                paragraphs.append(f"{rng.choice(FILLER)}{text}。")
                facts.append({"theme": rng.choice(THEMES), "text": text, "figures": [{"value": value, "unit": unit}],
                              "source": source_id, "quote": text})  # fmt: skip
            for entry in chosen[:5]:
                goal = (
                    _number(base[entry["id"]] * 1.1)
                    if entry["unit"] not in ("家", "件", "人")
                    else int(base[entry["id"]] * 1.1)
                )
                quote = f"力争{entry['name']}达到{goal}{entry['unit']}以上"
                paragraphs.append(f"{year + 1}年,{quote}。{rng.choice(FILLER)}")
                targets.append({"for_year": year + 1, "indicator": entry["id"], "text": quote, "value": goal,
                                "unit": entry["unit"], "comparator": ">=", "source": source_id, "quote": quote})  # fmt: skip
            while sum(len(p) for p in paragraphs) < rng.randint(3000, 7000):  # 9–20 KB of UTF-8
                paragraphs.insert(rng.randrange(len(paragraphs)), "".join(rng.sample(FILLER, 3)))
            (out / "data/sources").mkdir(exist_ok=True)
            (out / f"data/sources/{source_id}.txt").write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
            source = {"id": source_id, "title": f"{city}高新区{year}年工作报告", "publisher": f"{city}高新区管委会",
                      "kind": "work-report", "published": f"{year + 1}-01-15", "park": park_id}  # fmt: skip
            (out / f"data/sources/{source_id}.yaml").write_text(
                yaml.safe_dump(source, allow_unicode=True), encoding="utf-8"
            )
            year_file = {"park": park_id, "year": year, "summary": f"{city}高新区{year}年主要指标稳步增长。",
                         "sources": [source_id], "indicators": indicators, "facts": facts, "targets": targets}  # fmt: skip
            (out / f"data/years/{park_id}").mkdir(parents=True, exist_ok=True)
            (out / f"data/years/{park_id}/{year}.yaml").write_text(
                yaml.safe_dump(year_file, allow_unicode=True, sort_keys=False), encoding="utf-8"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--parks", type=int, default=178)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    make_corpus(args.out, args.parks, args.years, args.seed)
    print(f"corpus: {args.parks} parks × {args.years} years in {args.out}")


if __name__ == "__main__":
    main()
