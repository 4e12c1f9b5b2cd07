"""A phrase written twice in a row (主要是因为主要是因为), a copy-paste slip.

Only phrases of ``min_chars`` or more hanzi count: reduplication (研究研究, 常常) is two characters or
one and belongs to the language. Fix (unsafe: meaning is the author's call): delete the second copy.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lazy_re
from ..model.diagnostic import Edit, Fix


@lru_cache(maxsize=8)
def _pattern(min_chars: int, max_chars: int) -> re.Pattern:
    return lazy_re.compile(r"([\u4e00-\u9fff]{%d,%d}?)\1" % (min_chars, max_chars))


def compile(params):
    low, high = params.get("min_chars", 3), params.get("max_chars", 20)
    if low > high:
        raise ValueError(f"min_chars（{low}）大于 max_chars（{high}）")
    return _pattern(low, high)


def check(doc, rule):
    rx = rule.compiled
    for m in rx.finditer(doc.text):
        phrase = m.group(1)
        second = m.start() + len(phrase)
        s, e = doc.orig_span(second, m.end())
        fix = Fix((Edit(s, e, ""),), safe=False, description=f"删除重复的“{phrase}”")
        yield rule.diag(doc, m.start(), m.end(), fix=fix, found=m.group(), expected=phrase, phrase=phrase)
