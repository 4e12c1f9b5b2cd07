"""``--format gitlab``: a GitLab code quality report (a JSON array; the CodeClimate subset GitLab reads).

Use it as ``artifacts: reports: codequality: gl-code-quality-report.json``. Paths are relative to the
working directory, which in GitLab CI is the repository root."""

from __future__ import annotations

import json

from ..model.diagnostic import Severity
from .fingerprint import fingerprints
from .paths import relative_posix

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issues(results) -> list[dict]:
    out = []
    for r in results:
        if r.error:
            out.append({"description": f"无法检查：{r.error}", "check_name": "govlint-unreadable",
                        "fingerprint": _hash(r.path), "severity": "blocker",
                        "location": {"path": relative_posix(r.path), "lines": {"begin": 1}}})
            continue
        for d, fp in zip(r.diagnostics, fingerprints(r)):
            out.append({"description": f"{d.code} {d.message}", "check_name": d.code, "fingerprint": fp,
                        "severity": SEVERITY[d.severity], "categories": ["Style"],
                        "location": {"path": relative_posix(d.path),
                                     "lines": {"begin": d.line, "end": d.end_line}}})
    return out


def _hash(path: str) -> str:
    import hashlib

    return hashlib.sha256(f"unreadable\0{path}".encode("utf-8", "surrogateescape")).hexdigest()


def render(results, out, options) -> None:
    json.dump(issues(results), out, ensure_ascii=False, indent=2)
    out.write("\n")
