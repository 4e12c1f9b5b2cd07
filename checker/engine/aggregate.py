"""One finding per systemic problem.

A rule whose YAML carries ``aggregate: {scope: document, min: N, message: …}`` reports per line while
a condition is sporadic; once a file has N or more of its findings, they become one document finding:
at the first occurrence, with the rule's aggregate message (``{count}`` occurrences, ``{lines}``
findings, ``{sample}`` of the first distinct changes), every fix combined into one, and every original
finding kept as a related location (machine formats list them all). Suppressions ran before this step,
so a suppressed line is neither counted nor fixed.

A kind whose rules report many findings that are mostly merged (typography: a hundred half-width
commas in one report) may hand them over as ``Occurrences`` — one row per finding, no objects built —
when the file has no suppression markers: the merged finding is built from the rows, and only a file
with fewer than N of them builds its findings one by one, the same as the kind's ``check`` gives."""

from __future__ import annotations

from operator import attrgetter, itemgetter

from ..model.diagnostic import Diagnostic, Fix

SAMPLE = 3
_START = attrgetter("start")
_SPAN = attrgetter("start", "end")


class _Missing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Occurrences:
    """The findings of one aggregating rule in one file, as rows (start, end, message, edits, expected,
    found) in the order the rule reports them; ``edits`` is None for a finding without a fix, else the
    edits of its fix (safe ``safe``, described ``description``). Original offsets; no location."""

    __slots__ = ("rule", "path", "rows", "safe", "description")

    def __init__(self, rule, path: str, rows: list[tuple], safe: bool, description: str) -> None:
        self.rule, self.path, self.rows = rule, path, rows
        self.safe, self.description = safe, description

    def diagnostics(self) -> list[Diagnostic]:
        """One finding per row."""
        r, path, safe, description = self.rule, self.path, self.safe, self.description
        code, name, severity = r.code, r.name, r.severity
        return [Diagnostic(code, name, severity, message, path, s, e, 0, 0, 0, 0,
                           None if edits is None else Fix(edits, safe, description), expected, found)
                for s, e, message, edits, expected, found in self.rows]

    def merged(self, spec: dict, text: str) -> Diagnostic:
        """What _merge makes of ``diagnostics()``, built from the rows."""
        rows = sorted(self.rows, key=_ROW_START)
        s0, e0, _, _, expected, found = rows[0]
        fix = None
        if all(row[3] is not None for row in rows):
            edits = tuple(sorted([e for row in rows for e in row[3]], key=_SPAN))
            fix = Fix(edits, safe=self.safe, description=self.description)
        count = len(fix.edits) if fix else len(rows)
        olds = (row[5] or text[row[0]:row[1]] for row in rows)
        message = spec.get("message", self.rule.message).format_map(
            _Missing(count=count, lines=len(rows), sample=_sample(fix, olds, text)))
        r = self.rule
        return Diagnostic(code=r.code, name=r.name, severity=r.severity, message=message, path=self.path,
                          start=s0, end=e0, fix=fix, expected=expected, found=found,
                          related=list(map(_RELATED, rows)))


_ROW_START = itemgetter(0)
_RELATED = itemgetter(0, 1, 2)      # a row's (start, end, message)


def aggregate(diags: list[Diagnostic], rules, text: str, pending: list[Occurrences] = ()) -> list[Diagnostic]:
    """``pending``: rules' findings as Occurrences (their codes have no other findings in ``diags``)."""
    specs = {r.code: (r.aggregate, r) for r in rules if getattr(r, "aggregate", None)}
    codes = {occ.rule.code for occ in pending}
    if len(codes) < len(pending) or (codes and any(d.code in codes for d in diags)):
        # two rules of one code: counted together, as findings (never so among the built-in rules)
        diags = diags + [d for occ in pending for d in occ.diagnostics()]
        pending = ()
    merged = {}
    for occ in pending:
        spec = specs[occ.rule.code][0]
        if len(occ.rows) >= spec.get("min", 5):
            merged[occ.rule.code] = occ.merged(spec, text)
        else:
            diags.extend(occ.diagnostics())
    if not specs or not diags:
        return diags + list(merged.values()) if merged else diags
    by_code: dict[str, list[Diagnostic]] = {}
    for d in diags:
        if d.code in specs:
            by_code.setdefault(d.code, []).append(d)
    merged.update((code, _merge(found, *specs[code], text)) for code, found in by_code.items()
                  if len(found) >= specs[code][0].get("min", 5))
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
    olds = (d.found or text[d.start:d.end] for d in found)
    message = spec.get("message", rule.message).format_map(
        _Missing(count=count, lines=len(found), sample=_sample(fix, olds, text)))
    return Diagnostic(code=first.code, name=first.name, severity=first.severity, message=message,
                      path=first.path, start=first.start, end=first.end, fix=fix, expected=first.expected,
                      found=first.found, related=[(d.start, d.end, d.message) for d in found],
                      location=first.location)


def _sample(fix: Fix | None, olds, text: str) -> str:
    """The first distinct changes (``區→区``, a deleted ``(qū)``), or the first of ``olds`` (the findings'
    found text)."""
    shown: dict[str, None] = {}
    if fix:
        seen: set = set()           # (old, new) already shown: a hundred commas make three changes
        for e in fix.edits:
            old, new = text[e.start:e.end], e.replacement
            if (old, new) in seen:
                continue
            seen.add((old, new))
            # a deletion shows what goes without the spaces around it; a deleted space as words
            shown[f"{old}→{new}" if new else old.strip() or "删除空格"] = None
            if len(shown) > SAMPLE:
                break
    else:
        for old in olds:
            shown[old] = None
            if len(shown) > SAMPLE:
                break
    out = list(shown)
    return "、".join(out[:SAMPLE]) + ("…" if len(out) > SAMPLE else "")
