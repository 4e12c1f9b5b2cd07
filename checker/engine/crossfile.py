"""The run's post-pass for rules that compare files (a kind with ``facts`` and ``across``): after every
file is checked, each such rule sees the facts its files kept and adds findings to the files they
concern. Works the same with -j (facts travel back with each file's result)."""

from __future__ import annotations

from ..model.diagnostic import Diagnostic


def cross_check(results: list, rules) -> None:
    for rule in {r.code: r for r in rules}.values():
        across = getattr(rule.module, "across", None)
        if across is None:
            continue
        items = [(r, r.cross[rule.code]) for r in results if r.cross and rule.code in r.cross]
        if len(items) < 2:
            continue
        touched = set()
        for result, d in across(items, rule):
            result.diagnostics.append(d)
            touched.add(id(result))
        for r in results:
            if id(r) in touched:
                r.diagnostics.sort(key=Diagnostic.sort_key)
