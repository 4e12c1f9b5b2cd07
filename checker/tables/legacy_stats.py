"""The pre-2019 统计表 (指标名称 | 计量单位 | 本年度 | 历年累计) read from text: one row per indicator, its
unit and its two numbers.

Crawled pages often run the cells together (“主动公开信息数条20263542”): a digit run then holds both
numbers and is kept as every split that could be meant (no leading zeros, 历年累计 ≥ 本年度); only a
row whose numbers are separated, or whose run splits one way only, has a definite value. A cross-year
check can still pick the split that fits the year before.
"""

from __future__ import annotations

import re

from .. import lazy_re
from ..model.record import MutableRecord

_HEADER = lazy_re.compile(r"历年累计")
_ROW = lazy_re.compile(
    r"(?:其中[:：]?\s*)?(?:\d[.、．]\s*)?(?P<label>[\u4e00-\u9fff（）()]{2,24}?)[\s|｜]*"
    r"(?P<unit>人次|万元|条|件|个|次|元)[\s|｜]*(?P<nums>\d[\d\s|｜]{0,40}?)"
    r"(?=(?:其中[:：]?)?\d[.、．][\u4e00-\u9fff]|[\u4e00-\u9fff]|[\s|｜]*$)")
MAX_ROWS = 40
WINDOW = 4000


class LegacyRow(MutableRecord):
    __slots__ = ("label", "unit", "splits", "start", "end")

    def __init__(self, label: str, unit: str, splits: list[tuple[int, int]], start: int, end: int) -> None:
        self.label, self.unit, self.splits = label, unit, splits     # (本年度, 历年累计) candidates
        self.start, self.end = start, end                            # the numbers' span (normalised)

    @property
    def definite(self) -> tuple[int, int] | None:
        return self.splits[0] if len(self.splits) == 1 else None


def legacy_rows(doc) -> dict[str, LegacyRow]:
    if "tables.legacy_stats" not in doc.cache:
        doc.cache["tables.legacy_stats"] = read_rows(doc.text) if doc.template.id == "pre-2019" else {}
    return doc.cache["tables.legacy_stats"]


def read_rows(text: str) -> dict[str, LegacyRow]:
    h = _HEADER.search(text)
    if h is None:
        return {}
    out: dict[str, LegacyRow] = {}
    pos, end = h.end(), min(len(text), h.end() + WINDOW)
    while len(out) < MAX_ROWS:
        m = _ROW.search(text, pos, end)
        if m is None:
            break
        splits = _splits(m.group("nums"))
        if splits:
            out.setdefault(m.group("label"), LegacyRow(m.group("label"), m.group("unit"), splits,
                                                       m.start("nums"), m.end("nums")))
        pos = m.end()
    return out


def _splits(nums: str) -> list[tuple[int, int]]:
    parts = [p for p in re.split(r"[\s|｜]+", nums) if p]
    if len(parts) == 2:
        return [(int(parts[0]), int(parts[1]))] if max(map(len, parts)) <= 12 else []
    if len(parts) != 1 or len(parts[0]) > 24:
        return []
    run = parts[0]
    out = []
    for k in range(1, len(run)):
        a, b = run[:k], run[k:]
        if (len(a) > 1 and a[0] == "0") or (len(b) > 1 and b[0] == "0"):
            continue
        if int(b) >= int(a):
            out.append((int(a), int(b)))
    return out
