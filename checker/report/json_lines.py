"""``--format json-lines``: one JSON object per finding (and per unreadable file), for streaming tools.

Each line is the ``json`` format's diagnostic object with ``path``, ``agency`` and ``year`` added; an unreadable file gives
``{"path": …, "error": …}``."""

from __future__ import annotations

import json

from .json_format import diagnostic_dict


def render(results, out, options) -> None:
    for r in results:
        if r.error:
            out.write(json.dumps({"path": r.path, "error": r.error}, ensure_ascii=False) + "\n")
            continue
        facts = {"agency": r.facts.get("agency"), "year": r.facts.get("year")}
        for d in r.diagnostics:
            out.write(json.dumps({"path": d.path, **facts, **diagnostic_dict(d, r.source)}, ensure_ascii=False) + "\n")
