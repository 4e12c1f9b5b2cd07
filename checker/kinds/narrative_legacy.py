"""Counts stated in prose under the very name of a row of the pre-2019 统计表 (“网上申请数3条” vs the
row 网上申请数 | 条 | 4 | 4): the prose figure must be the row's 本年度. Only a row whose numbers were
read definitely is compared, and only where the name opens a clause (“县政府公开办主动公开信息数为…”
counts one office, not the row's whole)."""

from __future__ import annotations

from .. import lazy_re
from ..tables.legacy_stats import legacy_rows

_OPENS = "，,；;。：:、\n（(其中"
_FIGURE = lazy_re.compile(r"[为是:：]?\s{0,2}(\d{1,12})\s{0,2}(人次|万元|条|件|个|次|元)")


def check(doc, rule):
    rows = legacy_rows(doc)
    if not rows:
        return
    lo = min(r.start for r in rows.values()) - 60
    hi = max(r.end for r in rows.values())
    text = doc.text
    for label, row in rows.items():
        definite = row.definite
        if definite is None:
            continue
        this_year, total = definite
        for start, m in _statements(text, label, lo, hi):
            value = int(m.group(1))
            if m.group(2) != row.unit or value in (this_year, total):
                continue
            d = rule.diag(doc, m.start(1), m.end(1), name=label, stated=f"{value}{row.unit}", value=this_year,
                          expected=str(this_year), found=str(value))
            d.related = [(*doc.orig_span(row.start, row.end), f"统计表“{label}”本年度、历年累计")]
            yield d
            break


def _statements(text: str, label: str, lo: int, hi: int):
    i = text.find(label)
    while i >= 0:
        if not lo <= i <= hi and (i == 0 or text[i - 1] in _OPENS):
            m = _FIGURE.match(text, i + len(label))
            if m:
                yield i, m
        i = text.find(label, i + 1)
