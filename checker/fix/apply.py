"""Apply fixes to a text: non-overlapping ones in position order, the rest left for the next round."""

from __future__ import annotations

from ..model.diagnostic import Edit, Fix


def _conflicts(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:          # insertions collide only at the same point
        return a.start == b.start or (b.start < a.start < b.end) or (a.start < b.start < a.end)
    return a.start < b.end and b.start < a.end


def select(fixes: list[Fix]) -> list[Fix]:
    """The fixes to apply now: in order of position, skipping any that touches an earlier one's span."""
    taken: list[Edit] = []
    chosen: list[Fix] = []
    for fix in sorted(fixes, key=lambda f: (min(e.start for e in f.edits), max(e.end for e in f.edits))):
        own = sorted(fix.edits, key=lambda e: (e.start, e.end))
        if any(_conflicts(a, b) for a, b in zip(own, own[1:])):
            continue                                  # a malformed fix never applies
        if any(_conflicts(e, t) for e in own for t in taken):
            continue
        taken.extend(own)
        chosen.append(fix)
    return chosen


def apply(text: str, fixes: list[Fix]) -> tuple[str, int]:
    """``text`` with the selectable fixes applied, and how many fixes that was."""
    chosen = select([f for f in fixes if f.edits])
    edits = sorted((e for f in chosen for e in f.edits), key=lambda e: (e.start, e.end))
    parts, prev = [], 0
    for e in edits:
        parts.append(text[prev:e.start])
        parts.append(e.replacement)
        prev = e.end
    parts.append(text[prev:])
    return "".join(parts), len(chosen)
