"""The loose literal phrases of rules/data/residue.txt are compiled only for a text holding all their
characters (they are dear to compile and almost never there), and still found loosely where they are."""

from __future__ import annotations

from checker.contamination.residue import pattern, spans

GUIDANCE = "这一项报告本机关政府信息公开工作总体情况"


def test_a_text_without_the_phrase_characters_compiles_only_the_regex_lines():
    text = "某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本县依法公开。\n"
    assert "这" not in text
    assert pattern("guidance", text).pattern.count("(?:") < pattern("guidance").pattern.count("(?:")


def test_the_phrase_copied_loosely_is_still_found():
    text = "一、总体情况\n（这一项报告本机关政府信息公开工作“总体情况”）\n本县依法公开。\n"
    found = [text[s:e] for s, e in spans(text, "guidance")]
    assert any(GUIDANCE[:4] in f and "总体情况" in f for f in found)


def test_a_section_of_regex_lines_only_is_whole():
    assert pattern("encoding", "x") is not None and pattern("encoding", "x").pattern == pattern("encoding").pattern


# --- the needles: a regex line is left out of a text's pattern when none of its strings is there ---

import re  # noqa: E402

import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

from checker.contamination.residue import _sources, head, needles  # noqa: E402

_REGEX_LINES = [(section, p) for section, entries in _sources().items() for p, need in entries if need is None]


def test_every_regex_line_has_its_needles():
    # a line added without needles is still found (always compiled), but costs every report its compile
    assert [p for _, p in _REGEX_LINES if needles(p) is None] == []


def _every_match_holds_a_needle(p: str, text: str) -> None:
    for m in re.finditer(p, text, re.M):
        if m.end() > m.start():
            assert any(n in m.group() for n in needles(p)), (p, m.group())


@pytest.mark.parametrize("line", [p for _, p in _REGEX_LINES], ids=range(len(_REGEX_LINES)))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_match_of_a_line_holds_one_of_its_needles(line, data):
    text = data.draw(st.from_regex(re.compile(line, re.M)))
    _every_match_holds_a_needle(line, text)


_PIECES = ["（", "）", "(", ")", "宋体", "小标宋", "方正", "粗", "小四号", "三号字", "2023年", "件量", "数量", "编写说明：",
           "设区的市", "应提供", "<!--[if !x]-->", "<![endif]-->", "Page 9 - ", "P. 9", "已阅读3页，", "还剩 2页未读",
           "继续阅读", "由会员分享", "附件下载：", "当前位置：首页", "来源：县局 时间：2014-02-25", "微信 微博 打印",
           "[email protected]", "&lt;", "&#12;", "<政府>", "\n", " ", "政府", "x"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join), st.sampled_from(sorted(_sources())))
def test_spans_equal_the_whole_sections_spans(text, section):
    whole = pattern(section)
    expected = [m.span() for m in re.compile(whole.pattern, re.M).finditer(text) if m.end() > m.start()]
    assert spans(text, section) == expected


def test_the_punctuation_set_is_exactly_the_loose_class():
    from checker.contamination.residue import _PUNCT, _PUNCT_CHARS

    loose = re.compile(_PUNCT)
    assert {chr(i) for i in range(0x110000) if loose.fullmatch(chr(i))} == _PUNCT_CHARS


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["这一", "这", "一项", "报告", "项报", "“", "（", " ", "\n", "x", "告"]), max_size=10).map("".join),
       st.sampled_from(["这一项报告", "一项", "这这", "报"]))
def test_loose_walk_equals_the_loose_pattern(text, core):
    from checker.contamination.residue import _holds_loosely, _literal

    assert _holds_loosely(text, core) == (re.search(_literal(core), text) is not None)


@pytest.mark.parametrize("line", [p for _, p in _REGEX_LINES if head(p) is not None])
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_a_line_matches_only_where_its_head_does(line, data):
    text = data.draw(st.from_regex(re.compile(line, re.M)))
    for m in re.finditer(line, text, re.M):
        assert head(line).match(text, m.start()), (line, m.group())


_LOOSE_PIECES = ["这一项", "报告", "本机关", "政府信息公开工作", "总体情况", "“", "”", "（", "）", " ", "\n", "，", "、", "x",
                 "对本机关贯彻落实", "《中华人民共和国政府信息公开条例》", "情况进行综述", "（2023年度办件量）", "（指 2019年事项数）",
                 "（2023年）", "数量"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_LOOSE_PIECES), max_size=14).map("".join))
def test_guidance_spans_equal_the_whole_sections_spans(text):
    expected = [m.span() for m in re.compile(pattern("guidance").pattern, re.M).finditer(text) if m.end() > m.start()]
    assert spans(text, "guidance") == expected
