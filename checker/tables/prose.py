"""Numbers stated in prose: named quantities (本年新收 N 宗 …) found by patterns from rule params.
(Lists of parts under a stated total are ``prose_enum``'s.)

Works on the normalised text (simplified, half-width digits). Approximate counts (多, 余, 近, 约, 超)
are skipped.
"""

from __future__ import annotations

import re

from .. import lazy_re
from ..engine.user_regex import compile_param
from ..regex_shape import required_literal
from ..model.record import MutableRecord, Record

_APPROX = lazy_re.compile(r"(?:多|余|近|约|超过?|大约|左右)")
MAX_COUNT_DIGITS = 15


class Number(MutableRecord):
    __slots__ = ("value", "start", "end")

    def __init__(self, value: int, start: int, end: int) -> None:
        self.value, self.start, self.end = value, start, end


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
