"""Typography rules (GL7xx): where they report, where they must not, their fixes, and the garbling
rules' tolerance of the spacing that CJK-spacing fixers (autocorrect, zhlint) insert."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.engine.loader import builtin_rules
from checker.engine.runner import check_source, select_rules
from checker.fix.loop import fix_source
from checker.model.source import Source
from conftest import SEEDS, check_text

HEAD = "某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n"


def codes(text: str, select=("GL7",), options=None) -> list[str]:
    return [d.code for d in check_text(HEAD + text, select=list(select), options=options)]


def fixed(text: str, select=("GL7",), options=None, unsafe=False) -> str:
    rules = select_rules(list(builtin_rules()), select=list(select))
    return fix_source(Source("t.txt", HEAD + text), rules, options=options, unsafe=unsafe).text[len(HEAD):]


# --- GL701 half-width punctuation ----------------------------------------------------------------

def test_halfwidth_punctuation_between_hanzi_is_reported_and_fixed():
    assert codes("本县坚持依法公开,全年主动公开信息;成效明显。\n") == ["GL701", "GL701"]
    assert fixed("本县坚持依法公开,全年主动公开信息;成效明显。\n") == "本县坚持依法公开，全年主动公开信息；成效明显。\n"


@pytest.mark.parametrize("text", [
    "全年公开信息1,234条，占比3.5%。\n",            # numbers
    "咨询时间10:30至17:00。\n",                       # times
    "网址http://www.example.gov.cn/a,b;c。\n",        # URLs
    "邮箱gk.office@example.gov.cn。\n",               # e-mail
    "日期2023.01.05发布。\n",                         # dates
    "The report, in English: yes; it works.\n",       # English
    "本年新收 | 1,234 | 5 | 6\n",                    # table rows
    "通过中国?成都门户网站公开。\n",                   # a character lost to a code page, not a question
])
def test_halfwidth_punctuation_not_reported_outside_chinese_prose(text):
    assert "GL701" not in codes(text)


def test_a_document_wide_pattern_is_one_finding_with_counts():
    text = "".join(f"第{i}项工作,按期完成;效果良好。\n" for i in range(10))
    diags = check_text(HEAD + text, select=["GL701"])
    assert len(diags) == 1
    assert "共 20 处" in diags[0].message and len(diags[0].related) == 20
    assert diags[0].fix is not None and len(diags[0].fix.edits) == 20


# --- GL702 brackets -------------------------------------------------------------------------------

def test_halfwidth_brackets_with_chinese_content():
    assert fixed("(一)主动公开。各乡镇(街道)按时公开。\n", select=["GL702"]) == "（一）主动公开。各乡镇（街道）按时公开。\n"
    assert codes("网站(www.example.gov.cn)、(2023)、(app)。\n", select=["GL702"]) == []


# --- GL703 spaces inside Chinese ---------------------------------------------------------------------

@pytest.mark.parametrize("text,want", [
    ("部分公开（只计这一情 形，不计其他情形）。\n", True),
    ("进一步提高政府信 息公开水平。\n", True),
    ("联系地址：某某路10号 ；邮编100000。\n", True),
    ("黄石港区文化和旅游局2025年度政府信息 公开工作年度报告\n", True),     # inside a fixed phrase
    ("政 府 信 息 公 开\n", False),                    # letter spacing
    ("索 引 号：001\n", False),                         # letter-spaced label
    ("某某市体育局 某某市教育局联合印发。\n", False),      # two issuing bodies
    ("2013年1月16日 附件1：统计表。\n", False),           # a date, then the next item
    ("本年新收 | 社会公益组 织 | 5\n", False),             # table row
])
def test_stray_space_only_where_it_cuts_a_word(text, want):
    assert ("GL703" in codes(text, select=["GL703"])) is want


def test_stray_space_fix_is_unsafe():
    text = "部分公开（只计这一情 形，不计其他情形）。\n"
    assert fixed(text, select=["GL703"]) == text
    assert fixed(text, select=["GL703"], unsafe=True) == "部分公开（只计这一情形，不计其他情形）。\n"


# --- GL704 / GL705 / GL707 ----------------------------------------------------------------------------

def test_fullwidth_digits_and_letters():
    assert fixed("２０２３年公开ＡＰＰ信息１２条。\n", select=["GL704"]) == "2023年公开APP信息12条。\n"
    assert codes("　　2023年公开信息12条。\n", select=["GL704"]) == []      # an ideographic indent is fine


@pytest.mark.parametrize("char", ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad"])
def test_invisible_characters_are_deleted(char):
    assert codes(f"本县主动公开信息1{char}2条。\n", select=["GL705"]) == ["GL705"]
    assert fixed(f"本县主动公开信息1{char}2条。\n", select=["GL705"]) == "本县主动公开信息12条。\n"


def test_duplicated_punctuation_but_not_ellipsis_or_dash():
    assert fixed("依法公开，，全年公开12条。。\n", select=["GL707"]) == "依法公开，全年公开12条。\n"
    assert codes("依法公开……全年公开——12条。\n", select=["GL707"]) == []


# --- GL706 paired marks -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text,marks", [
    ("依据《条例（以下简称《条例》，依法公开。\n", ["《", "（"]),
    ("请与办公室联系（地址：某某路1号）电话：123）。\n", ["）"]),
    ("（一）主动公开《条例》“一网通办”。\n", []),
    ("1）主动公开情况。\n", []),
    ("依据《条例》(国务院令第\n492\n号)有关规定。\n", []),        # a bracket over hard line breaks
])
def test_unmatched_marks(text, marks):
    diags = check_text(HEAD + text, select=["GL706"])
    assert [d.found for d in diags] == marks


def test_a_cut_off_last_line_is_not_judged():
    assert codes("依据《条例（以下简称", select=["GL706"]) == []


# --- GL708 cjk-spacing ------------------------------------------------------------------------------------

def test_cjk_spacing_default_none_space_and_ignore():
    spaced, tight = "2023 年公开信息 12 条。\n", "2023年公开信息12条。\n"
    assert codes(spaced, select=["GL708"]) == ["GL708"] * 3
    assert codes(tight, select=["GL708"]) == []
    assert fixed(spaced, select=["GL708"]) == tight
    # in "space" mode the title line (某某县人民政府2023年…) misses its spaces too: 5 places, one finding
    diags = check_text(HEAD + tight, select=["GL708"], options={"cjk_spacing": "space"})
    assert len(diags) == 1 and len(diags[0].related) == 5
    rules = select_rules(list(builtin_rules()), select=["GL708"])
    out = fix_source(Source("t.txt", HEAD + tight), rules, options={"cjk_spacing": "space"}).text
    assert out.startswith("某某县人民政府 2023 年政府") and out.endswith(spaced)
    assert codes(spaced, select=["GL708"], options={"cjk_spacing": "ignore"}) == []


@pytest.mark.parametrize("text", [
    "网址 www.example.gov.cn 可查。\n",
    "昌图县人民政府 The People's Government of Changtu\n",
    "多个空格对齐  2023年\n",
    "本年新收 12 5 6 7\n",
])
def test_cjk_spacing_leaves_urls_english_layout_and_tables(text):
    assert codes(text, select=["GL708"]) == []


def test_cjk_spacing_is_a_configuration_key(tmp_path):
    from checker.config.settings import OPTION_KEYS

    assert OPTION_KEYS["cjk-spacing"] == "cjk_spacing"


# --- fixes: clean, idempotent, never touching numbers or URLs -------------------------------------

MESSY = ("2023 年,本县坚持依法公开;(一)主动公开情况:全年公开信息1,234条,占比3.5%,"
         "网址http://www.example.gov.cn/a,b。，，联系邮箱gk@example.gov.cn。\n"
         "进一步提高政府信 息公开水平\u200b。２０２３年。\n")


def test_fix_rechecks_clean_and_is_idempotent():
    rules = select_rules(list(builtin_rules()), select=["GL7"])
    once = fix_source(Source("t.txt", HEAD + MESSY), rules, unsafe=True)
    again = fix_source(Source("t.txt", once.text), rules, unsafe=True)
    assert again.text == once.text and again.fixed == 0
    left = {d.code for d in check_source(Source("t.txt", once.text), rules).diagnostics}
    assert left <= {"GL706"}        # no fix for unmatched marks
    assert "1,234" in once.text and "3.5%" in once.text and "http://www.example.gov.cn/a,b" in once.text
    assert "gk@example.gov.cn" in once.text


_PIECES = ["年", "公开", "信息", ",", ";", ":", ".", "(", ")", " ", "1,234", "3.5", "10:30", "2023-01-05",
           "http://a.gov.cn/x,y", "gk@a.gov.cn", "ab", "，", "。", "\u200b", "２"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=16).map("".join))
def test_fixes_never_touch_digits_urls_or_mail(body):
    rules = select_rules(list(builtin_rules()), select=["GL7"])
    out = fix_source(Source("t.txt", HEAD + body + "\n"), rules, unsafe=True).text
    for keep in ("1,234", "3.5", "10:30", "2023-01-05", "http://a.gov.cn/x,y", "gk@a.gov.cn"):
        assert out.count(keep) >= body.count(keep)
    # every digit stays, in its order (a full-width one may become half-width)
    assert re.sub(r"[^0-9]", "", out[len(HEAD):].replace("２", "2")) == re.sub(r"[^0-9]", "", body.replace("２", "2"))


# --- a CJK-spacing fixer run over seed 000 -----------------------------------------------------------

_HANZI = r"[\u3400-\u9fff]"


def spacing_fixer(text: str) -> str:
    """What autocorrect does to seed 000: a space between hanzi and Latin letters, digits or a half-width
    bracket (區(qū)政 → 區 (qū) 政, 2024年 → 2024 年), and a full-width ? before a syllable."""
    text = re.sub(r"(%s)([A-Za-z0-9(])" % _HANZI, r"\1 \2", text)
    text = re.sub(r"([A-Za-z0-9)])(%s)" % _HANZI, r"\1 \2", text)
    return re.sub(r"(%s)\?([a-zü\u00e0-\u01dc]+\))" % _HANZI, r"\1？\2", text)


def test_seed_000_after_a_spacing_fixer_keeps_its_garbling_findings():
    original = next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8")
    spaced = spacing_fixer(original)
    assert " (qū) " in spaced and "？dòng)" in spaced
    rules = list(builtin_rules())
    before = check_source(Source("000.txt", original), rules).diagnostics
    after = check_source(Source("000.txt", spaced), rules).diagnostics
    pinyin = [d for d in after if d.code == "GL402"]
    assert len(pinyin) == 1 and "18 行" in pinyin[0].message
    assert [d.expected for d in after if d.code in ("GL403", "GL404")] == \
        [d.expected for d in before if d.code in ("GL403", "GL404")]
    assert len([d for d in after if d.code == "GL403"]) == 2
    new_errors = {(d.code, d.message) for d in after if d.code[:3] in ("GL1", "GL2")} - \
        {(d.code, d.message) for d in before if d.code[:3] in ("GL1", "GL2")}
    assert new_errors == set()
    assert {d.code for d in after if d.code.startswith("GL708")} == {"GL708"}    # the inserted spaces


def test_fixing_the_spaced_seed_removes_the_annotations_and_their_spaces():
    spaced = spacing_fixer(next(SEEDS.glob("000_*.txt")).read_text(encoding="utf-8"))
    out = fix_source(Source("000.txt", spaced), list(builtin_rules())).text
    assert "(qū)" not in out and "区政府" in out and "（一）主动公开情况。" in out
