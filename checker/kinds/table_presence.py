"""A table section (二, 三, 四) without its statistics table, or with the table's labels but no numbers.

``check: missing`` — the section heading is there, the table is not (neither in the text under the
heading nor among the reader's structured tables). ``check: no-numbers`` — labels found, every cell
empty. ``check: attachment`` — a table is missing and the report lists attached files: a note that
the tables may be there.
"""

from __future__ import annotations

import re

from .. import lazy_re
from ..tables.extract import document_tables
from ..tables.locate import orig_span
from ..tables.model import tables_for

_ATTACHMENT = lazy_re.compile(r"^.*\.(?:docx?|pdf|xlsx?|wps|et|ofd)\s*$", re.M | re.I)


def check(doc, rule):
    what = rule.params.get("check", "missing")
    found = document_tables(doc)
    if what == "no-numbers":
        yield from _no_numbers(doc, rule, found)
        return
    missing = [(tdef, s) for tdef, s in _sections(doc) if tdef.id not in found]
    if what == "missing":
        for tdef, section in missing:
            h = section.heading
            yield rule.diag(doc, h.start, h.end, number=tdef.section, title=tdef.title, table=tdef.name)
    elif missing:
        m = _ATTACHMENT.search(doc.text, missing[-1][1].body_start)
        if m:
            names = "、".join(t.name for t, _ in missing)
            yield rule.diag(doc, m.start(), m.end(), tables=names, attachment=m.group().strip())


def _sections(doc):
    for tdef in tables_for(doc.template.id).values():
        section = doc.structure.section_for(tdef.section)
        if section is not None:
            yield tdef, section


def _no_numbers(doc, rule, found):
    from ..tables.layouts.runs import unread_keys

    for ft in found.values():
        # numbers run together are GL218's; numbers of short rows that could not be placed GL219's
        if not ft.has_numbers() and not ft.unplaced and not unread_keys(doc, ft):
            first = min((v for v in ft.rows_found.values()), default=(ft.start, ft.start))
            s, e = orig_span(doc, ft, *first)
            yield rule.diag(doc, s, e, normalised=False, table=ft.tdef.name, title=ft.tdef.title)
