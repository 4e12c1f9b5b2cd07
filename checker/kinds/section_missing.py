"""A section the template requires does not appear.

``loose_severity`` (optional): the severity for a template without a fixed national structure
(``order: loose``, before 2019), where local formats merged or renamed the 《条例》 topics.
"""

from __future__ import annotations

from ..model.diagnostic import Severity


def check(doc, rule):
    structure = doc.structure
    present = {s.template.index for s in structure.sections if s.template is not None}
    loose = rule.params.get("loose_severity") if doc.template.order == "loose" else None
    for sec in doc.template.sections:
        if not sec.required or sec.index in present:
            continue
        at = _insertion_point(structure, sec.index, len(doc.text))
        d = rule.diag(doc, at, at, number=sec.number, title=sec.title, template=doc.template.name,
                      expected=f"{sec.number}、{sec.title}", found="（缺失）")
        if loose:
            d.severity = Severity.parse(loose)
        yield d


def _insertion_point(structure, index: int, default: int) -> int:
    """Where the section should stand: at the first later section present, else at the end."""
    later = [s for s in structure.sections if s.template is not None and s.template.index > index]
    return min((s.heading.start for s in later), default=default)
