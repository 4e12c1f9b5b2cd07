"""Prose cut into clauses for the enumeration parser: every clause knows its separators, its
parenthesis depth, the sentence it belongs to, the counts it states (“473宗”) and the share stated in
it (“占76.5%”).

One pass over the text for the separators and one bounded regex each for counts and shares, so the
cost is linear in the text whatever its punctuation (a run-on sentence of any length is just many
clauses).
"""

from __future__ import annotations

from .. import lazy_re
from ..model.record import MutableRecord

# Spacing inside counts and shares. The normalised text has no U+3000 (folded to a space), and a class
# of three characters one of which is not Latin-1 takes ``re`` ~0.25 ms to compile, ten times one of
# Latin-1 characters only: a text without U+3000 is read with the patterns' narrow twins.
_SPACE, _NARROW_SPACE = r"[ \t\u3000]", r"[ \t]"
# A count: digits (bounded, not part of a longer number, not an ordinal 第N条, not a decimal's
# fraction) and a unit. Decimal counts are kept (money) but flagged.
_COUNT = (r"(?<![\d.第])(\d{1,12})(\.\d{1,6})?SP{0,2}(多|余)?SP{0,2}"
          r"(人次|件次|万元|件|宗|条|项|篇|份|个|次|元)(?!SP{0,2}[%％])")
COUNT = lazy_re.compile(_COUNT.replace("SP", _SPACE))
_NARROW_COUNT = lazy_re.compile(_COUNT.replace("SP", _NARROW_SPACE))
# A share: “占76.5%”, “占总数的5%” (not a rate or a change: “办结率100%”, “回落12.3%”); ``shares`` reads
# it up to the figure, this is the figure on.
PERCENT = r"占[^%％\d。；;，,\n]{0,8}?(\d{1,3}(?:\.(\d{1,4}))?)[ \t\u3000]{0,2}[%％]"
_SHARE = r"(\d{1,3}(?:\.(\d{1,4}))?)SP{0,2}[%％]"
_SHARE_TAIL = lazy_re.compile(_SHARE.replace("SP", _SPACE))
_NARROW_SHARE_TAIL = lazy_re.compile(_SHARE.replace("SP", _NARROW_SPACE))
_NOT_IN_SHARE = frozenset("%％。；;，,\n")      # besides digits, between 占 and its figure
# Every separator character. A half-width full stop ends a sentence only after a Chinese character and
# not before a digit (“共计61件.目前依法办结59件”, text through a converter that narrowed the
# punctuation); after a digit it is a decimal point or a numbering: ``full_stop`` decides. They are
# found with ``str.find``, one character at a time: as fast as one regex, and nothing to compile.
SEPARATORS = "，,、；;：:。！？!?\n()（）."
# Words that make a count approximate when just before it: 多 余 近 约 超(过) 大约 左右 以上 不足 逾.
_APPROX_CHARS = frozenset("多余近约超逾")
# Units that count the same kind of thing: items published or handled are written 件 as often as 条.
UNIT_FAMILY = {"件": "item", "宗": "item", "条": "item", "项": "item", "篇": "item", "份": "item",
               "个": "个", "次": "次", "人次": "次", "件次": "次", "元": "money", "万元": "money"}

STRENGTH = {"、": 1, "，": 2, ",": 2, "：": 2, ":": 2, "；": 3, ";": 3}
SENTENCE = 4
OPEN, CLOSE = "(（", ")）"


class Count(MutableRecord):
    __slots__ = ("value", "start", "end", "unit", "approximate", "decimal")

    def __init__(self, value: int, start: int, end: int, unit: str, approximate: bool, decimal: bool) -> None:
        self.value, self.start, self.end = value, start, end
        self.unit, self.approximate, self.decimal = unit, approximate, decimal

    @property
    def family(self) -> str:
        return UNIT_FAMILY[self.unit]


class Clause(MutableRecord):
    __slots__ = ("start", "end", "before", "after", "depth", "sentence", "counts", "percent")

    def __init__(self, start: int, end: int, before: str, after: str, depth: int, sentence: int) -> None:
        self.start, self.end = start, end
        self.before, self.after = before, after      # separator characters ("" at the text's ends)
        self.depth, self.sentence = depth, sentence
        self.counts: list[Count] | tuple = ()       # a list once one is placed (most clauses have none)
        self.percent: tuple[float, int, int, int] | None = None     # (value, decimals, start, end)

    def text(self, text: str, cap: int = 200) -> str:
        """The clause's first ``cap`` characters: markers and labels are short, and a bound keeps
        the work per visit constant in a clause of any length."""
        return text[self.start:min(self.end, self.start + cap)]


def strength(sep: str) -> int:
    return STRENGTH.get(sep, SENTENCE if sep in _ENDS or sep == "" else 0)


_ENDS = "。！？!?.\n"          # the separators of strength SENTENCE


def full_stop(text: str, i: int) -> bool:
    """Whether the "." at ``i`` separates: it follows a Chinese character and no digit follows it."""
    return i > 0 and "\u4e00" <= text[i - 1] <= "\u9fff" and not text[i + 1:i + 2].isdecimal()


def separators(text: str) -> list[int]:
    """The positions of the separators in ``text``, in order."""
    found = []
    for ch in SEPARATORS:
        i = text.find(ch)
        while i >= 0:
            if ch != "." or full_stop(text, i):
                found.append(i)
            i = text.find(ch, i + 1)
    found.sort()
    return found


def clauses(text: str) -> list[Clause]:
    out: list[Clause] = []
    append, new = out.append, object.__new__
    pos, before, depth, sentence = 0, "", 0, 0
    for i in separators(text):
        sep = text[i]
        # ``Clause(pos, i, before, sep, depth, sentence)`` without the call: a report has ~350 clauses
        c = new(Clause)
        c.start = pos
        c.end = i
        c.before = before
        c.after = sep
        c.depth = depth
        c.sentence = sentence
        c.counts = ()
        c.percent = None
        append(c)
        if sep in OPEN:
            depth += 1
        elif sep in CLOSE:
            depth = max(0, depth - 1)
        elif sep in _ENDS and depth == 0:       # strength(sep) == SENTENCE
            sentence += 1
        pos, before = i + 1, sep
    out.append(Clause(pos, len(text), before, "", depth, sentence))
    _place(text, out)
    return out


def approximate(lead: str) -> bool:
    """Whether ``lead`` holds one of the approximating words (大约 holds 约, 超过 holds 超): a set test
    instead of a regex alternation of Chinese words, which takes ~0.3 ms to compile."""
    return not _APPROX_CHARS.isdisjoint(lead) or "左右" in lead or "以上" in lead or "不足" in lead


# Every unit ends in one of these; a count's digits start at most REACH characters before that last
# character (12 digits, a point and 6 decimals, 2 spaces, 多/余, 2 spaces, a two-character unit's first),
# and the check for a following % reads at most 3 characters after it.
_UNIT_ENDS = "件宗条项篇份个次元"
REACH, AFTER = 25, 3


def counts(text: str) -> list:
    """``COUNT.finditer(text)``'s matches. A match lies within REACH characters before and AFTER
    characters after the last character of its unit, so the pattern only runs over those windows
    around the unit characters (merged where they overlap): a third of a report's text, while
    ``re`` without a literal to skip to tries the pattern at every position. No match crosses a
    window's edge, and a lookahead cut by a window's end is always at a unit more than AFTER
    characters before that end, so each window yields the whole text's matches in it."""
    finditer = (COUNT if "\u3000" in text else _NARROW_COUNT).finditer
    out = []
    for lo, hi in _windows(text):
        out.extend(finditer(text, lo, hi))
    return out


def _windows(text: str) -> list[tuple[int, int]]:
    """The windows [u - REACH, u + 1 + AFTER] around the unit characters u, merged where they overlap
    (consecutive units more than REACH + 1 + AFTER apart start a new one), clipped to the text."""
    ends = []
    for ch in _UNIT_ENDS:
        i = text.find(ch)
        while i >= 0:
            ends.append(i)
            i = text.find(ch, i + 1)
    if not ends:
        return []
    ends.sort()
    out: list[tuple[int, int]] = []
    first = prev = ends[0]
    for u in ends:
        if u - prev > REACH + 1 + AFTER:
            out.append((max(0, first - REACH), prev + 1 + AFTER))
            first = u
        prev = u
    out.append((max(0, first - REACH), min(len(text), prev + 1 + AFTER)))
    return out


def shares(text: str):
    """(start of 占, the figure's match) for each match of ``PERCENT`` in ``text``, in order: 占, at most
    eight characters that are neither digits nor in ``_NOT_IN_SHARE``, then the figure (``_SHARE``) at
    the first digit. The lazy repeat cannot step over that digit, so a figure that does not follow
    there is no match at this 占. Found with ``str.find`` instead of compiling PERCENT's classes."""
    tail = (_SHARE_TAIL if "\u3000" in text else _NARROW_SHARE_TAIL).match
    p = text.find("占")
    while p >= 0:
        m = None
        for j in range(p + 1, min(p + 10, len(text))):
            ch = text[j]
            if ch.isdecimal():
                m = tail(text, j)
                break
            if ch in _NOT_IN_SHARE:
                break
        if m is not None:
            yield p, m
        p = text.find("占", m.end() if m is not None else p + 1)


def _place(text: str, cls: list[Clause]) -> None:
    """Counts and shares into their clauses; both lists are in text order, so one merge walk."""
    k = 0
    for m in counts(text):
        while cls[k].end < m.start():
            k += 1
        lead = text[max(cls[k].start, m.start() - 3):m.start()]
        if not cls[k].counts:
            cls[k].counts = []
        cls[k].counts.append(Count(int(m.group(1)), m.start(1), m.end(1), m.group(4),
                                   bool(m.group(3)) or approximate(lead), bool(m.group(2))))
    k = 0
    for start, m in shares(text):
        while cls[k].end < start:
            k += 1
        if cls[k].percent is None:
            cls[k].percent = (float(m.group(1)), len(m.group(2) or ""), m.start(1), m.end(1))
