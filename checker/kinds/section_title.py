"""A section heading whose wording differs from the template's title."""

from __future__ import annotations


def check(doc, rule):
    if not doc.template.title_check:
        return
    wanted = set(rule.params["match"])
    for s in doc.structure.sections:
        if s.template is None or s.how not in wanted:
            continue
        h = s.heading
        yield rule.diag(doc, h.title_start, h.title_end, number=s.template.number, title=s.template.title,
                        expected=f"{s.template.number}、{s.template.title}", found=f"{h.number_text}{h.sep}{h.title}")
