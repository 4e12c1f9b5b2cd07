"""Complete .docx and .html reports whose table 三 leaves cells blank, as offices publish them: zeros
left empty, a result row without its 总计. Blank is not 0: the correct report gets the blank-cell
warnings and no error; a planted wrong total is still found, by the relations it really breaks."""

from __future__ import annotations

import copy

import pytest

import report_fixture as rf

pytest.importorskip("docx")

WRITERS = {"docx": rf.write_docx, "html": rf.write_html}


def _t3(report) -> rf.Table:
    return next(b for b in report.blocks if isinstance(b, rf.Table) and "申请人情况" in str(b.rows[0]))


def _blanked(report, blank_total_of: str | None = None):
    """``report`` with every 0 of table 三 left blank, and the 总计 of row ``blank_total_of`` too."""
    report = copy.deepcopy(report)
    table = _t3(report)
    for row in table.rows:
        texts = [t for t, _, _ in row]
        for i, (text, rs, cs) in enumerate(row):
            if text == "0" or (blank_total_of in texts and i == len(row) - 1):
                row[i] = ("", rs, cs)
    return report


def _with_wrong_new_total(report):
    report = copy.deepcopy(report)
    row = next(r for r in _t3(report).rows if r[0][0].startswith("一、本年新收"))
    row[-1] = ("57", 1, 1)                                    # 50 + 3 + 0 + 1 + 2 + 0 = 56
    return report


def _findings(path):
    from checker.engine.loader import builtin_rules
    from checker.engine.runner import check_path

    result = check_path(str(path), list(builtin_rules()))
    assert result.error is None, result.error
    return result.diagnostics


@pytest.mark.parametrize("fmt", WRITERS)
def test_correct_report_with_blank_cells_has_warnings_and_no_error(tmp_path, fmt):
    report = _blanked(rf.complete_report(), blank_total_of="（一）予以公开")
    diags = _findings(WRITERS[fmt](report, tmp_path / f"r.{fmt}"))
    assert [d.code for d in diags if d.severity.label == "error"] == []
    codes = [d.code for d in diags]
    assert codes.count("GL204") == 1 and codes.count("GL215") == 1     # blanks said once; the blank 总计 once


@pytest.mark.parametrize("fmt", WRITERS)
def test_planted_wrong_total_beside_blank_cells_is_found_and_nothing_else(tmp_path, fmt):
    report = _with_wrong_new_total(_blanked(rf.complete_report()))
    diags = _findings(WRITERS[fmt](report, tmp_path / f"r.{fmt}"))
    errors = [d for d in diags if d.severity.label == "error"]
    # the row's own sum is not judged (its blank 科研机构/其他 could hold the difference); the column
    # balance 一 + 二 = （七） + 四 and the prose's 新收56件 both break on the planted 57
    assert sorted(d.code for d in errors) == ["GL211", "GL221"]
    assert all("57" in d.message for d in errors)
