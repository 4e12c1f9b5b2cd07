"""Ruled PDF tables as grids, and a table continued on the next page joined back into one.

A word processor redraws a table that crosses a page break on the new page: the outer border may move
by a few points (WPS: x 73–520 on one page, 70–523 on the next) while the inner column lines stay
where they were, the cells that span the break (vertical group labels, a label wrapped over two lines,
a row taller than the space left) are cut in two, and the header rows may be repeated. Joining
therefore compares the inner column lines, in the page's coordinates or relative to the table's left
edge, puts the continuation's cells in the first part's grid, and glues the cut cells back together.

Blank cells left of the value columns (a label cell split by a stray ruling, the bottom half of a cut
group label) are merged into the label they belong to, so that no empty cell stands between a row's
label and its numbers.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from ..model.record import MutableRecord
from .render import GridCell

DRIFT = 4.0         # how far the outer border may move between the pages of one table (points)
SNAP = 2.0          # inner column lines of one table agree within this (points)
_NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、．.]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|\d+\s*[.、．])")
_OPENING = re.compile(r"^\s*[（(]\s*[一二三四五六七八九十\d]+\s*$")      # “（四” cut before its “）”
_NUMBER = re.compile(r"^\s*[+\-−]?[\d,]+(?:\.\d+)?\s*$")


class Table(MutableRecord):
    __slots__ = ("cells", "boxes", "xs", "rows", "page", "first", "last", "notes", "continued")

    def __init__(self, cells: list[GridCell], boxes: list[tuple], xs: list[float], rows: int, page: int,
                 notes: list[str] | None = None) -> None:
        self.cells = cells
        self.boxes = boxes          # each cell's bbox (x0, top, x1, bottom), parallel to ``cells``
        self.xs = xs                # the column lines: every column's left edge, then the right border
        self.rows, self.page = rows, page
        self.first = self.last = False      # first / last block on its page
        self.notes = [] if notes is None else notes
        self.continued = False      # continues a table of the previous page that could not be joined


def grid_span(edges: list[float], start: float, end: float) -> tuple[int, int]:
    """Index of the grid line nearest ``start`` and how many grid intervals ``start..end`` covers."""
    first = _nearest(edges, start)
    return first, max(1, _nearest(edges, end) - first)


def _nearest(edges: list[float], x: float) -> int:
    """The first index of the line nearest ``x`` (``min`` over every line) in the sorted ``edges``:
    distances fall towards ``x`` and rise past it, so only the lines either side of it compete; equal
    lines before the winner tie with it."""
    i = bisect_left(edges, x)
    if i == len(edges) or (i > 0 and abs(edges[i - 1] - x) <= abs(edges[i] - x)):
        i -= 1
        best = abs(edges[i] - x)
        while i > 0 and abs(edges[i - 1] - x) == best:
            i -= 1
    return i


# -- joining -------------------------------------------------------------------------------------------

def join(blocks: list) -> list:
    """``blocks`` with every table that ends a page and continues at the top of the next one joined."""
    out: list = []
    for x in blocks:
        prev = out[-1] if out else None
        if isinstance(x, Table) and isinstance(prev, Table) and prev.last and x.first and x.page == prev.page + 1:
            if same_frame(prev, x):
                append(prev, x)
                prev.last, prev.page = x.last, x.page      # a third page may continue it again
                continue
            x.continued = True
            x.notes.append(f"第 {prev.page} 页末尾的表格在第 {x.page} 页继续，但两页的列不一致，未能合并；"
                           "跨页的行可能被拆开，涉及的勾稽关系未检查")
        out.append(x)
    for x in out:
        if isinstance(x, Table):
            tidy(x)
    return out


def same_frame(a: Table, b: Table) -> bool:
    """Outer borders within DRIFT, and the inner column lines agree — in page coordinates or once ``b``
    is moved by the drift of its left border: every line of ``b`` is one of ``a``'s (merged cells hide
    some), or ``b`` shows more lines, all inside ``a``'s label columns (the first part's rows all span
    them: 一、本年新收… over three label columns)."""
    if abs(a.xs[0] - b.xs[0]) > DRIFT or abs(a.xs[-1] - b.xs[-1]) > DRIFT:
        return False
    return _fit(a, b) is not None


def _fit(a: Table, b: Table) -> tuple[float, list[float]] | None:
    """(what to add to ``b``'s x to put it in ``a``'s coordinates, ``b``'s inner lines that ``a`` lacks,
    in ``a``'s coordinates); None when the columns do not agree."""
    inner_a = a.xs[1:-1]
    labels_end = _value_x(a) if inner_a else a.xs[0]      # no columns to go on: nothing may be added
    for shift in (0.0, a.xs[0] - b.xs[0]):
        inner_b = [x + shift for x in b.xs[1:-1]]
        extra = [x for x in inner_b if not _on(x, inner_a)]
        if not extra or (all(_on(x, inner_b) for x in inner_a) and all(x < labels_end for x in extra)):
            return shift, extra
    return None


def _on(x: float, lines: list[float]) -> bool:
    return any(abs(x - y) <= SNAP for y in lines)


def _value_x(t: Table) -> float:
    """Left edge of the first column holding a number (the label columns end there)."""
    col = _value_start(t.cells)
    return t.xs[col] if col < len(t.xs) else t.xs[0]


def append(table: Table, more: Table) -> None:
    """Rows of ``more`` below ``table``: header rows repeated on the new page dropped, the continuation's
    cells placed in the first part's columns, and cells cut by the page break glued back."""
    shift, extra = _fit(table, more) or (0.0, [])
    if extra:                   # columns the first part's merged label cells hid: regrid it
        table.xs = sorted(table.xs + extra)
        for c, box in zip(table.cells, table.boxes):
            c.col, c.colspan = grid_span(table.xs, box[0], box[2])
    skip = _repeated_header(table, more)
    n = table.rows
    edges = [x - shift for x in table.xs]       # the first part's lines in the continuation's coordinates
    kept = [(c, box) for c, box in zip(more.cells, more.boxes) if c.row >= skip]
    for c, box in kept:
        c.col, c.colspan = grid_span(edges, box[0], box[2])
        c.row -= skip
    top = [c for c, _ in kept if c.row == 0]
    bottom = {(c.col, c.colspan): c for c in table.cells if c.row + c.rowspan == n}
    values_from = _value_start(table.cells + [c for c, _ in kept])
    shared = _split_row(top, bottom, values_from)
    glued: set[int] = set()
    for t in top:
        b = bottom.get((t.col, t.colspan))
        if b is not None and (shared or _cut_label(t, b, values_from, _numbered_column(table.cells, t.col))):
            b.text = _glue(b.text, t.text)
            b.rowspan += t.rowspan - (1 if shared else 0)
            glued.add(id(t))
    offset = n - 1 if shared else n
    for c, box in kept:
        if id(c) not in glued:
            c.row += offset
            table.cells.append(c)
            table.boxes.append(box)
    table.rows = offset + more.rows - skip
    table.notes.extend(more.notes)


def _repeated_header(table: Table, more: Table) -> int:
    def row_texts(t: Table, r: int) -> list[str]:
        return [re.sub(r"\s+", "", c.text) for c in sorted((c for c in t.cells if c.row == r), key=lambda c: c.col)]

    skip = 0
    while skip < min(3, more.rows - 1) and row_texts(more, skip) and row_texts(more, skip) == row_texts(table, skip):
        skip += 1
    return skip


def _value_start(cells: list[GridCell]) -> int:
    """The first column holding a number: columns left of it hold labels."""
    cols = [c.col for c in cells if _NUMBER.match(c.text or "")]
    return min(cols) if cols else 10 ** 6


def _split_row(top: list[GridCell], bottom: dict, values_from: int) -> bool:
    """Is the continuation's first row the rest of the first part's last row (a row cut by the break)?
    Every cell then sits under a cell of that row, the numbers are on one side only, and the labels
    continue (no new numbering)."""
    if not top or any(bottom.get((t.col, t.colspan)) is None for t in top):
        return False
    pairs = [(t, bottom[(t.col, t.colspan)]) for t in top]
    values = [(t, b) for t, b in pairs if t.col >= values_from]
    one_sided = all(not t.text.strip() for t, _ in values) or all(not b.text.strip() for _, b in values)
    labels_go_on = all(not t.text.strip() or not _NUMBERED.match(t.text) for t, _ in pairs if t.col < values_from)
    return bool(values) and one_sided and labels_go_on


def _cut_label(t: GridCell, b: GridCell, values_from: int, numbered: bool) -> bool:
    """A label cell cut by the page break: the part below is empty, or it goes on without numbering in
    a column whose labels are numbered (“（四）无” / “法提供”, “三、本年度” / “办理结果” set vertically)."""
    if t.col + t.colspan > values_from:
        return False
    text = t.text.strip()
    return not text or (numbered and not _NUMBERED.match(text) and not _OPENING.match(text))


def _numbered_column(cells: list[GridCell], col: int) -> bool:
    """Do most labels starting in column ``col`` begin with a number (一、 （二） 3.)?"""
    texts = [c.text for c in cells if c.col == col and c.text.strip() and not _NUMBER.match(c.text)]
    hits = sum(1 for t in texts if _NUMBERED.match(t) or _OPENING.match(t))
    return bool(texts) and 2 * hits > len(texts)


def _glue(a: str, b: str) -> str:
    return a + ("\n" if a.strip() and b.strip() else "") + b


# -- blank label cells ---------------------------------------------------------------------------------

def tidy(table: Table) -> None:
    """Blank cells left of the value columns join the label cell on their left or above."""
    values_from = _value_start(table.cells)
    by_pos = {(c.row, c.col): c for c in table.cells}
    keep_cells, keep_boxes = [], []
    for c, box in zip(table.cells, table.boxes):
        if c.text.strip() or c.col + c.colspan > values_from or not _absorbed(c, table.cells, by_pos):
            keep_cells.append(c)
            keep_boxes.append(box)
    table.cells, table.boxes = keep_cells, keep_boxes


def _absorbed(c: GridCell, cells: list[GridCell], by_pos: dict) -> bool:
    for o in cells:
        if o is c or not o.text.strip():
            continue
        if o.row == c.row and o.rowspan == c.rowspan and o.col + o.colspan == c.col:
            o.colspan += c.colspan
            return True
        if o.col == c.col and o.colspan == c.colspan and o.row + o.rowspan == c.row:
            o.rowspan += c.rowspan
            return True
    return False
