"""What a batch report needs to know of a checked document besides its findings: the reporting body,
the report year and, when asked for, the statistics tables as values with their positions.

Computed in the process that checked the file (workers included), so the parent never keeps a
Document; everything here is plain data that pickles small.
"""

from __future__ import annotations


def report_facts(doc) -> dict:
    title = doc.meta.title
    agency = title.agency.strip() if title and title.agency else None
    return {"agency": agency or None, "year": doc.meta.year}


def table_snapshots(doc) -> list[dict]:
    """Each statistics table read from the report, block by block as the template lays it out: rows ×
    columns, every cell's text, state and span in the ORIGINAL text (to mark the cells a finding points at).
    Group rows without cells (``（三）不予公开``) are kept as labels."""
    from ..tables.extract import document_tables

    return [{"id": tid, "name": ft.tdef.name, "title": ft.tdef.title, "generation": ft.tdef.generation,
             "blocks": [_block(doc, ft, b) for b in ft.tdef.blocks]}
            for tid, ft in document_tables(doc).items()]


def _block(doc, ft, block) -> dict:
    from ..tables.locate import orig_span

    tdef, cells = ft.tdef, ft.cells
    rows = []
    for rid in block.rows:
        row = tdef.rows[rid]
        line = None
        if row.data:
            line = []
            for cid in block.columns:
                cell = cells.get((rid, cid))
                if cell is None:
                    line.append(None)
                    continue
                s, e = orig_span(doc, ft, cell.start, cell.end) if cell.start >= 0 else (-1, -1)
                line.append([cell.text, cell.state, s, e])
        rows.append([row.label, line])
    return {"caption": block.caption, "columns": [tdef.columns[c].label for c in block.columns], "rows": rows}
