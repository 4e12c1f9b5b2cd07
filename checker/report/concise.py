"""One line per finding: ``path:line:col: CODE [级别] message`` (ruff's concise format; the severity
in Chinese, as in every format people read)."""

from __future__ import annotations

from .summary import summary_line
from .vocab import ZH


def render(results, out, options) -> None:
    for r in results:
        if r.error:
            out.write(f"{r.path}: 错误：{r.error}\n")
            continue
        for d in r.diagnostics:
            where = f"（{d.location}）" if d.location else ""      # docx paragraph, pdf page, html source line
            out.write(f"{d.path}:{d.line}:{d.column}{where}: {d.code} [{ZH[d.severity]}] {d.message}\n")
    if not options.get("quiet"):
        out.write(summary_line(results, options.get("elapsed")) + "\n")
