"""Counts shared by every reporter's closing line."""

from __future__ import annotations

from collections import Counter

from ..model.diagnostic import Severity


def severity_counts(results) -> Counter:
    c: Counter = Counter()
    for r in results:
        for d in r.diagnostics:
            c[d.severity] += 1
    return c


def summary_line(results, elapsed: float | None = None) -> str:
    c = severity_counts(results)
    errors = sum(1 for r in results if r.error)
    parts = [f"{len(results)} 个文件", f"错误 {c[Severity.ERROR]}", f"警告 {c[Severity.WARNING]}",
             f"提示 {c[Severity.INFO]}"]
    fixable = sum(1 for r in results for d in r.diagnostics if d.fix)
    if fixable:
        parts.append(f"可修复 {fixable}（--fix）")
    if errors:
        parts.append(f"无法检查 {errors}")
    if elapsed is not None:
        parts.append(f"用时 {elapsed:.2f}s")
    return "，".join(parts)
