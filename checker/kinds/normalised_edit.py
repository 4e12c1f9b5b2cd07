"""Report what a normalisation step repaired (t2s, pinyin, mojibake, Taiwan phrasing), with the repair as fix.

Detection happens once, in checker/normalise; this kind only turns the recorded edits into findings.
Edits are grouped per line (one finding for a line full of traditional characters) or reported one by
one. Edits inside an edit of a ``yield_to`` step are left to that step's rule: t2s over a garbled run
would destroy the bytes its repair needs, and a phrase replacement already covers its characters.
So fixes of different rules never overlap and one ``--fix`` pass applies them all.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import accumulate

from ..model.diagnostic import Edit, Fix

SAMPLE = 3


def check(doc, rule):
    p = rule.params
    found = doc.mapped.edits_of(p["tag"])
    if not found:
        return
    claimed = _Claimed((s, t) for tag in p.get("yield_to", []) for _, s, t in doc.mapped.edits_of(tag))
    found = [item for item in found if not claimed.overlaps(item[1], item[2])]   # reported by their own rule
    if p.get("group", "edit") == "line":
        yield from _per_line(doc, rule, found)
    else:
        for e, s, t in found:
            yield _diag(doc, rule, [(e, s, t)])


def _per_line(doc, rule, found):
    by_line: dict[int, list] = {}
    for item in found:
        by_line.setdefault(doc.source.line_col(item[1])[0], []).append(item)
    for line in sorted(by_line):
        yield _diag(doc, rule, by_line[line])


def _diag(doc, rule, items):
    src = doc.source.text
    start, end = items[0][1], max(t for _, _, t in items)
    edits = tuple(Edit(s, t, _final(rule, e.replacement)) for e, s, t in items
                  if src[s:t] != _final(rule, e.replacement))
    mode = rule.params.get("fix", "safe")
    if mode == "partial-unsafe":
        mode = "safe" if all(e.note == "certain" for e, _, _ in items) else "unsafe"
    fix = None
    if edits and mode != "none":
        fix = Fix(edits, safe=mode == "safe", description=rule.params.get("fix_description", ""))
    first_found = src[items[0][1]:items[0][2]]
    shown = list(dict.fromkeys(_show(rule, src[s:t], e) for e, s, t in items))
    sample = "、".join(shown[:SAMPLE]) + ("…" if len(shown) > SAMPLE else "")
    return rule.diag(doc, start, end, normalised=False, fix=fix, found=first_found,
                     expected=_final(rule, items[0][0].replacement), count=len(items), sample=sample)


def _show(rule, orig: str, e) -> str:
    if rule.params.get("show") == "found":
        return orig
    return f"{orig}→{_final(rule, e.replacement) or '（删除）'}"


def _final(rule, replacement: str) -> str:
    """A repaired garble may still be traditional script: the fix writes what normalisation ends with."""
    if rule.params.get("simplify"):
        from ..normalise.script import to_simplified, traditional_chars

        if not traditional_chars().isdisjoint(replacement):
            return to_simplified(replacement)
    return replacement


class _Claimed:
    """Spans of other steps' edits; overlap queries in O(log n) — a long traditional text has
    thousands of edits, and a linear scan per edit made this quadratic. Spans of different steps
    may nest, so the test is on the running maximum of ends, not on the neighbour alone."""

    def __init__(self, spans):
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.max_end = list(accumulate((b for _, b in spans), max))

    def overlaps(self, s: int, t: int) -> bool:
        i = bisect_left(self.starts, t)          # spans[:i] start before t
        return i > 0 and self.max_end[i - 1] > s
