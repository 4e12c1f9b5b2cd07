"""Enumerations in prose: a stated total and the parts listed under it, read with the clause
structure of government writing.

“共受理申请618件，其中当面申请473宗，占76.5%；网上申请73宗…” — the total is the count a marker
(其中 / 包括 / 包含 / 涵盖 / 涉及 / 分别为 / a colon / a parenthesis) follows; the terms are the counts of the
same kind of unit in the following clauses, one per clause (two when joined by 和/及/与 or under
分别为), and a term may carry its own breakdown (“政策文件类207条，包含……；”). The list ends at the
sentence end (unless the next sentence starts a numbered item), at a separator stronger than the
one between its terms, at a new total (共… / 另有… / another 其中), when its terms have added up to
the total and the next clause does not continue it, at a count larger than the total itself, or at
the end of the text — then it is cut and never checked.

Whether a list claims to be complete is judged here, the verdict is the rule's: 分别为, a residual
term (其他…), a parenthetical breakdown of a count, or terms covering most of a closed set of
categories (``categories``, from the rule) make a list complete; parts exceeding the total are
wrong whatever the list claims, unless the parts are publication channels, which carry the same
item several times.

Linear: each marker scans at most ``MAX_CLAUSES`` clauses and ``MAX_PARTS`` terms.
"""

from __future__ import annotations

import re
from itertools import compress
from operator import attrgetter

from .. import lazy_re
from ..model.record import MutableRecord
from .prose_clauses import SENTENCE, Clause, Count, clauses, full_stop, strength

MAX_PARTS = 24
MAX_CLAUSES = 80
MAX_DEPTH = 2

# Patterns are lazy (this module is imported for every report); the ones holding a class of several
# Chinese characters, which ``re`` takes 0.2–1 ms to compile, are written as string tests instead,
# each beside the pattern it stands for (tests/tables/test_prose_fast_paths.py holds them equal).
_HEAD = lazy_re.compile(r"^\s*(?:其中|包括|包含|涵盖|涉及|分别为|分别是|具体为|具体如下)")
_HEAD_FIRST = frozenset("其包涵涉分具")        # what _HEAD can find after leading space
# Every character ``str.isspace`` accepts (tests/tables/test_prose_fast_paths.py checks the whole of
# Unicode): with the markers' first characters, what a clause without a count must open with to
# open a list, as one set lookup per clause.
_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007" \
          "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
_OPENING = _HEAD_FIRST | frozenset(_SPACES)
_NESTED = lazy_re.compile(r"^\s*(?:包括|包含|涵盖|其中包括)")
_NEW_HEAD = lazy_re.compile(r"^\s*其中")
_CONTINUE = lazy_re.compile(r"^\s*(?:以及|及|和|与)")
_JOIN = lazy_re.compile(r"^[ \t]*(?:和|及|与|以及|、)[ \t]*\S{0,24}?$")
_RESIDUAL_WORDS = ("其他", "其它", "其余", "剩余")
_RESIDUAL_VERBS = ("发布", "公开", "更新")
_ETC = lazy_re.compile(r"等\s*$")
CHANNELS = lazy_re.compile(r"网站|网页|门户|微信|公众号|微博|新媒体|客户端|APP|App|app|公报|报刊|报纸|电视|广播|抖音|头条|公开栏|显示屏")
_DIGIT = lazy_re.compile(r"\d")


def _fenbie(t: str) -> bool:
    r"""``re.search(r"分别(?:为|是|有)", t)``."""
    return "分别为" in t or "分别是" in t or "分别有" in t


_OWN_TOTAL = ("合计", "总计", "累计")
_NOT_TOTAL_AFTER = frozenset("享同建产识青性用")            # 共享, 共同, 公共 … are not 共 = in all
_BESIDES = ("另有", "另外", "此外", "还有", "同时", "并", "均")


def _new_total(t: str) -> bool:
    r"""A clause stating a total of its own (“市政府网站共采用672条”, “共收到建议提案4件”) or something
    besides: ``re.match(NEW_TOTAL, t)`` with NEW_TOTAL
    ``^[^\d]*?(?:(?<!公)共(?![享同建产识青性用])|合计|总计|累计)|^\s*(?:另有|另外|此外|还有|同时|并|均)``."""
    if t.lstrip().startswith(_BESIDES):
        return True
    digit = _DIGIT.search(t)
    head = t if digit is None else t[:digit.start()]
    if any(w in head for w in _OWN_TOTAL):
        return True
    i = head.find("共")
    while i >= 0:
        if (i == 0 or head[i - 1] != "公") and t[i + 1:i + 2] not in _NOT_TOTAL_AFTER:
            return True
        i = head.find("共", i + 1)
    return False


_NUMERALS = frozenset("一二三四五六七八九十")
_CIRCLED = ("\u2460", "\u2473")                          # ① … ⑳


def _item(t: str) -> bool:
    r"""A clause opening with an item marker (①, 1., “, (一), 一是): ``re.match(r"^\s*(?:[①-⑳]|\d{1,2}
    [.、．](?!\d)|[“\"「]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}是)", t)``."""
    s = t.lstrip()
    if not s:
        return False
    first = s[0]
    if _CIRCLED[0] <= first <= _CIRCLED[1] or first in "“\"「":
        return True
    if first.isdecimal():
        n = _run(s, 0, str.isdecimal)
        return n <= 2 and s[n:n + 1] in ("．", ".", "、") and not s[n + 1:n + 2].isdecimal()
    if first in "(（":
        n = _run(s, 1, lambda ch: ch in _NUMERALS or ch.isdecimal())
        return 1 <= n <= 3 and s[1 + n:2 + n] in (")", "）")
    n = _run(s, 0, _NUMERALS.__contains__)
    return 1 <= n <= 3 and s[n:n + 1] == "是"


def _run(s: str, i: int, test) -> int:
    """How many characters from ``i`` pass ``test``, counted up to 4 (every caller wants at most 3)."""
    n = 0
    while n < 4 and i + n < len(s) and test(s[i + n]):
        n += 1
    return n


class Enumeration(MutableRecord):
    __slots__ = ("total", "asides", "terms", "labels", "nested", "complete", "why", "cut", "approximate",
                 "head", "level", "shares", "itemised", "inferred", "anchor")

    def __init__(self, total: Count, head: str) -> None:
        self.total, self.head = total, head
        self.asides: list[int] = []             # counts in parentheses beside the total
        self.terms: list[Count] = []
        self.labels: list[str] = []             # each term's clause text before its count
        self.nested: list[Enumeration] = []
        self.complete, self.why = False, ""
        self.cut = self.approximate = False
        self.level = 0
        self.itemised = False                   # terms open with ①, 1., “…”: the list may span sentences
        self.inferred = False                   # no marker: the total is the sentence before's (topics)
        self.anchor = total                     # where a finding is reported
        self.shares: dict[int, tuple[float, int, int, int]] = {}    # term index → (value, decimals, span)

    def targets(self) -> set[int]:
        return {self.total.value, *(self.total.value + a for a in self.asides)}

    def parts_sum(self) -> int:
        return sum(t.value for t in self.terms)


class Stats:
    """Clauses visited, for the scaling test (work counted in operations, not time)."""

    def __init__(self) -> None:
        self.visits = 0


def enumerations(text: str, stats: Stats | None = None, topics=None, cls: list[Clause] | None = None) -> list[Enumeration]:
    """Every list in ``text``. With ``topics`` (a pattern of category names, e.g. the 办理结果), a
    sentence that opens with a count of such a category and has no marker of its own is read as a list
    under the handled total of the sentence before (“答复申请805件……。予以公开258件，占33.9%；……”);
    such a list is marked ``inferred``. ``topics`` needs only a ``search`` whose result is tested for
    truth (a compiled pattern, ``AnyWord``). ``cls``: the text's ``clauses``, when already cut."""
    cls = clauses(text) if cls is None else cls
    stats = stats or Stats()
    out: list[Enumeration] = []
    seen: set[int] = set()
    for i, c in enumerate(cls):
        if not c.counts:
            # without a count only a marker (_HEAD) opens a list: skip a clause that neither opens with
            # space nor with a marker's first character (most clauses; a call each would cost more),
            # then one whose first character after the space is not a marker's (empty clauses, indents)
            if text[c.start:c.start + 1] not in _OPENING or c.text(text).lstrip()[:1] not in _HEAD_FIRST:
                continue
        found = _start(text, cls, i) or (_topic_start(text, cls, i, topics) if topics else None)
        if found is None:
            continue
        total_at, first, why = found
        total = _total(cls, total_at)
        if total is None or total.start in seen:
            continue
        e = _parse(text, cls, total_at, total, first, why, stats, 0)
        e.inferred = why == "topic"
        if len(e.terms) >= 2:
            _mark(e, seen)
            out.append(e)
    return out


class AnyWord:
    """``re.compile("|".join(map(re.escape, words)))`` as far as a truth-tested ``search`` goes, with
    nothing to compile; ``pattern`` is that regex's text (a memo key)."""

    def __init__(self, words) -> None:
        self.words = tuple(words)
        self.pattern = "|".join(map(re.escape, self.words))

    def search(self, s: str) -> bool:
        return any(w in s for w in self.words)


_HANDLED = AnyWord(("答复", "办结", "办理", "处理"))


def _topic_start(text: str, cls: list[Clause], i: int, topics):
    c = cls[i]
    if i == 0 or cls[i - 1].sentence == c.sentence or c.depth or not c.counts:
        return None
    if not topics.search(text[c.start:c.counts[0].start]):
        return None
    j = i - 1
    while j >= 0 and i - j <= 12 and cls[j].sentence == c.sentence - 1:
        k = cls[j]
        if k.depth == 0 and k.counts and _HANDLED.search(k.text(text)):
            return j, i, "topic"
        j -= 1
    return None


def _mark(e: Enumeration, seen: set[int]) -> None:
    seen.add(e.total.start)
    for n in e.nested:
        _mark(n, seen)


def _start(text: str, cls: list[Clause], i: int):
    """(clause of the total, clause of the first term, marker) when clause ``i`` opens a list."""
    c = cls[i]
    t = c.text(text)
    if _HEAD.match(t) and i > 0:
        at = _count_before(text, cls, i)
        if at is not None:
            inside = cls[at].after in "(（" and at == i - 1 and not _NEW_HEAD.match(t)
            return at, i, ("（" if inside else "分别" if _fenbie(t) else t.strip()[:2])
    if c.counts and c.after in "：:" and c.counts[-1].end >= c.end - 6 and i + 1 < len(cls):
        nxt = cls[i + 1].text(text)
        if not _HEAD.match(nxt):
            return i, i + 1, "："
    if c.counts and c.after in "(（" and text[c.counts[-1].end:c.end].strip() in _UNITS_TAIL:
        if sum(len(k.counts) for k in _group(cls, i + 1)) >= 2:
            # “（其中…）” is a selection like any 其中; “（包括…）” or a bare list is the count's breakdown
            return i, i + 1, ("其中" if _NEW_HEAD.match(cls[i + 1].text(text)) else "（")
    # pure tests, cheapest first: most clauses with a count end in a comma but are followed by no item
    if c.counts and i + 1 < len(cls) and c.after in "，,：:" and text[c.counts[-1].end:c.end].strip() in _UNITS_TAIL:
        nxt = cls[i + 1].text(text)
        if nxt.lstrip()[:1] in "①1" and _item(nxt):
            return i, i + 1, "①"
    if c.counts and t.lstrip().startswith("在") and t.rstrip().endswith("中"):     # ^\s*在 … 中\s*$
        return i, i + 1, "在…中"
    return None


_UNITS_TAIL = {"", "件", "宗", "条", "项", "篇", "份", "个", "次", "人次"}


def _group(cls: list[Clause], i: int) -> list[Clause]:
    """The clauses inside the parenthesis opened before clause ``i``."""
    depth = cls[i].depth if i < len(cls) else 0
    out = []
    while i < len(cls) and cls[i].depth >= depth and len(out) < MAX_CLAUSES:
        out.append(cls[i])
        if cls[i].after in ")）" and cls[i].depth == depth:
            break
        i += 1
    return out


def _count_before(text: str, cls: list[Clause], i: int) -> int | None:
    """The clause holding the total for a marker at clause ``i``: the nearest clause before it in the
    same sentence with a count (skipping a parenthesis beside the total), or the last clause of the
    previous sentence when the marker opens a sentence."""
    c = cls[i]
    j = i - 1
    steps = 0
    edge = i - 1            # the clause just before the marker, past empty ones (“。\n其中”)
    while edge > 0 and i - edge < 8 and not cls[edge].counts and not text[cls[edge].start:cls[edge].end].strip():
        edge -= 1
    while j >= 0 and steps < 8:
        p = cls[j]
        if p.sentence != c.sentence and not (j == edge and p.sentence >= c.sentence - 2):
            if j > edge:
                j -= 1
                continue
            return None
        if p.depth > c.depth:
            j -= 1
            steps += 1
            continue
        if p.counts:
            return j
        if p.sentence != c.sentence:
            return None
        j -= 1
        steps += 1
    return None


def _total(cls: list[Clause], j: int) -> Count | None:
    c = cls[j]
    return c.counts[-1] if c.counts else None


def _parse(text: str, cls: list[Clause], at: int, total: Count, first: int, why: str, stats: Stats,
           depth: int) -> Enumeration:
    e = Enumeration(total, text[cls[at].start:cls[at].end].strip())
    e.approximate = total.approximate or total.decimal
    family, base = total.family, cls[first].depth if why != "（" else cls[at].depth + 1
    if why == "分别":
        e.complete, e.why = True, "“分别为”"
    i = first
    if why != "（" and cls[at].after in "(（" and first != at + 1:
        e.asides = [k.value for g in _group(cls, at + 1) for k in g.counts if k.family == family]
    targets = e.targets()               # the total and its asides are fixed from here on
    top = max(targets)
    reached = False
    last_sep = 0
    while i < len(cls) and i < first + MAX_CLAUSES and len(e.terms) < MAX_PARTS:
        stats.visits += 1
        c = cls[i]
        t = c.text(text)
        if c.depth < base or (why == "（" and c.depth > base):
            if c.depth < base:
                break
            i += 1
            continue
        if not t.strip() and not c.counts:
            i += 1
            continue
        if i > first:
            sep = SENTENCE if c.sentence != cls[i - 1].sentence else strength(c.before)
            opening = not e.terms and why in ("：", "在…中") and i - first < 3
            if sep == SENTENCE and not opening and not (e.terms and e.itemised and _item(t)):
                break
            last_sep = max(last_sep, sep) if e.terms else last_sep
            if e.level and sep > e.level and sep != SENTENCE:
                break
            if _new_total(t) or (_NEW_HEAD.match(t) and e.terms and i != first):
                break
        if c.depth > base:
            i += 1
            continue
        counts = [k for k in c.counts if k.family == family]
        if not counts:
            if c.percent and e.terms and not c.counts:
                _share(e, c)
            i += 1
            continue
        if i > first and i + 1 < len(cls) and _NEW_HEAD.match(cls[i + 1].text(text)):
            break                               # “…30件，其中…”: the total of a list of its own
        new = _terms_of(text, c, counts, why)
        if len(new) >= 2 and _fenbie(t):
            e.complete, e.why = True, "“分别为”"
        continuing = bool(_CONTINUE.match(t)) or c.before == "、"
        if reached and not continuing and not (e.level in (1, 3) and strength(c.before) == e.level):
            break
        if not continuing and any(k.value > top for k in new):
            break
        if not e.terms:
            e.itemised = _item(t) or _item(_sentence_start(text, cls, i))
        if e.terms and not e.level:
            e.level = last_sep or 1
        prev = c.start
        for k in new:
            e.terms.append(k)
            e.labels.append(text[max(prev, k.start - 40):k.start])
            prev = k.end
        e.approximate = e.approximate or any(k.approximate or k.decimal for k in new)
        if c.percent:
            _share(e, c)
        last_sep = 0
        i = _nested(text, cls, i, e, new[-1], stats, depth)
        if e.parts_sum() in targets:
            reached = True
        i += 1
    e.cut = _is_cut(text, cls, i, e)
    _completeness(e, text, cls, at, why)
    return e


def _sentence_start(text: str, cls: list[Clause], i: int) -> str:
    """The text of the sentence containing clause ``i`` up to that clause (a term's item marker may
    sit in a clause of its own: “1.工作动态，120条”)."""
    j = i
    while j > 0 and i - j < 4 and cls[j - 1].sentence == cls[i].sentence:
        j -= 1
    return text[cls[j].start:cls[i].end]


def _terms_of(text: str, c: Clause, counts: list[Count], why: str) -> list[Count]:
    """The first count of a clause, and the counts joined to it by 和/及/与 (all of them under 分别)."""
    if why == "分别" or _fenbie(c.text(text)):
        return counts
    out = [counts[0]]
    for k in counts[1:]:
        if not _JOIN.match(text[out[-1].end:k.start].lstrip("件宗条项篇份个次")):
            break
        out.append(k)
    return out


def _share(e: Enumeration, c: Clause) -> None:
    e.shares.setdefault(len(e.terms) - 1, c.percent)


def _nested(text: str, cls: list[Clause], i: int, e: Enumeration, term: Count, stats: Stats, depth: int) -> int:
    """A term with its own breakdown (“207条，包含……”, “74条(包括……)”): parse it as a list of its own
    and continue after it. Returns the last clause the term used."""
    if depth >= MAX_DEPTH or i + 1 >= len(cls):
        return i
    c, nxt = cls[i], cls[i + 1]
    if c.after in "(（" and text[term.end:c.end].strip() in _UNITS_TAIL:
        sub = _parse(text, cls, i, term, i + 1, "（", stats, depth + 1)
    elif _NESTED.match(nxt.text(text)) and nxt.depth == c.depth:
        sub = _parse(text, cls, i, term, i + 1, "包含", stats, depth + 1)
    else:
        return i
    if len(sub.terms) >= 2:
        e.nested.append(sub)
    end = sub.terms[-1].end if sub.terms else term.end
    j = i + 1
    while j < len(cls) and cls[j].end < end:
        j += 1
    if c.after in "(（":
        while j < len(cls) and not (cls[j].after in ")）" and cls[j].depth == c.depth + 1):
            j += 1
    return j


def _is_cut(text: str, cls: list[Clause], i: int, e: Enumeration) -> bool:
    """The list ran into the end of the text with no sentence end after its last term: the page goes
    on, the list cannot be judged."""
    if i < len(cls) or not e.terms:
        return False
    return not _terminated(text, e.terms[-1].end)


def _terminated(text: str, pos: int) -> bool:
    r"""A sentence end at or after ``pos``: ``re.search(r"[。！？!?\n]|(?<=[\u4e00-\u9fff])\.(?!\d)", text,
    pos)``, the sentence ends of ``prose_clauses``."""
    if any(text.find(ch, pos) >= 0 for ch in "。！？!?\n"):
        return True
    i = text.find(".", pos)
    while i >= 0:
        if full_stop(text, i):
            return True
        i = text.find(".", i + 1)
    return False


def _completeness(e: Enumeration, text: str, cls: list[Clause], at: int, why: str) -> None:
    if e.complete:
        return
    if any(_residual(label) for label in e.labels[1:]):
        e.complete, e.why = True, "列有“其他”项"
    elif why == "（" and not _ETC.search(_group_text(text, cls, at)):
        e.complete, e.why = True, "括号内列出构成"


def _residual(label: str) -> bool:
    r"""A residual term (其他…, “3.其余…”): ``re.match(r"^\s*(?:[一二三四五六七八九十\d]+[.、]|[①-⑳]|
    [“\"「(（])?\s*(?:发布|公开|更新)?(?:其他|其它|其余|剩余)", label)``. Each marker of the optional
    group is fixed by its first character and eats a whole run, so the pattern can only match with the
    marker's length or with none."""
    s = label.lstrip()
    first = s[:1]
    if not first:
        return False
    marker = 0
    if first in _NUMERALS or first.isdecimal():
        n = 1
        while n < len(s) and (s[n] in _NUMERALS or s[n].isdecimal()):
            n += 1
        marker = n + 1 if s[n:n + 1] in (".", "、") else 0
    elif _CIRCLED[0] <= first <= _CIRCLED[1] or first in "“\"「(（":
        marker = 1
    return (marker > 0 and _names_rest(s[marker:])) or _names_rest(s)


def _names_rest(s: str) -> bool:
    s = s.lstrip()
    return s.startswith(_RESIDUAL_WORDS) or (s.startswith(_RESIDUAL_VERBS) and s[2:].startswith(_RESIDUAL_WORDS))


def _group_text(text: str, cls: list[Clause], at: int) -> str:
    g = _group(cls, at + 1)
    return text[g[0].start:g[-1].end] if g else ""


def overlapping(e: Enumeration) -> bool:
    """Parts that are publication channels: one item goes out on several, so they may exceed the total."""
    return len({m.group() for label in e.labels for m in [CHANNELS.search(label)] if m}) >= 2


def covered(e: Enumeration, categories) -> int:
    """How many of a closed set of categories (each a pattern or ``AnyWord``) the terms name."""
    hit = set()
    for label in e.labels:
        for n, rx in enumerate(categories):
            if n not in hit and rx.search(label[-24:]):
                hit.add(n)
                break
    return len(hit)


# ---- lists known by their shares ------------------------------------------------------------------

MIN_SUFFIX = 4
_COUNTS = attrgetter("counts")


def _cjk_tail(s: str) -> str | None:
    r"""The run of four or more Chinese characters ending ``s``: ``re.search(r"[\u4e00-\u9fff]{4,}$", s)``'s
    text (``$`` also matches before a final newline)."""
    end = len(s) - 1 if s.endswith("\n") else len(s)
    start = end
    while start > 0 and "\u4e00" <= s[start - 1] <= "\u9fff":
        start -= 1
    return s[start:end] if end - start >= 4 else None


def share_runs(text: str, stats: Stats | None = None, cls: list[Clause] | None = None) -> list[Enumeration]:
    """Consecutive counts each with a share (“县直各单位主动公开政府信息2475条，占62.2%。各乡镇主动公开
    政府信息1503条，占37.8%”) whose shares add up to 100 %: a whole split into parts. Its total is the
    count stated just before (same or previous sentence) under the name the parts share
    (“其中主动公开政府信息2026条”). Complete by its shares; reported at its first part (the total's own
    sentence says nothing wrong). ``cls``: the text's ``clauses``, when already cut."""
    cls = clauses(text) if cls is None else cls
    stats = stats or Stats()
    out: list[Enumeration] = []
    run: list[tuple[int, Count, tuple]] = []
    # only clauses with a count add to a run or close it: a run that a count-less stretch of more than
    # three clauses ends is closed by the next count's clause, as it would have been before it
    for i in compress(range(len(cls)), map(_COUNTS, cls)):
        c = cls[i]
        stats.visits += 1
        share = _share_of(cls, i)
        if share is not None and (not run or i - run[-1][0] <= 3):
            run.append((i, c.counts[0], share))
            continue
        _close(text, cls, run, out)
        run = [(i, c.counts[0], share)] if share is not None else []
    _close(text, cls, run, out)
    return out


def _share_of(cls: list[Clause], i: int):
    c = cls[i]
    if c.percent is not None:
        return c.percent
    if i + 1 < len(cls) and not cls[i + 1].counts and cls[i + 1].sentence == c.sentence:
        return cls[i + 1].percent
    return None


def _close(text: str, cls: list[Clause], run, out: list[Enumeration]) -> None:
    if len(run) < 2 or len(run) > MAX_PARTS:
        return
    shares = [s for _, _, s in run]
    slack = 0.5 * len(run) * max(10 ** -s[1] for s in shares)
    if abs(sum(s[0] for s in shares) - 100) > slack:
        return
    labels = [_cjk_tail(text[max(cls[i].start, k.start - 40):k.start]) for i, k, _ in run]
    if not all(labels):
        return
    common = _common_suffix(labels)
    if len(common) < MIN_SUFFIX:
        return
    found = _named_total(text, cls, run[0][0], common, run[0][1].family)
    if found is None:
        return
    at, total = found
    e = Enumeration(total, text[cls[at].start:cls[at].end].strip())
    e.terms = [k for _, k, _ in run]
    e.labels = labels
    e.shares = {n: s for n, (_, _, s) in enumerate(run)}
    e.complete, e.why, e.anchor = True, "各项占比合计 100%", e.terms[0]
    e.approximate = total.approximate or any(k.approximate or k.decimal for k in e.terms)
    out.append(e)


def _common_suffix(words: list[str]) -> str:
    n = 0
    while all(len(w) > n for w in words) and len({w[len(w) - 1 - n] for w in words}) == 1:
        n += 1
    return words[0][len(words[0]) - n:] if n else ""


def _named_total(text: str, cls: list[Clause], i: int, name: str, family: str):
    """The nearest count before clause ``i``, in its sentence or the one before, named ``name``."""
    sentence = cls[i].sentence
    j = i - 1
    while j >= 0 and i - j <= 24 and cls[j].sentence >= sentence - 1:
        for k in reversed(cls[j].counts):
            if k.family == family and text[max(cls[j].start, k.start - len(name)):k.start] == name:
                return j, k
        j -= 1
    return None
