"""A statistics table of the other generation: 2019 trial-format tables in a 2021+ report, or
2021-format tables in a 2019/2020 report."""

from __future__ import annotations

from ..tables.extract import document_tables
from ..tables.locate import orig_span
from ..templates import get_template


def check(doc, rule):
    own = doc.template.id
    for ft in document_tables(doc).values():
        if ft.generation == own:
            continue
        first = min(ft.rows_found.values(), default=(ft.start, ft.start))
        s, e = orig_span(doc, ft, *first)
        yield rule.diag(doc, s, e, normalised=False, table=ft.tdef.name,
                        found=get_template(ft.generation).name, expected=doc.template.name,
                        year=doc.meta.year or "")
