"""An arithmetic relation between cells of a statistics table, given as data in the rule's params
(``expr`` over template cell ids, ``for_each_column`` / ``for_each_row``). One kind for every relation."""

from __future__ import annotations

from ..tables.extract import document_tables
from ..tables.locate import cell_related, orig_span, suspect
from ..tables.relations import compile_relation, failures


def compile(params):
    return compile_relation(params)


def check(doc, rule):
    rel = rule.compiled
    ft = document_tables(doc).get(rel.table)
    if ft is None:
        return
    tdef = ft.tdef
    for inst in failures(rel, ft):
        bad = suspect(doc, ft, rule.code, inst)
        target = bad or inst.cells[0]
        s, e = orig_span(doc, ft, *ft.span(*target))
        where = f"“{inst.where}”列" if rel.scope == "column" else (
            f"“{inst.where}”" if tdef.flat else f"“{inst.where}”行")
        hint = f"；疑为“{tdef.cell_name(*bad)}”有误" if bad else ""
        d = rule.diag(doc, s, e, normalised=False, table=tdef.name, where=where, equation=inst.equation(),
                      hint=hint)
        d.related = [r for r in cell_related(doc, ft, dict.fromkeys(inst.cells)) if (r[0], r[1]) != (s, e)]
        yield d
