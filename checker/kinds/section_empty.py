"""A prose section with a heading and nothing under it. (Table sections are the table rules' job.)"""

from __future__ import annotations


def check(doc, rule):
    kinds = set(rule.params.get("section_kinds", ["text"]))
    text = doc.text
    for s in doc.structure.sections:
        if s.template is None or s.template.kind not in kinds:
            continue
        if not s.body(text).strip():
            h = s.heading
            yield rule.diag(doc, h.start, h.end, number=s.template.number, title=s.template.title)
