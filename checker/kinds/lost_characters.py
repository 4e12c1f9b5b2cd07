"""Characters whose bytes are gone: U+FFFD, 锟斤拷 (U+FFFD twice re-read as GBK), 烫烫烫/屯屯屯, ??? runs.

Nothing to repair — the finding tells the user to fetch the original again. Scans the original text:
no normalisation step touches these characters.
"""

from __future__ import annotations

import re

_KINDS = [
    ("替换字符", re.compile(r"(?:\ufffd|锟斤拷)+")),
    ("未初始化内存", re.compile(r"(?:烫烫|屯屯)[烫屯]*")),
]


def check(doc, rule):
    text = doc.source.text
    n = rule.params.get("min_question_marks", 3)
    kinds = _KINDS + [("问号替代的汉字", re.compile(r"\?{%d,}" % n))]
    for problem, rx in kinds:
        for m in rx.finditer(text):
            yield rule.diag(doc, m.start(), m.end(), normalised=False, found=m.group(), problem=problem)
