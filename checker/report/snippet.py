"""The offending line cut to the terminal: a window around the span, ``…`` where text is cut, and
carets under the part of the span that is inside the window."""

from __future__ import annotations

from .cells import char_width, printable


def window(text: str, col: int, end: int, cells: int) -> tuple[str, int, int]:
    """(shown text, caret offset in cells, caret length in cells) for the span ``text[col:end]``."""
    text = printable(text)
    col = max(0, min(col, len(text)))
    end = max(col, min(end, len(text)))
    widths = [char_width(c) for c in text]
    if sum(widths) <= cells:
        lo, hi = 0, len(text)
    else:
        lo, hi = _bounds(widths, col, cells)
    head = "…" if lo else ""
    tail = "…" if hi < len(text) else ""
    shown = head + text[lo:hi] + tail
    a, b = max(col, lo), min(max(end, col + 1), hi)
    offset = len(head) + sum(widths[lo:a])
    length = max(1, sum(widths[a:b])) if a < hi else 1
    return shown, offset, length


def _bounds(widths: list[int], col: int, cells: int) -> tuple[int, int]:
    """Start a quarter of the window before the span, then take as much as fits (room kept for ``…``)."""
    lo, used = col, 0
    while lo > 0 and used + widths[lo - 1] <= cells // 4:
        lo -= 1
        used += widths[lo]
    room = cells - (1 if lo else 0)
    hi, used = lo, 0
    while hi < len(widths) and used + widths[hi] <= room:
        used += widths[hi]
        hi += 1
    if hi < len(widths):           # the line goes on: make room for the closing ``…``
        while used + 1 > room and hi > lo:
            hi -= 1
            used -= widths[hi]
    return lo, hi
