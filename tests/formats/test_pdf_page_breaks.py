"""Complete PDF reports whose table 三 crosses a page break the ways word processors print it (split at
different rows, outer border drifting, border left open, header repeated, a group label or a whole row
cut in two, group labels set vertically, header cells wrapped mid-word, body lines in invisible boxes):
the correct report gives no finding at all, the table reads exactly as drawn, and a planted wrong
cell gives the findings about that cell and nothing else."""

from __future__ import annotations

import copy
from collections import Counter
from pathlib import Path

import pytest

import report_fixture
from pdf_pages import Layout, write_split_pdf
from report_fixture import Table

pytest.importorskip("reportlab")

LAYOUTS = {
    "wps-drift-open-border": Layout(split_row=12, drift=(-3, 3), open_border=True, layout_boxes=True),
    "header-repeated": Layout(split_row=17, repeat_header=True),
    "border-drifts-inwards": Layout(split_row=9, drift=(2, -2)),
    "group-label-cut": Layout(split_row=16, drift=(-3, 3), open_border=True, layout_boxes=True),
    "row-cut-in-two": Layout(split_row=22, cut_row=True, drift=(-3, 3), open_border=True),
    "totals-on-next-page": Layout(split_row=26, drift=(3, -3), vertical=False),
    # above the break every label spans the three label columns: the continuation shows lines the first part hid
    "label-columns-hidden-above": Layout(split_row=5, drift=(-3, 3), open_border=True),
}


def _findings(path: Path) -> list:
    from checker.engine.loader import builtin_rules
    from checker.engine.runner import check_path

    result = check_path(str(path), list(builtin_rules()))
    assert result.error is None, result.error
    return result.diagnostics


def _tables(report) -> list[Table]:
    return [b for b in report.blocks if isinstance(b, Table)]


def _replace_table(report, index: int, table: Table):
    report = copy.deepcopy(report)
    old = _tables(report)[index]
    report.blocks[report.blocks.index(old)] = table
    return report


def _set_cell(table: Table, label: str, col: int, value) -> Table:
    """A copy of ``table`` with the ``col``-th cell after the cell ``label`` set to ``value``."""
    table = copy.deepcopy(table)
    for row in table.rows:
        texts = [t for t, _, _ in row]
        if label in texts:
            i = texts.index(label) + 1 + col
            row[i] = (str(value), row[i][1], row[i][2])
            return table
    raise AssertionError(label)


def _write(tmp_path_factory, name: str, report, layout: Layout) -> Path:
    return write_split_pdf(report, tmp_path_factory.mktemp("pdfbreak") / f"{name}.pdf", layout)


@pytest.fixture(scope="module")
def complete(tmp_path_factory) -> dict[str, Path]:
    report = report_fixture.complete_report()
    return {name: _write(tmp_path_factory, name, report, layout) for name, layout in LAYOUTS.items()}


@pytest.mark.parametrize("name", LAYOUTS)
def test_correct_report_across_a_page_break_has_no_finding(complete, name):
    assert [(d.code, d.message) for d in _findings(complete[name])] == []


@pytest.mark.parametrize("name", LAYOUTS)
def test_joined_table_reads_as_drawn(complete, name):
    from checker.read.formats import read_bytes

    source = read_bytes(complete[name].read_bytes(), str(complete[name]))
    drawn = [[(t, rs, cs) for t, rs, cs in row] for row in _tables(report_fixture.complete_report())[1].rows]
    got = [[(c.text, c.rowspan, c.colspan) for c in row] for row in source.tables[1].rows]
    assert got == drawn
    assert not source.notes


def test_planted_wrong_total_in_the_continuation_is_the_only_finding(tmp_path_factory):
    report = report_fixture.complete_report()
    t3 = _set_cell(_tables(report)[1], "2.重复申请", 6, 4)          # 总计 3 → 4
    path = _write(tmp_path_factory, "planted-t3", _replace_table(report, 1, t3), LAYOUTS["group-label-cut"])
    found = _findings(path)
    assert {d.code for d in found} == {"GL212", "GL213"}
    assert all("（五）2·总计" in d.message and d.severity.name == "ERROR" for d in found), [d.message for d in found]


def test_planted_wrong_review_total_is_the_only_finding(tmp_path_factory):
    report = report_fixture.complete_report()
    t4 = copy.deepcopy(_tables(report)[2])
    t4.rows[3][4] = ("3", 1, 1)                                     # 行政复议 总计 2 → 3
    path = _write(tmp_path_factory, "planted-t4", _replace_table(report, 2, t4), LAYOUTS["wps-drift-open-border"])
    found = _findings(path)
    assert [d.code for d in found] == ["GL214"]
    assert "行政复议" in found[0].message


def test_misspelt_row_label_is_one_warning_not_a_missing_row(tmp_path_factory):
    report = report_fixture.complete_report()
    t3 = copy.deepcopy(_tables(report)[1])
    for row in t3.rows:
        for i, (text, rs, cs) in enumerate(row):
            if text == "2.其他法律行政法规禁止公开":
                row[i] = ("2.其他法律行政止公开", rs, cs)
    path = _write(tmp_path_factory, "typo", _replace_table(report, 1, t3), LAYOUTS["row-cut-in-two"])
    found = _findings(path)
    assert [(d.code, d.severity.name) for d in found] == [("GL209", "WARNING")]
    assert "2.其他法律行政法规禁止公开" in found[0].message
    # both wordings travel with the finding: the terminal shows 应为 … 实为 …, the machine formats both fields
    assert (found[0].expected, found[0].found) == ("2.其他法律行政法规禁止公开", "2.其他法律行政止公开")


def _single_other_row(table: Table) -> Table:
    """Table 三 with （六）其他处理 kept as the single row of the 2019 trial format."""
    table = copy.deepcopy(table)
    rows, merged = [], None
    for row in table.rows:
        texts = [t for t, _, _ in row]
        if "（六）其他处理" in texts:
            merged = [int(t) for t, _, _ in row[-7:]]
            continue
        if merged is not None and texts and texts[0].startswith(("2.申请人逾期", "3.其他")):
            merged = [a + int(b) for a, (b, _, _) in zip(merged, row[-7:])]
            if texts[0].startswith("3.其他"):
                rows.append([("（六）其他处理", 1, 2)] + [(str(v), 1, 1) for v in merged])
                merged = None
            continue
        rows.append([(t, rs - 2 if t == "三、本年度办理结果" else rs, cs) for t, rs, cs in row])
    return Table(rows)


def test_2019_style_row_in_a_2023_report_is_one_finding_naming_it(tmp_path_factory):
    report = report_fixture.complete_report()
    t3 = _single_other_row(_tables(report)[1])
    path = _write(tmp_path_factory, "single-other", _replace_table(report, 1, t3), LAYOUTS["header-repeated"])
    found = _findings(path)
    assert [d.code for d in found] == ["GL206"]
    assert "（六）其他处理" in found[0].message and "（六）1" in found[0].message


def test_table_that_cannot_be_joined_is_said_once_and_not_taken_for_missing_rows(tmp_path_factory):
    layout = Layout(split_row=14, inner_shift=6)        # the continuation's column lines moved: not joinable
    path = _write(tmp_path_factory, "no-join", report_fixture.complete_report(), layout)
    found = Counter(d.code for d in _findings(path))
    assert found == Counter({"GL601": 1})


@pytest.mark.parametrize("repeat", [3, 5, 8])
def test_reportlab_split_tables_join(tmp_path_factory, repeat):
    """reportlab's own table splitting (table 二 cut at a row that depends on the text before it, table 三
    after its first five rows, whose labels span all three label columns) gives no finding either."""
    path = tmp_path_factory.mktemp("platypus") / f"repeat{repeat}.pdf"
    report_fixture.write_pdf(report_fixture.complete_report(), path, repeat=repeat)
    assert [(d.code, d.message) for d in _findings(path)] == []
