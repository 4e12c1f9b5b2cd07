"""Sections out of the template's order."""

from __future__ import annotations


def check(doc, rule):
    if doc.template.order != "strict":
        return
    highest = -1
    seen: set[int] = set()
    for s in doc.structure.sections:
        if s.template is None or s.template.index in seen:
            continue
        seen.add(s.template.index)
        if s.template.index < highest:
            h = s.heading
            prev = doc.template.sections[highest]
            yield rule.diag(doc, h.start, h.end, number=s.template.number, title=s.template.title,
                            after=f"{prev.number}、{prev.title}")
        highest = max(highest, s.template.index)
