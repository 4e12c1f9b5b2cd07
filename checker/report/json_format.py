"""``--format json``: a stable, documented shape (see README, “JSON output”)."""

from __future__ import annotations

import json

from .. import __version__
from .summary import severity_counts


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
    c = severity_counts(results)
    doc = {
        "tool": {"name": "govlint", "version": __version__},
        "files": [file_dict(r) for r in results],
        "summary": {"files": len(results), "errors": c.get(3, 0), "warnings": c.get(2, 0), "infos": c.get(1, 0),
                    "unreadable": sum(1 for r in results if r.error)},
    }
    json.dump(doc, out, ensure_ascii=False, indent=2)
    out.write("\n")
