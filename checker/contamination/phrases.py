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

from collections import Counter
from functools import lru_cache

from ..resources import data_path

LABEL = "label"
# sections whose phrases are always written whole: political formulas, names of laws
_WHOLE = ("formula", "law")
# what a name put in their place looks like: letters, digits, hanzi and the joiners of spam names,
# [\u4e00-\u9fffA-Za-z0-9_@:,.\-]+ (tested in Python: the CJK class is dear to compile)
_NAME_ASCII = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_@:,.-")


def _name_like(s: str) -> bool:
    return bool(s) and all("\u4e00" <= c <= "\u9fff" or c in _NAME_ASCII for c in s)
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


def _chunks(p: str, section: str = "") -> list[tuple[int, str]]:
    """Anchors of a phrase, (offset in the phrase, text), chosen so that a copy with one edit keeps
    enough of them (``_need``) and a different phrase sharing a common word does not:
    - up to five characters: the damaged forms themselves (a label without its first or last
      character, the phrase without its last one, a five-character phrase without its middle one);
    - six to eight: two halves (政务公|开工作), one of which a single edit leaves intact;
    - longer: three near-equal chunks, two of which a single edit leaves intact."""
    n = len(p)
    if n <= 5:
        forms = [(0, p[:-1])] + ([(1, p[1:])] if section == LABEL else [])
        if n == 5 and p[2] not in _PARTICLES:
            forms.append((0, p[:2] + p[3:]))
        return [(off, f) for off, f in forms if len(f) >= 2]
    parts = 2 if n <= 8 else 3
    cuts = [round(k * n / parts) for k in range(parts + 1)]
    return [(cuts[k], p[cuts[k]:cuts[k + 1]]) for k in range(parts)]


def _need(n: int) -> int:
    return 2 if n >= 9 else 1


@lru_cache(maxsize=1)
def _automaton():
    import ahocorasick                   # only when a document is checked for damaged phrases
    a = ahocorasick.Automaton()
    table: dict[str, list[tuple[int, int]]] = {}
    for i, (p, section) in enumerate(phrases()):
        for off, chunk in _chunks(p, section):
            table.setdefault(chunk, []).append((i, off))
    for p, _ in phrases():
        table.setdefault(p, [])                  # intact copies, to rule out what overlaps them
    stride = len(phrases())
    for chunk, refs in table.items():
        # a candidate (phrase i at base b) is the integer b * stride + i: a chunk at ``pos`` names
        # pos * stride + (i - off * stride) for each of its references
        a.add_word(chunk, (len(chunk), tuple(i - off * stride for i, off in refs), chunk in _known()))
    a.make_automaton()
    return a


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[str, str, int, int, bool, str], ...]:
    """Per phrase: the phrase, its section, its length, the chunk hits a candidate needs, whether a
    substituted middle is looked for (a formula or a law's name of eight characters or more) and the
    head such a copy keeps."""
    return tuple((p, section, len(p), _need(len(p)), section in _WHOLE and len(p) >= 8, p[:3])
                 for p, section in phrases())


@lru_cache(maxsize=1)
def _known() -> frozenset[str]:
    return frozenset(p for p, _ in phrases())


# particles a writer may drop or add when rewording (存在主要问题 for 存在的主要问题): never a loss
_PARTICLES = set("的之于和及与了并等在对是为")
# last characters a shorter form may legitimately omit (门户网 for 门户网站)
_OPTIONAL_ENDS = set("站们的性化者类")


def find(text: str) -> list[Damage]:
    return _scan(text)[0]


def substitutions(text: str) -> list[Damage]:
    """Copies of a long phrase whose middle was replaced by unrelated text (《中华人民共和国买球网站信息
    公开条例》): the phrase's head and tail stand intact around a middle that shares no character with
    the phrase's own middle. ``how`` holds the replaced wording."""
    return _scan(text)[1]


@lru_cache(maxsize=2)
def _scan(text: str) -> tuple[list[Damage], list[Damage]]:
    table = _table()
    hits = list(_automaton().iter(text))
    if not hits:
        return [], []
    cover = _cover(text, hits)
    stride = len(table)
    # one key per (chunk hit, reference), in text order; a chunk inside an intact copy of a phrase two
    # or more characters longer at both its ends is part of that phrase here and gives none
    keys = [at + r for last, (size, refs, _) in hits
            if refs and (cover[last - size + 1] <= size + 1 or cover[last] <= size + 1)
            for at in [(last - size + 1) * stride] for r in refs]
    # a one-edit copy shifts a chunk by one: a candidate's support counts the hits at base-1..base+1;
    # a candidate is one of the keys, so its support is at least 1 and only a need of 2 asks for it
    counted = Counter(keys)               # its keys in order of first occurrence: the candidates
    count = counted.get
    found: list[Damage] = []
    whole: list[tuple[int, int]] = []
    for k in counted:
        b, i = divmod(k, stride)
        p, section, n, need, subst, _ = table[i]
        if subst:
            whole.append((k, b))
        if need > 1 and count(k - stride, 0) + count(k, 0) + count(k + stride, 0) < need \
                or n < 5 and not _short_may_fit(text, b, p, section):
            continue
        # an intact copy at base-1, base or base+1 (b >= 2 - n, so a start below 0 finds none); then
        # two or more of the phrase's characters absent around base (a one-edit copy misses one at most):
        # most candidates stop at one of these two tests of one window
        window = text[b - 1 if b > 0 else 0:b + n + 1]
        if p in window or n - sum(map(window.__contains__, p)) > 1 or _covered(cover, b, n):
            continue
        d = _align(text, b, p, section)
        if d is not None and not any(_overlaps(d, e) for e in found):
            found.append(d)
    replaced: list[Damage] = []
    for k, b in whole:
        p, _, _, _, _, head = table[k - b * stride]
        if text.startswith(head, b) and not text.startswith(p, b) \
                and count(k - stride, 0) + count(k, 0) + count(k + stride, 0) < 2:
            d = _substituted(text, b, p)
            if d is not None and not any(_overlaps(d, e) for e in found + replaced):
                replaced.append(d)
    return sorted(found, key=lambda d: d.start), replaced


def _substituted(text: str, base: int, p: str) -> Damage | None:
    n = len(p)
    head = 0
    while head < n and base + head < len(text) and text[base + head] == p[head]:
        head += 1
    tail_len = max(3, n // 3)
    tail = p[-tail_len:]
    at = text.find(tail, base + head, base + n + 40)
    if at < 0 or head < 2:
        return None
    end = at + tail_len
    k = 0                                # extend the intact tail leftwards
    while n - tail_len - k - 1 >= head and text[at - k - 1] == p[n - tail_len - k - 1]:
        k += 1
    middle = text[base + head:at - k]
    expected = p[head:n - tail_len - k]
    if len(middle) < 2 or len(middle) > 24 or not expected or set(middle) & set(p) or not _name_like(middle):
        return None
    return Damage(base + head, at - k, p, expected)


def _short_may_fit(text: str, base: int, p: str, section: str) -> bool:
    """A phrase of three or four characters can only lose an edge character (a label alone in its
    cell, or the last one before a number or a punctuation mark): its other characters must be here."""
    if text.startswith(p[:-1], base):
        return section == LABEL or any(c.isdigit() or c in _CUT_MARKS for c in text[base + len(p) - 1:base + len(p)])
    return section == LABEL and text.startswith(p[1:], base + 1)


def _cover(text: str, hits) -> bytearray:
    """For each character, the length of the longest intact phrase copy covering it (0: none): the
    copies are written shortest first, so a longer one overwrites a shorter one where they overlap."""
    cover = bytearray(len(text) + 1)
    copies = [(size, last) for last, (size, _, whole) in hits if whole]
    copies.sort()
    for size, last in copies:
        cover[last - size + 1:last + 1] = _fill(size)
    return cover


@lru_cache(maxsize=None)
def _fill(size: int) -> bytes:
    return bytes((size,)) * size          # phrases are far shorter than 256 characters (tested)


def _covered(cover: bytearray, base: int, n: int) -> bool:
    """Most of the span is an intact copy of another phrase at least as long: the text says that
    phrase, not a damaged copy of this one (政府信息公开工作 is not 政府信息公开申请 damaged)."""
    inside = sum(1 for c in cover[max(0, base):base + n] if c >= n - 1)
    return inside * 5 >= n * 3


def _overlaps(a: Damage, b: Damage) -> bool:
    return a.start < b.end and b.start < a.end


def _align(text: str, base: int, p: str, section: str) -> Damage | None:
    """A copy of ``p`` with one character dropped, two swapped or one moved, starting near ``base``.

    Inner edits keep two characters of the phrase on each side of the gap, so the form cannot be a
    neighbouring word plus a piece of the phrase (实行规范性文件 is not 行政规范性文件 without 政).
    Only a table label may lose an edge character, alone in its cell or line; any phrase may lose its
    last character right before a number or a punctuation mark (发布信3366条)."""
    n, known = len(p), _known()
    for a in range(max(0, base - 1), base + 2):
        for size in (n - 1, n):
            sub = text[a:a + size]
            # a one-edit copy keeps the phrase's first or its last character
            if len(sub) != size or sub[0] != p[0] and sub[-1] != p[-1] or sub == p or sub in known:
                continue
            how = _dropped(sub, p, section, text, a) if size == n - 1 else _moved(sub, p)
            if how and not _inside_copy(text, a, a + size, p):
                return Damage(a, a + size, p, how)
    return None


def _dropped(sub: str, p: str, section: str, text: str, a: int) -> str:
    n = len(p)
    i = 0
    while i < len(sub) and sub[i] == p[i]:
        i += 1
    if sub[i:] != p[i + 1:]:
        return ""
    ks = [k for k in range(i, n) if p[k] == p[i] and p[:k] + p[k + 1:] == sub]
    for k in ks:
        how = f"缺“{p[k]}”"
        # a long phrase keeps enough after a gap at its second character (2023年度信公开工作报告)
        if (2 <= k <= n - 3 and n - 1 >= 4 or k == 1 and n >= 8) and p[k] not in _PARTICLES:
            return how
        if section == LABEL and k in (0, n - 1) and _edge_ok(text, a, a + n - 1, "both"):
            return how
        if (section != LABEL and k == n - 1 and n - 1 >= 3 and p[-1] not in _OPTIONAL_ENDS
                and _edge_ok(text, a, a + n - 1, "end")):
            return how
    return ""


@lru_cache(maxsize=4096)
def _sorted(s: str) -> str:
    return "".join(sorted(s))


def _moved(sub: str, p: str) -> str:
    """“XY”颠倒 / “X”错位 when ``sub`` is ``p`` with one character moved (not a particle, and not to
    the very start or end)."""
    if len(p) < 5 or _sorted(sub) != _sorted(p):
        return ""
    i, j = 0, len(p)
    while sub[i] == p[i]:
        i += 1
    while sub[j - 1] == p[j - 1]:
        j -= 1
    mp, ms = p[i:j], sub[i:j]
    if ms == mp[1:] + mp[0]:
        moved, to = mp[0], j - 1            # moved later
    elif ms == mp[-1] + mp[:-1]:
        moved, to = mp[-1], i               # moved earlier
    else:
        return ""
    if moved in _PARTICLES or to in (0, len(p) - 1) or (len(mp) == 2 and i == 0):
        return ""
    return f"“{mp}”颠倒" if len(mp) == 2 else f"“{moved}”错位"


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
