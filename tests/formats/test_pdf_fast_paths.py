"""The PDF reader's shortcuts give the answers of the plain computations they replace: the nearest grid
line by bisection, a row's characters by bisection, stray characters with the last cell tried first,
paper colours remembered."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from checker.read import pdf, pdf_layout
from checker.read.pdf_join import _nearest

# coarse values so that equal lines, equal distances and points on a line come up often
coords = st.integers(0, 40).map(lambda v: v / 4)


@given(st.lists(coords, min_size=1, max_size=12).map(sorted), st.integers(-8, 48).map(lambda v: v / 4))
def test_nearest_line_is_the_first_minimum(edges, x):
    assert _nearest(edges, x) == min(range(len(edges)), key=lambda i: abs(edges[i] - x))


@given(st.lists(st.floats(-1e3, 1e3, allow_nan=False), min_size=1, max_size=12).map(sorted),
       st.floats(-2e3, 2e3, allow_nan=False))
def test_nearest_line_with_any_floats(edges, x):
    assert _nearest(edges, x) == min(range(len(edges)), key=lambda i: abs(edges[i] - x))


def _char(x: float, top: float, text: str = "字") -> dict:
    return {"text": text, "x0": x, "x1": x + 1, "top": top, "bottom": top + 1, "size": 1.0}


chars = st.lists(st.builds(_char, coords, coords, st.sampled_from(["字", "1", " ", "x"])), max_size=40)
grids = st.tuples(st.lists(coords, min_size=2, max_size=5, unique=True).map(sorted),
                  st.lists(coords, min_size=2, max_size=5, unique=True).map(sorted))


def _cells(grid) -> list[tuple]:
    xs, ys = grid
    return [(a, t, b, u) for t, u in zip(ys, ys[1:]) for a, b in zip(xs, xs[1:])]


def _plain_extract(table, page_chars) -> list:
    """RuledTable.extract as first written: every character tested against every row."""
    x0, top, x1, bottom = table.bbox
    centred = [((c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2, c) for c in page_chars]
    centred = [t for t in centred if x0 <= t[0] <= x1 and top <= t[1] <= bottom]
    out = []
    for row in table.rows:
        a, t, b, u = pdf_layout.bbox_of(row.cells)
        row_chars = [k for k in centred if a <= k[0] < b and t <= k[1] < u]
        out.append([None if cell is None else pdf_layout.extract_text(
            [c for cx, cy, c in row_chars if cell[0] <= cx < cell[2] and cell[1] <= cy < cell[3]])
            for cell in row.cells])
    return out


@settings(max_examples=200)
@given(grids, chars, st.data())
def test_cell_text_by_bisection_equals_the_plain_scan(grid, page_chars, data):
    cells = _cells(grid)
    merged = data.draw(st.sets(st.integers(0, len(cells) - 1), max_size=len(cells) // 2))
    kept = [c for i, c in enumerate(cells) if i not in merged] or cells
    table = pdf_layout.RuledTable(kept)
    assert table.extract(page_chars) == _plain_extract(table, page_chars)


class _Page:
    def __init__(self, chars: list[dict]) -> None:
        self.chars = chars


@settings(max_examples=200)
@given(grids, chars, st.data())
def test_stray_characters_equal_the_plain_count(grid, page_chars, data):
    cells = _cells(grid)
    dropped = data.draw(st.sets(st.integers(0, len(cells) - 1), max_size=len(cells)))
    kept = [c for i, c in enumerate(cells) if i not in dropped]
    bbox = (grid[0][0], grid[1][0], grid[0][-1], grid[1][-1])
    x0, top, x1, bottom = bbox
    plain = 0
    for c in page_chars:
        cx, cy = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
        if x0 <= cx <= x1 and top <= cy <= bottom and c["text"].strip() and \
                not any(a <= cx <= b and t <= cy <= d for a, t, b, d in kept):
            plain += 1
    assert pdf._stray_chars(_Page(page_chars), bbox, kept) == plain


colours = st.one_of(st.tuples(st.floats(0, 1)), st.tuples(st.floats(0, 1), st.floats(0, 1), st.floats(0, 1)),
                    st.tuples(*[st.sampled_from([0, 0.01, 0.05, 0.06, 1])] * 4),
                    st.lists(st.sampled_from([0, 0.96, 1.0]), max_size=4), st.just(()), st.just(("P0",)),
                    st.tuples(st.lists(st.floats(0, 1), max_size=2)), st.none())


@given(st.lists(colours, max_size=6))
def test_paper_colours_remembered_or_not_answer_alike(seen):
    for colour in seen + seen:
        assert pdf._paper(colour) == pdf._is_paper(colour)


@given(st.lists(st.sampled_from(["(cid:", "12", ")", "(cid:7)", "字", "\n", "(", "cid"]), max_size=8).map("".join))
def test_unmapped_glyphs_found_with_the_literal_test_as_without(text):
    import re

    notes: list[str] = []
    plain = len(re.findall(r"\(cid:\d+\)", text))
    assert pdf._unmapped(text, 1, notes) == re.sub(r"\(cid:\d+\)", "\ufffd", text)
    assert len(notes) == (1 if plain else 0)
