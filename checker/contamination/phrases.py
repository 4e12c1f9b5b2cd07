"""Damaged copies of the fixed phrases of government writing (rules/data/fixed-phrases.txt).

A report copies its political formulas, the template's headings and table labels and the names of
laws word for word. A copy with one character dropped (社会主义思为指导), two dropped at an edge
(开为例外), two neighbours swapped or one character moved (工作告年度报) is a transfer loss, not a
rewording. Candidates are found through anchors — two or three chunks of each phrase, one of which a
single edit leaves intact — with one Aho-Corasick scan; each candidate is then compared with the
phrase's edited forms in a small window. A form that is itself a fixed phrase, or that lies inside an
intact copy, is never reported.
"""

from __future__ import annotations

from functools import lru_cache

from ..resources import data_path

LABEL = "label"
_CELL_EDGE = set(" \t|｜\r\n")
_CUT_MARKS = set("，,、。；;")


class Damage:
    __slots__ = ("start", "end", "phrase", "how")

    def __init__(self, start: int, end: int, phrase: str, how: str) -> None:
        self.start, self.end, self.phrase, self.how = start, end, phrase, how


@lru_cache(maxsize=1)
def phrases() -> tuple[tuple[str, str], ...]:
    out, section = [], ""
    for raw in data_path("fixed-phrases.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if line.startswith("["):
            section = line[1:-1]
            continue
        if len(line) >= (3 if section == LABEL else 4):
            out.append((line, section))
    return tuple(out)


def _chunks(p: str) -> list[tuple[int, str]]:
    n = len(p)
    if n < 6:
        return [(0, p[:2]), (n - 2, p[-2:])]
    parts = 3
    size = n // parts
    cuts = [k * size for k in range(parts)] + [n]
    return [(cuts[k], p[cuts[k]:cuts[k + 1]]) for k in range(parts) if cuts[k + 1] - cuts[k] >= 2]


@lru_cache(maxsize=1)
def _automaton():
    import ahocorasick                   # only when a document is checked for damaged phrases
    a = ahocorasick.Automaton()
    table: dict[str, list[tuple[int, int]]] = {}
    for i, (p, _) in enumerate(phrases()):
        for off, chunk in _chunks(p):
            table.setdefault(chunk, []).append((i, off))
    for chunk, refs in table.items():
        a.add_word(chunk, (len(chunk), tuple(refs)))
    a.make_automaton()
    return a


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(p for p, _ in phrases())


# particles a writer may drop or add when rewording (存在主要问题 for 存在的主要问题): never a loss
_PARTICLES = set("的之于和及与了并等在对是为")
# last characters a shorter form may legitimately omit (门户网 for 门户网站)
_OPTIONAL_ENDS = set("站们的性化者类")


@lru_cache(maxsize=512)
def variants(p: str, section: str) -> tuple[tuple[str, str, str], ...]:
    """(edited form, how, edge) of ``p``. Inner edits keep two characters of the phrase on each side
    of the gap, so the form cannot be a neighbouring word plus a piece of the phrase (实行规范性文件 is
    not 行政规范性文件 without 政). Only a table label may lose an edge character, and only when it
    stands alone in its cell or line (edge "both")."""
    n, out = len(p), []
    if n - 1 >= 4:
        for k in range(2, n - 2):
            if p[k] not in _PARTICLES:
                out.append((p[:k] + p[k + 1:], f"缺“{p[k]}”", ""))
    if section == LABEL:
        out.append((p[1:], f"缺“{p[0]}”", "both"))
        out.append((p[:-1], f"缺“{p[-1]}”", "both"))
    elif n - 1 >= 3 and p[-1] not in _OPTIONAL_ENDS:
        # 发布信3366条, 有关要，: the phrase cut before a number or a punctuation mark
        out.append((p[:-1], f"缺“{p[-1]}”", "end"))
    if n >= 5:
        for k in range(1, n - 2):
            if p[k] not in _PARTICLES and p[k + 1] not in _PARTICLES:
                out.append((p[:k] + p[k + 1] + p[k] + p[k + 2:], f"“{p[k]}{p[k + 1]}”颠倒", ""))
        for k in range(n):
            if p[k] in _PARTICLES:
                continue
            rest = p[:k] + p[k + 1:]
            for m in range(1, n - 1):
                if abs(m - k) >= 2:
                    out.append((rest[:m] + p[k] + rest[m:], f"“{p[k]}”错位", ""))
    known = _known()
    return tuple(dict.fromkeys((v, how, edge) for v, how, edge in out if v != p and v not in known))


def find(text: str) -> list[Damage]:
    found: dict[tuple[int, int], Damage] = {}
    table = phrases()
    for last, (size, refs) in _automaton().iter(text):
        pos = last - size + 1
        for i, off in refs:
            p, section = table[i]
            base = pos - off
            if text.startswith(p, base):
                continue
            d = _match(text, base, p, section)
            if d is not None and not any(_overlaps(d, e) for e in found.values()):
                found[(d.start, d.end)] = d
    return sorted(found.values(), key=lambda d: d.start)


def _overlaps(a: Damage, b: Damage) -> bool:
    return a.start < b.end and b.start < a.end


def _match(text: str, base: int, p: str, section: str) -> Damage | None:
    lo = max(0, base - 3)
    window = text[lo:base + len(p) + 3]
    for v, how, edge in variants(p, section):
        at = window.find(v)
        if at < 0:
            continue
        a, b = lo + at, lo + at + len(v)
        if _edge_ok(text, a, b, edge) and not _inside_copy(text, a, b, p):
            return Damage(a, b, p, how)
    return None


def _edge_ok(text: str, a: int, b: int, edge: str) -> bool:
    """A label that lost an edge character must stand alone: line or cell edges on both sides, and
    the missing character not merely wrapped onto the other side of a space (社会公益组 织)."""
    if not edge:
        return True
    if edge == "end":
        after = text[b] if b < len(text) else ""
        return after.isdigit() or after in _CUT_MARKS
    before = text[a - 1] if a else "\n"
    after = text[b] if b < len(text) else "\n"
    if before not in _CELL_EDGE or after not in _CELL_EDGE and not after.isdigit():
        return False
    return not (_cjk(_past_spaces(text, a - 1, -1)) or _cjk(_past_spaces(text, b, 1)))


def _past_spaces(text: str, i: int, step: int) -> str:
    while 0 <= i < len(text) and text[i] in " \t":
        i += step
    return text[i] if 0 <= i < len(text) else ""


def _cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _inside_copy(text: str, a: int, b: int, p: str) -> bool:
    """Whether an intact ``p`` overlaps a..b (the form is then a piece of a correct copy)."""
    at = text.find(p, max(0, a - len(p)), b + len(p))
    return at >= 0 and at < b and a < at + len(p)
