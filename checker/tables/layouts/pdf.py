"""Text extracted from a PDF or flipbook page: header cells printed vertically one character per line
(“商\\n业\\n企\\n业”), headers of equal-width columns interleaved (“结 结 其 尚 / 果 果 他 未 …”), long
row labels wrapped, values separated by spaces at the end of the label's last line.

Parsing transposes interleaved character runs back into cells; everything else is split on spaces
(characters of a vertical label become separate cells that the label mapper joins again).
"""

from __future__ import annotations

import re

from ... import lazy_re
from ...model.table import RawCell, RawTable
from . import cjk_char, lines

NAME = "pdf"
_TOKEN = lazy_re.compile(r"[^\s|｜]+")
WRAP = 14


def _chars(line: str) -> list[re.Match] | None:
    toks = list(_TOKEN.finditer(line))
    if len(toks) >= 2 and all(cjk_char(t.group()) for t in toks):
        return toks
    return None


def parse(text: str, start: int, end: int) -> RawTable:
    items = list(lines(text, start, end))
    rows: list[list[RawCell]] = []
    i = 0
    while i < len(items):
        run = _interleaved_run(items, i)
        if run > 1:
            rows.append(_transpose(items[i:i + run]))
            i += run
            continue
        line, pos = items[i]
        row = [RawCell(m.group(), pos + m.start(), pos + m.end()) for m in _TOKEN.finditer(line)]
        if row:
            rows.append(row)
        i += 1
    return RawTable(rows, start, end, origin=f"text:{NAME}")


def _interleaved_run(items, i: int) -> int:
    first = _chars(items[i][0])
    if first is None:
        return 0
    n, j = len(first), i + 1
    while j < len(items):
        toks = _chars(items[j][0])
        if toks is None or len(toks) != n:
            break
        j += 1
    return j - i


def _transpose(run) -> list[RawCell]:
    grid = [[(pos + m.start(), m.group()) for m in _chars(line)] for line, pos in run]
    cells = []
    for col in range(len(grid[0])):
        chars = [grid[r][col] for r in range(len(grid))]
        cells.append(RawCell("".join(ch for _, ch in chars), chars[0][0], chars[-1][0] + 1))
    return cells


def _vertical(text: str) -> list[str]:
    m = re.match(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)", text)
    head = [m.group()] if m else []
    return head + list(text[m.end() if m else 0:])


def _wrap(text: str) -> list[str]:
    if len(text) <= WRAP:
        return [text]
    cut = max(len(text) // 2, 6)
    return [text[:cut], text[cut:]]


def render(grid) -> str:
    out: list[str] = []
    for row in grid:
        kinds = {c.kind for c in row}
        if kinds == {"header"}:
            out.extend(_render_header(row))
        elif kinds == {"caption"}:
            out.append(row[0].text)
        else:
            out.extend(_render_data(row))
    return "\n".join(out)


def _render_header(row) -> list[str]:
    texts = [c.text for c in row]
    if len(texts) >= 3 and len({len(t) for t in texts}) == 1 and len(texts[0]) > 1:
        return [" ".join(t[k] for t in texts) for k in range(len(texts[0]))]
    out = []
    for t in texts:
        out.extend(_vertical(t) if len(t) <= 8 else _wrap(t))
    return out


def _render_data(row) -> list[str]:
    labels = [c.text for c in row if c.kind == "label"]
    values = [c.text for c in row if c.kind == "value"]
    out = []
    for group in labels[:-1]:
        out.extend(_vertical(group))
    last = _wrap(labels[-1]) if labels else [""]
    out.extend(last[:-1])
    out.append(" ".join([last[-1], *values]).strip())
    return out
