"""In-text suppressions for plain-text reports, which have no comment syntax of their own:

    <!-- govlint-disable GL301 -->        … <!-- govlint-enable GL301 -->   (a range; no codes = all rules)
    …text… <!-- govlint-disable-line GL301 -->                             (this line)
    <!-- govlint-disable-next-line GL301, GL302 -->                         (the following line)
    <!-- govlint-disable-file GL4 -->                                       (the whole file)

Codes may be prefixes (GL3). Suppression runs on the diagnostics after the rules, so markers never
change what rules see; the normaliser also blanks them (checker/normalise/markers.py) so they are not
read as report text. Which markers suppressed nothing is kept in ``doc.cache`` for GL901."""

from __future__ import annotations

import re

from . import lazy_re
from .model.record import MutableRecord

MARKER = lazy_re.compile(
    r"<!--[ \t]*govlint-(disable-next-line|disable-line|disable-file|disable|enable)\b"
    r"[ \t:=]*([A-Za-z0-9][A-Za-z0-9, \t]*?)?[ \t]*-->")
ALL = ""          # the code of a marker without codes: a prefix of every code
CACHE_KEY = "suppressions"


class Marker(MutableRecord):
    __slots__ = ("kind", "codes", "start", "end", "line", "used")

    def __init__(self, kind: str, codes: tuple[str, ...], start: int, end: int, line: int,
                 used: set[str] | None = None) -> None:
        self.kind, self.codes = kind, codes
        self.start, self.end = start, end       # original offsets of the comment
        self.line = line
        self.used = set() if used is None else used

    @property
    def text(self) -> str:
        return f"<!-- govlint-{self.kind}{' ' + ', '.join(self.codes) if self.codes else ''} -->"


class Region(MutableRecord):
    __slots__ = ("marker", "code", "first", "last")

    def __init__(self, marker: Marker, code: str, first: int, last: int) -> None:
        self.marker, self.code = marker, code
        self.first, self.last = first, last     # lines, inclusive


def parse_markers(source) -> list[Marker]:
    text = source.text
    if "govlint-" not in text:
        return []
    out = []
    for m in MARKER.finditer(text):
        codes = tuple(c.upper() for c in re.split(r"[,\s]+", m.group(2) or "") if c)
        out.append(Marker(m.group(1), codes, m.start(), m.end(), source.line_col(m.start())[0]))
    return out


def regions(markers: list[Marker], last_line: int) -> list[Region]:
    out: list[Region] = []
    open_: dict[str, tuple[Marker, int]] = {}
    for m in markers:
        codes = m.codes or (ALL,)
        if m.kind == "disable-line":
            out.extend(Region(m, c, m.line, m.line) for c in codes)
        elif m.kind == "disable-next-line":
            out.extend(Region(m, c, m.line + 1, m.line + 1) for c in codes)
        elif m.kind == "disable-file":
            out.extend(Region(m, c, 1, last_line) for c in codes)
        elif m.kind == "disable":
            for c in codes:
                open_.setdefault(c, (m, m.line))
        else:                        # enable: close the named ranges, or all of them
            for c in list(open_) if not m.codes else [c for c in m.codes if c in open_]:
                opener, first = open_.pop(c)
                out.append(Region(opener, c, first, m.line))
    out.extend(Region(opener, c, first, last_line) for c, (opener, first) in open_.items())
    return out


def apply(doc, diags: list, active_codes: set[str]) -> list:
    """Drop suppressed diagnostics (and any finding inside a marker itself); record marker use."""
    source = doc.source
    markers = parse_markers(source)
    doc.cache[CACHE_KEY] = (markers, active_codes)
    if not markers:
        return diags
    spans = [(m.start, m.end) for m in markers]
    regs = regions(markers, len(source.line_starts))
    kept = []
    for d in diags:
        if any(s <= d.start and d.end <= e for s, e in spans):
            continue
        line = source.line_col(d.start)[0]
        hits = [r for r in regs if r.first <= line <= r.last and d.code.startswith(r.code)]
        for r in hits:
            r.marker.used.add(r.code)
        if not hits:
            kept.append(d)
    return kept


def unused(doc, known_codes: set[str]):
    """(marker, code, reason) for each marker code that suppressed nothing although its rule ran.
    Codes whose rules were not run (deselected, other template) are not reported: not a mistake."""
    markers, active = doc.cache.get(CACHE_KEY, ([], set()))
    for m in markers:
        if m.kind == "enable":
            continue
        for code in m.codes or (ALL,):
            if code and not any(k.startswith(code) for k in known_codes):
                yield m, code, "unknown"
            elif code not in m.used and (code == ALL or any(a.startswith(code) for a in active)):
                yield m, code, "unused"
