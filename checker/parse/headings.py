"""Numbered headings: 一、 / 一 / （一） / (一) / 1. / 1、 — found line by line in the normalised text."""

from __future__ import annotations

import re

from ..model.record import MutableRecord
from .numerals import cn_to_int

# Level 1: 一、总体情况 | 一 概述 | 一．… ; the separator is kept to check the house style (、).
_LEVEL1 = re.compile(
    r"^[ \t]*(?P<num>[一二三四五六七八九十]{1,3})(?P<sep>[ \t]*[、,，.．:：][ \t]*|[ \t]+)(?P<title>\S.*?)[ \t\r]*$"
)
_LEVEL2 = re.compile(r"^[ \t]*[（(](?P<num>[一二三四五六七八九十]{1,3})[)）][ \t]*(?P<title>\S.*?)[ \t\r]*$")
_TITLE_END = re.compile(r"[。；;：:]")
# Where a heading can start: one search over the text instead of two matches on every line. Lines are
# what str.splitlines() makes of the text; the rare text with a line break other than \n or \r\n takes
# the slower pattern that knows every separator splitlines() does.
_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_ODD_BREAK = re.compile(r"\r(?!\n)|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_CANDIDATE = re.compile(r"^[ \t]*[一二三四五六七八九十（(]", re.M)
_CANDIDATE_ANY_BREAK = re.compile(rf"(?:^|(?<=[{_BREAKS}]))[ \t]*[一二三四五六七八九十（(]")
_LINE_END = re.compile(rf"\r\n|[{_BREAKS}]")
_NUMBER = re.compile(r"(?<![\d.])\d+(?![\d.])")
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
    out: list[Heading] = []
    candidates = _CANDIDATE_ANY_BREAK if _ODD_BREAK.search(text) else _CANDIDATE
    for m in candidates.finditer(text):
        start = m.start()
        eol = _LINE_END.search(text, start)
        h = _match(text[start:eol.end()] if eol else text[start:], start, table_labels)
        if h:
            out.append(h)
    return out


def _match(line: str, base: int, table_labels: tuple[str, ...]) -> Heading | None:
    body = line.rstrip("\r\n")
    for level, rx in ((1, _LEVEL1), (2, _LEVEL2)):
        m = rx.match(body)
        if not m:
            continue
        number = cn_to_int(m.group("num"))
        title = _title_part(m.group("title"))
        if number is None or title is None or _is_table_line(body):
            return None
        if level == 1 and title.startswith(table_labels):
            return None
        sep = m.group("sep") if level == 1 else ""
        sep_start = base + (m.start("sep") if level == 1 else m.end("num"))
        return Heading(
            level=level, number=number, number_text=m.group("num"), sep=sep, title=title,
            start=base, end=base + len(body), num_start=base + m.start("num"),
            sep_start=sep_start, sep_end=base + (m.end("sep") if level == 1 else m.end("num")),
            title_start=base + m.start("title"), title_end=base + m.start("title") + len(title),
        )
    return None
