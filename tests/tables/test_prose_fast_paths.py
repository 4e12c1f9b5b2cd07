"""The prose parser's shortcuts against the plain computations they replace: separators found with
``str.find`` and a neighbour test instead of one regex with a Chinese-class lookbehind, counts and
shares read with narrow patterns when the text has no U+3000, word tests instead of regex alternations
of Chinese words, clauses skipped that cannot open a list, and one cut of the clauses shared by every
list finder."""

from __future__ import annotations

import re
import sys

from hypothesis import example, given, settings
from hypothesis import strategies as st

from checker.tables import prose_clauses as pc
from checker.tables import prose_enum as pe

SEPARATOR = re.compile(r"[，,、；;：:。！？!?\n()（）]|(?<=[\u4e00-\u9fff])\.(?!\d)")
COUNT = re.compile(r"(?<![\d.第])(\d{1,12})(\.\d{1,6})?[ \t\u3000]{0,2}(多|余)?[ \t\u3000]{0,2}"
                   r"(人次|件次|万元|件|宗|条|项|篇|份|个|次|元)(?![ \t\u3000]{0,2}[%％])")
PERCENT = re.compile(pc.PERCENT)
APPROX = re.compile(r"(?:多|余|近|约|超过?|大约|左右|以上|不足|逾)")
FENBIE = re.compile(r"分别(?:为|是|有)")
NEW_TOTAL = re.compile(r"^[^\d]*?(?:(?<!公)共(?![享同建产识青性用])|合计|总计|累计)|^\s*(?:另有|另外|此外|还有|同时|并|均)")
ITEM = re.compile(r"^\s*(?:[①-⑳]|\d{1,2}[.、．](?!\d)|[“\"「]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}是)")
TERMINATOR = re.compile(r"[。！？!?\n]|(?<=[\u4e00-\u9fff])\.(?!\d)")
RESIDUAL = re.compile(r"^\s*(?:[一二三四五六七八九十\d]+[.、]|[①-⑳]|[“\"「(（])?\s*(?:发布|公开|更新)?(?:其他|其它|其余|剩余)")
CJK_TAIL = re.compile(r"[\u4e00-\u9fff]{4,}$")

# Chinese characters at and beyond the ends of U+4E00–U+9FFF (㐀 U+3400, 鿿 U+9FFF, 가 U+AC00), digits
# of other scripts (٣, ５), spaces re and str.isspace agree on (U+3000, U+2028, U+001C) and the words
# the parser looks for
PIECES = ["其中", "包括", "包含", "分别为", "分别是", "分别有", "分别", "共", "公共", "共享", "合计", "总计", "累计", "另有",
          "并", "均", "其他", "其它", "其余", "剩余", "发布", "公开", "更新", "在", "中", "是", "一", "三", "十", "①", "⑳", "⑴", "“", "\"", "「",
          "：", "，", ",", "、", "；", ";", "。", "!", "?", "！", "？", "\n", "(", ")", "（", "）", ".", "．", " ", "\t",
          "\u3000", "\u2028", "\x1c", "件", "条", "宗", "人次", "万元", "元", "次", "占", "%", "％", "多", "余", "约",
          "超过", "左右", "以上", "不足", "逾", "近", "大约", "1", "2", "0", "12", "123", "٣", "５", "x", "a",
          "㐀", "一", "鿿", "가", "答复", "办结", "予以公开", "不予公开", "政府信息", "网站", "微信"]
prose = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


def test_digit_and_space_classes_are_the_string_methods():
    """``\\d`` is str.isdecimal and ``\\s`` str.isspace (which strip uses), code point by code point; the
    parser's list of spaces is str.isspace's."""
    digit, space = re.compile(r"\d"), re.compile(r"\s")
    for cp in range(sys.maxunicode + 1):
        c = chr(cp)
        assert (digit.match(c) is not None) == c.isdecimal(), hex(cp)
        assert (space.match(c) is not None) == c.isspace() == (c.strip() == ""), hex(cp)
        assert (c in pe._SPACES) == c.isspace(), hex(cp)
        assert (c in pe._OPENING) == (c in pe._HEAD_FIRST or c.isspace()), hex(cp)


@settings(max_examples=400, deadline=None)
@given(prose)
def test_separators_are_the_regex_matches(text):
    assert pc.separators(text) == [m.start() for m in SEPARATOR.finditer(text)]


def _reference_clauses(text):
    """The clauses as one regex over the text cut them, counts and shares placed the same way."""
    out, pos, before, depth, sentence = [], 0, "", 0, 0
    for m in SEPARATOR.finditer(text):
        sep = m.group()
        out.append(pc.Clause(pos, m.start(), before, sep, depth, sentence))
        if sep in pc.OPEN:
            depth += 1
        elif sep in pc.CLOSE:
            depth = max(0, depth - 1)
        elif pc.strength(sep) == pc.SENTENCE and depth == 0:
            sentence += 1
        pos, before = m.end(), sep
    out.append(pc.Clause(pos, len(text), before, "", depth, sentence))
    k = 0
    for m in COUNT.finditer(text):
        while out[k].end < m.start():
            k += 1
        lead = text[max(out[k].start, m.start() - 3):m.start()]
        out[k].counts = list(out[k].counts)
        out[k].counts.append(pc.Count(int(m.group(1)), m.start(1), m.end(1), m.group(4),
                                      bool(m.group(3) or APPROX.search(lead)), bool(m.group(2))))
    k = 0
    for m in PERCENT.finditer(text):
        while out[k].end < m.start():
            k += 1
        if out[k].percent is None:
            out[k].percent = (float(m.group(1)), len(m.group(2) or ""), m.start(1), m.end(1))
    return out


@settings(max_examples=400, deadline=None)
@given(prose)
def test_clauses_are_the_regex_cut(text):
    assert pc.clauses(text) == _reference_clauses(text)


@settings(max_examples=400, deadline=None)
@given(prose)
def test_counts_and_shares_are_the_full_patterns_matches(text):
    assert [m.span() + m.groups() for m in pc.counts(text)] == [m.span() + m.groups() for m in COUNT.finditer(text)]
    assert [(p, m.span(1), m.groups()) for p, m in pc.shares(text)] == \
        [(m.start(), m.span(1), m.groups()) for m in PERCENT.finditer(text)]


@settings(max_examples=300)
@given(st.text(alphabet="多余近约超过大左右以上不足逾x1", max_size=4))
def test_approximate_is_the_alternation(lead):
    assert pc.approximate(lead) == bool(APPROX.search(lead))


@settings(max_examples=500, deadline=None)
@given(prose)
def test_word_tests_are_their_patterns(t):
    assert pe._fenbie(t) == bool(FENBIE.search(t))
    assert pe._new_total(t) == bool(NEW_TOTAL.match(t))
    assert pe._item(t) == bool(ITEM.match(t))
    assert pe._residual(t) == bool(RESIDUAL.match(t))
    tail = CJK_TAIL.search(t)
    assert pe._cjk_tail(t) == (tail.group() if tail else None)
    for pos in range(len(t) + 1):
        assert pe._terminated(t, pos) == bool(TERMINATOR.search(t, pos))


@given(st.lists(st.sampled_from(["予以公开", "不予公开", "a.b", "|", "(x)"]), max_size=4), prose)
def test_any_word_is_the_escaped_alternation(words, s):
    found = pe.AnyWord(words)
    assert found.search(s) == (bool(words) and bool(re.compile(found.pattern).search(s)))


ITEMS = ["①", "⑳", "⑴", "1", "12", "123", "٣", "５", ".", "．", "、", "一", "十", "一二三四", "是", "(", "（", ")", "）",
         "“", "\"", "「", " ", "\u3000", "x", "2", "\n"]


@settings(max_examples=800)
@given(st.lists(st.sampled_from(ITEMS), max_size=8).map("".join))
@example("1.x")
@example("12、")
@example("123.")
@example("1.2")
@example("（一）")
@example("(十二三)")
@example("一二三是")
def test_item_markers_are_the_pattern(t):
    assert pe._item(t) == bool(ITEM.match(t))


@settings(max_examples=800)
@given(st.lists(st.sampled_from(ITEMS + ["其他", "其余", "剩余", "其", "发布", "公开", "更新"]), max_size=8).map("".join))
@example("1.其他")
@example("一、其余")
@example(" 12、 更新剩余")
@example("①发布其他")
@example("（其它")
@example("1其他")
def test_residual_terms_are_the_pattern(t):
    assert pe._residual(t) == bool(RESIDUAL.match(t))


TOPICS = pe.AnyWord(["予以公开", "不予公开"])


def _reference_enumerations(text, topics):
    """enumerations trying every clause."""
    cls, out, seen, stats = pc.clauses(text), [], set(), pe.Stats()
    for i, c in enumerate(cls):
        found = pe._start(text, cls, i) or (pe._topic_start(text, cls, i, topics) if topics else None)
        if found is None:
            continue
        total_at, first, why = found
        total = pe._total(cls, total_at)
        if total is None or total.start in seen:
            continue
        e = pe._parse(text, cls, total_at, total, first, why, stats, 0)
        e.inferred = why == "topic"
        if len(e.terms) >= 2:
            pe._mark(e, seen)
            out.append(e)
    return out


@settings(max_examples=400, deadline=None)
@given(prose)
@example("共受理申请618件，其中当面申请473宗，占76.5%；网上申请73宗。")
@example("办理申请10件。予以公开6件，不予公开4件。")
@example("收到10件\n 其中甲5件、乙5件。")
@example("共受理申请618件，其中：当面申请473宗，网上申请145宗。")
@example("收到申请20件，具体如下：甲10件，乙10件。")
@example("收到申请20件。\n\u3000 其中甲10件，乙10件。")
@example("收到申请20件，\n  甲10件，乙10件。\n\n")
def test_skipped_clauses_open_no_list(text):
    for topics in (None, TOPICS):
        assert pe.enumerations(text, topics=topics) == _reference_enumerations(text, topics)


def _reference_share_runs(text):
    """share_runs visiting every clause."""
    cls, out, run = pc.clauses(text), [], []
    for i, c in enumerate(cls):
        share = pe._share_of(cls, i)
        if c.counts and share is not None and (not run or i - run[-1][0] <= 3):
            run.append((i, c.counts[0], share))
            continue
        if c.counts or (run and i - run[-1][0] > 3):
            pe._close(text, cls, run, out)
            run = [(i, c.counts[0], share)] if c.counts and share is not None else []
    pe._close(text, cls, run, out)
    return out


SHARE_PIECES = ["各乡镇主动公开政府信息", "县直各单位主动公开政府信息", "其中主动公开政府信息", "2026条", "1503条",
                "523条", "，占", "74.2%", "25.8%", "37.8%", "62.2%", "。", "，", "\n", "共"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(SHARE_PIECES + PIECES), max_size=40).map("".join))
def test_share_runs_skip_only_idle_clauses(text):
    assert pe.share_runs(text) == _reference_share_runs(text)


@settings(max_examples=300, deadline=None)
@given(prose)
def test_one_cut_of_clauses_serves_every_finder(text):
    """The finders leave the clauses as they found them, so one cut can be shared."""
    cls = pc.clauses(text)
    shared = (pe.enumerations(text, topics=TOPICS, cls=cls), pe.enumerations(text, cls=cls),
              pe.share_runs(text, cls=cls))
    assert cls == pc.clauses(text)
    assert shared == (pe.enumerations(text, topics=TOPICS), pe.enumerations(text), pe.share_runs(text))


FIGURES = st.sampled_from(["5", "76.5", "100", "1000", "12.3456", "12.34567", "٣", "3.", ""])


@settings(max_examples=500)
@given(st.lists(st.tuples(st.sampled_from(["占", "占总数的", "x占"]), st.text(alphabet="的总数x ，。%1", max_size=11),
                          FIGURES, st.sampled_from(["%", "％", " %", "\u3000％", "  %", "   %", "", "件"])),
                max_size=4).map(lambda parts: "".join("".join(p) for p in parts)))
def test_shares_at_every_distance_from_zhan(text):
    assert [(p, m.span(1), m.groups()) for p, m in pc.shares(text)] == \
        [(m.start(), m.span(1), m.groups()) for m in PERCENT.finditer(text)]


def _table_keys():
    from checker.tables.labels import _keys
    from checker.tables.model import definitions

    return [_keys(t) for tables in definitions().values() for t in tables.values()]


KEYS = _table_keys()
KEY_PIECES = sorted({k[:n] for keys in KEYS for k in keys.entries for n in (1, 2, len(k))} | {"x", "其", "1"})


@settings(max_examples=400, deadline=None)
@given(st.integers(0, len(KEYS) - 1), st.lists(st.sampled_from(KEY_PIECES), max_size=10).map("".join))
def test_label_key_scan_is_the_longest_first_alternation(n, text):
    keys = KEYS[n]
    rx = re.compile("|".join(re.escape(k) for k in sorted(keys.entries, key=len, reverse=True)))
    assert keys.find(text) == [(m.start(), m.end(), m.group()) for m in rx.finditer(text)]


def test_head_first_characters_are_the_markers_first():
    words = re.search(r"\(\?:(.*)\)", pe._HEAD.pattern).group(1).split("|")
    assert {w[0] for w in words} == pe._HEAD_FIRST


@settings(max_examples=300, deadline=None)
@given(prose, st.integers(0, 400))
def test_rate_sentence_start_is_the_last_regex_end(text, pos):
    from checker.kinds.prose_rate import WINDOW, _sentence_start

    pos = min(pos, len(text))
    lo = max(0, pos - WINDOW)
    ends = list(re.compile(r"[。！？!?\n]").finditer(text, lo, pos))
    assert _sentence_start(text, pos) == (ends[-1].end() if ends else lo)


@settings(max_examples=800)
@given(st.lists(st.sampled_from(["一", "十", "1", "12", "٣", "(", ")", "（", "、", ".", "．", "x", "其他", " "]),
                max_size=7).map("".join))
@example("一、其他")
@example("(一)其他")
@example("()x")
@example("(1)")
@example("12.x")
@example("一1、")
def test_unnumbered_is_the_numbering_pattern(s):
    from checker.tables.model import unnumbered

    rx = re.compile(r"^(?:[一二三四五六七八九十]+[、.]|[(][一二三四五六七八九十\d]+[)]|\d+[.、])")
    assert unnumbered(s) == rx.sub("", s)


COUNT_PIECES = ["123456789012", "1234567890123", "5", ".", ".123456", ".1234567", " ", "\t", "\u3000", "多", "余", "人次",
                "件次", "万元", "件", "次", "元", "宗", "%", "％", "第", "x", "人", "万", "，", "占"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(COUNT_PIECES), max_size=30).map("".join))
@example("123456789012.123456  多  人次  %")
@example("x123456789012.123456  多  人次")
@example("123456789012.123456\u3000\u3000余\u3000\u3000万元\u3000\u3000％")
@example("5件" + "x" * 30 + "6件  %")
def test_counts_in_unit_windows_are_the_whole_text_matches(text):
    assert [m.span() + m.groups() for m in pc.counts(text)] == [m.span() + m.groups() for m in COUNT.finditer(text)]


def _plain_windows(text):
    """The windows around every unit character, merged one by one where they overlap."""
    out = []
    for u in sorted(i for i, ch in enumerate(text) if ch in pc._UNIT_ENDS):
        lo, hi = max(0, u - pc.REACH), min(len(text), u + 1 + pc.AFTER)
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(["件", "次", "元", "x", "x" * 10, "x" * 24, "x" * 25, "x" * 26, "x" * 29, "x" * 30]),
                max_size=12).map("".join))
@example("x" * 25 + "件" + "x" * 29 + "件")
@example("x" * 25 + "件" + "x" * 30 + "件")
@example("件" + "x" * 29 + "件")
def test_unit_windows_are_the_pairwise_merge(text):
    assert pc._windows(text) == _plain_windows(text)


@settings(max_examples=300, deadline=None)
@given(prose)
def test_clauses_without_counts_share_the_empty_tuple(text):
    """Every clause reads as before: counts a list where a count was placed, an empty sequence elsewhere."""
    for c in pc.clauses(text):
        assert isinstance(c.counts, list) if c.counts else c.counts == ()
