"""Original file text and the line/column arithmetic every diagnostic position uses."""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from .record import MutableRecord, Record


class ReaderNote(Record):
    """A reader's remark on ``text[start:end]``: ``kind`` is "lossy" (content extracted imperfectly) or
    "not-text" (content the checker cannot read: images, scans, embedded objects)."""

    __slots__ = ("start", "end", "kind", "detail")

    def __init__(self, start: int, end: int, kind: str, detail: str) -> None:
        self.start, self.end, self.kind, self.detail = start, end, kind, detail


class Source(MutableRecord):
    """A decoded file exactly as read; offsets are code-point indexes into ``text``."""

    __slots__ = ("path", "text", "encoding", "bom", "newline", "format", "tables", "anchors", "notes",
                 "_line_starts")

    def __init__(self, path: str, text: str, encoding: str = "utf-8", bom: bool = False, newline: str = "\n",
                 format: str = "text", tables: list | None = None, anchors: list[tuple[int, str]] | None = None,
                 notes: list[ReaderNote] | None = None, _line_starts: list[int] | None = None) -> None:
        self.path, self.text, self.encoding, self.bom, self.newline, self.format = \
            path, text, encoding, bom, newline, format
        # Structured tables the reader found (docx/html/pdf); text readers leave this empty.
        self.tables = [] if tables is None else tables
        # (offset, label) pairs sorted by offset: where a non-text format's positions come from,
        # e.g. (1234, "第 3 页") or (560, "段落 12"); reporters show the label beside line:column.
        self.anchors = [] if anchors is None else anchors
        # What the reader could not render faithfully (lossy PDF tables, image-only pages…): GL6xx rules report them.
        self.notes = [] if notes is None else notes
        self._line_starts = _line_starts

    @property
    def line_starts(self) -> list[int]:
        if self._line_starts is None:
            lines = self.text.split("\n")
            lines.pop()
            self._line_starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
        return self._line_starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in code points) of ``offset``."""
        offset = max(0, min(offset, len(self.text)))
        starts = self._line_starts or self.line_starts
        line = bisect_right(starts, offset) - 1
        return line + 1, offset - starts[line] + 1

    def line_text(self, line: int) -> str:
        """The 1-based line ``line`` without its line break."""
        starts = self.line_starts
        if not 1 <= line <= len(starts):
            return ""
        end = starts[line] - 1 if line < len(starts) else len(self.text)
        return self.text[starts[line - 1]:end].rstrip("\r")

    def anchor(self, offset: int) -> str | None:
        if not self.anchors:
            return None
        i = bisect_right(self.anchors, offset, key=lambda a: a[0]) - 1
        return self.anchors[i][1] if i >= 0 else None

    def utf16_col(self, offset: int) -> int:
        """1-based column in UTF-16 code units (SARIF and editors count this way)."""
        line, _ = self.line_col(offset)
        start = self.line_starts[line - 1]
        return sum(2 if ord(c) > 0xFFFF else 1 for c in self.text[start:offset]) + 1
