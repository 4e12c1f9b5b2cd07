"""Text lines and ruled tables from page geometry: characters and drawn edges as PDFium gives them
(pdf_pdfium), grouped the way pdfplumber groups them, so that a report reads the same whichever engine
read its page (pdfplumber stays the reader of pages PDFium cannot read faithfully).

The grouping rules are pdfplumber's (MIT licence, jsvine/pdfplumber 0.11: utils/text.py, table.py) with
its defaults — characters within 3 pt form words and lines; ruling edges snapped and joined within 3 pt,
intersections within 3 pt, edges shorter than 3 pt dropped — cut down to what the reader uses: upright
text read left to right, and tables from drawn lines only.

Objects are plain dicts with pdfplumber's keys (x0, x1, top, bottom; chars add text and size;
edges add orientation, width, height) so the reader treats both engines' objects alike.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from operator import itemgetter

TOLERANCE = 3           # pdfplumber's x/y text tolerance and table snap/join/intersection tolerance
MIN_EDGE = 3            # table edges shorter than this are dropped (edge_min_length)


# -- clustering -------------------------------------------------------------------------------------------

def _clusters(values, tolerance: float) -> dict:
    """Each distinct value → the index of its cluster (sorted values closer than ``tolerance`` chain)."""
    out, index, last = {}, -1, None
    for v in sorted(set(values)):
        if last is None or v > last + tolerance:
            index += 1
        out[v] = index
        last = v
    return out


def cluster(objs: list, key, tolerance: float, preserve_order: bool = False) -> list[list]:
    ids = _clusters(map(key, objs), tolerance)
    tagged = [(o, ids[key(o)]) for o in objs]
    if not preserve_order:
        tagged.sort(key=itemgetter(1))
    return [[o for o, _ in group] for _, group in itertools.groupby(tagged, key=itemgetter(1))]


def bbox(objs) -> tuple[float, float, float, float]:
    it = iter(objs)
    o = next(it)
    x0, top, x1, bottom = o["x0"], o["top"], o["x1"], o["bottom"]
    for o in it:
        if o["x0"] < x0:
            x0 = o["x0"]
        if o["top"] < top:
            top = o["top"]
        if o["x1"] > x1:
            x1 = o["x1"]
        if o["bottom"] > bottom:
            bottom = o["bottom"]
    return x0, top, x1, bottom


# -- words and lines ----------------------------------------------------------------------------------------

def _words_of_line(chars: list[dict]) -> list[list[dict]]:
    out: list[list[dict]] = []
    word: list[dict] = []
    for c in chars:
        if c["text"].isspace():
            if word:
                out.append(word)
            word = []
        elif word and (c["x0"] < word[-1]["x0"] or c["x0"] > word[-1]["x1"] + TOLERANCE
                       or abs(c["top"] - word[-1]["top"]) > TOLERANCE):     # a new word
            out.append(word)
            word = [c]
        else:
            word.append(c)
    if word:
        out.append(word)
    return out


def words(chars: list[dict]) -> list[tuple[dict, list[dict]]]:
    """(word box, its chars), line by line: pdfplumber's WordExtractor with its default settings, for
    upright text (pdf_pdfium leaves pages with rotated text to pdfplumber)."""
    out = []
    for line in cluster(chars, itemgetter("top"), TOLERANCE):
        for w in _words_of_line(sorted(line, key=itemgetter("x0"))):
            x0, top, x1, bottom = bbox(w)
            out.append(({"text": "".join(c["text"] for c in w), "x0": x0, "x1": x1, "top": top, "bottom": bottom}, w))
    return out


def text_lines(chars: list[dict]) -> list[dict]:
    """The page's lines top to bottom: text (words joined by one space), box and chars — what
    pdfplumber's ``extract_text_lines(strip=True, return_chars=True)`` gives."""
    out = []
    for line in cluster(words(chars), lambda t: t[0]["top"], TOLERANCE, preserve_order=True):
        text = " ".join(w["text"] for w, _ in line).strip(" ")
        members = [c for _, cs in line for c in cs]
        if not text.strip() or not members:
            continue
        x0, top, x1, bottom = bbox(members)
        out.append({"text": text, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "chars": members})
    return out


def extract_text(chars: list[dict]) -> str:
    """A cell's text: words joined by spaces, lines by newlines (pdfplumber's ``extract_text``)."""
    if not chars:
        return ""
    lines = cluster([w for w, _ in words(chars)], itemgetter("top"), TOLERANCE)
    return "\n".join(" ".join(w["text"] for w in line) for line in lines)


# -- ruled tables -------------------------------------------------------------------------------------------

def _snap(edges: list[dict], attr: str, axis_keys: tuple[str, str]) -> list[dict]:
    out = []
    for group in cluster(edges, itemgetter(attr), TOLERANCE):
        avg = sum(e[attr] for e in group) / len(group)
        for e in group:
            shift = avg - e[attr]
            out.append({**e, axis_keys[0]: e[axis_keys[0]] + shift, axis_keys[1]: e[axis_keys[1]] + shift})
    return out


def _join(group: list[dict], lo: str, hi: str) -> list[dict]:
    group = sorted(group, key=itemgetter(lo))
    joined = [group[0]]
    for e in group[1:]:
        last = joined[-1]
        if e[lo] <= last[hi] + TOLERANCE:
            if e[hi] > last[hi]:
                size = "width" if hi == "x1" else "height"
                joined[-1] = {**last, hi: e[hi], size: e[hi] - last[lo]}
        else:
            joined.append(e)
    return joined


def merge_edges(edges: list[dict]) -> list[dict]:
    vertical = _snap([e for e in edges if e["orientation"] == "v"], "x0", ("x0", "x1"))
    horizontal = _snap([e for e in edges if e["orientation"] == "h"], "top", ("top", "bottom"))

    def group(e: dict) -> tuple[str, float]:
        return ("h", e["top"]) if e["orientation"] == "h" else ("v", e["x0"])

    out = []
    for (kind, _), items in itertools.groupby(sorted(vertical + horizontal, key=group), key=group):
        out.extend(_join(list(items), *(("x0", "x1") if kind == "h" else ("top", "bottom"))))
    return [e for e in out if e["height" if e["orientation"] == "v" else "width"] >= MIN_EDGE]


def _intersections(edges: list[dict]) -> dict:
    points: dict = {}
    vertical = sorted((e for e in edges if e["orientation"] == "v"), key=itemgetter("x0", "top"))
    horizontal = sorted((e for e in edges if e["orientation"] == "h"), key=itemgetter("top", "x0"))
    for v in vertical:
        for h in horizontal:
            if (v["top"] <= h["top"] + TOLERANCE and v["bottom"] >= h["top"] - TOLERANCE
                    and h["x0"] - TOLERANCE <= v["x0"] <= h["x1"] + TOLERANCE):
                p = points.setdefault((v["x0"], h["top"]), {"v": set(), "h": set()})
                p["v"].add(_box(v))
                p["h"].add(_box(h))
    return points


def _box(e: dict) -> tuple:
    return e["x0"], e["top"], e["x1"], e["bottom"]


def _cells(points: dict) -> list[tuple]:
    def connects(p1, p2) -> bool:
        return ((p1[0] == p2[0] and bool(points[p1]["v"] & points[p2]["v"]))
                or (p1[1] == p2[1] and bool(points[p1]["h"] & points[p2]["h"])))

    ordered = sorted(points)
    by_x: dict = {}
    by_y: dict = {}
    for p in ordered:
        by_x.setdefault(p[0], []).append(p)
        by_y.setdefault(p[1], []).append(p)
    out = []
    for pt in ordered:
        below = [p for p in by_x[pt[0]] if p > pt]
        right = [p for p in by_y[pt[1]] if p > pt]
        out.extend(_smallest_cell(pt, below, right, points, connects))
    return out


def _smallest_cell(pt, below, right, points, connects) -> list[tuple]:
    for b in below:
        if not connects(pt, b):
            continue
        for r in right:
            if not connects(pt, r):
                continue
            corner = (r[0], b[1])
            if corner in points and connects(corner, r) and connects(corner, b):
                return [(pt[0], pt[1], corner[0], corner[1])]
    return []


def _group_cells(cells: list[tuple]) -> list[list[tuple]]:
    """Cells sharing corners form one table (pdfplumber's cells_to_tables); single cells are no table."""
    remaining = list(cells)
    tables: list[list[tuple]] = []
    corners: set = set()
    current: list[tuple] = []
    while remaining:
        before = len(current)
        for cell in list(remaining):
            x0, top, x1, bottom = cell
            mine = {(x0, top), (x0, bottom), (x1, top), (x1, bottom)}
            if not current or corners & mine:
                corners |= mine
                current.append(cell)
                remaining.remove(cell)
        if len(current) == before:
            tables.append(current)
            corners, current = set(), []
    if current:
        tables.append(current)
    tables.sort(key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in tables if len(t) > 1]


class Row:
    __slots__ = ("cells",)

    def __init__(self, cells: list) -> None:
        self.cells = cells


class RuledTable:
    """One table: its cell boxes, rows of cells (None where a merged cell covers the grid position),
    and the text in each cell — the interface of pdfplumber's ``Table`` the reader uses."""

    def __init__(self, cells: list[tuple]) -> None:
        self.cells = cells
        self.bbox = (min(c[0] for c in cells), min(c[1] for c in cells),
                     max(c[2] for c in cells), max(c[3] for c in cells))
        xs = sorted({c[0] for c in cells})
        rows = [{c[0]: c for c in group} for _, group in
                itertools.groupby(sorted(cells, key=itemgetter(1, 0)), key=itemgetter(1))]
        self.rows = [Row([row.get(x) for x in xs]) for row in rows]

    def extract(self, chars: list[dict]) -> list[list[str | None]]:
        """Each cell's text: the characters whose centre lies in it (boxes closed at the top left)."""
        x0, top, x1, bottom = self.bbox
        centred = [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, c) for c in chars]
        centred = [t for t in centred if x0 <= t[0] <= x1 and top <= t[1] <= bottom]
        by_height = sorted(range(len(centred)), key=lambda k: centred[k][1])
        heights = [centred[k][1] for k in by_height]
        out = []
        for row in self.rows:
            a, t, b, u = bbox_of(row.cells)
            band = sorted(by_height[bisect_left(heights, t):bisect_left(heights, u)])    # t <= cy < u, in page order
            row_chars = [k for k in map(centred.__getitem__, band) if a <= k[0] < b]
            out.append([None if cell is None else
                        extract_text([c for cx, cy, c in row_chars if cell[0] <= cx < cell[2] and cell[1] <= cy < cell[3]])
                        for cell in row.cells])
        return out


def bbox_of(cells: list) -> tuple:
    real = [c for c in cells if c is not None]
    return (min(c[0] for c in real), min(c[1] for c in real), max(c[2] for c in real), max(c[3] for c in real))


def find_tables(edges: list[dict], extra_horizontal: list[dict]) -> list[RuledTable]:
    """Tables drawn by ``edges`` (at least 1 pt long) plus extra horizontal rulings."""
    base = [e for e in edges if e["orientation"] in ("v", "h")
            and e["height" if e["orientation"] == "v" else "width"] >= 1]
    extra = [{**e, "orientation": "h"} for e in extra_horizontal]
    merged = merge_edges(base + extra)
    return [RuledTable(cells) for cells in _group_cells(_cells(_intersections(merged)))]
