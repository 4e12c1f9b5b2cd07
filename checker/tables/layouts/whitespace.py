"""Cells separated by runs of spaces or tabs: column-aligned text, or a whole table flattened onto a
few lines by a web page's text extraction. Blank cells cannot be seen in this layout; ``|`` counts as
a separator."""

from __future__ import annotations

from ... import lazy_re
from ...model.table import RawTable
from . import lines

NAME = "whitespace"
_TOKEN = lazy_re.compile(r"[^\s|｜]+")


def parse(text: str, start: int, end: int) -> RawTable:
    from ...model.table import RawCell

    rows = []
    for line, pos in lines(text, start, end):
        row = [RawCell(m.group(), pos + m.start(), pos + m.end()) for m in _TOKEN.finditer(line)]
        if row:
            rows.append(row)
    return RawTable(rows, start, end, origin=f"text:{NAME}")


def tokens(text: str, start: int, end: int):
    """``parse``'s cells as flat lists (see layouts.flatten). A token never spans a line break, so one
    scan of the whole span finds the same tokens as one scan per line."""
    found = list(_TOKEN.finditer(text, start, end))
    return [m.group() for m in found], [m.start() for m in found], [m.end() for m in found]


def render(grid, flat: bool = False) -> str:
    if flat:
        return " ".join(c.text for row in grid for c in row if c.text)
    heads = ["  ".join(c.text for c in row if c.kind != "value") for row in grid]
    width = max((len(h) for h, row in zip(heads, grid) if any(c.kind == "value" for c in row)), default=0)
    vwidth = max((len(c.text) for row in grid for c in row if c.kind == "value"), default=1) + 2
    out = []
    for head, row in zip(heads, grid):
        values = "".join(c.text.rjust(vwidth) for c in row if c.kind == "value")
        out.append((head.ljust(width) + values).rstrip() if values else head)
    return "\n".join(out)
