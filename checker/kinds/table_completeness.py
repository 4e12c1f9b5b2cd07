"""Rows or columns of a statistics table that the report left out, and row labels that differ from the
template's wording.

``check: rows`` — template rows whose label was not found (table 四: cells missing from its one row).
``check: columns`` — columns absent from the header, or rows with fewer values than columns.
``check: labels`` — rows recognised by a misspelt label (tables.labels, ``label_typos``).
``check: unplaced`` — rows of aligned or run-together text with fewer values than columns: a blank
cell leaves no mark there, so the values were not placed and the rows are checked by nothing; once
per table (``columns`` reports short rows only where blanks would show).
A table the reader could not put together (``incomplete``: a page break it could not join) is not
checked for rows or columns: what is missing is the extraction's doing, already reported (GL601). In
a document that ends inside a table (a truncated copy), what would follow the cut is not reported.
"""

from __future__ import annotations

from ..tables.extract import document_tables
from ..tables.locate import orig_span


def check(doc, rule):
    what = rule.params.get("check", "rows")
    for ft in document_tables(doc).values():
        if what == "labels":
            yield from _labels(doc, rule, ft)
        elif what == "unplaced":
            yield from _unplaced(doc, rule, ft)
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
        yield rule.diag(doc, s, e, normalised=False, table=tdef.name, what=f"的行名写作“{found}”",
                        expected=tdef.rows[rid].label, found=found)
    unnamed = _unnamed_columns(ft) if not ft.incomplete else []
    if unnamed:
        s, e = _at(doc, ft)
        yield rule.diag(doc, s, e, normalised=False, table=tdef.name,
                        what="的表头缺少栏目名称（各行数字齐全，按模板的列序读取）",
                        expected="、".join(tdef.columns[c].label for c in unnamed))


def _unnamed_columns(ft) -> list[str]:
    """Columns whose header label was not found (garbled, cut short: “现行有效件”, “本年新”) although
    every row that has the column gave all its numbers: the numbers are not in doubt, the header is."""
    tdef = ft.tdef
    if tdef.flat or not ft.header_found:
        return []
    rows = [r for r in ft.rows_found if tdef.rows[r].data and r not in ft.short_rows]
    return [c for c in tdef.columns if c not in ft.columns_found
            and any(c in tdef.columns_of(r) for r in rows)
            and all((r, c) in ft.index for r in rows if c in tdef.columns_of(r))
            and not any(r in ft.short_rows for r in tdef.data_rows if c in tdef.columns_of(r))]


CUT_FRAGMENT = 12      # characters of an unfinished last line after the table


def _cut_off(doc, ft) -> bool:
    """Does the document end inside this table (a truncated copy: nothing but blanks after its last
    cell)? What is missing after that point was cut off with the rest of the report, which the
    structure rules already report (GL101), not left out of the table."""
    last = max(ft.source.ends, default=-1)       # unplaced cells have -1: the largest is a placed one's
    text = doc.text if ft.normalised else doc.source.text
    rest = text[last:].strip(" \t\r\n\u3000|｜") if last >= 0 else "\n"
    # nothing more, or one unfinished line (“三、本”: the next row label, cut mid-word)
    return not rest or ("\n" not in rest and len(rest) <= CUT_FRAGMENT and rest[-1] not in "。；;！？）)")


def _before_cut(items: list, present, cut: bool) -> list:
    """``items`` (template order) up to the last one present when the table is cut off, else all."""
    if not cut:
        return items
    last = max((i for i, x in enumerate(items) if present(x)), default=-1)
    return items[:last + 1]


def _rows(doc, rule, ft):
    tdef = ft.tdef
    cut = _cut_off(doc, ft)
    if tdef.flat:
        cells = _before_cut(list(tdef.cells), lambda c: c in ft.index, cut)
        missing = [c for c in cells if c not in ft.index]
        names = [tdef.cell_name(*c) for c in missing]
    else:
        rows = _before_cut(list(tdef.data_rows), lambda r: r in ft.rows_found, cut)
        missing = [r for r in rows if r not in ft.rows_found]
        names = [tdef.rows[r].label for r in missing]
    if missing:
        s, e = _at(doc, ft)
        yield rule.diag(doc, s, e, normalised=False, table=tdef.name, count=len(names),
                        items="、".join(names[:8]) + ("等" if len(names) > 8 else ""))


def _columns(doc, rule, ft):
    tdef = ft.tdef
    if tdef.flat:
        return
    cut = _cut_off(doc, ft)
    if ft.header_found:
        reached = {c for r in ft.rows_found for c in tdef.columns_of(r)} if cut else set(tdef.columns)
        unnamed = set(_unnamed_columns(ft))        # the numbers are all there: GL209 says it
        shown = [c for c in tdef.columns if c not in ft.columns_found and c in reached and c not in unnamed]
        if shown and len(shown) < len(tdef.columns):
            s, e = _at(doc, ft)
            yield rule.diag(doc, s, e, normalised=False, table=tdef.name,
                            items="、".join(tdef.columns[c].label for c in shown), what="表头缺少列")
    last = _last_row(ft)
    for rid in ft.short_rows:
        if cut and rid == last or rid in ft.unplaced:
            continue                    # the copy ends inside this row, or its blanks cannot be seen
        n = sum(1 for c in tdef.columns_of(rid) if (rid, c) in ft.index)
        s, e = _at(doc, ft, rid)
        yield rule.diag(doc, s, e, normalised=False, table=tdef.name, items=tdef.rows[rid].label,
                        what=f"该行只有 {n} 个数，应为 {len(tdef.columns_of(rid))} 个")


def _last_row(ft) -> str | None:
    return max(ft.rows_found, key=lambda r: ft.rows_found[r][0], default=None)


def _unplaced(doc, rule, ft):
    if not ft.unplaced:
        return
    cut_row = _last_row(ft) if _cut_off(doc, ft) else None      # the copy ends inside it
    rows = [r for r in ft.unplaced if r != cut_row]
    if not rows:
        return
    tdef = ft.tdef
    s, e = _at(doc, ft, rows[0])
    names = [tdef.rows[r].label for r in rows]
    yield rule.diag(doc, s, e, normalised=False, table=tdef.name, count=len(rows),
                    items="、".join(names[:6]) + ("等" if len(names) > 6 else ""))
