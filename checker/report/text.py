"""The human report: grouped by file, each finding with the offending line cut to the terminal and
the span underlined, its fix as a ``-``/``+`` change where it has one, stated-against-computed values
labelled, and an explained outline of the sections.

Lines are laid out here, to the width of the terminal (``COLUMNS``, the terminal, else 80, as rich
does), so piped output fits too; rich is imported only to colour them."""

from __future__ import annotations

from .cells import Line, fit, printable, wrap
from .fixview import fix_lines
from .snippet import LineView
from .streamed import render_all
from .summary import Tally, fix_support, summary_line
from .vocab import STYLE, ZH

STRUCTURE_CODES = ("GL101", "GL102", "GL103", "GL104", "GL105")
INDENT = "    "

# What expected/found mean for a finding without a fix, by rule kind: e.g. a stated total and the sum
# of its parts are two readings of the report, not a replacement (the default: 应为 / 实为).
LABELS = {"prose-sum": ("正文", "分项合计"), "narrative-table": ("表格", "正文"),
          "section-title": ("模板", "报告"), "section-missing": ("模板", "报告"),
          "table-generation": ("报告适用", "表格格式"), "agency-consistency": ("应为", "报告")}
DEFAULT_LABELS = ("应为", "实为")


def head_line(d, fixable: bool) -> Line:
    where = f"（{d.location}）" if d.location else ""        # the position in a docx/html/pdf
    style = STYLE[d.severity]
    head: Line = [(f"{d.path}:{d.line}:{d.column}", "bold"), (where, "bold"), (": ", None), (d.code, style), (f" [{ZH[d.severity]}] ", style),
                  (d.message, None)]
    if d.fix and fixable:
        head.append(("  [可修复]" if d.fix.safe else "  [可修复：--unsafe-fixes]", "green"))
    return head


class LineViews:
    """The measured lines of one file, the last few kept: findings come in text order, so the many
    findings of one long line reuse its measurement."""

    def __init__(self, source, keep: int = 4) -> None:
        self.source, self.keep, self.views = source, keep, {}

    def __call__(self, line: int) -> LineView | None:
        view = self.views.get(line)
        if view is None and self.source is not None:
            if len(self.views) >= self.keep:
                self.views.pop(next(iter(self.views)))
            view = self.views[line] = LineView(self.source.line_text(line))
        return view


def snippet_lines(d, views: LineViews, cells: int) -> list[Line]:
    view = views(d.line)
    if view is None or view.blank:
        return []
    gutter = f"{d.line:>5} | "
    end = d.end_column if d.end_line == d.line else len(view.text) + 1
    shown, offset, length = view.window(d.column - 1, end - 1, cells - len(gutter))
    return [[(gutter, "dim"), (shown, None)],
            [(" " * (len(gutter) + offset), None), ("^" * length, STYLE[d.severity])]]


def values_lines(d, kind: str | None, cells: int) -> list[Line]:
    """Expected and found of a finding without a fix, as labelled values on one line."""
    if d.expected is None or d.expected == d.found or d.code in STRUCTURE_CODES:
        return []
    want, got = LABELS.get(kind, DEFAULT_LABELS)
    line: Line = [(INDENT, None), (f"{want}：", "dim"), (printable(d.expected), "bold")]
    if d.found:                 # a finding about something absent has nothing to show beside it
        line += [("　", None), (f"{got}：", "dim"), (printable(d.found), "bold")]
    return wrap(line, cells, len(INDENT) + 2)


def change_lines(d, source, cells: int) -> list[Line]:
    label = "修复（--fix）" if d.fix.safe else "修复（需 --unsafe-fixes）"
    if d.fix.description:
        label += f"：{d.fix.description}"
    out: list[Line] = [[(INDENT, None), (fit(label, cells - len(INDENT)), "dim")]]
    for row in fix_lines(d.fix, source.text, cells - len(INDENT)):
        out.append([(INDENT, None), *row])
    return out


def diagnostic_lines(d, source, cells: int, kinds: dict, fixable: bool, views: LineViews | None = None) -> list[Line]:
    out = wrap(head_line(d, fixable), cells)
    out += snippet_lines(d, views or LineViews(source), cells)
    if d.fix and fixable and source is not None:
        out += change_lines(d, source, cells)
    elif not d.fix:
        out += values_lines(d, kinds.get(d.code), cells)
    return out


OUTLINE_TAGS = {"ok": ("一致", "dim"), "differs": ("不同", "yellow"), "missing": ("缺失", "red"),
                "optional": ("未写", "dim"), "extra": ("多出", "yellow")}


def outline_lines(r, cells: int) -> list[Line]:
    """The template's sections against the report's headings, one row each with its status."""
    out: list[Line] = [[("  结构对照（模板 / 报告）：", "bold")]]
    for status, expected, found in r.outline:
        tag, style = OUTLINE_TAGS[status]
        if status == "ok":
            body: Line = [(expected, None)]
        elif status == "differs":
            body = [(expected, None), (" / ", "dim"), (found, style)]
        elif status == "extra":
            body = [("（模板中无此部分）", "dim"), (" / ", "dim"), (found, style)]
        else:
            body = [(expected, None), (" / ", "dim"), ("（报告中没有）" if status == "missing" else "（可选）", style)]
        out += wrap([(INDENT, None), (tag, style), ("  ", None), *body], cells, len(INDENT) + 6)
    return out


def file_lines(r, cells: int, kinds: dict) -> list[Line]:
    if r.error:
        return wrap([(r.path, "bold"), (": ", None), ("无法检查：", "bold red"), (r.error, None)], cells)
    t = r.template
    out: list[Line] = wrap([(r.path, "bold underline")], cells)
    about = f"模板：{t['name']}（{t['basis']}）" + (f"　依据：{t['reason']}" if t.get("reason") else "")
    out += wrap([("  ", None), (about, "dim")], cells, 2)
    fixable = fix_support(r)
    views = LineViews(r.source)
    for d in r.diagnostics:
        out += [[], *diagnostic_lines(d, r.source, cells, kinds, fixable, views)]     # a blank line between findings
    if any(d.code in STRUCTURE_CODES for d in r.diagnostics):
        out += [[], *outline_lines(r, cells)]
    return out


def _cells(options) -> int:
    return max(40, options.get("width") or 80)


def _kinds(options) -> dict:
    return {r.code: r.kind for r in options.get("rules") or ()}


def closing_lines(tally: Tally, options) -> list[Line]:
    if options.get("quiet"):
        return []
    return wrap([(summary_line(tally, options.get("elapsed")), "bold")], _cells(options), 0)


class Stream:
    """Writes each result's part as soon as it is given (streamed runs), then the closing line."""

    def __init__(self, out, options) -> None:
        self.out, self.options = out, options
        self.cells, self.kinds = _cells(options), _kinds(options)
        self.console = _console(out, options.get("width") or 80) if options.get("color") else None

    def file(self, r) -> None:
        self._write([*file_lines(r, self.cells, self.kinds), []])

    def end(self, tally: Tally) -> None:
        self._write(closing_lines(tally, self.options))

    def _write(self, lines: list[Line]) -> None:
        if self.console is not None:
            rich_print(lines, self.console)
        else:
            self.out.write("".join("".join(seg for seg, _ in line) + "\n" for line in lines))


def render(results, out, options) -> None:
    render_all(Stream(out, options), results)


def _console(out, cells: int):
    from rich.console import Console

    # The lines already fit: rich colours them and must not wrap them again.
    return Console(file=out, force_terminal=True, highlight=False, soft_wrap=True, width=cells,
                   emoji=False, markup=False)


def rich_write(lines: list[Line], out, cells: int) -> None:
    rich_print(lines, _console(out, cells))


def rich_print(lines: list[Line], console) -> None:
    from rich.text import Text

    for line in lines:
        t = Text(no_wrap=True, overflow="ignore")
        for seg, style in line:
            t.append(seg, style=style)
        console.print(t)
