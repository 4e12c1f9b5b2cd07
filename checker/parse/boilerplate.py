"""Web-page furniture lines at a report's head or tail (返回顶部, 当前位置：首页 > …, 索引号…).

The fixed patterns are data (rules/data/boilerplate.txt); the shapes of chrome lines are
checker/contamination/chrome.py. Only whole lines before the report's text and a trailing block after
the last section's content count here: the same words inside the report body (“在政府门户网站分享”)
are never touched. The structure parser ends the last section where the
tail block starts, so “六、其他需要报告的事项” followed only by 返回顶部 is an empty section.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lazy_re
from ..contamination import chrome
from ..resources import data_path

HEAD, TAIL = "head", "tail"


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern]:
    """Per position, one pattern matching where any of the file's patterns for it matches: a line is
    tested in one pass instead of one per pattern. (The patterns hold no backreferences, so joining
    them as alternatives changes nothing but group numbers.)"""
    return {k: lazy_re.compile("|".join(f"(?:{raw})" for raw in v) if v else "(?!)") for k, v in pattern_sources().items()}


def pattern_sources() -> dict[str, list[str]]:
    """The data file's patterns, as written, per position (head, tail)."""
    out: dict[str, list[str]] = {HEAD: [], TAIL: []}
    section = "both"
    for raw in data_path("boilerplate.txt").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith("[") and raw.rstrip().endswith("]"):
            section = raw.strip()[1:-1]
            continue
        for where in ((HEAD, TAIL) if section == "both" else (section,)):
            out[where].append(raw)
    return out


# For each pattern line of the data file, strings one of which every match of it holds (the test checks
# each list against matches of its line). A line holding none of its position's strings is matched by
# none of its patterns, and they are not compiled for it; a pattern not listed here turns this off.
_NEEDLES = {
    r"^(当前位置|您(现在|当前所在)?的位置|位置)\s*[:：].*$": (":", "："),
    r"^首页\s*[>›»].*$": ("首页",),
    r"^(听全文|点击收听.*|无障碍浏览|视力保护色.*|站内搜索.*|正在阅读.*)$":
        ("听全文", "点击收听", "无障碍浏览", "视力保护色", "站内搜索", "正在阅读"),
    r"^(索\s*引\s*号|信息分类|主题分类|发\s*布\s*机\s*构|发文机构|发文字号|文\s*号|成文日期|发文日期|发布日期|生成日期|"
    r"信息来源|关\s*键\s*词|有\s*效\s*性|体裁分类|服务对象分类|生命周期分类|信息名称|内容概述|统一编号|实施日期|失效日期|"
    r"发布机关|文件状态)\s*[:：|].*$": (":", "：", "|"),
    r"^(发布|发文)(日期|时间)\s*[:：]?\s*[\d\-/年月日: ]+.*(来源|浏览|字号|字体).*$": ("日期", "时间"),
    r"^返回顶部$": ("返回顶部",),
    r"^(?:【\s*|\s*)(?:打印本页|关闭窗口|打印|关闭|收藏|分享到微信)(?:\s*】)?(?:\s*(?:【\s*)?(?:打印本页|关闭窗口|打印|关闭|收藏|"
    r"分享到微信)(?:\s*】)?)*\s*$": ("打印", "关闭", "收藏", "分享到微信"),
    r"^(上一篇|下一篇)\s*[:：]?.*$": ("上一篇", "下一篇"),
    r"^(相关(词条|文章|阅读|链接|附件)|热门词条|其他相关链接|友情链接)\s*[:：]?$": ("相关", "热门词条", "友情链接"),
    r"^(联络我们|联系我们|关于我们)(\s*[|｜].*)?$": ("联络我们", "联系我们", "关于我们"),
    r"^扫一扫.*$": ("扫一扫",),
    r"^(扫码关注|关注我们).*$": ("扫码关注", "关注我们"),
    r"^公开方式\s*[:：]\s*(主动公开|依申请公开|不予公开)$": ("公开方式",),
    r"^(版权所有|主办单位|承办单位|维护单位|技术支持)\s*[:：].*$": (":", "："),
    r"^.*(ICP备\s*\d+号|公网安备\s*\d+号|网站标识码\s*[:：]?\s*\d+).*$": ("ICP备", "公网安备", "网站标识码"),
    r"^.*版权所有.*$": ("版权所有",),
    r"^为确保最佳浏览效果.*$": ("为确保最佳浏览效果",),
    r"^.*字[号体]\s*[:：]?\s*[\[【(（]?\s*大\s*中\s*小\s*[\]】)）]?.*$": ("字号", "字体"),
    r"^(分享到|分享至)\s*[:：]?.*$": ("分享到", "分享至"),
    r"^(设为首页|加入收藏).*$": ("设为首页", "加入收藏"),
    r"^.*(浏览次数|点击数|阅读量|访问量)\s*[:：]\s*\d*\s*$": (":", "："),
    r"^【?\s*(打印本页|关闭窗口)\s*】?$": ("打印本页", "关闭窗口"),
}


def needles(raw: str) -> tuple[str, ...] | None:
    """The strings one of which every match of a pattern line holds; None when not known."""
    return _NEEDLES.get(raw)


@lru_cache(maxsize=1)
def _position_needles() -> dict[str, tuple[str, ...] | None]:
    """Per position, every string of its patterns; None when a pattern's strings are not known."""
    out: dict[str, tuple[str, ...] | None] = {}
    for where, raws in pattern_sources().items():
        lists = [_NEEDLES.get(raw) for raw in raws]
        out[where] = None if any(x is None for x in lists) else tuple(dict.fromkeys(n for x in lists for n in x))
    return out


def is_boilerplate(line: str, where: str) -> bool:
    """Whether one of the data file's patterns for ``where`` matches the whole stripped line."""
    s = line.strip()
    if not s:
        return False
    strings = _position_needles()[where]
    if strings is not None and not any(n in s for n in strings):
        return False
    return patterns()[where].match(s) is not None


def is_tail_line(line: str) -> bool:
    """A line of the trailing furniture block: a data-file pattern, or the shape of page chrome
    (footers, credits, field lines, lone separators; checker/contamination/chrome.py)."""
    s = line.strip()
    return bool(s) and (is_boilerplate(s, TAIL) or chrome.classify_body(s) or chrome.is_separator(s))


def lines_with_offsets(text: str, start: int = 0, end: int | None = None):
    """(line start, line end without break, line text) for ``text[start:end]``."""
    end = len(text) if end is None else end
    pos = start
    for line in text[start:end].splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield pos, pos + len(body), body
        pos += len(line)


# tail_start splits only this many final characters into lines at first: the block is a few lines long
_TAIL_WINDOW = 2000


def tail_start(text: str, floor: int = 0) -> int:
    """Start of the trailing boilerplate block (blank lines included), or ``len(text)`` if none.

    ``floor``: the block never reaches before it (the last heading's end)."""
    cut = max(floor, len(text) - _TAIL_WINDOW)
    lines = list(lines_with_offsets(text, cut))
    if cut > floor:
        # the first line may have been cut short: it is not read, and if the scan gets that far
        # without meeting report text, it starts again from the floor
        start, settled = _scan_tail(text, lines[1:])
        if settled:
            return start
        lines = list(lines_with_offsets(text, floor))
    return _scan_tail(text, lines)[0]


def _scan_tail(text: str, lines) -> tuple[int, bool]:
    """(tail_start over ``lines``, whether a line of report text ended the scan)."""
    start = len(text)
    found = False
    for s, _, body in reversed(lines):
        if not body.strip():
            start = s if found else start
            continue
        if not is_tail_line(body):
            return (start if found else len(text)), True
        start, found = s, True
    return (start if found else len(text)), False
