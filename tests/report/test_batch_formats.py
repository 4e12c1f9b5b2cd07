"""--format html / csv / xlsx: the batch overview for reviewers, and agency and year in machine formats."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import re
import zipfile

import pytest

from batch_fixtures import AGENCY, INJECTED, make_batch
from conftest import run_cli


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    return make_batch(tmp_path_factory.mktemp("batch"))


def _check(files, *args):
    return run_cli("check", *map(str, files), "--isolated", "-j", "1", *args)


def test_csv_one_row_per_report_with_bom(batch):
    out = _check(batch.values(), "--format", "csv")
    assert out.returncode == 2      # the .doc is unreadable; the others are still reported
    text = out.stdout.decode("utf-8")
    assert text.startswith("\ufeff文件,发布机关,报告年度,模板,状态")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert len(rows) == 1 + len(batch)
    by_path = {r[0]: r for r in rows[1:]}
    clean = by_path[str(batch["clean"])]
    assert clean[1:5] == [AGENCY, "2024", "2021 年版格式", "通过"] and clean[5:8] == ["0", "0", "0"]
    wrong = by_path[str(batch["wrong"])]
    assert wrong[4] == "有错误" and int(wrong[5]) >= 2
    heads = rows[0]
    assert int(wrong[heads.index("数字·错误")]) == int(wrong[5])     # every error is arithmetic
    assert by_path[str(batch["unreadable"])][4] == "无法检查"


def test_csv_neutralises_formulas():
    from checker.report.csv_format import _cell

    assert _cell("=HYPERLINK(\"http://x\")") == "'=HYPERLINK(\"http://x\")"
    assert _cell("-1") == "'-1" and _cell("某某区") == "某某区" and _cell(3) == 3


def test_xlsx_needs_an_output_file(batch):
    out = _check([batch["clean"]], "--format", "xlsx")
    assert out.returncode == 2 and "-o" in out.stderr.decode()


def test_xlsx_overview_and_findings_sheets(batch, tmp_path):
    target = tmp_path / "检查结果.xlsx"
    out = _check(batch.values(), "--format", "xlsx", "-o", target)
    assert out.returncode == 2, out.stderr.decode()
    with zipfile.ZipFile(target) as z:
        names = z.namelist()
        book = z.read("xl/workbook.xml").decode()
        sheet1 = z.read("xl/worksheets/sheet1.xml").decode()
        sheet2 = z.read("xl/worksheets/sheet2.xml").decode()
        strings = z.read("xl/sharedStrings.xml").decode() if "xl/sharedStrings.xml" in names else ""
    assert 'name="总览"' in book and 'name="问题"' in book
    assert len(re.findall(r"<row ", sheet1)) == 1 + len(batch)
    findings = json.loads(_check(batch.values(), "--format", "json").stdout)
    n = sum(len(f["diagnostics"]) for f in findings["files"])
    assert n > 0 and len(re.findall(r"<row ", sheet2)) == 1 + n
    assert "GL211" in sheet2 + strings and AGENCY in sheet1 + strings


def test_machine_formats_carry_agency_and_year(batch):
    files = [batch["clean"], batch["wrong"]]
    doc = json.loads(_check(files, "--format", "json").stdout)
    assert [(f["agency"], f["year"]) for f in doc["files"]] == [(AGENCY, 2024), ("某某县人民政府", 2023)]
    lines = [json.loads(x) for x in _check(files, "--format", "json-lines").stdout.decode().splitlines()]
    assert lines and all(x["agency"] == "某某县人民政府" and x["year"] == 2023 for x in lines)
    sarif = json.loads(_check(files, "--format", "sarif").stdout)
    props = [a["properties"] for a in sarif["runs"][0]["artifacts"]]
    assert [(p["agency"], p["reportYear"]) for p in props] == [(AGENCY, 2024), ("某某县人民政府", 2023)]


def test_html_is_self_contained_and_escapes_report_text(batch):
    page = _check(batch.values(), "--format", "html").stdout.decode("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert INJECTED not in page and "&lt;script&gt;document.title" in page
    assert "</b>" not in page and "&lt;/b&gt;" in page       # the agency name of the title, as text
    assert "onerror=" not in page.replace("onerror=&quot;", "")     # only escaped, inside text
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    assert len(scripts) == 1                                          # the page's own, nothing else
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert f"script-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp
    assert not re.search(r"(?:src|href)=\"(?:https?:)?//", page)      # nothing loaded from the network
    assert len(re.findall(r'<tr data-status="', page)) == len(batch)


def test_html_marks_the_cells_of_a_failing_relation(batch):
    page = _check([batch["wrong"]], "--format", "html").stdout.decode("utf-8")
    rows = re.findall(r"<tr><th>一、本年新收政府信息公开申请数量</th>(.*?)</tr>", page)
    assert len(rows) == 1
    cells = re.findall(r'<td class="([^"]*)"[^>]*>([^<]*)</td>', rows[0])
    assert [c for c, text in cells if "bad" in c.split()] and all(
        "bad" in c.split() for c, text in cells if text == "5")
    assert '<ul class="eqs">' in page and "GL211" in page


def test_html_clean_batch_has_no_marks(batch):
    page = _check([batch["clean"]], "--format", "html").stdout.decode("utf-8")
    assert 'class="n bad"' not in page and "未发现问题" in page
