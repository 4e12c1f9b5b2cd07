"""Cells separated by tab characters, one row per line (copied from Word/Excel/WPS tables).
Consecutive tabs are blank cells."""

from __future__ import annotations

from ...model.table import RawTable
from . import cell, lines

NAME = "tabs"


def parse(text: str, start: int, end: int) -> RawTable:
    rows = []
    for line, pos in lines(text, start, end):
        if not line.strip():
            continue
        bounds = [-1, *(i for i, ch in enumerate(line) if ch == "\t"), len(line)]
        rows.append([cell(line, pos, bounds[i] + 1, bounds[i + 1]) for i in range(len(bounds) - 1)])
    return RawTable(rows, start, end, origin=f"text:{NAME}")


def render(grid) -> str:
    return "\n".join("\t".join(c.text for c in row) for row in grid)
