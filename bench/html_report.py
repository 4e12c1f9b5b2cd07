"""Cost of the reviewers' batch formats on 300 mixed-format reports (.md, .html, .docx, .txt).

Usage: python bench/html_report.py [--work DIR] [--reports 300] [--python PYTHON]

Prints, for the same batch and -j 2: the run with --format json (the baseline), --format html, csv and xlsx —
wall time, peak RSS of the govlint process and the size of what was written — and the import cost of the two
xlsx writers govlint could use (why it uses xlsxwriter).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402


def timed(cmd: list[str], cwd: Path) -> tuple[float, int, int]:
    """(wall seconds, exit code, peak RSS in KB) of one child process."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    return time.perf_counter() - t, os.waitstatus_to_exitcode(status), usage.ru_maxrss


def import_ms(python: str, module: str, runs: int = 5) -> float | None:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    times = []
    for _ in range(runs):
        p = subprocess.run([python, "-c", code], capture_output=True, text=True)
        if p.returncode:
            return None
        times.append(float(p.stdout))
    return statistics.median(times) * 1000


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, default=None, help="folder for the generated reports (default: temporary)")
    ap.add_argument("--reports", type=int, default=300)
    ap.add_argument("--python", default=sys.executable)
    a = ap.parse_args()
    work = a.work or Path(tempfile.mkdtemp(prefix="govlint-html-bench-"))
    folder = work / "mixed"
    if not folder.is_dir() or len(list(folder.iterdir())) != a.reports:
        simp, trad = corpus.simplified_seeds()
        corpus.build_mixed(folder, a.reports, random.Random(7), simp, trad)
    base = [a.python, "-m", "checker", "check", str(folder), "--isolated", "-j", "2"]
    env_root = ROOT      # run this checkout's govlint
    print(f"{a.reports} mixed-format reports in {folder}, -j 2\n")
    print(f"| format | wall time | peak RSS | output size |\n|---|---|---|---|")
    for fmt in ("json", "html", "csv", "xlsx"):
        out = work / f"report.{fmt}"
        wall, code, rss = timed([*base, "--format", fmt, "-o", str(out)], env_root)
        if code not in (0, 1):
            print(f"| {fmt} | failed (exit {code}) | | |")
            continue
        print(f"| {fmt} | {wall:.2f} s | {rss / 1024:.0f} MB | {out.stat().st_size / 1024:.0f} KB |")
    print("\n| xlsx writer | import time |\n|---|---|")
    for module in ("xlsxwriter", "openpyxl"):
        ms = import_ms(a.python, module)
        print(f"| {module} | {'not installed' if ms is None else f'{ms:.0f} ms'} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
