"""Betting-site names by their build (rules/data/spam-shapes.txt), and the bare stems of names found.

A name like 环球国际(中国)官方网站 or uedbet体育 is a stem plus words betting sites append; the shapes
find new brands of the same build. A clone that put the full name in one place often put the bare
stem in another (a prefix line 环球国际): once a stem is known from a full name, its other
occurrences are the same brand.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lazy_re
from ..resources import data_path

# every shape holds one of these; the shapes are tried only in a window around each (the shapes start
# with character classes, which the regex engine would try at every position of the text):
# 官方网站|体育|…|bet|casino|[a-z]\d{2,}-\d. Searched as two patterns: an alternation whose branches all
# start with a literal lets the engine skip at C speed to where one could start, and one class-led
# branch makes it try every branch at every position. The two never match at one position (a letter
# then a digit lead the last; a letter then a letter, or a hanzi, the words), and no word starts inside a
# letter-digit match (only its first character is a letter), so the one alternation's matches are the
# two scans' matches less a letter-digit match that starts inside a word match (t12-3 in bet12-3: the
# alternation, having taken the word, never tries there) — ``_needle_spans``.
_NEEDLE_WORDS = r"官方网站|体育|电竞|棋牌|真人|通用版|投注|下注|买球|博彩|赌|娱乐城|登录入口|网页版|bet|casino"
_WORD_NEEDLES = lazy_re.compile(_NEEDLE_WORDS)
_CODE_NEEDLE = lazy_re.compile(r"[a-z]\d{2,}-\d")
_REACH = 20
_AFFIXES = lazy_re.compile(r"[(（]中国[)）]官方网站|网页版|登录入口|体育|娱乐|官网|官方网站|备用网址|网址|投注|app|下载|平台")


@lru_cache(maxsize=1)
def _parts() -> tuple[str, ...]:
    lines = data_path("spam-shapes.txt").read_text(encoding="utf-8").splitlines()
    return tuple(ln.split("   # ", 1)[0].strip() for ln in lines if ln.strip() and not ln.startswith("#"))


def _pattern() -> re.Pattern:
    return _compiled(_parts())


@lru_cache(maxsize=64)
def _compiled(parts: tuple[str, ...]) -> re.Pattern:
    return lazy_re.compile("|".join(f"(?:{p})" for p in parts))


# Per shape line of the data file, strings one of which every match of it holds: in a window holding
# none of them the line cannot match, and is left out of the window's pattern (an alternative that
# matches nowhere changes no match of an alternation; the class-led shapes cost the engine a try at
# every position of the window). tests/contamination/test_contam_fast_paths.py checks each list against
# matches of its line; a line not listed is always kept.
_SHAPE_NEEDLES = {
    r"[\u4e00-\u9fffa-z0-9]{2,8}\s?[·・]?\s?[(（]中国[)）]官方网站": ("官方网站",),
    r"(?:ios|安卓)\s*[/／]?\s*(?:安卓|ios)?\s*通用版": ("通用版",),
    r"[a-z0-9]{2,12}(?:体育|电竞|真人|棋牌)(?:投注|备用网址|官网|官方网站|娱乐在线|娱乐|在线|平台|app)|"
    r"[\u4e00-\u9fff]{2,6}体育(?:投注|备用网址|官网|官方网站|娱乐在线)": ("体育", "电竞", "真人", "棋牌"),
    r"(?:[a-z0-9]{2,12}|[\u4e00-\u9fff]{2,6})(?:投注|下注)(?:官网|网址|平台|网站|app)": ("投注", "下注"),
    r"[a-z0-9]{2,12}体育(?=[_,，、|@])": ("体育",),
    r"买球(?:网站|网址|平台|app|官网)?": ("买球",),
    r"(?:十大|正规)?博彩(?:公司|网址|网站|平台|官网|业网址|业)": ("博彩",),
    r"澳门[\u4e00-\u9fff]{0,4}(?:赌场|博彩|赌城|葡京)": ("澳门",),
    r"(?:网上|在线|线上|真人)(?:赌场|赌博|博彩|投注|娱乐城)": ("赌场", "赌博", "博彩", "投注", "娱乐城"),
    r"[\u4e00-\u9fffa-z0-9]{1,8}娱乐城": ("娱乐城",),
    r"[a-z][a-z0-9]{1,11}(?:网页版)?登录入口(?:官网)?|[\u4e00-\u9fff]{2,4}网页版登录入口(?:官网)?": ("登录入口",),
    r"[a-z]{2,12}网页版(?:登录|官网|入口)": ("网页版",),
    r"[a-z0-9]*(?:bet|casino)[a-z0-9]*(?:官网|官方网站|体育|娱乐|app|网址)": ("bet", "casino"),
    r"[a-z]{2,}\d{2,}-\d{2,}(?:-\d{2,})?(?=工作规则|办公室|人民政府|关于)": ("-",),
}


def _window_pattern(window: str) -> re.Pattern | None:
    """The shapes' alternation without the lines that cannot match in ``window``; None when none is left."""
    active = tuple(p for p in _parts() if p not in _SHAPE_NEEDLES or any(s in window for s in _SHAPE_NEEDLES[p]))
    return _compiled(active) if active else None


# “(中国)官方网站” names follow whatever the clone replaced, often an agency name or a verb: the name
# starts after the last character that ends such words (…环境局|环球国际(中国)官方网站, 主动在|…)
_CN_SITE = lazy_re.compile(r"[(（]中国[)）]官方网站")
_WORD_END = set("局委办区县市镇乡厅室院站所处科队会府部在的于和与由及将向对为是从经")


def _trim_cn_site(folded: str, start: int, end: int) -> int:
    m = _CN_SITE.search(folded, start, end)
    if m is None or m.start() == start:
        return start
    head = folded[start:m.start()]
    cut = max((k + 1 for k, c in enumerate(head) if c in _WORD_END), default=0)
    if len(head) - cut < 2:
        cut = max(0, len(head) - 4)
    return start + cut


def spans(folded: str) -> list[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    done = -1
    for start, end in _needle_spans(folded):
        lo, hi = max(done, start - _REACH, 0), min(len(folded), end + _REACH)
        if lo >= hi:
            continue
        pattern = _window_pattern(folded[lo:hi])
        if pattern is not None:
            found.update((_trim_cn_site(folded, *m.span()), m.end()) for m in pattern.finditer(folded, lo, hi)
                         if m.end() > m.start())
        done = start
    return sorted(found)


def _needle_spans(folded: str) -> list[tuple[int, int]]:
    """Spans of the needles' one alternation, from the two scans (see _NEEDLE_WORDS)."""
    words = [m.span() for m in _WORD_NEEDLES.finditer(folded)]
    codes = [m.span() for m in _CODE_NEEDLE.finditer(folded)] if "-" in folded else []
    if not codes:
        return words
    out, word_end = [], 0
    for span, is_word in sorted([(w, True) for w in words] + [(c, False) for c in codes]):
        if is_word:
            word_end = span[1]
        elif span[0] < word_end:
            continue                     # the alternation, at the word, never tried inside it
        out.append(span)
    return out


def stem_of(name: str) -> str:
    """The brand stem of a name: what comes before the first betting word (环球国际(中国)官方网站 → 环球国际)."""
    m = _AFFIXES.search(name)
    return name[:m.start()] if m else ""


def _stem_ok(stem: str) -> bool:
    if re.fullmatch(r"[\u4e00-\u9fff]{3,8}", stem):
        return True
    return bool(re.fullmatch(r"[a-z][a-z0-9\-]{2,15}", stem)) and stem not in ("app", "www", "http", "https")


def stem_spans(folded: str, names: list[str]) -> list[tuple[int, int]]:
    """Other occurrences of the stems of ``names`` (whole Latin words only)."""
    out = []
    for stem in {stem_of(n) for n in names}:
        if not _stem_ok(stem):
            continue
        start = folded.find(stem)
        while start >= 0:
            end = start + len(stem)
            latin_inside = stem.isascii() and (start and folded[start - 1].isalnum() and folded[start - 1].isascii()
                                               or end < len(folded) and folded[end].isascii() and folded[end].isalnum())
            if not latin_inside:
                out.append((start, end))
            start = folded.find(stem, end)
    return out
