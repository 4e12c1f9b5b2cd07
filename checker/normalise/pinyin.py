"""Pinyin annotations glued after characters by content-farm mirrors: ``區(qū)``.

Only the tone-marked form is removed: legitimate reports use full-width brackets and never put
tone-marked Latin after a hanzi, so ``(一)``, ``(以下简称《条例》)`` or ``(app)`` are never touched.
"""

from __future__ import annotations

import re

from .mapped import StepEdit

TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_PYC = "a-zü" + TONE + "ɑɡ"
PINYIN_TONE = re.compile(r"(?<=[\u3400-\u9fff])\((?=[%s]*[%s])[%s]{1,6}\)" % (_PYC, TONE, _PYC))


def edits(text: str, ctx: dict) -> list[StepEdit]:
    if "(" not in text:
        return []
    return [StepEdit(m.start(), m.end(), "", "pinyin-annotation", m.group()) for m in PINYIN_TONE.finditer(text)]
