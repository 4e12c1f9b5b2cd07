"""Numbered headings: 一、 / 一 / （一） / (一) / 1. / 1、 — found line by line in the normalised text."""

from __future__ import annotations

import re

from .. import lazy_re
from ..model.record import MutableRecord
from .numerals import cn_to_int

# Level 1: 一、总体情况 | 一 概述 | 一．… (the separator is kept to check the house style, 、); level 2:
# （一）…. Both are matched at line starts of a whole text (re.M: ^ and $ at every line).
_LEVEL1 = lazy_re.compile(
    r"^[ \t]*(?P<num>[一二三四五六七八九十]{1,3})(?P<sep>[ \t]*[、,，.．:：][ \t]*|[ \t]+)(?P<title>\S.*?)[ \t\r]*$",
    re.M)
_LEVEL2 = lazy_re.compile(r"^[ \t]*[（(](?P<num>[一二三四五六七八九十]{1,3})[)）][ \t]*(?P<title>\S.*?)[ \t\r]*$", re.M)
_TITLE_END = lazy_re.compile(r"[。；;：:]")
# Both levels are matched at the starts of candidate lines of the whole text (line by line only in the
# rare text with a line break other than \n or \r\n, so that lines stay what str.splitlines() makes).
# A pattern starting with the literal \n is scanned for at C speed; one starting with ^ is tried at
# every position of the text.
_CANDIDATE = lazy_re.compile(r"\n[ \t]*[一二三四五六七八九十（(]")
_CANDIDATE_FIRST = lazy_re.compile(r"[ \t]*[一二三四五六七八九十（(]")
_LONE_CR = lazy_re.compile(r"\r(?!\n)")
_OTHER_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_NUMBER = lazy_re.compile(r"(?<![\d.])\d+(?![\d.])")
MAX_TITLE = 40


class Heading(MutableRecord):
    __slots__ = ("level", "number", "number_text", "sep", "title", "start", "end", "num_start", "sep_start",
                 "sep_end", "title_start", "title_end")

    def __init__(self, level: int, number: int, number_text: str, sep: str, title: str, start: int, end: int,
                 num_start: int, sep_start: int, sep_end: int, title_start: int, title_end: int) -> None:
        self.level, self.number, self.number_text, self.sep = level, number, number_text, sep
        self.title = title              # up to the first sentence end when the body continues on the same line
        self.start, self.end = start, end   # offsets in the normalised text; ``end`` is the end of the line
        self.num_start, self.sep_start, self.sep_end = num_start, sep_start, sep_end
        self.title_start, self.title_end = title_start, title_end


def _title_part(title: str) -> str | None:
    m = _TITLE_END.search(title)
    head = title[:m.start()] if m else title
    if len(head) > MAX_TITLE or not head:
        return None
    return head


def _is_table_line(line: str) -> bool:
    return "|" in line or "\t" in line or len(_NUMBER.findall(line)) >= 3


def find_headings(text: str, table_labels: tuple[str, ...] = ()) -> list[Heading]:
    """Numbered headings; a level-1 heading whose title starts with one of ``table_labels`` is a table
    row, not a heading."""
    if not _odd_break(text):
        found = _scan(text, 0)
    else:
        found, pos = [], 0
        for line in text.splitlines(keepends=True):
            found.extend(_scan(line.rstrip("\r\n"), pos))
            pos += len(line)
    return without_table_rows(found, table_labels) if table_labels else found


def _odd_break(text: str) -> bool:
    """A line break other than \n or \r\n. One substring test per separator: ~8× faster than one
    pattern, whose first-character class sre tests at every position."""
    return ("\r" in text and _LONE_CR.search(text) is not None) or any(c in text for c in _OTHER_BREAKS)


def without_table_rows(headings: list[Heading], table_labels: tuple[str, ...]) -> list[Heading]:
    return [h for h in headings if h.level != 1 or not h.title.startswith(table_labels)]


def _scan(text: str, base: int) -> list[Heading]:
    out = []
    for start in _candidate_lines(text):
        m = _LEVEL1.match(text, start)
        level = 1
        if m is None:
            m, level = _LEVEL2.match(text, start), 2
        h = _heading(text, m, level, base) if m else None
        if h:
            out.append(h)
    return out


def _candidate_lines(text: str) -> list[int]:
    """Starts of the lines that begin (after blanks) with a numeral or an opening bracket."""
    starts = [m.start() + 1 for m in _CANDIDATE.finditer(text)]
    if _CANDIDATE_FIRST.match(text):
        starts.insert(0, 0)
    return starts


def _heading(text: str, m: re.Match, level: int, base: int) -> Heading | None:
    start, end = m.start(), m.end()
    while end > start and text[end - 1] == "\r":     # the line without its line break
        end -= 1
    if _is_table_line(text[start:end]):               # most rejected lines are table rows: test first
        return None
    number_text = m.group("num")
    number, title = cn_to_int(number_text), _title_part(m.group("title"))
    if number is None or title is None:
        return None
    num_start, num_end = m.span("num")
    title_start = m.start("title")
    sep_start, sep_end = m.span("sep") if level == 1 else (num_end, num_end)
    return Heading(level, number, number_text, m.group("sep") if level == 1 else "", title, base + start,
                   base + end, base + num_start, base + sep_start, base + sep_end, base + title_start,
                   base + title_start + len(title))
