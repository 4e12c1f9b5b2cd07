"""The literal scan used for prose quantities finds exactly the matches ``finditer`` finds, for the
built-in rules' patterns and for patterns with lookbehinds, alternations and optional prefixes."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.engine.loader import builtin_rules
from checker.tables.prose import _required_literal, _scanner

KINDS = ("narrative-table", "prose-balance")

EXTRA = [r"(?<![未不])办结(\d+)件", r"(?:上年|上一年度?|\d{4}年)结转(\d+)?", r"a?b?结转", r"(?<=x)结结", r"转\d"]
PATTERNS = sorted({p for r in builtin_rules() if r.kind in KINDS for q in r.params["quantities"]
                   for p in q["patterns"]} | set(EXTRA))
ALPHABET = list("上一年度结转下继续办理未不收到新申请宗件予以公开行政复议诉讼案中") + list("2019 。；\nabx") + ["2024年"]


def _spans(it):
    return [(m.span(), m.groups()) for m in it]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(ALPHABET), max_size=60).map("".join),
       pattern=st.sampled_from(PATTERNS))
def test_scan_equals_finditer(text, pattern):
    rx = re.compile(pattern)
    assert _spans(_scanner(rx)(text)) == _spans(rx.finditer(text))


def test_slow_patterns_get_a_literal():
    assert _required_literal(re.compile(r"(?<![未不])办结(\d+)")) == ("办结", 0, 0)
    assert _required_literal(re.compile(r"(?:上年|上一年度?|\d{4}年)结转")) == ("结转", 2, 5)
    assert _required_literal(re.compile(r"(?:收到|新收)[^。]{0,16}?申请")) is None     # starts too spread
    assert _required_literal(re.compile(r"结转", re.I)) is None
    assert _required_literal(re.compile(r"予以公开[^。]{0,4}?(\d+)")) is None    # re skips to a literal prefix itself
