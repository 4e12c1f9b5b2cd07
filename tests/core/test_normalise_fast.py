"""The shortcuts the normalisation steps take for speed give the answers of the plain computations."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from checker.normalise import mojibake, pinyin
from checker.normalise.mapped import CharEdits, MappedText, StepEdit
from checker.normalise.script import _SET_TESTS, CharSet, has_astral

# --- mojibake: the whole-text pre-test ------------------------------------------------------------

_HIGH_BYTES = re.compile(rb"[\xe0-\xef][\x80-\xbf]{2}(?:[\xc0-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                         rb"|[\xf0-\xf7][\x80-\xbf]{3}){2}")
_FOUR_BYTES = re.compile(rb"[\x30-\x39][\x81-\xfe][\x30-\x39]")
interesting_bytes = st.binary(max_size=40) | st.lists(
    st.sampled_from([0x00, 0x30, 0x35, 0x39, 0x3a, 0x7f, 0x80, 0x81, 0xa1, 0xbf, 0xc0, 0xdf, 0xe0, 0xe9, 0xef,
                     0xf0, 0xf7, 0xf8, 0xfe, 0xff]), max_size=40).map(bytes)


@settings(max_examples=500)
@given(interesting_bytes)
def test_byte_class_patterns_match_the_byte_patterns(data):
    classes = data.translate(mojibake._BYTE_CLASS)
    assert bool(mojibake._MAYBE_GARBLE_HIGH.search(classes)) == bool(_HIGH_BYTES.search(data))
    assert bool(mojibake._FOUR_BYTE.search(classes)) == bool(_FOUR_BYTES.search(data))


def test_digit_bytes_come_from_ascii_digits_or_four_byte_sequences():
    """The fact _may_hold_garble rests on, for every BMP character."""
    for cp in range(0x80, 0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        b = chr(cp).encode("gb18030")
        if len(b) == 2:
            assert not (0x30 <= b[1] <= 0x39) and b[0] >= 0x81
        else:
            assert len(b) == 4 and 0x30 <= b[1] <= 0x39 and 0x30 <= b[3] <= 0x39 and b[0] >= 0x81 and b[2] >= 0x81


def _garble(s: str) -> str:
    return s.encode("utf-8").decode("gb18030")


text_pieces = st.sampled_from([
    _garble("政府信息公开"), _garble("年度报告"), _garble("主动公开"), _garble("信息公开年度")[:3], "政府信息公开",
    "2023年", "12", "0", " ", "\u3000", "\xa0", "\x80", "\u0100", "\U0001F600", "\U00020000", "，", "。", "\n",
    "abc", "锟斤拷", "鏀", "垮", "簻", "\ud800",
])
texts = st.lists(text_pieces, max_size=16).map("".join)


def _utf8_edits_every_run(text: str):
    """_utf8_edits without the whole-text pre-test: every run tested on its own."""
    out = []
    for m in mojibake.UTF8_RUN.finditer(text):
        run = m.group()
        for start, end in mojibake.garbled_stretches(run):
            fixed = mojibake.undo_utf8_as_gbk(run[start:end])
            if fixed is not None:
                out.append((m.start() + start, m.start() + end, fixed))
    return out


@settings(max_examples=500)
@given(texts)
def test_whole_text_pretest_loses_no_repair(text):
    got = [(e.start, e.end, e.replacement) for e in mojibake._utf8_edits(text)]
    assert got == _utf8_edits_every_run(text)
    if any(mojibake._MAYBE_GARBLE.search(m.group().encode("gb18030", "replace"))
           for m in mojibake.UTF8_RUN.finditer(text)):
        assert mojibake._may_hold_garble(text)


def test_pretest_rejects_clean_text_with_digits_and_accepts_garble():
    clean = "2023年1月1日，本机关主动公开政府信息12条。\u3000依申请公开3件"
    assert mojibake._FOUR_BYTE.search(clean.encode("gb18030").translate(mojibake._BYTE_CLASS)) is None
    assert not mojibake._may_hold_garble(clean)
    assert mojibake._may_hold_garble("报告" + _garble("政府信息公开"))
    assert mojibake._may_hold_garble("年度\xa0报告")          # a four-byte character: runs are tested


# --- pinyin: the literal-first pattern -------------------------------------------------------------

# with the spaces a CJK-spacing fixer puts around an annotation (區 (qū) 政)
_PINYIN_LOOKBEHIND_FIRST = re.compile(r"(?<=[\u3400-\u9fff]) ?\((?=[%s]*[%s])[%s]{1,6}\)(?: (?=[\u3400-\u9fff]))?"
                                      % (pinyin._PYC, pinyin.TONE, pinyin._PYC))


@settings(max_examples=400)
@given(st.lists(st.sampled_from(["區", "(", ")", "qū", "xiàn", "a", "(一)", "（", "dòng", "x", " ", "政", "ǖ"]),
                max_size=14).map("".join))
def test_pinyin_annotations_are_what_the_lookbehind_first_pattern_found(text):
    assert ([m.span() for m in pinyin.annotations(text)]
            == [m.span() for m in _PINYIN_LOOKBEHIND_FIRST.finditer(text)])


# --- CharSet: the BMP-only class is used only where it is exact -------------------------------------

@given(st.sets(st.characters(), max_size=30), st.text(max_size=30))
def test_charset_pattern_finds_exactly_the_members(members, text):
    found = CharSet(members).pattern(text).findall(text)
    assert found == [c for c in text if c in members]


@given(st.sets(st.characters(), max_size=30), st.lists(st.text(max_size=20), min_size=1, max_size=30))
def test_charset_occurrence_same_by_set_and_by_class(members, texts):
    chars = CharSet(members)               # the first _SET_TESTS texts take the set, the rest the class
    for text in texts * (_SET_TESTS // len(texts) + 2):
        assert chars.occurs_in(text) == any(c in members for c in text)


@given(st.text(alphabet=st.characters(blacklist_categories=())))
def test_astral_test_matches_code_points(text):
    assert has_astral(text) == any(ord(c) > 0xFFFF for c in text)


# --- MappedText: steps that keep lengths are skipped when mapping ----------------------------------

@st.composite
def steps(draw):
    text = draw(st.text(alphabet="ab區政府(x)", min_size=1, max_size=30))
    out = []
    for _ in range(draw(st.integers(1, 3))):
        cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=8))))
        same = draw(st.booleans())
        spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
        out.append([(s, e, "z" * (e - s) if same else draw(st.sampled_from(["", "q", "qqq"]))) for s, e in spans])
    return text, out


def _to_original_walking_every_step(m: MappedText, pos: int, end: bool, upto=None) -> int:
    """The mapping as first written: every step's edits, none skipped."""
    from checker.normalise.mapped import _StepMap

    for _, edits, _ in reversed(m.steps if upto is None else m.steps[:upto]):
        ns, ne, os_, oe, delta = [], [], [], [], 0
        for e in edits:
            ns.append(e.start + delta)
            ne.append(e.start + delta + len(e.replacement))
            os_.append(e.start)
            oe.append(e.end)
            delta += len(e.replacement) - (e.end - e.start)
        pos = _StepMap(ns, ne, os_, oe).to_old(pos, end)
    return pos


@settings(max_examples=300)
@given(steps())
def test_mapping_equals_walking_every_step(case):
    text, step_edits = case
    m = MappedText(text)
    for i, edits in enumerate(step_edits):
        m.apply(f"s{i}", [StepEdit(s, e, r, f"t{i}") for s, e, r in edits])
    for pos in range(len(m.text) + 1):
        for end in (False, True):
            assert m.to_original(pos, end) == _to_original_walking_every_step(m, pos, end)
    for idx, (_, edits, _) in enumerate(m.steps):
        want = []
        for e in edits:
            s = _to_original_walking_every_step(m, e.start, False, idx)
            t = _to_original_walking_every_step(m, e.end, True, idx)
            want.append((s, max(s, t), e.replacement, e.note))
        assert m.edits_of(f"t{idx}") == want


@settings(max_examples=300)
@given(steps(), st.data())
def test_span_mapping_in_bulk_equals_one_by_one(case, data):
    text, step_edits = case
    m = MappedText(text)
    m.apply("s", [StepEdit(s, e, r, "t") for s, e, r in step_edits[0]])
    smap = m.steps[0][2]
    if smap is None:
        return
    n = len(m.text)
    spans = sorted(data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, 3)), max_size=20)))
    spans = [(s, min(n, s + w)) for s, w in spans]
    assert smap.spans_to_old(spans) == [(smap.to_old(s, False), smap.to_old(t, True)) for s, t in spans]


@settings(max_examples=300)
@given(steps(), st.data())
def test_char_edits_list_as_their_characters_one_by_one(case, data):
    """A CharEdits after position-moving steps: the same text and the same edits_of as one StepEdit
    per changed character."""
    text, step_edits = case
    packed, single = MappedText(text), MappedText(text)
    for i, edits in enumerate(step_edits[:-1]):
        for m in (packed, single):
            m.apply(f"s{i}", [StepEdit(s, e, r, f"t{i}") for s, e, r in edits])
    current = packed.text
    lo = data.draw(st.integers(0, len(current)))
    hi = data.draw(st.integers(lo, len(current)))
    offsets = sorted(data.draw(st.sets(st.integers(0, max(0, hi - lo - 1)), max_size=6))) if hi > lo else []
    new = "".join("Z" if k in offsets else c for k, c in enumerate(current[lo:hi]))
    packed.apply("chars", [CharEdits(lo, hi, new, "chars", current[lo:hi], offsets)] if offsets else [])
    single.apply("chars", [StepEdit(lo + k, lo + k + 1, "Z", "chars", current[lo + k]) for k in offsets])
    assert packed.text == single.text
    assert packed.edits_of("chars") == single.edits_of("chars")
    for pos in range(len(packed.text) + 1):
        assert packed.to_original(pos) == single.to_original(pos)


# --- width: the plain-class pre-test --------------------------------------------------------------

def test_width_pretest_finds_the_first_folded_character():
    from checker.normalise import width

    folded = [chr(c) for c in range(0x10000) if width._FULLWIDTH.fullmatch(chr(c))]
    assert len(folded) == 65 and all(width._FIRST.fullmatch(c) for c in folded)
    assert width._FIRST.search("：；（）一") is None
    text = "第１２条\u3000ａｂ"
    assert [(e.start, e.end, e.replacement) for e in width.edits(text, {})] == [(1, 3, "12"), (4, 7, " ab")]
