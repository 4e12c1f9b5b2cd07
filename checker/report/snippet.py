"""The offending line cut to the terminal: a window around the span, ``…`` where text is cut, and
carets under the part of the span that is inside the window.

A line is measured once (``LineView``: its printable text and the running sum of cell widths) and
every finding on it is placed by bisection: a 240,000-character line carrying 1,000 findings was
measured 1,000 times over (35 s), now once."""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from itertools import accumulate

from .cells import char_width, printable


class LineView:
    """One line, measured once: ``cum[i]`` is the width in cells of its first ``i`` characters."""

    __slots__ = ("text", "cum", "blank")

    def __init__(self, text: str) -> None:
        self.text = printable(text)
        self.cum = array("q", accumulate(map(char_width, self.text), initial=0))
        self.blank = not text.strip()

    def window(self, col: int, end: int, cells: int) -> tuple[str, int, int]:
        """(shown text, caret offset in cells, caret length in cells) for the span ``text[col:end]``."""
        text, cum, n = self.text, self.cum, len(self.text)
        col = max(0, min(col, n))
        end = max(col, min(end, n))
        lo, hi = (0, n) if cum[n] <= cells else self._bounds(col, cells)
        head = "…" if lo else ""
        tail = "…" if hi < n else ""
        shown = head + text[lo:hi] + tail
        a, b = max(col, lo), min(max(end, col + 1), hi)
        offset = len(head) + cum[a] - cum[lo]
        length = max(1, cum[b] - cum[a]) if a < hi else 1
        return shown, offset, length

    def _bounds(self, col: int, cells: int) -> tuple[int, int]:
        """Start a quarter of the window before the span, then take as much as fits (room kept for ``…``)."""
        cum, n = self.cum, len(self.text)
        lo = bisect_left(cum, cum[col] - cells // 4, 0, col)
        room = cells - (1 if lo else 0)
        hi = bisect_right(cum, cum[lo] + room, lo, n + 1) - 1
        if hi < n:                 # the line goes on: make room for the closing ``…``
            hi = max(lo, bisect_right(cum, cum[lo] + room - 1, lo, hi + 1) - 1)
        return lo, hi


def window(text: str, col: int, end: int, cells: int) -> tuple[str, int, int]:
    """The window of one span of ``text`` (a line measured for a single finding)."""
    return LineView(text).window(col, end, cells)


def line_bounds(text: str, start: int, end: int, reach: int) -> tuple[int, int]:
    """Start of the line holding ``text[start]`` and the first line break from ``start`` on, each looked
    for at most ``reach`` characters beyond the span ``text[start:end]``: a bound further away comes
    back as a point beyond ``start - reach`` (or ``end + reach``), so that a window of ``reach`` around
    the span is cut with ``…`` — reporters then cost the window per finding, not the line."""
    a = max(0, start - reach - 1)
    nl = text.rfind("\n", a, start)
    lo = nl + 1 if nl >= 0 else (0 if a == 0 else a - 1)
    b = min(len(text), max(start, end) + reach + 1)
    nl = text.find("\n", start, b)
    hi = nl if nl >= 0 else (len(text) if b == len(text) else b + 1)
    return lo, hi
