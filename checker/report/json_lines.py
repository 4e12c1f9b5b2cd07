"""``--format json-lines``: one JSON object per finding (and per unreadable file), for streaming tools.

Each line is the ``json`` format's diagnostic object with ``path``, ``agency`` and ``year`` added; an unreadable file gives
``{"path": …, "error": …}``."""

from __future__ import annotations

import json

from .json_format import diagnostic_dict
from .streamed import render_all


class Stream:
    """Writes each result's lines as soon as it is given (streamed runs); there is no closing line."""

    def __init__(self, out, options) -> None:
        self.out = out

    def file(self, r) -> None:
        if r.error:
            self.out.write(json.dumps({"path": r.path, "error": r.error}, ensure_ascii=False) + "\n")
            return
        facts = {"agency": r.facts.get("agency"), "year": r.facts.get("year")}
        for d in r.diagnostics:
            self.out.write(json.dumps({"path": d.path, **facts, **diagnostic_dict(d, r.source)},
                                      ensure_ascii=False) + "\n")

    def end(self, tally) -> None:
        pass


def render(results, out, options) -> None:
    render_all(Stream(out, options), results, tally=False)
