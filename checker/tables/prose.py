"""Numbers stated in prose: named quantities (本年新收 N 宗 …) found by patterns from rule params, and
lists of parts under a stated total (“共受理申请618件，其中当面申请473宗，占76.5%；…”).

Works on the normalised text (simplified, half-width digits). Approximate counts (多, 余, 近, 约, 超)
make a list uncheckable and are skipped.
"""

from __future__ import annotations

import re

from .. import lazy_re
from ..engine.user_regex import compile_param
from ..regex_shape import required_literal
from ..model.record import MutableRecord, Record

COUNT = lazy_re.compile(r"(?<![\d.])(\d+)(?:\.\d+)?\s*(多|余)?\s*(件|宗|条|个|项)(?!\s*[%％])")
_PERCENT = lazy_re.compile(r"占[^%％\d。；;]{0,8}?(\d+(?:\.(\d+))?)\s*[%％]")
_CLAUSE = lazy_re.compile(r"[,，;；:：。\n]")
_SENTENCE_END = lazy_re.compile(r"[。\n]")
_PART_START = lazy_re.compile(r"^\s*(?:[①-⑳]|\d+[.、](?!\d)|[“\"「]|[(（][一二三四五六七八九十\d]+[)）])")
_APPROX = lazy_re.compile(r"(?:多|余|近|约|超过?|大约|左右)")
_TOTAL_WORD = lazy_re.compile(r"(?:共|总计|合计|累计)[^,，;；。\d]{0,20}?(\d+)\s*(件|宗|条|个|项)")
_IN_TOTAL = lazy_re.compile(r"在[^。\n,，]{0,20}?(\d+)\s*(件|宗|条|个|项)[^。\n\d,，]{0,12}?中\s*[:：,，]?")
_QIZHONG = lazy_re.compile(r"其中\s*[:：,，]?")
_ENUM_AFTER = lazy_re.compile(r"(\d+)\s*(件|宗|条|个|项)\s*[,，:：]\s*(?=[①])")
_PAREN = lazy_re.compile(r"[(（][^()（）]*[)）]")
MAX_PARTS = 20
MAX_COUNT_DIGITS = 15
UNIT_FAMILY = {"件": "件", "宗": "件", "条": "条", "个": "个", "项": "项"}


class Number(MutableRecord):
    __slots__ = ("value", "start", "end", "percent")

    def __init__(self, value: int, start: int, end: int,
                 percent: tuple[float, int, int, int] | None = None) -> None:
        self.value, self.start, self.end = value, start, end
        self.percent = percent      # (value, decimals, start, end)


class CountList(MutableRecord):
    __slots__ = ("total", "phrase", "asides", "parts", "approximate")

    def __init__(self, total: Number, phrase: str) -> None:
        self.total = total
        self.phrase = phrase                # the words stating the total, for the message
        self.asides: list[int] = []         # counts in parentheses: “(未包含上年结转42宗)”
        self.parts: list[Number] = []
        self.approximate = False

    def targets(self) -> set[int]:
        return {self.total.value, *(self.total.value + a for a in self.asides)}

    def consistent(self) -> bool:
        """Some leading run of the parts adds up to the total (a list may go on to other things)."""
        run = 0
        for p in self.parts:
            run += p.value
            if run in self.targets():
                return True
        return False


def count_lists(doc) -> list[CountList]:
    if "prose.lists" not in doc.cache:
        doc.cache["prose.lists"] = find_lists(doc.text)
    return doc.cache["prose.lists"]


def find_lists(text: str) -> list[CountList]:
    out: list[CountList] = []
    seen: set[int] = set()
    for m in _IN_TOTAL.finditer(text):
        total = Number(int(m.group(1)), m.start(1), m.end(1))
        _add(out, seen, _collect(text, m.end(), total, m.group().rstrip(":：,， "), UNIT_FAMILY[m.group(2)]))
    for m in _QIZHONG.finditer(text):
        found = _total_before(text, m.start())
        if found:
            total, unit, phrase, asides = found
            cl = _collect(text, m.end(), total, phrase, unit)
            cl.asides = asides
            _add(out, seen, cl)
    for m in _enum_after(text):
        total = Number(int(m.group(1)), m.start(1), m.end(1))
        start = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        _add(out, seen, _collect(text, m.end(), total, text[start:m.start(2) + 1], UNIT_FAMILY[m.group(2)]))
    return out


def _enum_after(text: str):
    """``_ENUM_AFTER.finditer(text)``. Every match ends right before a ① (its lookahead) and, its
    character classes being disjoint, is the digits-spaces-unit-spaces-separator-spaces run read
    backwards from that ①; so only those starts are tried, instead of a regex search stepping through
    the whole text (the pattern has no literal prefix to skip ahead with)."""
    q = text.find("①")
    while q >= 0:
        s = _digits_before(text, q)
        if s is not None:
            m = _ENUM_AFTER.match(text, s)
            if m:
                yield m
        q = text.find("①", q + 1)


def _digits_before(text: str, q: int) -> int | None:
    """Start of the digit run of ``\\d+\\s*(unit)\\s*[,，:：]\\s*`` ending at ``q`` (``\\s``, ``\\d`` are
    str.isspace, str.isdecimal), or None."""
    i = _skip_space(text, q)
    if i == 0 or text[i - 1] not in ",，:：":
        return None
    i = _skip_space(text, i - 1)
    if i == 0 or text[i - 1] not in UNIT_FAMILY:
        return None
    i = j = _skip_space(text, i - 1)
    while j > 0 and text[j - 1].isdecimal():
        j -= 1
    return j if j < i else None


def _skip_space(text: str, i: int) -> int:
    while i > 0 and text[i - 1].isspace():
        i -= 1
    return i


def _add(out, seen, cl: CountList) -> None:
    if cl.total.start not in seen and len(cl.parts) >= 2:
        seen.add(cl.total.start)
        out.append(cl)


def _total_before(text: str, pos: int):
    start = max(_last(text, "。", pos), _last(text, "\n", pos), _last(text, "；", pos), _last(text, ";", pos)) + 1
    head = text[start:pos]
    asides = [int(c.group(1)) for p in _PAREN.finditer(head) for c in COUNT.finditer(p.group())]
    bare = _PAREN.sub(lambda p: " " * len(p.group()), head)
    m = _TOTAL_WORD.search(bare)
    counts = list(COUNT.finditer(bare))
    if m:
        num = Number(int(m.group(1)), start + m.start(1), start + m.end(1))
        unit = m.group(2)
    elif counts:
        c = counts[-1]
        if c.group(2):
            return None
        num = Number(int(c.group(1)), start + c.start(1), start + c.end(1))
        unit = c.group(3)
    else:
        return None
    return num, UNIT_FAMILY[unit], head.strip(" ,，"), asides


def _last(text: str, ch: str, pos: int) -> int:
    return text.rfind(ch, 0, pos)


def _collect(text: str, pos: int, total: Number, phrase: str, unit: str) -> CountList:
    cl = CountList(total, phrase)
    cl.approximate = bool(_APPROX.search(text[max(0, total.start - 2):total.start]))
    while pos < len(text) and len(cl.parts) < MAX_PARTS:
        end_m = _SENTENCE_END.search(text, pos)
        end = end_m.start() if end_m else len(text)
        _clauses(text, pos, end, unit, cl)
        pos = end + 1
        nxt = text[pos:pos + 12]
        if not _PART_START.match(nxt):
            break
    return cl


def _clauses(text: str, start: int, end: int, unit: str, cl: CountList) -> None:
    """The first count of ``unit`` in each clause of the sentence ``text[start:end]``, and the share
    stated after it. The sentence's counts are found in one scan: no count can hold a clause separator
    (nor see past one: none is a digit, dot, space or %), so they are the counts each clause has."""
    sentence = text[start:end]
    counts = [c for c in COUNT.finditer(sentence) if UNIT_FAMILY[c.group(3)] == unit]
    k, pos = 0, 0
    for m in list(_CLAUSE.finditer(sentence)) + [None]:
        stop = m.start() if m else len(sentence)
        while k < len(counts) and counts[k].start() < pos:
            k += 1
        if k < len(counts) and counts[k].start() < stop:
            c = counts[k]
            if c.group(2) or _APPROX.search(sentence[max(pos, c.start() - 3):c.start()]):
                cl.approximate = True
            cl.parts.append(Number(int(c.group(1)), start + c.start(1), start + c.end(1)))
        if cl.parts:
            p = _PERCENT.search(text, start + pos, start + stop)
            if p:
                decimals = len(p.group(2) or "")
                cl.parts[-1].percent = (float(p.group(1)), decimals, p.start(1), p.end(1))
        pos = stop + 1


# ---- named quantities ---------------------------------------------------------------------------

class Quantity(Record):
    __slots__ = ("name", "patterns", "scanners")

    def __init__(self, name: str, patterns: tuple[re.Pattern, ...]) -> None:
        self.name, self.patterns = name, patterns
        self.scanners = tuple(_scanner(rx) for rx in patterns)


def compile_quantities(specs) -> tuple[Quantity, ...]:
    return tuple(Quantity(q["name"], tuple(compile_param(p) for p in q["patterns"])) for q in specs)


def stated_quantity(doc, q: Quantity) -> list[Number]:
    """``find_quantity`` on the document's text, memoised by pattern: several rules ask for the same
    quantities under different names."""
    memo = doc.cache.setdefault("prose.quantities", {})
    key = tuple((type(rx), rx.pattern) for rx in q.patterns)
    if key not in memo:
        memo[key] = find_quantity(doc.text, q)
    return memo[key]


def find_quantity(text: str, q: Quantity) -> list[Number]:
    """Every statement of ``q`` (the pattern's first non-empty group is the count), in text order."""
    out = {}
    for rx, scan in zip(q.patterns, q.scanners):
        for m in scan(text):
            g = next(i for i in range(1, (rx.groups or 0) + 1) if m.group(i) is not None)
            if len(m.group(g)) > MAX_COUNT_DIGITS:          # no count: and int() refuses 4,300 digits
                continue
            if _APPROX.search(text[max(0, m.start(g) - 2):m.start(g)]):
                continue
            out.setdefault(m.start(g), Number(int(m.group(g)), m.start(g), m.end(g)))
    return [out[k] for k in sorted(out)]


# ---- scanning for a pattern's literal ---------------------------------------------------------

MAX_WINDOW = 4


def _scanner(rx: re.Pattern):
    """``rx.finditer``, or an equivalent scan that looks for a literal every match contains (办结,
    结转) and tries ``rx.match`` only at the few starts that could reach it. Python's regex search has
    no literal-prefix shortcut for patterns starting with a lookbehind or an alternation with ``\\d``,
    and steps through the whole text."""
    found = _required_literal(rx)
    if found is None:
        return rx.finditer
    lit, lo, hi = found
    return lambda text: _literal_scan(rx, lit, lo, hi, text)


def _required_literal(rx):
    """(literal, least, most characters before it in a match) for the first run of literal characters
    at the top level of ``rx``, when the spread of possible starts is small; else None. None too when
    the pattern starts with its literal: re's own search skips ahead to a literal prefix, faster than
    this scan. Only for ``re`` patterns (users' RE2 patterns are scanned by RE2 itself)."""
    flags = getattr(rx, "_flags", None) if isinstance(rx, lazy_re.LazyPattern) else getattr(rx, "flags", None)
    if not isinstance(flags, int) or flags & re.IGNORECASE or not isinstance(rx.pattern, str):
        return None
    found = required_literal(rx.pattern)
    if found is None or found[2] - found[1] > MAX_WINDOW:
        return None
    lit, lo, hi = found
    return lit, lo, int(hi)


def _literal_scan(rx: re.Pattern, lit: str, lo: int, hi: int, text: str):
    """The matches ``rx.finditer(text)`` yields: a match starting at ``s`` has ``lit`` at some
    ``q`` in [s + lo, s + hi], so the leftmost match from ``pos`` starts in one of the windows
    [q - hi, q - lo] of the occurrences ``q >= pos + lo``, tried in order. Matches contain ``lit``, so
    none is empty. ``rx.match(text, s)`` sees the text before ``s`` (lookbehinds) as search does."""
    pos = tried = 0
    q = text.find(lit, lo)
    while q >= 0:
        s = max(pos, tried, q - hi)
        while s <= q - lo:
            m = rx.match(text, s)
            if m:
                yield m
                pos = tried = m.end()
                break
            s += 1
        else:
            tried = max(tried, q - lo + 1)
        q = text.find(lit, max(q + 1, pos + lo))
