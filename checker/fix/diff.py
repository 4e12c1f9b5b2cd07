"""``--diff``: what ``--fix`` would change, as a unified diff (coloured through rich on a terminal)."""

from __future__ import annotations

import difflib


def unified(path: str, before: str, after: str) -> list[str]:
    a = before.splitlines(keepends=True)
    b = after.splitlines(keepends=True)
    out = []
    old, new = (path, path) if path.startswith("/") else (f"a/{path}", f"b/{path}")
    for line in difflib.unified_diff(a, b, fromfile=old, tofile=new):
        if line.endswith("\n"):
            out.append(line)
        else:                                   # last line without a newline, as diff(1) marks it
            out.append(line + "\n")
            out.append("\\ No newline at end of file\n")
    return out


def _style(line: str) -> str | None:
    if line.startswith(("---", "+++")):
        return "bold"
    if line.startswith("@@"):
        return "cyan"
    if line.startswith("+"):
        return "green"
    if line.startswith("-"):
        return "red"
    return None


def render(lines: list[str], out, color: bool) -> None:
    if not color:
        out.write("".join(lines))
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, force_terminal=True, highlight=False, soft_wrap=True)
    for line in lines:
        console.print(Text(line.rstrip("\r\n"), style=_style(line) or ""))
