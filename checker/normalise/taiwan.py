"""Taiwan phrasing left by s2twp-style converters (入口網站, 最佳化, 軟硬體) → mainland wording.

Runs after t2s, so the table (rules/data/taiwan-phrases.txt) is keyed by simplified-script TW words.
A document counts as TW-converted only when it holds ≥2 distinct TW-only ("strong") words; ambiguous
words (档案, 设定, 套用 — all real mainland words too) change only in such documents, and only in
their listed contexts. The test does not depend on the script, so a partly fixed file stays marked.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lazy_re
from ..resources import data_path
from .mapped import StepEdit

MIN_STRONG = 2


class Phrase:
    """One row of the table; immutable by convention."""

    __slots__ = ("source", "target", "strong", "after", "before", "not_before")

    def __init__(self, source: str, target: str, strong: bool = False, after: tuple[str, ...] = (),
                 before: tuple[str, ...] = (), not_before: tuple[str, ...] = ()) -> None:
        self.source, self.target, self.strong = source, target, strong
        self.after, self.before, self.not_before = after, before, not_before

    def applies(self, text: str, start: int, end: int) -> bool:
        if any(text.startswith(w, end) for w in self.not_before):
            return False
        if not (self.after or self.before):
            return True
        return (any(text.endswith(w, 0, start) for w in self.after)
                or any(text.startswith(w, end) for w in self.before))


def parse_table(text: str) -> dict[str, Phrase]:
    table: dict[str, Phrase] = {}
    for raw in text.splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        source, target, *conds = raw.split("\t")
        opts: dict = {"strong": False}
        for cond in conds:
            key, _, value = cond.partition("=")
            if key == "strong":
                opts["strong"] = True
            else:
                opts[key] = tuple(v for v in value.split("|") if v)
        table[source] = Phrase(source, target, **opts)
    return table


@lru_cache(maxsize=1)
def table() -> dict[str, Phrase]:
    return parse_table(data_path("taiwan-phrases.txt").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    keys = sorted(table(), key=len, reverse=True)   # longest first: 软硬体 before 硬体
    return lazy_re.compile("|".join(map(re.escape, keys)))


def edits(text: str, ctx: dict) -> list[StepEdit]:
    phrases = table()
    found = [(m, phrases[m.group()]) for m in _pattern().finditer(text)]
    strong = {p.source for _, p in found if p.strong}
    ctx["taiwan_markers"] = sorted(strong)
    if len(strong) < MIN_STRONG:
        return []
    return [StepEdit(m.start(), m.end(), p.target, "taiwan-phrase", p.source)
            for m, p in found if p.applies(text, m.start(), m.end())]
