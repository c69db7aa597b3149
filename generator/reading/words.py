"""The words a report is read by, each list defined once: hedges, growth and decline, comparators, plans and goals,
changes, periods, parts of the park, abbreviations and units. The checker and the extractor both read with them."""

from __future__ import annotations

# --- hedges -------------------------------------------------------------------------------------------------------

# Hedge words as they stand before a number (longest first) or after it (多/余 also inside: 300多亿元).
PREFIX_HEDGES = (
    "预计突破", "预计超过", "预计", "将近", "接近", "近", "超过", "超", "约为", "约", "逾", "突破", "力争", "不足",
    "不到",
)  # fmt: skip
# The hedges that may also follow a unit: 100亿元以上, 5000万元左右.
AFTER_UNIT_HEDGES = ("以上", "左右", "上下")
# The hedges that may stand between a number and its multiplier or unit: 300多亿元, 50余家.
INNER_HEDGES = ("多", "余")
SUFFIX_HEDGES = (*AFTER_UNIT_HEDGES, *INNER_HEDGES)
# Every hedge an entry's qualifier may record.
QUALIFIERS = (
    "约", "近", "将近", "接近", "超", "超过", "逾", "预计", "突破", "以上", "左右", "多", "余", "预计突破", "预计超过",
    "力争", "约为", "不足", "不到", "上下",
)  # fmt: skip
# Words ending in 约 that are not the hedge 约 (about).
NOT_ABOUT = ("签约", "节约", "制约", "预约", "契约", "条约", "公约", "特约", "邀约", "合约", "履约", "违约", "集约")
# Words ending in 近 that are not the hedge 近 (nearly): 最近3年 is "the last three years".
NOT_NEAR = ("最近", "附近", "临近", "邻近", "靠近", "就近", "贴近", "亲近", "新近", "迫近")
# 预计 anywhere before the number in its sentence makes the number an estimate: 预计全年完成…, 预计主园区实现….
FORECAST = "预计"
# …but not past a clause that opens on the date its count was taken (预计营业总收入达3475亿元,截至2020年11月底有效发明
# 专利12500件): counted, not estimated.
AS_OF_A_DATE = r"截[至止](?:(?:19|20)\d\d年)?\d{1,2}月"
# Hedges of a round amount an exact one may follow: 超700亿元,达到713.4亿元.
ROUND_HEDGES = ("超过", "突破", "超", "逾", "近", "接近", "将近")

# --- comparators of a target ------------------------------------------------------------------------------------

# A target's words and the comparator they mean; a hedge in none of these (多, 余, 力争) says nothing of it.
COMPARATOR_WORDS = {
    ">=": ("以上", "突破", "超过", "超", "逾", "不低于", "不少于", "至少", "预计突破", "预计超过"),
    "<=": ("以内", "以下", "不超过", "不高于", "控制在", "不足", "不到"),
    "~": ("左右", "上下", "约为", "约", "近", "将近", "接近"),
}
BEFORE_ONLY = ("不低于", "不少于", "至少", "不超过", "不高于", "控制在")  # words that stand before a number only
AFTER_ONLY = ("以内", "以下")

# --- growth ---------------------------------------------------------------------------------------------------------

DECLINE_WORDS = ("下降", "减少", "下滑", "下跌", "回落", "降低", "萎缩", "降幅", "负增长", "减", "降")
GROWTH_WORDS = ("增长", "增速", "增幅", "上升", "提高", "提升", "增加", "同比", "比上年", "较上年", "增")
# The bases a growth is measured against, as they stand before its word: 比上年增长, 较去年同期下降; the first
# compare with the year before (同比).
YEAR_BEFORE_BASES = ("同比", "比上年同期", "比上年", "较上年", "比去年同期", "较去年同期", "比去年", "较去年")
GROWTH_BASES = (
    *YEAR_BEFORE_BASES,
    "按可比价格计算",
    "按不变价格计算",
    "按可比价计算",
    "按不变价计算",
    "可比价格",
    "可比价",
)
# Words that make a growth an average over years (年均增长8.5%, 两年平均增长7.9%), not the year's 同比.
AVERAGE_WORDS = ("年均", "平均")
# Words that make a percentage a share or a plan's completion, not growth: 占全市45%, 完成计划的104%.
SHARE_WORDS = ("占", "比重", "完成计划", "完成年度计划", "计划的", "占比")

# --- plans, goals, results ------------------------------------------------------------------------------------------

# Words before an amount in its clause that make it a plan, not an actual amount.
# What a figure must come to, an aim: LED工业产值要达到500亿元.
AIMS = ("要达到", "要实现", "要突破", "要超过")
PLAN_WORDS = (
    "计划", "目标", "预期", "力争", "争取", "规划",
    "有望",  # 有望达到170家: a hope, not a count
    *AIMS,
)  # fmt: skip
# An amount and the words closing its clause that make it a target's (提前完成年初制定的…6.7亿元的目标).
TARGET_CLOSING = r"[\d万亿元家个%％]的?(?:目标任务|目标|任务)$"
# Headings of a report's part that plans a later year, and of one that tells results.
PLAN_HEADINGS = (
    "打算", "安排", "思路", "展望", "蓝图", "工作计划", "主要目标", "目标任务", "工作要点", "下一步", "明年",
)  # fmt: skip
RESULT_HEADINGS = ("总结", "回顾", "成绩", "主要成效", "完成情况", "主要成绩", "工作成效", "运行情况")
# Words that tell a plan's completion: a heading 超额完成年度目标任务 reports results, though it names the goals.
COMPLETION_WORDS = ("完成", "超额", "圆满", "达成", "实现")

# --- verbs and subjects ---------------------------------------------------------------------------------------------

# Verbs that report an amount: 实现营收…, 完成投资….
REPORT_VERBS = ("实现", "完成", "达到", "取得", "共计", "累计")
# Verbs of a count of new ones: 新认定132家 (a change of a stock told with its object once).
NEW_VERBS = ("新认定", "新增", "新培育", "新引进")
# Every word that makes a stock's name a change of it: 净增国家高新技术企业 is not the stock.
CHANGE_VERBS = (*NEW_VERBS, "净增", "新晋", "增加", "减少", "净减", "新入选")
# Verbs a catalogue name may open on, the counted object inside it: 新增[3家]上市企业.
NAME_VERBS = ("新认定", "新引进", "新培育", "新签约", "新增", "引进", "累计", "培育", "认定", "完成")
# Words that open a clause carrying on the previous clause's subject: …,达到12.5亿美元.
CARRY_ON = (
    "达到", "达", "为", "共计", "合计", "总计", "总额达", "总额为", "总量达", "总量为", "规模达", "规模为", "金额达",
    "金额为", "具体为",
)  # fmt: skip
# Verbs of a change that reach a level, then 到/至: 由3.7亿元增长到2750亿元, 突破百亿、增至100.7亿.
REACH_STEMS = ("增长", "增加", "提高", "上升", "扩大", "发展", "跃升", "攀升", "增")  # 增 of 从360家增至1031家
REACH_VERBS = (*(stem + to for stem in REACH_STEMS for to in "到至"), "升至")
# Words that open a later clause giving a stock's total after a change of it: 新认定58家,累计达到312家.
TOTAL_WORDS = ("累计", "总数", "总量", "共有", "共计")
# Marks and words that list names or amounts: 地区生产总值、财政总收入分别为….
LIST_MARKS = "、和与及"
RESPECTIVELY = "分别"

# --- dates ---------------------------------------------------------------------------------------------------------

# Words after a number that make it a time, not an amount: 1月, 13日, 4号, 1月13讯, 第一季度, 16时.
TIME_UNITS = ("月", "日", "号", "讯", "季度", "时")

# --- names --------------------------------------------------------------------------------------------------------

# Abbreviations every Chinese report uses, each with its full form.
SHORT_FORMS = (
    ("规模以上", "规上"), ("规模以上", "规模"), ("国家高新技术企业", "国高企"), ("高新技术企业", "高企"),
    ("固定资产投资", "固投"),
    ("地区生产总值", "GDP"),
)  # fmt: skip
# Words reports write for the same thing inside a name: 研发投入占GDP比值 and R&D投入占GDP比重 are
# 研发投入占地区生产总值比重; 研究与试验发展 is R&D spelled out; a count of firms newly certified (新认定) is the
# count of new ones (新增).
SAME_WORDS = (("比重", "比值"), ("研发", "R&D"), ("研发", "研究与试验发展"), ("新增", "新认定"))

# Words that, standing inside a long name, make it another measure: 一般公共预算[税收]收入 is the tax part of the
# budget's revenue, not 一般公共预算收入; 规上工业[销售]产值 is the output sold, not the output; 高新技术[产业]企业 are
# the firms of high-tech industries, not the certified high-tech enterprises.
NOT_INSIDE_A_NAME = ("税", "利润", "出口", "进口", "外资", "外贸", "非", "销售", "产业")
# One stock board named between a verb and its name (新增[创业板]上市企业6家): that board's listings, a part of the
# year's new listings.
ONE_BOARD = ("创业板", "科创板", "中小板", "北交所", "主板")
# Words that make the name after them a part of the measure or another one: 工业固定资产投资, 人均GDP,
# 一般公共预算税收收入 (the budget's taxes, not all taxes collected), 规上工业总产值 (not all industry's), 自营出口
# (exports under the firms' own trading rights), 加工贸易产品出口 (one trade mode's, one product group's).
PART_PREFIXES = (
    "工业", "民间", "制造业", "房地产", "基础设施", "技改", "高技术产业", "高新技术产业", "高新技术产品",
    "机电产品", "服务业", "第一产业", "第二产业", "第三产业", "软件", "外商", "国有", "民营", "片区",
    "每万人", "万人", "每万人拥有", "万人拥有", "每万人口", "万人口", "人均", "地均", "单位面积",
    "规模以上", "规上", "预算", "产业",
    "高价值",  # 高价值发明专利拥有量: the high-value patents only, a part of all
    "自营", "产品", "贸易", "保税区", "综保区",
    "申报",  # 申报高企: firms applying, not certified
    "国际", "PCT",  # PCT国际专利申请: filings under the treaty, a part of all patent applications
    "发明", "实用新型", "外观设计",  # 发明专利授权1938件: one kind of patent, a part of the grants of every kind
    "合同",  # 合同外商直接投资: the investment contracted, not the investment paid in
    "省外",  # 省外实际到位内资: capital from outside the province only, a part of that from outside the city
)  # fmt: skip

# 全部 before a name whose catalogue measure is the firms' above scale names all firms' (全部工业增加值, not 规模以上
# 工业增加值); before any other name it is the whole measure (全部营业收入, 全部工业总产值).
ALL_FIRMS = "全部"

# 地方 before an all-in fiscal measure names the local share of it (地方财政总收入, 地方税收收入), a part; before
# 一般公共预算收入, a local level's revenue by definition, it names the measure itself.
LOCAL_SHARE = "地方"
ALL_IN_FISCAL = ("财政总收入", "财税总收入", "全部财政收入", "税收收入", "税收总收入")

# --- parts of the park ------------------------------------------------------------------------------------------

# Words that name a part of a park rather than the whole: a figure of the 主园区 is not the park's figure.
SCOPE_WORDS = (
    "主园区", "核心园区", "核心区", "拓展区", "辐射区", "分园区", "分园", "园区本部", "本部园区", "主园",
    "区属", "区本级",  # the part the park's own government runs, beside the whole area it counts (一区多园)
    "综合保税区", "综保区", "保税区",  # a customs zone inside the park (成都高新综合保税区)
    "产业带",  # 中关村北部产业带: a belt of the park's land, a part of it
)  # fmt: skip
# Words that tell the whole year (全年完成…, 年末…): no part of it.
WHOLE_YEAR_WORDS = ("全年", "年末", "年底", "全年度")
# Words for the park as a whole, not a part of it.
WHOLE_PARK = (
    "园区", "全区", "全园", "高新区", "开发区", "本园区", "全园区", "高新园区", "高新园", "工业园", "科技园",
    "我园", "本园", "我园区",  # the park writing of itself
)  # fmt: skip

# --- cells and units ----------------------------------------------------------------------------------------------

# The marks of a cell a table leaves empty.
MISSING_CELLS = ("--", "—", "——", "-", "－", "…", "/", "－－")
# Counting words reports use interchangeably with a catalogue unit (699名人才 is 699 人).
UNIT_SYNONYMS = {"人": ("名", "位"), "家": ("户",), "元": ("人民币",)}  # 82.92亿人民币 is 亿元

# Units as reports write them after a number (the drafts' units, and the prose's).
UNIT_WORDS = (
    "亿元", "万元", "千元", "元", "人民币", "亿美元", "万美元", "美元", "亿欧元", "万欧元", "万平方米", "平方米",
    "平方公里", "平方千米", "公里", "千米", "米", "万亩", "亩", "公顷", "万吨", "吨", "个百分点", "%", "‰",
    "家次", "人次", "万人次", "万人", "人", "名", "位", "户", "家", "个", "项", "件", "套", "条", "场", "次",
    "台", "座", "所", "批", "款", "支", "只", "张", "辆", "栋", "幢", "层", "期", "种", "类", "篇", "部", "处",
    "份", "轮", "倍", "万平方", "平方", "万千瓦", "千瓦", "兆瓦", "千瓦时", "度", "宗", "间", "块", "例", "枚",
    "起", "艘", "架", "根", "万标箱", "标箱", "小时", "天", "周", "个月", "方面",
)  # fmt: skip
