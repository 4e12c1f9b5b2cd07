"""Prose cut into clauses for the enumeration parser: every clause knows its separators, its
parenthesis depth, the sentence it belongs to, the counts it states (“473宗”) and the share stated in
it (“占76.5%”).

One pass of three bounded regexes over the text, so the cost is linear in the text whatever its
punctuation (a run-on sentence of any length is just many clauses).
"""

from __future__ import annotations

import re

from ..model.record import MutableRecord

# A count: digits (bounded, not part of a longer number, not an ordinal 第N条, not a decimal's
# fraction) and a unit. Decimal counts are kept (money) but flagged.
COUNT = re.compile(r"(?<![\d.第])(\d{1,12})(\.\d{1,6})?[ \t\u3000]{0,2}(多|余)?[ \t\u3000]{0,2}"
                   r"(人次|件次|万元|件|宗|条|项|篇|份|个|次|元)(?![ \t\u3000]{0,2}[%％])")
# A share: “占76.5%”, “占总数的5%” (not a rate or a change: “办结率100%”, “回落12.3%”).
PERCENT = re.compile(r"占[^%％\d。；;，,\n]{0,8}?(\d{1,3}(?:\.(\d{1,4}))?)[ \t\u3000]{0,2}[%％]")
# A half-width full stop after a Chinese character ends a sentence too (“共计61件.目前依法办结59件”, text
# through a converter that narrowed the punctuation); after a digit it is a decimal point or a numbering.
SEPARATOR = re.compile(r"[，,、；;：:。！？!?\n()（）]|(?<=[\u4e00-\u9fff])\.(?!\d)")
APPROX = re.compile(r"(?:多|余|近|约|超过?|大约|左右|以上|不足|逾)")
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
        self.counts: list[Count] = []
        self.percent: tuple[float, int, int, int] | None = None     # (value, decimals, start, end)

    def text(self, text: str, cap: int = 200) -> str:
        """The clause's first ``cap`` characters: markers and labels are short, and a bound keeps
        the work per visit constant in a clause of any length."""
        return text[self.start:min(self.end, self.start + cap)]


def strength(sep: str) -> int:
    return STRENGTH.get(sep, SENTENCE if sep in "。！？!?.\n" or sep == "" else 0)


def clauses(text: str) -> list[Clause]:
    out: list[Clause] = []
    pos, before, depth, sentence = 0, "", 0, 0
    for m in SEPARATOR.finditer(text):
        sep = m.group()
        out.append(Clause(pos, m.start(), before, sep, depth, sentence))
        if sep in OPEN:
            depth += 1
        elif sep in CLOSE:
            depth = max(0, depth - 1)
        elif strength(sep) == SENTENCE and depth == 0:
            sentence += 1
        pos, before = m.end(), sep
    out.append(Clause(pos, len(text), before, "", depth, sentence))
    _place(text, out)
    return out


def _place(text: str, cls: list[Clause]) -> None:
    """Counts and shares into their clauses; both lists are in text order, so one merge walk."""
    k = 0
    for m in COUNT.finditer(text):
        while cls[k].end < m.start():
            k += 1
        lead = text[max(cls[k].start, m.start() - 3):m.start()]
        cls[k].counts.append(Count(int(m.group(1)), m.start(1), m.end(1), m.group(4),
                                   bool(m.group(3) or APPROX.search(lead)), bool(m.group(2))))
    k = 0
    for m in PERCENT.finditer(text):
        while cls[k].end < m.start():
            k += 1
        if cls[k].percent is None:
            cls[k].percent = (float(m.group(1)), len(m.group(2) or ""), m.start(1), m.end(1))
