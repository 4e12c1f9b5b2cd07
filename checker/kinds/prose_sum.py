"""Counts in prose against the total they are listed under (the lists of ``tables.prose_enum``).

``check: parts`` — an error only when the list claims to be the whole (分别为, a residual 其他 term, a
parenthetical breakdown, or terms naming at least ``min_categories`` of one of the rule's closed
``categories`` sets, e.g. the six 办理结果) and its parts differ from the total, or when the parts
exceed the total (parts of a whole cannot add up to more), unless the parts are publication channels.
A selective 其中 list falling short, an approximate count, a list cut by the end of the text: no finding.
``check: percent`` — “473宗，占76.5%”: the stated share against count/total, allowing rounding or
truncation to the printed precision; a share that fits the sum of the listed parts instead is fine.
With ``categories``, a sentence of category counts without a marker (“予以公开258件，占33.9%；不予公开
35件……”) is read under the handled total of the sentence before: its shares are checked, its sum is
not (the total was inferred).
"""

from __future__ import annotations

from ..tables.prose_clauses import clauses
from ..tables.prose_enum import AnyWord, Enumeration, covered, enumerations, overlapping, share_runs
from ..tables.render import format_number


def compile(params):
    # Word lists, searched as plain strings: a regex alternation of Chinese words costs ~0.3 ms to compile
    groups = params.get("categories", [])
    sets = [[AnyWord(words) for words in group] for group in groups]
    words = [w for group in groups for names in group for w in names]
    topics = AnyWord(words) if words else None
    return {"check": params.get("check", "parts"), "categories": sets, "topics": topics,
            "min_categories": params.get("min_categories", 4)}


def lists(doc, topics=None) -> list[Enumeration]:
    memo = doc.cache.setdefault("prose.enumerations", {})
    key = topics.pattern if topics is not None else None
    if key not in memo:
        # the clauses and the share runs depend on the text alone: one cut for every topics set
        if "prose.clauses" not in doc.cache:
            cls = doc.cache["prose.clauses"] = clauses(doc.text)
            doc.cache["prose.share_runs"] = share_runs(doc.text, cls=cls)
        cls = doc.cache["prose.clauses"]
        found = enumerations(doc.text, topics=topics, cls=cls)
        used = {e.total.start for e in _all(found)}
        memo[key] = found + [e for e in doc.cache["prose.share_runs"] if e.total.start not in used]
    return memo[key]


def check(doc, rule):
    p = rule.compiled
    for e in _all(lists(doc, p["topics"])):
        if e.approximate or e.cut or (e.inferred and p["check"] == "parts"):
            continue
        yield from (_parts(doc, rule, e, p) if p["check"] == "parts" else _percent(doc, rule, e))


def _all(es):
    for e in es:
        yield e
        yield from _all(e.nested)


def _parts(doc, rule, e: Enumeration, p):
    total = e.parts_sum()
    if total in e.targets():
        return
    if total > max(e.targets()):
        if overlapping(e):
            return
        why = "分项之和超过总数"
    else:
        why = _claim(e, p)
        if not why:
            return
    equation = (" + ".join(str(t.value) for t in e.terms) + f" = {total} ≠ {e.total.value}"
                f"（差 {abs(total - e.total.value)}；{why}）")
    d = rule.diag(doc, e.anchor.start, e.anchor.end, phrase=_short(e.head), equation=equation,
                  expected=str(e.total.value), found=str(total))
    d.related = [(*doc.orig_span(t.start, t.end), f"分项：{_short(label, 16)}") for t, label in zip(e.terms, e.labels)]
    if e.anchor is not e.total:
        d.related.insert(0, (*doc.orig_span(e.total.start, e.total.end), "总数"))
    yield d


def _claim(e: Enumeration, p) -> str:
    """Why a list that falls short still claims to be the whole, or "" when it does not."""
    if e.complete:
        return e.why + "，应为全部构成"
    for group in p["categories"]:
        n = covered(e, group)
        if n >= min(p["min_categories"], len(group)):
            return f"列出 {n} 类办理结果，应为全部构成"
    return ""


def _percent(doc, rule, e: Enumeration):
    base = e.total.value
    if base <= 0:
        return
    for k, (stated, decimals, s, t) in sorted(e.shares.items()):
        count = e.terms[k].value
        if _fits(count, base, stated, decimals) or _fits(count, e.parts_sum(), stated, decimals):
            continue
        actual = count / base * 100
        d = rule.diag(doc, s, t, count=count, total=base, actual=f"{actual:.{max(decimals, 1)}f}",
                      stated=format_number(stated), phrase=_short(e.head))
        d.related = [(*doc.orig_span(e.terms[k].start, e.terms[k].end), "分项"),
                     (*doc.orig_span(e.total.start, e.total.end), "总数")]
        yield d


def _fits(count: int, base: int, stated: float, decimals: int) -> bool:
    """The share rounded or truncated to the printed decimals (integer arithmetic: no float edge)."""
    if base <= 0:
        return False
    scale = 10 ** decimals
    exact_num = count * 100 * scale          # share × scale = exact_num / base
    want = round(stated * scale)
    down = exact_num // base
    nearest = (2 * exact_num + base) // (2 * base)
    return want in (down, down + 1 if exact_num % base else down, nearest)


def _short(phrase: str, limit: int = 30) -> str:
    phrase = phrase.strip()
    return phrase if len(phrase) <= limit else "…" + phrase[-limit:]
