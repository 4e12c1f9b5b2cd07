"""Spam names, their positions, porn keyword lines, title/agency consistency."""

from __future__ import annotations

from checker.contamination.lexicon import LexiconError, load, parse
from conftest import check_text
import pytest

TITLE = "某某县人民政府2023年政府信息公开工作年度报告\n"


def _codes(text, select=("GL3",), **kw):
    return [d.code for d in check_text(text, select=list(select), **kw)]


def test_brand_in_a_sentence_is_gl301():
    diags = check_text(TITLE + "一、总体情况\n欢迎登录xyz99娱乐平台参与互动。\n", select=["GL3"])
    assert [(d.code, d.found) for d in diags] == [("GL301", "xyz99娱乐平台")]


def test_weak_brand_needs_a_spam_suffix():
    assert _codes(TITLE + "一、总体情况\n金沙县皇冠假日酒店周边道路完成整治。\n") == []
    assert _codes(TITLE + "一、总体情况\n推广金沙娱乐官网。\n") == ["GL301"]


@pytest.mark.parametrize("sentence", [
    "体育彩票公益金使用情况已公开。", "建设精品课程,实行一区一策。", "在县政府官网和官方网站发布信息。",
    "WPS官方网站提供下载。", "推进国产化替代,开展成人教育,在线访谈3期。",
])
def test_legitimate_text_is_not_spam(sentence):
    assert _codes(TITLE + "一、总体情况\n" + sentence + "\n") == []


def test_agency_slot_marks_every_occurrence():
    text = ("abc888亚洲官网 2023年政府信息公开工作年度报告\n一、总体情况\n"
            "印发《abc888亚洲官网 工作方案》，联系abc888亚洲官网 办公室。\n")
    diags = check_text(text, select=["GL3"])
    assert [d.code for d in diags] == ["GL302", "GL302", "GL302"]
    assert all(d.fix is None for d in diags)


def test_agency_fix_uses_configured_name_and_swallows_the_left_space():
    from checker.engine.loader import builtin_rules
    from checker.engine.runner import check_source, select_rules
    from checker.model.source import Source

    text = "abc888亚洲官网 2023年政府信息公开工作年度报告\n一、总体情况\n加强abc888亚洲官网 门户网站建设。\n"
    rules = select_rules(list(builtin_rules()), select=["GL302"])
    res = check_source(Source("x.txt", text), rules, None, {"agency": "某某县人民政府"})
    edits = [e for d in res.diagnostics for e in d.fix.edits]
    assert all(not d.fix.safe for d in res.diagnostics)
    fixed = text
    for e in sorted(edits, key=lambda e: -e.start):
        fixed = fixed[:e.start] + e.replacement + fixed[e.end:]
    assert fixed.startswith("某某县人民政府2023年") and "加强某某县人民政府门户网站建设" in fixed


def test_disclosure_phrase_replaced():
    text = "某某县人民政府2023年澳门赌场推荐工作年度报告\n一、总体情况\n依据《中华人民共和国澳门赌场推荐条例》。\n"
    diags = check_text(text, select=["GL3"])
    assert {d.code for d in diags} == {"GL305"} and len(diags) == 2


def test_porn_keyword_line_before_the_title():
    line = "蜜桃午夜精品专区|无码人妻中文字幕|日韩成人一区二区|久久热在线观看"
    diags = check_text(line + "\n" + TITLE + "一、总体情况\n概况。\n", select=["GL303"])
    assert [d.line for d in diags] == [1] and not diags[0].fix.safe


def test_user_lexicon_extends_brands(tmp_path):
    extra = tmp_path / "mine.txt"
    extra.write_text("# local\n[brands]\n飞天游乐场\n", encoding="utf-8")
    text = TITLE + "一、总体情况\n访问飞天游乐场领取奖励。\n"
    assert _codes(text) == []
    from checker.engine.loader import builtin_rules
    from checker.engine.runner import check_source, select_rules
    from checker.model.source import Source

    rules = select_rules(list(builtin_rules()), select=["GL301"])
    res = check_source(Source("x.txt", text), rules, None, {"lexicon_files": [str(extra)]})
    assert [d.found for d in res.diagnostics] == ["飞天游乐场"]


def test_lexicon_rejects_unknown_sections():
    with pytest.raises(LexiconError):
        parse("[casinos]\nabc\n", "bad.txt")
    assert "bet365" in load().brands


def test_title_agency_against_configured_and_body():
    from checker.engine.loader import builtin_rules
    from checker.engine.runner import check_source, select_rules
    from checker.model.source import Source

    text = "某某市甲局2023年政府信息公开工作年度报告\n本报告由某某市甲局编制。\n一、总体情况\n概况。\n"
    rules = select_rules(list(builtin_rules()), select=["GL304"])
    assert check_source(Source("x.txt", text), rules).diagnostics == []
    res = check_source(Source("x.txt", text), rules, None, {"agency": "某某市乙局"})
    (d,) = res.diagnostics
    assert d.expected == "某某市乙局" and d.fix.edits[0].replacement == "某某市乙局"
