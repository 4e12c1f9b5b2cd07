"""Stable identities of findings for CI services that track them across commits (GitLab code quality,
SARIF partialFingerprints): they survive unrelated edits that move a finding to another line."""

from __future__ import annotations

import hashlib
from collections import Counter


def fingerprints(result) -> list[str]:
    """One hex digest per diagnostic of ``result``: path, code, the stripped text of its line, and
    which occurrence of that (code, line text) pair it is — not the line number."""
    seen: Counter = Counter()
    out = []
    for d in result.diagnostics:
        line = result.source.line_text(d.line).strip() if result.source else ""
        key = (d.code, line)
        seen[key] += 1
        raw = "\0".join((result.path, d.code, line, str(seen[key])))
        out.append(hashlib.sha256(raw.encode("utf-8")).hexdigest())
    return out
