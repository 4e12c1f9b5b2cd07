"""40-page PDF benchmark (issue 5: checked in under 10 s on the 2-core machine).

Usage:  python bench/pdf40.py [--govlint CMD] [--runs 3] [--pages 40]

Generates a report PDF of at least ``--pages`` pages with tests/formats/report_fixture.py (reportlab,
the STSong-Light CID font; section 一 repeated until the page count is reached, the three statistics
tables as ruled tables with merged cells), then times ``govlint check FILE`` end to end — interpreter
start, pdfplumber import, extraction and all rules — and prints the median. Needs the ``test`` extra
(reportlab). ``main()`` returns the timings so bench/run.py can call it.
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "formats"))

import report_fixture  # noqa: E402


def make_pdf(path: Path, pages: int) -> int:
    """Write a report PDF of at least ``pages`` pages; returns the page count."""
    import pdfplumber

    repeat = max(1, pages * 3)          # ~3 paragraphs of section 一 fit on a page with the tables
    while True:
        report_fixture.write_pdf(report_fixture.complete_report(), path, repeat=repeat)
        with pdfplumber.open(path) as pdf:
            n = len(pdf.pages)
        if n >= pages:
            return n
        repeat = int(repeat * pages / max(n, 1)) + 1


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--govlint", default=f"{sys.executable} -m checker", help="command to run (default: this python -m checker)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pages", type=int, default=40)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "report40.pdf"
        pages = make_pdf(pdf, args.pages)
        cmd = shlex.split(args.govlint) + ["check", str(pdf), "--format", "concise", "-q"]
        times = []
        for _ in range(args.runs):
            t = time.perf_counter()
            r = subprocess.run(cmd, capture_output=True, cwd=ROOT)
            times.append(time.perf_counter() - t)
            if r.returncode not in (0, 1):
                raise SystemExit(f"govlint failed ({r.returncode}): {r.stderr.decode()}")
        result = {"pages": pages, "bytes": pdf.stat().st_size, "runs": times, "median_s": statistics.median(times),
                  "findings": len(r.stdout.decode().splitlines())}
    print(f"{pages}-page PDF ({result['bytes'] // 1024} KB): govlint check median {result['median_s']:.2f} s "
          f"over {args.runs} runs (target < 10 s); {result['findings']} findings")
    return result


if __name__ == "__main__":
    main()
