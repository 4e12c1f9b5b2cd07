"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Columns are UTF-16 code units (SARIF's default ``columnKind``, declared explicitly): a CJK Extension B
character counts two. Rule metadata comes from the rules of the run (``options["rules"]``)."""

from __future__ import annotations

import json
from functools import lru_cache
import re
from bisect import bisect_left

from .. import __version__
from ..model.diagnostic import Severity
from .fingerprint import fingerprints
from .jsonstream import ArrayWriter, nested
from .paths import relative_posix

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
MAX_SNIPPET = 2000              # characters of a finding's text quoted; longer spans are located, not quoted
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


class _Columns:
    """UTF-16 columns of one source without recounting the line for every finding (a 100,000-character
    line with thousands of findings made that quadratic): astral characters, the only ones counting two,
    are rare, so their offsets are listed once and counted by bisection."""

    def __init__(self, source) -> None:
        self.source = source
        self.astral = [m.start() for m in _ASTRAL.finditer(source.text)]

    def col(self, offset: int) -> int:
        line, _ = self.source.line_col(offset)
        start = self.source.line_starts[line - 1]
        return offset - start + 1 + bisect_left(self.astral, offset) - bisect_left(self.astral, start)


@lru_cache(maxsize=256)         # every finding names its file: relpath once per file, not per finding
def _uri(path: str) -> str:
    from urllib.parse import quote

    return quote(relative_posix(path), safe="/", errors="surrogateescape")     # a name's own bytes, %-escaped


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


def _region(cols: _Columns, start: int, end: int) -> dict:
    source = cols.source
    sl, _ = source.line_col(start)
    el, _ = source.line_col(end)
    region = {"startLine": sl, "startColumn": cols.col(start), "endLine": el, "endColumn": cols.col(end)}
    if 0 < end - start <= MAX_SNIPPET:
        region["snippet"] = {"text": source.text[start:end]}
    return region


def _fix(d, source: _Columns) -> dict:
    return {"description": {"text": d.fix.description or ("安全修复" if d.fix.safe else "不安全修复")},
            "artifactChanges": [{
                "artifactLocation": {"uri": _uri(d.path)},
                "replacements": [{"deletedRegion": {k: v for k, v in _region(source, e.start, e.end).items()
                                                    if k != "snippet"},
                                  "insertedContent": {"text": e.replacement}} for e in d.fix.edits]}]}


def _result(d, source: _Columns, rule_index: int, fingerprint: str) -> dict:
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


def _artifact(path: str, agency, year, template) -> dict:
    """The checked report itself: which body and year it speaks for, and the template it was held to."""
    return {"location": {"uri": _uri(path)},
            "properties": {"agency": agency, "reportYear": year, "template": template}}


def sarif_log(results, rules) -> dict:
    """The whole log as one dict (tests, the API); ``render`` writes the same, holding one file at a time."""
    import io

    buf = io.StringIO()
    write(results, rules, buf)
    return json.loads(buf.getvalue())


def _rule_order(results, by_code: dict) -> tuple[dict[str, int], list[dict]]:
    """Rule code → index in the driver's rules, in order of first finding (a first pass over the results)."""
    order: dict[str, int] = {}
    entries: list[dict] = []
    for r in results:
        for d in r.diagnostics:
            if d.code not in order:
                order[d.code] = len(entries)
                entries.append(_rule_entry(d.code, by_code.get(d.code), d))
    return order, entries


def write(results, rules, out) -> None:
    """The log, byte for byte as ``json.dump(…, indent=2)`` of it: the rules in a first pass over the
    results, their findings in a second, each file's written before the next is read."""
    order, entries = _rule_order(results, {r.code: r for r in rules})
    driver = {"name": "govlint", "version": __version__, "semanticVersion": __version__, "rules": entries}
    skeleton = {"$schema": SCHEMA, "version": "2.1.0",
                "runs": [{"tool": {"driver": driver}, "columnKind": "utf16CodeUnits", "results": []}]}
    head, tail = json.dumps(skeleton, ensure_ascii=False, indent=2).split('"results": []', 1)
    out.write(head + '"results": ')
    found = ArrayWriter(out, 3)
    notes, artifacts = [], []
    for r in results:
        if r.error:
            notes.append({"level": "error", "message": {"text": f"无法检查：{r.error}"},
                          "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(r.path)}}}]})
            continue
        artifacts.append((r.path, r.facts.get("agency"), r.facts.get("year"), r.template.get("id")))
        cols = _Columns(r.source) if r.diagnostics else None
        for d, fp in zip(r.diagnostics, fingerprints(r)):
            found.add(_result(d, cols, order[d.code], fp))
    found.close()
    out.write(',\n      "artifacts": ')
    listed = ArrayWriter(out, 3)
    for a in artifacts:
        listed.add(_artifact(*a))
    listed.close()
    invocations = [{"executionSuccessful": not notes, "toolExecutionNotifications": notes}]
    out.write(',\n      "invocations": ' + nested(invocations, 3) + tail)


def render(results, out, options) -> None:
    rules = options.get("rules")
    if rules is None:
        from ..engine.loader import builtin_rules

        rules = builtin_rules()
    write(results, rules, out)
    out.write("\n")
