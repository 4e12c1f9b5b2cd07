"""Cells of a statistics table that hold no usable number.

``check: blank`` — blank, “/”, “—” or other non-numeric cells: one finding per table (a table left
partly blank is one systemic defect, not one per row), every cell a related location. Whether that
is a problem is a policy (the template does not say): ``doc.options["blank_cell_policy"]`` —
``ignore``, ``info``, ``warn`` (default) or ``error`` — overrides the rule's severity. Such a cell is
not a 0: the relations report an equation with one only when no number in it could make it hold.
``check: blank-total`` — a stated total left blank while its parts hold numbers, per table: the
``relations`` (left side: the total) say which cells are totals of which.
``check: unread`` — numbers run together that could not be split with certainty (layouts.runs):
once per table, those cells checked by nothing.
``check: domain`` — negative numbers, and fractions in count columns (only amounts may be decimal,
only 本年增/减 may be negative).
"""

from __future__ import annotations

from ..model.diagnostic import Severity
from ..tables.extract import document_tables
from ..tables.labels import ODD, PLAIN
from ..tables.layouts.runs import unread_keys
from ..tables.locate import cell_related, orig_span
from ..tables.model import BLANK, NA, NUMBER
from ..tables.relations import compile_relation, stated_totals
from ..tables.render import format_number

POLICIES = {"warn": Severity.WARNING, "error": Severity.ERROR, "info": Severity.INFO}
_STATE_NAMES = {BLANK: "空白", NA: "“{text}”", "text": "“{text}”"}
MAX_LISTED = 6          # rows named in the message; the related locations carry every cell


def compile(params):
    return tuple(compile_relation(r) for r in params.get("relations", ()))


def check(doc, rule):
    what = rule.params.get("check", "blank")
    for ft in document_tables(doc).values():
        if what == "blank":
            yield from _blank(doc, rule, ft)
        elif what == "blank-total":
            yield from _blank_totals(doc, rule, ft)
        elif what == "unread":
            yield from _unread(doc, rule, ft)
        else:
            yield from _domain(doc, rule, ft)


def _blank(doc, rule, ft):
    policy = doc.options.get("blank_cell_policy") or rule.params.get("policy", "warn")
    if policy not in POLICIES:
        return
    codes = ft.cell_codes()
    numbers = codes.count(PLAIN) + codes.count(ODD)
    if numbers == 0 or numbers == len(codes):
        return        # an entirely empty table is one finding (GL203); or nothing blank
    tdef = ft.tdef
    rows = []
    unread = set(unread_keys(doc, ft))
    for rid in tdef.data_rows:
        bad = [(c, cell) for c in tdef.columns_of(rid)
               if (cell := ft.classified(rid, c)) is not None and cell.state != NUMBER and (rid, c) not in unread]
        if bad:
            rows.append((rid, bad))
    if not rows:
        return
    keys = [(rid, c) for rid, bad in rows for c, _ in bad]
    s, e = orig_span(doc, ft, *ft.span(*keys[0]))
    listed = "；".join(f"{_row_name(tdef, rid)}：" + "、".join(_cell_text(tdef, c, cell) for c, cell in bad)
                      for rid, bad in rows[:MAX_LISTED])
    if len(rows) > MAX_LISTED:
        listed += f"；等 {len(rows)} 行"
    d = rule.diag(doc, s, e, normalised=False, table=tdef.name, count=len(keys), total=len(codes),
                  rows=len(rows), cells=listed, found=rows[0][1][0][1].text.strip())
    d.severity = POLICIES[policy]
    d.related = cell_related(doc, ft, keys[1:])
    yield d


def _cell_text(tdef, c: str, cell) -> str:
    return f"{tdef.columns[c].short}（{_STATE_NAMES[cell.state].format(text=cell.text.strip())}）"


def _unread(doc, rule, ft):
    keys = unread_keys(doc, ft)
    if not keys:
        return
    tdef = ft.tdef
    rows = list(dict.fromkeys(r for r, _ in keys))
    s, e = orig_span(doc, ft, *ft.span(*keys[0]))
    names = "、".join(_row_name(tdef, r) for r in rows[:MAX_LISTED]) + (f" 等 {len(rows)} 行" if len(rows) > MAX_LISTED else "")
    a, b = ft.span(*keys[0])
    sample = (doc.text if ft.normalised else doc.source.text)[a:b]
    d = rule.diag(doc, s, e, normalised=False, table=tdef.name, rows=len(rows), names=names, sample=sample)
    d.related = cell_related(doc, ft, keys[1:])
    yield d


def _blank_totals(doc, rule, ft):
    found = stated_totals(rule.compiled, ft)
    if not found:
        return
    tdef = ft.tdef
    first = found[0][0]
    s, e = orig_span(doc, ft, *ft.span(*first))
    listed = "、".join(f"{tdef.cell_name(*key)}（分项合计 {format_number(parts)}）" for key, parts in found[:MAX_LISTED])
    if len(found) > MAX_LISTED:
        listed += f" 等 {len(found)} 处"
    d = rule.diag(doc, s, e, normalised=False, table=tdef.name, count=len(found), cells=listed)
    d.related = cell_related(doc, ft, [key for key, _ in found[1:]])
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
