"""One table row per line, cells separated by ``|`` (web copies of HTML tables, Markdown-ish text).

Empty pieces between bars are blank cells; a bar at the start of a line is an edge, not a cell, and so
is one at the end of a line that has one at the start. A line
without bars inside the table is the rest of a cell broken across lines (``商业\\n企业 | …``).
"""

from __future__ import annotations

from ... import lazy_re
from ...model.table import RawTable
from . import break_label, flatten, lines, raw_table, trimmed

NAME = "pipe"
_BAR = lazy_re.compile(r"[|｜]")


def parse(text: str, start: int, end: int) -> RawTable:
    return raw_table(_rows(text, start, end), start, end, NAME)


def tokens(text: str, start: int, end: int):
    """``parse``'s cells as flat lists (see layouts.flatten), without building the RawTable."""
    return flatten(_rows(text, start, end))


def _rows(text: str, start: int, end: int):
    for line, pos in lines(text, start, end):
        if not line.strip():
            continue
        bars = [m.start() for m in _BAR.finditer(line)]
        if not bars:
            yield [trimmed(line, pos)]
            continue
        bounds = [-1, *bars, len(line)]
        pieces = [(bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)]
        edged = not line[:bars[0]].strip()
        if edged:
            pieces = pieces[1:]
        # a closing bar is an edge only with an opening one: “… | 1 | 1 | ” ends in a blank 总计 (a
        # spare blank at the end of a row is dropped when the row is read anyway)
        if pieces and edged and not line[bars[-1] + 1:].strip():
            pieces = pieces[:-1]
        yield [trimmed(line[s:e], pos + s) for s, e in pieces]


def render(grid, edges: bool = False, break_labels: bool = False) -> str:
    out = []
    for row in grid:
        texts = [break_label(c.text) if break_labels and c.kind != "value" else c.text for c in row]
        line = " | ".join(texts)
        out.append(f"| {line} |" if edges else line)
    return "\n".join(out)
