"""Text layouts of a flattened table. Each module splits a span of text into cells (``parse`` →
RawTable, offsets into that text) and renders a logical grid back into the same layout (``render``),
so that tests can round-trip every layout. Which cell is a label and which a value is decided later,
by checker.tables.labels, the same way for every layout and for docx/html/pdf tables.
"""

from __future__ import annotations

from importlib import import_module

from ...model.table import RawCell, RawTable

# parse order: the first layout that maps a table best wins ties (stricter layouts first)
NAMES = ("pipe", "tabs", "cells", "pdf", "whitespace", "runs")

# Render variants used by `govlint template` and the tests: name -> (module, render options)
RENDERINGS = {
    "pipe": ("pipe", {}),
    "pipe-edges": ("pipe", {"edges": True}),
    "pipe-broken": ("pipe", {"break_labels": True}),
    "cells": ("cells", {}),
    "cells-bar": ("cells", {"bar": True}),
    "tabs": ("tabs", {}),
    "aligned": ("whitespace", {}),
    "flat": ("whitespace", {"flat": True}),
    "pdf": ("pdf", {}),
}


def get_module(name: str):
    return import_module(f"{__package__}.{name}")


class _Rendering:
    def __init__(self, module, options):
        self.module, self.options = module, options

    def render(self, grid, **extra) -> str:
        return self.module.render(grid, **{**self.options, **extra})


def get_layout(name: str):
    mod, opts = RENDERINGS[name]
    return _Rendering(get_module(mod), opts)


def cell(text: str, base: int, s: int, e: int) -> RawCell:
    """A cell for ``text[s:e]`` with surrounding whitespace trimmed; ``base`` offsets the positions."""
    return RawCell(*trimmed(text[s:e], base + s))


def trimmed(piece: str, at: int) -> tuple[str, int, int]:
    """(text, start, end) of ``piece`` (found at offset ``at``) without surrounding whitespace."""
    stripped = piece.strip()
    if len(stripped) == len(piece):
        return piece, at, at + len(piece)
    start = at + len(piece) - len(piece.lstrip())
    return stripped, start, start + len(stripped)


def flatten(rows) -> tuple[list[str], list[int], list[int]]:
    """Rows of (text, start, end) as the parallel lists label mapping reads: cells in row-major order."""
    texts, starts, ends = [], [], []
    for row in rows:
        for t, s, e in row:
            texts.append(t)
            starts.append(s)
            ends.append(e)
    return texts, starts, ends


def raw_table(rows, start: int, end: int, name: str) -> RawTable:
    return RawTable([[RawCell(*c) for c in row] for row in rows], start, end, origin=f"text:{name}")


def lines(text: str, start: int, end: int):
    """(line text, offset) for every line of ``text[start:end]``."""
    pos = start
    for line in text[start:end].split("\n"):
        yield line.rstrip("\r"), pos
        pos += len(line) + 1


BREAK_MIN = 6


def break_label(text: str) -> str:
    """Break a long label in two lines as a narrow Word/PDF cell does (never right after its number,
    so the first line cannot read as a section heading)."""
    if len(text) < 2 * BREAK_MIN - 2:
        return text
    cut = max(len(text) // 2, BREAK_MIN)
    return text[:cut] + "\n" + text[cut:]


def cjk_char(text: str) -> bool:
    """A single CJK ideograph or CJK punctuation mark. A string test: a regex class this wide takes
    ~0.7 ms to compile at every start."""
    return len(text) == 1 and ("\u3400" <= text <= "\u9fff" or text in "（）()、，“”")
