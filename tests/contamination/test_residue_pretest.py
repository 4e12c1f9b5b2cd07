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
