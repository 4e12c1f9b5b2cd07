"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Columns are UTF-16 code units (SARIF's default ``columnKind``, declared explicitly): a CJK Extension B
character counts two. Rule metadata comes from the rules of the run (``options["rules"]``)."""

from __future__ import annotations

import json

from .. import __version__
from ..model.diagnostic import Severity
from .fingerprint import fingerprints
from .paths import relative_posix

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(path: str) -> str:
    from urllib.parse import quote

    return quote(relative_posix(path), safe="/")


def _rule_entry(code: str, rule, fallback) -> dict:
    if rule is None:                       # a finding of a rule not in the run's list (should not happen)
        return {"id": code, "name": fallback.name, "shortDescription": {"text": fallback.message}}
    entry = {"id": rule.code, "name": rule.name,
             "shortDescription": {"text": rule.summary},
             "fullDescription": {"text": rule.doc.strip()},
             "help": {"text": f"{rule.summary}\n\n{rule.doc.strip()}\n\n详见：govlint explain {rule.code}"},
             "defaultConfiguration": {"level": LEVEL[rule.severity]},
             "properties": {"fixable": rule.fixable}}
    return entry


def _region(source, start: int, end: int) -> dict:
    sl, _ = source.line_col(start)
    el, _ = source.line_col(end)
    region = {"startLine": sl, "startColumn": source.utf16_col(start),
              "endLine": el, "endColumn": source.utf16_col(end)}
    if end > start:
        region["snippet"] = {"text": source.text[start:end]}
    return region


def _fix(d, source) -> dict:
    return {"description": {"text": d.fix.description or ("安全修复" if d.fix.safe else "不安全修复")},
            "artifactChanges": [{
                "artifactLocation": {"uri": _uri(d.path)},
                "replacements": [{"deletedRegion": {k: v for k, v in _region(source, e.start, e.end).items()
                                                    if k != "snippet"},
                                  "insertedContent": {"text": e.replacement}} for e in d.fix.edits]}]}


def _result(d, source, rule_index: int, fingerprint: str) -> dict:
    res = {"ruleId": d.code, "ruleIndex": rule_index, "level": LEVEL[d.severity],
           "message": {"text": d.message},
           "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(d.path)},
                                               "region": _region(source, d.start, d.end)}}],
           "partialFingerprints": {"govlint/v1": fingerprint}}
    if d.related:       # every occurrence behind a document finding, the cells of a sum
        res["relatedLocations"] = [
            {"id": i, "physicalLocation": {"artifactLocation": {"uri": _uri(d.path)},
                                           "region": _region(source, s, e)}, "message": {"text": note}}
            for i, (s, e, note) in enumerate(d.related)]
    if d.fix:
        res["fixes"] = [_fix(d, source)]
    return res


def _artifact(r) -> dict:
    """The checked report itself: which body and year it speaks for, and the template it was held to."""
    return {"location": {"uri": _uri(r.path)},
            "properties": {"agency": r.facts.get("agency"), "reportYear": r.facts.get("year"),
                           "template": r.template.get("id")}}


def sarif_log(results, rules) -> dict:
    by_code = {r.code: r for r in rules}
    order: dict[str, int] = {}
    entries: list[dict] = []
    out, notes = [], []
    for r in results:
        if r.error:
            notes.append({"level": "error", "message": {"text": f"无法检查：{r.error}"},
                          "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}}}]})
            continue
        for d, fp in zip(r.diagnostics, fingerprints(r)):
            if d.code not in order:
                order[d.code] = len(entries)
                entries.append(_rule_entry(d.code, by_code.get(d.code), d))
            out.append(_result(d, r.source, order[d.code], fp))
    driver = {"name": "govlint", "version": __version__, "semanticVersion": __version__, "rules": entries}
    run = {"tool": {"driver": driver}, "columnKind": "utf16CodeUnits", "results": out,
           "artifacts": [_artifact(r) for r in results if not r.error],
           "invocations": [{"executionSuccessful": not notes, "toolExecutionNotifications": notes}]}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def render(results, out, options) -> None:
    rules = options.get("rules")
    if rules is None:
        from ..engine.loader import builtin_rules

        rules = builtin_rules()
    json.dump(sarif_log(results, rules), out, ensure_ascii=False, indent=2)
    out.write("\n")
