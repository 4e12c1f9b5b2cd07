"""Section headings use the house separator (一、总体情况); ``一 概述`` is fixed safely."""

from __future__ import annotations

from ..model.diagnostic import Edit, Fix


def check(doc, rule):
    want = rule.params.get("separator", "、")
    for s in doc.structure.sections:
        h = s.heading
        if h.sep == want:
            continue
        start, end = doc.orig_span(h.sep_start, h.sep_end)
        fix = Fix((Edit(start, end, want),), safe=True, description=f"改为“{h.number_text}{want}”")
        yield rule.diag(doc, start, end, normalised=False, fix=fix, found=f"{h.number_text}{h.sep}",
                        expected=f"{h.number_text}{want}", heading=f"{h.number_text}{h.sep}{h.title}")
