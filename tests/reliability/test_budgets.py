"""Per-file budgets (issue 19): merged-cell bombs in HTML and Word tables, SARIF over long lines with
many findings, the findings cap per rule, huge numbers — each bounded, each ending in a clear finding
rather than an internal error. Scaling is counted in work done (input ×2 → work ≤ 2.5×), not timed."""

from __future__ import annotations

import hashlib
import io

import pytest
from opcount import opcodes, ratio

from checker.engine import budget
from checker.engine.loader import builtin_rules
from checker.engine.runner import FileResult, check_source
from checker.model.diagnostic import Diagnostic, Severity
from checker.model.source import Source
from checker.read import html as html_reader
from checker.read.formats import read_bytes
from checker.read.render import MAX_TABLE_CELLS
from checker.report import fingerprint, sarif

SPAN_BOMB = b"<table><tr><td rowspan=65534 colspan=1000>x</td></tr><tr><td>y</td></tr></table>"


def _grid_positions(source) -> int:
    return sum(len(row) for t in source.tables for row in t.grid())


def test_rowspan_colspan_bomb_is_bounded_by_the_rows_that_exist():
    source = read_bytes(SPAN_BOMB, "bomb.html")
    assert _grid_positions(source) <= 2 * 1001
    small = b"<table><tr><td rowspan=2 colspan=1000>x</td></tr><tr><td>y</td></tr></table>"
    assert ratio(lambda d: opcodes(read_bytes, d, "t.html"), small, SPAN_BOMB) < 1.5


def test_table_over_the_budget_is_read_as_paragraphs_with_one_note():
    data = b"<table>" + b"<tr><td colspan=1000>x</td><td>1</td></tr>" * 200 + b"</table>"
    source = read_bytes(data, "wide.html")
    assert source.tables == []
    notes = [n for n in source.notes if "表格过大" in n.detail]
    assert len(notes) == 1 and f"{MAX_TABLE_CELLS:,}" in notes[0].detail
    assert source.text.count("x\n") == 200


def test_wide_first_row_over_many_rows_is_caught_by_the_grid_area():
    # each cell is small, but the grid every rule would expand is rows × the widest row
    data = b"<table><tr><td colspan=1000>a</td></tr>" + b"<tr><td>1</td></tr>" * 100 + b"</table>"
    source = read_bytes(data, "tall.html")
    assert source.tables == [] and any("表格过大" in n.detail for n in source.notes)


def test_html_table_reading_scales_linearly():
    def table(rows: int) -> bytes:
        return b"<table>" + b"<tr><td rowspan=2>a</td><td colspan=3>1</td><td>2</td></tr><tr><td>3</td></tr>" \
            * rows + b"</table>"

    assert ratio(lambda n: opcodes(html_reader.read, table(n), "t.html"), 200, 400) < 2.5


def _docx(tag: str, value: str) -> bytes:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    d.add_paragraph("2024年政府信息公开工作年度报告")
    t = d.add_table(rows=2, cols=2)
    t.cell(1, 1).text = "5"
    parent = t.cell(0, 0)._tc.get_or_add_tcPr() if tag == "gridSpan" else t.rows[0]._tr.get_or_add_trPr()
    el = OxmlElement(f"w:{tag}")
    el.set(qn("w:val"), value)
    parent.append(el)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("tag,value", [("gridSpan", "999999999"), ("gridSpan", "abc"), ("gridSpan", "-3"),
                                       ("gridBefore", "x"), ("gridBefore", "99999")])
def test_docx_grid_counts_are_bounded_and_non_numbers_read_as_defaults(tag, value):
    source = read_bytes(_docx(tag, value), "r.docx")
    assert len(source.tables) == 1 and _grid_positions(source) <= 4
    assert [n for n in source.notes if tag in n.detail and "无效" in n.detail]


def _long_line_result(n: int) -> FileResult:
    """n findings spread along one line of 100·n characters (with some astral characters)."""
    text = ("本机关收到申请件数为三十件𠀀" * (7 * n)) + "\n"
    source = Source(path="long.txt", text=text)
    diags = []
    for i in range(n):
        start = i * 100
        d = Diagnostic("GL221", "x", Severity.ERROR, "信息", "long.txt", start, start + 5)
        d.line, d.column = source.line_col(start)
        d.end_line, d.end_column = source.line_col(start + 5)
        diags.append(d)
    return FileResult("long.txt", diags, source)


def test_sarif_scales_linearly_in_findings_times_line_length():
    def work(n: int) -> int:
        result = _long_line_result(n)
        return opcodes(sarif.sarif_log, [result], [])

    assert ratio(work, 100, 200) < 2.5


def test_fingerprints_hash_each_line_once(monkeypatch):
    hashed = 0
    real = hashlib.sha256

    def counting(data=b""):
        nonlocal hashed
        hashed += len(data)
        return real(data)

    monkeypatch.setattr(fingerprint.hashlib, "sha256", counting)

    def work(n: int) -> int:
        nonlocal hashed
        hashed = 0
        fingerprint.fingerprints(_long_line_result(n))
        return hashed

    assert ratio(work, 100, 200) < 2.5


def test_sarif_columns_count_utf16_units():
    source = Source(path="a.txt", text="a𠀀b\n𠀀x\n")
    cols = sarif._Columns(source)
    assert [cols.col(i) for i in (0, 1, 2, 3, 4, 5)] == [1, 2, 4, 5, 1, 3]


def _flooding_rule(n: int):
    """A rule that reports every one of the first ``n`` characters (no aggregate: reported one by one)."""
    import types

    base = next(r for r in builtin_rules() if not getattr(r, "aggregate", None))

    def check(doc, rule):
        for i in range(n):
            yield Diagnostic("ZZ998", "flood", Severity.WARNING, "x", doc.source.path, i, i + 1)

    return base.replace(_module=types.SimpleNamespace(check=check), code="ZZ998", generations=())


def test_findings_per_rule_are_capped_with_one_finding_naming_the_limit():
    n = budget.MAX_PER_RULE + 50
    diags = check_source(Source(path="t.txt", text="一" * n + "\n"), [_flooding_rule(n)]).diagnostics
    assert len(diags) == budget.MAX_PER_RULE + 1
    notes = [d for d in diags if "上限" in d.message]
    assert len(notes) == 1 and notes[0].severity == Severity.INFO and "50" in notes[0].message
    assert notes[0].start == budget.MAX_PER_RULE          # at the first finding left out


def _template_with(cell_text: str | None = None, prose: str = "") -> str:
    from checker.tables.skeleton import skeleton

    text = skeleton(2024, "某某市某某局", "pipe")
    if cell_text is not None:
        lines = text.splitlines()
        text = "\n".join(line.replace("0", cell_text, 1) if "|" in line else line for line in lines)
    return text + prose


@pytest.mark.parametrize("case", ["nines", "digits", "percent", "percent-short"])
def test_huge_numbers_never_cause_an_internal_error(case, tmp_path):
    text = {"nines": lambda: _template_with("9" * 400),
            "digits": lambda: _template_with("1" * 5000),
            "percent": lambda: _template_with(prose="\n本年收到申请" + "9" * 4400 + "件，其中办结" + "8" * 400 + "件，占99.5%。\n"),
            "percent-short": lambda: _template_with(prose="\n本年收到申请" + "9" * 400 + "件，其中办结29件，占96.7%。\n"),
            }[case]()
    from checker.engine.parallel import RunSpec, check_one

    path = tmp_path / "r.txt"
    path.write_text(text, encoding="utf-8")
    result = check_one(str(path), list(builtin_rules()), RunSpec())
    assert result.error is None, result.error
