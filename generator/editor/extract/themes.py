"""The theme a fact is filed under, from the words of its clause, sentence and heading: one of the themes the guide
lists for editors (docs/guide.md), so that a draft files its facts where curated ones are."""

from __future__ import annotations

_BUILDING = (
    "项目", "开工", "竣工", "投产", "完成投资", "重点工程",  # projects
    "平方米", "亩", "厂房", "用地", "土地", "载体", "楼宇", "基础设施", "道路",  # land and buildings
    "学校", "医院", "住房", "民生", "社区", "教育", "公寓", "公租房", "幼儿园", "入学",  # schools, hospitals, housing
)  # fmt: skip
_THEMES = [
    ("党建", ("党建", "党组织", "党员", "党风", "廉政", "巡视", "巡察", "干部", "八项规定", "意识形态", "党工委")),
    ("招商引资", ("招商", "引进", "签约", "外资", "内资", "洽谈", "策划生成")),
    ("科技金融", ("金融", "基金", "贷款", "融资", "上市", "资本", "信贷", "担保", "挂牌", "放款", "专项债")),
    (
        "科技创新",
        ("专利", "创新", "研发", "科技", "孵化", "高新技术", "知识产权", "实验室", "技术中心", "研究中心", "成果"),
    ),
    ("人才", ("人才", "博士", "专家", "就业", "培训", "引才", "院士")),
    # Projects, land and buildings, and the park's schools, hospitals and housing are all the building of the park.
    ("园区建设", _BUILDING),
    ("营商环境", ("营商", "审批", "服务", "政策", "兑现", "减税", "退税", "奖励", "扶持", "惠企", "减免")),
    ("开放合作", ("合作", "金砖", "海外", "国际", "对台", "两岸", "台企", "出口", "外贸")),
    ("绿色低碳", ("绿色", "低碳", "零碳", "节能", "环保", "生态", "双碳")),
    ("安全生产", ("安全", "隐患", "应急")),
    ("产业发展", ("产业", "企业", "产值", "营收", "收入", "工业", "增加值", "税收", "经济", "落地", "生产总值", "GDP")),
]


_THE_ECONOMY = "经济运行"  # where no theme's word stands: the park's economy at large
THEMES = (*(name for name, _ in _THEMES), _THE_ECONOMY)


def theme(*texts: str) -> str:
    """The first theme whose words stand in the first text that has any, else 经济运行."""
    for text in texts:
        for name, words in _THEMES:
            if any(word in text for word in words):
                return name
    return _THE_ECONOMY
