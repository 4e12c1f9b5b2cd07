"""Characters dropped from the fixed formats of a report: dates, document numbers, numbering, counts.

Some copies lose every 年/月/日, 〔〕 or the opening of （一） (an encoding step that could not carry
them). The formats are rigid, so the loss shows in their shape: ``20231231日`` (a year glued to the
month and day), ``〔202130号`` (a document number without 〕), a line starting with ``)`` or ``、``,
empty numbering brackets ``（）``, a count with no measure word before the next clause
(``答复意见2政协委员提案``). Each finding says what was lost; a repair is offered only when the
digits allow exactly one reading.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lazy_re
from ..resources import data_path
from ..model.record import MutableRecord

DATE, DOCNO, OPENER, COUNT = "date", "docno", "opener", "count"
QMARK, PAGE_NO, DANGLING = "qmark", "page-number", "dangling"

# The look-arounds on a CJK character of these shapes are checked in Python after the match (``_cjk_at``):
# a class of 21,000 code points costs ~1 ms to compile, and a look-behind leading a pattern makes the
# engine try every position. Each pattern below is its plain form (in the comment) minus those look-
# arounds; no match of the plain form can start inside a match they drop, so the matches kept are the
# plain form's (tests/contamination/test_contam_fast_paths.py compares them).
# (?<![\d.\-/:])((?:19|20)\d{2})(\d{1,8})([月日])
_YEAR_GLUED = lazy_re.compile(r"((?:19|20)\d{2})(\d{1,8})([月日])")
_NOT_BEFORE_YEAR = frozenset(".-/:")
# (?<=[至到~～\-—])\s*((?:1[0-2]|0?[1-9])[0-3]\d)日 — matched with its range mark, which only group 1 uses
_MONTHDAY_GLUED = lazy_re.compile(r"[至到~～\-—]\s*((?:1[0-2]|0?[1-9])[0-3]\d)日")
# (?<=[\u4e00-\u9fff])((?:19|20)\d{2})[ \t]*\n\s*(?=(?:度\s*)?政府信息公开|年度报告)
_YEAR_SPLIT_TITLE = lazy_re.compile(r"((?:19|20)\d{2})[ \t]*\n\s*(?=(?:度\s*)?政府信息公开|年度报告)")
# 〔((?:19|20)\d{2})(\d{1,4})号|(?<=[\u4e00-\u9fff])((?:19|20)\d{2})〕(\d{1,4})号
# searched as its two branches: the first led by 〔 (the engine skips to it at C speed), the second, led by
# the year's digits, matched at each 〕 four characters back. Neither branch's match can start inside or
# hold the other's (〔 and 〕 each appear in one only), so the two give the alternation's matches
_DOCNO_OPEN = lazy_re.compile(r"〔((?:19|20)\d{2})(\d{1,4})号")
_DOCNO_CLOSE = lazy_re.compile(r"((?:19|20)\d{2})〕(\d{1,4})号")
# ^[ \t\u3000]*(?:[)）]|、)(?=CJK)|[(（][ \t]*[)）](?=CJK)|第[(（][ \t]*[)）], as two patterns led by their
# own characters (one alternation would try every position): a line start that lost its opening, and empty
# brackets, which stand with 第 before them (第() is found from its brackets) or want a CJK after
_OPENER_LINE = lazy_re.compile(r"^[ \t\u3000]*[)）、]", re.M)
# the same after a line break, led by it: ^ with re.M is tried at every position, a literal is skipped to
_OPENER_AFTER_BREAK = lazy_re.compile(r"\n[ \t\u3000]*[)）、]")
_EMPTY_BRACKETS = lazy_re.compile(r"[(（][ \t]*[)）]")
# a count glued to the next clause or ending its line with no measure word (答复意见2政协委员提案):
# (?:数量|…|答复)(\d+)(?=CJK|[ \t]*$)(?![件条…％]) with re.M
_COUNT = lazy_re.compile(r"(?:数量|总数|总量|意见|提案|建议|答复)(\d+)")
_MEASURE_AFTER_COUNT = frozenset("件条个次人家项篇期份万余多种类批所名场宗例位户元天年月日号%％")

# ASCII ? standing for a character a codepage could not carry: between Chinese characters, alone on
# a line, at a line start before text, or after a web address before text. A real question ends with
# its question word before the mark; a byte-shifted GBK run (?。ㄎ澹) is the mojibake rule's.
_QMARK = lazy_re.compile(
    r"(?<=[\u4e00-\u9fff])\?{1,2}(?=[\u4e00-\u9fff])|^[ \t]*\?{1,2}[ \t]*$|^[ \t]*\?{1,2}(?=[\u4e00-\u9fff\d])|"
    r"(?<=[a-z0-9/])\?(?=[\u4e00-\u9fff])", re.M)
_QUESTION = lazy_re.compile(r"(?:吗|呢|什么|怎么|怎样|如何|是否|为何|为什么|哪|几|多少|何)[^。！!？?\n]{0,12}$")
_QUESTION_REACH = 3 + 12
# a page number inside a word (其3中): (?<=CJK)\d{1,3}(?=CJK), a whole run of one to three digits between
# two CJK characters, reported when they make a report word. Matched as the word's first character and
# the run (``_page_in_word``): a run's neighbours are not digits, so the run is whole when no digit follows.
# words a page number may split (其3中); with the report words of rules/data/report-words.txt
_SPLIT_WORDS = frozenset("其中 以及 同时 及时 其他 包括 通过 进一 步 全面 有关 相关 根据 按照 依据 对于 关于".split())
_MEASURE = set("件条个次人家项篇期份万余多种类批所名场宗例位户元天年月日号章节页届轮")

# 其 (its) needs the noun that follows it: “包括其、文物地点” lost that noun (尤其，极其 are words)
# (?<![尤极与及何])其(?=[、，,。；;]), the look-behind checked after the match: led by 其, the scan skips ahead
_DANGLING = lazy_re.compile(r"其(?=[、，,。；;])")
_NOT_BEFORE_DANGLING = frozenset("尤极与及何")

_PROBLEM = {DATE: "日期缺少“年/月/日”", DOCNO: "文号缺少“〔〕”", OPENER: "序号缺字", COUNT: "数字后缺少量词或标点",
            QMARK: "问号替代了无法编码的字符", PAGE_NO: "页码插进了词语中间", DANGLING: "代词“其”后缺字"}


class Loss(MutableRecord):
    __slots__ = ("start", "end", "kind", "repair")

    def __init__(self, start: int, end: int, kind: str, repair: str | None = None) -> None:
        self.start, self.end, self.kind, self.repair = start, end, kind, repair

    @property
    def problem(self) -> str:
        return _PROBLEM[self.kind]


def find(text: str, kinds: tuple[str, ...]) -> list[Loss]:
    out: list[Loss] = []
    if DATE in kinds:
        out += _dates(text)
    if DOCNO in kinds and ("〔" in text or "〕" in text):
        for start, end, year, num in _docnos(text):
            out.append(Loss(start, end, DOCNO, f"〔{year}〕{num}号"))
    if OPENER in kinds:
        out += _openers(text)
    if COUNT in kinds:
        out += [Loss(m.start(), m.end(), COUNT) for m in _COUNT.finditer(text) if _count_open(text, m.end())]
    if QMARK in kinds and "?" in text:
        out += [Loss(m.start(), m.end(), QMARK) for m in _QMARK.finditer(text) if not _is_question(text, m.start())]
    if PAGE_NO in kinds:
        out += _page_numbers(text)
    if DANGLING in kinds and "其" in text:
        out += [Loss(m.start(), m.end() + 1, DANGLING) for m in _DANGLING.finditer(text)
                if not m.start() or text[m.start() - 1] not in _NOT_BEFORE_DANGLING]
    return sorted(out, key=lambda x: x.start)


def _openers(text: str) -> list[Loss]:
    """Matches of the plain opener pattern. Its branches start on different characters (spaces or
    )）、 at a line start; 第; an opening bracket) and none holds another's start, so the two scans
    together find what the one alternation finds."""
    out = [Loss(s, e, OPENER) for s, e in _opener_lines(text) if _cjk_at(text, e)]
    for m in _EMPTY_BRACKETS.finditer(text):
        if m.start() and text[m.start() - 1] == "第":
            out.append(Loss(m.start() - 1, m.end(), OPENER))
        elif _cjk_at(text, m.end()):
            out.append(Loss(m.start(), m.end(), OPENER))
    return sorted(out, key=lambda x: x.start)


def _docnos(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, year, number) of the document numbers that lost a bracket, in text order: the
    matches of _DOCNO_OPEN, and of _DOCNO_CLOSE after a CJK character (the plain pattern's look-behind)."""
    out = [(m.start(), m.end(), m.group(1), m.group(2)) for m in _DOCNO_OPEN.finditer(text)]
    q = text.find("〕", 4)
    while q >= 0:
        m = _DOCNO_CLOSE.match(text, q - 4)
        if m and _cjk_at(text, q - 5):
            out.append((m.start(), m.end(), m.group(1), m.group(2)))
        q = text.find("〕", q + 1)
    return sorted(out)


def _opener_lines(text: str) -> list[tuple[int, int]]:
    """Spans of ``_OPENER_LINE.finditer(text)``: at the text's start, and after each line break (the
    matches hold no line break, so they are the line starts' matches)."""
    first = _OPENER_LINE.match(text)
    out = [first.span()] if first else []
    return out + [(m.start() + 1, m.end()) for m in _OPENER_AFTER_BREAK.finditer(text)]


def _cjk_at(text: str, i: int) -> bool:
    return 0 <= i < len(text) and "\u4e00" <= text[i] <= "\u9fff"


def _count_open(text: str, end: int) -> bool:
    """What follows a count is a CJK character that is no measure word, or the end of the line."""
    if end < len(text) and text[end] in _MEASURE_AFTER_COUNT:
        return False
    if _cjk_at(text, end):
        return True
    while end < len(text) and text[end] in " \t":
        end += 1
    return end == len(text) or text[end] == "\n"


def _dates(text: str) -> list[Loss]:
    out = []
    if "月" in text or "日" in text:
        for m in _YEAR_GLUED.finditer(text):
            before = text[m.start() - 1] if m.start() else ""
            if before and (before.isdecimal() or before in _NOT_BEFORE_YEAR):
                continue
            out.append(Loss(m.start(), m.end(), DATE, _restore(m.group(1), m.group(2), m.group(3))))
    if "日" in text:
        out += [Loss(m.start(1), m.end(), DATE, _restore("", m.group(1), "日")) for m in _MONTHDAY_GLUED.finditer(text)]
    if "\n" in text and ("政府信息公开" in text or "年度报告" in text):
        out += [Loss(m.start(1), m.end(1), DATE, m.group(1) + "年") for m in _YEAR_SPLIT_TITLE.finditer(text)
                if _cjk_at(text, m.start() - 1)]
    return out


def _restore(year: str, digits: str, unit: str) -> str | None:
    """The date with 年/月/日 put back, when the digits split into a month and a day one way only."""
    prefix = f"{year}年" if year else ""
    if unit == "月":
        return f"{prefix}{int(digits)}月" if 1 <= int(digits) <= 12 and not digits.startswith("0") else None
    readings = [(digits[:k], digits[k:]) for k in (1, 2) if 0 < k < len(digits)]
    valid = [(mo, d) for mo, d in readings
             if not mo.startswith("0") and not d.startswith("0") and 1 <= int(mo) <= 12 and 1 <= int(d) <= 31]
    if len(valid) != 1:
        return None
    mo, d = valid[0]
    return f"{prefix}{int(mo)}月{int(d)}日"


def _is_question(text: str, pos: int) -> bool:
    # a question word (at most 3 characters) up to 12 characters before the mark: looking further back,
    # to the line start, made a long line of marks quadratic
    lo = max(text.rfind("\n", max(0, pos - _QUESTION_REACH), pos) + 1, pos - _QUESTION_REACH)
    return bool(_QUESTION.search(text, lo, pos))


def _page_numbers(text: str) -> list[Loss]:
    words = _report_words()
    out = []
    for m in _page_in_word().finditer(text):
        a, b = m.group(1), text[m.end():m.end() + 1]
        if _cjk_at(text, m.end()) and b not in _MEASURE and a + b in words:
            out.append(Loss(m.start(2), m.end(), PAGE_NO, ""))
    return out


@lru_cache(maxsize=1)
def _page_in_word():
    """A report word's first character (CJK, not 第) and the whole digit run after it."""
    firsts = sorted({w[0] for w in _report_words() if len(w) == 2 and _cjk_at(w, 0) and w[0] != "第"})
    return lazy_re.compile("([%s])(\\d{1,3})(?!\\d)" % "".join(re.escape(c) for c in firsts))


@lru_cache(maxsize=1)
def _report_words() -> frozenset[str]:
    lines = data_path("report-words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w for line in lines if not line.startswith("#") for w in line.split()) | _SPLIT_WORDS
