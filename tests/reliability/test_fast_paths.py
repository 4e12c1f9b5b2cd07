"""The shortcuts taken for speed give the same answers as the plain computations they replace."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from hypothesis import given, settings, strategies as st

from checker.contamination.lexicon import all_hits, fold, load as load_lexicon
from checker.kinds.normalised_edit import _Claimed
from checker.normalise.mojibake import garbled_stretches
from checker.parse import titles

spans = st.lists(st.tuples(st.integers(0, 60), st.integers(0, 20)).map(lambda p: (p[0], p[0] + p[1])), max_size=12)


@given(spans, st.integers(0, 70), st.integers(0, 15))
def test_claimed_overlap_matches_linear_scan(claimed, s, width):
    t = s + width
    overlaps = any(a < t and s < b for a, b in claimed)
    assert _Claimed(claimed).unclaimed([(s, t, "r", "n")]) == ([] if overlaps else [(s, t, "r", "n")])


# Ä, Ａ, Σ, Ⅳ and a lone surrogate have lower-case forms or odd encodings that fold must leave alone
@given(st.text(alphabet="abcXYZ政府Ä12 ＡΣⅣ\ud800\U0001f600", max_size=30))
def test_fold_lowers_ascii_capitals_only(text):
    expected = "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text)
    assert fold(text) == expected


_LEX = load_lexicon(())
# pieces of terms that overlap or nest (澳门赌场推荐 holds 澳门赌场, 一二三区 ends in 三区) and near misses
_LEX_PIECES = ["澳门赌场", "推荐", "一二", "三区", "二区", "bet", "365", "bet365bet", "188", "w88", "亚洲",
               "欧美日韩", "国产精品", "天堂", "金沙", "开云", "a", "v", "政府", "公开", " ", "一"]


def _automaton_hits(lex, text: str) -> list:
    """The lexicon search as first written: a pyahocorasick automaton, values (section, term)."""
    import ahocorasick

    auto = ahocorasick.Automaton()
    for section, terms in (("porn", lex.porn), ("weak", lex.weak), ("brand", lex.brands)):
        for t in terms:
            auto.add_word(t, (section, t))          # a term in two sections keeps the stronger one
    auto.make_automaton()
    return [(end + 1 - len(term), end + 1, section, term) for end, (section, term) in auto.iter(text)]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_LEX_PIECES), max_size=12).map("".join))
def test_lexicon_hits_found_by_re_equal_the_automaton(text):
    assert all_hits(_LEX, text) == _automaton_hits(_LEX, text)


def test_lexicon_hits_of_a_user_lexicon_with_nested_terms(tmp_path):
    f = tmp_path / "extra.txt"
    f.write_text("[brands]\nx\nxy\nxyz\n[porn]\nyz\nxy\n", encoding="utf-8")
    lex = load_lexicon((str(f),))
    text = "xyzxy yz x"
    assert all_hits(lex, text) == _automaton_hits(lex, text)
    assert {(s, e) for s, e, _, _ in all_hits(lex, text)} == {
        (0, 1), (0, 2), (0, 3), (1, 3), (3, 4), (3, 5), (6, 8), (9, 10)}


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


def _headings_line_by_line(text: str, labels: tuple[str, ...]):
    """find_headings as first written: each line of str.splitlines() matched against both levels."""
    from checker.parse.headings import _LEVEL1, _LEVEL2, Heading, _is_table_line, _title_part, cn_to_int

    level1, level2 = re.compile(_LEVEL1.pattern), re.compile(_LEVEL2.pattern)     # one line at a time: no re.M
    out, base = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        for level, rx in ((1, level1), (2, level2)):
            m = rx.match(body)
            if not m:
                continue
            number, title = cn_to_int(m.group("num")), _title_part(m.group("title"))
            if number is None or title is None or _is_table_line(body) or (level == 1 and title.startswith(labels)):
                break
            sep = m.group("sep") if level == 1 else ""
            sep_start = base + (m.start("sep") if level == 1 else m.end("num"))
            out.append(Heading(level, number, m.group("num"), sep, title, base, base + len(body),
                               base + m.start("num"), sep_start,
                               base + (m.end("sep") if level == 1 else m.end("num")),
                               base + m.start("title"), base + m.start("title") + len(title)))
            break
        base += len(line)
    return out


heading_texts = st.lists(st.sampled_from(
    ["一、", "二 ", "（三）", "(四)", "十一．", "  ", "\t", "总体情况", "主动公开", "政府信息", "。", "：", "|", "12 ",
     "3", "\n", "\r\n", "\r", "\r\r\n", " \r\n", "\u2028", "\x0c", "\x85", "一是", "a"]), max_size=30).map("".join)


@settings(max_examples=300)
@given(heading_texts, st.sampled_from([(), ("主动公开",), ("政府信息", "总体")]))
def test_heading_scan_matches_line_by_line(text, labels):
    from checker.parse.headings import find_headings, without_table_rows

    assert find_headings(text, labels) == _headings_line_by_line(text, labels)
    assert without_table_rows(find_headings(text), labels) == find_headings(text, labels)


_PDF_HINT_AS_ONE_PATTERN = re.compile(r"^[ \t]*[\u3400-\u9fff](?:[ \t]+[\u3400-\u9fff])*[ \t]*$", re.M)


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["区", "表", " ", "\t", "\n", "ä", "䷀", "\u3000", "a", "1", "\u00a0", "。"]),
                max_size=20).map("".join))
def test_pdf_layout_hint_matches_single_pattern(span):
    from checker.tables.extract import _pdf_hint

    assert _pdf_hint(span) == (_PDF_HINT_AS_ONE_PATTERN.search(span) is not None)


@given(st.text(alphabet="ab\n\r区\u2028"))
def test_line_starts_are_the_offsets_after_each_newline(text):
    from checker.model.source import Source

    source = Source("r.txt", text)
    assert source.line_starts == [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    for offset in range(len(text) + 1):
        line, col = source.line_col(offset)
        assert text[:offset].count("\n") + 1 == line and offset - (text.rfind("\n", 0, offset) + 1) + 1 == col


@settings(max_examples=400)
@given(st.lists(st.sampled_from(["bet", "365", "x1", ".", "app", "下载", "官网", "app下载", "体育", "娱乐", "(中国)官方网站",
                                 "网页版", "区", " ", "2023", "a"]), max_size=14).map("".join))
def test_latin_spam_shapes_match_a_full_scan(folded):
    from checker.contamination.spam import _LATIN_SHAPE, latin_shapes

    assert latin_shapes(folded) == [m.span() for m in _LATIN_SHAPE.finditer(folded)]


def _header_cuts_by_trying_each_heading(text: str) -> list[tuple[int, int]]:
    """The heading cut as first written: every heading tried at every position, longest first."""
    from checker.tables.layouts.runs import _header_words

    cuts, pos, last = [], 0, 0
    words = _header_words()
    while pos < len(text):
        hit = next((w for w in words if text.startswith(w, pos)), None)
        if hit is None:
            pos += 1
            continue
        if last < pos:
            cuts.append((last, pos))
        cuts.append((pos, pos + len(hit)))
        pos = last = pos + len(hit)
    if last < len(text):
        cuts.append((last, len(text)))
    return cuts


def _heading_pieces() -> list[str]:
    from checker.tables.layouts.runs import _header_words

    words = list(_header_words())
    return words + [w[:len(w) // 2] for w in words if len(w) > 1] + ["申请", "件", " ", "1", "（一）"]


@settings(max_examples=300)
@given(st.lists(st.sampled_from(_heading_pieces()), max_size=14).map("".join))
def test_header_cuts_by_one_alternation_equal_trying_each_heading(text):
    from checker.tables.layouts.runs import _header_cuts

    assert _header_cuts(text) == _header_cuts_by_trying_each_heading(text)


def _window_by_walking(text: str, col: int, end: int, cells: int) -> tuple[str, int, int]:
    """The snippet window as first written: every character's width summed by walking the line."""
    from checker.report.cells import char_width, printable

    text = printable(text)
    col = max(0, min(col, len(text)))
    end = max(col, min(end, len(text)))
    widths = [char_width(c) for c in text]
    if sum(widths) <= cells:
        lo, hi = 0, len(text)
    else:
        lo, used = col, 0
        while lo > 0 and used + widths[lo - 1] <= cells // 4:
            lo -= 1
            used += widths[lo]
        room = cells - (1 if lo else 0)
        hi, used = lo, 0
        while hi < len(widths) and used + widths[hi] <= room:
            used += widths[hi]
            hi += 1
        if hi < len(widths):
            while used + 1 > room and hi > lo:
                hi -= 1
                used -= widths[hi]
    head, tail = "…" if lo else "", "…" if hi < len(text) else ""
    a, b = max(col, lo), min(max(end, col + 1), hi)
    return (head + text[lo:hi] + tail, len(head) + sum(widths[lo:a]),
            max(1, sum(widths[a:b])) if a < hi else 1)


@settings(max_examples=400)
@given(st.text(alphabet="ab 政府\u0301\t\U00020000", max_size=60), st.integers(-2, 65), st.integers(-2, 70),
       st.integers(1, 30))
def test_snippet_window_by_bisection_equals_walking_the_line(text, col, end, cells):
    from checker.report.snippet import LineView

    assert LineView(text).window(col, end, cells) == _window_by_walking(text, col, end, cells)


@settings(max_examples=300)
@given(st.text(alphabet="ab政\n", max_size=80), st.integers(0, 80), st.integers(0, 20), st.integers(1, 12))
def test_line_bounds_within_reach_equal_the_whole_line_search(text, start, width, reach):
    """Bounds found within ``reach`` are exact; one further away is reported beyond the reach."""
    from checker.report.snippet import line_bounds

    start = min(start, len(text))
    end = min(len(text), start + width)
    lo, hi = line_bounds(text, start, end, reach)
    true_lo = text.rfind("\n", 0, start) + 1
    found = text.find("\n", start)
    true_hi = len(text) if found < 0 else found
    assert lo == true_lo if true_lo >= start - reach else lo < start - reach
    assert hi == true_hi if true_hi <= end + reach else hi > end + reach


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="ab政府 ", max_size=300), min_size=1, max_size=4).map("\n".join),
       st.lists(st.tuples(st.integers(0, 1200), st.integers(0, 3), st.sampled_from(["", "x", "国家"])),
                min_size=1, max_size=5),
       st.sampled_from([40, 80]))
def test_fix_preview_within_a_reach_equals_the_whole_line_preview(text, raw, cells):
    """Cutting a long line to a reach around the edits before laying it out shows the same rows."""
    from checker.model.diagnostic import Edit, Fix
    from checker.report import fixview

    edits, last = [], 0
    for start, width, new in sorted(raw):
        start = min(max(start, last), len(text))
        end = min(len(text), start + width)
        edits.append(Edit(start, end, new))
        last = end
    fix = Fix(tuple(edits))
    real = fixview.hunks
    try:
        fixview.hunks = lambda t, e, reach=None: real(t, e, None)
        whole = fixview.fix_lines(fix, text, cells)
    finally:
        fixview.hunks = real
    assert fixview.fix_lines(fix, text, cells) == whole


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="國務院辦公廳关于开展 \n（1）ＡＢ１２ｘ縣(xiàn)發", max_size=80))
def test_edits_given_one_at_a_time_equal_the_listed_edits(text):
    """GL401 streams the normaliser's edits line by line (a million converted characters were held
    twice: listed, then as fixes); what it streams equals what edits_of lists, grouped the same."""
    from checker.kinds.normalised_edit import _line_runs, _per_line
    from checker.model.document import Document
    from checker.model.source import Source
    from checker.normalise.pipeline import normalise

    mapped, _ = normalise(text)
    doc = Document(Source(path="t.txt", text=text))
    for tag in ("traditional", "pinyin-annotation", "fullwidth"):
        streamed = list(mapped.iter_edits(tag))
        listed = mapped.edits_of(tag)
        assert streamed == listed
        if mapped.steps_with(tag) <= 1:
            assert list(_line_runs(doc, iter(listed))) == _per_line(doc, listed)
