"""The same template section appears under more than one heading."""

from __future__ import annotations


def check(doc, rule):
    first: dict[int, object] = {}
    for s in doc.structure.sections:
        if s.template is None:
            continue
        if s.template.index in first:
            h = s.heading
            line, _ = doc.source.line_col(doc.orig_span(first[s.template.index].heading.start, 0)[0])
            yield rule.diag(doc, h.start, h.end, number=s.template.number, title=s.template.title, line=line)
        else:
            first[s.template.index] = s
