"""Positions and names of table cells for diagnostics, and the suspect cell of a failed relation."""

from __future__ import annotations

from collections import Counter

from .extract import document_tables
from .model import FilledTable
from .relations import Instance, failures


def orig_span(doc, ft: FilledTable, start: int, end: int) -> tuple[int, int]:
    return doc.orig_span(start, end) if ft.normalised else (start, end)


def cell_related(doc, ft: FilledTable, cells) -> list[tuple[int, int, str]]:
    out = []
    for r, c in cells:
        s, e = ft.span(r, c)
        if s >= 0:
            s, e = orig_span(doc, ft, s, e)
            out.append((s, e, ft.tdef.cell_name(r, c)))
    return out


def failing_instances(doc, tid: str) -> list[tuple[str, Instance]]:
    """Failed instances of every built-in relation on table ``tid`` (evidence for localising a wrong
    cell), computed once per document."""
    memo = doc.cache.setdefault("tables.failing", {})
    if tid not in memo:
        from ..engine.loader import builtin_rules

        ft = document_tables(doc).get(tid)
        found = []
        if ft is not None:
            for rule in builtin_rules():
                if rule.kind == "relation" and rule.params.get("table") == tid:
                    found.extend((rule.code, i) for i in failures(rule.compiled, ft))
        memo[tid] = found
    return memo[tid]


def suspect(doc, ft: FilledTable, code: str, inst: Instance):
    """The one cell of ``inst`` that other failed equations also contain most often, if unique."""
    mine = set(inst.cells)
    counts: Counter = Counter()
    for other_code, other in failing_instances(doc, ft.tdef.id):
        if other_code == code and other.where == inst.where:
            continue
        for cell in mine.intersection(other.cells):
            counts[cell] += 1
    if not counts:
        return None
    ranked = counts.most_common(2)
    if len(ranked) == 2 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]
