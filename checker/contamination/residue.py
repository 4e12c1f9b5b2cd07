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
def _sources() -> dict[str, list[tuple[str, frozenset | None]]]:
    """Per section, (pattern, characters a match needs): a literal phrase needs every one of its own
    characters, a regex line None (not known)."""
    out: dict[str, list[tuple[str, frozenset | None]]] = {}
    section = None
    for raw in data_path("residue.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("   # ", 1)[0].rstrip()
        if not line.strip() or line.startswith("#"):
            continue
        if re.fullmatch(r"\[[a-z-]+\]", line):
            section = line[1:-1]
            out.setdefault(section, [])
            continue
        if line.startswith("= "):
            phrase = line[2:]
            out[section].append((_literal(phrase), frozenset(c for c in phrase if not re.fullmatch(_PUNCT, c))))
        else:
            out[section].append((line, None))
    return out


@lru_cache(maxsize=32)
def _compiled(patterns: tuple[str, ...]) -> re.Pattern:
    """One pattern for the alternatives (none holds a backreference)."""
    return lazy_re.compile("|".join(f"(?:{p})" for p in patterns), re.M)


def pattern(section: str, text: str | None = None) -> re.Pattern | None:
    """The section's pattern; given ``text``, without the literal phrases that cannot match it (a phrase
    lacking one of its characters there). A loose phrase puts a punctuation class between every two
    characters, which makes it dear to compile, and nearly every report lacks them: they are compiled
    only for a text that holds all their characters. None when nothing is left."""
    entries = _sources()[section]
    chars = set(text) if text is not None and any(need for _, need in entries) else None
    active = tuple(p for p, need in entries if need is None or chars is None or need <= chars)
    return _compiled(active) if active else None


def spans(text: str, section: str) -> list[tuple[int, int]]:
    compiled = pattern(section, text)
    if compiled is None:
        return []
    return [m.span() for m in compiled.finditer(text) if m.end() > m.start()]
