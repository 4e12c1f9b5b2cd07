"""Text rewritten by edit steps, with exact offset mapping back to the original file.

Every step records its edits; mapping a position walks the steps backwards. Memory grows with the
number of edits, not with the text, so huge files with few edits stay cheap.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field


@dataclass(frozen=True)
class StepEdit:
    """An edit in the coordinates of the text *before* its step, tagged with the detector that made it."""

    start: int
    end: int
    replacement: str
    tag: str
    note: str = ""


@dataclass
class _StepMap:
    new_starts: list[int]
    new_ends: list[int]
    old_starts: list[int]
    old_ends: list[int]

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


@dataclass
class MappedText:
    original: str
    text: str = ""
    steps: list[tuple[str, list[StepEdit], _StepMap]] = field(default_factory=list)

    def __post_init__(self) -> None:
        if not self.text:
            self.text = self.original

    def apply(self, name: str, edits: list[StepEdit]) -> None:
        """Apply non-overlapping ``edits`` (sorted or not) to the current text as step ``name``."""
        edits = sorted(edits, key=lambda e: (e.start, e.end))
        kept: list[StepEdit] = []
        last_end = -1
        for e in edits:
            if e.start >= last_end:      # overlapping edits: the first one wins
                kept.append(e)
                last_end = e.end
        parts: list[str] = []
        smap = _StepMap([], [], [], [])
        prev, delta = 0, 0
        for e in kept:
            parts.append(self.text[prev:e.start])
            parts.append(e.replacement)
            ns = e.start + delta
            smap.new_starts.append(ns)
            smap.new_ends.append(ns + len(e.replacement))
            smap.old_starts.append(e.start)
            smap.old_ends.append(e.end)
            delta += len(e.replacement) - (e.end - e.start)
            prev = e.end
        parts.append(self.text[prev:])
        self.text = "".join(parts)
        self.steps.append((name, kept, smap))

    def to_original(self, pos: int, end: bool = False, upto: int | None = None) -> int:
        """Map an offset in the current text (or in the text after step ``upto``) to the original."""
        steps = self.steps if upto is None else self.steps[:upto]
        for _, _, smap in reversed(steps):
            pos = smap.to_old(pos, end)
        return pos

    def span_to_original(self, start: int, end: int, upto: int | None = None) -> tuple[int, int]:
        s = self.to_original(start, upto=upto)
        e = self.to_original(end, end=True, upto=upto)
        return s, max(s, e)

    def edits_of(self, tag: str) -> list[tuple[StepEdit, int, int]]:
        """Edits tagged ``tag`` with their span in original coordinates."""
        out = []
        for idx, (_, edits, _) in enumerate(self.steps):
            for e in edits:
                if e.tag == tag:
                    s, t = self.span_to_original(e.start, e.end, upto=idx)
                    out.append((e, s, t))
        return out
