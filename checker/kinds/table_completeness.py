"""Rows or columns of a statistics table that the report left out, and row labels that differ from the
template's wording.

``check: rows`` — template rows whose label was not found (table 四: cells missing from its one row).
``check: columns`` — columns absent from the header, or rows with fewer values than columns.
``check: labels`` — rows recognised by a misspelt label (tables.labels, ``label_typos``).
A table the reader could not put together (``incomplete``: a page break it could not join) is not
checked for rows or columns: what is missing is the extraction's doing, already reported (GL601).
"""

from __future__ import annotations

from ..tables.extract import document_tables
from ..tables.locate import orig_span


def check(doc, rule):
    what = rule.params.get("check", "rows")
    for ft in document_tables(doc).values():
        if what == "labels":
            yield from _labels(doc, rule, ft)
        elif not ft.incomplete:
            yield from (_rows(doc, rule, ft) if what == "rows" else _columns(doc, rule, ft))


def _at(doc, ft, row=None):
    span = ft.rows_found.get(row) if row else None
    if span is None:
        span = min(ft.rows_found.values(), default=(ft.start, ft.start))
    return orig_span(doc, ft, *span)


def _labels(doc, rule, ft):
    tdef = ft.tdef
    for rid, found in ft.label_typos.items():
        s, e = _at(doc, ft, rid)
        yield rule.diag(doc, s, e, normalised=False, table=tdef.name, found=found, expected=tdef.rows[rid].label)


def _rows(doc, rule, ft):
    tdef = ft.tdef
    if tdef.flat:
        missing = [c for c in tdef.cells if c not in ft.index]
        names = [tdef.cell_name(*c) for c in missing]
    else:
        missing = [r for r in tdef.data_rows if r not in ft.rows_found]
        names = [tdef.rows[r].label for r in missing]
    if missing:
        s, e = _at(doc, ft)
        yield rule.diag(doc, s, e, normalised=False, table=tdef.name, count=len(names),
                        items="、".join(names[:8]) + ("等" if len(names) > 8 else ""))


def _columns(doc, rule, ft):
    tdef = ft.tdef
    if tdef.flat:
        return
    if ft.header_found:
        shown = [c for c in tdef.columns if c not in ft.columns_found]
        if shown and len(shown) < len(tdef.columns):
            s, e = _at(doc, ft)
            yield rule.diag(doc, s, e, normalised=False, table=tdef.name,
                            items="、".join(tdef.columns[c].label for c in shown), what="表头缺少列")
    for rid in ft.short_rows:
        n = sum(1 for c in tdef.columns_of(rid) if (rid, c) in ft.index)
        s, e = _at(doc, ft, rid)
        yield rule.diag(doc, s, e, normalised=False, table=tdef.name, items=tdef.rows[rid].label,
                        what=f"该行只有 {n} 个数，应为 {len(tdef.columns_of(rid))} 个")
