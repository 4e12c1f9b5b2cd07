"""Which family of problems a rule code belongs to: the columns of the batch overview (html, csv, xlsx).

One table for every reporter that groups findings. Codes are matched by their longest listed prefix, so a
new rule lands in its family without an edit here; GL4xx is split because garbled text (contamination)
and traditional script / Taiwan phrasing (script) are different problems for the author.
"""

from __future__ import annotations

from functools import lru_cache

# (family id, Chinese column title) in display order
FAMILIES: tuple[tuple[str, str], ...] = (
    ("structure", "结构"),
    ("tables", "统计表"),
    ("arithmetic", "数字"),
    ("contamination", "污染"),
    ("script", "文字规范"),
    ("other", "其他"),
)
TITLES = dict(FAMILIES)

_PREFIXES: dict[str, str] = {
    "GL1": "structure",
    "GL20": "tables",
    "GL2": "arithmetic",            # GL21x table relations, GL22x prose, later cross-report checks
    "GL3": "contamination",         # spam
    "GL5": "contamination",         # page chrome, repeated phrases
    "GL4": "contamination",         # pinyin, mojibake, lost characters
    "GL401": "script",              # traditional script
    "GL406": "script",              # Taiwan phrasing
    "GL7": "script",                # typography
}


@lru_cache(maxsize=512)
def family(code: str) -> str:
    for n in range(len(code), 0, -1):
        fam = _PREFIXES.get(code[:n])
        if fam:
            return fam
    return "other"
