"""Cells run together: crawler text prints each row as its label followed by its numbers with nothing
between them (``一、本年新收政府信息公开申请数量21710000218`` for 217 | 1 | 0 | 0 | 0 | 0 | 218),
and glues the next row's item number on (``…00000002.其他法律行政法规禁止公开``).

The label in front of a digit run says which template row it is (any generation), hence how many
numbers the run holds and that its 总计 is the sum of the others (表三 rows, 表四's groups). A run is
cut only when exactly one reading satisfies that (checker.tables.digit_runs); a run that cannot be
cut with certainty becomes that many cells of ``UNREAD`` spanning the run: not numbers, so no sum is
checked on a guess, and recognisable, so they are reported as unreadable rather than as blank.
Numbers that are apart already (spaces) are cells as they stand.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ... import lazy_re
from ...model.table import RawCell, RawTable
from ..digit_runs import Constraint, split_runs
from ..model import label_key, squash, tables_for

NAME = "runs"
UNREAD = "—"
# value groups: numbers separated by blanks only; a decimal is one number
_GROUP = lazy_re.compile(r"\d[\d. \t\u3000]*")      # trailing blanks and dots trimmed in _next_group
_ITEM_MARK = ".．、"
MIN_RUN = 4          # a shorter run reads the same as separate cells would (or is an item number)


def may_apply(text: str, start: int, end: int) -> bool:
    """A label character directly followed by a run of MIN_RUN digits or more, or two numbers set
    between label characters with no unit after them (``规章000行政规范性文件000``)."""
    if _GLUED.search(text, start, end) is not None:
        return True
    first = _BETWEEN.search(text, start, end)
    return first is not None and _BETWEEN.search(text, first.end(), end) is not None


_GLUED = lazy_re.compile(r"[^\d\s.．,，:：/|｜-]\d{%d,}" % MIN_RUN)
# a number between CJK label characters, not followed by a unit or a date word (prose: 3件, 2021年)
_BETWEEN = lazy_re.compile(r"[\u4e00-\u9fff）)]\d+(?=[\u4e00-\u9fff（(])(?![件条个次项人元年月日号家期份])")


def parse(text: str, start: int, end: int) -> RawTable:
    texts, starts, ends = tokens(text, start, end)
    return RawTable([[RawCell(t, s, e) for t, s, e in zip(texts, starts, ends)]] if texts else [], start, end,
                    origin=f"text:{NAME}")


def tokens(text: str, start: int, end: int):
    texts: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    if not may_apply(text, start, end):
        return texts, starts, ends
    label_from = start
    pos = start
    while True:
        found = _next_group(text, pos, end)
        if found is None:
            break
        g_start, g_end = found
        if _is_item_number(text, g_start, g_end, end):
            pos = g_end                                   # “1.” of a label: part of the label text
            continue
        if g_end - g_start > 1 and _is_item_number(text, g_end - 1, g_end, end) and text[g_end - 2].isdigit():
            g_end -= 1                                    # the next row's “2.” glued onto this run
        label = text[label_from:g_start]
        _add_label(label, label_from, texts, starts, ends)
        for t, s, e in _values(text, g_start, g_end, label):
            texts.append(t)
            starts.append(s)
            ends.append(e)
        label_from = pos = g_end
    _add_label(text[label_from:end], label_from, texts, starts, ends)
    return texts, starts, ends


def _next_group(text: str, pos: int, end: int) -> tuple[int, int] | None:
    """The next value group: digits, with dots (decimals) and blanks (numbers apart) inside it."""
    m = _GROUP.search(text, pos, end)
    if m is None:
        return None
    g_end = m.end()
    while text[g_end - 1] in ". \t\u3000":
        g_end -= 1
    return m.start(), g_end


def _is_item_number(text: str, s: int, e: int, end: int) -> bool:
    """``text[s:e]`` is one or two digits followed by 、/. and then not a digit: a numbering."""
    return (e - s <= 2 and e < end and text[e] in _ITEM_MARK
            and (e + 1 >= end or not text[e + 1].isdigit()))


def _add_label(piece: str, at: int, texts, starts, ends) -> None:
    """The label text between two value groups: header words in front of the row label (the column
    headings run into the first row's label) become cells of their own, as they would be in a table."""
    head = len(piece) - _row_suffix(piece)
    for s, e in [*_header_cuts(piece[:head]), (head, len(piece))]:
        part = piece[s:e]
        stripped = part.strip()
        if stripped:
            first = at + s + len(part) - len(part.lstrip())
            texts.append(stripped)
            starts.append(first)
            ends.append(first + len(stripped))


def _row_suffix(piece: str) -> int:
    """Length of the longest end of ``piece`` that is a template row's label (as written, any
    numbering and punctuation in it included), 0 when none."""
    key = squash(piece)
    for row_key, _shape in _row_shapes():
        if row_key and key.endswith(row_key):
            need, i = len(row_key), len(piece)
            while need and i:
                i -= 1
                need -= len(squash(piece[i]))
            while i and not squash(piece[i - 1]):        # its numbering's punctuation: 一、 （一）
                i -= 1
            while i and piece[i - 1] in "一二三四五六七八九十（(0123456789":
                i -= 1
            return len(piece) - i
    return 0


def _header_cuts(text: str) -> list[tuple[int, int]]:
    """``text`` cut before and after every column heading found in it (longest first, left to right).
    One alternation of the headings, longest first, finds what trying each heading at each position
    found, in C: a 540,000-character run of labels tried ~30 headings per character (10 s)."""
    cuts, last = [], 0
    for m in _header_pattern().finditer(text):
        pos = m.start()
        if last < pos:
            cuts.append((last, pos))
        cuts.append((pos, m.end()))
        last = m.end()
    if last < len(text):
        cuts.append((last, len(text)))
    return cuts


@lru_cache(maxsize=1)
def _header_pattern() -> re.Pattern:
    return re.compile("|".join(map(re.escape, _header_words())) or "(?!)")     # no headings: no match


@lru_cache(maxsize=1)
def _header_words() -> tuple[str, ...]:
    words = set()
    for gen in ("gov-2021", "gov-2019"):
        for tdef in tables_for(gen).values():
            words.update(c.label for c in tdef.columns.values())
            words.update(c.text for b in tdef.blocks for hr in b.header for c in hr)
    return tuple(sorted((w for w in words if w and "\n" not in w), key=len, reverse=True))


def _values(text: str, s: int, e: int, label: str):
    """The cells of the value group ``text[s:e]`` after ``label``."""
    group = text[s:e]
    parts, pos = [], s
    for piece in group.split():
        i = text.index(piece, pos, e)
        parts.append((piece, i, i + len(piece)))
        pos = i + len(piece)
    if len(parts) > 1 or "." in group:
        return parts                                       # apart already, or a decimal amount
    shapes = _shapes(squash(label))
    if not shapes:
        return parts
    readings = {r for shape in shapes if (r := _read(group, shape)) is not None}
    if len(readings) == 1:
        (values,) = readings
        return _cells(values, s)
    n = max(len(shape[0]) for shape in shapes)     # extra cells of a wider shape are read as nothing
    return [(UNREAD, s, e)] * n


def _cells(values: tuple[int, ...], at: int):
    out, pos = [], at
    for v in values:
        digits = str(v)
        out.append((digits, pos, pos + len(digits)))
        pos += len(digits)
    return out


def _read(group: str, shape) -> tuple[int, ...] | None:
    columns, sums = shape
    constraints = [Constraint(tuple((0, i) for i in parts), ((0, total),)) for total, parts in sums]
    got = split_runs([group], [len(columns)], constraints)
    return None if got is None else got[0]


def _shapes(label: str):
    """The row shapes (columns, ((total index, part indices), …)) a label ending in a template row's
    label can have, over every table and generation; the flat 表四 after its header."""
    found = []
    for key, shape in _row_shapes():
        if key and label.endswith(key) and shape not in found:
            found.append(shape)
    return found


@lru_cache(maxsize=1)
def _row_shapes():
    out = []
    for gen in ("gov-2021", "gov-2019"):
        for tdef in tables_for(gen).values():
            for block in tdef.blocks:
                if block.flat:
                    cells = [(r, c) for r in block.rows for c in block.columns]
                    shape = (tuple(cells), _sums(cells, block.rows))
                    last = block.header[-1][-1].text if block.header else ""
                    out.append((label_key(last), shape))
                    continue
                for rid in block.rows:
                    row = tdef.rows[rid]
                    if not row.data:
                        continue
                    cells = [(rid, c) for c in block.columns]
                    shape = (tuple(c for _, c in cells), _sums(cells, [rid]))
                    for key in {label_key(row.label), *(squash(k) for k in row.keys)}:
                        out.append((key, shape))
    out.sort(key=lambda kv: -len(kv[0]))
    return tuple(out)


def _sums(cells, rows):
    """Per row with a 总计 column: (index of its total, indices of the row's other cells)."""
    sums = []
    for rid in rows:
        idx = [i for i, (r, _) in enumerate(cells) if r == rid]
        total = [i for i in idx if cells[i][1] == "total"]
        if total:
            sums.append((total[0], tuple(i for i in idx if i != total[0])))
    return tuple(sums)


def render(grid, **_options) -> str:
    """Every cell run into the next, as crawler text prints a table."""
    return "".join(c.text for row in grid for c in row)


def unread_keys(doc, ft) -> list[tuple[str, str]]:
    """The cells of ``ft`` that stand for numbers run together and not split (``UNREAD`` over digits of
    the text), in the table's cell order."""
    if ft.origin != f"text:{NAME}":
        return []
    text = doc.text if ft.normalised else doc.source.text
    src = ft.source
    order = {k: i for i, k in enumerate(ft.tdef.cells)}
    keys = [k for k, i in ft.index.items()
            if src.texts[i] == UNREAD and text[src.starts[i]:src.ends[i]].isdigit()]
    return sorted(keys, key=lambda k: order.get(k, len(order)))
