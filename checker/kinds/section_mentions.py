"""A section must mention certain topics (e.g. the five aspects of 总体情况, 信息处理费 in 六)."""

from __future__ import annotations


def check(doc, rule):
    p = rule.params
    section = doc.structure.section_for(p["section"])
    if section is None:
        return
    body = section.body(doc.text)
    missing = [a["name"] for a in p["topics"] if not any(k in body for k in a["any"])]
    if len(missing) >= p.get("min_missing", 1):
        h = section.heading
        yield rule.diag(doc, h.start, h.end, number=section.template.number, title=section.template.title,
                        missing="、".join(missing))
