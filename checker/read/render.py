"""One plain-text rendering for every structured format (docx, html, pdf), so that every rule works
unchanged on every format and the same report gives the same text whatever it was saved as.

Rendering:
- a paragraph is one line; a line break inside it (Word soft break, HTML ``<br>``) starts a new line;
  leading and trailing blanks (including the ideographic space U+3000 and NBSP authors indent with)
  are dropped; empty paragraphs produce nothing;
- a table row is one line, the text of the cells that START in that row joined by `` | ``; positions
  covered by a merged cell (rowspan/colspan) are not repeated, so no number is rendered twice;
  line breaks inside a cell are joined (without a space between two CJK characters);
- every paragraph and every cell gets an anchor ``(offset, label)`` so reporters can say where a finding
  sits in the original file (paragraph, table cell, page and line…).
"""

from __future__ import annotations

import re

from .. import lazy_re
from ..model.record import MutableRecord
from ..model.source import ReaderNote, Source
from ..model.table import RawCell, RawTable

CELL_SEP = " | "
_EDGE = " \t\r\n\u3000\xa0\u200b\ufeff"
_CJK = lazy_re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")


def clean_line(text: str) -> str:
    return text.strip(_EDGE)


def join_pieces(pieces: list[str]) -> str:
    """Join wrapped pieces of one logical line: no space between CJK, one space otherwise."""
    out = ""
    for piece in (clean_line(p) for p in pieces):
        if not piece:
            continue
        if out and not (_CJK.match(out[-1]) or _CJK.match(piece[0])):
            out += " "
        out += piece
    return out


def cell_text(text: str) -> str:
    return join_pieces(re.split(r"[\r\n\v]+", text))


class GridCell(MutableRecord):
    """A cell as a reader found it: its text and where it sits in the table grid (0-based)."""

    __slots__ = ("text", "row", "col", "rowspan", "colspan", "label")

    def __init__(self, text: str, row: int, col: int, rowspan: int = 1, colspan: int = 1, label: str = "") -> None:
        self.text, self.row, self.col, self.rowspan, self.colspan = text, row, col, rowspan, colspan
        self.label = label      # where the reader found it, for the anchor


class Builder:
    """Accumulates rendered text, anchors, tables and reader notes; ``source()`` assembles them."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self.pos = 0
        self.anchors: list[tuple[int, str]] = []
        self.tables: list[RawTable] = []
        self.notes: list[ReaderNote] = []

    def _emit(self, line: str, label: str | None) -> tuple[int, int]:
        start = self.pos
        if label:
            self.anchors.append((start, label))
        self._parts.append(line + "\n")
        self.pos += len(line) + 1
        return start, start + len(line)

    def paragraph(self, text: str, label: str | None = None) -> tuple[int, int] | None:
        """Lines of one paragraph; returns the span rendered, or None when it was empty."""
        lines = [clean_line(x) for x in re.split(r"[\r\n\v\u2028\u2029]+", text)]
        span = None
        for line in lines:
            if line:
                s, e = self._emit(line, label)
                span = (span[0] if span else s, e)
        return span

    def joined(self, pieces: list[tuple[str, str]]) -> tuple[int, int] | None:
        """One line made of wrapped pieces (PDF lines of one paragraph), each piece keeping its own label."""
        start = self.pos
        line = ""
        for text, label in pieces:
            before = len(line)
            line = join_pieces([line, text])
            if len(line) > before:
                self.anchors.append((start + len(line) - len(clean_line(text)), label))
        if not line:
            return None
        return self._emit(line, None)

    def table(self, cells: list[GridCell], origin: str, label, notes: list[str] = (),
              continued: bool = False) -> RawTable:
        """Render grid cells (any order) row by row; ``label(cell)`` names a cell's position."""
        n_rows = max((c.row + c.rowspan for c in cells), default=0)
        by_row: list[list[GridCell]] = [[] for _ in range(n_rows)]
        for c in cells:
            by_row[c.row].append(c)
        table = RawTable(start=self.pos, origin=origin, notes=list(notes), continued=continued)
        for row in by_row:
            row.sort(key=lambda c: c.col)
            raw_row: list[RawCell] = []
            if row:
                self._row(row, raw_row, label)
            table.rows.append(raw_row)
        table.end = max(table.start, self.pos - 1)
        self.tables.append(table)
        for n in notes:
            self.note(table.start, table.end, "lossy", n)
        return table

    def _row(self, row: list[GridCell], raw_row: list[RawCell], label) -> None:
        line_start = self.pos
        texts = [cell_text(c.text) for c in row]
        offset = line_start
        for c, t in zip(row, texts):
            raw_row.append(RawCell(t, offset, offset + len(t), c.rowspan, c.colspan))
            self.anchors.append((offset, label(c)))
            offset += len(t) + len(CELL_SEP)
        line = CELL_SEP.join(texts)
        self._parts.append(line + "\n")
        self.pos += len(line) + 1

    def note(self, start: int, end: int, kind: str, detail: str) -> None:
        self.notes.append(ReaderNote(start, end, kind, detail))

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def source(self, path: str, fmt: str, encoding: str = "utf-8") -> Source:
        # findings about what is missing point at the end of the text: say so rather than name the last cell
        anchors = sorted(self.anchors, key=lambda a: a[0]) + [(self.pos, "文末")]
        return Source(path=path, text=self.text, encoding=encoding, format=fmt, tables=self.tables,
                      anchors=anchors, notes=self.notes)
