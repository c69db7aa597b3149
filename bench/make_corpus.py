"""Make a synthetic yearbook of N parks × Y years that passes `yearbook check`, for scale benchmarks.

    python bench/make_corpus.py OUT_DIR --parks 178 --years 20 --seed 1
    python -m generator --data OUT_DIR/data check

OUT_DIR becomes a buildable project copy: mkdocs.yml and the hand-written part of docs/ copied from the
repository, generator/ and site_templates/ linked (mkdocs.yml's `watch:` names them), and a generated
data/: the repository's indicator catalogue, one profile per park (real city names, provinces, regions),
and per park-year a work report (8–20 KB of Chinese prose with numbers) with its metadata and a year file
of 10–15 catalogue indicators (values that evolve year on year, 同比 that agrees with them, some hedged
with 近/超/以上/多…), about 30 themed facts and about 5 targets. Every quote is a verbatim passage of its
report and holds its numbers, so the checker passes. The same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import math
import random
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
LAST_YEAR = 2025
Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

# Parks: "name/city/pinyin" (city defaults to name + 市), by province, by the Torch yearbook's regions.
PARKS = {
    "东部": {
        "北京市": ["中关村/北京市/zhongguancun"],
        "天津市": ["天津滨海/天津市/tianjin-binhai"],
        "河北省": ["石家庄//shijiazhuang", "唐山//tangshan", "保定//baoding", "承德//chengde",
                  "燕郊/廊坊市/yanjiao", "邯郸//handan", "沧州//cangzhou"],
        "上海市": ["张江/上海市/zhangjiang", "紫竹/上海市/zizhu"],
        "江苏省": ["南京//nanjing", "苏州//suzhou", "无锡//wuxi", "常州//changzhou", "昆山/苏州市/kunshan",
                  "江阴/无锡市/jiangyin", "徐州//xuzhou", "武进/常州市/wujin", "泰州//taizhou-jiangsu",
                  "扬州//yangzhou", "镇江//zhenjiang", "南通//nantong", "连云港//lianyungang", "盐城//yancheng",
                  "常熟/苏州市/changshu", "宿迁//suqian", "淮安//huaian"],
        "浙江省": ["杭州//hangzhou", "宁波//ningbo", "绍兴//shaoxing", "温州//wenzhou", "衢州//quzhou",
                  "萧山临江/杭州市/xiaoshan-linjiang", "嘉兴//jiaxing", "莫干山/湖州市/moganshan",
                  "台州//taizhou-zhejiang", "金华//jinhua", "丽水//lishui"],
        "福建省": ["福州//fuzhou", "厦门火炬/厦门市/xiamen", "泉州//quanzhou", "漳州//zhangzhou", "莆田//putian",
                  "龙岩//longyan", "三明//sanming"],
        "山东省": ["济南//jinan", "青岛//qingdao", "淄博//zibo", "潍坊//weifang", "威海火炬/威海市/weihai",
                  "烟台//yantai", "济宁//jining", "临沂//linyi", "泰安//taian", "枣庄//zaozhuang",
                  "莱芜/济南市/laiwu", "德州//dezhou", "黄河三角洲/东营市/huanghe-delta", "日照//rizhao"],
        "广东省": ["广州//guangzhou", "深圳//shenzhen", "珠海//zhuhai", "惠州仲恺/惠州市/huizhou-zhongkai",
                  "中山火炬/中山市/zhongshan", "佛山//foshan", "松山湖/东莞市/songshanhu", "肇庆//zhaoqing",
                  "江门//jiangmen", "源城/河源市/yuancheng", "清远//qingyuan", "汕头//shantou", "湛江//zhanjiang",
                  "茂名//maoming"],
        "海南省": ["海口//haikou"],
    },
    "中部": {
        "山西省": ["太原//taiyuan", "长治//changzhi"],
        "安徽省": ["合肥//hefei", "芜湖//wuhu", "蚌埠//bengbu", "慈湖/马鞍山市/cihu", "铜陵狮子山/铜陵市/tongling",
                  "淮南//huainan", "安庆//anqing", "滁州//chuzhou"],
        "江西省": ["南昌//nanchang", "新余//xinyu", "景德镇//jingdezhen", "鹰潭//yingtan", "抚州//fuzhou-jiangxi",
                  "吉安//jian", "赣州//ganzhou", "共青城/九江市/gongqingcheng", "丰城/宜春市/fengcheng"],
        "河南省": ["郑州//zhengzhou", "洛阳//luoyang", "安阳//anyang", "南阳//nanyang", "新乡//xinxiang",
                  "平顶山//pingdingshan", "焦作//jiaozuo", "许昌//xuchang", "信阳//xinyang"],
        "湖北省": ["东湖/武汉市/wuhan-donghu", "襄阳//xiangyang", "宜昌//yichang", "孝感//xiaogan", "荆门//jingmen",
                  "随州//suizhou", "仙桃//xiantao", "咸宁//xianning", "黄冈//huanggang", "荆州//jingzhou",
                  "大冶湖/黄石市/daye-lake", "潜江//qianjiang"],
        "湖南省": ["长沙//changsha", "株洲//zhuzhou", "湘潭//xiangtan", "益阳//yiyang", "衡阳//hengyang",
                  "郴州//chenzhou", "常德//changde", "怀化//huaihua", "岳阳//yueyang"],
    },
    "西部": {
        "内蒙古自治区": ["包头稀土/包头市/baotou", "金山/呼和浩特市/hohhot-jinshan", "鄂尔多斯//ordos"],
        "广西壮族自治区": ["南宁//nanning", "桂林//guilin", "柳州//liuzhou", "北海//beihai"],
        "重庆市": ["重庆/重庆市/chongqing", "璧山/重庆市/bishan", "荣昌/重庆市/rongchang", "永川/重庆市/yongchuan"],
        "四川省": ["成都//chengdu", "绵阳//mianyang", "自贡//zigong", "乐山//leshan", "泸州//luzhou",
                  "攀枝花//panzhihua", "德阳//deyang", "内江//neijiang", "宜宾//yibin"],
        "贵州省": ["贵阳//guiyang", "安顺//anshun"],
        "云南省": ["昆明//kunming", "玉溪//yuxi", "楚雄/楚雄彝族自治州/chuxiong", "曲靖//qujing"],
        "西藏自治区": ["拉萨//lhasa"],
        "陕西省": ["西安//xian", "宝鸡//baoji", "杨凌/咸阳市/yangling", "渭南//weinan", "榆林//yulin",
                  "咸阳//xianyang", "安康//ankang"],
        "甘肃省": ["兰州//lanzhou", "白银//baiyin"],
        "青海省": ["青海/西宁市/qinghai"],
        "宁夏回族自治区": ["银川//yinchuan", "石嘴山//shizuishan"],
        "新疆维吾尔自治区": ["乌鲁木齐//urumqi", "昌吉/昌吉回族自治州/changji", "石河子/石河子市/shihezi"],
    },
    "东北": {
        "辽宁省": ["沈阳//shenyang", "大连//dalian", "鞍山//anshan", "营口//yingkou", "辽阳//liaoyang",
                  "本溪//benxi", "阜新//fuxin", "锦州//jinzhou"],
        "吉林省": ["长春//changchun", "吉林//jilin", "延吉/延边朝鲜族自治州/yanji", "通化//tonghua",
                  "净月/长春市/changchun-jingyue"],
        "黑龙江省": ["哈尔滨//harbin", "大庆//daqing", "齐齐哈尔//qiqihar"],
    },
}  # fmt: skip
SYLLABLES = "安宁平江阳南昌泰兴华新长武成东西海山临清丰和德顺庆嘉青北中河宜荆常福永"

# Typical ranges (at the first year) and yearly growth of catalogue indicators; others go by their unit.
RANGES = {
    "industrial_output_above_scale": (80, 3000), "industrial_value_added_above_scale": (20, 800),
    "software_info_services_revenue": (10, 800), "internet_software_revenue_above_scale": (5, 300),
    "gdp": (50, 2500), "fdi_actual": (0.3, 10), "fdi_contracted": (0.5, 20),
    "domestic_capital_introduced": (20, 500), "fixed_asset_investment": (30, 600),
    "general_public_budget_revenue": (5, 200), "district_general_budget_revenue": (2, 80),
    "fiscal_revenue_total": (10, 300), "industrial_tax": (3, 150), "export_total": (1, 200),
    "new_national_high_tech_enterprises": (10, 300), "national_high_tech_enterprises": (50, 3000),
    "patent_applications": (500, 20000), "patent_grants": (200, 10000), "key_project_investment": (20, 400),
    "new_listed_companies": (1, 8), "new_high_level_talents": (20, 2000),
}  # fmt: skip
UNIT_RANGES = {"亿元": (10, 1000), "亿美元": (0.5, 50), "家": (10, 500), "件": (100, 5000), "人": (10, 1000)}
COUNT_UNITS = ("家", "件", "人", "个", "项", "场", "套", "名")

# Prose vocabulary: enough variety that a search index sees realistic numbers of distinct words.
INDUSTRIES = [
    "集成电路", "新型显示", "生物医药", "新能源汽车", "高端装备制造", "新材料", "人工智能", "软件和信息服务",
    "智能制造", "光电子", "节能环保", "现代物流", "数字经济", "医疗器械", "锂电新能源", "光伏", "航空航天",
    "电子信息", "精细化工", "现代农业", "工业互联网", "大数据", "区块链", "氢能", "新型储能", "半导体",
    "检验检测", "文化创意", "跨境电商", "机器人", "智能网联汽车", "先进结构材料", "生物制造", "低空经济",
    "卫星互联网", "智能传感器", "北斗导航", "稀土功能材料", "中医药", "绿色建材", "智能家电", "轨道交通装备",
]  # fmt: skip
ACTIONS = [
    "加快", "推动", "深化", "强化", "完善", "优化", "提升", "实施", "落实", "健全", "构建", "培育", "壮大", "引导",
    "支持", "鼓励", "统筹", "聚焦", "夯实", "拓展", "创新", "规范", "持续推进", "全面落实", "大力发展", "积极稳妥推进",
]  # fmt: skip
OBJECTS = [
    "产业链供应链韧性", "区域创新生态", "一流营商环境", "土地要素保障", "科技成果转化机制", "企业梯度培育体系",
    "人才引育留用机制", "科技金融服务体系", "公共技术服务平台", "孵化载体建设", "招商引资工作机制",
    "项目全生命周期管理", "亩均效益综合评价", "园区数字化治理", "安全生产责任体系", "生态环境综合治理",
    "产城融合发展", "知识产权保护", "标准厂房建设", "政务服务效能", "国资国企改革", "对外开放合作",
    "重大项目谋划储备", "创新联合体建设", "首台套推广应用", "专精特新企业培育", "闲置低效用地盘活",
    "企业上市梯队", "研发费用加计扣除政策", "职业技能培训", "跨区域协同创新", "园区基础设施配套",
]  # fmt: skip
PLACES = [
    "北京", "上海", "深圳", "广州", "杭州", "苏州", "南京", "成都", "武汉", "西安", "合肥", "长三角", "珠三角",
    "粤港澳大湾区", "京津冀", "成渝地区", "日本", "德国", "新加坡", "台湾地区", "香港", "以色列",
]  # fmt: skip
COMPANY_WORDS = "华科创瑞达讯航宇芯光电智鑫联康泰源通盛捷信博美力天海微晶恒远云"
COMPANY_KINDS = ["科技", "电子", "生物", "新材料", "智能装备", "半导体", "信息技术", "医药", "能源", "精密"]
PRODUCTS = [
    "动力电池", "液晶面板", "智能传感器", "工业机器人", "光伏组件", "医用耗材", "功率半导体", "储能电池",
    "碳纤维复合材料", "伺服电机", "芯片封装测试", "服务器", "激光设备", "电子铜箔", "生物制剂", "数控机床",
]  # fmt: skip
SENTENCES = [
    "{act}{obj},{act2}{obj2}。",
    "围绕{ind}产业,{act}{obj},推动产业链上下游协同发展。",
    "坚持把{ind}作为主导产业,{act}龙头企业带动作用,集聚配套企业{n}家。",
    "{company}年产{n}万套{product}项目{stage}。",
    "{company}建成{ind}省级企业技术中心,研发投入同比增长{pct}%。",
    "赴{place}开展专题招商活动{n}场次,对接{ind}重点企业{n2}家。",
    "出台《关于{act}{ind}产业高质量发展的若干措施》,兑现各类扶持资金{money}万元。",
    "{act}“{slogan}”行动,{act2}{obj}。",
    "全年走访服务企业{n}家次,协调解决企业反映问题{n2}个,问题办结率{pct}%。",
    "新建{ind}中试基地和概念验证中心,服务企业{n}家。",
    "{company}成功登陆{board},募集资金{money2}亿元。",
    "与{place}高校院所共建{ind}研究院,引进研发团队{n}个。",
    "完成{n}个地块、{area}亩土地征收和平整工作,为项目落地提供保障。",
    "{act}“{slogan}”改革,企业开办时间压缩至{days}个工作日。",
    "{obj}取得新进展,{act}{obj2}。",
    "但也要清醒看到,{problem}。",
    "{company}获评国家级专精特新“小巨人”企业,{product}市场占有率居全国前列。",
    "推进{place}—{city}产业合作园建设,签约合作项目{n}个。",
    "启动建设{ind}产业园{phase}期,总建筑面积{hectare}万平方米。",
    "组织开展“{slogan}”系列活动{n}场,服务人才{n2}人次。",
]  # fmt: skip
STAGES = ["竣工投产", "开工建设", "主体完工", "进入设备安装阶段", "实现试生产", "签约落地"]
BOARDS = ["上交所科创板", "深交所创业板", "北交所", "上交所主板", "香港联交所"]
SLOGANS = [
    "放管服", "一网通办", "标准地+承诺制", "拿地即开工", "万人助万企", "科技副总", "揭榜挂帅", "链长制",
    "亩均论英雄", "双招双引", "企业服务日", "人才安居", "创新券", "数字化转型", "三服务", "最多跑一次",
]  # fmt: skip
PROBLEMS = [
    "产业规模总量不大,龙头企业带动作用有待增强", "科技创新能力仍显不足,高端人才供给不足",
    "土地、能耗等要素制约日益凸显", "招商引资竞争加剧,重大项目储备不足", "园区配套设施仍需完善",
    "部分企业生产经营困难,经济下行压力依然较大", "债务化解压力较大,财政收支平衡难度加大",
]  # fmt: skip
THEMES = ["招商引资", "科技创新", "人才引育", "产业发展", "科技金融", "空间载体", "营商环境", "开放合作"]
# Facts: (theme, quote template, the editor's wording, [(placeholder, unit, low, high)]).
FACTS = [
    ("招商引资", "全年共策划生成{a}个产业项目", "策划生成产业项目{a}个", [("a", "个", 20, 300)]),
    ("招商引资", "新签约项目{a}个,总投资{b}亿元", "新签约项目{a}个、总投资{b}亿元", [("a", "个", 10, 200), ("b", "亿元", 20, 900)]),
    ("招商引资", "引进亿元以上项目{a}个", "引进亿元以上项目{a}个", [("a", "个", 5, 80)]),
    ("招商引资", "举办招商推介活动{a}场", "举办招商推介活动{a}场", [("a", "场", 5, 120)]),
    ("招商引资", "新注册企业{a}家", "新注册企业{a}家", [("a", "家", 200, 9000)]),
    ("科技创新", "新增省级以上研发机构{a}家", "新增省级以上研发机构{a}家", [("a", "家", 3, 80)]),
    ("科技创新", "新增发明专利授权{a}件", "新增发明专利授权{a}件", [("a", "件", 50, 6000)]),
    ("科技创新", "全社会研发投入占GDP比重达{a}%", "研发投入强度{a}%", [("a", "%", 2, 9)]),
    ("科技创新", "技术合同成交额{a}亿元", "技术合同成交额{a}亿元", [("a", "亿元", 1, 300)]),
    ("科技创新", "新增科技型中小企业{a}家", "新增科技型中小企业{a}家", [("a", "家", 30, 2000)]),
    ("科技创新", "承担国家和省级科技计划项目{a}项", "承担国家和省级科技计划项目{a}项", [("a", "项", 5, 200)]),
    ("人才引育", "引进博士人才{a}人", "引进博士{a}人", [("a", "人", 5, 500)]),
    ("人才引育", "新增各类人才{a}人", "新增人才{a}人", [("a", "人", 500, 30000)]),
    ("人才引育", "新建人才公寓{a}套", "新建人才公寓{a}套", [("a", "套", 100, 5000)]),
    ("人才引育", "入选省级以上人才计划{a}人", "入选省级以上人才计划{a}人", [("a", "人", 3, 150)]),
    ("产业发展", "{ind}产业实现产值{b}亿元,增长{c}%", "{ind}产业产值{b}亿元", [("b", "亿元", 10, 900)]),
    ("产业发展", "新增规模以上工业企业{a}家", "新增规上工业企业{a}家", [("a", "家", 5, 120)]),
    ("产业发展", "完成技术改造项目{a}个", "完成技改项目{a}个", [("a", "个", 10, 300)]),
    ("产业发展", "产值超百亿元企业达到{a}家", "百亿元企业{a}家", [("a", "家", 1, 12)]),
    ("产业发展", "新增国家级专精特新“小巨人”企业{a}家", "新增国家级专精特新“小巨人”企业{a}家", [("a", "家", 1, 40)]),
    ("科技金融", "帮助企业融资{b}亿元", "帮助企业融资{b}亿元", [("b", "亿元", 1, 200)]),
    ("科技金融", "设立产业引导基金{a}支,基金规模{b}亿元", "设立产业引导基金{a}支、规模{b}亿元", [("a", "支", 1, 20), ("b", "亿元", 5, 300)]),
    ("科技金融", "兑现各类扶持资金{a}万元", "兑现扶持资金{a}万元", [("a", "万元", 500, 90000)]),
    ("科技金融", "发放科技贷款{b}亿元", "发放科技贷款{b}亿元", [("b", "亿元", 1, 120)]),
    ("空间载体", "建成标准厂房{b}万平方米", "建成标准厂房{b}万平方米", [("b", "万平方米", 2, 200)]),
    ("空间载体", "出让产业用地{a}亩", "出让产业用地{a}亩", [("a", "亩", 50, 6000)]),
    ("空间载体", "新增孵化器和众创空间{a}家", "新增孵化器和众创空间{a}家", [("a", "家", 1, 30)]),
    ("空间载体", "盘活闲置低效用地{a}亩", "盘活低效用地{a}亩", [("a", "亩", 20, 3000)]),
    ("营商环境", "为企业减税降费{b}亿元", "减税降费{b}亿元", [("b", "亿元", 0.5, 80)]),
    ("营商环境", "办理政务服务事项{a}件", "办理政务服务事项{a}件", [("a", "件", 1000, 90000)]),
    ("营商环境", "帮助企业解决用工{a}人", "帮助企业解决用工{a}人", [("a", "人", 200, 20000)]),
    ("开放合作", "实现进出口总额{b}亿元", "进出口总额{b}亿元", [("b", "亿元", 5, 2000)]),
    ("开放合作", "新设外资企业{a}家", "新设外资企业{a}家", [("a", "家", 3, 200)]),
    ("开放合作", "签订国际科技合作协议{a}项", "签订国际科技合作协议{a}项", [("a", "项", 1, 40)]),
]  # fmt: skip
PREFIX_HEDGES = ["近", "超", "超过", "约", "逾", "突破"]
# How a catalogue name says its firms are those above designated size (规模以上工业增加值), as the checker reads it.
ABOVE_SCALE = ("规模以上", "规上", "规模工业")
AMOUNT_VERBS = ["实现", "完成", "达到", "累计完成", ""]


def _number(value: float) -> float | int:
    """A value as reports write it: two decimals at most, integers without a decimal point."""
    rounded = round(value, 2)
    return int(rounded) if rounded == int(rounded) else rounded


def _text(value) -> str:
    return str(_number(value))


def _rounded(value: float) -> int:
    """A round figure, as hedged numbers are (近2100亿元, 超300家)."""
    digits = max(0, int(math.log10(max(value, 1))) - 1)
    return max(1, int(round(value, -digits)))


@dataclass
class ParkInfo:
    id: str
    name: str  # e.g. 东湖
    city: str
    province: str
    region: str
    pinyin: str


def _parks(count: int, rng: random.Random) -> list[ParkInfo]:
    everything = []
    for region, provinces in PARKS.items():
        for province, entries in provinces.items():
            for entry in entries:
                name, city, pinyin = entry.split("/")
                everything.append(ParkInfo(pinyin, name, city or f"{name}市", province, region, pinyin))
    chosen = rng.sample(everything, k=min(count, len(everything)))
    provinces = [(region, province) for region, ps in PARKS.items() for province in ps]
    names = {p.name for p in everything}
    while len(chosen) < count:  # more parks than the list: made-up cities
        name = rng.choice(SYLLABLES) + rng.choice(SYLLABLES)
        if name in names:
            continue
        names.add(name)
        region, province = rng.choice(provinces)
        number = len(chosen)
        chosen.append(ParkInfo(f"park-{number:03d}", name, f"{name}市", province, region, f"park {number}"))
    return sorted(chosen, key=lambda p: p.id)


class Prose:
    """Chinese work-report prose with numbers, from templates and word lists."""

    def __init__(self, rng: random.Random, park: ParkInfo):
        self.rng, self.park = rng, park
        self.companies = [self._company() for _ in range(rng.randint(25, 45))]

    def _company(self) -> str:
        rng = self.rng
        return f"{rng.choice(COMPANY_WORDS)}{rng.choice(COMPANY_WORDS)}{rng.choice(COMPANY_KINDS)}"

    def sentence(self) -> str:
        rng = self.rng
        return rng.choice(SENTENCES).format(
            act=rng.choice(ACTIONS), act2=rng.choice(ACTIONS), obj=rng.choice(OBJECTS), obj2=rng.choice(OBJECTS),
            ind=rng.choice(INDUSTRIES), n=rng.randint(2, 300), n2=rng.randint(2, 120), pct=rng.randint(5, 99),
            money=rng.randint(100, 50000), money2=_text(rng.uniform(1, 30)), company=rng.choice(self.companies),
            product=rng.choice(PRODUCTS), stage=rng.choice(STAGES), place=rng.choice(PLACES),
            slogan=rng.choice(SLOGANS), board=rng.choice(BOARDS), area=rng.randint(10, 3000), hectare=_text(rng.uniform(2, 80)),
            days=rng.randint(1, 5), problem=rng.choice(PROBLEMS), city=self.park.name, phase=rng.choice("一二三"),
        )  # fmt: skip

    def paragraph(self, sentences: int) -> str:
        return "".join(self.sentence() for _ in range(sentences))

    def around(self, quote: str) -> str:
        """A sentence holding the quote verbatim."""
        rng = self.rng
        lead = rng.choice(["", "", f"{rng.choice(ACTIONS)}{rng.choice(OBJECTS)},", "全年", "全区"])
        if lead == "全区" and quote.startswith(("高新区", "园区")):
            lead = ""  # 全区高新区总收入 would name a park 全区; the same draw, so the rest of the corpus is unchanged
        tail = rng.choice(["", "", f",{rng.choice(['较好完成年度目标', '创历史新高', '居全省前列', '超额完成计划'])}"])
        return f"{lead}{quote}{tail}。"


class ParkSeries:
    """One park's indicator values over the years: each indicator grows (or shrinks) year on year."""

    def __init__(self, rng: random.Random, catalogue: list[dict]):
        self.rng = rng
        self.chosen = rng.sample(catalogue, k=min(len(catalogue), rng.randint(10, 15)))
        self.values: dict[str, float] = {}
        self.trend = {entry["id"]: rng.uniform(0.02, 0.18) for entry in self.chosen}
        for entry in self.chosen:
            low, high = RANGES.get(entry["id"], UNIT_RANGES.get(entry["unit"], (1, 1000)))
            self.values[entry["id"]] = math.exp(rng.uniform(math.log(low), math.log(high)))

    def step(self) -> dict[str, tuple[float, float]]:
        """Next year's (value, growth in percent) per indicator, rounded the way reports write them."""
        result = {}
        for entry in self.chosen:
            previous = self.values[entry["id"]]
            growth = self.rng.gauss(self.trend[entry["id"]], 0.07)
            value = previous * (1 + growth)
            if entry["unit"] in COUNT_UNITS:
                value = max(1, round(value))
            else:
                value = _number(value) or 0.01
            self.values[entry["id"]] = value
            result[entry["id"]] = (value, round((value / previous - 1) * 100, 1))
        return result


def _hedged(item: dict) -> str:
    """An indicator entry's value as the summary writes it: with its hedge where the report put it."""
    qualifier, shown = item.get("qualifier"), f"{_text(item['value'])}"
    if qualifier == "多":
        return f"{shown}多{item['unit']}"
    if qualifier == "以上":
        return f"{shown}{item['unit']}以上"
    return f"{qualifier or ''}{shown}{item['unit']}"


def _careful(name: str, catalogue_name: str) -> str:
    """A name as careful reports write it: an alias that drops the catalogue name's scope stands with it again.

    A bare 工业增加值 is all industry's, not 规模以上工业增加值, and the checker refuses it where nothing before it
    names the firms above scale; the alias gives way to the catalogue's own name (the same draw, so the rest of a
    seed's corpus is unchanged).
    """
    scope = next((word for word in ABOVE_SCALE if catalogue_name.startswith(word)), None)
    return catalogue_name if scope is not None and name == catalogue_name.removeprefix(scope) else name


def _indicator_quote(rng: random.Random, entry: dict, value, change) -> tuple[str, dict]:
    """The report's wording of one indicator, and its year-file entry."""
    unit = entry["unit"]
    name = _careful(rng.choice([entry["name"]] * 3 + list(entry.get("aliases") or [])), entry["name"])
    qualifier, shown = None, _text(value)
    if rng.random() < 0.15:  # a hedged, round figure
        value = _rounded(value) if unit in COUNT_UNITS or value >= 10 else value
        shown = _text(value)
        kind = rng.choice(["prefix", "prefix", "以上"] + (["多"] if unit in COUNT_UNITS and value >= 20 else []))
        if kind == "prefix":
            qualifier = rng.choice(PREFIX_HEDGES)
            amount = f"{qualifier}{shown}{unit}"
        elif kind == "多":
            qualifier = "多"
            amount = f"{shown}多{unit}"
        else:
            qualifier = "以上"
            amount = f"{shown}{unit}以上"
        change = None if rng.random() < 0.5 else change
    elif unit.startswith("亿") and value < 1:  # small amounts stand in 万 in reports
        amount = f"{_text(value * 10000)}万{unit[1:]}"
    else:
        amount = f"{shown}{unit}"
    verb = rng.choice(AMOUNT_VERBS) if qualifier is None else ""
    if change is not None and rng.random() < 0.1:
        change = None
    if change is None:
        quote = f"{name}{verb}{amount}"
    elif change >= 0:
        phrase = rng.choice(["同比增长", "增长", "比上年增长", "同比增长"])
        quote = f"{name}{verb}{amount},{phrase}{_text(change)}%"
    else:
        phrase = rng.choice(["同比下降", "比上年下降", "同比减少"])
        quote = f"{name}{verb}{amount},{phrase}{_text(-change)}%"
    item = {"id": entry["id"], "value": _number(value), "unit": unit}
    if change is not None:
        item["change_pct"] = _number(change)
    if qualifier is not None:
        item["qualifier"] = qualifier
    return quote, item


def _fact(rng: random.Random, prose: Prose) -> tuple[str, dict]:
    theme, quote_template, text_template, slots = rng.choice(FACTS)
    values, figures, hedge = {}, [], None
    for slot, unit, low, high in slots:
        if unit in COUNT_UNITS or unit in ("亩", "场", "支", "万元"):
            value = rng.randint(int(low), int(high))
        else:
            value = _number(math.exp(rng.uniform(math.log(low), math.log(high))))
        values[slot] = value
        figures.append({"value": value, "unit": unit})
    ind = rng.choice(INDUSTRIES)
    growth = rng.randint(3, 40)
    quote = quote_template.format(ind=ind, c=growth, **{k: _text(v) for k, v in values.items()})
    text = text_template.format(ind=ind, **{k: _text(v) for k, v in values.items()})
    if len(slots) == 1 and slots[0][1] in COUNT_UNITS and rng.random() < 0.1:  # 超过500场, 20多家
        value = _rounded(values["a"])
        hedge = rng.choice(["超过", "近", "多"]) if value >= 20 else rng.choice(["超过", "近"])
        figures = [{"value": value, "unit": slots[0][1], "qualifier": hedge}]
        number = f"{value}多" if hedge == "多" else f"{hedge}{value}"
        quote = quote_template.replace("{a}", number).format(ind=ind)
        text = text_template.replace("{a}", number).format(ind=ind)
    return quote, {"theme": theme, "text": text, "figures": figures, "quote": quote}


def _target(rng: random.Random, year: int, series: ParkSeries) -> tuple[str, dict]:
    entry = rng.choice(series.chosen)
    unit, current = entry["unit"], series.values[entry["id"]]
    kind = rng.choice(["ge", "ge", "about", "growth", "plan", "long"])
    for_year = year + 1
    if kind == "growth":
        value = rng.randint(5, 20)
        quote = f"{entry['name']}增长{value}%左右"
        return quote, {"for_year": for_year, "indicator": None, "text": f"{entry['name']}增长约{value}%",
                       "value": value, "unit": "%", "comparator": "~", "quote": quote}  # fmt: skip
    if kind == "plan":
        value = rng.randint(10, 80)
        quote = f"全年计划安排重点项目{value}个"
        return quote, {"for_year": for_year, "indicator": None, "text": f"安排重点项目{value}个",
                       "value": value, "unit": "个", "comparator": "=", "quote": quote}  # fmt: skip
    factor = rng.uniform(1.05, 1.2) if kind != "long" else rng.uniform(1.4, 2.5)
    goal = current * factor
    goal = max(1, round(goal)) if unit in COUNT_UNITS else (_rounded(goal) if goal >= 10 else _number(goal))
    if kind == "long":
        for_year = year + 5
        quote = f"到{for_year}年,{entry['name']}力争突破{_text(goal)}{unit}"
        comparator, text = ">=", f"{for_year}年{entry['name']}突破{_text(goal)}{unit}"
    elif kind == "about":
        quote = f"{entry['name']}{_text(goal)}{unit}左右"
        comparator, text = "~", f"{entry['name']}约{_text(goal)}{unit}"
    else:
        quote = rng.choice(
            [f"力争{entry['name']}达到{_text(goal)}{unit}以上", f"{entry['name']}突破{_text(goal)}{unit}"]
        )
        comparator, text = ">=", f"{entry['name']}不低于{_text(goal)}{unit}"
    return quote, {"for_year": for_year, "indicator": entry["id"], "text": text, "value": _number(goal),
                   "unit": unit, "comparator": comparator, "quote": quote}  # fmt: skip


def _report(rng: random.Random, prose: Prose, park: ParkInfo, year: int, indicator_quotes, fact_quotes, target_quotes):
    """The report's paragraphs: indicators up front, facts in themed sections, targets in next year's plan."""
    short = f"{park.name}高新区"
    budget = rng.randint(8000, 20000)  # bytes of UTF-8 text
    head = [
        f"{short}{year}年工作总结和{year + 1}年工作计划",
        f"{year}年,在市委、市政府的坚强领导下,{short}坚持以科技创新为引领,{prose.paragraph(2)}",
        f"一、{year}年主要工作成效",
    ]
    indicator_paragraphs, pending = [], list(indicator_quotes)
    while pending:
        count = rng.randint(3, 5)
        chunk, pending = pending[:count], pending[count:]
        indicator_paragraphs.append(
            rng.choice(["主要经济指标稳中有进。", "经济运行总体平稳。", "", "综合实力持续增强。"])
            + "".join(prose.around(q) for q in chunk)
        )
    by_theme: dict[str, list[str]] = {}
    for theme, quote in fact_quotes:
        by_theme.setdefault(theme, []).append(quote)
    numerals = "一二三四五六七八九十"
    sections = []
    for number, (theme, quotes) in enumerate(sorted(by_theme.items())):
        paragraphs = []
        for index in range(0, len(quotes), 2):
            sentences = [prose.around(q) for q in quotes[index : index + 2]]
            sentences += [prose.sentence() for _ in range(rng.randint(1, 3))]
            rng.shuffle(sentences)
            paragraphs.append("".join(sentences))
        heading = f"({numerals[number % 10]}){rng.choice(ACTIONS)}{theme}工作,{rng.choice(OBJECTS)}取得新成效"
        sections.append([heading, *paragraphs])
    plan = [
        "二、存在的问题和不足",
        f"{year}年工作虽然取得了一定成绩,但也存在一些问题:{'；'.join(rng.sample(PROBLEMS, 3))}。",
        f"三、{year + 1}年工作思路和主要目标",
        f"{year + 1}年主要预期目标是:" + "".join(prose.around(q) for q in target_quotes),
    ]
    plan_sections = [[f"({numerals[n]}){rng.choice(ACTIONS)}{rng.choice(OBJECTS)}"] for n in range(rng.randint(3, 6))]

    def size() -> int:
        every = head + indicator_paragraphs + [p for s in sections for p in s] + plan
        every += [p for s in plan_sections for p in s]
        return sum(len(p.encode("utf-8")) + 1 for p in every)

    while size() < budget:  # pad with more prose, in the review and in next year's plan
        where = rng.choice(sections + plan_sections) if sections else rng.choice(plan_sections)
        where.append(prose.paragraph(rng.randint(2, 6)))
    return head + indicator_paragraphs + [p for s in sections for p in s] + plan + [p for s in plan_sections for p in s]


def _dump(data) -> str:
    return yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1000)


def copy_project(out: Path) -> None:
    """mkdocs.yml, the hand-written files of docs/, links to generator/, site_templates/ and overrides/."""
    sys.path.insert(0, str(PROJECT))
    from generator.pages.write import GENERATED  # what the generator owns in docs/; the rest is hand-written

    shutil.copy(PROJECT / "mkdocs.yml", out / "mkdocs.yml")
    docs = PROJECT / "docs"
    for path in sorted(docs.rglob("*")):
        relative = path.relative_to(docs).as_posix()
        if not path.is_file() or any(relative == root or relative.startswith(root + "/") for root in GENERATED):
            continue
        (out / "docs" / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, out / "docs" / relative)
    for folder in ("generator", "site_templates", "overrides"):  # overrides: mkdocs.yml's custom_dir
        link = out / folder
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(PROJECT / folder, target_is_directory=True)


def make_corpus(out: Path, parks: int, years: int, seed: int) -> dict:
    """Write a buildable project with synthetic data into `out` (replacing it); returns counts."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    for folder in ("data/parks", "data/sources", "data/years", "docs"):
        (out / folder).mkdir(parents=True)
    copy_project(out)
    catalogue_text = (PROJECT / "data" / "indicators.yaml").read_text(encoding="utf-8")
    (out / "data" / "indicators.yaml").write_text(catalogue_text, encoding="utf-8")
    catalogue = yaml.safe_load(catalogue_text)
    counts = {"parks": 0, "park_years": 0, "indicators": 0, "facts": 0, "targets": 0, "source_bytes": 0}
    first_year = LAST_YEAR - years + 1
    for park in _parks(parks, rng):
        short = f"{park.name}高新区"
        profile = {
            "id": park.id, "name": f"{park.name}高新技术产业开发区", "short_name": short,
            "name_en": f"{park.pinyin.replace('-', ' ').title()} Hi-tech Industrial Development Zone",
            "province": park.province, "city": park.city, "region": park.region,
            "national_since": rng.randint(1991, 2022),
            "description": f"{short}位于{park.province}{park.city},主导产业为{'、'.join(rng.sample(INDUSTRIES, 3))}。",
        }  # fmt: skip
        (out / f"data/parks/{park.id}.yaml").write_text(_dump(profile), encoding="utf-8")
        counts["parks"] += 1
        series = ParkSeries(rng, catalogue)
        prose = Prose(rng, park)
        (out / f"data/years/{park.id}").mkdir()
        for year in range(first_year, LAST_YEAR + 1):
            source_id = f"{park.id}-{year}-work-report"
            step = series.step()
            first = year == first_year
            indicator_quotes, indicators = [], []
            for entry in series.chosen:
                if rng.random() < 0.08:  # not every report gives every indicator
                    continue
                value, change = step[entry["id"]]
                quote, item = _indicator_quote(rng, entry, value, None if first and rng.random() < 0.5 else change)
                item.update(source=source_id, quote=quote)
                indicator_quotes.append(quote)
                indicators.append(item)
            fact_quotes, facts = [], []
            for _ in range(rng.randint(25, 35)):
                quote, item = _fact(rng, prose)
                item["source"] = source_id
                fact_quotes.append((item["theme"], quote))
                facts.append(item)
            target_quotes, targets = [], []
            for _ in range(rng.randint(4, 6)):
                quote, item = _target(rng, year, series)
                item["source"] = source_id
                target_quotes.append(quote)
                targets.append(item)
            paragraphs = _report(rng, prose, park, year, indicator_quotes, fact_quotes, target_quotes)
            text = "\n".join(paragraphs) + "\n"
            (out / f"data/sources/{source_id}.txt").write_text(text, encoding="utf-8")
            source = {
                "id": source_id, "title": paragraphs[0], "publisher": f"{short}管理委员会", "kind": "work-report",
                "published": f"{year + 1}-{rng.randint(1, 3):02d}-{rng.randint(1, 28):02d}",
                "reference": f"{park.id.upper()[:6]}-{year + 1}-{rng.randint(1, 99):03d}",
                "park": park.id, "covers": [year, year + 1],
            }  # fmt: skip
            (out / f"data/sources/{source_id}.yaml").write_text(_dump(source), encoding="utf-8")
            # The summary states proven numbers only, each with its entry's hedge (generator/data/prose.py).
            top = "、".join(f"{next(e['name'] for e in catalogue if e['id'] == i['id'])}{_hedged(i)}"
                            for i in indicators[:3])  # fmt: skip
            year_file = {
                "park": park.id, "year": year,
                "summary": f"{year}年,{short}{rng.choice(['经济运行稳中有进', '主要指标较快增长', '产业结构持续优化'])}:"
                f"{top};全年工作成果见分主题事实,并为{year + 1}年设定了目标。",
                "sources": [source_id], "indicators": indicators, "facts": facts, "targets": targets,
            }  # fmt: skip
            (out / f"data/years/{park.id}/{year}.yaml").write_text(_dump(year_file), encoding="utf-8")
            counts["park_years"] += 1
            counts["indicators"] += len(indicators)
            counts["facts"] += len(facts)
            counts["targets"] += len(targets)
            counts["source_bytes"] += len(text.encode("utf-8"))
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the project folder to write (replaced if it exists)")
    parser.add_argument("--parks", type=int, default=178, help="number of parks (default 178)")
    parser.add_argument("--years", type=int, default=20, help=f"years per park, ending {LAST_YEAR} (default 20)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    counts = make_corpus(args.out, args.parks, args.years, args.seed)
    print(
        f"corpus: {counts['parks']} parks, {counts['park_years']} park-years, {counts['indicators']} indicator "
        f"figures, {counts['facts']} facts, {counts['targets']} targets, "
        f"{counts['source_bytes'] / 1e6:.1f} MB of report text in {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
