"""Cells separated by tab characters, one row per line (copied from Word/Excel/WPS tables).
Consecutive tabs are blank cells."""

from __future__ import annotations

from ...model.table import RawTable
from . import lines, raw_table, trimmed

NAME = "tabs"


def parse(text: str, start: int, end: int) -> RawTable:
    return raw_table(_rows(text, start, end), start, end, NAME)


def tokens(text: str, start: int, end: int):
    """``parse``'s cells as flat lists (see layouts.flatten), without building the RawTable: the loop of
    ``_rows`` with ``trimmed`` inlined, since every report's tables go through it."""
    texts, starts, ends = [], [], []
    for line, pos in lines(text, start, end):
        if not line.strip():
            continue
        for piece in line.split("\t"):
            stripped = piece.strip()
            n = len(piece)
            # strip hands back the piece itself when there is nothing to trim (most cells); any other
            # result takes the general offset, which is the same for an untrimmed copy
            at = pos if stripped is piece else pos + n - len(piece.lstrip())
            texts.append(stripped)
            starts.append(at)
            ends.append(at + len(stripped))
            pos += n + 1
    return texts, starts, ends


def _rows(text: str, start: int, end: int):
    for line, pos in lines(text, start, end):
        if not line.strip():
            continue
        row, s = [], pos
        for piece in line.split("\t"):
            row.append(trimmed(piece, s))
            s += len(piece) + 1
        yield row


def render(grid) -> str:
    return "\n".join("\t".join(c.text for c in row) for row in grid)
