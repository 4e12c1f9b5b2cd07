"""Tables as readers deliver them (docx/html/pdf cells, or text parsed into rows) before any
mapping to template ids. Layout parsing fills these; label mapping (checker.tables) reads them.

Contract of the docx/html/pdf readers (checker.read.render):
- ``rows[r]`` lists, left to right, only the cells that START in grid row ``r`` — the HTML model: a cell
  with ``colspan=3`` appears once and covers three grid columns; a cell with ``rowspan=2`` appears in its
  first row only and the row below simply has no cell at that column. A row may therefore be shorter than
  the grid, or empty (every position covered from above). ``grid()`` expands this into a rectangle in
  which covered positions hold the covering cell (the same object), and ``None`` where a ragged row
  stopped early.
- Each cell's text is also in ``Source.text``: one line per table row, the starting cells' texts joined
  by `` | ``; ``start``/``end`` are the cell's span in that line (start == end for an empty cell).
  Text rules therefore see table text too; a table parser must not parse those lines a second time
  when ``Source.tables`` is non-empty (they are the same tables).
- ``notes`` hold lossy-extraction remarks; the reader also puts them in ``Source.notes`` (GL6xx rules).
"""

from __future__ import annotations

from .record import MutableRecord


class RawCell(MutableRecord):
    __slots__ = ("text", "start", "end", "rowspan", "colspan")

    def __init__(self, text: str, start: int = -1, end: int = -1, rowspan: int = 1, colspan: int = 1) -> None:
        self.text = text
        self.start, self.end = start, end   # offsets in Source.text of the rendered cell text; -1 when unknown
        self.rowspan, self.colspan = rowspan, colspan


class RawTable(MutableRecord):
    __slots__ = ("rows", "start", "end", "origin", "notes", "continued")

    def __init__(self, rows: list[list[RawCell]] | None = None, start: int = -1, end: int = -1, origin: str = "",
                 notes: list[str] | None = None, continued: bool = False) -> None:
        self.rows = [] if rows is None else rows
        self.start, self.end = start, end   # span of the whole table in Source.text
        self.origin = origin                # "docx", "html", "pdf", "text:<layout>"
        self.notes = [] if notes is None else notes     # e.g. lossy extraction remarks from the reader
        self.continued = continued      # the reader saw it continue the table before it but could not join them

    def grid(self) -> list[list[RawCell | None]]:
        """Rows × columns with merged cells expanded (covered positions hold the covering cell)."""
        grid: list[list[RawCell | None]] = [[] for _ in self.rows]
        for r, row in enumerate(self.rows):
            col = 0
            for cell in row:
                while col < len(grid[r]) and grid[r][col] is not None:
                    col += 1
                for dr in range(cell.rowspan):
                    if r + dr >= len(grid):
                        break
                    line = grid[r + dr]
                    line.extend([None] * (col + cell.colspan - len(line)))
                    for dc in range(cell.colspan):
                        line[col + dc] = cell
                col += cell.colspan
        width = max((len(line) for line in grid), default=0)
        return [line + [None] * (width - len(line)) for line in grid]
