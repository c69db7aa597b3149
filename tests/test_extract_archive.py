"""add-source for reports as they are published: a saved web page, a PDF, a .docx; metadata blocks;
invisible characters."""

from __future__ import annotations

import hashlib

import yaml

from generator.editor.archive import clean_report, clean_report_with_log, page_metadata
from tests.extract_helpers import FIXTURES, indicators
from tests.test_editor_tools import PARK, PARK_ARGS, _data, _run


def _park(tmp_path):
    data = _data(tmp_path)
    assert _run(data, *PARK_ARGS) == 0
    return data


def test_a_saved_web_page_keeps_its_main_text_and_offers_its_metadata_block(tmp_path, capsys):
    data = _park(tmp_path)
    page = FIXTURES / "saved-page.html"
    args = ["add-source", str(page), "--id", "yunxi-2024", "--park", PARK, "--title", "云溪高新区2024年工作总结",
            "--url", "https://www.example.gov.cn/zwgk/2025/0110/123.html", "--retrieved", "2025-02-01"]  # fmt: skip
    capsys.readouterr()
    assert _run(data, *args) == 0
    out = capsys.readouterr().out
    text = (data / "sources" / "yunxi-2024.txt").read_text(encoding="utf-8")
    assert text.startswith("云溪高新区2024年工作总结\n2024年，云溪高新区")
    assert "全年实现营业收入1520.8亿元" in text
    for furniture in ("当前位置", "政务公开", "索引号", "发布机构", "打印本页", "ICP备", "联系电话", "相关链接"):
        assert furniture not in text, furniture
    metadata = yaml.safe_load((data / "sources" / "yunxi-2024.yaml").read_text(encoding="utf-8"))
    assert metadata["reference"] == "11530100MB0123456X/2025-00031"
    assert metadata["publisher"] == "云溪高新区管委会办公室" and metadata["published"] == "2025-01-10"
    assert metadata["url"].startswith("https://") and metadata["retrieved"] == "2025-02-01"
    original = data / "sources" / "yunxi-2024.html"
    assert original.read_bytes() == page.read_bytes()
    assert metadata["original"] == {"file": "yunxi-2024.html", "sha256": hashlib.sha256(page.read_bytes()).hexdigest()}
    assert "note: reference '11530100MB0123456X/2025-00031' taken from the page's metadata block" in out
    assert _run(data, "check") == 0


def test_a_pdf_and_a_docx_are_read_with_their_text_and_tables(tmp_path, capsys):
    data = _park(tmp_path)
    common = ["--park", PARK, "--publisher", "管委会", "--title", "报告"]
    assert _run(data, "add-source", str(FIXTURES / "work-report.pdf"), "--id", "pdf-report", *common) == 0
    pdf = (data / "sources" / "pdf-report.txt").read_text(encoding="utf-8")
    assert "技工贸总收入1856.2亿元" in pdf and "- 1 -" not in pdf  # the page number is furniture
    assert (data / "sources" / "pdf-report.pdf").is_file()
    assert _run(data, "add-source", str(FIXTURES / "statistical-bulletin.docx"), "--id", "docx-report", *common) == 0
    docx = (data / "sources" / "docx-report.txt").read_text(encoding="utf-8")
    assert "全区实现地区生产总值318.9亿元" in docx and "有效发明专利\t件\t2310" in docx
    capsys.readouterr()
    assert _run(data, "check") == 0


def test_unreadable_reports_are_refused_with_one_line(tmp_path, capsys):
    data = _park(tmp_path)
    fake_pdf = tmp_path / "fake.pdf"
    fake_pdf.write_text("not a pdf", encoding="utf-8")
    fake_docx = tmp_path / "fake.docx"
    fake_docx.write_text("not a docx", encoding="utf-8")
    empty_page = tmp_path / "empty.html"
    empty_page.write_text("<html><body><script>var page = 1;</script></body></html>", encoding="utf-8")
    common = ["--park", PARK, "--title", "t", "--publisher", "p"]
    cases = [
        (fake_pdf, "expected a PDF"),
        (fake_docx, "expected a Word .docx file"),
        (empty_page, "expected a web page with a main text"),
    ]
    for path, message in cases:
        capsys.readouterr()
        assert _run(data, "add-source", str(path), "--id", "bad", *common) == 1
        err = capsys.readouterr().err
        assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1, err
    assert (
        _run(data, "add-source", str(FIXTURES / "formal-report.txt"), "--id", "x", "--park", PARK, "--title", "t") == 1
    )
    assert "--publisher: expected who published the report" in capsys.readouterr().err
    assert _run(data, "add-source", str(FIXTURES / "formal-report.txt"), "--id", "x", *common, "--url", "ftp://x") == 1
    assert "--url: expected an address starting with http://" in capsys.readouterr().err
    assert not list((data / "sources").iterdir())


def test_invisible_characters_are_removed_and_counted(tmp_path, capsys):
    text = "全年实现营业\u200b收入1520.8\u00ad亿元,同比增长\u202e9.7%\u2069。\n"
    cleaned, log = clean_report_with_log(text)
    assert cleaned == "全年实现营业收入1520.8亿元,同比增长9.7%。\n" and log.invisible == 4
    data = _park(tmp_path)
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    capsys.readouterr()
    assert _run(data, "add-source", str(path), "--id", "r", "--park", PARK, "--title", "t", "--publisher", "p") == 0
    assert "and 4 invisible characters" in capsys.readouterr().out


def test_pinyin_in_brackets_after_characters_is_removed_and_the_figures_drafted():
    text = (
        "2018年,,實(shí)現(xiàn)地區(qū)生產(chǎn)總值1800.8億元,增長8.1%,;"
        "規(guī)模以上工業(yè)總產(chǎn)值4165.97億元。\n"
    )
    cleaned, log = clean_report_with_log(text)
    assert cleaned == "2018年,,實現地區生產總值1800.8億元,增長8.1%,;規模以上工業總產值4165.97億元。\n"
    assert log.pinyin == 7
    assert clean_report_with_log("地区生产总值(GDP)1800亿元(ha)\n")[1].pinyin == 0  # no tone mark: not pinyin
    found = indicators(cleaned, 2018)
    assert (found["gdp"]["value"], found["gdp"]["change_pct"]) == (1800.8, 8.1)
    assert found["industrial_output_above_scale"]["value"] == 4165.97


def test_pinyin_without_tone_marks_is_removed_on_a_page_that_sets_it_again_and_again():
    text = "清遠高(gao)(gao)新區(qu)(qu)地處清遠市南端(duan)。"
    text += "2018年,清遠高(gao)新區(qu)完成工業總(zong)產值(zhi)311億元,現(xian)價同比(bi)增長11.2%。\n"
    cleaned, log = clean_report_with_log(text)
    assert cleaned == "清遠高新區地處清遠市南端。2018年,清遠高新區完成工業總產值311億元,現價同比增長11.2%。\n"
    assert log.pinyin == 11
    found = indicators(cleaned, 2018)["industrial_output"]
    assert (found["value"], found["change_pct"]) == (311, 11.2)
    # A syllable or two in brackets on a page that sets no pinyin stays: 哈(ha), 安(an).
    assert clean_report_with_log("哈(ha)尔滨高新区,安(an)宁园区。\n")[1].pinyin == 0


def test_metadata_blocks_in_simplified_and_traditional_characters():
    simplified = "[ 索引号 ] 11350200MB1234567X/2025-00012 [ 发布机构 ] 某高新区管委会 [ 成文日期 ] 2025年01月08日"
    assert page_metadata(simplified) == {
        "reference": "11350200MB1234567X/2025-00012",
        "publisher": "某高新区管委会",
        "published": "2025-01-08",
    }
    traditional = "索引號：A01-2025-003\n發布機構：某高新區管委會\n發布日期：2025-1-9"
    assert page_metadata(traditional) == {
        "reference": "A01-2025-003",
        "publisher": "某高新區管委會",
        "published": "2025-01-09",
    }
    kept, log = clean_report_with_log(simplified + "\n正文第一段。\n發布時間：2025年01月20日\u3000來源：某網\n")
    assert kept == "正文第一段。\n" and len(log.furniture) == 2


def test_a_date_line_without_a_key_is_offered_as_the_date_and_kept_out_of_the_text():
    page = "佛山国家高新区营收同比涨25%\n\n来源:  作者:  2021-05-19 09:42:59\n\n5月17日,记者获悉,营业收入1148亿元。\n"
    assert page_metadata(page) == {"published": "2021-05-19"}
    assert clean_report(page) == "佛山国家高新区营收同比涨25%\n5月17日,记者获悉,营业收入1148亿元。\n"
    keyed = "发布日期:2025-01-10\n2024-12-31 10:00\n正文。\n"
    assert page_metadata(keyed)["published"] == "2025-01-10"  # the keyed date first


def test_a_table_with_bars_is_kept_and_a_menu_is_not():
    text = "首页 | 新闻中心 | 统计数据\n指标 | 计量单位 | 1-12月 | 比上年同期增长(%)\n"
    text += "地区生产总值 | 亿元 | 356.72 | 5.9\n"
    kept, log = clean_report_with_log(text)
    assert kept.splitlines() == ["指标 | 计量单位 | 1-12月 | 比上年同期增长(%)", "地区生产总值 | 亿元 | 356.72 | 5.9"]
    assert log.furniture == ["首页 | 新闻中心 | 统计数据"]


def test_a_pages_address_dates_it_where_the_page_gives_no_date():
    from generator.editor.archive import date_in_address

    rows = {
        "https://yq.rednet.cn/m/content/2019/01/22/4712929.html": "2019-01-22",
        "https://most.gov.cn/dfkj/nmg/zxdt/202205/t20220507_180561.html": "2022-05-07",
        "http://jintiao.net/xiazai/2022/0510/30249.html": "2022-05-10",
        "http://szb.eyesnews.cn/pc/cont/202302/21/content_86532.html": "2023-02-21",
        "http://www.example.gov.cn/art/2019/8/12/art_1.html": None,  # one-digit month: not a date it can tell
        "http://20190122.example.cn/news/4712929.html": None,  # the host is no date
        "http://hnxjxq.rednet.cn/c/2017/13/05/4494268.htm": None,  # no 13th month
    }
    assert {url: date_in_address(url) for url in rows} == rows


def test_a_pages_widgets_and_greeting_are_furniture_and_a_sentence_that_welcomes_is_not():
    from generator.editor.archive import clean_report_with_log

    page = (
        "您好,欢迎来到创新360,在这里开启您的创新之旅!\n  • 2017-04-28 00:00\n  • 分享到\n字体【\n保护视力色:\n"
        "1 / 听新闻\n2020年,高新区实现地区生产总值100亿元。\n"
        "欢迎来到高新区投资兴业的企业达到120家,比上年增加20家,其中外资企业30家。"
    )
    kept, log = clean_report_with_log(page)
    assert kept.splitlines()[0] == "2020年,高新区实现地区生产总值100亿元。"
    assert len(log.furniture) == 6
    assert "企业达到120家" in kept  # a long line that opens on 欢迎来到 is the report's own sentence
