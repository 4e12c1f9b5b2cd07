"""``--format xlsx -o FILE``: the batch overview and every finding as an Excel workbook.

Sheet “总览”: one row per report (the csv columns). Sheet “问题”: one row per finding. xlsxwriter, not
openpyxl: it only writes, and imports in a fifth of the time (bench/html_report.py measures both);
it is imported only when this format is asked for. ``constant_memory`` streams rows to the file, so the
workbook costs the same memory for ten reports or ten thousand.
"""

from __future__ import annotations

from .families import TITLES, family
from .overview import SEVERITY_LABEL, OverviewRow, columns, flat_row

BINARY = True       # written to a file named with -o, never to standard output

FINDING_COLUMNS = ["文件", "发布机关", "报告年度", "代码", "规则", "级别", "类别", "行", "列", "位置", "问题", "可修复"]


def write(results, path: str, options) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(path, {"constant_memory": True, "strings_to_formulas": False,
                                    "strings_to_urls": False})
    try:
        head = wb.add_format({"bold": True, "bg_color": "#F0F0F0", "border": 1})
        overview = wb.add_worksheet("总览")
        findings = wb.add_worksheet("问题")
        overview.write_row(0, 0, columns(), head)
        findings.write_row(0, 0, FINDING_COLUMNS, head)
        overview.freeze_panes(1, 1)
        findings.freeze_panes(1, 1)
        overview.set_column(0, 0, 40)
        overview.set_column(1, 1, 28)
        findings.set_column(0, 0, 40)
        findings.set_column(10, 10, 80)
        n = 1
        for i, r in enumerate(results, start=1):
            overview.write_row(i, 0, flat_row(OverviewRow(r)))
            for d in r.diagnostics:
                findings.write_row(n, 0, _finding(r, d))
                n += 1
        overview.autofilter(0, 0, len(results), len(columns()) - 1)
        findings.autofilter(0, 0, max(n - 1, 1), len(FINDING_COLUMNS) - 1)
    finally:
        wb.close()


def _finding(r, d) -> list:
    return [r.path, r.facts.get("agency") or "", r.facts.get("year") or "", d.code, d.name,
            SEVERITY_LABEL[d.severity], TITLES[family(d.code)], d.line, d.column, d.location or "", d.message,
            ("安全" if d.fix.safe else "不安全") if d.fix else ""]
