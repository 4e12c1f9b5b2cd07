"""``--format html``: one self-contained page for reviewers of a batch of reports.

An overview table (one row per report, sortable and filterable), a chart of findings per family, and per
report its findings with the text around them, its statistics tables with the cells of failing relations
marked, its structure against the template and its fixes as before/after.

Everything taken from a report is escaped: reports copied from hacked pages carry injected markup. As a
second wall the page's Content-Security-Policy lets no script run but the page's own (by its hash), loads
nothing from the network, and allows no forms or plugins. The page opens offline on any office PC.
"""

from __future__ import annotations

import base64
import hashlib
import time
from html import escape

from .. import __version__
from ..model.diagnostic import Severity
from .families import FAMILIES, TITLES, family
from .html_assets import CSS, SCRIPT
from .overview import STATUSES, SEVERITY_LABEL, OverviewRow
from .snippet import line_bounds

SNIPPET_CONTEXT = 40        # characters shown on each side of a finding's span
SNIPPET_SPAN = 160          # longest part of a span shown; longer spans are elided in the middle
OUTLINE_STATUS = {"ok": "一致", "differs": "措辞不同", "missing": "缺失", "optional": "未写（可选）",
                  "extra": "模板外"}
SEVERITY_CLASS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}
NEEDS_TABLES = True         # checks keep each report's statistics tables for this format (checker.report.facts)


def e(text) -> str:
    return escape("" if text is None else str(text), quote=True)


def render(results, out, options) -> None:
    rows = [OverviewRow(r) for r in results]
    out.write(_head(rows, options))
    out.write(_overview(rows))
    out.write('<h2 id="details-title">各报告详情</h2>\n')
    for n, r in enumerate(results):
        out.write(_report(n, r, rows[n], opened=len(results) == 1))
    out.write("</main>\n</body>\n</html>\n")


def _csp() -> str:
    digest = base64.b64encode(hashlib.sha256(SCRIPT.encode("utf-8")).digest()).decode("ascii")
    return (f"default-src 'none'; script-src 'sha256-{digest}'; style-src 'unsafe-inline'; img-src data:; "
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def _head(rows: list[OverviewRow], options) -> str:
    n_err = sum(r.errors for r in rows)
    n_warn = sum(r.warnings for r in rows)
    failing = sum(1 for r in rows if r.status in ("error", "unreadable"))
    stamp = time.strftime("%Y-%m-%d %H:%M")
    return (
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
        f'<meta http-equiv="Content-Security-Policy" content="{_csp()}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>govlint 检查报告（{len(rows)} 份）</title>\n<style>{CSS}</style>\n"
        f"<script>{SCRIPT}</script>\n</head>\n<body>\n<main>\n"
        f"<h1>政府信息公开工作年度报告检查结果</h1>\n"
        f'<p class="meta">govlint {e(__version__)} · 生成于 {e(stamp)} · 共 {len(rows)} 份报告，'
        f"其中 {failing} 份有错误或无法检查 · 错误 {n_err} 处，警告 {n_warn} 处</p>\n"
        + _chart(rows)
    )


def _chart(rows: list[OverviewRow]) -> str:
    """Bars of errors and warnings per family across the batch (inline SVG: no script, no network)."""
    totals = {f: [sum(r.by_family[f][0] for r in rows), sum(r.by_family[f][1] for r in rows)]
              for f, _ in FAMILIES}
    top = max((a + b for a, b in totals.values()), default=0) or 1
    bar_w, label_w, row_h = 420, 90, 26
    parts = [f'<svg class="chart" role="img" aria-label="各类问题数量" width="{label_w + bar_w + 120}" '
             f'height="{row_h * len(FAMILIES) + 30}" xmlns="http://www.w3.org/2000/svg">']
    for i, (fam, title) in enumerate(FAMILIES):
        err, warn = totals[fam]
        y = i * row_h + 4
        we, ww = bar_w * err / top, bar_w * warn / top
        parts.append(f'<text x="0" y="{y + 15}" class="lbl">{e(title)}</text>'
                     f'<rect x="{label_w}" y="{y}" width="{we:.1f}" height="18" class="b-err"><title>错误 {err}</title></rect>'
                     f'<rect x="{label_w + we:.1f}" y="{y}" width="{ww:.1f}" height="18" class="b-warn">'
                     f'<title>警告 {warn}</title></rect>'
                     f'<text x="{label_w + we + ww + 6:.1f}" y="{y + 15}" class="num">{err} / {warn}</text>')
    y = len(FAMILIES) * row_h + 20
    parts.append(f'<rect x="{label_w}" y="{y - 10}" width="12" height="12" class="b-err"/>'
                 f'<text x="{label_w + 16}" y="{y}" class="num">错误</text>'
                 f'<rect x="{label_w + 60}" y="{y - 10}" width="12" height="12" class="b-warn"/>'
                 f'<text x="{label_w + 76}" y="{y}" class="num">警告</text></svg>')
    return '<figure class="chart-box"><figcaption>各类问题（全部报告合计）</figcaption>' + "".join(parts) + "</figure>\n"


def _overview(rows: list[OverviewRow]) -> str:
    options = "".join(f'<option value="{sid}">{label}</option>' for sid, label in STATUSES)
    fam_heads = "".join(f'<th data-type="num" title="{e(t)}：错误 / 警告">{e(t)}</th>' for _, t in FAMILIES)
    head = (
        '<h2>总览</h2>\n<div class="filters">'
        '<label>筛选 <input id="q" type="search" placeholder="文件名、机关、年度…" autocomplete="off"></label> '
        f'<label>状态 <select id="status"><option value="">全部</option>{options}</select></label> '
        '<span id="shown"></span></div>\n'
        '<table id="overview" class="overview"><thead><tr>'
        '<th data-type="text">文件</th><th data-type="text">发布机关</th><th data-type="num">年度</th>'
        '<th data-type="text">模板</th><th data-type="num">错误</th><th data-type="num">警告</th>'
        f'{fam_heads}<th data-type="num">状态</th></tr></thead>\n<tbody>\n'
    )
    body = []
    rank = {sid: i for i, (sid, _) in enumerate(STATUSES)}
    for n, row in enumerate(rows):
        fams = "".join(
            f'<td class="n" data-v="{a * 1000 + b}">{_pair(a, b)}</td>' for a, b in
            (row.by_family[f] for f, _ in FAMILIES))
        body.append(
            f'<tr data-status="{row.status}"><td><a href="#r{n}">{e(row.path)}</a></td>'
            f"<td>{e(row.agency)}</td><td class=\"n\" data-v=\"{row.year or 0}\">{e(row.year or '')}</td>"
            f"<td>{e(row.template)}</td><td class=\"n\" data-v=\"{row.errors}\">{row.errors}</td>"
            f'<td class="n" data-v="{row.warnings}">{row.warnings}</td>{fams}'
            f'<td data-v="{rank[row.status]}"><span class="st st-{row.status}">{row.status_label}</span></td></tr>\n')
    return head + "".join(body) + "</tbody></table>\n"


def _pair(errors: int, warnings: int) -> str:
    if not errors and not warnings:
        return '<span class="zero">·</span>'
    return f'<span class="ce">{errors}</span> / <span class="cw">{warnings}</span>'


def _report(n: int, r, row: OverviewRow, opened: bool = False) -> str:
    title = f"{e(r.path)} — {e(row.agency or '（未识别发布机关）')} {e(row.year or '')}"
    parts = [f'<details class="report" id="r{n}"{" open" if opened else ""}><summary><span class="st st-{row.status}">{row.status_label}</span> '
             f"{title} <span class=\"cnt\">错误 {row.errors} · 警告 {row.warnings} · 提示 {row.infos}</span></summary>\n"]
    if r.error:
        parts.append(f'<p class="unreadable">无法检查：{e(r.error)}</p></details>\n')
        return "".join(parts)
    tpl = r.template or {}
    parts.append(f'<p class="meta">模板：{e(tpl.get("name"))}（{e(tpl.get("reason"))}）</p>\n')
    parts.append(_tables(n, r))
    parts.append(_findings(n, r))
    parts.append(_outline(r.outline))
    parts.append("</details>\n")
    return "".join(parts)


def _findings(n: int, r) -> str:
    if not r.diagnostics:
        return '<p class="clean">未发现问题。</p>\n'
    text = r.source.text if r.source else ""
    items = []
    for i, d in enumerate(r.diagnostics):
        where = f"第 {d.line} 行第 {d.column} 列" + (f"（{d.location}）" if d.location else "")
        fix = _fix(text, d.fix) if d.fix else ""
        extra = ""
        if d.expected is not None and d.found is not None and not d.fix:
            extra = (f'<div class="ef"><span>模板：</span><code>{e(d.expected)}</code> '
                     f'<span>报告：</span><code>{e(d.found)}</code></div>')
        items.append(
            f'<li id="r{n}-d{i}" class="f f-{SEVERITY_CLASS[d.severity]}">'
            f'<span class="sev">{SEVERITY_LABEL[d.severity]}</span> <code class="code">{e(d.code)}</code> '
            f'<span class="fam">{e(TITLES[family(d.code)])}</span> {e(d.message)}'
            f'<div class="where">{e(where)}</div>{_snippet(text, d.start, d.end)}{extra}{fix}</li>\n')
    return f'<h3>问题（{len(r.diagnostics)}）</h3>\n<ol class="findings">\n' + "".join(items) + "</ol>\n"


def _snippet(text: str, start: int, end: int) -> str:
    if not text:
        return ""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    # the line looked for within the span and its context only: a long line costs its window per finding
    lo, hi = line_bounds(text, start, end, SNIPPET_CONTEXT)
    end = min(end, hi) if end > start else end
    left = max(lo, start - SNIPPET_CONTEXT)
    right = min(hi, end + SNIPPET_CONTEXT)
    if end - start > SNIPPET_SPAN:          # the ends only: a long span is not copied whole
        half = SNIPPET_SPAN // 2
        span_html = f"{e(text[start:start + half])}<span class=\"el\">…</span>{e(text[end - half:end])}"
    else:
        span_html = e(text[start:end])
    mark = f"<mark>{span_html}</mark>" if end > start else '<mark class="point"></mark>'
    return (f'<pre class="snip">{"…" if left > lo else ""}{e(text[left:start])}{mark}'
            f'{e(text[end:right])}{"…" if right < hi else ""}</pre>')


def _fix(text: str, fix) -> str:
    """The fix as the text before and after, over the smallest window that holds all its edits."""
    edits = sorted(fix.edits, key=lambda x: x.start)
    if not edits:
        return ""
    lo = max(0, edits[0].start - 20)
    hi = min(len(text), edits[-1].end + 20)
    lo = max(lo, text.rfind("\n", lo, edits[0].start) + 1)
    nl = text.find("\n", edits[-1].end, hi)
    hi = min(hi, nl) if nl >= 0 else hi
    before, after, pos = [], [], lo
    for ed in edits:
        if ed.start < pos:          # overlapping edits are applied by the fixer one at a time; show the first
            continue
        before += [e(text[pos:ed.start]), f"<del>{e(text[ed.start:ed.end])}</del>"]
        after += [e(text[pos:ed.start]), f"<ins>{e(ed.replacement)}</ins>"]
        pos = ed.end
    before.append(e(text[pos:hi]))
    after.append(e(text[pos:hi]))
    kind = "安全修复（--fix）" if fix.safe else "不安全修复（需 --unsafe-fixes）"
    return (f'<div class="fix"><div class="fk">{kind}：{e(fix.description)}</div>'
            f'<div class="fb"><span>修复前</span><pre>{"".join(before)}</pre></div>'
            f'<div class="fa"><span>修复后</span><pre>{"".join(after)}</pre></div></div>')


def _tables(n: int, r) -> str:
    if not r.tables:
        return ""
    bad, warn = _cell_marks(r.diagnostics)
    out = ['<h3>统计表</h3>\n']
    for t in r.tables:
        out.append(f'<div class="stat" id="r{n}-{e(t["id"])}"><h4>{e(t["name"])} {e(t["title"])}</h4>\n')
        spans = set()
        for block in t["blocks"]:
            out.append(_block(block, bad, warn))
            spans.update((c[2], c[3]) for _, cells in block["rows"] if cells for c in cells if c)
        eqs = sorted({i for sp, ids in bad.items() if sp in spans for i in ids})
        if eqs:
            out.append('<ul class="eqs">' + "".join(
                f'<li><a href="#r{n}-d{i}">{e(r.diagnostics[i].message)}</a></li>' for i in eqs) + "</ul>\n")
        out.append("</div>\n")
    return "".join(out)


def _cell_marks(diagnostics) -> tuple[dict, dict]:
    """Cell spans named by findings → the findings' indexes: ``bad`` — cells of a failing relation (the
    stated total and every part); ``warn`` — cells of other table findings (blank, not a number)."""
    bad: dict[tuple[int, int], list[int]] = {}
    warn: dict[tuple[int, int], list[int]] = {}
    for i, d in enumerate(diagnostics):
        fam = family(d.code)
        if fam not in ("tables", "arithmetic"):
            continue
        target = bad if fam == "arithmetic" else warn
        for sp in [(d.start, d.end)] + [(s, e_) for s, e_, *_ in d.related]:
            target.setdefault(sp, []).append(i)
    return bad, warn


def _block(block: dict, bad: dict, warn: dict) -> str:
    cols = block["columns"]
    head = "".join(f"<th>{e(c)}</th>" for c in cols)
    caption = f"<caption>{e(block['caption'])}</caption>" if block.get("caption") else ""
    body = []
    for label, cells in block["rows"]:
        if cells is None:
            body.append(f'<tr class="grp"><th colspan="{len(cols) + 1}">{e(label)}</th></tr>')
            continue
        tds = []
        for cell in cells:
            if cell is None:
                tds.append('<td class="missing" title="未读到">—</td>')
                continue
            text, state, s, e_ = cell
            cls = ["n"]
            title = ""
            if (s, e_) in bad:
                cls.append("bad")
                title = "参与不成立的勾稽关系"
            elif (s, e_) in warn:
                cls.append("warn")
            if state == "blank":
                cls.append("blank")
                title = title or "空白"
            attr = f' title="{e(title)}"' if title else ""
            tds.append(f'<td class="{" ".join(cls)}"{attr}>{e(text) if text.strip() else "&nbsp;"}</td>')
        body.append(f"<tr><th>{e(label)}</th>{''.join(tds)}</tr>")
    return (f'<table class="grid">{caption}<thead><tr><th></th>{head}</tr></thead><tbody>'
            + "".join(body) + "</tbody></table>\n")


def _outline(rows) -> str:
    if not rows:
        return ""
    body = "".join(
        f'<tr class="o-{status}"><td>{e(want) or "—"}</td><td>{e(found) or "—"}</td>'
        f"<td>{OUTLINE_STATUS.get(status, status)}</td></tr>" for status, want, found in rows)
    return ('<h3>结构</h3>\n<table class="outline"><thead><tr><th>模板规定</th><th>报告所写</th><th>对照</th></tr>'
            f"</thead><tbody>{body}</tbody></table>\n")
