"""Word (.docx) reports: body paragraphs and tables in document order, rendered by ``render.Builder``.

python-docx opens and validates the package (imported here only, when a .docx is read); the body is then
walked as XML so that content controls, tracked insertions, automatic numbering and merged table cells
(gridSpan, vMerge) come out the way Word shows them. Headers, footers and comments are page chrome and
are skipped. Positions: "段落 N" (N counts the paragraphs that have text) and "表 T 第 R 行第 C 列"
(grid row and column, 1-based).
"""

from __future__ import annotations

import io
import zipfile

from . import InputError
from .docx_numbering import W, Numbering
from .render import Builder, GridCell, join_pieces

MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
# A real report's package is a few MB; anything far beyond is a zip bomb or not a report.
MAX_UNPACKED = 256 * 1024 * 1024
MAX_MEMBERS = 10_000
MAX_RATIO = 200
MAX_GRID_COLUMNS = 1000     # Word itself allows 63
_OTHER_ZIPS = [("xl/workbook.xml", "Excel 表格（.xlsx）"), ("ppt/presentation.xml", "PowerPoint 演示文稿（.pptx）"),
               ("mimetype", "OpenDocument 文档（.odt 等），请另存为 .docx")]
_SKIP = {W + "del", W + "moveFrom", MC_FALLBACK, W + "pPr", W + "rPr", W + "instrText", W + "delText"}


def read(data: bytes, path: str):
    _check_package(data, path)
    import docx   # heavy: only when a .docx is actually read

    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:        # python-docx raises bare KeyError/ValueError on broken packages
        raise InputError(path, f"无法读取 Word 文档（文件损坏或不是 .docx）：{_reason(exc)}") from None
    part = document.part
    try:
        numbering = part.numbering_part.element
    except (KeyError, NotImplementedError):     # no numbering.xml: python-docx cannot make one up
        numbering = None
    styles = part.styles.element
    return _Walker(Numbering(numbering, styles)).run(document.element.body).source(path, "docx")


def _reason(exc: Exception) -> str:
    return str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__


def _check_package(data: bytes, path: str) -> None:
    """Refuse what is not a Word package, and zip bombs, before anything is decompressed."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(path, f"不是有效的 Word 文档（zip 结构损坏或文件不完整：{_reason(exc)}）") from None
    names = {i.filename for i in infos}
    if "word/document.xml" not in names and not any(n.endswith("/document.xml") for n in names):
        what = next((w for n, w in _OTHER_ZIPS if n in names), "zip 压缩包")
        raise InputError(path, f"不是 Word 文档（.docx）：内容是{what}")
    total = sum(i.file_size for i in infos)
    packed = sum(i.compress_size for i in infos) or 1
    if len(infos) > MAX_MEMBERS or total > MAX_UNPACKED or (total > 16 * 1024 * 1024 and total / packed > MAX_RATIO):
        raise InputError(path, f"疑似压缩炸弹：{len(infos)} 个成员，解压后 {total // (1024 * 1024)} MB"
                               f"（压缩时 {packed // 1024} KB），拒绝读取")


class _Walker:
    def __init__(self, numbering: Numbering) -> None:
        self.b = Builder()
        self.numbering = numbering
        self.paragraphs = 0
        self.tables = 0
        self.images = 0
        self.first_image = -1

    def run(self, body):
        self._blocks(body)
        if self.images:
            self.b.note(self.first_image, self.first_image, "image",
                        f"文档含 {self.images} 张图片，图片中的文字（如扫描的统计表）未检查")
        return self.b

    def _blocks(self, parent) -> None:
        for child in parent:
            tag = child.tag
            if tag == W + "p":
                self._paragraph(child)
            elif tag == W + "tbl":
                self._table(child)
            elif tag in (W + "sdt", W + "sdtContent", W + "customXml"):
                self._blocks(child)

    def _paragraph(self, p) -> None:
        boxes: list = []
        text = self.numbering.label(p) + self._text(p, boxes)
        span = self.b.paragraph(text, f"段落 {self.paragraphs + 1}")
        if span:
            self.paragraphs += 1
        for box in boxes:              # text boxes: their paragraphs follow the one that anchors them
            self._blocks(box)

    def _text(self, el, boxes: list) -> str:
        """Visible text of a paragraph: runs, tabs, breaks; deletions and compatibility fallbacks skipped."""
        out: list[str] = []
        stack = [iter(el)]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                continue
            tag = child.tag
            if tag == W + "t":
                out.append(child.text or "")
            elif tag == W + "tab":
                out.append("\t")
            elif tag in (W + "br", W + "cr"):
                out.append("\n")
            elif tag == W + "noBreakHyphen":
                out.append("-")
            elif tag == W + "txbxContent":
                boxes.append(child)
            elif tag == W + "object" or tag.endswith("}OLEObject"):
                self.b.note(self.b.pos, self.b.pos, "not-text", "文档含嵌入对象（如 Excel 表格），其内容未检查")
            elif tag.endswith("}blip"):
                if not self.images:
                    self.first_image = self.b.pos
                self.images += 1
            elif tag not in _SKIP and isinstance(tag, str):
                stack.append(iter(child))
        return "".join(out)

    def _table(self, tbl) -> None:
        self.tables += 1
        t = self.tables
        cells, notes = self._grid(tbl)
        self.b.table(cells, "docx", lambda c: f"表 {t} 第 {c.row + 1} 行第 {c.col + 1} 列", notes)

    def _grid(self, tbl) -> tuple[list[GridCell], list[str]]:
        cells: list[GridCell] = []
        notes: list[str] = []
        open_merges: dict[int, GridCell] = {}      # grid column → cell a vMerge="restart" opened there
        for r, tr in enumerate(_rows(tbl)):
            col = _grid_count(_attr(tr, f"{W}trPr/{W}gridBefore"), 0, r, "gridBefore", notes)
            for tc in _cells(tr):
                span = _grid_count(_attr(tc, f"{W}tcPr/{W}gridSpan"), 1, r, "gridSpan", notes)
                vmerge = tc.find(f"{W}tcPr/{W}vMerge")
                text = self._cell_text(tc, notes)
                above = open_merges.get(col)
                if vmerge is not None and vmerge.get(W + "val") != "restart" and above is not None \
                        and above.colspan == span:
                    above.rowspan = r - above.row + 1
                    if text:
                        above.text = join_pieces([above.text, text])
                else:
                    if vmerge is not None and vmerge.get(W + "val") != "restart":
                        notes.append(f"第 {r + 1} 行第 {col + 1} 列是纵向合并的续格，但上方没有可合并的单元格，已按独立单元格读取")
                    cell = GridCell(text, r, col, 1, span)
                    cells.append(cell)
                    for c in range(col, col + span):
                        open_merges.pop(c, None)
                    if vmerge is not None:
                        open_merges[col] = cell
                col += span
        return cells, notes

    def _cell_text(self, tc, notes: list[str]) -> str:
        parts: list[str] = []
        for child in tc:
            if child.tag == W + "p":
                boxes: list = []
                parts.append(self.numbering.label(child) + self._text(child, boxes))
            elif child.tag == W + "tbl":
                nested, _ = self._grid(child)
                parts.extend(c.text for c in nested)
                notes.append("单元格内嵌套的表格已按文字读取，其行列结构未检查")
            elif child.tag in (W + "sdt", W + "sdtContent", W + "customXml"):
                parts.append(self._cell_text(child, notes))
        return "\n".join(parts)


def _grid_count(value: str | None, default: int, row: int, what: str, notes: list[str]) -> int:
    """A gridSpan/gridBefore count: Word tables have at most 63 columns, so anything past MAX_GRID_COLUMNS,
    or not a number at all, is a broken or crafted file; read with the default and say so once per table."""
    if value is None:
        return default
    v = value.strip()
    if v.isascii() and v.isdigit() and len(v) <= 4 and int(v) <= MAX_GRID_COLUMNS:
        return max(default, int(v))
    note = f"表格的 {what} 值“{v[:20]}”无效或超过 {MAX_GRID_COLUMNS} 列的上限（第 {row + 1} 行起），已按 {default} 读取，该表列位置可能不准"
    if not any(n.startswith(f"表格的 {what} 值") for n in notes):
        notes.append(note)
    return default


def _attr(el, path: str) -> str | None:
    found = el.find(path)
    return found.get(W + "val") if found is not None else None


_WRAPPERS = (W + "sdt", W + "sdtContent", W + "customXml")


def _children(el, tag: str):
    """Children with ``tag``, looking through content controls that may wrap rows and cells."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag in _WRAPPERS:
            yield from _children(child, tag)


def _rows(tbl):
    return _children(tbl, W + "tr")


def _cells(tr):
    return _children(tr, W + "tc")
