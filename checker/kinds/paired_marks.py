"""Brackets, book-title marks and quotation marks left open or closed without an opening (GB/T 15834).

Checked per line of the normalised text (a paragraph of a report is a line; a bracket left open at
the end of a line without a sentence end may close on the next one): ``（`` and ``(`` count as
one kind of bracket, their width is GL702's business. A closing bracket after a short list number at
the start of a line (``1）``, ``一)``) is a numbering style, not a stray mark. The last line of a file
that does not end with a line break is not judged: web excerpts and cut-off pages end mid-sentence.
Table rows are skipped.
"""

from __future__ import annotations

from .. import lazy_re
from .text_pattern import table_row

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
    pos, carried, hops = 0, [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body == line:                    # the last line, cut off: not judged
            break
        if not (_MARKS.search(body) or carried) or table_row(body):
            pos, carried, hops = pos + len(line), [], 0
            continue
        found = _unmatched(body, [(i - pos, k) for i, k in carried])
        late = not body.rstrip().endswith(_SENTENCE_END) and hops < MAX_HOPS
        carried = [(pos + i, PAIRS[c]) for i, c in found if late and c in OPENERS]
        hops = hops + 1 if carried else 0
        for i, mark in found:
            if not (late and mark in OPENERS):
                yield rule.diag(doc, pos + i, pos + i + 1, found=text[pos + i], mark=text[pos + i])
        pos += len(line)


def _unmatched(line: str, carried: list | None = None) -> list[tuple[int, str]]:
    """(offset, mark) of each mark without its partner in ``line``; ``carried`` are (negative offset,
    kind) of brackets the line before left open, closed here or reported here."""
    stack: list[tuple[int, str]] = list(carried or [])
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
    out.extend((i, _OPENING[k] if i < 0 else line[i]) for i, k in stack)
    return sorted(out)
