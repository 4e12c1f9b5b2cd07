"""govlint beside textlint on the same reports: throughput side by side, and the ratio.

Usage: python bench/textlint_compare.py [--work DIR] [--reports 2000] [--govlint CMD]

textlint runs with a Chinese rule set from npm (full/half-width brackets, unmatched pairs, zero-width
spaces, CJK/Latin spacing, sentence length) — what an office that uses textlint for Chinese prose would
install. Needs node and npm (the rules are installed once into WORK/textlint); without them it says so
and measures govlint alone. Both tools run one process each over the same folder of .txt reports
(bench/corpus.py), then govlint with -j 2.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import corpus  # noqa: E402

PACKAGES = ["textlint@15", "textlint-rule-zh-half-and-full-width-bracket", "@textlint-rule/textlint-rule-no-unmatched-pair",
            "textlint-rule-no-zero-width-spaces", "textlint-rule-ja-space-between-half-and-full-width",
            "textlint-rule-sentence-length"]
RULES = {"zh-half-and-full-width-bracket": True, "@textlint-rule/no-unmatched-pair": True,
         "no-zero-width-spaces": True, "ja-space-between-half-and-full-width": {"space": "never"},
         "sentence-length": {"max": 200}}


def install_textlint(work: Path) -> Path | None:
    if not (shutil.which("node") and shutil.which("npm")):
        return None
    home = work / "textlint"
    binary = home / "node_modules" / ".bin" / "textlint"
    if not binary.exists():
        home.mkdir(parents=True, exist_ok=True)
        (home / "package.json").write_text('{"private": true}')
        proc = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent", *PACKAGES], cwd=home,
                              capture_output=True, text=True)
        if proc.returncode or not binary.exists():
            print(f"npm install failed: {proc.stderr[-500:]}", file=sys.stderr)
            return None
    (home / ".textlintrc.json").write_text(json.dumps({"rules": RULES}))
    return binary


def rate(cmd: list[str], files: int, cwd: Path) -> float:
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    if proc.returncode not in (0, 1):         # both exit 1 when they find something
        raise SystemExit(f"{cmd[0]} failed (exit {proc.returncode}): {proc.stderr.decode(errors='replace')[-500:]}")
    return files / (time.perf_counter() - t)


def measure(work: Path, folder: Path, files: int) -> dict:
    """textlint's rate over ``folder`` (installed once into ``work``/textlint), or why it was not measured."""
    textlint = install_textlint(work)
    if textlint is None:
        return {"skipped": "node/npm not available here, or npm install failed"}
    home = textlint.parent.parent.parent
    cmd = [str(textlint), "--config", str(home / ".textlintrc.json"), "--format", "compact", str(folder)]
    return {"files": files, "rules": sorted(RULES), "reports_per_s": round(rate(cmd, files, home), 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--reports", type=int, default=2000)
    ap.add_argument("--govlint", default=f"{sys.executable} -m checker", help="command that runs govlint")
    a = ap.parse_args()
    work = a.work or Path(tempfile.mkdtemp(prefix="govlint-vs-textlint-"))
    folder = work / "txt"
    if not folder.is_dir() or len(list(folder.glob("*.txt"))) < a.reports:
        corpus.build(work, a.reports, 7, False)
    files = sorted(folder.glob("*.txt"))[: a.reports]
    n = len(files)
    govlint = a.govlint.split()
    g1 = rate([*govlint, "check", str(folder), "--isolated", "-j", "1", "--format", "concise", "-q"], n, ROOT)
    g2 = rate([*govlint, "check", str(folder), "--isolated", "-j", "2", "--format", "concise", "-q"], n, ROOT)
    print(f"{n} .txt reports\n\n| tool | reports/s |\n|---|---|")
    print(f"| govlint -j 1 | {g1:.0f} |\n| govlint -j 2 | {g2:.0f} |")
    t = measure(work, folder, n)
    if "reports_per_s" not in t:
        print(f"\ntextlint: {t['skipped']}; ratio not measured")
        return 0
    print(f"| textlint ({len(RULES)} Chinese-text rules, one process) | {t['reports_per_s']:.0f} |")
    print(f"\ngovlint / textlint: {g1 / t['reports_per_s']:.1f}× with -j 1, {g2 / t['reports_per_s']:.1f}× with -j 2")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
