"""Counts in prose against the total they are listed under.

``check: parts`` — “在已答复的618件申请中：…411件…55件…” where the parts do not add up to the total
(a list may go on to other things: it is consistent as soon as a leading run of parts adds up; a
count in parentheses beside the total, “(未包含上年结转42宗)”, may be included).
``check: percent`` — “473宗，占76.5%”: the stated share against count/total, allowing rounding or
truncation to the printed precision.
"""

from __future__ import annotations

from ..tables.prose import count_lists
from ..tables.render import format_number


def check(doc, rule):
    what = rule.params.get("check", "parts")
    for cl in count_lists(doc):
        if cl.approximate:
            continue
        yield from (_parts(doc, rule, cl) if what == "parts" else _percent(doc, rule, cl))


def _parts(doc, rule, cl):
    if cl.consistent():
        return
    total = sum(p.value for p in cl.parts)
    equation = (" + ".join(str(p.value) for p in cl.parts) + f" = {total} ≠ {cl.total.value}"
                f"  (差 {abs(total - cl.total.value)})")
    d = rule.diag(doc, cl.total.start, cl.total.end, phrase=_short(cl.phrase), equation=equation,
                  expected=str(cl.total.value), found=str(total))
    d.related = [(*doc.orig_span(p.start, p.end), "分项") for p in cl.parts]
    yield d


def _percent(doc, rule, cl):
    base = cl.total.value
    if base <= 0:
        return
    for p in cl.parts:
        if p.percent is None:
            continue
        stated, decimals, s, e = p.percent
        actual = p.value / base * 100
        if abs(actual - stated) <= 10 ** -decimals + 1e-9:
            continue
        d = rule.diag(doc, s, e, count=p.value, total=base, actual=f"{actual:.{max(decimals, 1)}f}",
                      stated=format_number(stated), phrase=_short(cl.phrase))
        d.related = [(*doc.orig_span(p.start, p.end), "分项"), (*doc.orig_span(cl.total.start, cl.total.end), "总数")]
        yield d


def _short(phrase: str, limit: int = 30) -> str:
    phrase = phrase.strip()
    return phrase if len(phrase) <= limit else "…" + phrase[-limit:]
