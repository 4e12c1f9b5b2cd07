"""Comparing heading titles with the template's, tolerant of width, spacing and punctuation."""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache

from ..templates import Template, TemplateSection

_DROP = re.compile(r"[\s、,，.。:：;；()（）《》“”\"'·\-—]+")


def squash(s: str) -> str:
    return _DROP.sub("", s)


@lru_cache(maxsize=1024)
def _squashed(s: str) -> str:
    """squash() of template titles and variants: a handful of strings, asked for on every heading."""
    return squash(s)


@lru_cache(maxsize=256)
def _matcher(template_title: str) -> SequenceMatcher:
    """A matcher whose second sequence is a template title: SequenceMatcher indexes its second
    sequence once, so headings are compared by swapping the first (set_seq1) only. Processes, not
    threads, share the work, so one matcher per title is safe."""
    return SequenceMatcher(None, "", template_title)


def _keyword_hit(title: str, section: TemplateSection) -> bool:
    return any(all(k in title for k in group) for group in section.keywords)


def identify(title: str, template: Template) -> tuple[TemplateSection | None, str, float]:
    """Best template section for a heading title: (section, how, score); how ∈ exact/variant/fuzzy."""
    t = squash(title)
    best: tuple[TemplateSection | None, str, float] = (None, "", 0.0)
    for sec in template.sections:
        if t == _squashed(sec.title):
            return sec, "exact", 1.0
        if any(t == _squashed(v) for v in sec.variants):
            cand = (sec, "variant", 0.95)
        elif _keyword_hit(t, sec):
            cand = (sec, "exact" if not template.title_check else "fuzzy", 0.85)
        else:
            m = _matcher(_squashed(sec.title))
            m.set_seq1(t)
            # the cheap upper bounds of ratio() settle many pairs: a score that cannot beat the best
            # so far changes nothing below
            if m.real_quick_ratio() <= best[2] or m.quick_ratio() <= best[2]:
                continue
            cand = (sec, "fuzzy", m.ratio())
        if cand[2] > best[2]:
            best = cand
    if best[2] < 0.6:
        return None, "", best[2]
    return best
