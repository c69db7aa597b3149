"""A page in English read in the reading's own words: a park's English site, a daily's English edition.

Such a page tells the same figures in English phrases: the region's GDP reached 22.83 billion yuan, an increase of 6.4%
year-on-year. The phrases of figures (names of measures, amounts in billion yuan, growths, hedges, years, parts of the
year, the park itself) become the Chinese words the reading already reads (地区生产总值达到228.3亿元,同比增长6.4%), and
every other word is left out, so the checker and the drafts read an English quote as they read a Chinese one. Each
character of that form remembers where it came from, so a draft cuts its quote from the page as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from generator.reading.script import LATIN_SCRIPT, other_language
from generator.reading.text import space_kept, spaces
from generator.reading.words import PREFIX_HEDGES

# Measures as English pages name them, each with the Chinese name the reading knows it by. Longer phrases win over
# the shorter ones inside them (national tax revenue is not tax revenue; exports is not import and export).
_ABOVE_SCALE = (
    r"(?:(?:of (?:the )?)?(?:(?:industrial )?enterprises |industries |industry )?"
    r"above (?:the |a )?designated (?:size|scale)s?|"
    r"(?:from |of )?(?:the )?(?:industrial )?enterprises (?:with|of) (?:the )?designated (?:size|scale) "
    r"(?:or|and) above)"
)
# Firms above the designated size told before their noun (the added value of scale-sized industries).
_SIZED = r"(?:scale-sized|above-scale|above-designated-size|designated-size)"
# The zone named inside a measure's name (the output value of the zone's industrial enterprises above designated size).
_THE_ZONES = r"(?:(?:the )?(?:zone|park|district)(?:'s|’s) )?"
# Words shared by measures' names and the phrases around them.
_NEWLY = r"new(?:ly)? (?:added |recogni[sz]ed |certified |identified )?"  # new high-tech enterprises of the year
_RD = r"(?:r&d|research and development)"
_RD_SPENDING = rf"{_RD} (?:expenditure|spending|investment|input)s?"
MEASURES: tuple[tuple[str, str], ...] = (
    (rf"(?:gross |total )?industrial output(?: value)?(?: {_ABOVE_SCALE})", "规模以上工业总产值"),
    (
        rf"(?:gross |total )?(?:output )?value of {_THE_ZONES}(?:industr(?:y|ies|ial enterprises|ial companies)|"
        rf"manufacturers) "
        rf"{_ABOVE_SCALE}",
        "规模以上工业总产值",
    ),  # fmt: skip
    (rf"industrial (?:added value|value[- ]added)(?: {_ABOVE_SCALE})", "规模以上工业增加值"),
    # Industrial value added with no size named: 工业增加值, as the Chinese reports write it.
    (r"(?:total )?industrial (?:added value|value[- ]added)(?! of)", "工业增加值"),
    (
        rf"(?:added value|value[- ]added) of {_THE_ZONES}industr(?:y|ies|ial enterprises) {_ABOVE_SCALE}",
        "规模以上工业增加值",
    ),
    (
        rf"(?:(?:added value|value[- ]added) of (?:the )?{_SIZED} industr(?:y|ies)|"
        rf"{_SIZED} industr(?:y|ies)(?:'s|’s)? (?:added value|value[- ]added))",
        "规模以上工业增加值",
    ),
    (
        rf"(?:(?:gross |total )?output value of (?:the )?{_SIZED} industr(?:y|ies)|"
        rf"{_SIZED} industr(?:y|ies)(?:'s|’s)? (?:gross |total )?output value)",
        "规模以上工业总产值",
    ),
    (
        r"(?:gross |total )?industrial (?:output|production)(?: value)?|"
        r"(?:gross |total )?output value of (?:the )?industr(?:y|ies)",
        "工业总产值",
    ),
    (r"(?:regional )?gross (?:domestic|regional) product(?: \(gdp\))?", "地区生产总值"),
    (r"gdp", "地区生产总值"),
    (r"(?:total )?investments? in fixed assets|fixed[- ]asset investments?", "固定资产投资"),
    (r"(?:total )?retail sales of consumer goods", "社会消费品零售总额"),
    (
        r"(?:total )?(?:foreign trade )?(?:imports? and exports?|exports? and imports?)(?: (?:volume|value)s?)?",
        "进出口总额",
    ),
    (
        r"(?:the )?(?:total )?(?:volume|value) of (?:total )?(?:imports? and exports?|exports? and imports?)",
        "进出口总额",
    ),
    (r"(?:total )?foreign trade (?:volume|value)", "进出口总额"),
    (r"(?:total )?(?:foreign trade )?exports?(?: (?:volume|value)s?)?", "出口总额"),
    (
        r"actual (?:utili[sz]ation|use) of foreign (?:investment|capital)|actual foreign (?:investment|capital)|"
        r"(?:actually )?utili[sz]ed (?:fdi|foreign direct investment)|actual(?:ly utili[sz]ed)? fdi|"
        r"(?:the amount of )?foreign capital in actual use|"
        r"actual(?:ly)? (?:use of|utili[sz]ed|used) foreign (?:investment|capital)|foreign (?:investment|capital) "
        r"actually (?:utili[sz]ed|used)|paid-in foreign (?:investment|capital)|"
        # utilized foreign capital of US$560 million: the amount put to use (利用外资), as against contracted
        r"(?<!contracted )utili[sz]ed foreign (?:capital|investment|funds)|"
        r"foreign (?:capital|investment|funds) (?:utili[sz]ed|put (?:in)?to use)|actual foreign direct investment",
        "实际利用外资",
    ),
    (
        r"(?:new approvals for )?foreign investment in contractual contracts|contract(?:ual|ed) foreign "
        r"(?:investment|capital)",
        "合同利用外资",
    ),
    (
        r"actual(?:ly)? (?:use of|utili[sz]ed|used) domestic (?:investment|capital)|domestic (?:investment|capital) "
        r"actually (?:utili[sz]ed|used)",
        "实际利用内资",
    ),
    (r"national tax revenues?", "国税收入"),
    (r"industrial and commercial tax revenues?", "工商税收"),
    (r"local tax revenues?", "地税收入"),
    (r"(?:total )?tax revenues?", "税收收入"),
    (
        r"(?:local )?general public budget(?:ary)? revenues?|(?:local )?(?:general )?budget(?:ary)? revenues?|"
        r"(?:local )?public financ(?:e|ial) budget(?:ary)? revenues?|local public financ(?:e|ial) (?:income|revenues?)|"
        r"(?:the )?revenues? (?:in|of|from) the (?:general )?public (?:finance )?budget",
        "地方一般公共预算收入",
    ),  # fmt: skip
    (r"(?:total )?(?:operating|business) (?:revenue|income)s?", "营业收入"),
    # 技工贸总收入, the name of 营业收入 before 2008 or so: the income of technology, industry and trade
    (
        r"(?:total )?(?:technolog(?:y|ical)|technical),? ?(?:industr(?:y|ial)),? ?(?:and )?(?:trade|commerc(?:e|ial)) "
        r"(?:income|revenue)s?|(?:total )?(?:income|revenue)s? of technology,? ?industry,? ?(?:and )?trade",
        "技工贸总收入",
    ),
    (r"total (?:revenue|income)s? (?:for|of) (?:all )?(?:businesses|enterprises|companies)", "营业收入"),
    # The revenue of a zone's firms, told as theirs (revenue from the zone's enterprises, enterprises' revenue) or
    # as the zone's own with no other kind named (the zone's revenue; it generated revenue of): 营业收入. Fiscal,
    # tax and budget revenues are named so, and their names are read longer or stand before it.
    (
        rf"(?:sales )?revenues? (?:of|from) (?:the )?{_THE_ZONES}(?:enterprises|companies|firms)"
        r"|(?:enterprises|companies|firms)(?:'|’) (?:total |annual |operating |sales )?revenues?"
        r"|(?:(?<=zone's )|(?<=zone’s )|(?<=park's )|(?<=park’s )|(?<=its )|(?<=generated )|(?<=posted )|"
        r"(?<=achieved )|(?<=realized )|(?<=realised )|(?<=reported )|(?<=with )|(?<=registered )|(?<=recorded )|"
        r"(?<=earned ))(?:annual |sales )?revenues?"
        # …nor the sales of one kind of goods (sales revenue of high-tech products: 高新技术产品销售收入)
        r"(?! (?:of|from|in) (?:the )?(?:fiscal|tax|budget|public|government|(?:[a-z-]+ )?products))"
        # the annual income of a zone (its firms', once per capita and residents' incomes are read as theirs)
        r"|(?<=annual )(?<!average annual )(?:total )?income",
        "营业收入",
    ),  # fmt: skip
    # A zone's total revenue is its firms' (营业总收入): fiscal, tax and budget revenues are named so and read longer.
    (r"total (?:revenue|income)s?(?! (?:of|from|in) (?:the )?(?:fiscal|tax|budget|public|government))", "营业总收入"),
    (r"total (?:fiscal|financial|finance) (?:revenues?|income)", "财政总收入"),
    (r"main business (?:revenue|income)s?", "主营业务收入"),
    (r"patent applications?|applications? for patents", "专利申请量"),
    (
        r"patents? (?:were |was |have been |had been )?(?:granted|authori[sz]ed)|(?:granted|authori[sz]ed) patents?|"
        r"patent (?:grants?|authori[sz]ations?)",
        "专利授权量",
    ),
    # Firms newly set up (the newly-launched high-tech enterprises will exceed 10,000): start-ups, no certified count.
    (
        r"newly[- ](?:launched|founded|established|set[- ]up|registered|started) (?:national(?:-level)? )?"
        r"high[- ]tech (?:enterprises|companies|firms)",
        "新创办科技企业",
    ),
    # New ones of the year (added 120 new high-tech enterprises; 210 newly recognized national high-tech firms).
    (
        rf"{_NEWLY}national(?:-level)? high[- ]tech (?:enterprises|companies|firms)",
        "新增国家高新技术企业",
    ),
    (
        rf"{_NEWLY}high[- ]tech (?:enterprises|companies|firms)",
        "新增高新技术企业",
    ),
    (r"national(?:-level)? high[- ]tech (?:enterprises|companies|firms)", "国家高新技术企业"),
    (
        r"(?:(?:science and )?technology|sci-tech|tech)[- ]based (?:small and medium(?:[- ]sized)? "
        r"(?:enterprises|companies|firms)|smes)",
        "科技型中小企业",
    ),
    # Small and medium-sized firms of every kind: no measure of the catalogue, but one name of a list (the number of
    # small and medium-sized enterprises and high-tech enterprises were 1,323 and 2,931 respectively).
    (r"small and medium(?:[- ]sized)? (?:enterprises|companies|firms)|smes", "中小企业"),
    (r"high[- ]tech (?:enterprises|companies|firms)", "高新技术企业"),
    (
        rf"{_RD_SPENDING}|(?:total )?(?:investment|spending|expenditure)s? (?:in|on) {_RD}",
        "R&D经费支出",
    ),
    # The catalogue's other measures as its English names and the dailies word them.
    (r"r&d (?:investment |spending |expenditure )?intensity", "研发投入强度"),
    (r"net profits?", "净利润"),
    (r"(?:total )?taxes and fees paid", "上缴税费"),
    # 有效 is "valid" or, word for word, "effective": 2230 effective invention patents.
    (r"(?:valid|effective) invention patents?|invention patents? (?:in force|held)", "有效发明专利"),
    (
        r"(?:total )?(?:revenues?|income) (?:of|from|in) (?:the )?software and information (?:technology )?services?"
        r"(?: industry)?|software and information (?:technology )?services? (?:industry )?(?:revenues?|income)",
        "软件和信息服务业营业收入",
    ),
    (r"(?:total )?(?:revenues?|income) (?:of|from) software and service outsourcing", "软件和服务外包收入"),
)

# The park itself, other places, and what follows a name's amount.
_PARK = (
    r"(?:the )?(?-i:[A-Z][A-Za-z'’]*[ -])*?(?:national )?hi(?:gh)?[- ]?tech(?:nology)? (?:industrial |industry )?"
    r"(?:development )?(?:zone|park|district)|(?:the )?(?-i:[A-Z][A-Za-z'’]* )+(?-i:New (?:District|Area))|"
    r"the (?:(?:development|high-tech|hi-tech|industrial) )*(?:zone|park|district|area|region)|"
    r"our (?:zone|park|district)|"
    r"(?:the )?(?-i:[A-Z][a-z]+ )?(?-i:[A-Z]{0,3}H[A-Z]{0,3}Z)|"
    r"(?:the )?(?-i:[A-Z][a-z]+) Valley of China|(?:the )?Optics Valley"
)  # Zhuhai HIDZ, HTZ: the zone's initials; a zone's brand, the Optics Valley of China (光谷); fmt: skip
# One kind of firm (the zone's leading companies, foreign-funded enterprises): its measures are a part of the park's, as
# 龙头企业实现工业总产值 is in Chinese (names._A_KIND_OF_FIRM).
_KINDS_OF_FIRMS = (
    (r"leading|backbone|flagship", "龙头企业"),
    (r"key|major|top(?:[- ]?\d+| ten| 10| 100)?", "重点企业"),
    (r"large(?:-sized)?|big", "大型企业"),
    (r"foreign[- ](?:funded|invested)", "外资企业"),
    (r"private(?:ly[- ]owned)?", "民营企业"),
    (r"state-owned", "国有企业"),
)
_PLACES = ((r"the (?:whole )?city(?:'s|’s)?", "全市"), (r"the (?:whole )?province(?:'s|’s)?", "全省"))
# An industry named at a sentence's opening (In the services sector, …; Manufacturing accounted for …): the sentence's
# measures are that industry's, as 服务业营业收入 is a part of the park's 营业收入.
_SECTORS = (
    (r"(?:the )?(?:services?|tertiary) (?:sector|industry|industries)|service enterprises", "服务业"),
    (r"(?:the )?manufacturing(?: (?:sector|industry|industries))?", "制造业"),
    (r"(?:the )?(?:high|hi)[- ]tech(?:nology)? (?:industry|industries|sector)", "高新技术产业"),
    (r"(?:the )?strategic (?:and )?emerging industr(?:y|ies)", "战略性新兴产业"),
    (r"(?:the )?financ(?:e|ial) (?:sector|industry)", "金融业"),
    (r"(?:the )?industrial sector|industry", "工业"),
)
_SECTOR_OPENING = re.compile(
    r"(?:(?:notably|additionally|moreover|meanwhile|besides|also|in addition|among them),? ?)?"
    rf"(?:in (?:terms of )?|as for |for )?(?P<sector>{'|'.join(f'(?:{pattern})' for pattern, _ in _SECTORS)})"
    r"(?![a-z-])(?! (?:industrial )?(?:development )?(?:zone|park|district|area))",
    re.IGNORECASE,
)
_SECTOR_WORDS = tuple((re.compile(pattern, re.IGNORECASE), chinese) for pattern, chinese in _SECTORS)
# Words before a measure that make it a part or another measure, as the Chinese words do (names.part_prefix):
# per square kilometer GDP is 地均 GDP; industrial GDP is industry's part (once the measures with industrial in their
# names are read).
_PREFIXES = (
    (r"per capita(?![a-z])", "人均"),
    (r"(?:the )?(?:high-tech )?(?:comprehensive |integrated )?bonded(?: (?:zone|area))?(?![a-z])", "综合保税区"),
    (r"per (?:square kilomet(?:er|re)|sq\.? ?km)(?![a-z]),?", "地均"),
    (r"industrial(?![a-z])", "工业"),
)

# The currency written before an amount: RMB 10 billion, US$98 million, ¥180 billion.
_CURRENCY_BEFORE = r"(?:rmb|cny|us\$|usd|\$|¥|￥)"
_MAGNITUDES = {"trillion": Decimal("1e12"), "billion": Decimal("1e9"), "bn": Decimal("1e9"), "bln": Decimal("1e9"),
               "million": Decimal("1e6"), "mln": Decimal("1e6"), "thousand": Decimal("1e3")}  # fmt: skip
_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_AMOUNT = re.compile(
    rf"(?P<before>{_CURRENCY_BEFORE})? ?(?P<number>{_NUMBER}) ?-?"
    r"(?P<magnitude>(?:100|one hundred|a hundred|hundred) ?million|trillion|"
    r"billion|bln|bn|million|mln|thousand)?-?"
    # 143 billion 650 million yuan: a machine translation's 1436.5亿元, the second part a smaller magnitude
    rf"(?: ?(?P<more>{_NUMBER}) ?(?P<more_magnitude>million|thousand))?"
    r"(?: ?(?P<after>yuan|rmb|u\.?s\.? ?dollars|dollars|usd))?(?![a-z])",
    re.IGNORECASE,
)
_PERCENT = re.compile(rf"(?P<number>{_NUMBER}) ?-?(?:%|percent|per cent)(?:age points?)?", re.IGNORECASE)
_UP = (r"(?:a |an |with a )?(?:year-on-year |yoy |annual |comparable price )?(?:increase|rise|growth|jump|gain)"
       r"(?: rate)?(?: of| by)?|"
       r"(?:up|grew|grows|growing|rose|rising|increased|increasing|climbed|jumped|gained|surged|soared|expanded)"
       r"(?: by)?")  # fmt: skip
_DOWN = r"(?:a |an )?(?:year-on-year |yoy )?(?:decrease|decline|drop|fall)(?: of| by)?|" \
        r"(?:down|fell|dropped|declined|decreased|decreasing)(?: by)?"  # fmt: skip
_BEFORE_NUMBER = rf"(?= ?{_CURRENCY_BEFORE}? ?\d)"
_HEDGES = (
    (r"(?:topped|surpassed|broke|broken|breaking|breaks)(?: through)?(?: the)?", "突破"),
    (r"more than|over|above|exceed|exceeds|exceeding|exceeded|in excess of", "超过"),
    (r"nearly|almost|close to|approaching", "近"),
    (r"about|around|approximately|roughly|some", "约"),
)
_VERBS = (
    # The present tense tells a count at the time of writing (目前), not at an earlier year's end.
    (r"(?:now |currently )?(?:has|have|is home to|are home to|boasts)", "目前拥有"),
    (r"had|was home to|were home to", "拥有"),
    (
        r"(?:reach|reaches|reached|reaching|hit|hitting|totaled|totalled|totaling|totalling)(?: up to)?|amounted to|"
        r"stood at|came to|"
        r"(?:had |has |have )?(?:grown|grew|rose|risen|increased|climbed|jumped|expanded|surged|soared) to|"
        r"registered|recorded|achieved|achieves?|realized|realised|reali[sz]es?|generated|posted|reported|logged|"
        r"yielded|amounting to|standing at|coming to|valued at|worth|numbered|numbering|attracted|introduced",
        "达到",
    ),  # fmt: skip
    (r"was|were|is|are|of|at", "为"),
)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")  # fmt: skip
# A month by its name or its short name (Jan.-Sept., January to September).
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(?:[a-z]*\.?)"


def _month(name: str) -> int:
    """The number of a month named in English, by its name or short name (Sept. is 9)."""
    return next(number for number, month in enumerate(_MONTHS, 1) if month.startswith(name.lower()[:3]))


_ORDINALS = {"first": 1, "second": 2, "third": 3, "three": 3, "two": 2, "four": 4, "five": 5, "six": 6, "seven": 7,
             "eight": 8, "nine": 9, "ten": 10, "eleven": 11}  # fmt: skip
_SHORT_PERIODS = {"h1": "上半年", "q1": "一季度"}


def _short_period(found: re.Match) -> str:
    """H1 2021 in the reading's words: 2021年上半年; Q1-Q3 is 前三季度."""
    year = f"{found.group('year')}年" if found.group("year") else ""
    return year + _SHORT_PERIODS.get(found.group("part").lower(), "前三季度")


_PERIODS = (
    (r"(?:the )?first three quarters(?: of (?:the year|this year))?", lambda m: "前三季度"),
    (r"(?:the )?first half(?: year)?(?: of (?:the year|this year))?", lambda m: "上半年"),
    (r"(?:the )?first quarter(?: of (?:the year|this year))?", lambda m: "一季度"),
    # H1 2021, Q1-Q3: a part of the year by its short name, the year it is of written right after it
    (r"(?P<part>h1|q1 ?(?:-|to|through) ?q3|q1)(?: ?(?P<year>20\d\d))?", _short_period),
    (
        rf"(?:from |between )?jan(?:uary|\.)? ?(?:to|through|and|-|–) ?(?P<month>{_MONTH})",
        lambda m: f"1-{_month(m.group('month'))}月",
    ),  # fmt: skip
    (
        rf"(?:the )?first ?(?P<count>{'|'.join(_ORDINALS)}|\d{{1,2}}) ?months",
        lambda m: f"1-{_ORDINALS.get(m.group('count').lower(), m.group('count'))}月",
    ),  # fmt: skip
    (r"(?:the )?(?:whole|full) year|throughout the year", lambda m: "全年"),
    (
        rf"(?:by|as of|until|till|up to) (?:the )?end of (?P<month>{_MONTH})",
        lambda m: f"截至{_month(m.group('month'))}月底",
    ),  # fmt: skip
    (r"(?:in|during) (?:this|that|the|the same) period", lambda m: "其间"),
)
# What follows is a part of what was told before it.
_PART_OPENINGS = r"of which|among which|among them|including|it included|they included"
# Counts in the words a Chinese report counts them with: 24,833 pieces is 24833件, 51 companies 51家.
_COUNTED = ((r"pieces|items|patents?", "件"), (r"companies|enterprises|firms", "家"))
# Firms that went public in the year, counted: three local companies going public is 新增上市企业3家.
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10, "eleven": 11, "twelve": 12}  # fmt: skip
_LISTINGS = re.compile(
    rf"(?P<number>{_NUMBER}|{'|'.join(_NUMBER_WORDS)}) ?(?:new |more )?(?:[a-z-]+ ){{0,2}}?"
    r"(?:companies|enterprises|firms) "
    r"(?:have |has |had )?(?:went|go|goes|going|gone|get|got|getting|were|was|been|being|became|become) "
    r"(?:public|listed)(?![a-z])",
    re.IGNORECASE,
)
_PLANS = ((r"aims? to|aim(?:s|ing)? (?:for|at)|plans? to|targets?|will strive to", "力争"),
          (r"(?:is |are )?(?:estimated|expected|projected|forecast|anticipated)(?: to)?", "预计"),
          # it can realize a total of 8.01 billion yuan: a machine's 可实现, said of a year not yet closed
          (r"(?:can|could)(?= (?:realize|realise|achieve|reach))", "预计"))  # fmt: skip


@dataclass(frozen=True)
class Form:
    """Text in the form the reading reads, and for each of its characters the offset in the text it came from."""

    text: str
    origins: tuple[int, ...]

    def start_in_source(self, position: int) -> int:
        """Where a cut of the form starting at `position` starts in the text."""
        if not self.origins:
            return 0
        return self.origins[position] if position < len(self.origins) else self.origins[-1] + 1

    def end_in_source(self, position: int, source: str) -> int:
        """Where a cut of the form ending at `position` ends in `source`: at the end of the clause its last phrase
        stands in, as an English clause closes on words the reading has no use for (…6.4% year-on-year; …53.86
        billion respectively)."""
        if position <= 0 or not self.origins:
            return 0
        end = self.origins[min(position, len(self.origins)) - 1] + 1
        closing = _CLAUSE_CLOSE.search(source, end)
        return closing.start() if closing else len(source)


_CLAUSE_CLOSE = re.compile(r"[,;:，；。!?]|\.(?!\d)")


def in_english(text: str) -> bool:
    """Whether a text is written in a Latin-script language rather than Chinese (script.other_language)."""
    return other_language(text) == LATIN_SCRIPT


def english_words(text: str) -> str | None:
    """A text in English in the reading's words (chinese_form), or None when it is not in English: the one way the
    checker, the drafts and the score read an English quote, period or paragraph."""
    return chinese_form(text).text if in_english(text) else None


def _number(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def _plain(value: Decimal) -> str:
    """A decimal written without an exponent or trailing zeros (228.30 → 228.3, 1E+2 → 100)."""
    return format(value.normalize(), "f")


def _magnitude(words: str) -> Decimal:
    """The magnitude an amount's words give (billion 1e9; a machine's 3,520 100 million yuan is 3520亿元)."""
    words = words.lower()
    if words.endswith("million") and words[:-7].strip():
        return Decimal("1e8")
    return _MAGNITUDES.get(words, Decimal(1))


def _amount(match: re.Match) -> str | None:
    """An amount of money in the reading's words (22.83 billion yuan → 228.3亿元), or None when it names no currency."""
    before, after = (match.group("before") or "").lower(), (match.group("after") or "").lower()
    if not before and not after:
        return None
    dollars = "$" in before or "usd" in before or "dollar" in after or after == "usd"
    value = _number(match.group("number")) * _magnitude(match.group("magnitude") or "")
    if match.group("more"):
        value += _number(match.group("more")) * _MAGNITUDES[match.group("more_magnitude").lower()]
    currency = "美元" if dollars else "元"
    if value >= Decimal("1e8") or match.group("magnitude"):
        return f"{_plain(value / Decimal('1e8'))}亿{currency}"
    return f"{_plain(value / Decimal('1e4'))}万{currency}"


class _Builder:
    """The form being written: text and origins side by side."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.origins: list[int] = []
        self.clause_part = 0  # the part the clause being written starts with

    def add(self, text: str, first: int, last: int | None = None) -> None:
        """Words made of the text from `first` to `last` (offsets of its first and last character): the last
        word's character remembers where the phrase ends, so a cut after it keeps the phrase whole."""
        self.parts.append(text)
        self.origins.extend([first] * (len(text) - 1))
        self.origins.append(first if last is None else last)

    def add_at_clause_start(self, text: str, origin: int) -> None:
        """Words put at the start of the clause being written (a year an English clause tells last: …53.19 billion
        yuan in 2021 reads as 2021年…), their origin the clause's own start, so a cut of the clause starts there
        (`origin`, theirs in the text, when the clause has no words yet)."""
        at = self.clause_part
        if at == len(self.parts):
            self.add(text, origin)
            return
        if self.parts[at][-1:] not in "年月度":  # 前三季度,高新区…: not read as a place before 高新区
            text += ","
        offset = sum(len(part) for part in self.parts[:at])
        self.parts.insert(at, text)
        self.origins[offset:offset] = [self.origins[offset]] * len(text)

    def close_clause(self) -> None:
        self.clause_part = len(self.parts)

    def form(self) -> Form:
        return Form("".join(self.parts), tuple(self.origins))


def _compacted(text: str) -> tuple[str, list[int]]:
    """`text` compacted as text.compact compacts a line, with each kept character's offset in `text`."""
    kept, origins = [], []
    at = 0
    for run in [*spaces(text), None]:
        stop = run.start() if run else len(text)
        kept.append(text[at:stop])
        origins.extend(range(at, stop))
        if run is not None and space_kept(text, run):
            kept.append(" ")
            origins.append(run.start())
        at = run.end() if run else stop
    return "".join(kept), origins


def _alternatives(pairs) -> str:
    return "|".join(f"(?:{pattern})" for pattern, _ in pairs)


def _rule(pattern: str) -> re.Pattern:
    # A phrase starts and ends on a word's edge: over is no hedge inside turnover.
    return re.compile(rf"(?<![a-z])(?:{pattern})(?![a-z])", re.IGNORECASE)


_MEASURE_RULES = tuple((_rule(pattern), chinese) for pattern, chinese in MEASURES)
_PARK_RULE = _rule(_PARK)
_OF_THE_PARK = _rule(rf"(?:of|in|for) (?:{_PARK})")
_PART_RULE = _rule(_PART_OPENINGS)
_COUNT_RULES = tuple(
    (re.compile(rf"(?P<number>{_NUMBER}) ?(?:{words})(?![a-z])", re.IGNORECASE), unit) for words, unit in _COUNTED
)
_KIND_RULES = tuple(
    (_rule(rf"(?:{kind})(?: (?:industrial|tech(?:nology)?|high-tech))? (?:companies|enterprises|firms)"), chinese)
    for kind, chinese in _KINDS_OF_FIRMS
)
_PLACE_RULES = tuple((_rule(pattern), chinese) for pattern, chinese in _PLACES)
_PREFIX_RULES = tuple((re.compile(rf"(?<![a-z]){pattern}", re.IGNORECASE), chinese) for pattern, chinese in _PREFIXES)
# An amount told before the measure it is of: 380.5 billion yuan of industrial output is 3805亿元的工业总产值.
_OF_A_MEASURE = re.compile(
    rf"(?:of|in(?: the (?:zone|district|park|area)(?:'s|’s))?) ?(?=(?:the )?(?:{'|'.join(p for p, _ in MEASURES)}))",
    re.IGNORECASE,
)
_PERCENT_THEN_UP = re.compile(
    rf"(?:a |an )?(?P<number>{_NUMBER}) ?-?(?:%|percent|per cent) ?(?:year-?on-?year |yoy )?"
    r"(?P<word>growth|increase|rise|decrease|decline|drop|up|down|higher|lower|more(?= than)|less(?= than))(?![a-z])",
    re.IGNORECASE,
)
# A year an amount is compared with (an increase of 7.8 percent from 2015; on the same period in 2018): no year of it.
_COMPARED_YEAR = _rule(
    r"(?:from|over|compared (?:with|to)|than(?: in| that (?:of|in))?|on) ?(?:the same period (?:of |in )?)?"
    r"(?:(?:19[5-9]|20[0-4])\d(?![\d%])|(?:that of )?(?:the same period (?:of |in )?)?(?:last|the previous|the prior) "
    r"year(?:'s|’s)?|the year before|a year (?:earlier|ago|before))"
)
# A rise told from one level to another: from 21.1 billion yuan in 2014 to 29.7 billion yuan in 2017.
_IN_A_PHRASE = r"(?:[^,;]|(?<=\d),(?=\d{3}))"  # a thousands comma (1,928) stays inside the phrase
_FROM_TO = re.compile(
    rf"from ?(?P<first>{_IN_A_PHRASE}{{1,40}}?)(?: ?in ?(?P<first_year>(?:19|20)\d\d))? ?to ?"
    rf"(?P<second>{_IN_A_PHRASE}{{1,40}}?)(?: ?in ?(?P<second_year>(?:19|20)\d\d))?"
    r"(?=(?<!\d),|,(?!\d{3})|;|\.(?!\d)|$| and| up| an| a )",
    re.IGNORECASE,
)
_UP_RULE = _rule(rf"(?:{_UP})(?= ?{_NUMBER} ?(?:%|percent|per cent))")
_DOWN_RULE = _rule(rf"(?:{_DOWN})(?= ?{_NUMBER} ?(?:%|percent|per cent))")
_HEDGE_RULES = (
    # hit 10 billion yuan for the first time: a round mark passed, as 首次突破100亿元.
    (
        _rule(rf"(?:hit|hits|hitting|reached|reaches|reaching){_BEFORE_NUMBER}(?=[^,;]{{1,40}}? for the first time)"),
        "突破",
    ),
    *((_rule(rf"(?:{pattern}){_BEFORE_NUMBER}"), chinese) for pattern, chinese in _HEDGES),
)
# An amount told as a record (hit a record 180 billion yuan, reached a new high of …): the amount reached.
_A_RECORD = r" an? (?:new |all-time |historic |record )?(?:record|high|peak)(?: of)?"
_MAYBE_HEDGED = rf"(?:(?:{_alternatives(_HEDGES)}) ?)?"
_BEFORE_AMOUNT = rf"(?= ?{_MAYBE_HEDGED}{_CURRENCY_BEFORE}? ?\d)"  # an amount next, maybe hedged
_VERB_RULES = tuple(
    (
        _rule(rf"(?:{pattern})(?: a total of|{_A_RECORD})?{_BEFORE_AMOUNT}"),
        chinese,
    )
    for pattern, chinese in _VERBS
)
_PERIOD_RULES = tuple((_rule(pattern), make) for pattern, make in _PERIODS)
_PERIOD_PATTERNS = tuple(rule for rule, _ in _PERIOD_RULES)
_PLAN_RULES = tuple((_rule(pattern), chinese) for pattern, chinese in _PLANS)
# A year, not a date (Updated: 2018-12-17) nor a number's digits (24,833; 2016.5). Four digits and a comma are no
# thousands group (a first group has three digits at most): the comma closes the year's clause, whatever number
# follows it once compacted (In 2020, 210 new … is In2020,210new …).
_YEAR = re.compile(
    r"(?<![\d.$])(?<!\d,)(?:(?:in|of|for) ?)?(?P<year>(?:19[5-9]|20[0-4])\d)(?:'s|’s)?(?![\d%-]|\.\d)", re.I
)  # (Jan-May, 2017): a comma after a word, not inside a number
# A year in brackets right after a title's name (Binhai High-tech Index (2017), the Report (2019)): the edition of what
# is named, no time of the figures told.
_EDITION = re.compile(r"(?<=[A-Za-z]) ?\((?:19[5-9]|20[0-4])\d\)")
_THAT_YEAR = _rule(r"(?:that|this|the same) year")
# The year's whole amount (the annual income, annual GDP): 全年, not the part of the year told before it.
_ANNUAL = _rule(
    r"annual(?= (?:total )?(?:income|revenues?|gdp|(?:industrial )?output|added value|fiscal|tax|imports?|exports?|"
    r"investment))"
)
# A day's date (Updated: Jan 5, 2022; 5 January 2022): the page's date as the reading knows one (2022年1月5日), not a
# year whose figures the paragraphs after it tell.
_DATE = re.compile(
    rf"(?<![a-z])(?:(?P<month>{_MONTH}) ?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?|(?P<day_first>\d{{1,2}}) ?"
    rf"(?P<month_after>{_MONTH})),? ?(?P<date_year>(?:19|20)\d\d)(?!\d)",  # 2022Print: compacted, a word may follow
    re.IGNORECASE,
)


def _date(found: re.Match) -> str:
    month = _month(found.group("month") or found.group("month_after"))
    return f"{found.group('date_year')}年{month}月{found.group('day') or found.group('day_first')}日"


_LAST_YEAR = _rule(r"last year|the past year")  # in the past year, on a page of March: the year before, 去年
# The year a zone began (Year of Establishment 1992, founded in 1992): no year of a figure.
_FOUNDED = re.compile(
    rf"(?<![a-z])(?:year of establishment|established|founded|set up|approved)(?: in)? ?"
    rf"(?:(?:{'|'.join(_MONTHS)}),? ?)?(?:19|20)\d\d(?!\d)",
    re.IGNORECASE,
)
# The times that open their clause in the reading's words (2021年…, 去年…, 前三季度…), as in Chinese.
_TIMES = frozenset({_YEAR, _THAT_YEAR, _LAST_YEAR, *_PERIOD_PATTERNS})
# R&D spending told as a share of the GDP (R&D expenditure accounted for 5.2% of GDP): the R&D intensity, 研发投入强度.
_RD_SHARE_OF_GDP = re.compile(
    rf"(?:the )?(?:(?:zone|park)(?:'s|’s) )?{_RD_SPENDING}"
    r"(?:[^,;.%]|\.(?=\d)){0,40}? ?(?:accounted for|equal(?:led)? to|was equivalent to|equivalent to|made up|"
    rf"represented|amounting to|was|reached) ?(?P<number>{_NUMBER}) ?(?:%|percent|per cent) ?of (?:the )?"
    r"(?:(?:zone|park|district)(?:'s|’s) |its )?(?:regional )?(?:gdp|gross domestic product)(?![a-z])",
    re.IGNORECASE,
)
_RESPECTIVELY = _rule(r",? ?respectively")
# The part of the applications granted, told after them with no name of its own (26,331 patent applications, with
# 15,951 being granted; of which 5,200 were granted): the grants.
_GRANTED_OF_THEM = re.compile(
    rf"(?P<number>{_NUMBER}) ?(?:patents )?(?:being|were|was|have been|had been) (?:granted|authori[sz]ed)(?![a-z])",
    re.IGNORECASE,
)
_COUNT_BEFORE_NAME = re.compile(
    rf"(?P<number>{_NUMBER}) ?(?=(?:{_NEWLY})?"
    r"(?:national(?:-level)? )?hi(?:gh)?[- ]tech (?:enterprises|companies|firms)|"
    r"(?:new )?(?:patent applications|patents (?:were |was |have been |had been )?granted|granted patents)|"
    r"(?:valid|effective) invention patents)",
    re.IGNORECASE,
)
# A number with no unit or magnitude after it (reached 3,315, a record): a count, when its name counts things.
_BARE_NUMBER = re.compile(
    rf"(?P<number>{_NUMBER})(?!\d|[.,]\d| ?(?:%|percent|per cent|{'|'.join(_MAGNITUDES)}|hundred|yuan|rmb|dollars|"
    r"usd|square|sq|km|hectares?|mu|people|persons|employees|workers|times|projects|[a-z]+ (?:yuan|dollars))(?![a-z]))",
    re.IGNORECASE,
)
_CONVERSION = re.compile(rf"\( ?(?:us\$|\$|usd)? ?(?:{_NUMBER}) ?(?:trillion|billion|bn|million|mln)?\)", re.IGNORECASE)
# An aside of time or place between commas after a subject (patent applications, in the area in 2016, totalled …):
# read as part of its clause, so the subject keeps its verb and amount.
_TIME_OR_PLACE_ASIDE = re.compile(
    r"(?<=[a-z]),(?P<inner> ?(?:(?:in|during|for|of|the|area|zone|park|district|year|first|half|this|that|same|"
    r"period|(?:19|20)\d\d) ?)+),(?! ?(?:19|20)\d\d)",
    re.IGNORECASE,
)
# A relative clause between commas (regional GDP, which was 387 million yuan that year, had grown to …): an aside
# about the subject, read apart so the subject keeps its verb; what it tells is of another time.
_RELATIVE_ASIDE = re.compile(r", ?which (?:was|were|had been|stood at)(?:[^,;.]|\.(?=\d)){1,80},", re.IGNORECASE)
# Taxes a zone's firms paid, told after the amount (paid 2.7 billion yuan in taxes): 上缴税费.
_PAID_IN_TAXES = re.compile(
    r"(?:paid|contributed|handed over) ?(?=(?:[^,;.]|\.(?=\d)){1,30}? ?in taxes)"
    # paid taxes of 9.8 billion yuan, paid taxes and fees totalling …
    r"|(?:paid|contributed|handed over) taxes(?: and fees)?(?: of| totall?ing| worth| amounting to)?"
    r"(?= ?[^,;]{0,12}\d)",
    re.IGNORECASE,
)
# An amount told as spent on a measure (invested 56 billion yuan in fixed assets, spent 3.2 billion yuan on R&D,
# applied for 2,300 patents): the measure's name, said where its verb stands, as 完成固定资产投资560亿元.
_AMOUNT_AHEAD = rf"(?= ?{_MAYBE_HEDGED}{_CURRENCY_BEFORE}? ?\d[^,;]{{0,30}}?"
_SPENT_ON = (
    (_rule(rf"invested{_AMOUNT_AHEAD} in fixed[- ]assets?)"), "固定资产投资"),
    (_rule(rf"(?:spent|invested){_AMOUNT_AHEAD} (?:on|in) (?:r&d|research(?: and development)?))"), "R&D经费支出"),
    (_rule(rf"applied for(?= ?{_MAYBE_HEDGED}{_NUMBER} ?(?:new )?patents)"), "专利申请量"),
    (
        _rule(
            rf"(?:(?:were|was|have been|had been) granted|obtained|won)(?= ?{_MAYBE_HEDGED}{_NUMBER} ?(?:new )?"
            r"(?:authori[sz]ed |granted )?patents)"
        ),
        "专利授权量",
    ),
    # Taxes told after the amount the zone collected (collected 9.8 billion yuan in taxes): 税收收入.
    (_rule(rf"collected{_AMOUNT_AHEAD} in taxes)"), "税收收入"),
)
_SPENT_ON_WHAT = _rule(
    r"in fixed[- ]assets?(?: investment)?|(?:on|in) (?:r&d|research(?: and development)?)(?: activities)?"
)
_IN_TAXES = re.compile(r"in taxes(?: and fees)?(?![a-z])", re.IGNORECASE)
_TO_AN_AMOUNT = re.compile(rf"to ?(?={_CURRENCY_BEFORE}? ?\d)", re.IGNORECASE)
# A measure of a place named by its own name, not the park (the GDP of Wuhan): the zone's names are read before.
# A name before firms (the taxes of Zhongguancun enterprises) is firms of the zone or the city, not a place's measure.
_ANOTHER_PLACE = re.compile(
    r"(?i:of|in) (?:the )?(?:[A-Z][a-z]+(?: [A-Z][a-z]+)*)(?: (?i:city|province|county))?(?![\w-])"
    r"(?! (?i:enterprises|companies|firms))"
)
_MEASURE_NAMES = frozenset(chinese for _, chinese in MEASURES)
_ASIDE = re.compile(r"[–—][^–—.;]{1,160}[–—]")
# The size that defines a class of firms (with an annual industrial output value above 20 million yuan each): no figure.
_THRESHOLD = re.compile(
    r"(?:with )?(?:an )?annual (?:industrial )?(?:output(?: value)?|(?:operating )?revenues?|sales|income) ?(?:of )?"
    r"(?:above|over|more than|exceeding|of at least) ?[^,;.()]{1,40}?(?: ?\([^()]{1,30}\))?"
    r"(?: each| or more| or above)?"
    r"(?=[,;.]| and| contributed| in )",
    re.IGNORECASE,
)
# Firms above the designated size as a sentence's subject, and a bare measure of theirs after it (enterprises above
# designated scale … generated an added value of 8.86 billion yuan): the above-scale industry's measure.
_ABOVE_SCALE_FIRMS = re.compile(
    r"(?:the )?(?:industrial )?(?:enterprises|companies|firms) above (?:the |a )?designated (?:size|scale)s?(?![a-z])|"
    rf"(?:the )?(?:{_SIZED}|scale) (?:industrial )?(?:enterprises|companies|firms)(?![a-z])",
    re.IGNORECASE,
)
_SCALED = {"工业总产值": "规模以上工业总产值"}
_FIRMS_BEFORE = re.compile(r"(?:enterprises|companies|firms|manufacturers),? ?(?:those )?$", re.IGNORECASE)
_THEIR_MEASURES = (
    (re.compile(r"(?:an? |the |their |its )?(?:industrial )?(?:added value|value[- ]added)(?![a-z])", re.I),
     "规模以上工业增加值"),
    (re.compile(r"(?:an? |the |their |its )?(?:industrial )?(?:total )?output(?: value)?(?![a-z])", re.I),
     "规模以上工业总产值"),
)  # fmt: skip
# Not a hedge, a growth or a part in brackets: (an increase of 6.8%) belongs to the amount before it, (among which
# local public financial income …) is a part of it.
_BRACKETED_ASIDE = re.compile(
    rf"\((?=[a-z])(?!{_MONTH}|first|h1|q[1-4]|about|around|approximately|roughly|some|(?:an? )?(?:year-on-year )?"
    r"(?:increase|rise|growth|decrease|decline|drop)|up |down |among which|of which|among them|including)"
    r"[^()]{1,200}\)",
    re.IGNORECASE,
)
_LIST_AND = re.compile(r"(?:, ?)?and(?![a-z]) ?", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’&-]*")
_SENTENCE_STOP = re.compile(r"\.(?!\d)")
_KEPT_MARKS = ",;:()%、"
_GROUPED_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+(?![\d])")


def _respective_sentences(text: str) -> list[tuple[int, int]]:
    """The spans of the sentences that pair a list of names with a list of amounts (…, respectively)."""
    spans = []
    start = 0
    for stop in [*(m.start() for m in _SENTENCE_STOP.finditer(text)), len(text)]:
        for piece_start, piece in _pieces(text, start, stop):
            if _RESPECTIVELY.search(piece):
                spans.append((piece_start, piece_start + len(piece)))
        start = stop + 1
    return spans


def _pieces(text: str, start: int, stop: int):
    at = start
    for part in re.split(r"(;)", text[start:stop]):
        if part != ";":
            yield at, part
        at += len(part)


@dataclass
class _Reading:
    """One text being put in the reading's words, and what its sentence has told so far."""

    text: str  # the text compacted (_compacted)
    origins: list[int]  # each character's offset in the text as written
    listed: list[tuple[int, int]]  # the spans of sentences pairing lists by respectively
    out: _Builder
    pending_count: tuple[str, int, int] | None = None  # 185 high-tech companies: the count goes after the name
    sector: str | None = None  # the industry the sentence opened on
    above_scale: int | None = None  # where the firms above the designated size are named as the sentence's subject
    sentence_start: bool = True

    def last_part(self) -> str:
        """The last words written, or ''."""
        return self.out.parts[-1] if self.out.parts else ""

    def add_match(self, made: str, found: re.Match, first: int | None = None) -> int:
        """Write `made` for the text `found` matched (from `first`, else its start); where the reading goes on."""
        self.out.add(made, self.origins[found.start()] if first is None else first, self.origins[found.end() - 1])
        return found.end()


def _sector_opening(reading: _Reading, at: int, in_list: bool) -> int | None:
    """In the services sector, …: the industry a sentence opens on owns the measures the sentence names."""
    if not reading.sentence_start or reading.text[at] == " ":
        return None
    reading.sentence_start = False
    opening = _SECTOR_OPENING.match(reading.text, at)
    if opening is None:
        return None
    reading.sector = _sector(opening.group("sector"))
    return opening.end()


def _dashed_aside(reading: _Reading, at: int, in_list: bool) -> int | None:
    """– located in Hefei city, in East China's Anhui province –: an aside, no figure of the park's; and a title's
    edition in brackets (Index (2017)), no time."""
    aside = _ASIDE.match(reading.text, at) or _EDITION.match(reading.text, at)
    return aside.end() if aside else None


# Words the English joins an amount to what follows with, written when the form so far ends on that amount: up 11.6
# percent year-on-year to 15.29 billion yuan (the level reached: ,达到); 380.5 billion yuan of industrial output
# (3805亿元的工业总产值).
_JOINS = ((_TO_AN_AMOUNT, "%", ",达到"), (_OF_A_MEASURE, "元", "的"))


def _joining_word(reading: _Reading, at: int, in_list: bool) -> int | None:
    """A word joining the amount just written to what follows (_JOINS), in the reading's words."""
    for pattern, ending, word in _JOINS:
        found = pattern.match(reading.text, at)
        if found and reading.last_part().endswith(ending):
            reading.out.add(word, reading.origins[at])
            return found.end()
    return None


def _another_places_measure(reading: _Reading, at: int, in_list: bool) -> int | None:
    """the GDP of Wuhan: a place's, not the park's (read as an area's)."""
    another = _ANOTHER_PLACE.match(reading.text, at)
    if not (another and reading.last_part() in _MEASURE_NAMES and not _OF_THE_PARK.match(reading.text, at)):
        return None
    reading.out.add_at_clause_start("全市", reading.origins[at])
    return another.end()


def _bracketed_aside(reading: _Reading, at: int, in_list: bool) -> int | None:
    """(those with annual operating revenues of roughly $3.1 million or more): an aside, no figure; the size that
    defines firms named before it (enterprises with an annual industrial output value above 20 million yuan each) makes
    them the above-scale firms."""
    aside = _BRACKETED_ASIDE.match(reading.text, at) or _THRESHOLD.match(reading.text, at)
    if aside is None:
        return None
    firms = _FIRMS_BEFORE.search(reading.text, 0, at) if aside.re is _THRESHOLD else None
    if firms:
        reading.above_scale = reading.origins[firms.start()]
    return aside.end()


def _conversion(reading: _Reading, at: int, in_list: bool) -> int | None:
    """16.79 billion yuan ($2.42 billion): the same amount in dollars, no other figure."""
    conversion = _CONVERSION.match(reading.text, at)
    last = reading.last_part()
    return conversion.end() if conversion and last.endswith("元") and not last.endswith("美元") else None


def _counts_rise(reading: _Reading, at: int, in_list: bool) -> int | None:
    """the number of high-tech enterprises has grown from 493 in 2012 to 1,928 in 2021."""
    counted_in = _COUNTED_NAMES.get(reading.last_part())
    rise = _FROM_TO.match(reading.text, at) if counted_in else None
    made = _rise(rise, counted_in) if rise else None
    return reading.add_match(made, rise) if made else None


def _bare_count(reading: _Reading, at: int, in_list: bool) -> int | None:
    """the number of recognized high-tech enterprises reached 3,315; … reached 1,323 and 2,931 respectively: a number
    with no unit, counted in its names' unit."""
    parts = reading.out.parts
    unit = _count_unit(reading.out) if in_list and parts and parts[-1] in ("分别为", "、") else None
    if unit is None and len(parts) > 1 and parts[-1] in ("达到", "为", *PREFIX_HEDGES):  # …exceeded 40,000
        unit = _COUNTED_NAMES.get(parts[-2])
    bare = _BARE_NUMBER.match(reading.text, at) if unit else None
    return reading.add_match(bare.group("number").replace(",", "") + unit, bare) if bare else None


def _count_before_its_name(reading: _Reading, at: int, in_list: bool) -> int | None:
    """185 high-tech companies: the count goes after the name, as 高新技术企业185家."""
    count = _COUNT_BEFORE_NAME.match(reading.text, at)
    if count is None:
        return None
    number = count.group("number").replace(",", "")
    reading.pending_count = (number, reading.origins[at], reading.origins[count.end("number") - 1])
    return count.end()


def _above_scale_subject(reading: _Reading, at: int, in_list: bool) -> int | None:
    """enterprises above designated scale … generated an added value of …: the firms, as the sentence's subject."""
    firms = _ABOVE_SCALE_FIRMS.match(reading.text, at)
    if not firms or any(rule.match(reading.text, at) for rule, _ in _MEASURE_RULES):
        return None
    reading.above_scale = reading.origins[at]
    return firms.end()


def _their_measure(reading: _Reading, at: int, in_list: bool) -> int | None:
    """A bare measure of the above-scale firms named before (…generated an added value of): theirs, its cut starting
    where they are named."""
    if reading.above_scale is None:
        return None
    found = next(((found, made) for rule, made in _THEIR_MEASURES if (found := rule.match(reading.text, at))), None)
    return reading.add_match(found[1], found[0], reading.above_scale) if found else None


def _rd_share_of_gdp(reading: _Reading, at: int, in_list: bool) -> int | None:
    """R&D expenditure accounted for 5.2% of GDP: the R&D intensity."""
    share = _RD_SHARE_OF_GDP.match(reading.text, at)
    return reading.add_match(f"研发投入强度为{share.group('number')}%", share) if share else None


def _phrase(reading: _Reading, at: int, in_list: bool) -> int | None:
    """A phrase of the rules (a measure, the park, a place, an amount, a time, a verb …) in the reading's words."""
    match, made = _first_rule(reading.text, at, in_list)
    if match is None:
        return None
    out, origin, last = reading.out, reading.origins[at], reading.origins[match.end() - 1]
    if made == _THE_PARK and reading.last_part() == _THE_PARK:
        pass  # the zone named twice in a row (a headline, then a caption): once, not a place before a park
    elif match.re in _TIMES:
        out.add_at_clause_start(made, origin)  # 2021年…, 前三季度…: a time opens its clause, as in Chinese
    elif made and reading.pending_count is not None and made in _COUNTED_NAMES:
        number, first, number_end = reading.pending_count
        out.add(made, first)  # a cut starting at the name starts at its count, written first
        out.add(number + _COUNTED_NAMES[made], first, number_end)
        reading.pending_count = None
    elif made:
        if reading.above_scale is not None and made in _SCALED:
            made = _SCALED[made]  # enterprises with an annual … above 20 million yuan each contributed …
        if reading.sector and made in _MEASURE_NAMES and reading.sector not in made:
            made = reading.sector + made  # In the services sector, … an operating income of …: 服务业营业收入
        out.add(made, origin, last)
    return match.end()


def _unused_word(reading: _Reading, at: int, in_list: bool) -> int | None:
    """A word the reading has no use for, left out; and after an amount, the next clause (…14.98 billion yuan and the
    total foreign trade value…)."""
    word = _WORD.match(reading.text, at)
    if word is None:
        return None
    if word.group(0).lower() == "and" and reading.last_part()[-1:] in _AMOUNT_ENDS:
        reading.out.add(",", reading.origins[at])
        reading.out.close_clause()
    elif reading.last_part()[-1:].isdigit():
        # 69 Global Fortune 500 companies: a word left out between two numbers keeps them two (69 500), not 69500.
        reading.out.add(" ", reading.origins[at])
    return word.end()


def _character(reading: _Reading, at: int, in_list: bool) -> int:
    """One character: a space left out, a mark in the reading's marks, a digit or a character of another script kept."""
    text, out, origin = reading.text, reading.out, reading.origins[at]
    character = text[at]
    if character == "." and _SENTENCE_STOP.match(text, at):
        out.add("。", origin)
        out.close_clause()
        reading.sector, reading.above_scale, reading.sentence_start = None, None, True
    elif character == "," and in_list and _between_list_items(text, at) and not _after_a_time(out):
        out.add("、", origin)
    elif character in ",;:":
        out.add(character, origin)
        out.close_clause()
    elif character == "’" and at and text[at - 1].isalpha():
        pass  # an apostrophe (the zone’s, companies’): no mark of the reading's
    elif character.isdigit() and (grouped := _GROUPED_NUMBER.match(text, at)):
        return reading.add_match(grouped.group(0).replace(",", ""), grouped)  # 6,954 of these: one number
    elif character != " " and (character.isdigit() or character in _KEPT_MARKS or not character.isascii()):
        out.add(character, origin)
    return at + 1


# What the reading tries at each place of the text, in order; the first that reads something there moves it on.
_STEPS = (
    _sector_opening,
    _dashed_aside,
    _joining_word,
    _another_places_measure,
    _bracketed_aside,
    _conversion,
    _counts_rise,
    _bare_count,
    _count_before_its_name,
    _above_scale_subject,
    _their_measure,
    _rd_share_of_gdp,
    _phrase,
    _unused_word,
    _character,
)


@lru_cache(maxsize=4096)
def chinese_form(text: str) -> Form:
    """`text` (a page in English) in the reading's words, every other word left out, with each character's origin."""
    compacted, compact_origins = _compacted(text)
    compacted = _TIME_OR_PLACE_ASIDE.sub(lambda found: " " + found.group("inner") + " ", compacted)
    compacted = _RELATIVE_ASIDE.sub(lambda found: " " * len(found.group(0)), compacted)
    reading = _Reading(compacted, compact_origins, _respective_sentences(compacted), _Builder())
    at = 0
    while at < len(compacted):
        in_list = any(start <= at < end for start, end in reading.listed)
        at = next(moved for step in _STEPS if (moved := step(reading, at, in_list)) is not None)
    return reading.out.form()


_THE_PARK = "高新区"
_AMOUNT_ENDS = ("元", "%", "件", "家")
# Names a count may stand before (185 high-tech companies, 9,647 patent applications), with the word that counts them.
_COUNTED_NAMES = {
    "国家高新技术企业": "家",
    "高新技术企业": "家",
    "新增国家高新技术企业": "家",
    "新增高新技术企业": "家",
    "科技型中小企业": "家",
    "专利申请量": "件",
    "专利授权量": "件",
    "有效发明专利": "件",
}


def _after_a_time(out: _Builder) -> bool:
    """Whether the form so far ends on a time (In 2020, the number of … respectively): its comma closes the time, no
    item of the sentence's lists."""
    return bool(out.parts) and out.parts[-1].endswith(("年", "月", "季度"))


def _count_unit(out: _Builder) -> str | None:
    """The unit of the counts a …respectively list pairs with its names (the number of technology-based SMEs and
    high-tech enterprises reached 1,323 and 2,931 respectively), when every name listed in the clause counts in it."""
    units = {_COUNTED_NAMES[part] for part in out.parts[out.clause_part :] if part in _COUNTED_NAMES}
    return units.pop() if len(units) == 1 else None


def _place(found: re.Match, chinese: str) -> str:
    """A place in the reading's words: the city's GDP is 全市地区生产总值, the area's; the city's leader in foreign
    trade is 全市的 (a rank among the city's places, as 全市第一 is), not the city's trade."""
    if found.group(0)[-2:] not in ("'s", "’s"):
        return chinese
    rest = found.string[found.end() :].lstrip()
    rest = re.sub(r"^(?:total|overall|annual|whole) ", "", rest, flags=re.IGNORECASE)
    return chinese if any(rule.match(rest) for rule, _ in _MEASURE_RULES) else chinese + "的"


def _sector(words: str) -> str:
    """The reading's word for an industry named in English (the services sector: 服务业)."""
    return next(chinese for pattern, chinese in _SECTOR_WORDS if pattern.fullmatch(words))


def _rise(found: re.Match, counted_in: str | None = None) -> str | None:
    """A rise from one amount to another in the reading's words (从2014年的211亿元到2017年的297亿元), or None; a rise
    of a count told in bare numbers (grown from 493 in 2012 to 1,928 in 2021) when its name counts `counted_in`."""
    amounts = []
    for part in ("first", "second"):
        amount = _AMOUNT.fullmatch(found.group(part).strip())
        made = _amount(amount) if amount else None
        bare = _BARE_NUMBER.fullmatch(found.group(part).strip()) if counted_in and made is None else None
        if bare:
            made = bare.group("number").replace(",", "") + counted_in
        if made is None:
            return None
        year = found.group(f"{part}_year")
        amounts.append(f"{year}年的{made}" if year else made)
    return f"从{amounts[0]}到{amounts[1]}"


def _growth_first(found: re.Match) -> str:
    """A percentage told before its growth word (a 10.1 percent year-on-year growth): 增长10.1%."""
    word = "增长" if found.group("word").lower() in ("growth", "increase", "rise", "up", "higher", "more") else "下降"
    return f"{word}{found.group('number').replace(',', '')}%"


def _said(chinese: str):
    return lambda found: chinese


# The phrases after the measures, tried in this order at each word: the first that matches is read, its words
# written in their place ('' leaves them out; None from a rule tells it does not apply after all).
_RULES = (
    (_OF_THE_PARK, _said("")),  # the gross domestic product of Zhongkai Hi-tech Zone: the park's own, said before
    (_PART_RULE, _said("其中")),
    (_PARK_RULE, _said(_THE_PARK)),
    *((rule, lambda found, chinese=chinese: _place(found, chinese)) for rule, chinese in _PLACE_RULES),
    *((rule, _said(chinese)) for rule, chinese in _KIND_RULES),
    *((rule, _said(chinese)) for rule, chinese in _PREFIX_RULES),
    (
        _LISTINGS,
        lambda found: f"新增上市企业{_NUMBER_WORDS.get(found.group('number').lower(), found.group('number'))}家",
    ),
    (_GRANTED_OF_THEM, lambda found: f"专利授权量{found.group('number').replace(',', '')}件"),
    (_PERCENT_THEN_UP, _growth_first),
    (_PERCENT, lambda found: f"{found.group('number').replace(',', '')}%"),
    (_AMOUNT, _amount),
    *(
        (rule, lambda found, unit=unit: f"{found.group('number').replace(',', '')}{unit}")
        for rule, unit in _COUNT_RULES
    ),
    (_COMPARED_YEAR, _said("")),
    (_FOUNDED, _said("")),
    (_DATE, _date),
    (_FROM_TO, _rise),
    (_YEAR, lambda found: f"{found.group('year')}年"),
    (_THAT_YEAR, _said("当年")),
    (_ANNUAL, _said("全年")),
    (_LAST_YEAR, _said("去年")),
    *_PERIOD_RULES,
    (_PAID_IN_TAXES, _said("上缴税费")),
    *((rule, _said(chinese)) for rule, chinese in _SPENT_ON),
    (_SPENT_ON_WHAT, _said("")),
    (_IN_TAXES, _said("")),
    (_UP_RULE, _said("增长")),
    (_DOWN_RULE, _said("下降")),
    *((rule, _said(chinese)) for rule, chinese in _HEDGE_RULES),
    *((rule, _said(chinese)) for rule, chinese in _VERB_RULES),
    *((rule, _said(chinese)) for rule, chinese in _PLAN_RULES),
)
# Rules of numbers: not read from inside a number already begun (the 3 of 23%, the 5 of 2.5 billion).
_NUMBER_RULES = frozenset(
    {_LISTINGS, _GRANTED_OF_THEM, _PERCENT_THEN_UP, _PERCENT, _AMOUNT, *(rule for rule, _ in _COUNT_RULES)}
)
_LISTED_VERBS = frozenset(rule for rule, _ in _VERB_RULES)


_GROWTH_CLAUSE = re.compile(r"\s*(?:a |an )?(?:year-on-year |yoy )?(?:increase|rise|growth|decrease|up|down)", re.I)


def _between_list_items(text: str, at: int) -> bool:
    """Whether a comma of a …respectively sentence separates items of its lists rather than clauses."""
    return not _GROWTH_CLAUSE.match(text, at + 1)


def _first_rule(text: str, at: int, in_list: bool) -> tuple[re.Match | None, str]:
    """The phrase of the reading's words that starts at `at`, and the words it becomes ('' to leave it out)."""
    best: tuple[re.Match, str] | None = None
    for rule, chinese in _MEASURE_RULES:  # the longest measure wins: exports is not import and export
        found = rule.match(text, at)
        if found and (best is None or found.end() > best[0].end()):
            best = (found, chinese)
    if best is not None:
        return best
    inside_a_number = at > 0 and (text[at - 1].isdigit() or text[at - 1] == ".")
    for rule, make in _RULES:
        if inside_a_number and rule in _NUMBER_RULES:
            continue
        found = rule.match(text, at)
        made = make(found) if found else None
        if made is not None:
            if in_list and rule in _LISTED_VERBS and made in ("达到", "为"):
                made = "分别为"  # …amounted to US$138 million, US$98 million … respectively
            return found, made
    if in_list:
        found = _RESPECTIVELY.match(text, at)
        if found:
            return found, ""
        found = _LIST_AND.match(text, at)
        if found and (text[at] == "," or not at or not text[at - 1].isalpha()):
            return found, "、"
    return None, ""


def as_written(quote: str, text: str) -> str:
    """A quote cut from a compacted paragraph of `text` with the spaces its words are written with (reached 22.83
    billion yuan, not reached22.83billion yuan), as the checker compares quotes without spaces either way."""
    letters = [re.escape(character) for character in quote if not character.isspace()]
    if not letters:
        return quote
    found = re.search(r"\s*".join(letters), text)
    return re.sub(r"\s+", " ", found.group(0)) if found else quote
