"""One line per finding: ``path:line:col: CODE [级别] message`` (ruff's concise format; the severity
in Chinese, as in every format people read)."""

from __future__ import annotations

from .streamed import SummaryStream, render_all
from .vocab import ZH


class Stream(SummaryStream):
    """Writes each result's lines as soon as it is given (streamed runs), then the closing line."""

    def file(self, r) -> None:
        if r.error:
            self.out.write(f"{r.path}: 错误：{r.error}\n")
            return
        for d in r.diagnostics:
            where = f"（{d.location}）" if d.location else ""      # docx paragraph, pdf page, html source line
            self.out.write(f"{d.path}:{d.line}:{d.column}{where}: {d.code} [{ZH[d.severity]}] {d.message}\n")


def render(results, out, options) -> None:
    render_all(Stream(out, options), results)
