"""Characters, drawn edges and images of a PDF page from PDFium (pypdfium2, imported only when a PDF is
read), in pdfplumber's coordinates (points, origin at the top left of the MediaBox) and boxes.

A character's box is the one pdfminer gives it — from its origin and the font's descent, the font size
high and its advance wide (a vertical font's glyph is a size × size square below its origin) — so that
lines, words and cell membership come out as they did when pdfplumber read every page.

PDFium cannot always be trusted with a page. A font that is not embedded is measured with whatever
substitute the machine has: without a Chinese font the glyphs of 宋体 are empty, the text page then
skips one-character text objects (a cell holding 无) and takes repeated lines for duplicates of each
other, and digits get PDFium's fixed widths instead of the font's. Rotated pages and rotated text are
laid out differently too. ``page()`` returns None for such a page and the reader reads it with
pdfplumber, so the result does not depend on the fonts installed on the machine. (Word and WPS embed
the fonts they print with: real reports take the fast path.)
"""

from __future__ import annotations

import ctypes

_EMPTY = 0.01           # PDFium's text page drops text objects narrower than this (kSizeEpsilon)
# the standard fonts every reader carries the metrics of: PDFium measures them as pdfminer does unembedded
_STANDARD = {"Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica", "Helvetica-Bold",
             "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic",
             "Times-BoldItalic", "Symbol", "ZapfDingbats"}
_TEXT, _PATH, _IMAGE, _FORM = 1, 2, 3, 5
_MOVE, _LINE, _BEZIER = 2, 0, 1         # FPDF_SEGMENT_*


class Page:
    __slots__ = ("height", "chars", "edges", "images")

    def __init__(self, height: float, chars: list[dict], edges: list[dict], images: bool) -> None:
        self.height, self.chars, self.edges, self.images = height, chars, edges, images


def open_document(data: bytes):
    import pypdfium2       # heavy: only when a PDF is actually read

    return pypdfium2.PdfDocument(data)


def page(doc, index: int) -> Page | None:
    """Page ``index`` of ``doc``, or None when PDFium cannot read it faithfully."""
    import pypdfium2.raw as pdfium

    p = doc[index]
    try:
        if p.get_rotation() % 360:
            return None
        _, bottom, _, top = p.get_mediabox()
        height = top - bottom           # pdfplumber's flip: y1 - y - y0 (pdfminer moves the origin first)
        walk = _Objects(pdfium, height)
        walk.run(p.raw, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0))
        chars = None if walk.lossy else _chars(pdfium, p, height)
        return None if chars is None else Page(height, chars, walk.edges, walk.images)
    finally:
        p.close()


class _Objects:
    """Walk the page's objects (into form XObjects): drawn edges, whether there are images, and whether a
    text object is one PDFium's text page will skip."""

    def __init__(self, pdfium, top: float) -> None:
        self.pdfium, self.top = pdfium, top
        self.edges: list[dict] = []
        self.images = self.lossy = False
        self.fonts: dict = {}

    def run(self, holder, matrix: tuple, form: bool = False) -> None:
        api = self.pdfium
        count = api.FPDFFormObj_CountObjects(holder) if form else api.FPDFPage_CountObjects(holder)
        get = api.FPDFFormObj_GetObject if form else api.FPDFPage_GetObject
        for i in range(count):
            obj = get(holder, i)
            kind = api.FPDFPageObj_GetType(obj)
            if kind == _TEXT:
                self.lossy = self.lossy or _untrusted(api, obj, self.fonts)
            elif kind == _PATH:
                self.edges.extend(_path_edges(api, obj, _compose(_matrix(api, obj), matrix), self.top))
            elif kind == _IMAGE:
                self.images = True
            elif kind == _FORM:
                self.run(obj, _compose(_matrix(api, obj), matrix), form=True)


def _untrusted(api, obj, fonts: dict) -> bool:
    """A text object PDFium measures with a substitute font, or as empty."""
    l, b, r, t = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    if not api.FPDFPageObj_GetBounds(obj, l, b, r, t) or abs(r.value - l.value) < _EMPTY \
            or abs(t.value - b.value) < _EMPTY:
        return True
    key = _Handles.get(api).font(obj)
    if key not in fonts:
        font = api.FPDFTextObj_GetFont(obj)
        fonts[key] = not font or not (api.FPDFFont_GetIsEmbedded(font) or _font_name(api, font) in _STANDARD)
    return fonts[key]


def _font_name(api, font) -> str:
    if not hasattr(api, "FPDFFont_GetBaseFontName"):       # PDFium before 2024: no name, no trust
        return ""
    n = api.FPDFFont_GetBaseFontName(font, None, 0)
    buf = ctypes.create_string_buffer(max(1, n))
    api.FPDFFont_GetBaseFontName(font, buf, n)
    return buf.value.decode("latin-1")


def _matrix(api, obj) -> tuple:
    m = api.FS_MATRIX()
    if not api.FPDFPageObj_GetMatrix(obj, m):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _compose(m: tuple, outer: tuple) -> tuple:
    """``m`` then ``outer`` (row vectors, as PDF matrices multiply)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


# -- paths -----------------------------------------------------------------------------------------------

def _path_edges(api, obj, m: tuple, top: float) -> list[dict]:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    api.FPDFPath_GetDrawMode(obj, fill, stroke)
    if not fill.value and not stroke.value:         # a path ended with n only clips: pdfminer never paints it
        return []
    style = {"stroke": bool(stroke.value), "fill": bool(fill.value), "non_stroking_color": _fill_color(api, obj)}
    a, b, c, d, e, f = m
    subpaths: list[list] = []
    x, y = ctypes.c_float(), ctypes.c_float()
    bezier = 0
    for i in range(api.FPDFPath_CountSegments(obj)):
        seg = api.FPDFPath_GetPathSegment(obj, i)
        api.FPDFPathSegment_GetPoint(seg, x, y)
        kind = api.FPDFPathSegment_GetType(seg)
        pt = (a * x.value + c * y.value + e, b * x.value + d * y.value + f)
        if kind == _MOVE or not subpaths:
            subpaths.append([("m", pt)])
        elif kind == _BEZIER:
            bezier += 1
            if bezier % 3 == 0:         # PDFium gives a curve as three points; pdfminer keeps the last
                subpaths[-1].append(("c", pt))
        else:
            subpaths[-1].append(("l", pt))
        if api.FPDFPathSegment_GetClose(seg):
            subpaths[-1].append(("h", subpaths[-1][0][1]))
    out: list[dict] = []
    for sub in subpaths:
        out.extend(_shape_edges(sub, style, top))
    return out


def _fill_color(api, obj) -> tuple:
    r, g, b, alpha = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
    if not api.FPDFPageObj_GetFillColor(obj, r, g, b, alpha):
        return ()
    return (r.value / 255, g.value / 255, b.value / 255)


def _shape_edges(sub: list, style: dict, top: float) -> list[dict]:
    """A subpath as pdfminer classifies it — one line, an axis-aligned rectangle or a curve — and as
    pdfplumber turns those into edges."""
    shape = "".join(op for op, _ in sub)
    pts = [p for _, p in sub]
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"
        pts.pop()
    flip = [(px, top - py) for px, py in pts]
    if shape in ("mlh", "ml"):
        (x0, t0), (x1, t1) = flip[0], flip[1]
        edge = _edge(min(x0, x1), max(x0, x1), min(t0, t1), max(t0, t1), "line", style)
        edge["orientation"] = "h" if edge["top"] == edge["bottom"] else "v"
        return [edge]
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        if pts[0] == pts[4] and ((x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or
                                 (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)):
            return _rect_edges(flip[0], flip[2], style)
    if not shape.startswith("m"):
        return []
    out = []
    for (ax, at), (bx, bt) in zip(flip, flip[1:]):
        e = _edge(min(ax, bx), max(ax, bx), min(at, bt), max(at, bt), "curve", style)
        e["orientation"] = "v" if ax == bx else ("h" if at == bt else None)
        out.append(e)
    return out


def _edge(x0: float, x1: float, t: float, b: float, kind: str, style: dict) -> dict:
    return {"x0": x0, "x1": x1, "top": t, "bottom": b, "width": x1 - x0, "height": b - t, "object_type": kind,
            **style}


def _rect_edges(p0: tuple, p2: tuple, style: dict) -> list[dict]:
    x0, x1 = min(p0[0], p2[0]), max(p0[0], p2[0])
    t, b = min(p0[1], p2[1]), max(p0[1], p2[1])
    rect = {"object_type": "rect", **style}     # _visible() judges the rectangle, not its sides
    sides = [(x0, x1, t, t, "h"), (x0, x1, b, b, "h"), (x0, x0, t, b, "v"), (x1, x1, t, b, "v")]
    return [{**rect, "x0": a, "x1": z, "top": tt, "bottom": bb, "width": z - a, "height": bb - tt, "orientation": o}
            for a, z, tt, bb, o in sides]


# -- characters ------------------------------------------------------------------------------------------

def _chars(api, p, top: float) -> list[dict] | None:
    text_page = api.FPDFText_LoadPage(p.raw)
    try:
        return _read_chars(api, text_page, top)
    finally:
        api.FPDFText_ClosePage(text_page)


class _Handles:
    """FPDFText_GetTextObject and FPDFTextObj_GetFont returning plain addresses: a character's font is
    looked up by address for every character, and ctypes casts of handle objects cost more than the calls."""
    _made = None

    def __init__(self, api) -> None:
        vp = ctypes.c_void_p

        def retyped(fn, *argtypes):
            return ctypes.CFUNCTYPE(vp, *argtypes)(ctypes.cast(fn, vp).value)

        self.text_object = retyped(api.FPDFText_GetTextObject, vp, ctypes.c_int)
        self.font = retyped(api.FPDFTextObj_GetFont, vp)
        self.descent = ctypes.CFUNCTYPE(ctypes.c_int, vp, ctypes.c_float, ctypes.POINTER(ctypes.c_float))(
            ctypes.cast(api.FPDFFont_GetDescent, vp).value)

    @classmethod
    def get(cls, api) -> "_Handles":
        if cls._made is None:
            cls._made = cls(api)
        return cls._made


def _unicode(api, tp, n: int) -> str | None:
    """The text page's characters, one per index (None when a character outside the BMP makes the
    UTF-16 text longer than the index)."""
    buf = (ctypes.c_ushort * (n + 1))()
    got = api.FPDFText_GetText(tp, 0, n, buf) - 1
    text = bytes(buf)[: 2 * max(got, 0)].decode("utf-16-le", "replace")
    return text if len(text) == n else None


def _read_chars(api, tp, top: float) -> list[dict] | None:
    """The page's characters; None when one is rotated (pdfminer boxes those differently)."""
    handles = _Handles.get(api)
    n = api.FPDFText_CountChars(tp)
    bulk = _unicode(api, tp, n)
    ox, oy = ctypes.c_double(), ctypes.c_double()
    box = api.FS_RECTF()
    styles: dict = {}           # text object → its style (a Word line is one object, WPS draws each glyph alone)
    descents: dict = {}
    out: list[dict] = []
    last = (None, None)         # text object and baseline of the previous horizontal character
    for i in range(n):
        text = bulk[i] if bulk is not None else chr(api.FPDFText_GetUnicode(tp, i))
        if text in " \r\n\x02-\ufffe" and api.FPDFText_IsGenerated(tp, i):
            continue
        obj = handles.text_object(tp, i)
        style = styles.get(obj)
        if style is None:
            style = styles[obj] = _style(api, handles, tp, i, obj, descents)
        if not style:
            return None
        size, e, descent = style
        if api.FPDFText_HasUnicodeMapError(tp, i) == 1:
            text = "(cid:0)"
        api.FPDFText_GetCharOrigin(tp, i, ox, oy)
        x, y = ox.value, oy.value
        if abs(e - x - size / 2) < 0.01:     # vertical font: PDFium's origin is the box's corner, half a size left
            x1, y0 = x + size, y
            last = (None, None)
        else:
            api.FPDFText_GetLooseCharBox(tp, i, box)
            x1, y0 = x + (box.right - box.left), y + descent * size
            prev = out[-1] if out and last[0] == obj and last[1] == y and x > out[-1]["x0"] else None
            if prev is not None and x < prev["x1"]:
                prev["x1"] = x      # ends where the next glyph starts: PDFium's widths can differ from /Widths
            last = (obj, y)
        out.append({"text": text, "x0": x, "x1": x1, "top": top - y0 - size, "bottom": top - y0, "size": size,
                    "object_type": "char"})
    return out


def _style(api, handles, tp, i: int, obj, descents: dict) -> tuple:
    """(font size on the page, x origin, the font's descent per point) of character ``i``'s text object;
    () when the text is rotated or mirrored."""
    m = api.FS_MATRIX()
    api.FPDFText_GetMatrix(tp, i, m)
    if m.b or m.c or m.a <= 0 or m.d <= 0:
        return ()
    font = handles.font(obj)
    descent = descents.get(font)
    if descent is None:
        d = ctypes.c_float()
        descent = descents[font] = d.value if font and handles.descent(font, 1.0, d) else 0.0
    return api.FPDFText_GetFontSize(tp, i) * m.d, m.e, descent
