"""A statistics table of the other generation: 2019 trial-format tables in a 2021+ report, or
2021-format tables in a 2019/2020 report. The report year decides the generation; a table is only
taken for the other one when it shows that generation's own rows or columns (tables.extract), and the
finding names them, once per table."""

from __future__ import annotations

from ..tables.extract import differences, document_tables
from ..tables.locate import orig_span
from ..tables.model import tables_for
from ..templates import get_template

MAX_NAMED = 6


def check(doc, rule):
    own = doc.template.id
    for ft in document_tables(doc).values():
        if ft.generation == own or ft.incomplete:
            continue
        extra, lacking = differences(ft, tables_for(own).get(ft.tdef.id))
        first = min(ft.rows_found.values(), default=(ft.start, ft.start))
        s, e = orig_span(doc, ft, *first)
        expected = doc.template.name
        items = f"有{_quoted(extra)}" + (f"，没有{expected}的{_quoted(lacking)}" if lacking else "")
        yield rule.diag(doc, s, e, normalised=False, table=ft.tdef.name, items=items,
                        found=get_template(ft.generation).name, expected=expected, year=doc.meta.year or "")


def _quoted(names: list[str]) -> str:
    shown = "".join(f"“{n}”" for n in names[:MAX_NAMED])
    return shown + ("等" if len(names) > MAX_NAMED else "")
