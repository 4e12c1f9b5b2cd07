"""Rule messages are templates with a closed set of ``{field}`` names, filled by plain substitution.

``str.format`` over a message from a user's rule file would obey whatever the file asks for:
``{found:>300000000}`` pads every finding to 300 MB, ``{found.__class__}`` reaches into objects. Here
a field is a bare name, replaced by its text; ``{{`` and ``}}`` are literal braces; any other brace
sequence is printed as written. A user's rule file may name only FIELDS, and a message with anything
else (format specs, conversions, attributes) is refused when the file is loaded.
"""

from __future__ import annotations

from functools import lru_cache

from .. import lazy_re

# Every name a rule kind passes to Rule.diag (the built-in messages use these and nothing else).
FIELDS = frozenset({
    "actual", "after", "attachment", "cell", "cells", "column", "count", "detail", "equation", "expected",
    "found", "heading", "hint", "items", "line", "lines", "marker", "missing", "name", "names", "number",
    "phrase", "problem", "row", "rows", "sample", "source", "stated", "table", "tables", "template", "title",
    "total", "value", "what", "where",
    # cross-report rules: the earlier report's year, cell, value and where it stands
    # typography rules: the character, its code points, the paired mark, the text around a finding
    "char", "codepoint", "mark", "context",
    "year", "prev_year", "prev_cell", "prev_value", "prev_file", "prev_where", "this_year",
})
MAX_MESSAGE_LENGTH = 500
_TOKEN = lazy_re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}|[{}]")


@lru_cache(maxsize=512)
def _parts(template: str) -> tuple[tuple[str, str | None], ...]:
    """(literal text, field name or None) pairs."""
    parts, pos = [], 0
    for m in _TOKEN.finditer(template):
        literal = template[pos:m.start()]
        token = m.group()
        if token in ("{{", "}}"):
            parts.append((literal + token[0], None))
        elif m.group(1) is not None:
            parts.append((literal, m.group(1)))
        else:                               # a stray brace: shown as written
            parts.append((literal + token, None))
        pos = m.end()
    parts.append((template[pos:], None))
    return tuple(parts)


@lru_cache(maxsize=512)
def template_fields(template: str) -> frozenset[str]:
    """The field names ``template`` uses: a kind may skip working out values no message shows."""
    return frozenset(field for _, field in _parts(template) if field is not None)


def render(template: str, args: dict) -> str:
    """``template`` with each ``{field}`` replaced by ``str(args[field])`` (kept as written when the
    finding has no such value). Users' templates name only FIELDS (checked at load)."""
    out = []
    for literal, field in _parts(template):
        out.append(literal)
        if field is not None:
            out.append(str(args[field]) if field in args else "{" + field + "}")
    return "".join(out)


def template_problem(template) -> str | None:
    """Why a user's message cannot be a template (Chinese), or None."""
    if not isinstance(template, str):
        return "消息必须是字符串"
    if len(template) > MAX_MESSAGE_LENGTH:
        return f"消息过长（{len(template)} 字符，上限 {MAX_MESSAGE_LENGTH}）"
    for m in _TOKEN.finditer(template):
        token = m.group()
        if token in ("{{", "}}"):
            continue
        if m.group(1) is None:
            return ("消息中的花括号只能用于 {字段名}（如 {found}、{expected}），不支持格式说明或属性访问；"
                    "字面花括号请写成 {{ 或 }}")
        if m.group(1) not in FIELDS:
            return f"消息中的字段 {{{m.group(1)}}} 未知（可用：{'、'.join(sorted(FIELDS))}）"
    return None
