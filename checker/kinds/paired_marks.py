"""Brackets, book-title marks and quotation marks left open or closed without an opening (GB/T 15834).

Checked per line of the normalised text (a paragraph of a report is a line; a bracket left open at
the end of a line without a sentence end may close on the next one): ``（`` and ``(`` count as
one kind of bracket, their width is GL702's business. A closing bracket after a short list number at
the start of a line (``1）``, ``一)``) is a numbering style, not a stray mark. The last line of a file
that does not end with a line break is not judged: web excerpts and cut-off pages end mid-sentence.
Table rows are skipped.
"""

from __future__ import annotations

from bisect import bisect_left

from .. import lazy_re
from ..parse.headings import _odd_break
from .text_pattern import row_flags, table_row

PAIRS = {"（": "（", "(": "（", "）": "（", ")": "（", "《": "《", "》": "《", "“": "“", "”": "“",
         "〈": "〈", "〉": "〈", "【": "【", "】": "【"}
OPENERS = set("（(《“〈【")
_OPENING = {"（": "（", "《": "《", "“": "“", "〈": "〈", "【": "【"}
_SENTENCE_END = ("。", "！", "？", "；", "…", ".", "!", "?", ";")
_NUMBERING = lazy_re.compile(r"\s*[0-9０-９一二三四五六七八九十a-zA-Z]{1,3}$")
_MARKS = lazy_re.compile(r"[（()）《》“”〈〉【】]")
MAX_HOPS = 3       # lines a bracket may stay open across hard line breaks (条例》(国务院令第⏎492⏎号)


def check(doc, rule):
    text = doc.text
    # every mark of the text found at once; each line takes its own from this list
    at = [m.start() for m in _MARKS.finditer(text)]
    if not at:
        return
    rows = row_flags(doc, text)
    odd = _odd_break(text)
    lines = _all_lines(text) if odd else None
    carried, hops, j, pos = [], 0, 0, 0
    while True:
        if odd:
            pos, end = next(lines, (-1, -1))
            if pos < 0:
                return
            k = bisect_left(at, end, j)
        else:
            # only \n and \r\n: straight to the line of the next mark unless a bracket is carried
            if not carried:
                if j == len(at):
                    return
                pos = text.rfind("\n", 0, at[j]) + 1
            nl = text.find("\n", pos)
            if nl < 0:
                return          # the last line, cut off without a line break: not judged
            end = nl - 1 if nl > pos and text[nl - 1] == "\r" else nl
            k = bisect_left(at, end, j)
        if not (k > j or carried) or (not carried and _nested(text, at, j, k)):
            hops, j = 0, k      # nothing to report or carry, table row or not
            continue
        body = text[pos:end]
        if _row(rows, body, pos, end):
            carried, hops, j = [], 0, k
        else:
            found = _unmatched(body, [(i - pos, kind) for i, kind in carried], [i - pos for i in at[j:k]])
            j = k
            late = not body.rstrip().endswith(_SENTENCE_END) and hops < MAX_HOPS
            carried = [(pos + i, PAIRS[c]) for i, c in found if late and c in OPENERS]
            hops = hops + 1 if carried else 0
            for i, mark in found:
                if not (late and mark in OPENERS):
                    yield rule.diag(doc, pos + i, pos + i + 1, found=text[pos + i], mark=text[pos + i])
        if not odd:
            pos = nl + 1


def _nested(text: str, at: list[int], j: int, k: int) -> bool:
    """The marks at ``at[j:k]`` close in order, each the last one opened, and none stays open: what
    most lines hold, and _unmatched then finds nothing."""
    stack = []
    for i in at[j:k]:
        c = text[i]
        if c in OPENERS:
            stack.append(PAIRS[c])
        elif not stack or stack.pop() != PAIRS[c]:
            return False
    return not stack


def _all_lines(text: str):
    """(start, end of the body) of each line that ends with a line break, as str.splitlines cuts them
    (the last line, cut off without one, is not judged)."""
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body == line:
            return
        yield pos, pos + len(body)
        pos += len(line)


def _row(rows: dict, body: str, start: int, end: int) -> bool:
    found = rows.get((start, end))
    if found is None:
        found = rows[start, end] = table_row(body)
    return found


def _unmatched(line: str, carried: list | None = None, at: list[int] | None = None) -> list[tuple[int, str]]:
    """(offset, mark) of each mark without its partner in ``line``; ``carried`` are (negative offset,
    kind) of brackets the line before left open, closed here or reported here; ``at`` the offsets of
    the marks in ``line`` when the caller has them."""
    stack: list[tuple[int, str]] = list(carried or [])
    out = []
    for i in (m.start() for m in _MARKS.finditer(line)) if at is None else at:
        c = line[i]
        kind = PAIRS[c]
        if c in OPENERS:
            stack.append((i, kind))
            continue
        if stack and stack[-1][1] == kind:       # the usual case: it closes the last one opened
            stack.pop()
            continue
        depth = next((k for k in range(len(stack) - 2, -1, -1) if stack[k][1] == kind), None)
        if depth is None:
            if not (kind == "（" and _NUMBERING.match(line[:i])):
                out.append((i, c))
            continue
        del stack[depth]        # marks opened inside it and not closed stay reported
    out.extend((i, _OPENING[k] if i < 0 else line[i]) for i, k in stack)
    return sorted(out)
