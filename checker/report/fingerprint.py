"""Stable identities of findings for CI services that track them across commits (GitLab code quality,
SARIF partialFingerprints): they survive unrelated edits that move a finding to another line."""

from __future__ import annotations

import hashlib
from collections import Counter


def fingerprints(result) -> list[str]:
    """One hex digest per diagnostic of ``result``: path, code, the stripped text of its line, and
    which occurrence of that (code, line text) pair it is — not the line number."""
    seen: Counter = Counter()
    prefixes: dict[tuple[str, int], object] = {}     # (code, line) → hash of everything before the count
    last: tuple[int, str] = (0, "")                  # the line last read: findings come in text order
    out = []
    for d in result.diagnostics:
        # each (code, line) pair hashes its line once: thousands of findings on one long line stay linear
        pair = (d.code, d.line)
        prefix = prefixes.get(pair)
        if prefix is None:
            if last[0] != d.line:
                last = (d.line, result.source.line_text(d.line).strip() if result.source else "")
            line = last[1]
            prefix = prefixes[pair] = (hashlib.sha256("\0".join((result.path, d.code, line, "")).encode(
                "utf-8", "surrogateescape")), line)
        h, line = prefix[0].copy(), prefix[1]
        key = (d.code, line)
        seen[key] += 1
        h.update(str(seen[key]).encode())
        out.append(h.hexdigest())
    return out
