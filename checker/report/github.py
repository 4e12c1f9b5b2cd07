"""``--format github``: GitHub Actions workflow commands, shown as annotations on the changed files.

    ::error file=a.txt,line=3,col=1,endLine=3,endColumn=9,title=govlint GL102::GL102 [错误] message

The level is GitHub's key (error/warning/notice); the message people read names the severity in Chinese.

Escaping follows actions/toolkit (command.ts): data escapes %, CR, LF; property values also ':' and ','.
GitHub keeps at most 10 annotations of each level per step — every finding is still printed to the log,
and SARIF upload is the way to keep them all."""

from __future__ import annotations

from ..model.diagnostic import Severity
from .streamed import SummaryStream, render_all
from .vocab import ZH

LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props) -> str:
    body = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{level} {body}::{escape_data(message)}" if body else f"::{level}::{escape_data(message)}"


class Stream(SummaryStream):
    """Writes each result's commands as soon as it is given (streamed runs), then the closing line."""

    def file(self, r) -> None:
        if r.error:
            self.out.write(command("error", f"无法检查：{r.error}", file=r.path, title="govlint") + "\n")
            return
        for d in r.diagnostics:
            self.out.write(command(LEVEL[d.severity], f"{d.code} [{ZH[d.severity]}] {d.message}", file=d.path,
                                   line=d.line, col=d.column, endLine=d.end_line, endColumn=d.end_column,
                                   title=f"govlint {d.code} ({d.name})") + "\n")


def render(results, out, options) -> None:
    render_all(Stream(out, options), results)
