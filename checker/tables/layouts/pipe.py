"""One table row per line, cells separated by ``|`` (web copies of HTML tables, Markdown-ish text).

Empty pieces between bars are blank cells; a bar at either end of a line is an edge, not a cell. A line
without bars inside the table is the rest of a cell broken across lines (``商业\\n企业 | …``).
"""

from __future__ import annotations

import re

from ...model.table import RawTable
from . import break_label, cell, lines

NAME = "pipe"
_BAR = re.compile(r"[|｜]")


def parse(text: str, start: int, end: int) -> RawTable:
    rows = []
    for line, pos in lines(text, start, end):
        if not line.strip():
            continue
        bars = [m.start() for m in _BAR.finditer(line)]
        if not bars:
            rows.append([cell(line, pos, 0, len(line))])
            continue
        bounds = [-1, *bars, len(line)]
        pieces = [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]
        if not line[:bars[0]].strip():
            pieces = pieces[1:]
        if pieces and not line[bars[-1] + 1:].strip():
            pieces = pieces[:-1]
        rows.append([cell(line, pos, s, e) for s, e in pieces])
    return RawTable(rows, start, end, origin=f"text:{NAME}")


def render(grid, edges: bool = False, break_labels: bool = False) -> str:
    out = []
    for row in grid:
        texts = [break_label(c.text) if break_labels and c.kind != "value" else c.text for c in row]
        line = " | ".join(texts)
        out.append(f"| {line} |" if edges else line)
    return "\n".join(out)
