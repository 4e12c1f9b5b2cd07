"""Numbers stated in prose: named quantities (本年新收 N 宗 …) found by patterns from rule params, and
lists of parts under a stated total (“共受理申请618件，其中当面申请473宗，占76.5%；…”).

Works on the normalised text (simplified, half-width digits). Approximate counts (多, 余, 近, 约, 超)
make a list uncheckable and are skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

COUNT = re.compile(r"(?<![\d.])(\d+)(?:\.\d+)?\s*(多|余)?\s*(件|宗|条|个|项)(?!\s*[%％])")
_PERCENT = re.compile(r"占[^%％\d。；;]{0,8}?(\d+(?:\.(\d+))?)\s*[%％]")
_CLAUSE = re.compile(r"[,，;；:：。\n]")
_SENTENCE_END = re.compile(r"[。\n]")
_PART_START = re.compile(r"^\s*(?:[①-⑳]|\d+[.、](?!\d)|[“\"「]|[(（][一二三四五六七八九十\d]+[)）])")
_APPROX = re.compile(r"(?:多|余|近|约|超过?|大约|左右)")
_TOTAL_WORD = re.compile(r"(?:共|总计|合计|累计)[^,，;；。\d]{0,20}?(\d+)\s*(件|宗|条|个|项)")
_IN_TOTAL = re.compile(r"在[^。\n,，]{0,20}?(\d+)\s*(件|宗|条|个|项)[^。\n\d,，]{0,12}?中\s*[:：,，]?")
_QIZHONG = re.compile(r"其中\s*[:：,，]?")
_ENUM_AFTER = re.compile(r"(\d+)\s*(件|宗|条|个|项)\s*[,，:：]\s*(?=[①])")
_PAREN = re.compile(r"[(（][^()（）]*[)）]")
MAX_PARTS = 20
UNIT_FAMILY = {"件": "件", "宗": "件", "条": "条", "个": "个", "项": "项"}


@dataclass
class Number:
    value: int
    start: int
    end: int
    percent: tuple[float, int, int, int] | None = None   # (value, decimals, start, end)


@dataclass
class CountList:
    total: Number
    phrase: str                     # the words stating the total, for the message
    asides: list[int] = field(default_factory=list)   # counts in parentheses: “(未包含上年结转42宗)”
    parts: list[Number] = field(default_factory=list)
    approximate: bool = False

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
    for m in _ENUM_AFTER.finditer(text):
        total = Number(int(m.group(1)), m.start(1), m.end(1))
        start = max(text.rfind("。", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
        _add(out, seen, _collect(text, m.end(), total, text[start:m.start(2) + 1], UNIT_FAMILY[m.group(2)]))
    return out


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
    pos = start
    for m in list(_CLAUSE.finditer(text, start, end)) + [None]:
        stop = m.start() if m else end
        clause = text[pos:stop]
        c = next((c for c in COUNT.finditer(clause) if UNIT_FAMILY[c.group(3)] == unit), None)
        if c:
            if c.group(2) or _APPROX.search(clause[:c.start()][-3:]):
                cl.approximate = True
            cl.parts.append(Number(int(c.group(1)), pos + c.start(1), pos + c.end(1)))
        p = _PERCENT.search(clause)
        if p and cl.parts:
            decimals = len(p.group(2) or "")
            cl.parts[-1].percent = (float(p.group(1)), decimals, pos + p.start(1), pos + p.end(1))
        pos = stop + 1


# ---- named quantities ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Quantity:
    name: str
    patterns: tuple[re.Pattern, ...]


def compile_quantities(specs) -> tuple[Quantity, ...]:
    return tuple(Quantity(q["name"], tuple(re.compile(p) for p in q["patterns"])) for q in specs)


def stated_quantity(doc, q: Quantity) -> list[Number]:
    """``find_quantity`` on the document's text, memoised by pattern: several rules ask for the same
    quantities under different names."""
    memo = doc.cache.setdefault("prose.quantities", {})
    key = tuple((rx.pattern, rx.flags) for rx in q.patterns)
    if key not in memo:
        memo[key] = find_quantity(doc.text, q)
    return memo[key]


def find_quantity(text: str, q: Quantity) -> list[Number]:
    """Every statement of ``q`` (the pattern's first non-empty group is the count), in text order."""
    out = {}
    for rx in q.patterns:
        for m in rx.finditer(text):
            g = next(i for i in range(1, (rx.groups or 0) + 1) if m.group(i) is not None)
            if _APPROX.search(text[max(0, m.start(g) - 2):m.start(g)]):
                continue
            out.setdefault(m.start(g), Number(int(m.group(g)), m.start(g), m.end(g)))
    return [out[k] for k in sorted(out)]
