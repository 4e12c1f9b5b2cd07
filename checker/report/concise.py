"""One line per finding: ``path:line:col: CODE [级别] message`` (ruff's concise format; the severity
in Chinese, as in every format people read)."""

from __future__ import annotations

from .summary import Tally, summary_line
from .vocab import ZH


class Stream:
    """Writes each result's lines as soon as it is given (streamed runs), then the closing line."""

    def __init__(self, out, options) -> None:
        self.out, self.options = out, options

    def file(self, r) -> None:
        if r.error:
            self.out.write(f"{r.path}: 错误：{r.error}\n")
            return
        for d in r.diagnostics:
            where = f"（{d.location}）" if d.location else ""      # docx paragraph, pdf page, html source line
            self.out.write(f"{d.path}:{d.line}:{d.column}{where}: {d.code} [{ZH[d.severity]}] {d.message}\n")

    def end(self, tally: Tally) -> None:
        if not self.options.get("quiet"):
            self.out.write(summary_line(tally, self.options.get("elapsed")) + "\n")


def render(results, out, options) -> None:
    s = Stream(out, options)
    for r in results:
        s.file(r)
    s.end(Tally.of(results))
