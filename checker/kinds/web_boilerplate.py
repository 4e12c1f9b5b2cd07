"""Web-page furniture before the report's title or after its last section (safe fix: delete it).
Patterns and position logic: checker/parse/boilerplate.py."""

from __future__ import annotations

from ..model.diagnostic import Edit, Fix
from ..parse.boilerplate import HEAD, head_blocks, lines_with_offsets, tail_start


def check(doc, rule):
    text = doc.text
    where = rule.params.get("where", HEAD)
    if where == HEAD:
        blocks = [(s, e, _next_content(text, e)) for s, e in head_blocks(text, _head_end(doc),
                                                                           rule.params.get("max_head_lines", 15))]
    else:
        blocks = _tail_block(doc, text)
    for start, end, cut_end in blocks:
        cut_start = _previous_break(text, start) if where != HEAD else start
        s, e = doc.orig_span(cut_start, cut_end)
        fix = Fix((Edit(s, e, ""),), safe=True, description="删除网页残留内容")
        found = " / ".join(b.strip() for _, _, b in lines_with_offsets(text, start, end) if b.strip())
        yield rule.diag(doc, start, end, fix=fix, found=found, lines=found)


def _head_end(doc) -> int:
    title = doc.title
    return title.line_start if title is not None else doc.structure.head_end


def _tail_block(doc, text: str):
    sections = doc.structure.sections
    floor = sections[-1].heading.end if sections else doc.structure.head_end
    start = tail_start(text, floor)
    if start >= len(text):
        return []
    while start < len(text) and text[start] in "\r\n \t\u3000":
        start += 1                                    # report from the first furniture line
    return [(start, len(text.rstrip()), len(text.rstrip()))]


def _next_content(text: str, end: int) -> int:
    """Delete up to the next non-blank line so no empty lines are left at the top."""
    pos = end
    while pos < len(text) and text[pos] in "\r\n \t\u3000":
        pos += 1
    return pos


def _previous_break(text: str, start: int) -> int:
    """Delete from the end of the last content line, so the file ends where the report does."""
    pos = start
    while pos > 0 and text[pos - 1] in "\r\n \t\u3000":
        pos -= 1
    return pos
