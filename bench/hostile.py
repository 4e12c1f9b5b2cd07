"""Hostile and unlucky inputs of issue 19 that need large files: time and peak memory of one
``govlint check`` each, in its own process, from this checkout.

Usage:  python bench/hostile.py [--only NAME,…] [--timeout 300]

Each case prints wall seconds, peak RSS (MB), exit code and the last stderr line. Budgets (checked,
printed as ok/OVER): every case ends with exit code 0, 1 or 2 (never a traceback), within the
timeout, under 400 MB. Cases: span and grid bombs (HTML, Word), a 100,000-character line with 8,000
findings as SARIF, a 240,000-character line with 1,000 findings in every report format, 1,000,000 characters of traditional script (short and long lines), huge numbers.
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
        "cells-400-nines": (".txt", rows.encode(), []),
        "count-4400-digits-with-percent": (".txt", (t + "\n本年收到申请" + "9" * 4_400 + "件，其中办结"
                                                    + "8" * 400 + "件，占99.5%。\n").encode(), []),
    }


def run_case(path: Path, extra: list[str], timeout: float) -> tuple[float, float, int | str, str]:
    """Wall seconds, peak RSS in MB of this one run (os.wait4: the child's own, not the largest so far)."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err_file:
        p = subprocess.Popen([sys.executable, "-m", "checker", "check", "--isolated", str(path), *extra],
                             cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.DEVNULL,
                             stderr=err_file)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                p.kill()
                _, status, usage = os.wait4(p.pid, 0)
                break
            time.sleep(0.05)
        p.returncode = os.waitstatus_to_exitcode(status)
        err_file.seek(0)
        err = (err_file.read().decode(errors="replace").strip().splitlines() or [""])[-1]
    wall = time.perf_counter() - start
    code: int | str = "timeout" if wall > timeout else p.returncode
    return wall, usage.ru_maxrss / 1024, code, err


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
