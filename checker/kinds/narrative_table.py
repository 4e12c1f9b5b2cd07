"""Numbers stated in prose against the statistics table, when both exist (“本年新收申请120件” vs
表三 一、本年新收 总计). Quantities are patterns in the rule's params with the cells they must equal
(summed when several)."""

from __future__ import annotations

from ..tables.extract import document_tables
from ..tables.locate import cell_related
from ..tables.prose import compile_quantities, stated_quantity
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
        value = sum(tables[t].value(r, c) for t, r, c in refs)
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
