"""Cross-report checks (GL231): three consecutive years of one body checked in one run, as .txt and
.docx, with and without a planted carry-over error; the comparison runs the same on -j workers."""

from __future__ import annotations

import copy
import json

import pytest

import report_fixture as rf
from conftest import run_cli

YEARS = (2021, 2022, 2023)


def _carried_out(data: dict) -> list[int]:
    closed = [data["予以公开"], data["部分公开"]] + [v for key, _ in rf._T3_GROUPS for v in data[key]]
    return [a + b - sum(col) for a, b, col in zip(data["新收"], data["结转"], zip(*closed))]


def _reports(plant: int | None = None, agencies=("某某市某某区人民政府",) * 3) -> list[rf.Report]:
    """One report per year; year ``YEARS[plant]`` says it carried in one application more than the
    year before carried out."""
    out, data = [], copy.deepcopy(rf._T3)
    for n, (year, agency) in enumerate(zip(YEARS, agencies)):
        if n:
            data = copy.deepcopy(data)
            data["结转"] = _carried_out(prev)
        if n == plant:
            data["结转"][0] += 1
            data["新收"][0] -= 1         # the year itself still balances: only the carry-over is wrong
        report = rf.complete_report()
        blocks = [b.replace("2023", str(year)).replace("某某市某某区人民政府", agency) if isinstance(b, str) else b
                  for b in report.blocks]
        blocks[blocks.index(next(b for b in blocks if isinstance(b, rf.Table) and "申请人情况" in str(b.rows[0])))] = \
            rf._table3(data)
        out.append(rf.Report(blocks))
        prev = data
    return out


def _write(reports, tmp_path, fmt: str) -> list[str]:
    paths = []
    for year, report in zip(YEARS, reports):
        p = tmp_path / f"report{year}.{fmt}"
        (rf.write_txt if fmt == "txt" else rf.write_docx)(report, p)
        paths.append(str(p))
    return paths


def _findings(paths, *extra):
    r = run_cli("check", "--isolated", "--select", "GL231", "--format", "json", *extra, *paths)
    files = json.loads(r.stdout)["files"]
    return [(f["path"], d) for f in files for d in f["diagnostics"]]


@pytest.mark.parametrize("fmt", ["txt", "docx"])
def test_consistent_years_give_no_finding(tmp_path, fmt):
    assert _findings(_write(_reports(), tmp_path, fmt)) == []


@pytest.mark.parametrize("fmt", ["txt", "docx"])
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_planted_carry_over_error_names_both_files_and_cells(tmp_path, fmt, jobs):
    paths = _write(_reports(plant=2), tmp_path, fmt)
    found = _findings(paths, "-j", jobs)
    assert [(p, d["code"], d["severity"]) for p, d in found] == [(paths[2], "GL231", "error")] * 2
    first = found[0][1]["message"]
    assert first.startswith("上年结转应等于上一年度报告的结转下年度继续办理：2023年表三“二·自然人”为 9，"
                            f"2022年报告（{paths[1]}，")
    assert first.endswith("表三“四·自然人”为 8，9 ≠ 8（差 1）")
    assert "二·总计" in found[1][1]["message"]


def test_other_bodies_and_gap_years_are_not_compared(tmp_path):
    reports = _reports(plant=2, agencies=("某某市某某区人民政府", "某某市另一区人民政府", "某某市某某区人民政府"))
    assert _findings(_write(reports, tmp_path, "txt")) == []
    paths = _write(_reports(plant=2), tmp_path, "txt")
    assert _findings([paths[0], paths[2]]) == []
