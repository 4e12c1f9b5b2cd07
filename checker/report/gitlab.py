"""``--format gitlab``: a GitLab code quality report (a JSON array; the CodeClimate subset GitLab reads).

Use it as ``artifacts: reports: codequality: gl-code-quality-report.json``. Paths are relative to the
working directory, which in GitLab CI is the repository root."""

from __future__ import annotations

import json

from ..model.diagnostic import Severity
from .fingerprint import fingerprints
from .jsonstream import ArrayWriter
from .paths import relative_posix
from .streamed import render_all

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def issues(results) -> list[dict]:
    return [issue for r in results for issue in file_issues(r)]


def file_issues(r) -> list[dict]:
    if r.error:
        return [{"description": f"无法检查：{r.error}", "check_name": "govlint-unreadable",
                 "fingerprint": _hash(r.path), "severity": "blocker",
                 "location": {"path": relative_posix(r.path), "lines": {"begin": 1}}}]
    out = []
    for d, fp in zip(r.diagnostics, fingerprints(r)):
        out.append({"description": f"{d.code} {d.message}", "check_name": d.code, "fingerprint": fp,
                        "severity": SEVERITY[d.severity], "categories": ["Style"],
                        "location": {"path": relative_posix(d.path),
                                     "lines": {"begin": d.line, "end": d.end_line}}})
    return out


def _hash(path: str) -> str:
    import hashlib

    return hashlib.sha256(f"unreadable\0{path}".encode("utf-8", "surrogateescape")).hexdigest()


class Stream:
    """The array written one element at a time as results are given (streamed runs)."""

    def __init__(self, out, options) -> None:
        self.out = out
        self.array = ArrayWriter(out, 0)

    def file(self, r) -> None:
        for issue in file_issues(r):
            self.array.add(issue)

    def end(self, tally) -> None:
        self.array.close()
        self.out.write("\n")


def render(results, out, options) -> None:
    render_all(Stream(out, options), results, tally=False)
