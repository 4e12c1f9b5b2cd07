"""Sections, title and year → template generation, on hand-written reports."""

from __future__ import annotations

from checker.model.document import Document
from checker.model.source import Source

REPORT_2021 = """广州市某某区人民政府2023年政府信息公开工作年度报告
一、总体情况
概况。
二、主动公开政府信息情况
三、收到和处理政府信息公开申请情况
四、政府信息公开行政复议、行政诉讼情况
五、存在的主要问题及改进情况
问题。
六、其他需要报告的事项
未收取信息处理费。
"""


def doc(text: str, template=None) -> Document:
    return Document(Source("r.txt", text), template_override=template)


def test_six_sections_identified_exactly():
    d = doc(REPORT_2021)
    assert [(s.template.number, s.how) for s in d.structure.sections] == [
        (n, "exact") for n in "一二三四五六"]
    assert d.template.id == "gov-2021" and d.meta.year == 2023 and d.meta.year_source == "标题"
    assert d.title.agency == "广州市某某区人民政府"


def test_year_selects_generation():
    assert doc(REPORT_2021.replace("2023", "2020")).template.id == "gov-2019"
    assert doc(REPORT_2021.replace("2023", "2015")).template.id == "pre-2019"
    assert doc(REPORT_2021.replace("2023", "2015"), template="2021").template.id == "gov-2021"


def test_year_from_statistics_period_when_no_title():
    text = "一、总体情况\n本报告统计期限为2022年1月1日至2022年12月31日。\n"
    d = doc(text)
    assert d.meta.year == 2022 and d.meta.year_source == "统计期限"


def test_traditional_and_variant_titles_are_recognised():
    text = REPORT_2021.replace("六、其他需要报告的事项", "六、其他事項").replace("一、总体情况", "一、總體情況")
    d = doc(text)
    hows = {s.template.number: s.how for s in d.structure.sections}
    assert hows["一"] == "exact" and hows["六"] == "variant"


def test_unknown_title_is_placed_by_number():
    d = doc(REPORT_2021.replace("五、存在的主要问题及改进情况", "五、下一步工作计划"))
    five = d.structure.section_for("五")
    assert five.how == "number" and five.heading.title == "下一步工作计划"


def test_title_agency_in_preamble():
    text = "根据《条例》要求，现公布广州市某某局2022年政府信息公开工作年度报告。\n一、总体情况\n概况。\n"
    d = doc(text)
    assert d.title.agency == "广州市某某局" and d.meta.year == 2022


def test_template_title_padded_with_filler_words_is_a_variant_not_a_mismatch():
    # real headings: 一、政府信息公开总体工作情况, 三、收到和处理政府信息公开的申请情况 (GL103 warning, not GL102)
    text = (REPORT_2021.replace("一、总体情况", "一、政府信息公开总体工作情况")
            .replace("三、收到和处理政府信息公开申请情况", "三、收到和处理政府信息公开的申请情况"))
    hows = {s.template.number: s.how for s in doc(text).structure.sections}
    assert hows["一"] == hows["三"] == "variant" and hows["二"] == "exact"


def test_added_words_that_change_the_subject_are_not_filler():
    text = REPORT_2021.replace("五、存在的主要问题及改进情况", "五、存在的主要问题及下一步改进情况")
    assert {s.template.number: s.how for s in doc(text).structure.sections}["五"] == "fuzzy"


def test_banner_run_into_the_title_is_not_the_agency():
    # a copy without line breaks: site banner, column name or breadcrumb, then the title
    for head in ("欢迎访问仓山区人民政府门户网站  政府信息公开 ", "首页 > 政务公开 > 年报 ", "当前位置：首页 › 信息公开 "):
        d = doc(head + "福州市仓山区2018年政府信息公开工作年度报告 一、概述 本区依法公开。")
        assert d.title.agency == "福州市仓山区", head
    # names that hold such words are kept whole
    for name in ("某某县政务公开办公室", "某某县政府网站管理中心"):
        assert doc(f"{name} 2023年政府信息公开工作年度报告\n一、总体情况\n").title.agency == name
