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
        row, s = [], 0
        for piece in line.split("\t"):
            row.append(cell(line, pos, s, s + len(piece)))
            s += len(piece) + 1
        rows.append(row)
    return RawTable(rows, start, end, origin=f"text:{NAME}")


def render(grid) -> str:
    return "\n".join("\t".join(c.text for c in row) for row in grid)
