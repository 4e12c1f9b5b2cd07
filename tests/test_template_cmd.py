"""`govlint template` prints a skeleton that `govlint check` accepts with zero findings."""

from __future__ import annotations

import pytest

from checker.tables.layouts import RENDERINGS
from conftest import run_cli

AGENCY = "广州市某某区人民政府"


@pytest.mark.parametrize("year,generation", [(2025, "2021 年版格式"), (2021, "2021 年版格式"), (2020, "2019 年试行格式")])
def test_skeleton_passes_check(tmp_path, year, generation):
    out = run_cli("template", "--year", str(year), "--agency", AGENCY)
    assert out.returncode == 0, out.stderr.decode()
    text = out.stdout.decode("utf-8")
    assert text.startswith(f"{AGENCY}{year}年政府信息公开工作年度报告\n")
    for heading in ("一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"):
        assert f"\n{heading}\n" in text
    report = tmp_path / "skeleton.txt"
    report.write_text(text, encoding="utf-8")
    check = run_cli("check", str(report), "--isolated", "--format", "concise", "--fail-on", "info")
    assert check.returncode == 0, check.stdout.decode() + check.stderr.decode()
    assert generation in run_cli("check", str(report), "--isolated").stdout.decode()


@pytest.mark.parametrize("year", [2020, 2024])
def test_every_table_row_and_column_is_zero_filled(year):
    from checker.model.document import Document
    from checker.model.source import Source
    from checker.tables.extract import document_tables

    text = run_cli("template", "--year", str(year), "--agency", AGENCY).stdout.decode("utf-8")
    tables = document_tables(Document(Source("s.txt", text)))
    assert sorted(tables) == ["t2", "t3", "t4"]
    for ft in tables.values():
        assert set(ft.cells) == set(ft.tdef.cells)
        assert all(c.value == 0 for c in ft.cells.values())


@pytest.mark.parametrize("layout", sorted(RENDERINGS))
def test_any_layout_skeleton_passes(tmp_path, layout):
    text = run_cli("template", "--year", "2023", "--agency", AGENCY, "--layout", layout).stdout
    report = tmp_path / "s.txt"
    report.write_bytes(text)
    check = run_cli("check", str(report), "--isolated", "--format", "concise", "--fail-on", "info")
    assert check.returncode == 0, check.stdout.decode()


def test_years_before_the_national_format_are_refused():
    out = run_cli("template", "--year", "2017", "--agency", AGENCY)
    assert out.returncode == 2 and "2019" in out.stderr.decode()
