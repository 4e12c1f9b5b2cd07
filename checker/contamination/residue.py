"""Residue inside a report's lines (rules/data/residue.txt): template guidance, inline page chrome,
encoding placeholders. Each section of the data file is one rule's patterns."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lazy_re
from ..resources import data_path

# what a loosely copied phrase may have between its characters: punctuation, brackets, quotes, spaces
_PUNCT = r"[\s()（）《》〈〉<>“”\"‘’'、，,：:。；;]"
_LOOSE = _PUNCT + "*"


def _literal(phrase: str) -> str:
    return _LOOSE.join(re.escape(c) for c in phrase if not re.fullmatch(_PUNCT, c))


@lru_cache(maxsize=1)
def _sources() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    section = None
    for raw in data_path("residue.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("   # ", 1)[0].rstrip()
        if not line.strip() or line.startswith("#"):
            continue
        if re.fullmatch(r"\[[a-z-]+\]", line):
            section = line[1:-1]
            out.setdefault(section, [])
            continue
        out[section].append(_literal(line[2:]) if line.startswith("= ") else line)
    return out


@lru_cache(maxsize=8)
def pattern(section: str) -> re.Pattern:
    """One pattern for a section: its entries as alternatives (none holds a backreference)."""
    return lazy_re.compile("|".join(f"(?:{p})" for p in _sources()[section]), re.M)


def spans(text: str, section: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern(section).finditer(text) if m.end() > m.start()]
