"""The typography rules' shortcuts give what the plain computations they replace give: the prose test
without a CJK regex, class tests on bit masks and memoised per character pair, spans mapped in batches,
messages built from only the fields they name, marks found once per text, and the rewritten patterns."""

from __future__ import annotations

import itertools
import re
import unicodedata

from hypothesis import given, settings, strategies as st

from checker.engine.aggregate import aggregate
from checker.engine.loader import builtin_rules
from checker.engine.rule import Rule
from checker.kinds import paired_marks as pm
from checker.kinds import text_pattern as tp
from checker.model.diagnostic import Diagnostic, Edit, Fix, Severity
from checker.model.document import Document
from checker.model.source import Source
from checker.normalise.mapped import MappedText, StepEdit

HEAD = "某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n"
RULES = {r.code: r for r in builtin_rules()}


# --- the prose test of table_row ------------------------------------------------------------------

_PROSE = re.compile(r"[，。；]|[\u3400-\u9fff][,;][\u3400-\u9fff]")
# the edges of the hanzi range and one character past each, the marks, and other characters
_PROSE_ALPHABET = "\u3400\u33ff\u9fff\ua000一,;，。；a1 \uf900"


def test_prose_equals_the_regex_on_every_short_line():
    for n in range(5):
        for chars in itertools.product(_PROSE_ALPHABET, repeat=n):
            line = "".join(chars)
            assert tp._prose(line) == bool(_PROSE.search(line)), line


@given(st.text(alphabet=_PROSE_ALPHABET + "\n|\t2", max_size=40))
def test_prose_and_table_row_equal_the_regex(line):
    assert tp._prose(line) == bool(_PROSE.search(line))
    plain = "|" in line or "\t" in line or "｜" in line or (tp._is_table_line(line) and not _PROSE.search(line))
    assert tp.table_row(line) == plain


# --- class tests ------------------------------------------------------------------------------------

def _plain_fits(text: str, s: int, e: int, p: dict) -> bool:
    """The condition as first written: one call per class named in the params."""
    before, after = text[s - 1] if s else "", text[e] if e < len(text) else ""
    classes = tp.CLASSES
    if "before" in p and not any(classes[c](before) for c in p["before"]):
        return False
    if "after" in p and not any(classes[c](after) for c in p["after"]):
        return False
    if "around" in p and not any(classes[a](before) and classes[b](after) for a, b in p["around"]):
        return False
    if "contains" in p and not any(classes[c](ch) for c in p["contains"] for ch in text[s:e]):
        return False
    if any(ch in text[s:e] for ch in p.get("excludes", "")):
        return False
    if p.get("not_english") and tp._english(text, s, e):
        return False
    return not p.get("splits_word") or tp._splits_word(text, s, e)


_NAMES = list(tp.CLASSES)
_CLASS_ALPHABET = "中㐀豈\u9fff\ua000,.:;! （）《》“”【】，。、；：？！%％‰\n\raZ09-'é"
_names = st.lists(st.sampled_from(_NAMES), unique=True, max_size=4)
_params = st.fixed_dictionaries({}, optional={
    "before": _names, "after": _names, "contains": _names,
    "around": st.lists(st.tuples(st.sampled_from(_NAMES), st.sampled_from(_NAMES)), max_size=4),
    "excludes": st.text(alphabet="@/=(", max_size=2), "not_english": st.booleans(), "splits_word": st.booleans()})


@settings(max_examples=400)
@given(_params, st.text(alphabet=_CLASS_ALPHABET, max_size=16), st.data())
def test_plan_fits_equals_the_plain_class_tests(p, text, data):
    plan = tp._Plan(p, "{found}")
    s = data.draw(st.integers(0, len(text)))
    e = data.draw(st.integers(s, len(text)))
    for _ in range(2):              # the second call answers from the pair memo
        assert plan.fits(text, s, e) == _plain_fits(text, s, e, p)


def test_class_masks_equal_the_class_tests_on_every_bmp_character():
    for c in ["", *map(chr, range(0x10000))]:
        mask = tp._mask(c)
        assert all(bool(mask & tp._BITS[n]) == tp.CLASSES[n](c) for n in _NAMES), repr(c)


_FIX_PARAMS = [{"delete": True}, {"keep_first": True}, {"insert": " "}, {"translate": "nfkc"},
               {"replace": {"(": "（", ")": "）", ",": "，"}}, {"replace": {"(": "（（", "ab": "x", ",": ""}}, {}]


@given(st.sampled_from(_FIX_PARAMS), st.text(alphabet="(),，１Ａ中 ab", max_size=6))
def test_memoised_replacement_equals_the_plain_one(p, found):
    plain = ("" if p.get("delete") else found[:1] if p.get("keep_first") else found + p["insert"] if "insert" in p
             else unicodedata.normalize("NFKC", found) if p.get("translate") == "nfkc"
             else "".join(p["replace"].get(c, c) for c in found) if "replace" in p else None)
    plan = tp._Plan(p, "{found}")
    assert plan.replacement(found) == plain
    assert plan.replacement(found) == plain


# --- spans mapped in batches ------------------------------------------------------------------------

@st.composite
def _mapped(draw):
    text = draw(st.text(alphabet="ab中 \n", min_size=1, max_size=30))
    mt = MappedText(text)
    for _ in range(draw(st.integers(0, 3))):
        cur, edits, pos = mt.text, [], 0
        while pos < len(cur) and len(edits) < 5:
            start = draw(st.integers(pos, len(cur)))
            end = draw(st.integers(start, min(len(cur), start + 3)))
            edits.append(StepEdit(start, end, draw(st.text(alphabet="xy", max_size=3)), "t"))
            pos = end + 1
        mt.apply("step", edits)
    return mt


@settings(max_examples=300)
@given(_mapped(), st.data())
def test_spans_to_original_equals_span_to_original_one_by_one(mt, data):
    n = len(mt.text)
    spans = data.draw(st.lists(st.tuples(st.integers(0, n), st.integers(0, n)), max_size=10))
    assert mt.spans_to_original(spans) == [mt.span_to_original(s, e) for s, e in spans]
    for s, e in spans:
        plain_s, plain_e = s, e
        for _, _, smap in reversed(mt.steps):
            if smap is not None:
                plain_s, plain_e = smap.to_old(plain_s, False), smap.to_old(plain_e, True)
        assert mt.span_to_original(s, e) == (plain_s, max(plain_s, plain_e))
        assert mt.to_original(s, upto=1) == (mt.steps[0][2].to_old(s, False) if mt.steps and mt.steps[0][2] else s)


# --- whole rules against the plain per-match path ---------------------------------------------------

def _plain_check(doc, rule):
    """text_pattern.check as first written: one orig_span per match and per changed character, the
    message through Rule.diag with every field."""
    p = tp._params(doc, rule)
    if p is None:
        return []
    rx = rule.compiled.by_variant.get(p.get("_variant"), rule.compiled.base)
    normalised = p.get("text", "normalised") == "normalised"
    text = doc.text if normalised else doc.source.text
    skip = tp._Skip(doc, text, normalised, p.get("skip", ("table-rows", "headings")))
    out = []
    for m in rx.finditer(text):
        s, e = m.span()
        if not _plain_fits(text, s, e, p) or skip.covers(s, e):
            continue
        d = _plain_finding(doc, rule, p, text, m, normalised)
        if d is not None:
            out.append(d)
    return out


def _plain_finding(doc, rule, p, text, m, normalised):
    s, e = m.span()
    found = m.group()
    new = tp._Plan(p, "").replacement(found)
    os, oe = doc.orig_span(s, e) if normalised else (s, e)
    src = doc.source.text
    if new is not None and len(new) == len(found) and new != found:
        edits = []
        for i, (a, b) in enumerate(zip(found, new)):
            if a == b:
                continue
            cs, ce = doc.orig_span(s + i, s + i + 1) if normalised else (s + i, s + i + 1)
            if src[cs:ce] != a:
                return None
            edits.append(Edit(cs, ce, b))
        edits = tuple(edits)
    elif src[os:oe] == found or (new == "" and src[os:oe].isspace()):
        edits = () if new is None else (Edit(os, oe, new),)
    else:
        return None
    fix = None
    if edits and p.get("fix", "safe") != "none":
        fix = Fix(edits, safe=p.get("fix", "safe") == "safe", description=p.get("fix_description", ""))
    char = found.strip() or found
    context = text[max(0, s - 4):s].rsplit("\n", 1)[-1] + found + text[e:e + 4].split("\n", 1)[0]
    return rule.diag(doc, os, oe, normalised=False, fix=fix, found=found, expected=new or "",
                     char=char, codepoint=" ".join(f"U+{ord(c):04X}" for c in char[:3]), context=context)


# pieces that fire every typography rule, sit in what normalisation rewrites (traditional characters,
# full-width digits, invisible characters, spaces) and in what the rules skip (URLs, table rows)
_PIECES = ["政府", "信息", "公开", "國", "縣", ",", ".", ":", ";", "!", "(", ")", "（", "）", "《", "》", "“", "”",
           "１２", "Ａ", "\u200b", "\ufeff", " ", "  ", "\u3000", "\n", "，，", "。。", ";;", "2023", "年", "ab",
           "www.a.cn", "x@y.cn", "1 | 2", "\t", "情 形", "1）", "%", "\r\n",
           "<!-- govlint-disable-line GLX9 -->"]      # blanked by normalisation: positions move
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=40).map(lambda ps: HEAD + "".join(ps) + "\n")
_TEXT_PATTERN = [c for c, r in RULES.items() if r.kind == "text-pattern"]


@settings(max_examples=150, deadline=None)
@given(_TEXTS, st.sampled_from([None, "none", "space", "ignore"]))
def test_text_pattern_findings_equal_the_plain_path(text, spacing):
    options = {} if spacing is None else {"cjk_spacing": spacing}
    for code in _TEXT_PATTERN:
        rule = RULES[code]
        fast = list(tp.check(Document(Source("t.txt", text), options=options), rule))
        plain = _plain_check(Document(Source("t.txt", text), options=options), rule)
        assert fast == plain, code


# rules of a user's kind: no fix (the replacement is None), every field, and a field the kind does not give
_USER_RULES = [
    Rule("GLX1", "x", "text-pattern", Severity.WARNING, message, "", "", params)
    for message in ("{found}|{expected}|{char}|{codepoint}|{context}|{count}", "{expected}{found}{char}{codepoint}{{x}}")
    for params in ({"pattern": "[,(（]| +", "skip": []}, {"pattern": "[,.]", "around": [["hanzi", "any"]],
                                                         "fix": "unsafe", "replace": {",": "，"}},
                   {"pattern": "國|Ａ", "text": "original", "delete": True, "fix": "none"},
                   # a whole-match change and a per-character one (brackets) in one batch
                   {"pattern": "[,.]|\\([^()\\n]{1,9}\\)", "skip": [], "replace": {",": "，", "(": "（", ")": "）"}})]


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_user_text_pattern_findings_equal_the_plain_path(text):
    for rule in _USER_RULES:
        fast = list(tp.check(Document(Source("t.txt", text)), rule))
        assert fast == _plain_check(Document(Source("t.txt", text)), rule), (rule.message, rule.params)


def test_findings_in_more_than_one_batch_equal_the_plain_path():
    text = HEAD + "本县,公开;" * (tp._BATCH + 7) + "\n"
    rule = RULES["GL701"]
    fast = list(tp.check(Document(Source("t.txt", text)), rule))
    assert len(fast) == 2 * (tp._BATCH + 7) - 1          # the last semicolon ends the line
    assert fast == _plain_check(Document(Source("t.txt", text)), rule)


def _plain_marks(doc, rule):
    """paired_marks.check as first written: each line searched for marks on its own."""
    text = doc.text
    pos, carried, hops, out = 0, [], 0, []
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body == line:
            break
        if not (pm._MARKS.search(body) or carried) or tp.table_row(body):
            pos, carried, hops = pos + len(line), [], 0
            continue
        found = pm._unmatched(body, [(i - pos, k) for i, k in carried])
        late = not body.rstrip().endswith(pm._SENTENCE_END) and hops < pm.MAX_HOPS
        carried = [(pos + i, pm.PAIRS[c]) for i, c in found if late and c in pm.OPENERS]
        hops = hops + 1 if carried else 0
        out.extend(rule.diag(doc, pos + i, pos + i + 1, found=text[pos + i], mark=text[pos + i])
                   for i, mark in found if not (late and mark in pm.OPENERS))
        pos += len(line)
    return out


_MARK_PIECES = ["（", "）", "(", ")", "《", "》", "“", "”", "〈", "〉", "【", "】", "政府", "。", "\n", "\n", "\r\n",
                "\r", "\u2028", "1", "一", " ", "1 2 3", "|", "國"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_MARK_PIECES), max_size=40).map(lambda ps: HEAD + "".join(ps)))
def test_paired_marks_equal_the_per_line_search(text):
    rule = RULES["GL706"]
    assert list(pm.check(Document(Source("t.txt", text)), rule)) == _plain_marks(Document(Source("t.txt", text)), rule)


# only \n and \r\n breaks: the lines visited are those near marks (far-apart marks, long runs of lines)
_PLAIN_BREAK_PIECES = [p for p in _MARK_PIECES if p not in ("\r", "\u2028")] + ["\n\n\n", "政府\n" * 5]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PLAIN_BREAK_PIECES), max_size=60).map(lambda ps: HEAD + "".join(ps)))
def test_paired_marks_on_lines_near_marks_equal_the_per_line_search(text):
    rule = RULES["GL706"]
    assert list(pm.check(Document(Source("t.txt", text)), rule)) == _plain_marks(Document(Source("t.txt", text)), rule)


# --- rewritten patterns -----------------------------------------------------------------------------

_REWRITES = [
    (r"，{2,}|。{2,}|、{2,}|；{2,}|：{2,}|,{2,}|;{2,}", RULES["GL707"].params["pattern"], "，。、；：,;a"),
    (r" +", RULES["GL703"].params["pattern"], " a\n"),
]


def test_rewritten_patterns_match_what_the_first_ones_matched():
    for old, new, alphabet in _REWRITES:
        first, now = re.compile(old), re.compile(new)
        for n in range(7):
            for chars in itertools.product(alphabet, repeat=n):
                text = "".join(chars)
                assert [m.span() for m in now.finditer(text)] == [m.span() for m in first.finditer(text)], text


def _plain_cuts_phrase(text: str, s: int, e: int) -> bool:
    left = text[max(0, s - 16):s]
    joined = left + text[e:e + 16]
    cut = len(left)
    for phrase in tp._fixed_phrases():
        i = joined.find(phrase, max(0, cut - len(phrase) + 1))
        while 0 <= i < cut:
            if i + len(phrase) > cut:
                return True
            i = joined.find(phrase, i + 1)
    return False


_PHRASES = tp._fixed_phrases()
_FILLER = st.text(alphabet="的政府信息公开1a，", max_size=14)


@settings(max_examples=500)
@given(st.sampled_from(_PHRASES), st.integers(0, 40), _FILLER, _FILLER, st.sampled_from(_PHRASES))
def test_cuts_phrase_by_pair_equals_looking_for_every_phrase(phrase, cut, before, after, other):
    """A space inside a phrase, at its edges, beyond it, or between two phrases."""
    cut = min(cut, len(phrase))
    for text, s in ((before + phrase[:cut] + " " + phrase[cut:] + after, len(before) + cut),
                    (phrase + " " + other, len(phrase)), (before + " " + after, len(before))):
        assert tp._cuts_phrase(text, s, s + 1) == _plain_cuts_phrase(text, s, s + 1), (text, s)


# --- the pretest before a class pattern is first compiled --------------------------------------------

_CLASS_PATTERNS = ["[,.:;!]", "[０-９Ａ-Ｚａ-ｚ]+", "[\\u200b-\\u200f\\u2060\\ufeff\\u00ad]+", "[-a]", "[a-]+", "[a\\u002dc]",
                   "[a-c-e]", "[ぁ-ゖ]"]
_OTHER_PATTERNS = ["[^a]", "[]a]", "[a]*", "[a]{2}", "[a][b]", "[\\d]", "[a\\]]", "[a[b]", "[a--b]", "[\\u3400-\\u9fff]",
                   "a", "(?:[a])", "[a]|b", "[z-a]", "[\\u12]", "[\\x41]"]


def test_class_chars_are_what_the_class_matches():
    bmp = [chr(c) for c in range(0x10000) if not 0xd800 <= c < 0xe000]
    builtin = [p for r in RULES.values() if r.kind == "text-pattern"
               for p in [r.params["pattern"], *(v.get("pattern") for v in (r.params.get("option") or {}).get("variants", {}).values())]
               if p and tp.class_chars(p) is not None]
    assert len(builtin) >= 3
    for pattern in {*builtin, *_CLASS_PATTERNS}:
        one = re.compile(pattern.rstrip("+"))
        assert set(tp.class_chars(pattern)) == {c for c in bmp if one.fullmatch(c)}, pattern
    for pattern in _OTHER_PATTERNS:
        assert tp.class_chars(pattern) is None, pattern


@given(st.sampled_from(_CLASS_PATTERNS), st.text(alphabet="abc,.０Ａｚ\u200b\u00ad-ぁ中 ", max_size=20))
def test_a_text_the_pretest_passes_has_no_match(pattern, text):
    compiled = tp._Compiled({"pattern": pattern})
    if compiled.cannot_match(None, text):
        assert re.search(pattern, text) is None
        assert compiled.cannot_match(None, text)            # still not searched: tested again
    else:
        assert not compiled.cannot_match(None, "")          # searched from now on: never tested again


# --- findings handed to the aggregation step as rows ---------------------------------------------------

def _aggregated_both_ways(text: str, options: dict, rules: list) -> tuple[list, list]:
    """What aggregate makes of the rules' findings, from ``check`` (plain) and from ``occurrences``."""
    plain, pending = [], []
    for rule in rules:
        plain += tp.check(Document(Source("t.txt", text), options=options), rule)
        pending.append(tp.occurrences(Document(Source("t.txt", text), options=options), rule))
    for occ, rule in zip(pending, rules):
        assert occ.diagnostics() == list(tp.check(Document(Source("t.txt", text), options=options), rule))
    return aggregate(plain, rules, text), aggregate([], rules, text, pending)


# texts with many findings of each rule, so that both sides of every rule's threshold are drawn
_MANY = st.lists(st.sampled_from(_PIECES + ["本县,公开;", "(公开)", "１２３", "２", "政府  信息"]), max_size=60).map(
    lambda ps: HEAD + "".join(ps) + "\n")


@settings(max_examples=150, deadline=None)
@given(_MANY, st.sampled_from([None, "none", "space"]))
def test_merged_rows_equal_merged_findings(text, spacing):
    options = {} if spacing is None else {"cjk_spacing": spacing}
    rules = [RULES[c] for c in _TEXT_PATTERN]
    plain, direct = _aggregated_both_ways(text, options, rules)
    assert sorted(plain, key=Diagnostic.sort_key) == sorted(direct, key=Diagnostic.sort_key)


def test_rows_of_two_rules_of_one_code_are_counted_together():
    """A user's two rules of one code: three findings each, five make one finding."""
    rules = [Rule("GLX2", "x", "text-pattern", Severity.WARNING, "{found}", "", "", {"pattern": pattern, "skip": []},
                  aggregate={"scope": "document", "min": 5, "message": "{count}"}) for pattern in (",", ";")]
    text = HEAD + "甲,乙;" * 3 + "\n"
    plain, direct = _aggregated_both_ways(text, {}, rules)
    assert len(plain) == 1 and plain[0].message == "6"
    assert direct == plain


def test_a_report_with_suppression_markers_gives_what_one_without_gives_less_the_suppressed():
    from checker.engine.runner import check_source

    rules = [RULES["GL701"], RULES["GL702"]]
    body = "本县,公开;政府(信息)，" * 4 + "\n"
    plain = check_source(Source("t.txt", HEAD + body + body), rules).diagnostics
    marked = check_source(Source("t.txt", HEAD + body + "<!-- govlint-disable-next-line GL702 -->\n" + body), rules)
    assert [d.code for d in plain] == ["GL701", "GL702"]
    assert [(d.code, len(d.related)) for d in plain] == [("GL701", 16), ("GL702", 8)]
    assert [(d.code, len(d.related)) for d in marked.diagnostics] == [("GL701", 16), ("GL702", 4)]


def _plain_unmatched(line: str, carried: list) -> list:
    """paired_marks._unmatched as first written: each closing mark looks for its opener from the top down."""
    stack, out = list(carried), []
    for m in pm._MARKS.finditer(line):
        i, c = m.start(), m.group()
        kind = pm.PAIRS[c]
        if c in pm.OPENERS:
            stack.append((i, kind))
            continue
        depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == kind), None)
        if depth is None:
            if not (kind == "（" and pm._NUMBERING.match(line[:i])):
                out.append((i, c))
            continue
        del stack[depth]
    out.extend((i, pm._OPENING[k] if i < 0 else line[i]) for i, k in stack)
    return sorted(out)


@settings(max_examples=500)
@given(st.text(alphabet="（）()《》“”〈〉【】1一a中", max_size=14),
       st.lists(st.sampled_from(["（", "《", "“", "〈", "【"]), max_size=3))
def test_unmatched_equals_the_search_from_the_top(line, kinds):
    carried = [(-1 - n, k) for n, k in enumerate(kinds)][::-1]
    assert pm._unmatched(line, carried) == _plain_unmatched(line, carried)
    at = [m.start() for m in pm._MARKS.finditer(line)]
    assert pm._unmatched(line, carried, at) == _plain_unmatched(line, carried)


def _plain_sample(fix, found, text):
    """aggregate._sample as first written: every change formatted, the first distinct ones kept."""
    shown = {}
    items = ((text[e.start:e.end], e.replacement) for e in fix.edits) if fix else ((d, None) for d in found)
    for old, new in items:
        if not new and fix:
            old = old.strip() or "删除空格"
        shown[old if not new else f"{old}→{new}"] = None
        if len(shown) > 3:
            break
    out = list(shown)
    return "、".join(out[:3]) + ("…" if len(out) > 3 else "")


@settings(max_examples=300)
@given(st.text(alphabet="ab ,", min_size=4, max_size=12),
       st.lists(st.tuples(st.integers(0, 3), st.integers(0, 2), st.sampled_from(["", "x", "，", "a"])), max_size=12),
       st.booleans())
def test_sample_skipping_shown_changes_equals_formatting_each(text, raw, with_fix):
    from checker.engine.aggregate import _sample

    edits = tuple(Edit(s, s + n, r) for s, n, r in raw)
    fix = Fix(edits) if with_fix and edits else None
    olds = [text[e.start:e.end] or "z" for e in edits]
    assert _sample(fix, iter(olds), text) == _plain_sample(fix, olds, text)


@given(st.sampled_from(_CLASS_PATTERNS), st.text(alphabet="abc,.０Ａｚ\u200b\u00ad-ぁ中 ", max_size=20))
def test_matches_from_the_first_class_character_are_all_matches(pattern, text):
    compiled = tp._Compiled({"pattern": pattern})
    start = compiled.start(None, text)
    every = [m.span() for m in re.finditer(pattern, text)]
    if start < 0:
        assert every == []
    else:
        assert [m.span() for m in compiled.base.finditer(text, start)] == every
    assert (start > 0) <= pattern.endswith("+")        # only a repeated class is searched for first


def test_a_large_class_is_pretested_only_for_the_first_texts():
    compiled = tp._Compiled({"pattern": "[０-９Ａ-Ｚａ-ｚ]+"})
    proved = [compiled.cannot_match(None, "政府信息") for _ in range(tp._PRETESTS + 2)]
    assert proved == [True] * tp._PRETESTS + [False] * 2
    small = tp._Compiled({"pattern": "[\\u200b-\\u200f]+"})
    assert all(small.cannot_match(None, "政府信息") for _ in range(tp._PRETESTS + 2))


@settings(max_examples=500)
@given(st.text(alphabet="（）()《》“”〈〉【】1中", max_size=12))
def test_a_line_of_nested_marks_has_nothing_unmatched(line):
    at = [m.start() for m in pm._MARKS.finditer(line)]
    if pm._nested(line, at, 0, len(at)):
        assert _plain_unmatched(line, []) == []
