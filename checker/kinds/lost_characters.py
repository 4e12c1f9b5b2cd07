"""Characters whose bytes are gone: U+FFFD, 锟斤拷 (U+FFFD twice re-read as GBK), 烫烫烫/屯屯屯, ??? runs.

Nothing to repair — the finding tells the user to fetch the original again. Scans the original text:
no normalisation step touches these characters.
"""

from __future__ import annotations

from functools import lru_cache
from .. import lazy_re

# (problem, pattern, substrings one of which every match contains: a cheap test that skips the scan)
_KINDS = [
    ("替换字符", lazy_re.compile(r"(?:\ufffd|锟斤拷)+"), ("\ufffd", "锟斤拷")),
    ("未初始化内存", lazy_re.compile(r"(?:烫烫|屯屯)[烫屯]*"), ("烫烫", "屯屯")),
]


@lru_cache(maxsize=4)
def _kinds(min_question_marks: int) -> list:
    return _KINDS + [("问号替代的汉字", lazy_re.compile(r"\?{%d,}" % min_question_marks), ("?" * min_question_marks,))]


def check(doc, rule):
    text = doc.source.text
    for problem, rx, needles in _kinds(rule.params.get("min_question_marks", 3)):
        # a one-character search is several times faster than a longer one, and rules most out
        if not any(needle[0] in text and needle in text for needle in needles):
            continue
        for m in rx.finditer(text):
            yield rule.diag(doc, m.start(), m.end(), normalised=False, found=m.group(), problem=problem)
