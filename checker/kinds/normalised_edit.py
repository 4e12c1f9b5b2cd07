"""Report what a normalisation step repaired (t2s, pinyin, mojibake, Taiwan phrasing), with the repair as fix.

Detection happens once, in checker/normalise; this kind only turns the recorded edits into findings.
Edits are grouped per line (one finding for a line full of traditional characters) or reported one by
one. Edits inside an edit of a ``yield_to`` step are left to that step's rule: t2s over a garbled run
would destroy the bytes its repair needs, and a phrase replacement already covers its characters.
So fixes of different rules never overlap and one ``--fix`` pass applies them all.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import accumulate

from ..model.diagnostic import Edit, Fix

SAMPLE = 3


def check(doc, rule):
    p = rule.params
    found = doc.mapped.edits_of(p["tag"])
    if not found:
        return
    spans = [(s, t) for tag in p.get("yield_to", ()) for _, s, t in doc.mapped.edits_of(tag)]
    if spans:                # reported by their own rule
        claimed = _Claimed(spans)
        found = [item for item in found if not claimed.overlaps(item[1], item[2])]
    groups = _per_line(doc, found) if p.get("group", "edit") == "line" else ([item] for item in found)
    final = _simplified if p.get("simplify") else None
    for items in groups:
        yield _diag(doc, rule, items, final)


def _per_line(doc, found):
    starts, n = doc.source.line_starts, len(doc.source.text)
    by_line: dict[int, list] = {}
    for item in found:
        line = bisect_right(starts, max(0, min(item[1], n)))      # as Source.line_col
        group = by_line.get(line)
        if group is None:
            by_line[line] = [item]
        else:
            group.append(item)
    return [by_line[line] for line in sorted(by_line)]


def _diag(doc, rule, items, final):
    """``final`` rewrites a replacement into what the fix writes (None: as it is)."""
    src = doc.source.text
    p = rule.params
    start, end = items[0][1], max(t for _, _, t in items)
    replacements = [e.replacement for e, _, _ in items] if final is None else [final(e.replacement) for e, _, _ in items]
    edits = tuple(Edit(s, t, r) for (_, s, t), r in zip(items, replacements) if src[s:t] != r)
    mode = p.get("fix", "safe")
    if mode == "partial-unsafe":
        mode = "safe" if all(e.note == "certain" for e, _, _ in items) else "unsafe"
    fix = None
    if edits and mode != "none":
        fix = Fix(edits, safe=mode == "safe", description=p.get("fix_description", ""))
    first_found = src[items[0][1]:items[0][2]]
    shown = _shown(src, items, replacements, p.get("show") == "found")
    sample = "、".join(shown[:SAMPLE]) + ("…" if len(shown) > SAMPLE else "")
    return rule.diag(doc, start, end, normalised=False, fix=fix, found=first_found,
                     expected=replacements[0], count=len(items), sample=sample)


def _shown(src: str, items, replacements, found_only: bool) -> list[str]:
    """The first SAMPLE + 1 distinct samples: enough to show SAMPLE and to know whether there are more."""
    shown: dict[str, None] = {}
    for (_, s, t), r in zip(items, replacements):
        shown[src[s:t] if found_only else f"{src[s:t]}→{r or '（删除）'}"] = None
        if len(shown) > SAMPLE:
            break
    return list(shown)


def _simplified(replacement: str) -> str:
    """A repaired garble may still be traditional script: the fix writes what normalisation ends with."""
    from ..normalise.script import count_traditional, to_simplified

    return to_simplified(replacement) if count_traditional(replacement) else replacement


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
