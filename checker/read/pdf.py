"""PDF reports: text in reading order and ruled tables from the page geometry. Characters and rulings
come from PDFium (pdf_pdfium) and are grouped by pdf_layout; a page PDFium cannot measure faithfully
(fonts not embedded, rotation) is read with pdfplumber, which groups them the same way. Both are
imported only when a PDF is read.

- Lines outside tables are read top to bottom; the wrapped lines of one paragraph are joined again (a line
  that reaches the right margin continues on the next one unless that one is indented or starts a
  numbered heading), also across a page break, so a PDF renders like the .docx it was printed from.
- Page numbers and running headers/footers in the page margins are page chrome and are dropped.
- Ruled tables become ``RawTable``s; merged cells get rowspan/colspan from the cell geometry. Only drawn
  rulings count: rectangles neither stroked nor inked (WPS boxes every body line in a white one) are
  layout, and a border a page break left open is closed where the column rulings end. A table that
  ends a page and continues at the top of the next one is joined by its inner column lines (pdf_join:
  border drift, repeated headers, cells cut by the break); when the columns differ it is not joined, a
  note says so and the table is marked ``continued`` (tables.extract reads both parts together).
- What cannot be extracted faithfully becomes a ``ReaderNote`` (GL6xx): glyphs without a Unicode mapping
  (rendered as U+FFFD), text inside a table's frame but outside its cells, pages that are only images.
Positions: "第 P 页第 L 行" (L counts the text lines of the page outside tables, from the top) and
"第 P 页表格第 R 行第 C 列".
"""

from __future__ import annotations

import io
import re
from collections import Counter

from .. import lazy_re
from ..model.record import MutableRecord
from . import InputError
from .pdf_join import Table, grid_span, join
from .render import Builder, GridCell

MARGIN = 0.08               # top/bottom share of the page where running headers and page numbers live
_PAGE_NO = lazy_re.compile(r"^[-—–\s]*(第\s*)?\d{1,4}\s*(页)?\s*([/共]\s*\d{1,4}\s*页?)?[-—–\s]*$")
_HEADING = lazy_re.compile(r"^([一二三四五六七八九十]+[、．.]|[（(][一二三四五六七八九十]+[）)]|第[一二三四五六七八九十]+[部分章节])")
_CID = lazy_re.compile(r"\(cid:\d+\)")


class _Line(MutableRecord):
    __slots__ = ("text", "x0", "x1", "top", "bottom", "height", "page", "number", "size", "notes")

    def __init__(self, text: str, x0: float, x1: float, top: float, bottom: float, height: float, page: int,
                 number: int, size: float, notes: list[str] | None = None) -> None:
        self.text, self.x0, self.x1, self.top, self.bottom = text, x0, x1, top, bottom
        self.height = height        # of the page
        self.page, self.number, self.size = page, number, size
        self.notes = [] if notes is None else notes


class _PageNote(MutableRecord):
    __slots__ = ("kind", "detail")

    def __init__(self, kind: str, detail: str) -> None:
        self.kind, self.detail = kind, detail


def read(data: bytes, path: str, pdfium: bool = True):
    """``pdfium=False`` reads every page with pdfplumber (the tests compare the two)."""
    _check_complete(data, path)
    b = Builder()
    try:
        pages = _pages(data, pdfium)
    except InputError:
        raise
    except Exception as exc:            # PDFium and pdfminer raise many unrelated exception types on broken files
        raise InputError(path, _failure(exc)) from None
    blocks = _drop_chrome(pages)
    if not any(isinstance(x, (_Line, Table)) for x in blocks):
        raise InputError(path, "PDF 没有文字层（可能是扫描件或图片），无法检查")
    _render(join(blocks), b)
    return b.source(path, "pdf")


def _pages(data: bytes, pdfium: bool) -> list[list]:
    """Every page's blocks: read with PDFium, or with pdfplumber where PDFium cannot be trusted."""
    from . import pdf_pdfium

    doc = pdf_pdfium.open_document(data)
    try:
        fast = [pdf_pdfium.page(doc, i) if pdfium else None for i in range(len(doc))]
    finally:
        doc.close()
    if all(fast):
        return [_page(_Fast(p), i + 1) for i, p in enumerate(fast)]
    import pdfplumber   # heavy: only for a page PDFium cannot read faithfully

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return [_page(_Fast(p) if p else _Plumber(pdf.pages[i]), i + 1) for i, p in enumerate(fast)]


def _check_complete(data: bytes, path: str) -> None:
    tail = data.rstrip(b"\x00\r\n\t \x0c")[-1024:]
    if b"%%EOF" not in tail:
        raise InputError(path, "PDF 文件不完整（缺少文件结尾标记 %%EOF，可能下载或复制时被截断），未检查")


def _failure(exc: Exception) -> str:
    name = type(exc).__name__
    if "Password" in name or "Encrypt" in name or "password" in str(exc).lower():     # pdfminer, PDFium
        return "PDF 已加密，需要密码才能读取，未检查"
    detail = str(exc).splitlines()[0][:160] if str(exc) else name
    return f"PDF 文件已损坏，无法解析（{detail}）"


# -- one page -----------------------------------------------------------------------------------------

class _Fast:
    """A page PDFium read (pdf_pdfium), grouped into lines and tables by pdf_layout."""

    def __init__(self, page) -> None:
        from . import pdf_layout

        self.layout, self.height, self.chars, self.images = pdf_layout, page.height, page.chars, page.images
        self.edges = page.edges

    def tables(self) -> list:
        ruled = [e for e in self.edges if _visible(e)]
        return [t for t in self.layout.find_tables(ruled, _open_ends(ruled)) if t.rows]

    def lines(self, keep) -> list[dict]:
        return self.layout.text_lines([c for c in self.chars if keep(c)])

    def cells(self, table) -> list[list]:
        return table.extract(self.chars)


class _Plumber:
    """A page pdfplumber read (the pages PDFium cannot read faithfully)."""

    def __init__(self, page) -> None:
        self.page, self.height, self.chars, self.images = page, page.height, page.chars, bool(page.images)

    def tables(self) -> list:
        ruled = self.page.filter(_visible)
        return [t for t in ruled.find_tables({"explicit_horizontal_lines": _open_ends(ruled.edges)}) if t.rows]

    def lines(self, keep) -> list[dict]:
        return self.page.filter(lambda obj: obj.get("object_type") != "char" or keep(obj)).extract_text_lines(
            strip=True, return_chars=True)

    def cells(self, table) -> list[list]:
        return table.extract()


def _page(page, number: int) -> list:
    tables = page.tables()
    boxes = [t.bbox for t in tables]

    def outside(c) -> bool:
        cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        for x0, top, x1, bottom in boxes:       # a loop: asked for every character of the page
            if x0 <= cx <= x1 and top <= cy <= bottom:
                return False
        return True

    blocks: list[tuple[float, object]] = []
    for n, ln in enumerate(page.lines(outside), 1):
        notes: list[str] = []
        text = _unmapped(ln["text"], number, notes)
        size = max((c.get("size", 0) for c in ln["chars"]), default=0)
        blocks.append((ln["top"], _Line(text, ln["x0"], ln["x1"], ln["top"], ln["bottom"], page.height,
                                        number, n, size, notes)))
    for t in tables:
        blocks.append((t.bbox[1], _table(t, page, number)))
    blocks.sort(key=lambda x: x[0])
    out = [x for _, x in blocks]
    if not page.chars and page.images:
        out.insert(0, _PageNote("not-text", f"第 {number} 页没有文字层，只有图片（扫描件？），该页内容未检查"))
    return out


def _open_ends(edges: list[dict]) -> list[dict]:
    """The border a table leaves open where a page break cuts it: column rulings that end at the same
    height with no horizontal ruling across them there get one, so the cut row is still a row."""
    verticals = [e for e in edges if e["orientation"] == "v"]
    horizontals = [e for e in edges if e["orientation"] == "h"]
    out = []
    for end in ("top", "bottom"):
        groups: dict[int, list[dict]] = {}
        for e in verticals:
            groups.setdefault(round(e[end] / 2), []).append(e)
        for group in groups.values():
            if len(group) < 2:
                continue
            y = sum(e[end] for e in group) / len(group)
            x0, x1 = min(e["x0"] for e in group), max(e["x1"] for e in group)
            if not any(abs(h["top"] - y) <= 2 and h["x0"] <= x0 + 2 and h["x1"] >= x1 - 2 for h in horizontals):
                out.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0,
                            "object_type": "line"})
    return out


def _visible(obj) -> bool:
    """Rectangles that are neither stroked nor filled with ink are layout boxes (WPS puts each body
    line in a white one), not rulings: their edges must not make a table."""
    if obj.get("object_type") != "rect" or obj.get("stroke"):
        return True
    return bool(obj.get("fill")) and not _paper(obj.get("non_stroking_color"))


_PAPER: dict = {}       # colour → white? (every side of every box asks)


def _paper(color) -> bool:
    """White in gray, RGB or CMYK."""
    if type(color) is not tuple:        # pdfplumber's colours can be lists
        return _is_paper(color)
    try:
        return _PAPER[color]
    except KeyError:
        white = _is_paper(color)
        if len(_PAPER) < 256:
            _PAPER[color] = white
        return white
    except TypeError:                   # unhashable parts: not a colour of numbers
        return _is_paper(color)


def _is_paper(color) -> bool:
    if not isinstance(color, (tuple, list)) or not color or not all(isinstance(v, (int, float)) for v in color):
        return False
    if len(color) == 4:
        return max(color) <= 0.05
    return min(color) >= 0.95


def _unmapped(text: str, page: int, notes: list[str]) -> str:
    n = len(_CID.findall(text)) if "(cid:" in text else 0       # the literal every match starts with
    if n:
        notes.append(f"第 {page} 页有 {n} 个字形无法转换为文字（字体缺少 Unicode 映射），以 \ufffd 代替")
        text = _CID.sub("\ufffd", text)
    return text


def _table(t, page, number: int) -> Table:
    texts = page.cells(t)
    boxes = [c for row in t.rows for c in row.cells if c is not None]
    xs = sorted({round(c[0], 1) for c in boxes} | {round(max(c[2] for c in boxes), 1)})
    ys = sorted({round(c[1], 1) for c in boxes} | {round(max(c[3] for c in boxes), 1)})
    cells: list[GridCell] = []
    kept: list[tuple] = []
    notes: list[str] = []
    for row, row_text in zip(t.rows, texts):
        for bbox, text in zip(row.cells, row_text):
            if bbox is None:
                continue
            col, colspan = grid_span(xs, bbox[0], bbox[2])
            r, rowspan = grid_span(ys, bbox[1], bbox[3])
            # a number wrapped in a narrow column is still one number
            text = _unmapped(text or "", number, notes)
            if "\n" in text:
                text = re.sub(r"(?<=\d)\n(?=\d)", "", text)
            cell = GridCell(text, r, col, rowspan, colspan)
            cell.label = f"第 {number} 页表格第 {r + 1} 行第 {col + 1} 列"
            cells.append(cell)
            kept.append(bbox)
    stray = _stray_chars(page, t.bbox, boxes)
    if stray:
        notes.append(f"第 {number} 页表格框内有 {stray} 个字符不在任何单元格中，未能读入表格")
    return Table(cells, kept, xs, len(ys) - 1, number, notes=notes)


def _stray_chars(page, bbox, cells) -> int:
    x0, top, x1, bottom = bbox
    n = 0
    hit = (0.0, 0.0, -1.0, -1.0)        # the cell of the previous character: the next one is mostly in it too
    for c in page.chars:
        cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        if x0 <= cx <= x1 and top <= cy <= bottom and c["text"].strip() and \
                not (hit[0] <= cx <= hit[2] and hit[1] <= cy <= hit[3]):
            cell = next((box for box in cells if box[0] <= cx <= box[2] and box[1] <= cy <= box[3]), None)
            if cell is None:
                n += 1
            else:
                hit = cell
    return n


# -- the whole document ---------------------------------------------------------------------------------

def _drop_chrome(pages: list[list]) -> list:
    """Page numbers and lines repeated in the margins of most pages (running headers/footers) go."""
    def in_margin(x) -> bool:
        return isinstance(x, _Line) and (x.top < MARGIN * x.height or x.bottom > (1 - MARGIN) * x.height)

    repeated = Counter(re.sub(r"\d+", "#", x.text) for page in pages for x in page if in_margin(x))
    threshold = max(3, len(pages) // 2 + 1)
    out: list = []
    for page in pages:
        kept = [x for x in page if not (in_margin(x) and (_PAGE_NO.match(x.text) or
                                                          repeated[re.sub(r"\d+", "#", x.text)] >= threshold))]
        if kept:
            if isinstance(kept[0], Table):
                kept[0].first = True
            if isinstance(kept[-1], Table):
                kept[-1].last = True
        out.extend(kept)
    return out


def _render(blocks: list, b: Builder) -> None:
    lines = [x for x in blocks if isinstance(x, _Line)]
    left, right, char = _margins(lines)
    pending: list[_Line] = []

    def flush() -> None:
        if pending:
            b.joined([(ln.text, f"第 {ln.page} 页第 {ln.number} 行") for ln in pending])
            pending.clear()

    for x in blocks:
        if isinstance(x, _PageNote):
            flush()
            b.note(b.pos, b.pos, x.kind, x.detail)
        elif isinstance(x, Table):
            flush()
            b.table(x.cells, "pdf", lambda c: c.label, x.notes, continued=x.continued)
        else:
            if pending and not _continues(pending[-1], x, left, right, char):
                flush()
            start = b.pos
            pending.append(x)
            for n in x.notes:       # offsets are only known once rendered: anchor at the paragraph start
                b.note(start, start, "lossy", n)
    flush()


def _margins(lines: list[_Line]) -> tuple[float, float, float]:
    if not lines:
        return 0.0, 0.0, 0.0
    left = Counter(round(ln.x0) for ln in lines).most_common(1)[0][0]
    ends = sorted((ln.x1 for ln in lines), reverse=True)
    right = ends[min(len(ends) - 1, len(ends) // 10)]
    sizes = sorted(ln.size for ln in lines)
    return left, right, sizes[len(sizes) // 2] or 10.0


def _continues(prev: _Line, line: _Line, left: float, right: float, char: float) -> bool:
    """Is ``line`` the wrapped continuation of ``prev``? Full-width previous line, no indent, no heading."""
    return (prev.x1 >= right - 1.5 * char and line.x0 <= left + 0.5 * char
            and not _HEADING.match(line.text) and abs(line.size - prev.size) < 0.5)
