"""Web boilerplate only outside the report body; repeated phrases."""

from __future__ import annotations

from conftest import check_text

TITLE = "某某县人民政府2023年政府信息公开工作年度报告\n"
BODY = "一、总体情况\n概况。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n"


def test_head_block_before_title():
    text = "当前位置：首页 > 政务公开\n索引号：123-456\n发布机构：某某县\n" + TITLE + BODY
    (d,) = check_text(text, select=["GL501"])
    assert d.line == 1 and d.fix.safe
    (e,) = d.fix.edits
    assert text[:e.start] + text[e.end:] == TITLE + BODY


def test_tail_block_with_blank_lines():
    text = TITLE + BODY + "\n上一篇：无\n\n下一篇：无\n扫一扫在手机打开当前页\n"
    (d,) = check_text(text, select=["GL502"])
    (e,) = d.fix.edits
    assert text[:e.start] + text[e.end:] == TITLE + BODY


def test_body_phrases_and_attachments_are_not_boilerplate():
    text = (TITLE + "一、总体情况\n返回顶部按钮已加入门户网站，支持分享到微信。\n"
            "六、其他需要报告的事项\n无。\n附件：\n1.统计表.xlsx\n")
    assert check_text(text, select=["GL5"]) == []


def test_last_section_ends_before_tail_boilerplate():
    text = TITLE + "一、总体情况\n概况。\n六、其他需要报告的事项\n【打印本页】【关闭窗口】\n"
    codes = {d.code for d in check_text(text)}
    assert {"GL106", "GL502"} <= codes


def test_crlf_tail_is_removed_cleanly():
    text = (TITLE + BODY).replace("\n", "\r\n") + "返回顶部\r\n"
    (d,) = check_text(text, select=["GL502"])
    (e,) = d.fix.edits
    assert text[:e.start] + text[e.end:] == (TITLE + BODY).replace("\n", "\r\n")


def test_repeated_phrase_and_reduplication():
    diags = check_text(TITLE + "一、总体情况\n未公开的原因在于原因在于涉密。研究研究，常常。\n", select=["GL503"])
    assert [d.expected for d in diags] == ["原因在于"]
    (e,) = diags[0].fix.edits
    assert not diags[0].fix.safe and e.replacement == ""
