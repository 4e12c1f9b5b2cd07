"""A fix as the change it makes, in git's and ruff's direction: ``-`` the current text (red), ``+``
the replacement (green), changed characters emphasised. Lines too wide for the terminal are cut to
the changed part and wrapped, so a finding's whole change stays visible; a fix of many places shows
its first hunks and says how many more ``--diff`` would show."""

from __future__ import annotations

from ..model.diagnostic import Edit
from .cells import Line, char_width, printable, width

MAX_HUNKS = 3
MAX_ROWS = 6          # rows per side of one hunk before it is cut with ``…``
CONTEXT = 6           # characters kept either side of the change when a line is cut


def hunks(text: str, edits, reach: int | None = None) -> list[tuple[int, int, list]]:
    """Edits grouped by the lines they touch: (block start, block end, edits), blocks of whole lines —
    or, with ``reach``, cut to at most ``reach`` characters either side of the edits, so that a fix on a
    240,000-character line costs its window, not the line. Each line break between edits is looked
    for once: a fix of 100,000 edits on long lines stays linear."""
    groups: list[list] = []
    prev = 0
    for e in sorted(edits, key=lambda e: (e.start, e.end)):
        if groups and text.find("\n", prev, e.start) < 0:      # no line break since the last edit
            groups[-1].append(e)
        else:
            groups.append([e])
        prev = max(prev, _last(text, e))
    return [(*_block(text, g[0].start, max(_last(text, e) for e in g), reach), g) for g in groups]


def _last(text: str, e) -> int:
    """Where the line an edit ends on is looked for: an edit ending in a line break ends on that line."""
    return max(e.end - (1 if e.end > e.start and text[e.end - 1] == "\n" else 0), e.start)


def _block(text: str, start: int, last: int, reach: int | None) -> tuple[int, int]:
    if reach is None:
        hi = text.find("\n", last)
        return text.rfind("\n", 0, start) + 1, len(text) if hi < 0 else hi
    lo = max(start - reach, text.rfind("\n", max(0, start - reach), start) + 1)
    hi = text.find("\n", last, last + reach)
    return lo, min(len(text), last + reach) if hi < 0 else hi


def _apply(text: str, lo: int, hi: int, edits) -> tuple[str, list[tuple[int, int]], str, list[tuple[int, int]]]:
    """Old block, its changed spans, new block, its changed spans (offsets relative to the block)."""
    old_marks, new_parts, new_marks, pos, n = [], [], [], lo, 0
    for e in edits:
        new_parts.append(text[pos:e.start])
        n += e.start - pos
        old_marks.append((e.start - lo, e.end - lo))
        new_parts.append(e.replacement)
        new_marks.append((n, n + len(e.replacement)))
        n += len(e.replacement)
        pos = e.end
    end = max(hi, pos)
    new_parts.append(text[pos:end])
    return text[lo:end], old_marks, "".join(new_parts), new_marks


def _rows(sign: str, block: str, marks, cells: int, style: str, max_rows: int, crop: bool) -> list[Line]:
    rows: list[Line] = []
    start = 0
    for line in block.split("\n"):
        stop = start + len(line)
        local = [(max(a, start) - start, min(b, stop) - start) for a, b in marks if a <= stop and b >= start]
        rows.extend(_line_rows(sign, printable(line.rstrip("\r")), local, cells, style, max_rows, crop))
        start = stop + 1
    return rows


def _line_rows(sign: str, line: str, marks, cells: int, style: str, max_rows: int, crop: bool) -> list[Line]:
    lo, hi = 0, len(line)
    if crop and marks:
        lo = max(0, min(a for a, _ in marks) - CONTEXT)
        hi = min(len(line), max(b for _, b in marks) + CONTEXT)
        if max_rows == 1:               # one row: from the first change, as much as fits
            hi = _fitting(line, lo, cells - 4)
        else:                           # no more than the rows shown can hold (a character takes a cell or two)
            hi = min(hi, lo + (max_rows + 1) * cells)
    segs = [("…", style)] if lo else []
    pos = lo
    for a, b in sorted(marks):
        a, b = max(a, pos), min(b, hi)
        if a < pos or b < a:
            continue
        segs += [(line[pos:a], style), (line[a:b], f"{style} reverse")]
        pos = b
    segs.append((line[pos:hi], style))
    if hi < len(line):
        segs.append(("…", style))
    return _wrap_signed(sign, [s for s in segs if s[0]], cells, style, max_rows)


def _fitting(line: str, lo: int, cells: int) -> int:
    hi, used = lo, 0
    while hi < len(line) and used + char_width(line[hi]) <= cells:
        used += char_width(line[hi])
        hi += 1
    return hi


def _wrap_signed(sign: str, segs: Line, cells: int, style: str, max_rows: int) -> list[Line]:
    rows: list[Line] = [[(sign + " ", style)]]
    used = 2
    for seg, st in segs:
        piece: list[str] = []
        for c in seg:
            w = char_width(c)
            if used + w > cells:
                rows[-1].append(("".join(piece), st))
                rows.append([("  ", None)])
                piece, used = [], 2
            piece.append(c)
            used += w
        if piece:
            rows[-1].append(("".join(piece), st))
    if rows[0] == [(sign + " ", style)]:        # an empty line: the sign alone, no dangling space
        rows[0] = [(sign, style)]
    if len(rows) > max_rows:
        rows = rows[:max_rows] + [[("  …", style)]]
    return rows


def _whole_lines(text: str, e):
    """Deleting "\\nLINE" at the end of the text reads as deleting LINE, not as editing the line before."""
    if not e.replacement and e.end > e.start + 1 and text[e.start] == "\n":
        return Edit(e.start + 1, e.end, "")
    return e


def fix_lines(fix, text: str, cells: int) -> list[Line]:
    """The preview of ``fix`` on ``text`` (the original file), each row at most ``cells`` cells."""
    # more than fits a terminal row either side of the edits: the window a cropped row can show
    found = hunks(text, [_whole_lines(text, e) for e in fix.edits], reach=2 * cells + CONTEXT)
    rows = MAX_ROWS if len(found) == 1 else 1      # many places: a row each, the rest is for --diff
    out: list[Line] = []
    for lo, hi, edits in found[:MAX_HUNKS]:
        old, old_marks, new, new_marks = _apply(text, lo, hi, edits)
        old, new = old.rstrip("\n"), new.rstrip("\n")
        cut = (lo > 0 and text[lo - 1] != "\n") or (hi < len(text) and text[hi] not in "\r\n")
        # both sides cut alike, so that the change lines up
        crop = cut or max(map(width, (old + "\n" + new).split("\n"))) > cells - 2
        out += _rows("-", old, old_marks, cells, "red", rows, crop)
        if new.strip("\r\n"):                 # a deleted line has no “+” side
            out += _rows("+", new, new_marks, cells, "green", rows, crop)
    if len(found) > MAX_HUNKS:
        rest = len(found) - MAX_HUNKS
        out.append([(f"… 另有 {rest} 行修改（--diff 显示全部）", "dim")])
    return out
