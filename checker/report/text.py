"""The human report: grouped by file, the offending line with the span underlined, a diff-style
outline of the structure. Rendered plainly, or through rich (imported only) when colour is on."""

from __future__ import annotations

import unicodedata

from ..model.diagnostic import Severity
from .summary import summary_line

STRUCTURE_CODES = ("GL101", "GL102", "GL103", "GL104", "GL105")
_SEV_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
_SEV_ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
MAX_LINE = 120

Line = list[tuple[str, str | None]]     # segments of (text, rich style)


def width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _clip(text: str, col: int, end_col: int) -> tuple[str, int, int]:
    """Keep long lines readable: a window around the span, with ellipses."""
    if len(text) <= MAX_LINE:
        return text, col, end_col
    lo = max(0, col - 30)
    hi = min(len(text), max(end_col, col) + 60)
    prefix = "…" if lo else ""
    return prefix + text[lo:hi] + ("…" if hi < len(text) else ""), col - lo + len(prefix), end_col - lo + len(prefix)


def diagnostic_lines(d, source) -> list[Line]:
    where = f"{d.path}:{d.line}:{d.column}" + (f"（{d.location}）" if d.location else "")   # docx/html/pdf position
    head: Line = [(where, "bold"), (": ", None), (d.code, _SEV_STYLE[d.severity]),
                  (f" [{_SEV_ZH[d.severity]}] ", _SEV_STYLE[d.severity]), (d.message, None)]
    if d.fix:
        head.append(("  [可修复]" if d.fix.safe else "  [可修复：--unsafe-fixes]", "green"))
    out = [head]
    text = source.line_text(d.line) if source else ""
    if text.strip():
        end_col = d.end_column if d.end_line == d.line else len(text) + 1
        shown, col, end_col = _clip(text, d.column - 1, end_col - 1)
        gutter = f"{d.line:>5} | "
        out.append([(gutter, "dim"), (shown, None)])
        caret = "^" * max(1, width(shown[col:max(end_col, col + 1)]))
        out.append([(" " * len(gutter) + " " * width(shown[:col]), None), (caret, _SEV_STYLE[d.severity])])
    if d.expected is not None and d.code not in STRUCTURE_CODES and d.expected != d.found:
        out.append([("      - ", "red"), (d.expected, "red")])
        out.append([("      + ", "green"), (d.found or "", "green")])
    return out


def outline_lines(r) -> list[Line]:
    out: list[Line] = [[("  结构对照（- 模板，+ 报告）：", "bold")]]
    for status, expected, found in r.outline:
        if status == "ok":
            out.append([("    ", None), (expected, None)])
        elif status in ("missing", "optional"):
            note = "（缺失）" if status == "missing" else "（可选，未写）"
            out.append([("  - ", "red"), (expected + note, "red")])
        elif status == "differs":
            out.append([("  - ", "red"), (expected, "red")])
            out.append([("  + ", "green"), (found, "green")])
        else:
            out.append([("  + ", "green"), (found + "（模板中无此部分）", "green")])
    return out


def file_lines(r) -> list[Line]:
    if r.error:
        return [[(r.path, "bold"), (": ", None), ("无法检查：", "bold red"), (r.error, None)]]
    t = r.template
    out: list[Line] = [[(r.path, "bold underline"), (f"  模板：{t['name']}（{t['basis']}）", "dim"),
                        (f"  依据：{t['reason']}" if t.get("reason") else "", "dim")]]
    for d in r.diagnostics:
        out.extend(diagnostic_lines(d, r.source))
    if any(d.code in STRUCTURE_CODES for d in r.diagnostics):
        out.extend(outline_lines(r))
    return out


def render(results, out, options) -> None:
    lines: list[Line] = []
    for r in results:
        lines.extend(file_lines(r))
        lines.append([])
    lines.append([(summary_line(results, options.get("elapsed")), "bold")])
    if options.get("color"):
        _rich_write(lines, out)
    else:
        out.write("".join("".join(seg for seg, _ in line) + "\n" for line in lines))


def _rich_write(lines: list[Line], out) -> None:
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, force_terminal=True, highlight=False, soft_wrap=True)
    for line in lines:
        t = Text()
        for seg, style in line:
            t.append(seg, style=style)
        console.print(t)
