"""A rate stated in prose against the two counts it is computed from, in the same sentence
(“共受理审批事项117件，办结171件，办结率100%”): numerator / denominator must give the stated rate at
its printed precision (rounded or truncated). The rate word and the two counts are patterns in the
rule's params; a sentence that also states a carried-over count (上年结转) is skipped, since the rate
may then be taken over received + carried over."""

from __future__ import annotations

from .. import lazy_re
from .prose_sum import _fits


def _plausible(figure: str) -> bool:
    return len(figure) <= 12 and figure.replace(".", "", 1).isdecimal()

_SENTENCE_ENDS = "。！？!?\n"
WINDOW = 160


def compile(params):
    # lazy: a report states no rate, or a rate with no sentence to check, and the rest go unused
    return [(r["name"], lazy_re.compile(r["rate"]), lazy_re.compile(r["numerator"]),
             lazy_re.compile(r["denominator"]), lazy_re.compile(params.get("skip", r"(?!)")))
            for r in params["rates"]]


def check(doc, rule):
    text = doc.text
    for name, rate, num, den, skip in rule.compiled:
        for m in rate.finditer(text):
            start = _sentence_start(text, m.start())
            head = text[start:m.start()]
            if skip.search(head):
                continue
            n, d = _last(num, head), _last(den, head)
            if n is None or d is None or not all(_plausible(x) for x in (n.group(1), d.group(1), m.group(1))):
                continue
            if int(d.group(1)) <= 0:
                continue
            stated = float(m.group(1))
            decimals = len(m.group(1).partition(".")[2])
            a, b = int(n.group(1)), int(d.group(1))
            if _fits(a, b, stated, decimals):
                continue
            actual = a / b * 100
            diag = rule.diag(doc, m.start(1), m.end(1), name=name, stated=m.group(1), count=a, total=b,
                             actual=f"{actual:.{max(decimals, 1)}f}")
            diag.related = [(*doc.orig_span(start + n.start(1), start + n.end(1)), "分子"),
                            (*doc.orig_span(start + d.start(1), start + d.end(1)), "分母")]
            yield diag


def _sentence_start(text: str, pos: int) -> int:
    """Just after the last sentence end in the ``WINDOW`` characters before ``pos``, else the window's
    start."""
    lo = max(0, pos - WINDOW)
    last = max(text.rfind(ch, lo, pos) for ch in _SENTENCE_ENDS)
    return last + 1 if last >= 0 else lo


def _last(rx, head: str):
    found = None
    for found in rx.finditer(head):
        pass
    return found
