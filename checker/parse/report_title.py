"""The report's title: issuing body and year, however the title is laid out.

Published titles come in more shapes than one line ``××机关2024年政府信息公开工作年度报告``:
- the body on one line and ``2024年政府信息公开工作年度报告`` on the next (the usual PDF/Word layout);
- the year first: ``2019年上海市人民政府办公厅政府信息公开工作年度报告``;
- letter-spaced or wrapped: ``2 0 2 4 年``, ``2011\\n年政府信息公开\\n年度报告``, ``…政府信息 公开工作年度报告``.
So the title words are searched in the head with every whitespace (line breaks included) taken out, and
the body is read from the text before the year on its line, from between the year and the title words,
or from the line just above, when that line is nothing but a body's name.
"""

from __future__ import annotations

from bisect import bisect_right

from .. import lazy_re
from ..model.record import MutableRecord

# The title words on whitespace-free text. ``mid`` is a body named between the year and the words.
_CORE = lazy_re.compile(
    r"(?P<year>(?:19|20)\d{2})年度?(?:的)?(?P<mid>[^年，。,.:：;；、!！?？《》“”\"（）()|<>\[\]【】]{0,40}?)"
    r"(?P<words>政府信息公开|政务公开|信息公开)(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)"
)
_AGENCY_CUT = lazy_re.compile(r".*[，。,:：;；、《》“”（）()|]")
_VERB = lazy_re.compile(r"(?:现予?公布|特此公布|现将|公布|发布)\s*")
# A line that is only a body's name: no sentence or field punctuation, ends as body names end.
_NAME_LINE = lazy_re.compile(
    r"[^，。,:：;；!！?？|>《》“”\s]{1,60}(?:[府局处室厅委会院镇乡部署办所心站队馆社道区县市省司团]|[(（][^)）]*[)）])"
)
_SITE = lazy_re.compile(r"(?:网站|门户|平台|首页|栏目)$")     # a portal's name above the title is page chrome
_ABOUT = lazy_re.compile(r"关于\s*$")
# Page furniture before the title on its line, up to the space that ends it: 欢迎访问…门户网站, 政府信息公开
# (a column name), 当前位置：首页 > … > …; the body's name is what follows the last one.
_CHROME_WORD = lazy_re.compile(r"(?:欢迎访问|网站|门户|首页|当前位置|政府信息公开|政务公开)[^\s>›»]*\s*")
_CRUMB = lazy_re.compile(r"[>›»]\s*[^\s>›»]*\s*")          # one more step of a breadcrumb trail
_SELF = lazy_re.compile(r"^[我本]")          # 我镇/本局 in an intro sentence is no body name
# Words of a sentence or a document title, never of a body's name: "2018年政务公开工作要点落实情况及做好
# 政府信息公开工作年度报告" names a task, not an issuer.
_NOT_BODY = lazy_re.compile(r"公开|工作|报告|情况|关于|做好|总结|要点|通知|如下")
_SCAN = 8000                                 # titles sit in the first lines; the head may be the whole file


class Title(MutableRecord):
    __slots__ = ("agency", "year", "start", "end", "agency_start", "line_start")

    def __init__(self, agency: str, year: int, start: int, end: int, agency_start: int, line_start: int) -> None:
        self.agency, self.year = agency, year
        self.start, self.end = start, end          # normalised offsets of the whole title incl. agency
        self.agency_start, self.line_start = agency_start, line_start


class _Compact:
    """``text`` without whitespace, and the way back to ``text``'s offsets."""

    def __init__(self, text: str) -> None:
        pieces = list(_WORDS.finditer(text))
        self.starts, self.origins, parts, at = [], [], [], 0
        for p in pieces:
            self.starts.append(at)
            self.origins.append(p.start())
            parts.append(p.group())
            at += len(p.group())
        self.text = "".join(parts)

    def origin(self, i: int) -> int:
        k = bisect_right(self.starts, i) - 1
        return self.origins[k] + i - self.starts[k]

    def origin_end(self, i: int) -> int:
        return self.origin(i - 1) + 1 if i else 0


_WORDS = lazy_re.compile(r"\S+")


def find_title(text: str, head_end: int) -> Title | None:
    head = text[:min(head_end, _SCAN)]
    compact = _Compact(head)
    for m in _CORE.finditer(compact.text):
        if not _NOT_BODY.search(m.group("mid")):
            return _title(text, compact, m)
    return None


def _title(text: str, compact: _Compact, m) -> Title:
    year_at, end = compact.origin(m.start("year")), compact.origin_end(m.end())
    line_start = text.rfind("\n", 0, year_at) + 1
    agency_start, agency = _same_line(text, line_start, year_at)
    if not agency and m.group("mid") and not _SELF.match(m.group("mid")):
        agency_start, agency = _between(text, compact, m)
    start = min(agency_start, year_at)
    if not agency:
        above = _line_above(text, line_start)
        if above is not None:
            agency_start, agency = above
            start = line_start = agency_start
    return Title(agency, int(m.group("year")), start, end, agency_start, line_start)


def _same_line(text: str, line_start: int, year_at: int) -> tuple[int, str]:
    prefix = text[line_start:year_at]
    cut = _AGENCY_CUT.match(prefix)
    at = line_start + (cut.end() if cut else 0)
    verb = _VERB.match(text, at)
    at = verb.end() if verb else at
    while at < year_at and text[at].isspace():
        at += 1
    end = year_at
    tail = _ABOUT.search(text, at, year_at)       # 某某局关于2023年…报告: 关于 is no part of the name
    if tail:
        end = tail.start()
    # a copy without line breaks: the banner runs into the title; a furniture word ended by a space
    banner = [m.end() for m in _CHROME_WORD.finditer(text, at, end) if m.end() < end and text[m.end() - 1].isspace()]
    if banner:
        at = banner[-1]
        crumb = _CRUMB.match(text, at, end)
        while crumb:
            at = crumb.end()
            crumb = _CRUMB.match(text, at, end)
    return at, text[at:end].strip()


def _between(text: str, compact: _Compact, m) -> tuple[int, str]:
    s, e = compact.origin(m.start("mid")), compact.origin_end(m.end("mid"))
    if m.group("words") == "政府信息公开" and m.group("mid").endswith("人民"):
        # 泾县人民政府信息公开年度报告: the body's 政府 doubles as the first word of the title
        e = compact.origin_end(m.end("mid") + 2)
    return s, text[s:e].strip()


def _line_above(text: str, line_start: int) -> tuple[int, str] | None:
    """The previous non-blank line, when it is just a body's name (``淮安市洪泽区人民政府``)."""
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if line.strip():
            name = line.strip()
            compact = "".join(name.split())
            if _NAME_LINE.fullmatch(compact) and not _SITE.search(compact):
                return start + len(line) - len(line.lstrip()), name
            return None
        end = start - 1
    return None
