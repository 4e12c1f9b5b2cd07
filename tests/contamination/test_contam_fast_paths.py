"""The shortcuts of the contamination rules give the answers of the plain computations they replace."""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from checker.contamination import phrases as ph


def _plain_scan(text: str):
    """phrases._scan as first written: an automaton of (phrase index, offset) references, the support of
    a candidate counted in a dict keyed by (phrase, base)."""
    import ahocorasick

    table = ph.phrases()
    auto = ahocorasick.Automaton()
    refs_of: dict[str, list[tuple[int, int]]] = {}
    for i, (p, section) in enumerate(table):
        for off, chunk in ph._chunks(p, section):
            refs_of.setdefault(chunk, []).append((i, off))
    for p, _ in table:
        refs_of.setdefault(p, [])
    for chunk, refs in refs_of.items():
        auto.add_word(chunk, (len(chunk), tuple(refs), chunk in ph._known()))
    auto.make_automaton()
    hits = list(auto.iter(text))
    if not hits:
        return [], []
    cover = _plain_cover(text, hits)
    support: dict[tuple[int, int], int] = {}
    candidates: dict[tuple[int, int], None] = {}
    for last, (size, refs, _) in hits:
        pos = last - size + 1
        if not refs or cover[pos] > size + 1 and cover[last] > size + 1:
            continue
        for i, off in refs:
            b = pos - off
            candidates[(i, b)] = None
            for key in ((i, b - 1), (i, b), (i, b + 1)):
                support[key] = support.get(key, 0) + 1
    found: list = []
    for i, base in candidates:
        p, section = table[i]
        n = len(p)
        if support[(i, base)] < ph._need(n) or n < 5 and not ph._short_may_fit(text, base, p, section):
            continue
        if text.startswith(p, base - 1) or text.startswith(p, base) or text.startswith(p, base + 1) \
                or sum(1 for c in p if c not in text[max(0, base - 1):base + len(p) + 1]) > 1 \
                or ph._covered(cover, base, n):
            continue
        d = ph._align(text, base, p, section)
        if d is not None and not any(ph._overlaps(d, e) for e in found):
            found.append(d)
    replaced: list = []
    for i, base in candidates:
        p, section = table[i]
        if section in ph._WHOLE and len(p) >= 8 and support[(i, base)] < 2 and text.startswith(p[:3], base) \
                and not text.startswith(p, base):
            d = ph._substituted(text, base, p)
            if d is not None and not any(ph._overlaps(d, e) for e in found + replaced):
                replaced.append(d)
    return sorted(found, key=lambda d: d.start), replaced


def _plain_cover(text: str, hits) -> list[int]:
    """phrases._cover as first written: a list, each copy's characters raised one by one."""
    cover = [0] * (len(text) + 1)
    for last, (size, _, whole) in hits:
        if whole:
            for k in range(last - size + 1, last + 1):
                if cover[k] < size:
                    cover[k] = size
    return cover


def _damaged_forms(p: str) -> list[str]:
    out = [p, p[:-1], p[1:], p[:len(p) // 2], p[len(p) // 2:]]
    for k in range(1, len(p) - 1, 3):
        out.append(p[:k] + p[k + 1:])                       # one dropped
        out.append(p[:k] + p[k + 1] + p[k] + p[k + 2:])     # two swapped
    return out


_PHRASE_PIECES = [f for p, _ in ph.phrases()[::3] for f in _damaged_forms(p)] + [
    "买球网站", "bet365", "，", "。", "\n", " ", "|", "2023", "3366条", "的", "政府"]


def _key(result):
    return [[(d.start, d.end, d.phrase, d.how) for d in part] for part in result]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PHRASE_PIECES), max_size=12).map("".join))
def test_phrase_scan_with_integer_candidates_equals_the_plain_scan(text):
    assert _key(ph._scan.__wrapped__(text)) == _key(_plain_scan(text))


def _example_texts(kind: str) -> list[str]:
    from checker.engine.loader import load_rules

    return [ex if isinstance(ex, str) else ex["text"] for r in load_rules() if r.kind == kind
            for ex in r.examples.get("fail", []) + r.examples.get("pass", [])]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PHRASE_PIECES), max_size=12).map("".join))
def test_phrase_cover_written_shortest_first_equals_raising_each_character(text):
    hits = list(ph._automaton().iter(text))
    assert list(ph._cover(text, hits)) == _plain_cover(text, hits)


def test_phrases_fit_the_byte_cover():
    assert max(len(p) for p, _ in ph.phrases()) < 256


def test_phrase_scan_equals_the_plain_scan_on_the_rule_examples():
    texts = _example_texts("damaged-phrase")
    assert texts
    for text in texts:
        assert _key(ph._scan.__wrapped__(text)) == _key(_plain_scan(text))


# --- dropped characters: the look-arounds on CJK characters checked in Python ---

from checker.contamination import dropped as dr  # noqa: E402

_PLAIN_DROPPED = {
    "year": re.compile(r"(?<![\d.\-/:])((?:19|20)\d{2})(\d{1,8})([月日])"),
    "monthday": re.compile(r"(?<=[至到~～\-—])\s*((?:1[0-2]|0?[1-9])[0-3]\d)日"),
    "split": re.compile(r"(?<=[\u4e00-\u9fff])((?:19|20)\d{2})[ \t]*\n\s*(?=(?:度\s*)?政府信息公开|年度报告)"),
    "docno": re.compile(r"〔((?:19|20)\d{2})(\d{1,4})号|(?<=[\u4e00-\u9fff])((?:19|20)\d{2})〕(\d{1,4})号"),
    "opener": re.compile(r"^[ \t\u3000]*(?:[)）]|、)(?=[\u4e00-\u9fff])|[(（][ \t]*[)）](?=[\u4e00-\u9fff])"
                         r"|第[(（][ \t]*[)）]", re.M),
    "count": re.compile(r"(?:数量|总数|总量|意见|提案|建议|答复)(\d+)(?=[\u4e00-\u9fff]|[ \t]*$)"
                        r"(?![件条个次人家项篇期份万余多种类批所名场宗例位户元天年月日号%％])", re.M),
    "page": re.compile(r"(?<=[\u4e00-\u9fff])\d{1,3}(?=[\u4e00-\u9fff])"),
    "dangling": re.compile(r"(?<![尤极与及何])其(?=[、，,。；;])"),
}


def _plain_losses(text: str, kinds) -> list[tuple]:
    """dropped.find as first written, with every look-around inside the patterns."""
    p, out = _PLAIN_DROPPED, []
    if dr.DATE in kinds:
        out += [(m.start(), m.end(), dr.DATE, dr._restore(*m.groups())) for m in p["year"].finditer(text)]
        out += [(m.start(1), m.end(), dr.DATE, dr._restore("", m.group(1), "日")) for m in p["monthday"].finditer(text)]
        out += [(m.start(1), m.end(1), dr.DATE, m.group(1) + "年") for m in p["split"].finditer(text)]
    if dr.DOCNO in kinds:
        for m in p["docno"].finditer(text):
            year, num = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
            out.append((m.start(), m.end(), dr.DOCNO, f"〔{year}〕{num}号"))
    if dr.OPENER in kinds:
        out += [(m.start(), m.end(), dr.OPENER, None) for m in p["opener"].finditer(text) if m.group().strip()]
    if dr.COUNT in kinds:
        out += [(m.start(), m.end(), dr.COUNT, None) for m in p["count"].finditer(text)]
    if dr.PAGE_NO in kinds:
        words = dr._report_words()
        out += [(m.start(), m.end(), dr.PAGE_NO, "") for m in p["page"].finditer(text)
                if text[m.end()] not in dr._MEASURE and text[m.start() - 1] != "第"
                and text[m.start() - 1] + text[m.end()] in words]
    if dr.DANGLING in kinds:
        out += [(m.start(), m.end() + 1, dr.DANGLING, None) for m in p["dangling"].finditer(text)]
    return sorted(out, key=lambda x: x[0])


_SHAPED_KINDS = (dr.DATE, dr.DOCNO, dr.OPENER, dr.COUNT, dr.PAGE_NO, dr.DANGLING)
_DROPPED_PIECES = ["2021", "20211231", "1231", "1", "12", "123", "1234", "０", "٣", "月", "日", "年", "至", "-", "—", "~",
                   ".", "/", ":", "〔", "〕", "号", "(", "（", ")", "）", "、", "第", "\n", " ", "\t", "\u3000", "政府信息公开",
                   "度", "年度报告", "其", "中", "意见", "数量", "答复", "件", "%", "a", "区",
                   # whole shapes, so that their edges meet every neighbour
                   "2021〕30号", "〔202130号", "20211231日", "20231月", "至1231日", "其3中", "意见2", "答复2政协",
                   "（）", "( )", "第()", ")", "、", "2022 \n", "2022\n度",
                   "尤其，", "极其", "其、", "何", "与", "；"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_DROPPED_PIECES), max_size=16).map("".join))
def test_dropped_shapes_equal_the_patterns_with_their_look_arounds(text):
    got = [(x.start, x.end, x.kind, x.repair) for x in dr.find(text, _SHAPED_KINDS)]
    assert got == _plain_losses(text, _SHAPED_KINDS)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="2019031号〕〔年月日至-其中（)、意见数量\n \t度政府信息公开a١", max_size=24))
def test_dropped_shapes_on_arbitrary_strings_of_their_characters(text):
    got = [(x.start, x.end, x.kind, x.repair) for x in dr.find(text, _SHAPED_KINDS)]
    assert got == _plain_losses(text, _SHAPED_KINDS)


# --- page chrome between the report's blocks: each shape tried only when its strings are in the line ---

from checker.contamination import chrome as ch  # noqa: E402


def _plain_nav_line(low: str, need: int = 1) -> bool:
    tokens = [t for t in ch._TOKENS.split(low) if t]
    if not tokens or len("".join(tokens)) > 80:
        return False
    nav = ch._nav_words()
    portal = len(tokens) >= 3
    hits = sum(1 for t in tokens if t in nav or t.startswith("走进") or portal and t.endswith("网"))
    if hits >= max(need, 1) and hits * 2 >= len(tokens) + (1 if len(tokens) == 1 and need > 1 else 0):
        return True
    if hits >= 3:
        return True
    return tokens[0] == "首页" and len(tokens) >= 4 and all(len(t) <= 8 for t in tokens)


def _plain_classify_body(line: str) -> bool:
    """chrome.classify_body as first written: every shape tried on every line."""
    s = line.strip()
    if not s or len(s) > 160 or s.endswith("。"):
        return False
    low = s.lower()
    p = ch._patterns()
    if p["strong"].match(low) or p["weak"].match(low):
        if ch._DATE.search(low) or p["more"].search(low) or ch._WIDGET_EMPTY.match(s) or ch._empty_value(low):
            return True
    if "|" in low and ch._pipe_fields(low, p) >= 2:
        return True
    if _plain_nav_line(low, need=2) or ch._FOOTER.search(s) and len(s) <= 60 or ch._CREDIT.match(s) \
            and "来源" not in s[:4] or ch._STAMPED.match(s) or ch._LISTEN.search(s) and len(s) <= 20:
        return True
    return bool(ch._BREADCRUMB.search(s) and ("首页" in s or "位置" in s) and not ch._SENTENCE.search(s))


def _chrome_pieces() -> list[str]:
    v = ch.vocab()
    words = v["labels"][::4] + v["weak-labels"][::3] + v["nav"][::3]
    return words + ["：", ":", "|", "｜", " ", "\u3000", "•", "*", "-", "【", "】", "(", "（", "2022-01-21", "2010/1/6 16:43",
                    "19", "20", "字号", "字体", "首页", ">", "当前位置", "走进", "网", "扫一扫", "责任编辑", "来源", "点击收听",
                    "。", "，", "；", "政府信息公开", "English", "Ｉ", "İ", "人次", "[ ]", "\n",
                    # whole field lines behind bullets and brackets
                    "• 发布时间：2022-01-21", "【索 引 号】", "（来源：", "- 字号：", "| 发布机构 | 县局 |", "* 点击：",
                    "  ( 日期：2020年1月2日"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_chrome_pieces()), max_size=10).map("".join))
def test_body_chrome_test_equals_trying_every_shape(line):
    assert ch.classify_body(line) == _plain_classify_body(line)
    low = line.strip().lower()
    assert ch._nav_line(low, 2) == _plain_nav_line(low, 2) and ch._nav_line(low) == _plain_nav_line(low)


def test_body_chrome_on_the_example_lines_of_the_rules():
    lines = [line for t in _example_texts("web-boilerplate") for line in t.splitlines()]
    assert any(_plain_classify_body(line) for line in lines)
    assert [ch.classify_body(line) for line in lines] == [_plain_classify_body(line) for line in lines]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_chrome_pieces()), max_size=8).map("".join))
def test_strong_field_test_equals_the_strong_pattern(line):
    low = line.strip().lower()
    assert ch._strong_field(low) == (ch._patterns()["strong"].match(low) is not None)


def _pattern_end(kind: str, low: str):
    m = ch._patterns()[kind].match(low)
    return None if m is None else m.end()


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_chrome_pieces()), max_size=8).map("".join), st.sampled_from(["strong", "weak"]))
def test_field_end_equals_the_field_patterns_end(line, kind):
    low = line.strip().lower()
    assert ch._field_end(low, kind) == _pattern_end(kind, low)


def test_field_end_on_each_label_spaced_and_bare():
    v = ch.vocab()
    for label in v["labels"] + v["weak-labels"]:
        for low in (label, " ".join(label) + " ：x", "• 【" + label + "】", label + "x", label[:-1], label + " | ",
                    "时间" + label + "：", label + "  "):
            for kind in ("strong", "weak"):
                assert ch._field_end(low, kind) == _pattern_end(kind, low), (kind, low)


def test_label_heads_are_known_for_the_shipped_vocabulary():
    assert ch._label_heads() is not None


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_chrome_pieces()), max_size=10).map("".join))
def test_field_pretest_never_rejects_a_field_line(line):
    low = line.strip().lower()
    p = ch._patterns()
    if p["strong"].match(low) or p["weak"].match(low):
        assert ch._may_be_field(low)


def _plain_classify(line: str) -> int:
    """chrome.classify as first written: the field patterns tried on every short line."""
    s = line.strip()
    if not s:
        return 0
    low = s.lower()
    p = ch._patterns()
    if len(s) <= 200 and not s.endswith("。"):
        if p["strong"].match(low) or ch._pipe_fields(low, p) >= 1 and "|" in low:
            return ch.STRONG
        weak = p["weak"].match(low)
        if weak and (ch._value_shape(low) or p["more"].search(low) or ch.is_title_like(low[weak.end():])):
            return ch.STRONG
    if (ch._ISO_LINE.match(s) or ch._STAMPED.match(s) or ch._RULED.match(s) or ch._INDEX_NO.match(s)
            or ch._OPEN_STATUS.match(s) or ch._WIDGET_EMPTY.match(s) or ch._WELCOME.match(s)
            or ch._CREDIT.match(s) or ch._nav_line(low)):
        return ch.STRONG
    if len(s) <= 120 and (ch._BREADCRUMB.search(s) and not ch._SENTENCE.search(s) or ch._FOOTER.search(s)):
        return ch.STRONG
    if len(s) <= 80 and ch._latin_share(s) > 0.4 and len(ch._ENGLISH_WORD.findall(s)) >= 4:
        return ch.STRONG
    if ch._SEPARATOR.match(s):
        return ch.WEAK
    if len(s) <= 30 and not ch._SENTENCE.search(s) and not s.endswith(("。", "：", ":")):
        return ch.WEAK
    return 0


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_chrome_pieces()), max_size=10).map("".join))
def test_line_classes_equal_trying_the_field_patterns_on_every_line(line):
    assert ch.classify(line) == _plain_classify(line)


@settings(max_examples=500)
@given(st.text(alphabet="政府一鿿丁\u4dff\ua000aZz09_@:,.-/ \n（Ａ٣", max_size=8))
def test_name_like_equals_its_pattern(s):
    assert ph._name_like(s) == (re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9_@:,.\-]+", s) is not None)


# --- web furniture lines of the data file: the patterns skipped on a line holding none of their strings ---

import pytest  # noqa: E402
from hypothesis import HealthCheck  # noqa: E402

from checker.parse import boilerplate as bp  # noqa: E402

_FURNITURE = sorted({raw for raws in bp.pattern_sources().values() for raw in raws})


def test_every_furniture_pattern_has_its_needles():
    assert [raw for raw in _FURNITURE if bp.needles(raw) is None] == []


@pytest.mark.parametrize("raw", _FURNITURE, ids=range(len(_FURNITURE)))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_match_of_a_furniture_pattern_holds_a_needle(raw, data):
    line = data.draw(st.from_regex(re.compile(raw)))
    m = re.match(raw, line)
    if m is not None:
        assert any(n in m.group() for n in bp.needles(raw)), (raw, m.group())


_FURNITURE_PIECES = ["返回顶部", "打印", "关闭", "【", "】", "收藏", "上一篇", "：", ":", "|", "相关链接", "联系我们", "扫一扫",
                     "公开方式", "主动公开", "版权所有", "ICP备", "123", "号", "字号", "大 中 小", "分享到", "设为首页", "点击数",
                     "当前位置", "首页", ">", "听全文", "索 引 号", "发布日期", "2022-01-01", "来源", " ", "政府", "x"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_FURNITURE_PIECES), max_size=8).map("".join), st.sampled_from([bp.HEAD, bp.TAIL]))
def test_furniture_line_test_equals_the_whole_pattern(line, where):
    s = line.strip()
    plain = bool(s) and re.compile(bp.patterns()[where].pattern).match(s) is not None
    assert bp.is_boilerplate(line, where) == plain


# --- betting-name shapes: the needles' words and their letter-digit branch searched apart ---

from checker.contamination import shapes as sh  # noqa: E402

_PLAIN_NEEDLES = re.compile(sh._NEEDLE_WORDS + r"|[a-z]\d{2,}-\d")
_NEEDLE_PIECES = ["官方网站", "体育", "电竞", "棋牌", "真人", "通用版", "投注", "下注", "买球", "博彩", "赌", "娱乐城", "登录入口",
                  "网页版", "bet", "casino", "b", "e", "t", "官方", "网站", "体", "-", "12", "3", "٣", "z", "a", "mobile288-365",
                  "bet12-3", "casino12-3", "x12-3", "政府", " ", "\n"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_NEEDLE_PIECES), max_size=14).map("".join))
def test_needles_searched_apart_equal_the_one_alternation(text):
    assert sh._needle_spans(text) == [m.span() for m in _PLAIN_NEEDLES.finditer(text)]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abetcsinoz0189-٣体育赌官方网站 ", max_size=20))
def test_needles_on_arbitrary_strings_of_their_characters(text):
    assert sh._needle_spans(text) == [m.span() for m in _PLAIN_NEEDLES.finditer(text)]


def _plain_body_blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """chrome.body_blocks as first written: every line classified, every line's neighbours looked at."""
    marks = [[s, e, 0, body] for s, e, body in ch._lines(text, start, end) if body.strip()]
    for m in marks:
        if len(m[3]) <= 160 and ch.classify_body(m[3]):
            m[2] = 3
    for k, m in enumerate(marks):
        if m[2] == 0 and any(0 <= j < len(marks) and marks[j][2] == 3 for j in (k - 1, k + 1)) \
                and ch.classify(m[3]) == ch.STRONG:
            m[2] = 2
    return ch._blocks(text, [(s, e) for s, e, c, _ in marks if c], marks)


_BODY_LINES = ["一、总体情况", "本机关2023年主动公开信息30条。", "（一）主动公开政府信息情况", "基本介绍", "• 中文名：某县",
               "首页 > 政务公开 > 年报", "打印 关闭", "发布时间：2022-01-21", "信息内容\t本年制发件数\t本年废止件数",
               "| 发布机构 | 县局 |", "扫一扫在手机打开当前页", "责任编辑：张三", "", "  ", "2022-01-21", "简体 繁体 无障碍",
               "政府信息公开", "字号：[ ]"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(_BODY_LINES), max_size=12).map("\n".join))
def test_body_blocks_looking_only_next_to_body_chrome_equal_looking_at_every_line(text):
    assert ch.body_blocks(text, 0, len(text)) == _plain_body_blocks(text, 0, len(text))


# --- residue: a long needle list searched for in one pass ---

from checker.contamination import residue as rs  # noqa: E402

_NEEDLE_LISTS = sorted({v for v in rs._NEEDLES.values()})


@pytest.mark.parametrize("strings", _NEEDLE_LISTS, ids=range(len(_NEEDLE_LISTS)))
@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_any_needle_in_one_pass_equals_searching_each(strings, data):
    pieces = list(strings) + [s[:-1] for s in strings if len(s) > 1] + [s[1:] for s in strings] + ["政府", " ", "\n", "号"]
    text = data.draw(st.lists(st.sampled_from(pieces), max_size=8).map("".join))
    assert rs._any_in(strings, text) == any(s in text for s in strings)


# --- betting-name shapes: a window's pattern keeps only the lines one of whose needles it holds ---

def test_every_shape_line_has_its_needles():
    assert [p for p in sh._parts() if p not in sh._SHAPE_NEEDLES] == []


_SHAPES = sorted(sh._SHAPE_NEEDLES)


@pytest.mark.parametrize("raw", _SHAPES, ids=range(len(_SHAPES)))
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_match_of_a_shape_holds_one_of_its_needles(raw, data):
    text = data.draw(st.from_regex(re.compile(raw)))
    for m in re.finditer(raw, text):
        if m.end() > m.start():
            assert any(n in m.group() for n in sh._SHAPE_NEEDLES[raw]), (raw, m.group())


def _plain_shape_spans(folded: str) -> list[tuple[int, int]]:
    """shapes.spans as first written: the whole alternation in every window."""
    found, done = set(), -1
    whole = re.compile("|".join(f"(?:{p})" for p in sh._parts()))
    for hit in _PLAIN_NEEDLES.finditer(folded):
        lo, hi = max(done, hit.start() - sh._REACH, 0), min(len(folded), hit.end() + sh._REACH)
        if lo >= hi:
            continue
        found.update((sh._trim_cn_site(folded, *m.span()), m.end()) for m in whole.finditer(folded, lo, hi)
                     if m.end() > m.start())
        done = hit.start()
    return sorted(found)


_SHAPE_PIECES = _NEEDLE_PIECES + ["(中国)", "官网", "ios", "安卓", "/", "澳门", "葡京", "赌场", "网上", "在线", "app", "uedbet",
                                  "365", "_", "，", "环球国际", "登录", "入口", "十大", "公司", "hth", "工作规则", "局", "在"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_SHAPE_PIECES), max_size=14).map("".join))
def test_shape_spans_with_window_patterns_equal_the_whole_alternation(folded):
    assert sh.spans(folded) == _plain_shape_spans(folded)


def test_a_letter_digit_needle_inside_a_word_needle_is_dropped_as_the_alternation_drops_it():
    for text in ("bet12-3", "casino12-3体育", "xbet12-3 a12-3", "ab12-3bet"):
        assert sh._needle_spans(text) == [m.span() for m in _PLAIN_NEEDLES.finditer(text)]
    assert sh._needle_spans("bet12-3") == [(0, 3)]


# --- dropped characters: document numbers and line openers found from their literal characters ---

@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="〔〕号20191区\n \t\u3000)）、（", max_size=24))
def test_docnos_from_their_brackets_equal_the_alternation_with_its_look_behind(text):
    plain = [(m.start(), m.end(), m.group(1) or m.group(3), m.group(2) or m.group(4))
             for m in _PLAIN_DROPPED["docno"].finditer(text)]
    assert dr._docnos(text) == plain


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="\n \t\u3000)）、（区a", max_size=16))
def test_opener_lines_after_breaks_equal_the_multiline_pattern(text):
    assert dr._opener_lines(text) == [m.span() for m in dr._OPENER_LINE.finditer(text)]
