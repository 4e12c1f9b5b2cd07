"""One finding per systemic problem.

A rule whose YAML carries ``aggregate: {scope: document, min: N, message: …}`` reports per line while
a condition is sporadic; once a file has N or more of its findings, they become one document finding:
at the first occurrence, with the rule's aggregate message (``{count}`` occurrences, ``{lines}``
findings, ``{sample}`` of the first distinct changes), every fix combined into one, and every original
finding kept as a related location (machine formats list them all). Suppressions ran before this step,
so a suppressed line is neither counted nor fixed."""

from __future__ import annotations

from operator import attrgetter

from ..model.diagnostic import Diagnostic, Fix

SAMPLE = 3
_START = attrgetter("start")
_SPAN = attrgetter("start", "end")


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def aggregate(diags: list[Diagnostic], rules, text: str) -> list[Diagnostic]:
    specs = {r.code: (r.aggregate, r) for r in rules if getattr(r, "aggregate", None)}
    if not specs or not diags:
        return diags
    by_code: dict[str, list[Diagnostic]] = {}
    for d in diags:
        if d.code in specs:
            by_code.setdefault(d.code, []).append(d)
    merged = {code: _merge(found, *specs[code], text) for code, found in by_code.items()
              if len(found) >= specs[code][0].get("min", 5)}
    if not merged:
        return diags
    return [d for d in diags if d.code not in merged] + list(merged.values())


def _merge(found: list[Diagnostic], spec: dict, rule, text: str) -> Diagnostic:
    found = sorted(found, key=_START)
    first = found[0]
    fixes = [d.fix for d in found]
    fix = None
    if all(fixes):
        edits = tuple(sorted([e for f in fixes for e in f.edits], key=_SPAN))
        fix = Fix(edits, safe=all(f.safe for f in fixes), description=fixes[0].description)
    count = len(fix.edits) if fix else len(found)
    message = spec.get("message", rule.message).format_map(
        _Missing(count=count, lines=len(found), sample=_sample(fix, found, text)))
    return Diagnostic(code=first.code, name=first.name, severity=first.severity, message=message,
                      path=first.path, start=first.start, end=first.end, fix=fix, expected=first.expected,
                      found=first.found, related=[(d.start, d.end, d.message) for d in found],
                      location=first.location)


def _sample(fix: Fix | None, found: list[Diagnostic], text: str) -> str:
    """The first distinct changes (``區→区``, a deleted ``(qū)``), or the first findings' found text."""
    shown: dict[str, None] = {}
    items = ((text[e.start:e.end], e.replacement) for e in fix.edits) if fix else (
        (d.found or text[d.start:d.end], None) for d in found)
    for old, new in items:
        if not new and fix:
            # a deletion shows what goes without the spaces around it; a deleted space as words
            old = old.strip() or "删除空格"
        shown[old if not new else f"{old}→{new}"] = None
        if len(shown) > SAMPLE:
            break
    out = list(shown)
    return "、".join(out[:SAMPLE]) + ("…" if len(out) > SAMPLE else "")
