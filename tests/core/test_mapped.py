"""MappedText: every normalised offset maps back to the right original character."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checker.normalise.mapped import MappedText, StepEdit
from checker.normalise.pipeline import normalise


def test_deletion_then_replacement_maps_back():
    m = MappedText("區(qū)政府")
    m.apply("pinyin", [StepEdit(1, 5, "", "pinyin")])
    assert m.text == "區政府"
    m.apply("t2s", [StepEdit(0, 1, "区", "traditional")])
    assert m.text == "区政府"
    assert m.to_original(1) == 5          # 政 sits after the deleted annotation
    assert m.span_to_original(0, 3) == (0, 7)
    assert m.edits_of("traditional") == [(0, 1, "区", "")]


def test_length_changing_replacement_maps_to_whole_span():
    m = MappedText("最佳化改进")
    m.apply("tw", [StepEdit(0, 3, "优化", "tw-phrase")])
    assert m.text == "优化改进"
    assert m.span_to_original(0, 2) == (0, 3)
    assert m.to_original(2) == 3


def test_overlapping_edits_first_wins():
    m = MappedText("abcdef")
    m.apply("x", [StepEdit(1, 3, "X", "t"), StepEdit(2, 4, "Y", "t")])
    assert m.text == "aXdef"


@st.composite
def text_and_deletions(draw):
    text = draw(st.text(min_size=1, max_size=60))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=10))))
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    return text, spans


@given(text_and_deletions())
def test_unchanged_characters_map_to_themselves(case):
    text, spans = case
    m = MappedText(text)
    m.apply("del", [StepEdit(s, e, "", "t") for s, e in spans])
    for i, ch in enumerate(m.text):
        assert text[m.to_original(i)] == ch


@given(st.text(max_size=200))
def test_normalise_never_raises_and_maps_inside_bounds(text):
    mapped, _ = normalise(text)
    for i in range(0, len(mapped.text) + 1, 7):
        assert 0 <= mapped.to_original(i) <= len(text)
