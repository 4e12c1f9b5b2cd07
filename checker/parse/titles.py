"""Comparing heading titles with the template's, tolerant of width, spacing and punctuation."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from ..templates import Template, TemplateSection

_DROP = re.compile(r"[\s、,，.。:：;；()（）《》“”\"'·\-—]+")


def squash(s: str) -> str:
    return _DROP.sub("", s)


def _keyword_hit(title: str, section: TemplateSection) -> bool:
    return any(all(k in title for k in group) for group in section.keywords)


def identify(title: str, template: Template) -> tuple[TemplateSection | None, str, float]:
    """Best template section for a heading title: (section, how, score); how ∈ exact/variant/fuzzy."""
    t = squash(title)
    best: tuple[TemplateSection | None, str, float] = (None, "", 0.0)
    for sec in template.sections:
        if t == squash(sec.title):
            return sec, "exact", 1.0
        if any(t == squash(v) for v in sec.variants):
            cand = (sec, "variant", 0.95)
        elif _keyword_hit(t, sec):
            cand = (sec, "exact" if not template.title_check else "fuzzy", 0.85)
        else:
            cand = (sec, "fuzzy", SequenceMatcher(None, t, squash(sec.title)).ratio())
        if cand[2] > best[2]:
            best = cand
    if best[2] < 0.6:
        return None, "", best[2]
    return best
