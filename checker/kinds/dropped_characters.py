"""Characters dropped from dates, document numbers, numbering and counts, and ? standing for a lost
character (checker/contamination/dropped.py). ``params.kinds`` picks the shapes a rule reports; an
unsafe fix is offered where the digits allow one reading only."""

from __future__ import annotations

from ..contamination.dropped import find
from ..model.diagnostic import Edit, Fix


def check(doc, rule):
    text = doc.text
    for loss in find(text, tuple(rule.params["kinds"])):
        fix = None
        if loss.repair:
            s, e = doc.orig_span(loss.start, loss.end)
            fix = Fix((Edit(s, e, loss.repair),), safe=False, description=f"恢复为“{loss.repair}”")
        yield rule.diag(doc, loss.start, loss.end, fix=fix, found=text[loss.start:loss.end],
                        expected=loss.repair or None, problem=loss.problem)
