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


def is_boilerplate(line: str, where: str) -> bool:
    """Whether one of the data file's patterns for ``where`` matches the whole stripped line."""
    s = line.strip()
    return bool(s) and patterns()[where].match(s) is not None


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
