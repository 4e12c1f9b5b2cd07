"""``--statistics``: how many findings of each rule, most frequent first (ruff's --statistics)."""

from __future__ import annotations

import json
from collections import Counter

from .cells import width
from .summary import fix_support
from .vocab import zh


def rows(results) -> list[dict]:
    count: Counter = Counter()
    fixable: Counter = Counter()
    first = {}
    for r in results:
        can_fix = fix_support(r)
        for d in r.diagnostics:
            count[d.code] += 1
            fixable[d.code] += d.fix is not None and can_fix
            first.setdefault(d.code, d)
    return [{"code": c, "name": first[c].name, "severity": first[c].severity.label, "count": n,
             "fixable": fixable[c]} for c, n in sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))]


def render(results, out, options) -> None:
    table = rows(results)
    if options.get("format") in ("json", "json-lines"):
        json.dump(table, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    count_w = max((len(str(t["count"])) for t in table), default=1)
    name_w = max((width(t["name"]) for t in table), default=0)
    for t in table:
        fix = f"（可修复 {t['fixable']}）" if t["fixable"] else ""
        pad = " " * (name_w - width(t["name"]))
        out.write(f"{t['count']:>{count_w}}  {t['code']}  [{zh(t['severity'])}]  {t['name']}{pad}  {fix}".rstrip()
                  + "\n")
