"""GL901: a suppression marker that suppressed nothing, or names a code no rule has.

Runs after the other rules and after suppression (the runner checks ``AFTER_SUPPRESSIONS``), because
only then is it known which markers were used."""

from __future__ import annotations

from ..engine.loader import builtin_rules
from ..model.diagnostic import Edit, Fix
from ..suppress import unused

AFTER_SUPPRESSIONS = True
_REMOVABLE = {"disable-line", "disable-next-line", "disable-file"}   # ranges also need their enable removed


def _removal(text: str, start: int, end: int) -> Edit:
    """Delete the marker; when it stands alone on its line, delete the line too."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if not (text[line_start:start] + text[end:line_end]).strip():
        return Edit(line_start, min(line_end + 1, len(text)), "")
    while start > line_start and text[start - 1] in " \t":
        start -= 1
    return Edit(start, end, "")


def check(doc, rule):
    known = {r.code for r in builtin_rules()} | doc.cache.get("suppressions", ([], set()))[1]
    findings = list(unused(doc, known))
    unused_codes: dict[int, int] = {}
    for m, _code, reason in findings:
        unused_codes[id(m)] = unused_codes.get(id(m), 0) + (reason == "unused")
    for m, code, reason in findings:
        label = code or "（全部规则）"
        detail = f"中的 {label} 不是已知的规则代码或前缀" if reason == "unknown" else (
            f"未抑制任何 {label} 问题" if code else "未抑制任何问题")
        whole = unused_codes[id(m)] == len(m.codes or ("",))
        fix = None
        if whole and m.kind in _REMOVABLE:
            fix = Fix((_removal(doc.source.text, m.start, m.end),), safe=True, description="删除未使用的抑制标记")
        yield rule.diag(doc, m.start, m.end, normalised=False, fix=fix, marker=m.text, detail=detail)
