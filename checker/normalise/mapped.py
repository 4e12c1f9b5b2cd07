"""Text rewritten by edit steps, with exact offset mapping back to the original file.

Every step records its edits; mapping a position walks the steps backwards. Memory grows with the
number of edits, not with the text, so huge files with few edits stay cheap. A step whose edits all
keep their length (t2s, width folding) moves no position, so mapping skips it: a traditional report
has hundreds of t2s edits, and every diagnostic maps its span. Those per-character edits are stored
one object per line (CharEdits): a traditional report has ~600 of them.
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


class CharEdits(StepEdit):
    """A same-length rewrite of ``[start, end)`` whose changed characters count as separate edits: the
    character at ``start + k`` for each k in ``offsets`` becomes ``replacement[k]`` (it was ``note[k]``).
    Applied as one edit; ``edits_of`` lists the characters one by one."""

    __slots__ = ("offsets",)

    def __init__(self, start: int, end: int, replacement: str, tag: str, note: str, offsets: list[int]) -> None:
        super().__init__(start, end, replacement, tag, note)
        self.offsets = offsets


class _StepMap:
    """Where one step's edits sit before (old) and after (new) it. ``None`` stands for a step that
    moves no position (see MappedText.apply)."""

    __slots__ = ("new_starts", "new_ends", "old_starts", "old_ends", "_gaps")

    def __init__(self, new_starts: list[int], new_ends: list[int], old_starts: list[int], old_ends: list[int]):
        self.new_starts = new_starts
        self.new_ends = new_ends
        self.old_starts = old_starts
        self.old_ends = old_ends
        self._gaps: tuple[list[int], list[int], list[int], list[int]] | None = None

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

    def spans_to_old(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """``(to_old(s, False), to_old(t, True))`` of each span, for many spans at once.

        A non-empty span inside one gap between edits moves by that gap's shift, and so does one
        ending where the next edit starts when no other edit starts there too (to_old then returns
        that edit's old start). Other spans take the general path: an empty span at a deletion maps
        to the deletion's start, not its end."""
        if self._gaps is None:
            self._gaps = self._gap_table()
        keys, lows, limits, shifts = self._gaps
        out = []
        for s, t in spans:
            g = bisect_right(keys, s) - 1          # the gap after the last edit starting at or before s
            if lows[g] <= s < t < limits[g]:
                d = shifts[g]
                out.append((s + d, t + d))
            else:
                out.append((self.to_old(s, False), self.to_old(t, True)))
        return out

    def _gap_table(self) -> tuple[list[int], list[int], list, list[int]]:
        """Per gap (one before the first edit, one after each): bisect key, first position, bound on
        span ends moved by the gap's shift, and that shift (see spans_to_old)."""
        ns = self.new_starts
        limits: list = [n + 1 if i + 1 == len(ns) or ns[i + 1] != n else n for i, n in enumerate(ns)]
        limits.append(float("inf"))
        shifts = [0, *(oe - ne for ne, oe in zip(self.new_ends, self.old_ends))]
        return [-1, *ns], [0, *self.new_ends], limits, shifts


_BY_POSITION = attrgetter("start", "end")


class MappedText:
    __slots__ = ("original", "text", "steps", "_by_tag", "_maps")

    def __init__(self, original: str, text: str = "") -> None:
        self.original = original
        self.text = text or original
        # (step name, kept edits, map or None when the step moves no position)
        self.steps: list[tuple[str, list[StepEdit], _StepMap | None]] = []
        self._by_tag: dict[str, list[tuple[int, int, str, str]]] | None = None
        self._maps: list[_StepMap] | None = None       # see _moving

    def apply(self, name: str, edits: list[StepEdit]) -> None:
        """Apply non-overlapping ``edits`` (sorted or not) to the current text as step ``name``."""
        self._by_tag = self._maps = None
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
        for smap in self._moving(upto):
            pos = smap.to_old(pos, end)
        return pos

    def span_to_original(self, start: int, end: int, upto: int | None = None) -> tuple[int, int]:
        maps = self._moving(upto)
        if not maps:            # most reports: no step moved a position
            return start, max(start, end)
        for smap in maps:
            start, end = smap.to_old(start, False), smap.to_old(end, True)
        return start, max(start, end)

    def spans_to_original(self, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """``span_to_original`` of each span, for many spans at once: a rule reporting a hundred
        characters maps them with one pass per step instead of one walk over the steps per span."""
        for smap in self._moving(None):
            spans = smap.spans_to_old(spans)
        return [(s, t if t > s else s) for s, t in spans]

    def moves_positions(self) -> bool:
        """Whether some step moved a position: if not, every offset of the text is its original offset."""
        return bool(self._moving(None))

    def _moving(self, upto: int | None) -> list[_StepMap]:
        """The maps of the steps (up to ``upto``) that move positions, last step first."""
        if upto is not None:
            return [smap for _, _, smap in reversed(self.steps[:upto]) if smap is not None]
        if self._maps is None:
            self._maps = [smap for _, _, smap in reversed(self.steps) if smap is not None]
        return self._maps

    def edits_of(self, tag: str) -> list[tuple[int, int, str, str]]:
        """Edits tagged ``tag`` as (start, end, replacement, note) with the span in original coordinates,
        in text order, a CharEdits one per changed character (do not modify the list)."""
        if self._by_tag is None:
            self._by_tag = self._index()
        return self._by_tag.get(tag, [])

    def iter_edits(self, tag: str):
        """``edits_of(tag)`` one edit at a time, nothing listed: a million-character traditional text
        gives its character edits without holding them all (one 4-tuple and an int each, ~60 MB)."""
        if self._by_tag is not None:
            yield from self._by_tag.get(tag, [])
            return
        earlier: list[_StepMap] = []
        for _, edits, smap in self.steps:
            for e in edits:
                if e.tag != tag:
                    continue
                if type(e) is CharEdits:
                    yield from _characters(e, earlier)
                    continue
                s, t = e.start, e.end
                for m in earlier:
                    s, t = m.to_old(s, False), m.to_old(t, True)
                yield s, t if t > s else s, e.replacement, e.note
            if smap is not None:
                earlier.insert(0, smap)

    def steps_with(self, tag: str) -> int:
        """How many steps made edits tagged ``tag`` (one: its edits come in text order)."""
        return sum(any(e.tag == tag for e in edits) for _, edits, _ in self.steps)

    def _index(self) -> dict[str, list[tuple[int, int, str, str]]]:
        """Every edit with its original span, by tag: several rules ask for the same tags.
        (span_to_original, with the maps of the earlier steps gathered once per step)"""
        out: dict[str, list[tuple[int, int, str, str]]] = {}
        earlier: list[_StepMap] = []       # maps of the steps so far that move positions, last first
        for _, edits, smap in self.steps:
            for e in edits:
                found = out.get(e.tag)
                if found is None:
                    found = out[e.tag] = []
                if type(e) is CharEdits:
                    found.extend(_characters(e, earlier))
                    continue
                s, t = e.start, e.end
                for m in earlier:
                    s, t = m.to_old(s, False), m.to_old(t, True)
                found.append((s, t if t > s else s, e.replacement, e.note))
            if smap is not None:
                earlier.insert(0, smap)
        return out


# One string object per distinct character: a text of a million traditional characters lists a million
# edits, and a fresh one-character CJK string (76 bytes) for each side of each was half their memory.
_CHARS: dict[str, str] = {}


def _adjacent(items: list[tuple[int, str, str]]) -> list[tuple[int, int, str, str]]:
    """(start, start + 1, new, old) per character, the end of one sharing its int with the start of the
    next where they touch: in a run of traditional characters that is every end (32 bytes each)."""
    out = []
    for i, (s, new, old) in enumerate(items):
        nxt = items[i + 1][0] if i + 1 < len(items) else None
        out.append((s, nxt if nxt == s + 1 else s + 1, new, old))
    return out


def _characters(e: CharEdits, earlier: list[_StepMap]) -> list[tuple[int, int, str, str]]:
    """The changed characters of ``e`` as edits_of lists them."""
    base, new, old, offsets = e.start, e.replacement, e.note, e.offsets
    one = _CHARS.setdefault
    if not earlier:
        return _adjacent([(base + k, one(new[k], new[k]), one(old[k], old[k])) for k in offsets])
    spans = [(base + k, base + k + 1) for k in offsets]
    for m in earlier:
        spans = m.spans_to_old(spans)
    return [(s, t if t > s else s, one(new[k], new[k]), one(old[k], old[k])) for (s, t), k in zip(spans, offsets)]
