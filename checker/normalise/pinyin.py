"""Pinyin annotations glued after characters by content-farm mirrors: ``區(qū)``.

Only the tone-marked form is removed: legitimate reports use full-width brackets and never put
tone-marked Latin after a hanzi, so ``(一)``, ``(以下简称《条例》)`` or ``(app)`` are never touched.
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


def annotations(text: str):
    """Matches of ``(tone-marked pinyin)`` right after a character in U+3400–U+9FFF."""
    for m in _ANNOTATION.finditer(text):
        if m.start() and "\u3400" <= text[m.start() - 1] <= "\u9fff":
            yield m


def edits(text: str, ctx: dict) -> list[StepEdit]:
    # every annotation holds a tone mark: most reports have none, and then the pattern is never compiled
    if "(" not in text or not any(t in text for t in TONE):
        return []
    return [StepEdit(m.start(), m.end(), "", "pinyin-annotation", m.group()) for m in annotations(text)]
