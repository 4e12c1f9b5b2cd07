"""The fast t2s conversion gives exactly what opencc-python-reimplemented's ``OpenCC('t2s')`` gives.

Inputs are random mixes of the library's own phrase keys (whole, cut, overlapping, glued together),
single traditional and simplified characters and the separators it splits on: exactly the cases
where its longest-phrase-first matcher and a per-character conversion could part ways."""

from __future__ import annotations

from functools import lru_cache

from hypothesis import given, settings, strategies as st

from checker.normalise import script
from checker.normalise.mapped import CharEdits, StepEdit


@lru_cache(maxsize=1)
def library():
    from opencc import OpenCC

    return OpenCC("t2s")


conv = script.t2s()
_phrases = sorted(conv.phrases)
_differing = [k for k in _phrases if conv.phrases[k] != k.translate(conv.table)]
_chars = sorted(conv.chars)


def _overlapping_pairs() -> list[str]:
    """Two phrases sharing characters (A's end is B's start, or B inside A): which one the matcher
    takes first decides the output."""
    starting: dict[str, list[str]] = {}
    for b in _phrases:
        for k in range(1, len(b)):
            starting.setdefault(b[:k], []).append(b)
    out = {a + b[k:] for a in _phrases for k in range(1, len(a)) for b in starting.get(a[-k:], ())}
    return sorted(out | {a for a in _phrases if any(b != a and b in a for b in _phrases)})


pieces = st.one_of(
    st.sampled_from(_differing),
    st.sampled_from(_overlapping_pairs()),
    st.sampled_from(_phrases),
    st.sampled_from(_phrases).flatmap(lambda p: st.integers(0, len(p)).map(lambda i: p[:i] or p[i:])),
    st.sampled_from(_chars),
    st.sampled_from(sorted(script.traditional_chars())),
    st.sampled_from(list("政府信息公开年度报告的了于干复") + ["乾", "於", "覆", "瞭", "麼"]),
    st.sampled_from(["，", "。", " ", "\n", "\r\n", "-", "（", "）", "、", "\u2028", "a1", "？"]),
)
mixes = st.lists(pieces, max_size=25).map("".join)


@settings(max_examples=600)
@given(mixes)
def test_convert_equals_library(text):
    assert script.to_simplified(text) == library().convert(text)


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_convert_equals_library_on_any_text(text):
    assert script.to_simplified(text) == library().convert(text)


def test_mixes_reach_the_phrase_matcher():
    """The strategy must exercise the slow path, not only str.translate."""
    text = "答覆於乾坤大挪移，不瞭解"
    assert any(differs for _, (_, differs) in conv.automaton.iter(text))
    assert script.to_simplified(text) == library().convert(text) == "答复于乾坤大挪移，不了解"


def _edits_per_line_with_library(text: str) -> list[StepEdit]:
    """The step as first written: OpenCC on every line holding a traditional-only character."""
    trad, out, pos = script.traditional_chars(), [], 0
    for line in text.splitlines(keepends=True):
        if not trad.isdisjoint(line):
            converted = library().convert(line)
            if len(converted) != len(line):
                out.append(StepEdit(pos, pos + len(line), converted, "traditional", line))
            else:
                out.extend(StepEdit(pos + i, pos + i + 1, new, "traditional", old)
                           for i, (old, new) in enumerate(zip(line, converted)) if old != new)
        pos += len(line)
    return out


def _keys(e: StepEdit):
    """The edit's key, or one per changed character of a CharEdits: the edits the step stands for."""
    if type(e) is CharEdits:
        assert len(e.replacement) == len(e.note) == e.end - e.start and e.offsets == sorted(e.offsets)
        return [(e.start + k, e.start + k + 1, e.replacement[k], e.tag, e.note[k]) for k in e.offsets]
    return [(e.start, e.end, e.replacement, e.tag, e.note)]


@settings(max_examples=400)
@given(mixes)
def test_step_edits_equal_library_per_line(text):
    ctx: dict = {}
    got = script.edits(text, ctx)
    assert [k for e in got for k in _keys(e)] == [k for e in _edits_per_line_with_library(text) for k in _keys(e)]
    for e in got:         # a CharEdits rewrites exactly its listed characters
        if type(e) is CharEdits:
            assert [k for k, (a, b) in enumerate(zip(e.note, e.replacement)) if a != b] == e.offsets
    assert ctx["traditional_count"] == sum(1 for c in text if c in script.traditional_chars())
