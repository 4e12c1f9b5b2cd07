"""The title's issuing body must be the report's: the configured ``agency`` and the body's
“由……编制” must agree with it. A spam name in the title is GL302's finding, not this one's."""

from __future__ import annotations

from .. import lazy_re
from ..contamination.spam import AGENCY, names
from ..model.diagnostic import Edit, Fix

_COMPILED_BY = lazy_re.compile(r"由\s*([^\s，。,；;：:“”《》]{4,40}?)\s*(?:负责)?编制")


def check(doc, rule):
    title = doc.title
    if title is None or not title.agency:
        return
    if any(n.role == AGENCY and n.name in title.agency for n in names(doc)):
        return
    configured = (doc.options.get("agency") or "").strip()
    # the configured name is authoritative (and the only one a fix may write); otherwise the body's
    expected, source = (configured, "配置的发布机关") if configured else (_body_agency(doc), "正文“由……编制”")
    if expected and not _same(title.agency, expected):
        s, e = doc.orig_span(title.agency_start, title.agency_start + len(title.agency))
        fix = Fix((Edit(s, e, expected),), safe=False, description=f"改为“{expected}”") if configured else None
        yield rule.diag(doc, title.agency_start, title.agency_start + len(title.agency), fix=fix,
                        found=title.agency, expected=expected, source=source)


def _body_agency(doc) -> str:
    m = _COMPILED_BY.search(doc.text, doc.title.end)
    return m.group(1) if m else ""


def _same(a: str, b: str) -> bool:
    a, b = a.replace(" ", ""), b.replace(" ", "")
    return a == b or a in b or b in a or _abbreviates(a, b) or _abbreviates(b, a)


def _abbreviates(short: str, full: str) -> bool:
    """An abbreviation keeps the full name's characters in order (开州区国资委 for 开州区国有资产监督
    管理委员会); both must start alike, so two different bodies of one place never pass."""
    if len(short) >= len(full) or short[:2] != full[:2]:
        return False
    rest = iter(full)
    return all(c in rest for c in short)
