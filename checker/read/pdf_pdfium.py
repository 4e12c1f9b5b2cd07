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

from .pdf import _visible

_EMPTY = 0.01           # PDFium's text page drops text objects narrower than this (kSizeEpsilon)
# the standard fonts every reader carries the metrics of: PDFium measures them as pdfminer does unembedded
_STANDARD = {"Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Helvetica", "Helvetica-Bold",
             "Helvetica-Oblique", "Helvetica-BoldOblique", "Times-Roman", "Times-Bold", "Times-Italic",
             "Times-BoldItalic", "Symbol", "ZapfDingbats"}
_TEXT, _PATH, _IMAGE, _FORM = 1, 2, 3, 5
_MOVE, _LINE, _BEZIER = 2, 0, 1         # FPDF_SEGMENT_*


class Page:
    """``edges``: what pdfplumber's edges would be, less the sides of rectangles ``pdf._visible`` drops."""
    __slots__ = ("height", "chars", "edges", "images")

    def __init__(self, height: float, chars: list[dict], edges: list[dict], images: bool) -> None:
        self.height, self.chars, self.edges, self.images = height, chars, edges, images


class PdfiumError(Exception):
    """What pypdfium2 raises, with its messages: the reader's note quotes them."""


# pypdfium2's names for FPDF_GetLastError's codes
_ERRORS = {0: "Success", 1: "Unknown error", 2: "File access error", 3: "Data format error",
           4: "Incorrect password error", 5: "Unsupported security scheme error", 6: "Page not found or content error"}


class Document:
    """An open PDF: PDFium's handle and the bytes it reads from (PDFium does not copy them)."""

    def __init__(self, data: bytes) -> None:
        api = _api()
        self.data, self.raw = data, api.FPDF_LoadMemDocument64(data, len(data), None)
        self.pages = api.FPDF_GetPageCount(self.raw) if self.raw else 0
        if self.pages < 1:
            code = api.FPDF_GetLastError()
            self.close()
            raise PdfiumError(f"Failed to load document (PDFium: {_ERRORS.get(code, f'Unhandled constant {code}')}).")

    def __len__(self) -> int:
        return self.pages

    def close(self) -> None:
        if self.raw:
            _api().FPDF_CloseDocument(self.raw)
            self.raw = None


def open_document(data: bytes) -> Document:
    return Document(data)


def page(doc: Document, index: int) -> Page | None:
    """Page ``index`` of ``doc``, or None when PDFium cannot read it faithfully."""
    api = _api()
    raw = api.FPDF_LoadPage(doc.raw, index)
    if not raw:
        raise PdfiumError("Failed to load page.")
    try:
        rotation = api.FPDFPage_GetRotation(raw)
        if rotation == -1:
            raise PdfiumError("Failed to get page rotation.")
        if rotation:
            return None
        height = _media_height(api, raw)    # pdfplumber's flip: y1 - y - y0 (pdfminer moves the origin first)
        walk = _Objects(api, height)
        walk.run(raw, (1.0, 0.0, 0.0, 1.0, 0.0, 0.0))
        chars = None if walk.lossy else _chars(api, raw, height, walk.font_of)
        return None if chars is None else Page(height, chars, walk.edges, walk.images)
    finally:
        api.FPDF_ClosePage(raw)


def _media_height(api, raw) -> float:
    box = api.floats
    if not api.FPDFPage_GetMediaBox(raw, *api.float_ptrs):
        return 792                      # pypdfium2's fallback MediaBox, US Letter: (0, 0, 612, 792)
    return box[3] - box[1]


class _Objects:
    """Walk the page's objects (into form XObjects): drawn edges, whether there are images, and whether a
    text object is one PDFium's text page will skip."""

    def __init__(self, api, top: float) -> None:
        self.api, self.top = api, top
        self.edges: list[dict] = []
        self.images = self.lossy = False
        self.fonts: dict = {}       # font → embedded (or a standard font)
        self.font_of: dict = {}     # text object → its font, for the characters

    def run(self, holder, matrix: tuple, form: bool = False) -> None:
        api = self.api
        count = api.FPDFFormObj_CountObjects(holder) if form else api.FPDFPage_CountObjects(holder)
        get = api.FPDFFormObj_GetObject if form else api.FPDFPage_GetObject
        kind_of = api.FPDFPageObj_GetType
        for i in range(count):
            obj = get(holder, i)
            kind = kind_of(obj)
            if kind == _TEXT:
                if not self.lossy and self.untrusted(obj):
                    self.lossy = True
            elif kind == _PATH:
                self.edges.extend(_path_edges(api, obj, _compose(_matrix(api, obj), matrix), self.top))
            elif kind == _IMAGE:
                self.images = True
            elif kind == _FORM:
                self.run(obj, _compose(_matrix(api, obj), matrix), form=True)

    def untrusted(self, obj) -> bool:
        """A text object PDFium measures with a substitute font, or as empty."""
        api = self.api
        box = api.floats
        if not api.FPDFPageObj_GetBounds(obj, *api.float_ptrs) or abs(box[2] - box[0]) < _EMPTY \
                or abs(box[3] - box[1]) < _EMPTY:
            return True
        font = self.font_of[obj.value] = api.FPDFTextObj_GetFont(obj)
        trusted = self.fonts.get(font.value)
        if trusted is None:
            trusted = self.fonts[font.value] = bool(font) and bool(api.FPDFFont_GetIsEmbedded(font) or
                                                             _font_name(api, font) in _STANDARD)
        return not trusted


def _font_name(api, font) -> str:
    if api.FPDFFont_GetBaseFontName is None:       # PDFium before 2024: no name, no trust
        return ""
    n = api.FPDFFont_GetBaseFontName(font, None, 0)
    buf = ctypes.create_string_buffer(max(1, n))
    api.FPDFFont_GetBaseFontName(font, buf, n)
    return buf.value.decode("latin-1")


def _matrix(api, obj) -> tuple:
    m = api.matrix
    if not api.FPDFPageObj_GetMatrix(obj, api.matrix_ptr):
        return (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    return tuple(m)


def _compose(m: tuple, outer: tuple) -> tuple:
    """``m`` then ``outer`` (row vectors, as PDF matrices multiply)."""
    a, b, c, d, e, f = m
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


# -- paths -----------------------------------------------------------------------------------------------

def _path_edges(api, obj, m: tuple, top: float) -> list[dict]:
    ints = api.ints
    api.FPDFPath_GetDrawMode(obj, *api.int_ptrs[:2])
    fill, stroke = ints[0], ints[1]
    if not fill and not stroke:         # a path ended with n only clips: pdfminer never paints it
        return []
    style = {"stroke": bool(stroke), "fill": bool(fill), "non_stroking_color": _fill_color(api, obj)}
    rects = _visible({"object_type": "rect", **style})
    out: list[dict] = []
    for sub in _subpaths(api, obj, m):
        out.extend(_shape_edges(sub, style, top, rects))
    return out


def _subpaths(api, obj, m: tuple) -> list[list]:
    """The path's points on the page, as pdfminer's subpaths of (operator, point)."""
    a, b, c, d, e, f = m
    subpaths: list[list] = []
    xy, xy_ptrs = api.floats, api.float_ptrs[:2]
    segment, point, kind_of, closes = (api.FPDFPath_GetPathSegment, api.FPDFPathSegment_GetPoint,
                                       api.FPDFPathSegment_GetType, api.FPDFPathSegment_GetClose)
    bezier = 0
    for i in range(api.FPDFPath_CountSegments(obj)):
        seg = segment(obj, i)
        point(seg, *xy_ptrs)
        kind = kind_of(seg)
        x, y = xy[0], xy[1]
        pt = (a * x + c * y + e, b * x + d * y + f)
        if kind == _MOVE or not subpaths:
            subpaths.append([("m", pt)])
        elif kind == _BEZIER:
            bezier += 1
            if bezier % 3 == 0:         # PDFium gives a curve as three points; pdfminer keeps the last
                subpaths[-1].append(("c", pt))
        else:
            subpaths[-1].append(("l", pt))
        if closes(seg):
            subpaths[-1].append(("h", subpaths[-1][0][1]))
    return subpaths


def _fill_color(api, obj) -> tuple:
    rgba = api.uints
    if not api.FPDFPageObj_GetFillColor(obj, *api.uint_ptrs):
        return ()
    return (rgba[0] / 255, rgba[1] / 255, rgba[2] / 255)


def _shape_edges(sub: list, style: dict, top: float, rects: bool = True) -> list[dict]:
    """A subpath as pdfminer classifies it — one line, an axis-aligned rectangle or a curve — and as
    pdfplumber turns those into edges; a rectangle only when ``rects`` (the reader drops the sides of
    boxes neither stroked nor inked: WPS draws a white one behind every line of text)."""
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
            return _rect_edges(flip[0], flip[2], style) if rects else []
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

def _chars(api, raw, top: float, font_of: dict) -> list[dict] | None:
    text_page = api.FPDFText_LoadPage(raw)
    try:
        return _read_chars(api, text_page, top, font_of)
    finally:
        api.FPDFText_ClosePage(text_page)


def _unicode(api, tp, n: int) -> str | None:
    """The text page's characters, one per index (None when a character outside the BMP makes the
    UTF-16 text longer than the index)."""
    buf = (ctypes.c_ushort * (n + 1))()
    got = api.FPDFText_GetText(tp, 0, n, buf) - 1
    text = bytes(buf)[: 2 * max(got, 0)].decode("utf-16-le", "replace")
    return text if len(text) == n else None


def _read_chars(api, tp, top: float, font_of: dict) -> list[dict] | None:
    """The page's characters; None when one is rotated (pdfminer boxes those differently)."""
    n = api.FPDFText_CountChars(tp)
    bulk = _unicode(api, tp, n)
    generated, text_object, map_error, origin, loose_box = (
        api.FPDFText_IsGenerated, api.FPDFText_GetTextObject, api.FPDFText_HasUnicodeMapError,
        api.FPDFText_GetCharOrigin, api.FPDFText_GetLooseCharBox)
    xy, (x_ptr, y_ptr), box, box_ptr = api.doubles, api.double_ptrs, api.floats, api.floats_ptr
    styles: dict = {}           # text object → its style (a Word line is one object, WPS draws each glyph alone)
    descents: dict = {}
    out: list[dict] = []
    last_obj = last_y = None    # text object and baseline of the previous horizontal character
    for i in range(n):
        text = bulk[i] if bulk is not None else chr(api.FPDFText_GetUnicode(tp, i))
        if text in " \r\n\x02-\ufffe" and generated(tp, i):
            continue
        obj = text_object(tp, i).value
        style = styles.get(obj)
        if style is None:
            style = styles[obj] = _style(api, tp, i, obj, font_of, descents)
        if not style:
            return None
        size, e, descent = style
        if map_error(tp, i) == 1:
            text = "(cid:0)"
        origin(tp, i, x_ptr, y_ptr)
        x, y = xy
        if abs(e - x - size / 2) < 0.01:     # vertical font: PDFium's origin is the box's corner, half a size left
            x1, y0 = x + size, y
            last_obj = last_y = None
        else:
            loose_box(tp, i, box_ptr)       # FS_RECTF: left, top, right, bottom
            x1, y0 = x + (box[2] - box[0]), y + descent * size
            if last_obj == obj and last_y == y and out and out[-1]["x0"] < x < out[-1]["x1"]:
                out[-1]["x1"] = x   # ends where the next glyph starts: PDFium's widths can differ from /Widths
            last_obj, last_y = obj, y
        out.append({"text": text, "x0": x, "x1": x1, "top": top - y0 - size, "bottom": top - y0, "size": size,
                    "object_type": "char"})
    return out


def _style(api, tp, i: int, obj, font_of: dict, descents: dict) -> tuple:
    """(font size on the page, x origin, the font's descent per point) of character ``i``'s text object;
    () when the text is rotated or mirrored."""
    if not api.FPDFText_GetMatrix(tp, i, api.matrix_ptr):
        return ()
    a, b, c, d, e, _ = api.matrix
    if b or c or a <= 0 or d <= 0:
        return ()
    font = font_of[obj] if obj in font_of else api.FPDFTextObj_GetFont(_Handle(obj))
    descent = descents.get(font.value)
    if descent is None:
        out = api.floats
        descent = descents[font.value] = (out[0] if font and api.FPDFFont_GetDescent(font, 1.0, api.float_ptrs[0])
                                          else 0.0)
    return api.FPDFText_GetFontSize(tp, i) * d, e, descent


# -- the library -----------------------------------------------------------------------------------------

_FUNCTIONS = {      # name: (result, arguments); h a handle, p any other pointer (out-parameters: scratch buffers)
    "FPDF_InitLibraryWithConfig": (None, "p"), "FPDF_LoadMemDocument64": ("h", "pzp"),
    "FPDF_GetLastError": ("L", ""), "FPDF_CloseDocument": (None, "p"), "FPDF_GetPageCount": ("i", "p"),
    "FPDF_LoadPage": ("h", "hi"), "FPDF_ClosePage": (None, "p"), "FPDFPage_GetRotation": ("i", "p"),
    "FPDFPage_GetMediaBox": ("i", "ppppp"), "FPDFPage_CountObjects": ("i", "p"), "FPDFPage_GetObject": ("h", "hi"),
    "FPDFFormObj_CountObjects": ("i", "p"), "FPDFFormObj_GetObject": ("h", "hL"), "FPDFPageObj_GetType": ("i", "h"),
    "FPDFPageObj_GetBounds": ("i", "hpppp"), "FPDFTextObj_GetFont": ("h", "h"), "FPDFFont_GetIsEmbedded": ("i", "h"),
    "FPDFFont_GetBaseFontName": ("z", "hpz"), "FPDFPageObj_GetMatrix": ("i", "hp"),
    "FPDFPath_GetDrawMode": ("i", "hpp"), "FPDFPath_CountSegments": ("i", "h"),
    "FPDFPath_GetPathSegment": ("h", "hi"), "FPDFPathSegment_GetPoint": ("i", "hpp"),
    "FPDFPathSegment_GetType": ("i", "h"), "FPDFPathSegment_GetClose": ("i", "h"),
    "FPDFPageObj_GetFillColor": ("i", "hpppp"), "FPDFText_LoadPage": ("h", "h"), "FPDFText_ClosePage": (None, "p"),
    "FPDFText_CountChars": ("i", "p"), "FPDFText_GetText": ("i", "piip"), "FPDFText_GetUnicode": ("I", "hi"),
    "FPDFText_IsGenerated": ("i", "hi"), "FPDFText_GetTextObject": ("h", "hi"),
    "FPDFText_HasUnicodeMapError": ("i", "hi"), "FPDFText_GetCharOrigin": ("i", "hipp"),
    "FPDFText_GetLooseCharBox": ("i", "hip"), "FPDFText_GetMatrix": ("i", "hip"), "FPDFText_GetFontSize": ("d", "hi"),
    "FPDFFont_GetDescent": ("i", "hfp"),
}
# Called for every object, segment or character: declared without argument types, which makes a call
# three times cheaper (ctypes converts nothing). Safe only where every argument is a pointer passed as a
# ctypes pointer object (handles, scratch buffers) or a C int passed as a Python int.
_UNTYPED = {"FPDFPage_GetObject", "FPDFPageObj_GetType", "FPDFPageObj_GetBounds", "FPDFTextObj_GetFont",
            "FPDFFont_GetIsEmbedded", "FPDFPageObj_GetMatrix", "FPDFPath_GetDrawMode", "FPDFPath_CountSegments",
            "FPDFPath_GetPathSegment", "FPDFPathSegment_GetPoint", "FPDFPathSegment_GetType",
            "FPDFPathSegment_GetClose", "FPDFPageObj_GetFillColor", "FPDFText_GetUnicode", "FPDFText_IsGenerated",
            "FPDFText_GetTextObject", "FPDFText_HasUnicodeMapError", "FPDFText_GetCharOrigin",
            "FPDFText_GetLooseCharBox", "FPDFText_GetMatrix", "FPDFText_GetFontSize"}


class _Handle(ctypes.c_void_p):
    """A PDFium handle as a ctypes object (a subclass of c_void_p is not turned into an int on return), so
    that it can go back to an untyped function; ``.value`` is its address (None for NULL)."""
_OPTIONAL = {"FPDFFont_GetBaseFontName"}        # PDFium before 2024 lacks it


class _Api:
    """The PDFium functions the reader calls, declared on pypdfium2's own libpdfium: importing pypdfium2
    (its bindings declare the whole API, its helpers pull in logging, uuid, json…) costs more than reading
    a short report. Out-parameters are scratch buffers passed by address, reused call after call."""

    def __init__(self, lib) -> None:
        c = ctypes
        types = {"h": _Handle, "p": c.c_void_p, "i": c.c_int, "I": c.c_uint, "L": c.c_ulong, "z": c.c_size_t,
                 "d": c.c_double, "f": c.c_float, None: None}
        for name, (result, args) in _FUNCTIONS.items():
            try:
                fn = lib[name]          # a fresh function object: pypdfium2's own declarations stay as they are
            except AttributeError:
                if name not in _OPTIONAL:
                    raise
                fn = None
            else:
                fn.restype = types[result]
                if name in _UNTYPED:
                    assert set(args) <= {"h", "p", "i"}, name
                else:
                    fn.argtypes = [types["p" if a == "h" else a] for a in args]
            setattr(self, name, fn)
        self.floats, self.doubles, self.ints, self.uints = (c.c_float * 4)(), (c.c_double * 2)(), (c.c_int * 2)(), (c.c_uint * 4)()
        self.matrix = (c.c_float * 6)()             # FS_MATRIX: a, b, c, d, e, f
        self.float_ptrs = _addresses(self.floats, 4, 4)
        self.floats_ptr = self.float_ptrs[0]         # as one FS_RECTF
        self.double_ptrs = _addresses(self.doubles, 2, 8)
        self.int_ptrs = _addresses(self.ints, 2, 4)
        self.uint_ptrs = _addresses(self.uints, 4, 4)
        self.matrix_ptr = c.c_void_p(c.addressof(self.matrix))


def _addresses(array, n: int, size: int) -> tuple:
    base = ctypes.addressof(array)
    return tuple(ctypes.c_void_p(base + k * size) for k in range(n))


class _Config(ctypes.Structure):
    _fields_ = [("version", ctypes.c_int), ("m_pUserFontPaths", ctypes.c_void_p), ("m_pIsolate", ctypes.c_void_p),
                ("m_v8EmbedderSlot", ctypes.c_uint)]


_loaded: list = []


def _api() -> _Api:
    if not _loaded:
        api = _Api(_library())
        # as pypdfium2 initialises it; PDFium ignores a second initialisation (pypdfium2 imported as well)
        config = _Config(2, None, None, 0)
        api.FPDF_InitLibraryWithConfig(ctypes.addressof(config))
        _loaded.extend((api, config))
    return _loaded[0]


def _library():
    """pypdfium2's libpdfium, found without importing pypdfium2."""
    import importlib.util
    import os
    import sys

    spec = importlib.util.find_spec("pypdfium2_raw")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("pypdfium2 is not installed")
    name = {"win32": "pdfium.dll", "darwin": "libpdfium.dylib"}.get(sys.platform, "libpdfium.so")
    for folder in spec.submodule_search_locations:
        path = os.path.join(folder, name)
        if os.path.exists(path):
            return ctypes.CDLL(path)
    import pypdfium2_raw.bindings       # a library installed elsewhere: let pypdfium2 find it

    return pypdfium2_raw.bindings._libs["pdfium"]
