"""Section headings run into the text: web copies and crawlers that dropped the line breaks print a
whole report on one line (``…监督和指导。二、主动公开政府信息情况（一）主动公开…``).

A numbered heading is recognised inside a line only where a new paragraph could start — after a
sentence end (。！？), after a colon or page chrome followed by a space, or at a line start the
line-by-line scan gave up on because the body follows without punctuation — and only when the words
after the numeral are a known section title (exact, variant, topic keywords or close wording of some
template generation). After the last number of a table or after a word and a space, only an exact
or variant title counts. The title ends where the body begins: at a space, a sub-numbering, punctuation
or a digit, or right after a title-closing word (情况, 概述, 事项 …) when the body follows directly.
A title followed by a list separator (``一、总体情况；二、主动公开…``) is an enumeration of the
sections in an introduction, not a heading.
"""

from __future__ import annotations

from .. import lazy_re
from ..templates import templates
from .headings import MAX_TITLE, Heading
from .numerals import cn_to_int
from .titles import identify

# The numeral and its separator. Only 、 and dot separators: a bare space after a numeral inside a
# sentence is too common (“一 二 三”, 全年一 次) to start a heading.
_NUMERAL = lazy_re.compile(r"([一二三四五六七八九十])([ \t\u3000]*[、.．][ \t\u3000]*)")
# Where the title stops at the latest: the body starts with a space, sub-numbering, punctuation or a
# number (“三、政府信息依申请公开工作情况 2011年…”, “二、主动公开政府信息情况（一）…”).
_HARD_END = lazy_re.compile(r"[\s。，,；;：:！？!?（(“\"《\d]")
# Words a section title ends with; the body may follow them without any separator.
_CLOSING = lazy_re.compile(r"情况|概述|概况|事项|措施|统计表")
_SENTENCE_END = "。！？!?"
_AFTER_SPACE = "：:>"            # 报告如下： 一、…  /  crawler chrome “相关链接： -->”
_LIST_SEPARATORS = "；;，,、"
STRONG = 0.8
EXACT = 0.95            # exact or variant wording: needed where the boundary is weaker (see below)


def inline_headings(text: str, found: list[Heading]) -> list[Heading]:
    """Level-1 headings inside lines of ``text`` that ``found`` (the line-by-line headings) lacks."""
    known = {h.num_start for h in found}
    out = []
    for m in _NUMERAL.finditer(text):
        if m.start() in known:
            continue
        boundary = _boundary(text, m.start())
        if boundary == 0.0:
            continue
        h = _heading(text, m, STRONG if boundary == 1.0 else EXACT)
        if h is not None:
            out.append(h)
    return out + _gaps(text, sorted(found + out, key=lambda h: h.start), known)


def _gaps(text: str, heads: list[Heading], known: set[int]) -> list[Heading]:
    """A section between two found ones whose title is reworded past recognition (``四、…。 五、下一步工作
    计划 …。 六、…``): its numeral, at a sure paragraph start (or right after the heading before it, an
    empty section), is the only one of that number in the gap, so the heading is taken by its number, as
    a heading on a line of its own would be."""
    out = []
    level1 = [h for h in heads if h.level == 1]
    for a, b in zip(level1, level1[1:]):
        if b.number != a.number + 2:
            continue
        hits = [m for m in _NUMERAL.finditer(text, a.end, b.start)
                if cn_to_int(m.group(1)) == a.number + 1 and m.start() not in known]
        if len(hits) != 1:
            continue
        m = hits[0]
        if _boundary(text, m.start()) < 1.0 and text[a.end:m.start()].strip():
            continue                    # neither a sure paragraph start nor right after heading a
        hard = _HARD_END.search(text, m.end(), m.end() + MAX_TITLE + 1)
        if hard is None or hard.start() - m.end() < 2 or text[hard.start()] in "，,；;、":
            continue                    # no title-sized phrase, or an item of a list
        out.append(_made(text, m, hard.start()))
    return out


def merged(found: list[Heading], inline: list[Heading]) -> list[Heading]:
    return sorted(found + inline, key=lambda h: h.start) if inline else found


def _boundary(text: str, at: int) -> float:
    """How surely a paragraph may start at ``at``: 1.0 after a sentence end, a line start (the line
    scan gave up on it) or a colon or chrome and a space; 0.5 after the last number of a table run
    into the text (``…行政事业性收费0三、收到和处理…``) or after a word and a space (a title line run
    into its first heading); 0.0 otherwise (inside a sentence)."""
    i = at
    while i > 0 and text[i - 1] in " \t\u3000":
        i -= 1
    if i == 0 or text[i - 1] in "\r\n":
        return 1.0
    prev = text[i - 1]
    if prev in _SENTENCE_END or (i < at and prev in _AFTER_SPACE):
        return 1.0
    if prev.isdigit() or (i < at and prev not in _LIST_SEPARATORS):
        return 0.5
    return 0.0


def _heading(text: str, m, threshold: float) -> Heading | None:
    title_start = m.end()
    hard = _HARD_END.search(text, title_start, title_start + MAX_TITLE + 1)
    stop = hard.start() if hard else min(len(text), title_start + MAX_TITLE)
    end = _best_end(text, title_start, stop, threshold)
    if end is None or text[end:end + 1] in _LIST_SEPARATORS:
        return None
    return _made(text, m, end)


def _made(text: str, m, end: int) -> Heading:
    """The level-1 heading of numeral match ``m`` whose title ends at ``end``."""
    num_start, sep_start, sep_end = m.start(1), m.start(2), m.end(2)
    return Heading(1, cn_to_int(m.group(1)), m.group(1), m.group(2), text[m.end():end], num_start, end,
                   num_start, sep_start, sep_end, m.end(), end)


def _best_end(text: str, start: int, stop: int, threshold: float) -> int | None:
    """The title end among the closing words and the hard stop whose title is the best-identified
    section title (the shortest on a tie); None when none scores ``threshold``."""
    ends = [c.end() for c in _CLOSING.finditer(text, start, stop)]
    if stop not in ends:
        ends.append(stop)
    best, best_score = None, threshold - 1e-9
    for end in ends:
        title = text[start:end]
        if len(title) < 2:
            continue
        score = _score(title)
        if score > best_score:
            best, best_score = end, score
    return best


def _score(title: str) -> float:
    """The best identification of ``title`` in any generation (the template is not known yet)."""
    best = 0.0
    for t in templates().values():
        sec, _, score = identify(title, t)
        if sec is not None and score > best:
            best = score
    return best
