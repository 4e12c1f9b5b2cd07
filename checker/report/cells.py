"""Terminal cell arithmetic without rich: CJK characters take two cells, combining marks none.

The plain reporter lays lines out itself so that piped output fits the same width as the terminal
would; rich, when it renders colour, receives lines that already fit and never wraps them."""

from __future__ import annotations

import unicodedata

Line = list[tuple[str, "str | None"]]       # segments of (text, rich style)
ATOMIC = 32           # segments up to this many cells ([错误], a code, a page position) wrap as a whole


def char_width(c: str) -> int:
    if c < "\u0300":             # ASCII and Latin-1: the common case, one cell
        return 1
    if unicodedata.combining(c):
        return 0
    return 2 if unicodedata.east_asian_width(c) in "WF" else 1


def width(s: str) -> int:
    return sum(map(char_width, s))


def printable(s: str) -> str:
    """Tabs and other control characters as one space each: positions (and carets) stay in step."""
    return "".join(" " if unicodedata.category(c) == "Cc" else c for c in s) if not s.isprintable() else s


def fit(s: str, cells: int) -> str:
    """``s`` cut to ``cells`` cells, ending in ``…`` when cut."""
    if width(s) <= cells:
        return s
    out, used = [], 0
    for c in s:
        w = char_width(c)
        if used + w > cells - 1:
            break
        out.append(c)
        used += w
    return "".join(out) + "…"


def line_width(line: Line) -> int:
    return sum(width(seg) for seg, _ in line)


def wrap(line: Line, cells: int, indent: int = 4) -> list[Line]:
    """Break a line of styled segments into lines of at most ``cells`` cells; continuation lines start
    with ``indent`` spaces. CJK text has no spaces to break at, so breaks fall between characters."""
    if line_width(line) <= cells:
        return [line]
    rows: list[Line] = [[]]
    used = 0
    for seg, style in line:
        if used > indent and used + width(seg) > cells and width(seg.strip()) <= ATOMIC <= cells - indent:
            rows.append([(" " * indent, None)])          # a short segment is not split
            used = indent
            seg = seg.lstrip(" ")
        piece: list[str] = []
        for c in seg:
            w = char_width(c)
            if used + w > cells and used > indent:
                if piece:
                    rows[-1].append(("".join(piece), style))
                rows.append([(" " * indent, None)])
                piece, used = [], indent
            piece.append(c)
            used += w
        if piece:
            rows[-1].append(("".join(piece), style))
    for row in rows[:-1]:               # a break after a space leaves it dangling at the end
        if row and row[-1][0].endswith(" "):
            row[-1] = (row[-1][0].rstrip(" "), row[-1][1])
    return rows
