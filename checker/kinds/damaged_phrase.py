"""A fixed phrase of government writing copied with a character dropped, swapped or moved
(checker/contamination/phrases.py). Unsafe fix: the intact phrase."""

from __future__ import annotations

from ..contamination.phrases import find
from ..model.diagnostic import Edit, Fix


def check(doc, rule):
    text = doc.text
    for d in find(text):
        s, e = doc.orig_span(d.start, d.end)
        fix = Fix((Edit(s, e, d.phrase),), safe=False, description=f"改为“{d.phrase}”")
        yield rule.diag(doc, d.start, d.end, fix=fix, found=text[d.start:d.end], expected=d.phrase, how=d.how)
