"""Report titles as they are laid out in published files: the issuing body on its own line above
``YYYY年政府信息公开工作年度报告``, the year first, letter-spaced or wrapped — in txt, docx, html and pdf.
A complete title is no GL107; a title that really names no body still is."""

from __future__ import annotations

import pytest

from checker.model.document import Document
from checker.read.formats import read_bytes
from report_fixture import WRITERS, complete_report

AGENCY = "某某市某某区人民政府"

COMPLETE = {
    "one line": [f"{AGENCY}2023年政府信息公开工作年度报告"],
    "body above": [AGENCY, "2023年政府信息公开工作年度报告"],
    "year first": [f"2023年{AGENCY}政府信息公开工作年度报告"],
    "letter-spaced year": [AGENCY, "2 0 2 3 年政府信息公开工作年度报告"],
    "year on its own line": [AGENCY, "2023", "年政府信息公开工作年度报告"],
    "wrapped": [f"{AGENCY}2023年政府信息公开", "工作年度报告"],
    "body above, 关于": [AGENCY, "关于2023年政府信息公开工作年度报告"],
    "关于 after the body": [f"{AGENCY}关于2023年政府信息公开工作年度报告"],
    "year first, across lines": ["2023年度", AGENCY, "政府信息公开工作年度报告"],
    "spaced body above": ["某 某 市 某 某 区 人 民 政 府", "2023 年政府信息公开工作年度报告"],
}
FORMATS = ["txt", "docx", "html", "pdf"]


def _report(title_lines: list[str]):
    report = complete_report()
    report.blocks[0:1] = title_lines
    return report


def _document(tmp_path, title_lines, fmt) -> Document:
    path = WRITERS[fmt](_report(title_lines), tmp_path / f"r.{fmt}")
    return Document(read_bytes(path.read_bytes(), str(path)))


def _gl107(doc: Document):
    from checker.engine.loader import builtin_rules

    [rule] = [r for r in builtin_rules() if r.code == "GL107"]
    return list(rule.module.check(doc, rule))


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("layout", sorted(COMPLETE))
def test_complete_title_layouts(tmp_path, layout, fmt):
    doc = _document(tmp_path, COMPLETE[layout], fmt)
    assert doc.title is not None and doc.title.year == 2023
    assert "".join(doc.title.agency.split()) == AGENCY
    assert not _gl107(doc)


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_title_without_body_is_still_reported(tmp_path, fmt):
    for lines in (["2023年政府信息公开工作年度报告"],
                  ["发布时间：2024-01-20 来源：区政府办", "2023年政府信息公开工作年度报告"],
                  ["根据要求，现予公布。", "2023年政府信息公开工作年度报告"],
                  ["某某市人民政府门户网站", "2023年政府信息公开工作年度报告"]):
        doc = _document(tmp_path, lines, fmt)
        [d] = _gl107(doc)
        assert "未写明发布机关" in d.message


def test_title_span_covers_both_lines():
    text = f"{AGENCY}\n2023年政府信息公开工作年度报告\n一、总体情况\n概况。\n"
    doc = Document(read_bytes(text.encode(), "r.txt"))
    t = doc.title
    assert t.line_start == 0 == t.agency_start and doc.text[t.start:t.end] == text[:text.index("\n一")]


def test_body_between_year_and_title_words():
    cases = {
        "2012年泾县人民政府信息公开年度报告": "泾县人民政府",      # 政府 shared by name and title words
        "2009年度下管镇政府信息公开年度报告": "下管镇",
        "2016年福建省某某厅政府信息公开年报": "福建省某某厅",
    }
    for title, agency in cases.items():
        doc = Document(read_bytes(f"{title}\n一、概述\n概况。\n".encode(), "r.txt"))
        assert doc.title.agency == agency, title


def test_sentences_are_not_titles():
    """An intro naming a task or "我镇" does not give the report a body, and a heading-free sentence with
    a year and the title words far apart is no title."""
    doc = Document(read_bytes("现将2024年政务公开政府信息公开工作情况报告如下：\n一、总体情况\n概况。\n".encode(),
                              "r.txt"))
    assert doc.title is None
    doc = Document(read_bytes("现将2009年我镇政府信息公开年度报告如下：\n一、概述\n概况。\n".encode(), "r.txt"))
    assert doc.title is not None and doc.title.agency == ""
    text = "规定和《某某市人民政府办公厅关于认真总结2018年政务公开工作要点落实情况及做好政府信息公开工作年度报告》\n"
    doc = Document(read_bytes((text + "一、概述\n概况。\n").encode(), "r.txt"))
    assert doc.title is None
