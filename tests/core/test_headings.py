"""Heading recognition over the numbering styles seen in real reports."""

from __future__ import annotations

import pytest

from checker.parse.headings import find_headings

TABLE_LABELS = ("本年新收", "上年结转", "本年度办理结果", "结转下年度")


@pytest.mark.parametrize("line,level,number,sep,title", [
    ("一、总体情况", 1, 1, "、", "总体情况"),
    ("二 主动公开政府信息情况", 1, 2, " ", "主动公开政府信息情况"),
    ("三．收到和处理政府信息公开申请情况", 1, 3, "．", "收到和处理政府信息公开申请情况"),
    ("六、其他需要报告的事项。", 1, 6, "、", "其他需要报告的事项"),
    ("五、存在的主要问题及改进情况：一是不足。", 1, 5, "、", "存在的主要问题及改进情况"),
    ("十、附则", 1, 10, "、", "附则"),
    ("（一）主动公开情况", 2, 1, "", "主动公开情况"),
    ("(三)政府信息管理情况。", 2, 3, "", "政府信息管理情况"),
])
def test_recognised(line, level, number, sep, title):
    [h] = find_headings(line)
    assert (h.level, h.number, h.sep, h.title) == (level, number, sep, title)


@pytest.mark.parametrize("line", [
    "一是搭建政策信息汇聚平台，集中展示政策措施。",
    "十分重视政务公开工作",
    "一、本年新收政府信息公开申请数量 | 10 | 0 | 0 | 0 | 0 | 0 | 10",
    "一、本年新收政府信息公开申请数量",
    "一、" + "很长的一段正文" * 10,
    "1. 规章 0 0 0",
])
def test_not_a_section_heading(line):
    assert [h for h in find_headings(line, TABLE_LABELS) if h.level == 1] == []


def test_offsets_point_into_the_text():
    text = "标题\n二 主动公开政府信息情况\n正文\n"
    [h] = find_headings(text)
    assert text[h.title_start:h.title_end] == "主动公开政府信息情况"
    assert text[h.sep_start:h.sep_end] == " "
