"""Hostile and unlucky inputs of issue 19 that need large files: time and peak memory of one
``govlint check`` each, in its own process, from this checkout.

Usage:  python bench/hostile.py [--only NAME,…] [--timeout 300]

Each case prints wall seconds, peak RSS (MB), exit code and the last stderr line. Budgets (checked,
printed as ok/OVER): every case ends with exit code 0, 1 or 2 (never a traceback), within the
timeout, under 400 MB. Cases: span and grid bombs (HTML, Word), a 100,000-character line with 8,000
findings as SARIF, a run-on sentence of prose arithmetic (80,000 and 1,000,000 characters),
a 240,000-character line with 1,000 findings in every report format, 1,000,000 characters of traditional script (short and long lines), huge numbers.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_RSS_MB = 400
REPORT_FORMATS = ("text", "concise", "json", "sarif", "github", "gitlab", "junit", "html", "csv")
TRAD = str.maketrans("国务院办公厅关于开展政府信息公开报告总体情况主动申请处理结果复议诉讼问题改进项",
                     "國務院辦公廳關於開展政府信息公開報告總體情況主動申請處理結果複議訴訟問題改進項")


def _template() -> str:
    sys.path.insert(0, str(ROOT))
    from checker.tables.skeleton import skeleton

    return skeleton(2024, "某某市某某局", "pipe")


def _docx(value: str) -> bytes:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    d.add_paragraph("2024年政府信息公开工作年度报告")
    t = d.add_table(rows=2, cols=2)
    el = OxmlElement("w:gridSpan")
    el.set(qn("w:val"), value)
    t.cell(0, 0)._tc.get_or_add_tcPr().append(el)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def cases() -> dict[str, tuple[str, bytes, list[str]]]:
    t = _template()
    trad_line = "本機關堅持以習近平新時代中國特色社會主義思想為指導，認真貫徹落實黨中央、國務院關於政務公開工作的決策部署。"
    head = t.translate(TRAD)
    short = head + (trad_line + "\n") * ((990_000 - len(head)) // (len(trad_line) + 1))
    body = trad_line * ((990_000 - len(head)) // len(trad_line))
    # the worst case for memory: nearly every character converted, each a recorded edit of the GL401 fix
    every_line = "國務院辦公廳關於開展政府資訊公開報告總體情況與機關處理結果複議訴訟問題改進專項國務院辦公廳關於開展" + "。\n"
    every = head + every_line * ((990_000 - len(head)) // len(every_line))
    long_lines = head + "\n".join(body[i:i + 100_000] for i in range(0, len(body), 100_000)) + "\n"
    # 240,000 characters on one line, a lost character (?) every 8: 30,000 findings, 1,000 kept
    long_line = (t + "\n" + "本机关?收到申请" * 30_000 + "\n").encode()
    rows = "\n".join(line.replace("0", "9" * 400, 1) if "|" in line else line for line in t.splitlines())
    return {
        "html-span-bomb": (".html", b"<table><tr><td rowspan=65534 colspan=1000>x</td></tr><tr><td>y</td></tr></table>", []),
        "html-20k-wide-rows": (".html", b"<table>" + b"<tr><td colspan=1000>x</td></tr>" * 20_000 + b"</table>", []),
        "docx-gridspan": (".docx", _docx("999999999"), []),
        "sarif-long-line": (".txt", (t + "\n" + "本机关,收到申请30件;" * 8_000 + "\n").encode(), ["--format", "sarif"]),
        **{f"{fmt}-240k-line-1000-findings": (".txt", long_line, ["--format", fmt]) for fmt in REPORT_FORMATS},
        "traditional-1m-short-lines": (".txt", short.encode(), []),
        "traditional-1m-long-lines": (".txt", long_lines.encode(), []),
        "traditional-1m-every-character": (".txt", every.encode(), []),
        "prose-run-on-80k": (".txt", (t + "\n" + "本年收到申请30件，其中办结29件，占96.7%，" * 3_200 + "\n").encode(), []),
        "prose-run-on-1m": (".txt", (t + "\n" + "本年收到申请30件，其中办结29件，占96.7%，" * 38_000 + "\n").encode(), []),
        "cells-400-nines": (".txt", rows.encode(), []),
        "count-4400-digits-with-percent": (".txt", (t + "\n本年收到申请" + "9" * 4_400 + "件，其中办结"
                                                    + "8" * 400 + "件，占99.5%。\n").encode(), []),
    }


# The run's own peak: VmHWM of its address space. ru_maxrss would not do: Linux carries it over fork and
# exec, so every child would report at least this bench's own size (the cases it holds in memory).
PROBE = """
import os, sys
from checker.cli.main import main
try:
    code = main(sys.argv[1:])
finally:
    hwm = next(line for line in open("/proc/self/status") if line.startswith("VmHWM"))
    with open(os.environ["GOVLINT_BENCH_PEAK"], "w") as f:
        f.write(hwm.split()[1])
sys.stdout.flush()
os._exit(code)
"""


def run_case(path: Path, extra: list[str], timeout: float) -> tuple[float, float, int | str, str]:
    """Wall seconds, peak RSS in MB, exit code, last stderr line of one ``govlint check``."""
    with tempfile.TemporaryDirectory() as tmp:
        peak_file = Path(tmp) / "peak"
        start = time.perf_counter()
        try:
            p = subprocess.run([sys.executable, "-c", PROBE, "check", "--isolated", str(path), *extra], cwd=ROOT,
                               env=dict(os.environ, PYTHONPATH=str(ROOT), GOVLINT_BENCH_PEAK=str(peak_file)),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=timeout)
            code, err = p.returncode, (p.stderr.strip().splitlines() or [""])[-1]
        except subprocess.TimeoutExpired:
            code, err = "timeout", ""
        wall = time.perf_counter() - start
        peak = int(peak_file.read_text()) / 1024 if peak_file.exists() else float("nan")
    return wall, peak, code, err


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="")
    ap.add_argument("--timeout", type=float, default=300)
    a = ap.parse_args()
    wanted = set(filter(None, a.only.split(",")))
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for name, (suffix, data, extra) in cases().items():
            if wanted and name not in wanted:
                continue
            path = Path(tmp) / f"{name}{suffix}"
            path.write_bytes(data)
            wall, peak, code, err = run_case(path, extra, a.timeout)
            ok = code in (0, 1, 2) and "Traceback" not in err and peak <= MAX_RSS_MB
            bad += not ok
            print(f"{name:32s} {len(data) / 1024:8.0f} KB {wall:7.2f} s {peak:6.0f} MB  exit {code}  "
                  f"{'ok' if ok else 'OVER'}  {err[:80]}", flush=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
