"""Text rewritten by edit steps, with exact offset mapping back to the original file.

Every step records its edits; mapping a position walks the steps backwards. Memory grows with the
number of edits, not with the text, so huge files with few edits stay cheap. A step whose edits all
keep their length (t2s, width folding) moves no position, so mapping skips it: a traditional report
has hundreds of t2s edits, and every diagnostic maps its span.
"""

from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter


class StepEdit:
    """An edit in the coordinates of the text *before* its step, tagged with the detector that made it.
    Immutable by convention."""

    __slots__ = ("start", "end", "replacement", "tag", "note")

    def __init__(self, start: int, end: int, replacement: str, tag: str, note: str = "") -> None:
        self.start = start
        self.end = end
        self.replacement = replacement
        self.tag = tag
        self.note = note


class _StepMap:
    """Where one step's edits sit before (old) and after (new) it. ``None`` stands for a step that
    moves no position (see MappedText.apply)."""

    __slots__ = ("new_starts", "new_ends", "old_starts", "old_ends")

    def __init__(self, new_starts: list[int], new_ends: list[int], old_starts: list[int], old_ends: list[int]):
        self.new_starts = new_starts
        self.new_ends = new_ends
        self.old_starts = old_starts
        self.old_ends = old_ends

    def to_old(self, pos: int, end: bool) -> int:
        i = bisect_right(self.new_starts, pos) - 1
        if i < 0:
            return pos
        ns, ne, os_, oe = self.new_starts[i], self.new_ends[i], self.old_starts[i], self.old_ends[i]
        if pos >= ne:
            if end and pos == ne == ns:      # a span ending where text was deleted stops before it
                return os_
            return pos - ne + oe
        if ne - ns == oe - os_:
            return os_ + (pos - ns)
        return oe if end and pos > ns else os_


_BY_POSITION = attrgetter("start", "end")


class MappedText:
    __slots__ = ("original", "text", "steps", "_by_tag")

    def __init__(self, original: str, text: str = "") -> None:
        self.original = original
        self.text = text or original
        # (step name, kept edits, map or None when the step moves no position)
        self.steps: list[tuple[str, list[StepEdit], _StepMap | None]] = []
        self._by_tag: dict[str, list[tuple[StepEdit, int, int]]] | None = None

    def apply(self, name: str, edits: list[StepEdit]) -> None:
        """Apply non-overlapping ``edits`` (sorted or not) to the current text as step ``name``."""
        self._by_tag = None
        if not edits:
            self.steps.append((name, [], None))
            return
        edits = sorted(edits, key=_BY_POSITION)
        kept: list[StepEdit] = []
        last_end = -1
        for e in edits:
            if e.start >= last_end:      # overlapping edits: the first one wins
                kept.append(e)
                last_end = e.end
        text = self.text
        parts: list[str] = []
        new_starts, new_ends, old_starts, old_ends = [], [], [], []
        prev, delta = 0, 0
        for e in kept:
            parts.append(text[prev:e.start])
            parts.append(e.replacement)
            ns = e.start + delta
            new_starts.append(ns)
            new_ends.append(ns + len(e.replacement))
            old_starts.append(e.start)
            old_ends.append(e.end)
            delta += len(e.replacement) - (e.end - e.start)
            prev = e.end
        parts.append(text[prev:])
        self.text = "".join(parts)
        # to_old is the identity when no edit changes length: every offset stays where it was
        same = all(n - s == o - t for s, n, t, o in zip(new_starts, new_ends, old_starts, old_ends))
        smap = None if same else _StepMap(new_starts, new_ends, old_starts, old_ends)
        self.steps.append((name, kept, smap))

    def to_original(self, pos: int, end: bool = False, upto: int | None = None) -> int:
        """Map an offset in the current text (or in the text after step ``upto``) to the original."""
        steps = self.steps if upto is None else self.steps[:upto]
        for _, _, smap in reversed(steps):
            if smap is not None:
                pos = smap.to_old(pos, end)
        return pos

    def span_to_original(self, start: int, end: int, upto: int | None = None) -> tuple[int, int]:
        s = self.to_original(start, upto=upto)
        e = self.to_original(end, end=True, upto=upto)
        return s, max(s, e)

    def edits_of(self, tag: str) -> list[tuple[StepEdit, int, int]]:
        """Edits tagged ``tag`` with their span in original coordinates (do not modify the list)."""
        if self._by_tag is None:
            self._by_tag = self._index()
        return self._by_tag.get(tag, [])

    def _index(self) -> dict[str, list[tuple[StepEdit, int, int]]]:
        """Every edit with its original span, by tag: several rules ask for the same tags.
        (span_to_original, with the maps of the earlier steps gathered once per step)"""
        out: dict[str, list[tuple[StepEdit, int, int]]] = {}
        earlier: list[_StepMap] = []       # maps of the steps so far that move positions, last first
        for _, edits, smap in self.steps:
            for e in edits:
                s, t = e.start, e.end
                for m in earlier:
                    s, t = m.to_old(s, False), m.to_old(t, True)
                found = out.get(e.tag)
                if found is None:
                    found = out[e.tag] = []
                found.append((e, s, t if t > s else s))
            if smap is not None:
                earlier.insert(0, smap)
        return out
