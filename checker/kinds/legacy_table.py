"""The pre-2019 统计表 (本年度 | 历年累计 per row): its sums, and whether its numbers could be read.

``check: relations`` — each ``relations`` entry (a total row and its part rows, named by label) in
both columns, when every number of the table was read with certainty; ``check: unsplit`` — once per
table, when the numbers were run together and could not be split in exactly one way (nothing of the
table is then checked: a guessed split is never used for arithmetic).
"""

from __future__ import annotations

from ..tables.legacy import find_table, resolve
from ..tables.model import squash
from ..tables.render import format_number

COLUMNS = ("本年度", "历年累计")


def check(doc, rule):
    table = _table(doc, rule)
    if table is None:
        return
    if rule.params.get("check", "relations") == "unsplit":
        if table.ambiguous:
            sample = next((r for r in table.rows if len(r.digits) > 2), table.rows[0])
            yield rule.diag(doc, sample.start, sample.end, sample=doc.text[sample.start:sample.end],
                            rows=len(table.rows))
        return
    if table.ambiguous:
        return
    for total, parts in _relations(table, rule.params.get("relations", ())):
        for c, column in enumerate(COLUMNS):
            stated = total.values[c]
            computed = sum(p.values[c] for p in parts)
            if stated == computed:
                continue
            terms = " + ".join(f"{p.label}({format_number(p.values[c])})" for p in parts)
            equation = (f"{total.label}({format_number(stated)}) ≠ {terms} = {format_number(computed)}"
                        f"  (差 {format_number(abs(stated - computed))})")
            yield rule.diag(doc, total.start, total.end, column=column, equation=equation)


def _table(doc, rule):
    """The table with its numbers resolved, once per document (both checks read it)."""
    memo = doc.cache.setdefault("tables.legacy", {})
    if "table" not in memo:
        table = find_table(doc.text)
        if table is not None:
            index = _relations_index(table, rule.params.get("relations", ()))
            prose = doc.text[:table.start] + "\n" + doc.text[table.end:]
            resolve(table, index, prose)
        memo["table"] = table
    return memo["table"]


def _find(table, name: str):
    key = squash(name)
    hits = [r for r in table.rows if r.key == key or r.key.startswith(key)]
    return hits[0] if len(hits) == 1 else None


def _relations(table, specs):
    for spec in specs:
        total = _find(table, spec["total"])
        parts = [_find(table, p) for p in spec["parts"]]
        if total is not None and all(p is not None for p in parts):
            yield total, parts


def _relations_index(table, specs):
    """The relations as (total row, part rows) indices, for the splitting constraints."""
    rows = {id(r): i for i, r in enumerate(table.rows)}
    return [(rows[id(t)], [rows[id(p)] for p in ps]) for t, ps in _relations(table, specs)]
