"""A section the template requires does not appear."""

from __future__ import annotations


def check(doc, rule):
    structure = doc.structure
    present = {s.template.index for s in structure.sections if s.template is not None}
    for sec in doc.template.sections:
        if not sec.required or sec.index in present:
            continue
        at = _insertion_point(structure, sec.index, len(doc.text))
        yield rule.diag(doc, at, at, number=sec.number, title=sec.title, template=doc.template.name,
                        expected=f"{sec.number}、{sec.title}", found="（缺失）")


def _insertion_point(structure, index: int, default: int) -> int:
    """Where the section should stand: at the first later section present, else at the end."""
    later = [s for s in structure.sections if s.template is not None and s.template.index > index]
    return min((s.heading.start for s in later), default=default)
