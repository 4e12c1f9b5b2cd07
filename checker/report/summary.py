"""Counts shared by every reporter's closing line."""

from __future__ import annotations

from collections import Counter

from ..model.diagnostic import Severity

# --fix rewrites plain text only; the other readers' text is not the file's bytes.
FIXABLE_FORMATS = ("text",)


class Tally:
    """What the closing line counts, added up one result at a time: a streamed run drops each result
    once written and keeps only this."""

    __slots__ = ("files", "unreadable", "severities", "safe", "unsafe", "refused")

    def __init__(self) -> None:
        self.files = self.unreadable = self.safe = self.unsafe = self.refused = 0
        self.severities: Counter = Counter()

    @classmethod
    def of(cls, results) -> Tally:
        t = cls()
        for r in results:
            t.add(r)
        return t

    def add(self, r) -> None:
        self.files += 1
        self.unreadable += bool(r.error)
        for d in r.diagnostics:
            self.severities[d.severity] += 1
        fixes = [d.fix for d in r.diagnostics if d.fix]
        if not fix_support(r):
            self.refused += len(fixes)
            return
        for f in fixes:
            self.safe += f.safe
            self.unsafe += not f.safe


def severity_counts(results) -> Counter:
    c: Counter = Counter()
    for r in results:
        for d in r.diagnostics:
            c[d.severity] += 1
    return c


def fix_support(r) -> bool:
    return r.source is not None and r.source.format in FIXABLE_FORMATS


def fix_counts(results) -> tuple[int, int, int]:
    """(safe fixes, unsafe-only fixes, fixes in files --fix cannot rewrite) — findings, as ruff counts."""
    t = results if isinstance(results, Tally) else Tally.of(results)
    return t.safe, t.unsafe, t.refused


def fix_sentence(results) -> str:
    """``N 处可用 --fix 修复（另有 M 处需 --unsafe-fixes）``, and once that .docx/.pdf/.html are not fixed."""
    safe, unsafe, refused = fix_counts(results)
    parts = []
    if safe:
        parts.append(f"{safe} 处可用 --fix 修复" + (f"（另有 {unsafe} 处需 --unsafe-fixes）" if unsafe else ""))
    elif unsafe:
        parts.append(f"{unsafe} 处需 --fix --unsafe-fixes 修复")
    if refused:
        parts.append(f".docx/.pdf/.html 文件不支持自动修复（{refused} 处未计入）")
    return "；".join(parts)


def summary_line(results, elapsed: float | None = None) -> str:
    """The closing line of ``results`` (or of a ``Tally`` of them)."""
    t = results if isinstance(results, Tally) else Tally.of(results)
    c, errors = t.severities, t.unreadable
    parts = [f"{t.files} 个文件", f"错误 {c[Severity.ERROR]}", f"警告 {c[Severity.WARNING]}",
             f"提示 {c[Severity.INFO]}"]
    if errors:
        parts.append(f"无法检查 {errors}")
    if elapsed is not None:
        parts.append(f"用时 {elapsed:.2f}s")
    fixes = fix_sentence(t)
    return "，".join(parts) + (f"。{fixes}。" if fixes else "")
