"""Web-page furniture around and inside a report (safe fix: delete the lines).

where: head — before the report's own text starts (title lines excepted); tail — after its last
section's content; body — between blocks of the body. Line model: checker/contamination/chrome.py;
the data file's fixed patterns: checker/parse/boilerplate.py.
"""

from __future__ import annotations

from ..contamination import chrome
from ..model.diagnostic import Edit, Fix
from ..parse.boilerplate import HEAD, TAIL, is_boilerplate, lines_with_offsets, tail_start

BODY = "body"


def check(doc, rule):
    text = doc.text
    where = rule.params.get("where", HEAD)
    found_blocks = _blocks(doc, where)
    if where == HEAD:
        blocks = [(s, e, s, _next_content(text, e)) for s, e in found_blocks]
    elif where == TAIL:
        blocks = [(s, e, _previous_break(text, s), e) for s, e in found_blocks]
    else:
        blocks = [(s, e, s, _line_end(text, e)) for s, e in found_blocks]
    title = doc.title
    for start, end, cut_start, cut_end in blocks:
        s, e = doc.orig_span(cut_start, cut_end)
        holds_title = title is not None and start <= title.start < end
        fix = Fix((Edit(s, e, ""),), safe=not holds_title, description="删除网页残留内容")
        found = " / ".join(b.strip() for _, _, b in lines_with_offsets(text, start, end) if b.strip())
        yield rule.diag(doc, start, end, fix=fix, found=found, lines=_short(found))


def chrome_spans(doc) -> list[tuple[int, int]]:
    """Original-file spans of every furniture block (head, body, tail), for rules that leave what the
    furniture rules delete to them."""
    return [doc.orig_span(s, e) for where in (HEAD, BODY, TAIL) for s, e in _blocks(doc, where)]


def _blocks(doc, where: str) -> list[tuple[int, int]]:
    """The furniture blocks of one place, found once per document (their rule and GL401 both ask)."""
    key = f"chrome-blocks-{where}"
    cached = doc.cache.get(key)
    if cached is None:
        finder = {HEAD: head_blocks, BODY: body_blocks}.get(where)
        cached = doc.cache[key] = finder(doc) if finder else _tail_block(doc, doc.text)
    return cached


def _short(found: str, limit: int = 60) -> str:
    return found if len(found) <= limit else found[:limit] + "…"


def head_end(doc) -> int:
    """Where the report's own text starts (cached: the head and body rules both need it)."""
    cached = doc.cache.get("chrome-head-end")
    if cached is None:
        cached = doc.cache["chrome-head-end"] = chrome.head_end(doc.text, doc.structure.head_end)
    return cached


def head_blocks(doc) -> list[tuple[int, int]]:
    title = doc.title
    titles = (title.line_start,) if title is not None else ()
    return chrome.head_blocks(doc.text, head_end(doc), titles, extra=lambda body: is_boilerplate(body, HEAD))


def body_blocks(doc) -> list[tuple[int, int]]:
    text = doc.text
    start = head_end(doc)
    end = _tail_floor_start(doc, text)
    return chrome.body_blocks(text, start, end)


def _tail_floor_start(doc, text: str) -> int:
    sections = doc.structure.sections
    floor = sections[-1].heading.end if sections else doc.structure.head_end
    return tail_start(text, floor)


def _tail_block(doc, text: str):
    start = _tail_floor_start(doc, text)
    if start >= len(text):
        return []
    while start < len(text) and text[start] in "\r\n \t\u3000":
        start += 1                                    # report from the first furniture line
    return [(start, len(text.rstrip()))]


def _next_content(text: str, end: int) -> int:
    """Delete up to the start of the next non-blank line (its indentation kept), so no empty lines
    are left where the block was."""
    pos = end
    while pos < len(text):
        nl = text.find("\n", pos)
        if nl < 0 or text[pos:nl].strip(" \t\r\u3000"):
            return len(text) if nl < 0 and not text[pos:].strip() else pos
        pos = nl + 1
    return pos


def _line_end(text: str, end: int) -> int:
    """Delete the line break after an in-body block too, so no empty line is left in its place."""
    if text.startswith("\r\n", end):
        return end + 2
    return end + 1 if text[end:end + 1] in ("\n", "\r") else end


def _previous_break(text: str, start: int) -> int:
    """Delete from the end of the last content line, so the file ends where the report does."""
    pos = start
    while pos > 0 and text[pos - 1] in "\r\n \t\u3000":
        pos -= 1
    return pos
