"""Brackets, book-title marks and quotation marks left open or closed without an opening (GB/T 15834).

Checked per line of the normalised text (a paragraph of a report is a line): ``（`` and ``(`` count as
one kind of bracket, their width is GL702's business. A closing bracket after a short list number at
the start of a line (``1）``, ``一)``) is a numbering style, not a stray mark. The last line of a file
that does not end with a line break is not judged: web excerpts and cut-off pages end mid-sentence.
Table rows are skipped.
"""

from __future__ import annotations

from .. import lazy_re
from ..parse.headings import _is_table_line

PAIRS = {"（": "（", "(": "（", "）": "（", ")": "（", "《": "《", "》": "《", "“": "“", "”": "“",
         "〈": "〈", "〉": "〈", "【": "【", "】": "【"}
OPENERS = set("（(《“〈【")
_NUMBERING = lazy_re.compile(r"\s*[0-9０-９一二三四五六七八九十a-zA-Z]{1,3}$")
_MARKS = lazy_re.compile(r"[（()）《》“”〈〉【】]")


def check(doc, rule):
    text = doc.text
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        last = body == line
        if not last and _MARKS.search(body) and not _is_table_line(body):
            for i, mark in _unmatched(body):
                yield rule.diag(doc, pos + i, pos + i + 1, found=mark, mark=mark)
        pos += len(line)


def _unmatched(line: str) -> list[tuple[int, str]]:
    """(offset, mark) of each mark without its partner in ``line``."""
    stack: list[tuple[int, str]] = []
    out = []
    for m in _MARKS.finditer(line):
        c, i = m.group(), m.start()
        kind = PAIRS[c]
        if c in OPENERS:
            stack.append((i, kind))
            continue
        depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][1] == kind), None)
        if depth is None:
            if not (kind == "（" and _NUMBERING.match(line[:i])):
                out.append((i, c))
            continue
        del stack[depth]        # marks opened inside it and not closed stay reported
    out.extend((i, line[i]) for i, _ in stack)
    return sorted(out)
