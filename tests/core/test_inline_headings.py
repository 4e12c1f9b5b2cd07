"""Section headings inside one long line (web copies and crawler text without line breaks)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.model.document import Document
from checker.model.source import Source
from checker.normalise.pipeline import normalise
from checker.parse.headings import find_headings
from checker.parse.inline_headings import inline_headings

CRAWLED_2011 = (
    "平潭县人民政府2011年政府信息公开工作年度报告 本报告由概述、主动公开政府信息情况、政府信息依申请公开工作情况"
    "共五个部分组成。一、 概述 推进政府信息公开工作是一项重要工作。二、主动公开政府信息情况（一）主动公开政府信息的数量"
    "全年主动公开政府信息425条。三、政府信息依申请公开工作情况 2011年全县未收到申请，未收到行政复议申请。 "
    "四、政府信息公开工作存在的主要问题及改进情况目前，我县仍存在一些不足。五、政府信息公开的收费及减免情况 未收取费用。"
)


def inline(text):
    return [(h.number_text, h.title) for h in inline_headings(text, find_headings(text))]


def test_headings_of_a_one_line_report():
    assert inline(CRAWLED_2011) == [
        ("一", "概述"), ("二", "主动公开政府信息情况"), ("三", "政府信息依申请公开工作情况"),
        ("四", "政府信息公开工作存在的主要问题及改进情况"), ("五", "政府信息公开的收费及减免情况")]


def test_sections_and_bodies_of_a_one_line_report():
    d = Document(Source("r.txt", CRAWLED_2011))
    sections = d.structure.sections
    assert [s.template.title for s in sections][:2] == ["概述", "主动公开政府信息情况"]
    assert d.text[sections[3].body_start:].startswith("目前，我县")
    assert d.text[sections[0].body_start:].lstrip().startswith("推进")


@pytest.mark.parametrize("text", [
    # an introduction enumerating the sections is not a set of headings
    "本报告主要包括:一、总体情况;二、主动公开政府信息情况;三、收到和处理政府信息公开申请情况;六、其他需要报告的事项。本报告中",
    "报告分为一、总体情况，二、主动公开政府信息情况等部分。",
    # a numeral inside a sentence
    "我局一、二季度主动公开政府信息情况良好。",
    "全年召开会议一次。本年度第一、二批主动公开目录已发布。",
    # a sentence end followed by a numeral whose words are no section title
    "工作有序推进。一、是加强组织领导，二是完善制度。",
    "全年办理完毕。三、本年度办理结果（一）予以公开 12 0 0 0 0 0 12",
])
def test_no_heading_inside_ordinary_sentences(text):
    assert inline(text) == []


def test_headings_on_their_own_lines_are_left_to_the_line_scan():
    text = "标题\n一、总体情况\n正文。二、主动公开政府信息情况 正文\n"
    assert inline(text) == [("二", "主动公开政府信息情况")]


EXCERPTS = Path("/work/shared/corpus/excerpts/docs")


@pytest.mark.skipif(not EXCERPTS.is_dir(), reason="shared excerpt corpus not present")
def test_every_inline_heading_of_the_excerpts_is_a_labelled_heading():
    import yaml

    labels = {e["file"]: e for e in yaml.safe_load((EXCERPTS.parent / "labels.yaml").read_text("utf-8"))}
    for path in sorted(EXCERPTS.glob("*.txt")):
        text = normalise(path.read_text("utf-8"))[0].text
        raw_headings = [h.replace(" ", "") for h in labels[f"docs/{path.name}"].get("headings") or []]
        for h in inline_headings(text, find_headings(text)):
            found = normalise(h.number_text + h.sep + h.title)[0].text.replace(" ", "")
            assert any(found in normalise(r)[0].text for r in raw_headings), (path.name, found)


def test_before_2019_unknown_wording_names_no_section():
    # no national numbering before 2019: “四、…咨询处理情况” is not the 收费 section by its number or
    # by looking like its title, so the real 收费 section later is no duplicate
    text = ("某县卫生局2014年政府信息公开工作年度报告\n一、概述\n概况。\n二、主动公开政府信息情况\n略。\n"
            "三、依申请公开政府信息情况\n略。\n四、政府信息公开咨询处理情况\n略。\n五、政府信息公开复议、诉讼情况\n无。\n"
            "六、政府信息公开支出与收费\n未收费。\n七、存在的主要问题和改进措施\n略。\n")
    d = Document(Source("r.txt", text))
    assert [s.template and s.template.number for s in d.structure.sections] == ["一", "二", "三", None, "五", "四", "六"]
    from conftest import check_text
    assert [x.code for x in check_text(text, select=["GL1"]) if x.severity.label == "error"] == []


CRAWLED_2020 = (
    "某某区人民政府2020年政府信息公开工作年度报告 一、总体情况 本区依法公开。二、主动公开政府信息情况 "
    "三、收到和处理政府信息公开申请情况 四、政府信息公开行政复议、行政诉讼情况 五、下一步工作计划 "
    "2021年，我区将继续推进公开。六、其他需要报告的事项 本年度未收取信息处理费。"
)


def test_reworded_section_between_two_found_ones_is_taken_by_its_number():
    d = Document(Source("r.txt", CRAWLED_2020))
    by_number = {s.template.number: s for s in d.structure.sections}
    assert sorted(by_number) == sorted("一二三四五六")
    assert by_number["五"].heading.title == "下一步工作计划" and by_number["五"].how == "number"


def test_numbered_list_item_in_a_gap_is_not_a_heading():
    # 五、 inside a sentence, and a second 五、 in the same gap: neither is taken
    text = CRAWLED_2020.replace(" 五、下一步工作计划 ", "我们的工作：一、加强，二、规范，五、改进。")
    assert "五" not in {h.number_text for h in inline_headings(text, find_headings(text))}
