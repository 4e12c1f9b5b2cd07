"""Cells of a statistics table that hold no usable number.

``check: blank`` — blank, “/”, “—” or other non-numeric cells, one finding per row. Whether that is a
problem is a policy (the template does not say): ``doc.options["blank_cell_policy"]`` — ``ignore``,
``warn`` (default) or ``error`` — overrides the rule's severity. Arithmetic counts such cells as 0.
``check: domain`` — negative numbers, and fractions in count columns (only amounts may be decimal,
only 本年增/减 may be negative).
"""

from __future__ import annotations

from ..model.diagnostic import Severity
from ..tables.extract import document_tables
from ..tables.labels import ODD, PLAIN
from ..tables.locate import cell_related, orig_span
from ..tables.model import BLANK, NA, NUMBER

POLICIES = {"warn": Severity.WARNING, "error": Severity.ERROR, "info": Severity.INFO}
_STATE_NAMES = {BLANK: "空白", NA: "“{text}”", "text": "“{text}”"}


def check(doc, rule):
    what = rule.params.get("check", "blank")
    for ft in document_tables(doc).values():
        yield from (_blank(doc, rule, ft) if what == "blank" else _domain(doc, rule, ft))


def _blank(doc, rule, ft):
    policy = doc.options.get("blank_cell_policy") or rule.params.get("policy", "warn")
    if policy not in POLICIES:
        return
    codes = ft.cell_codes()
    numbers = codes.count(PLAIN) + codes.count(ODD)
    if numbers == 0 or numbers == len(codes):
        return        # an entirely empty table is one finding (GL203), not one per row; or nothing blank
    tdef = ft.tdef
    for rid in tdef.data_rows:
        bad = [(c, cell) for c in tdef.columns_of(rid)
               if (cell := ft.classified(rid, c)) is not None and cell.state != NUMBER]
        if not bad:
            continue
        first = bad[0][1]
        s, e = orig_span(doc, ft, *ft.span(rid, bad[0][0]))
        cells = "、".join(f"{tdef.columns[c].short}（{_STATE_NAMES[cell.state].format(text=cell.text.strip())}）"
                         for c, cell in bad)
        d = rule.diag(doc, s, e, normalised=False, table=tdef.name, row=_row_name(tdef, rid), cells=cells,
                      count=len(bad), found=first.text.strip())
        d.severity = POLICIES[policy]
        d.related = cell_related(doc, ft, [(rid, c) for c, _ in bad[1:]])
        yield d


def _row_name(tdef, rid: str) -> str:
    return tdef.rows[rid].label if tdef.flat else tdef.rows[rid].short


def _domain(doc, rule, ft):
    if ODD not in ft.cell_codes():
        return                    # every number a non-negative integer
    tdef = ft.tdef
    for (rid, cid), cell in ft.cells.items():
        if cell.state != NUMBER:
            continue
        col = tdef.columns[cid]
        if cell.value < 0 and not col.signed:
            problem = "为负数"
        elif not col.decimal and cell.value != int(cell.value):
            problem = "不是整数"
        else:
            continue
        s, e = orig_span(doc, ft, cell.start, cell.end)
        yield rule.diag(doc, s, e, normalised=False, table=tdef.name, cell=tdef.cell_name(rid, cid),
                        value=cell.text.strip(), problem=problem)
