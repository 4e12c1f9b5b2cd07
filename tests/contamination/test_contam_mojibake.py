"""Mojibake repair in normalisation: byte-shifted GBK and UTF-8 read as GBK, with our own sentences."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from checker.normalise.mojibake import edits, undo_utf8_as_gbk
from conftest import check_text
from garble import byte_shift, utf8_as_gbk

HEAD = "某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n"


def _repairs(text: str, tag: str):
    return [e for e in edits(text, {}) if e.tag == tag]


def test_byte_shift_with_ascii_trail_recovers_the_lost_character():
    garbled = byte_shift("\u3000（五）監督(dū)保障情況")
    assert garbled.startswith("?。")
    (e,) = _repairs(garbled, "mojibake-gbk-shift")
    assert e.replacement == "（五）監" and e.note == "certain"
    assert garbled[e.end:].startswith("督")


def test_byte_shift_fill_from_the_documents_own_annotation():
    # the resync ate the "(" of the annotation; the same syllable annotates 動 elsewhere in the text
    garbled = byte_shift("\u3000（一）變動(dòng)情況")
    text = f"{garbled}\n人員調動(dòng)及時。"
    (e,) = _repairs(text, "mojibake-gbk-shift")
    assert e.replacement == "（一）變動" and e.note == "certain"


def test_byte_shift_fill_by_completing_a_report_word():
    (e,) = _repairs(byte_shift("\u3000（一）推動(dòng)落實"), "mojibake-gbk-shift")
    assert e.replacement == "（一）推動" and e.note == "certain"


def test_byte_shift_without_evidence_is_partial():
    garbled = byte_shift("\u3000（一）變動(dòng)情況")
    (e,) = _repairs(garbled, "mojibake-gbk-shift")
    assert e.note == "partial" and e.replacement == "（一）變"


def test_question_mark_before_punctuation_in_real_text_is_left_alone():
    for text in ("是否公开?。经审查予以公开。", "注音符号ㄅㄆㄇ用于教学?", "（一）主动公开情况。"):
        assert _repairs(text, "mojibake-gbk-shift") == []


def test_utf8_as_gbk_single_and_multi_round():
    assert undo_utf8_as_gbk(utf8_as_gbk("监督保障情况")) == "监督保障情况"
    assert undo_utf8_as_gbk(utf8_as_gbk("年度报告", rounds=2)) == "年度报告"


def test_utf8_as_gbk_inside_a_correct_sentence():
    text = f"本局继续加强{utf8_as_gbk('监督保障情况')}的跟踪。"
    (e,) = _repairs(text, "mojibake-utf8-as-gbk")
    assert e.replacement == "监督保障情况"
    assert text[:e.start] == "本局继续加强" and text[e.end:] == "的跟踪。"


_COMMON = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5).filter(
    lambda c: len(c.encode("gb2312", "ignore")) == 2)


@settings(max_examples=300, deadline=None)
@given(st.text(_COMMON, min_size=4, max_size=40))
def test_correct_chinese_is_never_taken_for_utf8_garble(s):
    assert _repairs(s, "mojibake-utf8-as-gbk") == []


def test_repaired_heading_is_parsed_and_fixed_to_simplified():
    from checker.fix.loop import fix_source
    from checker.engine.loader import builtin_rules
    from checker.model.source import Source

    text = HEAD + byte_shift("\u3000（五）監督(dū)保障情況") + "。\n"
    codes = [d.code for d in check_text(text, select=["GL403"])]
    assert codes == ["GL403"]
    out = fix_source(Source("x.txt", text), list(builtin_rules()))
    assert out.text == HEAD + "（五）监督保障情况。\n"
