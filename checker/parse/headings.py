"""Numbered headings: 一、 / 一 / （一） / (一) / 1. / 1、 — found line by line in the normalised text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numerals import cn_to_int

# Level 1: 一、总体情况 | 一 概述 | 一．… ; the separator is kept to check the house style (、).
_LEVEL1 = re.compile(
    r"^[ \t]*(?P<num>[一二三四五六七八九十]{1,3})(?P<sep>[ \t]*[、,，.．:：][ \t]*|[ \t]+)(?P<title>\S.*?)[ \t\r]*$"
)
_LEVEL2 = re.compile(r"^[ \t]*[（(](?P<num>[一二三四五六七八九十]{1,3})[)）][ \t]*(?P<title>\S.*?)[ \t\r]*$")
_TITLE_END = re.compile(r"[。；;：:]")
MAX_TITLE = 40


@dataclass
class Heading:
    level: int
    number: int
    number_text: str
    sep: str
    title: str          # up to the first sentence end when the body continues on the same line
    start: int          # offsets in the normalised text
    end: int            # end of the line
    num_start: int
    sep_start: int
    sep_end: int
    title_start: int
    title_end: int


def _title_part(title: str) -> str | None:
    m = _TITLE_END.search(title)
    head = title[:m.start()] if m else title
    if len(head) > MAX_TITLE or not head:
        return None
    return head


def _is_table_line(line: str) -> bool:
    return "|" in line or "\t" in line or len(re.findall(r"(?<![\d.])\d+(?![\d.])", line)) >= 3


def find_headings(text: str, table_labels: tuple[str, ...] = ()) -> list[Heading]:
    out: list[Heading] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        h = _match(line, pos, table_labels)
        if h:
            out.append(h)
        pos += len(line)
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
        if level == 1 and any(title.startswith(lbl) for lbl in table_labels):
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
