"""PDF reports drawn the way word processors print them when the statistics table crosses a page break.

``write_split_pdf(report, path, layout)`` draws a ``report_fixture.Report`` on A4 pages with reportlab's
canvas, cell by cell, so that every detail of the break is under the test's control:

- ``split_row``: table 三 continues on a new page from this grid row on;
- ``drift``: (left, right) points the continuation's outer border moves (WPS: x 73–520, then 70–523),
  the inner column lines staying where they were;
- ``open_border``: the border at the break is not drawn (the cut rows are closed by nothing);
- ``repeat_header``: the header rows are drawn again at the top of the continuation;
- ``vertical``: group labels spanning several rows are set one character per line;
- ``layout_boxes``: every body line sits in an invisible white box (WPS), whose edges are not rulings;
- narrow number columns, so header cells wrap mid-word (``商业企\\n业``).

A cell spanning the break is cut in two, its text shared between the pages in proportion to its rows
(``（四）无`` above, ``法提供`` below), as printed.
"""

from __future__ import annotations

from dataclasses import dataclass

from report_fixture import Report, Table, grid_positions, width

PAGE_W, PAGE_H = 595.0, 842.0
LEFT, TOP, BOTTOM = 72.0, 72.0, 72.0
TEXT_W = PAGE_W - 2 * LEFT
BODY, LEADING = 11.0, 20.0
CELL, CELL_LEADING, PAD = 7.5, 9.5, 2.5


@dataclass
class Layout:
    split_row: int = 12
    drift: tuple[float, float] = (0.0, 0.0)
    open_border: bool = False
    repeat_header: bool = False
    vertical: bool = True
    layout_boxes: bool = False
    cut_row: bool = False           # the row at ``split_row`` itself is cut: label text on both pages
    inner_shift: float = 0.0        # the continuation's inner column lines moved (a table that cannot be joined)


def write_split_pdf(report: Report, path, layout: Layout):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen.canvas import Canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    page = _Pages(Canvas(str(path), pagesize=(PAGE_W, PAGE_H)), layout)
    tables = [b for b in report.blocks if isinstance(b, Table)]
    for b in report.blocks:
        if isinstance(b, str):
            page.paragraph(b, b is report.blocks[0])
        elif b is tables[1]:
            page.table(_cut(b, layout.split_row) if layout.cut_row else b,
                       layout.split_row + (1 if layout.cut_row else 0))
        else:
            page.table(b, None)
    page.finish()
    return path


def _columns(table: Table) -> list[float]:
    """Column widths: label columns share what the seven narrow number columns leave."""
    w = width(table)
    wordy = [False] * w
    for _, c, (text, _, cs) in grid_positions(table):
        if cs == 1 and not text.isdigit() and len(text) > 5:
            wordy[c] = True
    narrow = 28.0
    n_wordy = sum(wordy) or 1
    wide = (TEXT_W - narrow * (w - sum(wordy))) / n_wordy
    return [wide if x else narrow for x in wordy]


def _wrap(text: str, chars: int) -> list[str]:
    chars = max(1, chars)
    return [text[i:i + chars] for i in range(0, len(text), chars)] or [""]


class _Pages:
    def __init__(self, canvas, layout: Layout) -> None:
        self.c, self.layout = canvas, layout
        self.y = TOP          # distance from the top of the page
        self.number = 1

    # -- text ---------------------------------------------------------------------------------------

    def paragraph(self, text: str, title: bool) -> None:
        heading = title or text.startswith(("一、", "二、", "三、", "四、", "五、", "六、", "（"))
        indent = 0.0 if heading else 2 * BODY
        first = int((TEXT_W - indent) // BODY)
        lines = [text[:first]] + _wrap(text[first:], int(TEXT_W // BODY)) if len(text) > first else [text]
        for i, line in enumerate(line for line in lines if line):
            self.need(LEADING)
            x = LEFT + (indent if i == 0 else 0.0)
            if self.layout.layout_boxes:
                self.c.setFillColorRGB(1, 1, 1)
                self.c.rect(LEFT, self._y(self.y + LEADING), TEXT_W, LEADING, stroke=0, fill=1)
                self.c.setFillColorRGB(0, 0, 0)
            self.c.setFont("STSong-Light", BODY)
            self.c.drawString(x, self._y(self.y + BODY + 3), line)
            self.y += LEADING

    # -- tables -------------------------------------------------------------------------------------

    def table(self, table: Table, split: int | None) -> None:
        cols = _columns(table)
        xs = [LEFT]
        for w in cols:
            xs.append(xs[-1] + w)
        cells = grid_positions(table)
        heights = self._row_heights(table, cells, cols)
        rows = len(table.rows)
        end = split or rows
        self.need(sum(heights[:end]) + 4)
        self._draw_rows(cells, heights, 0, end, xs, cut=bool(split))
        if split:
            dl, dr = self.layout.drift
            moved = [xs[0] + dl, *(x + self.layout.inner_shift for x in xs[1:-1]), xs[-1] + dr]
            self.new_page()
            if self.layout.repeat_header:
                self._draw_rows(cells, heights, 0, _header_rows(cells), moved)
            self._draw_rows(cells, heights, split, rows, moved, continued=True)
        self.y += 10

    def _row_heights(self, table: Table, cells, cols: list[float]) -> list[float]:
        heights = [CELL_LEADING + 2 * PAD] * len(table.rows)
        for r, c, (text, rs, cs) in cells:
            if rs == 1:
                w = sum(cols[c:c + cs])
                lines = len(_wrap(text, int((w - 2 * PAD) // CELL)))
                heights[r] = max(heights[r], lines * CELL_LEADING + 2 * PAD)
        return heights

    def _draw_rows(self, cells, heights, start: int, end: int, xs, cut: bool = False,
                   continued: bool = False) -> None:
        """Rows ``start``..``end`` at the cursor; a cell reaching beyond them (the break) is cut."""
        tops = {start: self.y}
        for r in range(start, end):
            tops[r + 1] = tops[r] + heights[r]
        for r, c, (text, rs, cs) in cells:
            if r + rs <= start or r >= end:
                continue
            lo, hi = max(r, start), min(r + rs, end)
            self._cell(_share(text, r, rs, lo, hi), xs[c], tops[lo], xs[c + cs], tops[hi],
                       vertical=self.layout.vertical and rs > 2 and c == 0 and cs == 1,
                       open_bottom=self.layout.open_border and cut and hi == end,
                       open_top=self.layout.open_border and continued and lo == start)
        self.y = tops[end]

    def _cell(self, text: str, x0: float, top: float, x1: float, bottom: float, vertical: bool,
              open_bottom: bool, open_top: bool) -> None:
        c = self.c
        c.setLineWidth(0.5)
        c.line(x0, self._y(top), x0, self._y(bottom))
        c.line(x1, self._y(top), x1, self._y(bottom))
        if not open_top:
            c.line(x0, self._y(top), x1, self._y(top))
        if not open_bottom:
            c.line(x0, self._y(bottom), x1, self._y(bottom))
        c.setFont("STSong-Light", CELL)
        lines = list(text) if vertical else _wrap(text, int((x1 - x0 - 2 * PAD) // CELL))
        block = len(lines) * CELL_LEADING
        y = top + max(PAD, (bottom - top - block) / 2)
        for line in lines:
            if y + CELL_LEADING > bottom + 0.1:
                break
            c.drawString(x0 + PAD, self._y(y + CELL), line)
            y += CELL_LEADING

    # -- pages --------------------------------------------------------------------------------------

    def need(self, height: float) -> None:
        if self.y + height > PAGE_H - BOTTOM:
            self.new_page()

    def new_page(self) -> None:
        self.c.setFont("STSong-Light", 9)
        self.c.drawCentredString(PAGE_W / 2, 30, f"- {self.number} -")
        self.c.showPage()
        self.number += 1
        self.y = TOP

    def finish(self) -> None:
        self.c.setFont("STSong-Light", 9)
        self.c.drawCentredString(PAGE_W / 2, 30, f"- {self.number} -")
        self.c.save()

    @staticmethod
    def _y(top: float) -> float:
        return PAGE_H - top


def _header_rows(cells) -> int:
    """Rows above the first row that holds a number."""
    return min(r for r, _, (text, _, _) in cells if text.isdigit())


def _share(text: str, r: int, rs: int, lo: int, hi: int) -> str:
    """The part of a cut cell's text printed in rows ``lo``..``hi`` of its ``r``..``r+rs``: in
    proportion to the rows, at least one character on each side."""
    if lo == r and hi == r + rs:
        return text
    cut = min(max(1, round(len(text) * (hi - r if lo == r else lo - r) / rs)), len(text) - 1)
    return text[:cut] if lo == r else text[cut:]


def _cut(table: Table, r: int) -> Table:
    """``table`` with row ``r`` printed as two rows, as a page break cuts it: the label's first half and
    the numbers above, the rest of the label and empty value cells below; cells spanning it grow."""
    placed = grid_positions(table)
    rows: list[list] = [[] for _ in range(len(table.rows) + 1)]
    for row, _, (text, rs, cs) in placed:
        if row < r:
            rows[row].append((text, rs + 1 if row + rs > r else rs, cs))
        elif row > r:
            rows[row + 1].append((text, rs, cs))
        elif rs > 1:
            rows[r].append((text, rs + 1, cs))
        elif text.isdigit():
            rows[r].append((text, 1, cs))
            rows[r + 1].append(("", 1, cs))
        else:
            half = len(text) // 2 + 1
            rows[r].append((text[:half], 1, cs))
            rows[r + 1].append((text[half:], 1, cs))
    return Table(rows)
