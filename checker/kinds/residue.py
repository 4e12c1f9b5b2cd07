"""Residue inside report lines, by the patterns of one section of rules/data/residue.txt:
template guidance, inline page chrome (flip-book markers, Word HTML comments), encoding placeholders.
With ``fix: safe`` the residue is deleted; otherwise the finding only points at it."""

from __future__ import annotations

from ..contamination.residue import spans
from ..model.diagnostic import Edit, Fix


def check(doc, rule):
    p = rule.params
    if "formats" in p and doc.source.format not in p["formats"]:
        return
    text = doc.text
    for start, end in spans(text, p["section"]):
        fix = None
        if p.get("fix") in ("safe", "unescape"):
            s, e = doc.orig_span(start, end)
            new = _unescape(text[start:end]) if p["fix"] == "unescape" else ""
            fix = Fix((Edit(s, e, new),), safe=True, description=p.get("fix_description", "删除"))
        yield rule.diag(doc, start, end, fix=fix, found=text[start:end], detail=_short(text[start:end]))


def _unescape(s: str) -> str:
    import html                 # its import compiles a pattern and loads the entity table: only for a finding

    return html.unescape(s)


def _short(s: str, limit: int = 40) -> str:
    return s if len(s) <= limit else s[:limit] + "…"
