"""Report what a normalisation step repaired (t2s, pinyin, mojibake, Taiwan phrasing), with the repair as fix.

Detection happens once, in checker/normalise; this kind only turns the recorded edits into findings.
Edits are grouped per line (one finding for a line full of traditional characters) or reported one by
one. Edits inside an edit of a ``yield_to`` step are left to that step's rule (and, with ``skip_chrome``,
edits inside web-page furniture to the furniture rules, whose fix deletes the line): t2s over a garbled run
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
    mapped = doc.mapped
    found = mapped.iter_edits(p["tag"])        # (start, end, replacement, note) in original offsets
    spans = [(s, t) for tag in p.get("yield_to", ()) for s, t, _, _ in mapped.iter_edits(tag)]
    if p.get("skip_chrome") and mapped.steps_with(p["tag"]):
        # the furniture rules delete those lines: a site's “简体 繁體” switch is theirs
        from .web_boilerplate import chrome_spans

        spans += chrome_spans(doc)
    if spans:                # reported by their own rule
        found = _Claimed(spans).each_unclaimed(found)
    if p.get("group", "edit") != "line":
        groups = ([item] for item in found)
    elif mapped.steps_with(p["tag"]) <= 1:      # in text order: each line's group given as it ends
        groups = _line_runs(doc, found)
    else:
        groups = _per_line(doc, list(found))
    final = _simplified if p.get("simplify") else None
    for items in groups:
        yield _diag(doc, rule, items, final)


def _line_runs(doc, found):
    """``found``, in text order, cut where an edit leaves the previous one's line: what _per_line
    gives for ordered edits, without holding more than one line's edits."""
    starts, n = doc.source.line_starts, len(doc.source.text)
    lo = hi = 0                       # the current line spans offsets [lo, hi)
    group: list = []
    for item in found:
        s = item[0]
        if not lo <= s < hi:
            if group:
                yield group
            line = bisect_right(starts, max(0, min(s, n)))      # as Source.line_col
            lo = starts[line - 1] if line else -1
            hi = starts[line] if line < len(starts) else n + 1
            group = []
        group.append(item)
    if group:
        yield group


def _per_line(doc, found):
    """``found`` grouped by the line of each start, lines in order. Edits come in text order, so the
    line is looked up only when an edit leaves the previous one's line."""
    starts, n = doc.source.line_starts, len(doc.source.text)
    by_line: dict[int, list] = {}
    lo = hi = 0                       # the current line spans offsets [lo, hi)
    group: list = []
    for item in found:
        s = item[0]
        if not lo <= s < hi:
            line = bisect_right(starts, max(0, min(s, n)))      # as Source.line_col
            lo = starts[line - 1] if line else -1
            hi = starts[line] if line < len(starts) else n + 1
            group = by_line.get(line)
            if group is None:
                group = by_line[line] = []
        group.append(item)
    return [by_line[line] for line in sorted(by_line)]


def _diag(doc, rule, items, final):
    """``final`` rewrites a replacement into what the fix writes (None: as it is)."""
    src = doc.source.text
    p = rule.params
    start, end = items[0][0], max([t for _, t, _, _ in items])
    if final is None:        # the common case, a line of t2s edits: no zip
        replacements = [r for _, _, r, _ in items]
        edits = tuple([Edit(s, t, r) for s, t, r, _ in items if src[s:t] != r])
    else:
        replacements = [final(r) for _, _, r, _ in items]
        edits = tuple([Edit(s, t, r) for (s, t, _, _), r in zip(items, replacements) if src[s:t] != r])
    mode = p.get("fix", "safe")
    if mode == "partial-unsafe":
        mode = "safe" if all(note == "certain" for _, _, _, note in items) else "unsafe"
    fix = None
    if edits and mode != "none":
        fix = Fix(edits, safe=mode == "safe", description=p.get("fix_description", ""))
    first_found = src[items[0][0]:items[0][1]]
    shown = _shown(src, items, replacements, p.get("show") == "found")
    sample = "、".join(shown[:SAMPLE]) + ("…" if len(shown) > SAMPLE else "")
    return rule.diag(doc, start, end, normalised=False, fix=fix, found=first_found,
                     expected=replacements[0], count=len(items), sample=sample)


def _shown(src: str, items, replacements, found_only: bool) -> list[str]:
    """The first SAMPLE + 1 distinct samples: enough to show SAMPLE and to know whether there are more."""
    shown: dict[str, None] = {}
    for (s, t, _, _), r in zip(items, replacements):
        # strip: an annotation's span may hold the spaces a spacing fixer put around it
        shown[src[s:t].strip() if found_only else f"{src[s:t]}→{r or '（删除）'}"] = None
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

    def unclaimed(self, items: list) -> list:
        """The items (start, end, …) overlapping no span."""
        return list(self.each_unclaimed(items))

    def each_unclaimed(self, items):
        starts, max_end = self.starts, self.max_end
        for item in items:
            i = bisect_left(starts, item[1])         # spans[:i] start before the item's end
            if i == 0 or max_end[i - 1] <= item[0]:
                yield item
