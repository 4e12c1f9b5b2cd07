"""Numbers stated in prose against the statistics table, when both exist (“本年新收申请120件” vs
表三 一、本年新收 总计). Quantities are patterns in the rule's params with the cells they must equal
(summed when several)."""

from __future__ import annotations

from ..tables.extract import document_tables
from ..tables.locate import cell_related
from ..tables.prose import compile_quantities, stated_quantity
from ..tables.model import NUMBER
from ..tables.render import format_number


def compile(params):
    qs = compile_quantities(params["quantities"])
    cells = {q["name"]: [tuple(c) for c in q["cells"]] for q in params["quantities"]}
    return qs, cells


def check(doc, rule):
    qs, cells = rule.compiled
    tables = document_tables(doc)
    if not tables:
        return
    for q in qs:
        refs = cells[q.name]
        fts = {t for t, _, _ in refs}
        if not all(t in tables for t in fts) or any((r, c) not in tables[t].index for t, r, c in refs):
            continue
        values = [_value(tables[t], r, c) for t, r, c in refs]
        if None in values:
            continue
        value = sum(values)
        names = None
        said: set[int] = set()
        for n in stated_quantity(doc, q):
            if n.value == value or n.value in said:     # a figure repeated is one disagreement, said once
                continue
            said.add(n.value)
            if names is None:
                names = " + ".join(f"{tables[t].tdef.name}{tables[t].tdef.cell_name(r, c)}" for t, r, c in refs)
            d = rule.diag(doc, n.start, n.end, name=q.name, stated=n.value, cells=names,
                          value=format_number(value), expected=format_number(value), found=str(n.value))
            for t, r, c in refs:
                d.related.extend(cell_related(doc, tables[t], [(r, c)]))
            yield d


def _value(ft, row: str, col: str) -> float | None:
    """The cell's number; for a blank 总计, the sum of the row's other cells when at least one is a
    number (blank parts count 0); None when nothing can be said."""
    cell = ft.classified(row, col)
    if cell is not None and cell.state == NUMBER:
        return ft.value(row, col)
    if col != "total":
        return None
    parts = [c for c in ft.tdef.columns_of(row) if c != "total"]
    cells = [ft.classified(row, c) for c in parts]
    if not any(c is not None and c.state == NUMBER for c in cells):
        return None
    return sum(ft.value(row, c) for c, k in zip(parts, cells) if k is not None and k.state == NUMBER)
