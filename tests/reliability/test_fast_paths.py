"""The shortcuts taken for speed give the same answers as the plain computations they replace."""

from __future__ import annotations

from difflib import SequenceMatcher

from hypothesis import given, settings, strategies as st

from checker.contamination.lexicon import fold
from checker.kinds.normalised_edit import _Claimed
from checker.normalise.mojibake import garbled_stretches
from checker.parse import titles

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda p: (p[0], p[0] + p[1])), max_size=12)


@given(spans, st.integers(0, 70), st.integers(0, 15))
def test_claimed_overlap_matches_linear_scan(claimed, s, width):
    t = s + width
    assert _Claimed(claimed).overlaps(s, t) == any(a < t and s < b for a, b in claimed)


@given(st.text(alphabet="abcXYZ政府Ä12 ", max_size=30))
def test_fold_lowers_ascii_capitals_only(text):
    expected = "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text)
    assert fold(text) == expected


def test_garble_found_beside_clean_text_and_digits():
    garble = "政府信息公开".encode("utf-8").decode("gb18030")
    run = "年度" + garble + "报告"
    assert [run[s:e] for s, e in garbled_stretches(run)] == [garble]
    assert list(garbled_stretches("年度报告2024工作情况")) == []


@settings(max_examples=60)
@given(st.text(alphabet="政府信息公开工作年度报告情况总体主动", min_size=1, max_size=12))
def test_title_identification_matches_full_ratio(title):
    from checker.templates import get_template

    template = get_template("gov-2021")
    got = titles.identify(title, template)
    best = (None, "", 0.0)           # the same search with SequenceMatcher.ratio() for every section
    t = titles.squash(title)
    for sec in template.sections:
        if t == titles.squash(sec.title):
            best = (sec, "exact", 1.0)
            break
        if any(t == titles.squash(v) for v in sec.variants):
            cand = (sec, "variant", 0.95)
        elif titles._keyword_hit(t, sec):
            cand = (sec, "exact" if not template.title_check else "fuzzy", 0.85)
        else:
            cand = (sec, "fuzzy", SequenceMatcher(None, t, titles.squash(sec.title)).ratio())
        if cand[2] > best[2]:
            best = cand
    if best[2] < 0.6:
        best = (None, "", best[2])
    assert got == best
