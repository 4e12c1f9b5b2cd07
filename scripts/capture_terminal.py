"""Capture what `govlint check seeds/` looks like on a terminal of 80 and 160 columns (issue 15).

The CLI runs with colour forced and COLUMNS set, as on a terminal of that width; rich replays its
ANSI output on a recording console of the same width and exports it: docs/terminal-80.txt and
docs/terminal-160.txt (text), docs/terminal-80.svg (colour, the seed 004 report only).

    python scripts/capture_terminal.py
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def run(columns: int, *paths: str) -> str:
    env = {**os.environ, "COLUMNS": str(columns), "FORCE_COLOR": "1", "PYTHONPATH": str(ROOT)}
    env.pop("NO_COLOR", None)
    proc = subprocess.run([sys.executable, "-m", "checker", "check", *paths, "--isolated", "-j", "1"],
                          cwd=ROOT, capture_output=True, env=env, check=False)
    return re.sub(r"用时 \d+\.\d+s", "用时 0.00s", proc.stdout.decode("utf-8"))


def recorded(ansi: str, columns: int):
    from rich.console import Console
    from rich.text import Text

    console = Console(record=True, width=columns, file=open(os.devnull, "w"), force_terminal=True)
    for line in ansi.splitlines():
        console.print(Text.from_ansi(line, no_wrap=True, overflow="ignore"), soft_wrap=True)
    return console


def main() -> None:
    for columns in (80, 160):
        console = recorded(run(columns, "seeds"), columns)
        text = console.export_text(styles=False)
        (DOCS / f"terminal-{columns}.txt").write_text(
            "\n".join(line.rstrip() for line in text.splitlines()) + "\n", encoding="utf-8")
    console = recorded(run(80, "seeds/004_43d8a4995bb3e670.txt"), 80)
    console.save_svg(str(DOCS / "terminal-80.svg"), title="govlint check seeds/004_43d8a4995bb3e670.txt（80 列）")
    print("wrote docs/terminal-80.txt, docs/terminal-160.txt, docs/terminal-80.svg")


if __name__ == "__main__":
    main()
