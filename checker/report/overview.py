"""One summary row per checked report — the overview of the batch formats (html, csv, xlsx).

Rows are built from a result as soon as it is known and keep only counts and names, so a reporter can
drop the result (its text and findings) once its own part of the output is written.
"""

from __future__ import annotations

from ..model.diagnostic import Severity
from .families import FAMILIES, family

# status id → Chinese label, worst first
STATUSES: tuple[tuple[str, str], ...] = (
    ("unreadable", "无法检查"),
    ("error", "有错误"),
    ("warning", "有警告"),
    ("ok", "通过"),
)
STATUS_LABEL = dict(STATUSES)
SEVERITY_LABEL = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}


class OverviewRow:
    __slots__ = ("path", "agency", "year", "template", "status", "errors", "warnings", "infos", "by_family")

    def __init__(self, result) -> None:
        self.path = result.path
        self.agency = result.facts.get("agency") or ""
        self.year = result.facts.get("year")
        self.template = (result.template or {}).get("name", "")
        # family → [errors, warnings]
        self.by_family: dict[str, list[int]] = {f: [0, 0] for f, _ in FAMILIES}
        counts = {Severity.ERROR: 0, Severity.WARNING: 0, Severity.INFO: 0}
        for d in result.diagnostics:
            counts[d.severity] += 1
            if d.severity >= Severity.WARNING:
                self.by_family[family(d.code)][0 if d.severity == Severity.ERROR else 1] += 1
        self.errors, self.warnings, self.infos = counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO]
        self.status = ("unreadable" if result.error else "error" if self.errors
                       else "warning" if self.warnings else "ok")

    @property
    def status_label(self) -> str:
        return STATUS_LABEL[self.status]


def columns() -> list[str]:
    """Headers of the flat (csv/xlsx) overview, in the order of ``flat_row``."""
    heads = ["文件", "发布机关", "报告年度", "模板", "状态", "错误", "警告", "提示"]
    for _, title in FAMILIES:
        heads += [f"{title}·错误", f"{title}·警告"]
    return heads


def flat_row(row: OverviewRow) -> list:
    values = [row.path, row.agency, row.year if row.year is not None else "", row.template, row.status_label,
              row.errors, row.warnings, row.infos]
    for fam, _ in FAMILIES:
        values += row.by_family[fam]
    return values
