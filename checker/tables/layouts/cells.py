"""One cell per line, with or without a trailing ``|``, usually with a blank line between cells
(text copied out of a web page's HTML table).

When cells are separated by blank lines, each extra blank line is a blank cell; a line holding only
``|`` is a blank cell either way.
"""

from __future__ import annotations

from ... import lazy_re
from ...model.table import RawCell, RawTable
from . import cell, lines

NAME = "cells"
_BAR = lazy_re.compile(r"[|｜]\s*$")


def parse(text: str, start: int, end: int) -> RawTable:
    items = list(lines(text, start, end))
    gaps, run, seen = [], 0, False
    for line, _pos in items:
        if line.strip():
            if seen:
                gaps.append(run)
            seen, run = True, 0
        else:
            run += 1
    spaced = bool(gaps) and sum(1 for g in gaps if g >= 1) > len(gaps) / 2
    rows: list[list[RawCell]] = []
    run = 0
    seen = False
    for line, pos in items:
        if not line.strip():
            run += 1
            continue
        if seen:
            blanks = run - 1 if spaced else run
            rows.extend([[RawCell("", pos, pos)]] * max(blanks, 0))
        seen, run = True, 0
        bar = _BAR.search(line)
        c = cell(line, pos, 0, bar.start() if bar else len(line))
        rows.append([c])
    return RawTable(rows, start, end, origin=f"text:{NAME}")


def render(grid, bar: bool = False) -> str:
    out = []
    for row in grid:
        for c in row:
            text = c.text
            if bar:
                text = f"{text} |" if text else "|"
            out.append(text)
    return "\n\n".join(out)
