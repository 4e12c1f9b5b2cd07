"""Gambling/porn site names injected into a report (GL301 anywhere, GL302 in the agency's place,
GL305 in place of 政府信息公开). The analysis is shared: checker/contamination/spam.py."""

from __future__ import annotations

from ..contamination.spam import AGENCY, PHRASE, names, replacement_span
from ..model.diagnostic import Edit, Fix

_REPLACEMENT = {PHRASE: "政府信息公开"}


def check(doc, rule):
    role = rule.params.get("role", "free")
    agency = (doc.options.get("agency") or "").strip()
    for n in names(doc):
        if n.role != role:
            continue
        new = agency if role == AGENCY else _REPLACEMENT.get(role, "")
        fix = None
        if new:
            s, e = replacement_span(doc, n)
            fix = Fix((Edit(s, e, new),), safe=False, description=f"替换为“{new}”")
        hint = "" if new or role != AGENCY else "（用 --agency 或配置 agency 指定机关全称后可自动替换）"
        yield rule.diag(doc, n.start, n.end, fix=fix, found=n.name, expected=new or None, name=n.name, hint=hint)
