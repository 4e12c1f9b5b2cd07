"""A table as a logical grid of cells, the inverse of parsing: layouts turn the grid into text.

Rows follow the row-major reading of the template's Word table: a group label (三、本年度办理结果,
（三）不予公开 …) is read once, in front of its first child row, as a merged cell is.
"""

from __future__ import annotations

from ..model.record import Record
from .model import TableDef

CAPTION, HEADER, LABEL, VALUE = "caption", "header", "label", "value"


class GridCell(Record):
    __slots__ = ("text", "kind", "colspan", "rowspan")

    def __init__(self, text: str, kind: str, colspan: int = 1, rowspan: int = 1) -> None:
        self.text, self.kind, self.colspan, self.rowspan = text, kind, colspan, rowspan


def format_number(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def grid(tdef: TableDef, values: dict[tuple[str, str], object]) -> list[list[GridCell]]:
    """``values`` maps (row, column) to a number or a string ("" for a blank cell)."""
    out: list[list[GridCell]] = []
    for block in tdef.blocks:
        width = max((sum(c.colspan for c in hr) for hr in block.header), default=len(block.columns))
        if block.caption:
            out.append([GridCell(block.caption, CAPTION, colspan=width)])
        for hr in block.header:
            out.append([GridCell(c.text, HEADER, c.colspan, c.rowspan) for c in hr])
        if block.flat:
            out.append([_value(values.get((r, c), 0)) for r in block.rows for c in block.columns])
            continue
        pending: list[GridCell] = []
        for rid in block.rows:
            row = tdef.rows[rid]
            pending.append(GridCell(row.label, LABEL))
            if not row.data:
                continue
            span = 3 if len(block.columns) == 1 and width > 2 else 1
            cells = [_value(values.get((rid, c), 0), span) for c in block.columns]
            out.append(pending + cells)
            pending = []
    return out


def _value(v, colspan: int = 1) -> GridCell:
    return GridCell(v if isinstance(v, str) else format_number(v), VALUE, colspan)


def zero_values(tdef: TableDef) -> dict[tuple[str, str], int]:
    return {cell: 0 for cell in tdef.cells}


def render(tdef: TableDef, values: dict, layout: str, **options) -> str:
    from .layouts import get_layout

    return get_layout(layout).render(grid(tdef, values), **options)
