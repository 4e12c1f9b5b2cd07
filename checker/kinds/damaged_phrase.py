"""Fixed phrases of government writing copied damaged (checker/contamination/phrases.py).

mode "damaged": a character dropped, swapped or moved; mode "substituted": the middle of a
political formula or a law's name replaced by unrelated text (a spam name put in place of a word).
Unsafe fix: the phrase's own wording."""

from __future__ import annotations

from ..contamination.phrases import find, substitutions
from ..model.diagnostic import Edit, Fix


def check(doc, rule):
    text = doc.text
    if rule.params.get("mode", "damaged") == "substituted":
        for d in substitutions(text):
            yield _diag(doc, rule, d, d.how, found=text[d.start:d.end], phrase=d.phrase)
        return
    for d in find(text):
        yield _diag(doc, rule, d, d.phrase, found=text[d.start:d.end], detail=d.how)


def _diag(doc, rule, d, replacement: str, **args):
    s, e = doc.orig_span(d.start, d.end)
    fix = Fix((Edit(s, e, replacement),), safe=False, description=f"改为“{replacement}”")
    return rule.diag(doc, d.start, d.end, fix=fix, expected=replacement, **args)
