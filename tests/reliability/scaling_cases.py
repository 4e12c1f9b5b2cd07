"""The hot paths of issue 19, each as a workload of size ``n``: a reader per format, the normaliser,
the table parser, prose arithmetic, the contamination scanners and every reporter. Shared by the
scaling tests (work counted in interpreter instructions) and ``bench/scaling.py`` (timed, at larger n).
Each input grows along the axis an attacker would stretch: more rows, a longer run-on sentence, more
findings on one longer line."""

from __future__ import annotations

import io
from functools import lru_cache

PROSE = "本机关坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实党中央、国务院关于政务公开工作的决策部署。"
TRAD = "本機關堅持以習近平新時代中國特色社會主義思想為指導，認真貫徹落實黨中央、國務院關於政務公開工作的決策部署。"
RUN_ON = "本年收到申请30件，其中办结29件，占96.7%，"       # issue 19 case 3: repeated with no 。


@lru_cache(maxsize=1)
def template() -> str:
    from checker.tables.skeleton import skeleton

    return skeleton(2024, "某某市某某局", "pipe")


def _rules(*codes: str) -> list:
    from checker.engine.loader import builtin_rules

    return [r for r in builtin_rules() if r.code in codes] if codes else list(builtin_rules())


# ---------------- readers ----------------

def read_txt(n: int):
    from checker.read.formats import read_bytes

    data = (template() + (PROSE + "\n") * n).encode("gb18030")
    return lambda: read_bytes(data, "r.txt")


def read_md(n: int):
    from checker.read.formats import read_bytes

    data = ("# 报告\n\n| 项目 | 件数 |\n|---|---|\n" + "| 申请 | 30 |\n" * n + "\n" + PROSE * n).encode()
    return lambda: read_bytes(data, "r.md")


def read_html(n: int):
    from checker.read.formats import read_bytes

    rows = "<tr><td rowspan=2>甲</td><td colspan=3>1</td><td>2</td></tr><tr><td>3</td></tr>" * n
    data = f"<html><body><p>{PROSE}</p>{'<p>' + PROSE + '</p>' * n}<table>{rows}</table></body></html>".encode()
    return lambda: read_bytes(data, "r.html")


def read_docx(n: int):
    import docx

    from checker.read.formats import read_bytes

    d = docx.Document()
    for _ in range(n):
        d.add_paragraph(PROSE)
    t = d.add_table(rows=n, cols=3)
    for i, row in enumerate(t.rows):
        row.cells[0].text, row.cells[1].text = "申请", str(i)
    buf = io.BytesIO()
    d.save(buf)
    data = buf.getvalue()
    return lambda: read_bytes(data, "r.docx")


# ---------------- normaliser, table parser, prose arithmetic ----------------

def normalise(n: int):
    from checker.normalise.pipeline import normalise as run

    text = template() + (TRAD + "ＡＢＣ１２３ " + PROSE + "\n") * n
    return lambda: run(text)


def table_parser(n: int):
    from checker.tables.extract import parse_span

    lines = template().splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("2.重复申请"))
    text = "\n".join(lines[:at + 1] + [lines[at]] * n + lines[at + 1:]) + "\n"
    return lambda: parse_span(text, 0, len(text), "t3")


def _rule_run(text: str, *codes: str):
    from checker.model.document import Document
    from checker.model.source import Source

    rules = _rules(*codes)
    for r in rules:
        r.compiled  # noqa: B018 — compiled once, outside the counted work

    def run():
        doc = Document(Source(path="r.txt", text=text))
        return [d for r in rules for d in r.module.check(doc, r)]
    return run


def prose_arithmetic(n: int):
    """Case 3: the template and one run-on sentence of n clauses, through every prose arithmetic rule."""
    return _rule_run(template() + "\n" + RUN_ON * n + "\n", "GL222", "GL223", "GL224", "GL225")


# ---------------- contamination scanners ----------------

def contamination(n: int):
    """Every contamination kind over a text that feeds each scanner: question marks standing for lost
    characters, glued dates, page numbers in words, residue, spam names and web chrome."""
    unit = ("本机关?收到申请20231231日答复意见2政协委员提案，其3中包括其、文物。"
            "澳门赌场推荐bet365 www.example.com 点击进入 返回顶部\n")
    codes = [r.code for r in _rules() if r.code.startswith(("GL3", "GL4", "GL5"))]
    return _rule_run(template() + "\n" + unit * n, *codes)


# ---------------- reporters ----------------

FORMATS = ("text", "concise", "json", "json-lines", "sarif", "github", "gitlab", "junit", "html", "csv")


def long_line_result(n: int):
    """n findings, each with a one-character fix, spread along one line of about 100·n characters."""
    from checker.engine.runner import FileResult
    from checker.model.diagnostic import Diagnostic, Edit, Fix, Severity
    from checker.model.source import Source

    text = "本机关收到申请件数为三十件𠀀" * (8 * n) + "\n"
    source = Source(path="long.txt", text=text)
    diags = []
    for i in range(n):
        start = i * 100
        d = Diagnostic("GL411", "x", Severity.WARNING, "信息", "long.txt", start, start + 1,
                       fix=Fix((Edit(start, start + 1, "某"),)))
        d.line, d.column = source.line_col(start)
        d.end_line, d.end_column = source.line_col(start + 1)
        diags.append(d)
    return FileResult("long.txt", diags, source, template={"id": "2021", "name": "x", "basis": "x"})


def reporter(fmt: str):
    from checker.report import reporter as module

    def make(n: int):
        result, render = long_line_result(n), module(fmt).render
        rules = _rules("GL411")
        return lambda: render([result], io.StringIO(), {"color": False, "elapsed": 0.0, "rules": rules})
    return make


def fix_preview(n: int):
    """One fix of n edits along one line (GL401 turns every traditional character of a report into one
    fix): grouping the edits into hunks copied the hunk's list per edit."""
    from checker.model.diagnostic import Edit, Fix
    from checker.report.fixview import fix_lines

    text = TRAD * n + "\n"
    fix = Fix(tuple(Edit(i, i + 1, "国") for i in range(0, len(text) - 1, 3)))
    return lambda: fix_lines(fix, text, 80)


WORKLOADS = {"fix-preview": fix_preview, "read-txt": read_txt, "read-md": read_md, "read-html": read_html, "read-docx": read_docx,
             "normalise": normalise, "table-parser": table_parser, "prose-arithmetic": prose_arithmetic,
             "contamination": contamination, **{f"report-{f}": reporter(f) for f in FORMATS}}
