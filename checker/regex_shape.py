"""What a regular expression's source says about its matches, read from the pattern text alone.

Two questions, answered by a small reader of the common syntax (literals, escapes, classes, groups,
lookarounds, alternation, quantifiers) that gives up (None) on anything else — never by the
interpreter's private regex parser:

* ``required_literal``: a run of literal characters every match contains at a bounded distance from
  its start, so a scan can look for the literal (``str.find``) and try the pattern only near it;
* ``capture_groups``: the source of each capturing group, to check what a user's group can match.
"""

from __future__ import annotations

INF = float("inf")
MAX_SAFE_COUNT = 10                 # a body repeated at most this often cannot blow up exponentially
_ZERO_WIDTH_ESCAPES = set("bBAZ")
_CLASS_ESCAPES = set("dDsSwW")
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}
_CONTROL_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}


class _GiveUp(Exception):
    """Syntax this reader does not model; the caller answers None."""


class _Item:
    __slots__ = ("char", "lo", "hi", "varies", "ambiguous")

    def __init__(self, char: str | None, lo: float, hi: float, varies: bool | None = None) -> None:
        self.char, self.lo, self.hi = char, lo, hi       # char: a single literal character, else None
        self.varies = lo != hi if varies is None else varies     # some part of it has a variable width
        self.ambiguous = False          # alternatives that may start alike: (a|ab), (\w|\d)


class _Reader:
    def __init__(self, pattern: str) -> None:
        self.p, self.i = pattern, 0
        self.nested: list[str] = []          # sources of repeats around a variable-width part

    def peek(self, k: int = 0) -> str:
        j = self.i + k
        return self.p[j] if j < len(self.p) else ""

    def alternatives(self) -> list[list[_Item]]:
        alts = [self.sequence()]
        while self.peek() == "|":
            self.i += 1
            alts.append(self.sequence())
        return alts

    def sequence(self) -> list[_Item]:
        items = []
        while self.peek() not in ("", "|", ")"):
            items.append(self.quantified(self.atom()))
        return items

    def atom(self) -> _Item:
        c = self.peek()
        self.i += 1
        if c == "\\":
            return self.escape()
        if c == "[":
            self.skip_class()
            return _Item(None, 1, 1)
        if c == "(":
            return self.group()
        if c == ".":
            return _Item(None, 1, 1)
        if c in "^$":
            return _Item(None, 0, 0)
        if c in "*+?" or (c == "{" and self.quantifier_at(self.i - 1)):
            raise _GiveUp
        return _Item(c, 1, 1)

    def escape(self) -> _Item:
        c = self.peek()
        self.i += 1
        if c in _ZERO_WIDTH_ESCAPES:
            return _Item(None, 0, 0)
        if c in _CLASS_ESCAPES:
            return _Item(None, 1, 1)
        if c in _CONTROL_ESCAPES:
            return _Item(_CONTROL_ESCAPES[c], 1, 1)
        if c in _HEX_ESCAPES:
            digits = self.p[self.i:self.i + _HEX_ESCAPES[c]]
            if len(digits) != _HEX_ESCAPES[c] or not all(d in "0123456789abcdefABCDEF" for d in digits):
                raise _GiveUp
            self.i += len(digits)
            return _Item(chr(int(digits, 16)), 1, 1)
        if c and not c.isalnum() and c != "_":
            return _Item(c, 1, 1)
        raise _GiveUp                       # back-references, \x/\u/\N, \p{…}: not modelled

    def skip_class(self) -> None:
        if self.peek() == "^":
            self.i += 1
        if self.peek() == "]":
            self.i += 1
        while self.peek() not in ("]", ""):
            self.i += 2 if self.peek() == "\\" else 1
        if self.peek() != "]":
            raise _GiveUp
        self.i += 1

    def group(self) -> _Item:
        zero_width = False
        if self.peek() == "?":
            head = self.p[self.i:self.i + 4]
            if head.startswith("?:"):
                self.i += 2
            elif head.startswith(("?=", "?!")):
                self.i, zero_width = self.i + 2, True
            elif head.startswith(("?<=", "?<!")):
                self.i, zero_width = self.i + 3, True
            elif head.startswith("?P<"):
                end = self.p.find(">", self.i)
                if end < 0:
                    raise _GiveUp
                self.i = end + 1
            else:
                raise _GiveUp               # inline flags, conditionals, atomic groups, comments
        alts = self.alternatives()
        if self.peek() != ")":
            raise _GiveUp
        self.i += 1
        if zero_width:
            return _Item(None, 0, 0)
        lo, hi = min(_width(a)[0] for a in alts), max(_width(a)[1] for a in alts)
        # alternatives of different widths are safe to repeat while they cannot start alike
        item = _Item(None, lo, hi, any(x.varies for a in alts for x in a))
        firsts = [a[0].char if a else None for a in alts]
        item.ambiguous = len(alts) > 1 and (None in firsts or len(set(firsts)) < len(firsts))
        return item

    def quantifier_at(self, j: int) -> tuple[int, float, int] | None:
        """(least, most, index after) of a ``{m}``, ``{m,}``, ``{,n}``, ``{m,n}`` quantifier at ``j``."""
        end = self.p.find("}", j)
        if end < 0:
            return None
        body = self.p[j + 1:end]
        lo_s, comma, hi_s = body.partition(",")
        if not (lo_s.isdigit() or (comma and hi_s.isdigit() and not lo_s)) or (hi_s and not hi_s.isdigit()):
            return None
        if not lo_s.isascii() or not hi_s.isascii():
            return None
        lo = int(lo_s) if lo_s else 0
        hi = (int(hi_s) if hi_s else INF) if comma else lo
        return lo, hi, end + 1

    def quantified(self, item: _Item) -> _Item:
        start, c = self.i, self.peek()
        if c in ("*", "+", "?"):
            self.i += 1
            lo, hi = {"*": (0, INF), "+": (1, INF), "?": (0, 1)}[c]
        elif c == "{" and self.quantifier_at(self.i):
            lo, hi, self.i = self.quantifier_at(self.i)
        else:
            return item
        if self.peek() in ("?", "+"):        # lazy or possessive: the same widths
            self.i += 1
        if hi > MAX_SAFE_COUNT and (item.varies or item.ambiguous) and item.hi > 0:
            self.nested.append(self.p[max(0, start - 30):self.i])
        return _Item(None, item.lo * lo, 0 if item.hi == 0 or hi == 0 else item.hi * hi, True if lo != hi else item.varies)


def _width(items: list[_Item]) -> tuple[float, float]:
    return sum(x.lo for x in items), sum(x.hi for x in items)


def required_literal(pattern: str) -> tuple[str, int, float] | None:
    """(literal, least, most characters before it) for the first run of literal characters in the
    top-level sequence of ``pattern`` that is not at its very start; None when there is none, when the
    pattern has a top-level alternation, or uses syntax this reader does not model. Case-insensitive
    patterns (flags) are the caller's to exclude."""
    reader = _Reader(pattern)
    try:
        alts = reader.alternatives()
    except _GiveUp:
        return None
    if len(alts) != 1 or reader.i != len(pattern):
        return None
    items = alts[0]
    for k, item in enumerate(items):
        if item.char is None:
            continue
        if k == 0:
            return None                     # a literal prefix: re's own search already skips to it
        end = k
        while end < len(items) and items[end].char is not None:
            end += 1
        lo, hi = _width(items[:k])
        return "".join(x.char for x in items[k:end]), int(lo), hi
    return None


def nested_repeats(pattern: str) -> list[str] | None:
    """The repeats in ``pattern`` whose body has a variable width (``(a+)+``, ``(a|aa)*``, ``(x.*?y)*``):
    the shapes that let a backtracking engine split one input in exponentially many ways. None when
    the reader does not model the pattern's syntax."""
    reader = _Reader(pattern)
    try:
        reader.alternatives()
    except _GiveUp:
        return None
    return reader.nested if reader.i == len(pattern) else None


def capture_groups(pattern: str) -> list[str]:
    """Source text of every capturing group ``(…)``/``(?P<name>…)``, outermost first at each start."""
    groups, stack, i = [], [], 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = _class_end(pattern, i)
            continue
        if c == "(":
            capturing = not pattern.startswith("?", i + 1) or pattern.startswith("?P<", i + 1)
            body = pattern.index(">", i) + 1 if pattern.startswith("?P<", i + 1) else i + 1
            stack.append((capturing, body, len(groups)))
            if capturing:
                groups.append("")
        elif c == ")" and stack:
            capturing, body, slot = stack.pop()
            if capturing:
                groups[slot] = pattern[body:i]
        i += 1
    return groups


def _class_end(pattern: str, i: int) -> int:
    j = i + 1
    if pattern.startswith("^", j):
        j += 1
    if pattern.startswith("]", j):
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return j + 1
