"""Comparing heading titles with the template's, tolerant of width, spacing and punctuation."""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache

from .. import lazy_re
from ..templates import Template, TemplateSection

_DROP = lazy_re.compile(r"[\s、,，.。:：;；()（）《》“”\"'·\-—]+")


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


# Words reports add to a template title without changing what the section is about
# (一、政府信息公开总体工作情况, 三、收到和处理政府信息公开的申请情况): such a title is a variant, not another title.
_FILLER = frozenset("的工作政府信息公开年度本")


def _padded(title: str, template_title: str) -> bool:
    """The template title in order inside `title`, every other character a filler one."""
    if len(title) <= len(template_title):
        return False
    i = 0
    for ch in title:
        if i < len(template_title) and ch == template_title[i]:
            i += 1
        elif ch not in _FILLER:
            return False
    return i == len(template_title)


def _keyword_hit(title: str, section: TemplateSection) -> bool:
    return any(all(k in title for k in group) for group in section.keywords)


# Per template object: heading title → identify() result. Reports repeat the same few dozen headings,
# and the fuzzy comparison is the costly part of parsing a report's structure.
_MEMO: dict[int, tuple[Template, dict[str, tuple]]] = {}
_MEMO_LIMIT = 4096


def identify(title: str, template: Template) -> tuple[TemplateSection | None, str, float]:
    """Best template section for a heading title: (section, how, score); how ∈ exact/variant/fuzzy."""
    entry = _MEMO.get(id(template))
    if entry is None or entry[0] is not template:
        entry = _MEMO[id(template)] = (template, {})
    memo = entry[1]
    found = memo.get(title)
    if found is None:
        if len(memo) >= _MEMO_LIMIT:
            memo.clear()
        found = memo[title] = _identify(title, template)
    return found


def _identify(title: str, template: Template) -> tuple[TemplateSection | None, str, float]:
    t = squash(title)
    best: tuple[TemplateSection | None, str, float] = (None, "", 0.0)
    for sec in template.sections:
        if t == _squashed(sec.title):
            return sec, "exact", 1.0
        if any(t == _squashed(v) for v in sec.variants) or _padded(t, _squashed(sec.title)):
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
