"""Pinyin annotations glued after characters by content-farm mirrors: ``區(qū)``.

Only the tone-marked form is removed: legitimate reports use full-width brackets and never put
tone-marked Latin after a hanzi, so ``(一)``, ``(以下简称《条例》)`` or ``(app)`` are never touched.
CJK-spacing fixers (autocorrect, zhlint) turn ``區(qū)政`` into ``區 (qū) 政``: the space they put before
the bracket and the one before the next hanzi belong to the annotation, so removing it gives ``區政``.
"""

from __future__ import annotations

from .. import lazy_re
from .mapped import StepEdit

TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PYC = "a-zü" + TONE + "ɑɡ"
# The annotation is found by a pattern starting with the literal ``(`` (scanned for at C speed) and the
# hanzi before it is tested here: as a class in the pattern, the 27,000 code points of U+3400–U+9FFF
# would cost ~1 ms to compile on every run.
_ANNOTATION = lazy_re.compile(r"\((?=[%s]*[%s])[%s]{1,6}\)" % (_PYC, TONE, _PYC))


class Annotation:
    """One annotation: ``start:end`` covers the bracket and the spaces a spacing fixer put around it."""

    __slots__ = ("start_", "end_", "syllable", "char")

    def __init__(self, start: int, end: int, syllable: str, char: str) -> None:
        self.start_, self.end_, self.syllable, self.char = start, end, syllable, char

    def start(self) -> int:
        return self.start_

    def end(self) -> int:
        return self.end_

    def span(self) -> tuple[int, int]:
        return self.start_, self.end_


def _hanzi(c: str) -> bool:
    return "\u3400" <= c <= "\u9fff"


def annotations(text: str):
    """``(tone-marked pinyin)`` right after a character in U+3400–U+9FFF, or after it and one space;
    a space after the bracket is part of it when a hanzi follows."""
    for m in _ANNOTATION.finditer(text):
        start, end = m.start(), m.end()
        if start and _hanzi(text[start - 1]):
            char = text[start - 1]
        elif start > 1 and text[start - 1] == " " and _hanzi(text[start - 2]):
            char, start = text[start - 2], start - 1
        else:
            continue
        if text.startswith(" ", end) and end + 1 < len(text) and _hanzi(text[end + 1]):
            end += 1
        yield Annotation(start, end, m.group()[1:-1], char)


def edits(text: str, ctx: dict) -> list[StepEdit]:
    # every annotation holds a tone mark: most reports have none, and then the pattern is never compiled
    if "(" not in text or not any(t in text for t in TONE):
        return []
    return [StepEdit(a.start_, a.end_, "", "pinyin-annotation", f"({a.syllable})") for a in annotations(text)]
