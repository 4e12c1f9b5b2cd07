"""Apply fixes to a text: non-overlapping ones in position order, the rest left for the next round."""

from __future__ import annotations

from bisect import bisect_left

from ..model.diagnostic import Edit, Fix


def _conflicts(a: Edit, b: Edit) -> bool:
    if a.start == a.end or b.start == b.end:          # insertions collide only at the same point
        return a.start == b.start or (b.start < a.start < b.end) or (a.start < b.start < a.end)
    return a.start < b.end and b.start < a.end


def select(fixes: list[Fix]) -> list[Fix]:
    """The fixes to apply now: in order of position, skipping any that touches an earlier one's span."""
    taken = _Taken()
    chosen: list[Fix] = []
    for fix in sorted(fixes, key=lambda f: (min(e.start for e in f.edits), max(e.end for e in f.edits))):
        own = sorted(fix.edits, key=lambda e: (e.start, e.end))
        if any(_conflicts(a, b) for a, b in zip(own, own[1:])):
            continue                                  # a malformed fix never applies
        if any(taken.conflicts(e) for e in own):
            continue
        for e in own:
            taken.add(e)
        chosen.append(fix)
    return chosen


class _Taken:
    """Edits already chosen, sorted by start: a conflict can only be with a neighbour."""

    def __init__(self) -> None:
        self.starts: list[tuple[int, int]] = []
        self.edits: list[Edit] = []

    def conflicts(self, e: Edit) -> bool:
        i = bisect_left(self.starts, (e.start, e.end))
        return any(_conflicts(e, self.edits[j]) for j in range(max(0, i - 1), min(len(self.edits), i + 2)))

    def add(self, e: Edit) -> None:
        i = bisect_left(self.starts, (e.start, e.end))
        self.starts.insert(i, (e.start, e.end))
        self.edits.insert(i, e)


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
