"""``--statistics``: how many findings of each rule, most frequent first (ruff's --statistics)."""

from __future__ import annotations

import json
from collections import Counter


def rows(results) -> list[dict]:
    count: Counter = Counter()
    fixable: Counter = Counter()
    first = {}
    for r in results:
        for d in r.diagnostics:
            count[d.code] += 1
            fixable[d.code] += d.fix is not None
            first.setdefault(d.code, d)
    return [{"code": c, "name": first[c].name, "severity": first[c].severity.label, "count": n,
             "fixable": fixable[c]} for c, n in sorted(count.items(), key=lambda kv: (-kv[1], kv[0]))]


def render(results, out, options) -> None:
    table = rows(results)
    if options.get("format") in ("json", "json-lines"):
        json.dump(table, out, ensure_ascii=False, indent=2)
        out.write("\n")
        return
    width = max((len(str(t["count"])) for t in table), default=1)
    for t in table:
        fix = f"  （可修复 {t['fixable']}）" if t["fixable"] else ""
        out.write(f"{t['count']:>{width}}  {t['code']}  [{t['severity']}]  {t['name']}{fix}\n")
