"""``--format json``: a stable, documented shape (see README, “JSON output”)."""

from __future__ import annotations

from collections import Counter

from .. import __version__
from .jsonstream import ArrayWriter, nested


def diagnostic_dict(d, source=None) -> dict:
    out = {
        "code": d.code,
        "name": d.name,
        "severity": d.severity.label,
        "message": d.message,
        "location": {"line": d.line, "column": d.column, "end_line": d.end_line, "end_column": d.end_column,
                     "offset": d.start, "end_offset": d.end},
        "fix": None,
        "expected": d.expected,
        "found": d.found,
    }
    if d.location:
        out["location"]["context"] = d.location
    if d.related and source is not None:       # every occurrence behind a document finding, cells of a sum
        out["related"] = [related_dict(source, s, e, note) for s, e, note in d.related]
    if d.fix:
        out["fix"] = {"applicability": "safe" if d.fix.safe else "unsafe", "description": d.fix.description,
                      "edits": [{"offset": e.start, "end_offset": e.end, "content": e.replacement}
                                for e in d.fix.edits]}
    return out


def related_dict(source, start: int, end: int, note: str) -> dict:
    line, column = source.line_col(start)
    end_line, end_column = source.line_col(end)
    return {"line": line, "column": column, "end_line": end_line, "end_column": end_column,
            "offset": start, "end_offset": end, "message": note}


def file_dict(r) -> dict:
    return {
        "path": r.path,
        "error": r.error,
        "agency": r.facts.get("agency"),
        "year": r.facts.get("year"),
        "format": r.source.format if r.source else None,
        "encoding": r.source.encoding if r.source else None,
        "template": r.template or None,
        "diagnostics": [diagnostic_dict(d, r.source) for d in r.diagnostics],
    }


def render(results, out, options) -> None:
    """Written file by file (the results may be read back from disk one at a time, checker/cli/streaming.py)."""
    out.write('{\n  "tool": ' + nested({"name": "govlint", "version": __version__}, 1) + ',\n  "files": ')
    files = ArrayWriter(out, 1)
    c: Counter = Counter()
    unreadable = 0
    for r in results:
        files.add(file_dict(r))
        c.update(d.severity for d in r.diagnostics)
        unreadable += bool(r.error)
    files.close()
    summary = {"files": files.count, "errors": c.get(3, 0), "warnings": c.get(2, 0), "infos": c.get(1, 0),
               "unreadable": unreadable}
    out.write(',\n  "summary": ' + nested(summary, 1) + "\n}\n")
