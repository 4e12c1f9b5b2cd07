"""Web-page reports (.html/.htm): the report body without page chrome, tables kept as tables.

Decoding: a BOM, else the charset the page declares (``<meta charset>``, ``http-equiv``, XML declaration;
GB2312/GBK labels read as GB18030, their superset), else the same guesses as for text files. A
declaration the bytes contradict (pages labelled UTF-8 but saved as GBK are common) falls back to guessing.

Body: scripts, styles, navigation, asides, forms' controls, and elements whose id/class names page chrome
(nav, menu, breadcrumb, footer, share, copyright…) are dropped; if the page has an ``<article>`` or
``<main>`` holding most of the text, only that is read. Hidden elements are kept on purpose: injected spam
is often hidden, and the spam rules must see it. A table holding another table (page layout) is read
as blocks; every other table becomes a ``RawTable`` (rowspan/colspan as the HTML table model places them).

Positions: rules and line:column work on the rendered text (one paragraph per line); each paragraph and
table cell carries an anchor "源文件第 L 行第 C 列" — where its text starts in the HTML source, found by
searching the block's first characters forward from the element's source line (when the text is written
with character references, the start of the element's line is given instead).
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_right

from .. import lazy_re
from . import InputError
from .decode import decode
from .render import Builder, GridCell

MAX_DEPTH = 256          # real pages nest < 100; lxml silently drops content past its own limit
_DROP = {"script", "style", "noscript", "template", "head", "nav", "aside", "menu", "iframe", "object", "embed",
         "svg", "canvas", "button", "select", "input", "textarea", "option", "map", "audio", "video"}
_CHROME_TAGS = {"header", "footer"}
_EMBEDS = {"iframe", "object", "embed"}
_DOC_LINK = lazy_re.compile(r"\.(pdf|docx?|wps|ofd|xlsx?)\b|pdf", re.I)    # an embedded viewer showing the report itself
_CHROME_TOKENS = {"nav", "navbar", "menu", "breadcrumb", "breadcrumbs", "crumb", "crumbs", "footer", "sidebar",
                  "share", "toolbar", "copyright", "topbar", "banner", "login", "search", "skip", "bshare"}
_BLOCK = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article",
          "main", "header", "footer", "blockquote", "address", "center", "tr", "td", "th", "hr", "figure",
          "figcaption", "caption", "fieldset", "details", "summary", "body", "html", "form", "table", "tbody",
          "thead", "tfoot", "legend"}
_CHARSET = lazy_re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""",
                      re.I)
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "cp936": "gb18030",
            "big5": "big5hkscs", "x-big5": "big5hkscs"}
_XML_DECL = lazy_re.compile(r"^\ufeff?\s*<\?xml[^>]*>")
_WS = lazy_re.compile(r"[ \t\r\n\f]+")
_CJK_NL = lazy_re.compile(r"(?<=[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef])[ \t\r\f]*\n[ \t\r\n\f]*"
                     r"(?=[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef])")
_SNIPPET = lazy_re.compile(r"[\w\u3000-\u303f\uff00-\uffef]{1,8}")


def read(data: bytes, path: str):
    text, encoding = _decode(data, path)
    text = _XML_DECL.sub(lambda m: " " * len(m.group()), text)   # lxml refuses str with a declaration
    import lxml.html   # heavy: only when a web page is actually read

    parser = lxml.html.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except Exception as exc:           # lxml raises ParserError on documents with no elements at all
        raise InputError(path, f"无法解析 HTML：{str(exc)[:200]}") from None
    depth = _max_depth(root)
    if depth > MAX_DEPTH:
        raise InputError(path, f"HTML 嵌套层级过深（至少 {depth} 层，上限 {MAX_DEPTH}），疑似损坏或恶意构造的页面，未检查")
    body = _content_root(root)
    walker = _Walker(text)
    walker.block(body, inside_main=body.tag in ("article", "main"))
    b = walker.finish()
    if not b.text.strip():
        raise InputError(path, "网页中没有可检查的正文（内容可能由脚本动态加载）")
    return b.source(path, "html", encoding)


def _decode(data: bytes, path: str) -> tuple[str, str]:
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        m = _CHARSET.search(data[:4096])
        if m:
            label = (m.group(1) or m.group(2)).decode("ascii").lower()
            enc = _ALIASES.get(label, label)
            try:
                codecs.lookup(enc)
                return data.decode(enc), label
            except (LookupError, UnicodeDecodeError):
                pass           # unknown label or bytes that contradict it: guess like a text file
    d = decode(data, path)
    return d.text, d.encoding


def _max_depth(root) -> int:
    deepest = 0
    stack = [(root, 0)]
    while stack:
        el, d = stack.pop()
        if d > deepest:
            deepest = d
            if deepest > MAX_DEPTH:
                break
        stack.extend((child, d + 1) for child in el)
    return deepest


def _tag(el) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _text_len(el) -> int:
    return len(_WS.sub("", el.text_content()))


def _content_root(root):
    body = root.find("body")
    if body is None:
        body = root
    total = _text_len(body) or 1
    candidates = [el for el in body.iter("article", "main")]
    if len(candidates) == 1 and _text_len(candidates[0]) >= 0.4 * total:
        return candidates[0]
    return body


def _is_chrome(el, inside_main: bool) -> bool:
    tag = _tag(el)
    if tag in _DROP and not (tag in _EMBEDS and _DOC_LINK.search(el.get("src", "") + el.get("data", ""))):
        return True
    if tag in _CHROME_TAGS and not inside_main:
        return True
    names = f"{el.get('id', '')} {el.get('class', '')}".lower()
    return bool(names.strip()) and any(t in _CHROME_TOKENS for t in re.split(r"[\s_\-]+", names))


def _is_layout_table(table) -> bool:
    nested = any(True for _ in table.iterdescendants("table"))
    cells = sum(1 for _ in table.iterdescendants("td", "th"))
    return nested or cells <= 1


class _Walker:
    def __init__(self, source: str) -> None:
        self.b = Builder()
        self.src = source
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.cursor = 0
        self.pieces: list[str] = []
        self.first: tuple[str, object] | None = None
        self.tables = 0
        self.images = 0
        self.first_image = -1

    # -- positions in the HTML source ---------------------------------------------------------------
    def _label(self, text: str, el) -> str:
        line = getattr(el, "sourceline", None) or 1
        floor = max(self.cursor, self.line_starts[min(line, len(self.line_starts)) - 1])
        m = _SNIPPET.search(text)
        at = self.src.find(m.group(), floor) if m else -1
        if at == -1:
            at = self.line_starts[min(line, len(self.line_starts)) - 1]
        else:
            self.cursor = at + len(m.group())
        ln = bisect_right(self.line_starts, at)
        return f"源文件第 {ln} 行第 {at - self.line_starts[ln - 1] + 1} 列"

    # -- inline text and blocks ---------------------------------------------------------------------
    def _add(self, text: str | None, el) -> None:
        if not text:
            return
        if self.first is None and text.strip(" \t\r\n\f\xa0\u3000"):
            self.first = (text, el)
        self.pieces.append(text)

    def flush(self) -> None:
        if self.first is not None:
            text = collapse("".join(self.pieces))
            self.b.paragraph(text, self._label(*self.first))
        self.pieces, self.first = [], None

    def block(self, el, inside_main: bool) -> None:
        for child in el:
            self._visit(child, inside_main)
            self._add(child.tail, el)

    def _visit(self, el, inside_main: bool) -> None:
        tag = _tag(el)
        if not tag or _is_chrome(el, inside_main):
            return
        if tag == "br":
            self.flush()
        elif tag == "img":
            self._image()
        elif tag in _EMBEDS:
            self.flush()
            self.b.note(self.b.pos, self.b.pos, "not-text",
                        f"网页正文嵌入了文档预览（<{tag}> {el.get('src') or el.get('data')}），其中的内容未检查")
        elif tag == "table" and not _is_layout_table(el):
            self.flush()
            self._table(el)
        elif tag == "pre":
            self.flush()
            for line in el.text_content().splitlines():
                self.b.paragraph(line, self._label(line, el))
        else:
            block = tag in _BLOCK
            if block:
                self.flush()
            self._add(el.text, el)
            self.block(el, inside_main or tag in ("article", "main"))
            if block:
                self.flush()

    def _image(self) -> None:
        if not self.images:
            self.first_image = self.b.pos
        self.images += 1

    def finish(self) -> Builder:
        self.flush()
        if self.images:
            self.b.note(self.first_image, self.first_image, "image",
                        f"网页正文含 {self.images} 张图片，图片中的文字（如统计表截图）未检查")
        return self.b

    # -- tables ---------------------------------------------------------------------------------------
    def _table(self, table) -> None:
        self.tables += 1
        t = self.tables
        cells: list[GridCell] = []
        notes: list[str] = []
        taken: set[tuple[int, int]] = set()
        for r, tr in enumerate(_rows(table)):
            col = 0
            for td in (c for c in tr if _tag(c) in ("td", "th")):
                while (r, col) in taken:
                    col += 1
                rowspan, colspan = _span(td.get("rowspan"), 65534), _span(td.get("colspan"), 1000)
                cell = GridCell(self._cell_text(td), r, col, rowspan, colspan)
                cell.label = self._label(cell.text, td)
                cells.append(cell)
                overlap = {(r + dr, col + dc) for dr in range(rowspan) for dc in range(colspan)} & taken
                if overlap:
                    notes.append(f"第 {r + 1} 行第 {col + 1} 列的合并单元格与其他合并单元格重叠（表格结构错误），"
                                 "这几格对应哪一列只能猜测")
                taken.update((r + dr, col + dc) for dr in range(rowspan) for dc in range(colspan))
                col += colspan
        n_rows = len(list(_rows(table)))
        for c in cells:             # rowspan past the table's end: browsers clamp it, so do we
            c.rowspan = max(1, min(c.rowspan, n_rows - c.row))
        self.b.table(cells, "html", lambda c: f"表 {t} 第 {c.row + 1} 行第 {c.col + 1} 列（{c.label}）", notes)

    def _cell_text(self, td) -> str:
        out: list[str] = []

        def walk(el) -> None:
            for child in el:
                tag = _tag(child)
                if tag and not _is_chrome(child, True):
                    if tag == "br" or tag in _BLOCK:
                        out.append("\n")
                    if tag == "img":
                        self._image()
                    out.append(child.text or "")
                    walk(child)
                    if tag in _BLOCK:
                        out.append("\n")
                out.append(child.tail or "")

        out.append(td.text or "")
        walk(td)
        return "\n".join(collapse(x) for x in "".join(out).split("\n"))


def collapse(text: str) -> str:
    """Whitespace as a browser shows it; a line break between two CJK characters shows as nothing."""
    return _WS.sub(" ", _CJK_NL.sub("", text)).replace("\xa0", " ")


def _span(value: str | None, cap: int) -> int:
    m = re.match(r"\s*(\d+)", value or "")
    return max(1, min(int(m.group(1)), cap)) if m else 1


def _rows(table):
    for child in table:
        tag = _tag(child)
        if tag == "tr":
            yield child
        elif tag in ("thead", "tbody", "tfoot"):
            yield from (tr for tr in child if _tag(tr) == "tr")
