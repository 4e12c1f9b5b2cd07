"""Residue inside a report's lines (rules/data/residue.txt): template guidance, inline page chrome,
encoding placeholders. Each section of the data file is one rule's patterns."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lazy_re
from ..resources import data_path

# what a loosely copied phrase may have between its characters: punctuation, brackets, quotes, spaces
_PUNCT = r"[\s()（）《》〈〉<>“”\"‘’'、，,：:。；;]"
_LOOSE = _PUNCT + "*"


def _literal(phrase: str) -> str:
    return _LOOSE.join(re.escape(c) for c in phrase if c not in _PUNCT_CHARS)


# per loose phrase pattern, the phrase's characters without its punctuation (_holds_loosely)
_CORES: dict[str, str] = {}


# every character _PUNCT matches (its \\s: the characters of str.isspace(); the test checks every code point)
_PUNCT_CHARS = frozenset("\t\n\v\f\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                         "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000()（）《》〈〉<>“”\"‘’'、，,：:。；;")


def _holds_loosely(text: str, core: str) -> bool:
    """Whether ``_literal(core)`` matches somewhere in ``text``: its characters in order with only
    _PUNCT characters between them. None of them is one, so the match from a start is a plain walk."""
    i = text.find(core[0])
    while i >= 0:
        j, k = i + 1, 1
        while k < len(core) and j < len(text):
            c = text[j]
            if c == core[k]:
                k += 1
            elif c not in _PUNCT_CHARS:
                break
            j += 1
        if k == len(core):
            return True
        i = text.find(core[0], i + 1)
    return False


@lru_cache(maxsize=1)
def _sources() -> dict[str, list[tuple[str, frozenset | None]]]:
    """Per section, (pattern, characters a match needs): a literal phrase needs every one of its own
    characters, a regex line None (not known)."""
    out: dict[str, list[tuple[str, frozenset | None]]] = {}
    section = None
    for raw in data_path("residue.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("   # ", 1)[0].rstrip()
        if not line.strip() or line.startswith("#"):
            continue
        if re.fullmatch(r"\[[a-z-]+\]", line):
            section = line[1:-1]
            out.setdefault(section, [])
            continue
        if line.startswith("= "):
            phrase = line[2:]
            _CORES[_literal(phrase)] = "".join(c for c in phrase if c not in _PUNCT_CHARS)
            out[section].append((_literal(phrase), frozenset(c for c in phrase if c not in _PUNCT_CHARS)))
        else:
            out[section].append((line, None))
    return out


@lru_cache(maxsize=32)
def _compiled(patterns: tuple[str, ...]) -> re.Pattern:
    """One pattern for the alternatives (none holds a backreference)."""
    return lazy_re.compile("|".join(f"(?:{p})" for p in patterns), re.M)


def pattern(section: str, text: str | None = None) -> re.Pattern | None:
    """The section's pattern; given ``text``, without the literal phrases that cannot match it (a phrase
    lacking one of its characters there). A loose phrase puts a punctuation class between every two
    characters, which makes it dear to compile, and nearly every report lacks them: they are compiled
    only for a text that holds all their characters. None when nothing is left."""
    entries = _sources()[section]
    chars = set(text) if text is not None and any(need for _, need in entries) else None
    active = tuple(p for p, need in entries if need is None or chars is None or need <= chars)
    return _compiled(active) if active else None


# For each regex line of the data file, strings one of which every match of it contains: a line whose
# strings are all absent from a text cannot match there, and is left out of the pattern compiled for
# it (tests/contamination/test_residue_pretest.py checks each list against matches of its line). A
# line not listed here is always kept.
_NEEDLES = {
    r"[(（][^()（）\n]{0,12}(?:宋体|黑体|仿宋|楷体|小标宋|方正[^()（）\n]{0,6}体|加粗|[小]?[一二三四五六]号字?)[^()（）\n]{0,12}[)）]":
        ("宋体", "黑体", "仿宋", "楷体", "小标宋", "方正", "加粗", "一号", "二号", "三号", "四号", "五号", "六号"),
    # 数量 is in every report: the line's head, cheap to compile, must match too (_HEADS)
    r"[(（]\s*指?\s*(?:19|20)\d{2}\s*年度?\s*[\u4e00-\u9fff]{0,6}(?:件量|事项数|办件数|数量|件数)\s*[)）]":
        ("件量", "事项数", "件数", "数量"),
    r"^\s*(?:编写|填写|填报|撰写|编制)说明\s*[:：]": ("说明",),
    r"[(（][^()（）\n]{0,10}(?:设区的市|自治州)[^()（）\n]{0,20}应(?:当)?(?:提供|填写|填报)[^()（）\n]{0,12}[)）]":
        ("设区的市", "自治州"),
    r"<!--\[if [^\]]{1,40}\]-->|<!\[endif\]-->|<!--\[endif\]-->|<!\[if [^\]]{1,40}\]>": ("<!",),
    r"^\s*Page\s+\d{1,4}\s*[-–—]\s*": ("Page",),
    r"^\s*P\.\s*\d{1,4}\s*$": ("P.",),
    r"已阅读\s*\d+\s*页[,，]?\s*还剩\s*\d+\s*页未读|还剩\s*\d+\s*页未读[,，]?\s*继续(?:免费)?阅读|下载本文档|"
    r"本资源只提供\s*\d+\s*页预览[^\n]{0,20}": ("还剩", "下载本文档", "本资源只提供"),
    r"由会员分享[,，]?可在线阅读[^\n]{0,40}": ("由会员分享",),
    r"(?<![可在从])附件下载\s*[:：]?\s*$": ("附件下载",),
    r"当前位置\s*[:：]\s*首页\S{0,40}": ("当前位置",),
    r"(?:信息)?来源\s*[:：]\s*\S{1,20}\s+(?:发布)?(?:时间|日期)\s*[:：]\s*(?:19|20)\d{2}-\d{1,2}-\d{1,2}"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?": ("来源",),
    r"(?:微信|微博|qq空间|QQ空间)\s[\s微信博qQ空间全真版文字件下载打印关闭收藏]{2,40}(?:相关链接\s*[:：]?)?(?:\s*-->)?":
        ("微信", "微博", "空间"),
    r"\[email[\s\u00a0]*protected\]": ("[email",),
    r"&(?:lt|gt|amp|quot|apos|nbsp|ldquo|rdquo|mdash|hellip|middot|#\d{2,6}|#x[0-9a-fA-F]{2,5});": ("&",),
    r"<[\u4e00-\u9fff][^<>\n]{0,40}>": ("<",),
}


# For a regex line whose needles are common: a pattern for the start of its matches, free of the CJK
# class that makes the line dear to compile; the line cannot match where this finds nothing.
_HEADS = {
    r"[(（]\s*指?\s*(?:19|20)\d{2}\s*年度?\s*[\u4e00-\u9fff]{0,6}(?:件量|事项数|办件数|数量|件数)\s*[)）]":
        lazy_re.compile(r"[(（]\s*指?\s*(?:19|20)\d{2}\s*年"),
}


def head(line: str):
    """The pattern every match of a regex line starts with, when one is kept (_HEADS); else None."""
    return _HEADS.get(line)


def needles(line: str) -> tuple[str, ...] | None:
    """The strings one of which every match of a regex line contains; None when not known."""
    return _NEEDLES.get(line)


def _present(text: str, section: str) -> tuple[str, ...]:
    """The section's patterns that can match ``text``: a literal phrase whose characters are all there,
    a regex line one of whose needles is there (or whose needles are not known)."""
    out = []
    for p, need in _sources()[section]:
        if need is not None:
            # a few character searches cost less than the set of the text's characters
            if all(map(text.__contains__, need)) and _holds_loosely(text, _CORES[p]):
                out.append(p)
            continue
        strings = _NEEDLES.get(p)
        if strings is None or _any_in(strings, text) and (p not in _HEADS or _HEADS[p].search(text)):
            out.append(p)
    return tuple(out)


def _any_in(strings: tuple[str, ...], text: str) -> bool:
    """Whether one of ``strings`` is in ``text``: more than three are searched for in one pass."""
    if len(strings) <= 3:
        return any(s in text for s in strings)
    return _one_of(strings).search(text) is not None


@lru_cache(maxsize=None)
def _one_of(strings: tuple[str, ...]):
    # every branch is a literal, so the engine skips at C speed to where one of their first characters is
    return lazy_re.compile("|".join(map(re.escape, strings)))


def spans(text: str, section: str) -> list[tuple[int, int]]:
    """Spans of ``pattern(section, text)``'s matches, without compiling the lines that cannot match.
    The pattern is one alternation: a branch that matches nowhere in the text changes no match."""
    active = _present(text, section)
    if not active:
        return []
    return [m.span() for m in _compiled(active).finditer(text) if m.end() > m.start()]
