"""govlint benchmark: single-report latency, PDF latency (bench/pdf40.py), corpus throughput (beside textlint
on the same files when node is present: bench/textlint_compare.py), memory on a 100 MB
input, and peak memory for 500, 2,000 and 20,000 reports (flat in the number of files: --memory runs only that part).

Usage:  pip install . && python bench/run.py [--govlint PATH] [--runs 21] [--reports 2000]

Measure the INSTALLED entry point: modules run from a source checkout are byte-compiled on every
run when PYTHONDONTWRITEBYTECODE is set (see ../shared/reference/library-performance.md §0).
Prints a table and writes bench/results/bench-<time>.json (and latest.json). Timings are wall
clock medians on whatever machine runs this; the targets are those of issue 7 (2-core machine).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402
import pdf40  # noqa: E402
import textlint_compare  # noqa: E402

TARGETS = {
    "single_ms": 60.0,            # one 10 KB report, whole process, median
    "single_ratio": 9.0,          # … as a multiple of `python -c pass` in the same run
    "rate_j1": 500.0,             # .txt corpus, reports/s
    "rate_j2": 900.0,
    "vs_textlint": 3.0,           # .txt corpus reports/s, govlint -j 1 / textlint with a Chinese rule set (issue 18)
    "big_rss_mb": 150.0,          # 100 MB input, peak RSS
    "rss_2000_mb": 80.0,          # 2,000 reports, peak RSS (issue 18)
    "rss_flat": 1.25,             # peak RSS for 20,000 reports / for 500: flat in the number of files
}
MEMORY_SIZES = (500, 2000, 20000)
MEMORY_FORMATS = ("text", "json")     # a streamed format, and one that needs the whole run


def find_govlint(explicit: str | None) -> tuple[str, str]:
    """(govlint script, the interpreter its shebang names)."""
    path = explicit or shutil.which("govlint", path=os.path.dirname(sys.executable)) or shutil.which("govlint")
    if not path:
        sys.exit("bench: govlint is not installed; run `pip install .` first (or pass --govlint PATH)")
    first = Path(path).read_text(encoding="utf-8", errors="replace").splitlines()[0]
    python = first[2:].strip() if first.startswith("#!") else sys.executable
    return path, python


def installed_from(python: str) -> str:
    out = subprocess.run([python, "-c", "import checker; print(checker.__file__)"], capture_output=True,
                         text=True, cwd="/")
    return out.stdout.strip()


def timed(cmd: list[str], cpu: list | None = None) -> tuple[float, int, int]:
    """(wall seconds, exit code, peak RSS in KB) of one child process; its CPU seconds (user + system)
    appended to ``cpu`` when given — on a loaded machine they vary far less than the wall clock."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    if cpu is not None:
        cpu.append(usage.ru_utime + usage.ru_stime)
    return time.perf_counter() - t, p.returncode, usage.ru_maxrss


def single(govlint: str, python: str, report: Path, runs: int) -> dict:
    """Interleave `python -c pass` and the check so machine noise hits both alike."""
    base, check, base_cpu, check_cpu = [], [], [], []
    cmd = [govlint, "check", str(report), "--format", "concise"]
    for _ in range(3):
        timed(cmd)                                       # warm the page cache and pyc files
    for _ in range(runs):
        base.append(timed([python, "-c", "pass"], base_cpu)[0])
        check.append(timed(cmd, check_cpu)[0])
    b, c = statistics.median(base) * 1000, statistics.median(check) * 1000
    bc, cc = statistics.median(base_cpu) * 1000, statistics.median(check_cpu) * 1000
    return {"report_bytes": report.stat().st_size, "runs": runs, "python_pass_ms": round(b, 2),
            "check_ms": round(c, 2), "check_min_ms": round(min(check) * 1000, 2), "ratio": round(c / b, 2),
            "python_pass_cpu_ms": round(bc, 2), "check_cpu_ms": round(cc, 2), "ratio_cpu": round(cc / bc, 2)}


def corpus_rate(govlint: str, folder: Path, jobs: int, repeats: int) -> dict:
    n = sum(1 for p in folder.iterdir() if p.is_file())
    cmd = [govlint, "check", str(folder), "-j", str(jobs), "--format", "concise", "--exit-zero"]
    times, codes, rss = [], set(), 0
    for _ in range(repeats):
        t, code, r = timed(cmd)
        times.append(t)
        codes.add(code)
        rss = max(rss, r)
    med = statistics.median(times)
    return {"files": n, "jobs": jobs, "repeats": repeats, "seconds": round(med, 3),
            "reports_per_s": round(n / med, 1), "exit_codes": sorted(codes), "peak_rss_mb": round(rss / 1024, 1)}


def memory(govlint: str, folders: dict, jobs: int) -> dict:
    """Peak RSS of one run over each corpus size, per format; the flatness ratio is largest / smallest."""
    out: dict = {"jobs": jobs, "sizes": sorted(folders)}
    for fmt in MEMORY_FORMATS:
        runs = {}
        for n in sorted(folders):
            t, code, rss = timed([govlint, "check", str(folders[n]), "-j", str(jobs), "--format", fmt, "--exit-zero",
                                  "-o", os.devnull])
            runs[n] = {"seconds": round(t, 2), "exit_code": code, "peak_rss_mb": round(rss / 1024, 1)}
        small, large = runs[min(runs)]["peak_rss_mb"], runs[max(runs)]["peak_rss_mb"]
        out[fmt] = {"runs": runs, "flat_ratio": round(large / small, 2)}
    return out


def memory_rows(m: dict) -> list[str]:
    lines = []
    for fmt in MEMORY_FORMATS:
        runs = m[fmt]["runs"]
        for n, r in runs.items():
            target, ok = "", None
            if n == 2000 and fmt == "text":
                target, ok = f"<= {TARGETS['rss_2000_mb']:.0f} MB", r["peak_rss_mb"] <= TARGETS["rss_2000_mb"]
            lines.append(row(f"peak RSS, {n:,} reports, --format {fmt} -j {m['jobs']}", f"{r['peak_rss_mb']:.0f} MB",
                             target, ok))
        flat = m[fmt]["flat_ratio"]
        sizes = f"{max(runs):,} / {min(runs):,}"
        if fmt == "text":
            lines.append(row(f"  ratio {sizes} reports (flat)", f"{flat:.2f}x", f"<= {TARGETS['rss_flat']:.2f}x",
                             flat <= TARGETS["rss_flat"]))
        else:
            lines.append(row(f"  ratio {sizes} reports", f"{flat:.2f}x"))
    return lines


def big_input(govlint: str, path: Path, extra: list[str] = ()) -> dict:
    t, code, rss = timed([govlint, "check", str(path), "--format", "concise", *extra])
    return {"bytes": path.stat().st_size, "args": list(extra), "seconds": round(t, 3), "exit_code": code,
            "peak_rss_mb": round(rss / 1024, 1)}


def near_limit_file(big: Path, out: Path, chars: int) -> Path:
    """The largest input checked by default: the big file's text cut on a line end just under the limit."""
    with open(big, "rb") as fh:
        text = fh.read(chars * 3).decode("utf-8", "ignore")[:chars]
    out.write_text(text[: text.rfind("\n") + 1], encoding="utf-8")
    return out


def row(name: str, value: str, target: str = "", ok: bool | None = None) -> str:
    mark = "" if ok is None else ("PASS" if ok else "MISS")
    return f"{name:<44} {value:>22} {target:>14} {mark:>5}"


def report(res: dict) -> str:
    s, j1, j2 = res["single"], res["corpus_j1"], res["corpus_j2"]
    lines = [row("measure", "value", "target", None), "-" * 88,
             row("python -c pass (median)", f"{s['python_pass_ms']:.1f} ms"),
             row(f"check one {s['report_bytes'] // 1024} KB .txt (median of {s['runs']})", f"{s['check_ms']:.1f} ms",
                 f"<= {TARGETS['single_ms']:.0f} ms", s["check_ms"] <= TARGETS["single_ms"]),
             row("  ratio to python -c pass", f"{s['ratio']:.2f}x", f"<= {TARGETS['single_ratio']:.0f}x",
                 s["ratio"] <= TARGETS["single_ratio"]),
             row("  CPU time (user + system), ratio", f"{s['check_cpu_ms']:.1f} ms, {s['ratio_cpu']:.2f}x"),
             row(f".txt corpus ({j1['files']} files) -j 1", f"{j1['reports_per_s']:.0f} reports/s",
                 f">= {TARGETS['rate_j1']:.0f}", j1["reports_per_s"] >= TARGETS["rate_j1"]),
             row(f".txt corpus ({j2['files']} files) -j 2", f"{j2['reports_per_s']:.0f} reports/s",
                 f">= {TARGETS['rate_j2']:.0f}", j2["reports_per_s"] >= TARGETS["rate_j2"])]
    lines += textlint_rows(res.get("textlint"), j1, j2)
    if "mixed_j2" in res:
        m = res["mixed_j2"]
        lines.append(row(f"mixed-format corpus ({m['files']} files) -j 2", f"{m['reports_per_s']:.0f} reports/s"))
    for name, value, target, ok in pdf40.rows(res["pdf"]) if "pdf" in res else ():
        lines.append(row(name, value, target, ok))
    b = res["big"]
    lines.append(row(f"100 MB input (exit {b['exit_code']}, {b['seconds']:.2f} s)", f"{b['peak_rss_mb']:.0f} MB RSS",
                     f"<= {TARGETS['big_rss_mb']:.0f} MB", b["peak_rss_mb"] <= TARGETS["big_rss_mb"]))
    if "near_limit" in res:
        n = res["near_limit"]
        lines.append(row(f"largest accepted text {n['bytes'] / 2**20:.1f} MB (exit {n['exit_code']}, "
                         f"{n['seconds']:.2f} s)", f"{n['peak_rss_mb']:.0f} MB RSS",
                         f"<= {TARGETS['big_rss_mb']:.0f} MB", n["peak_rss_mb"] <= TARGETS["big_rss_mb"]))
    if "memory" in res:
        lines += memory_rows(res["memory"])
    return "\n".join(lines)


def textlint_rows(t: dict | None, j1: dict, j2: dict) -> list[str]:
    if t is None:
        return []
    if "reports_per_s" not in t:
        return [row("textlint on the same files", "not measured"), f"  ({t['skipped']})"]
    r1, r2 = j1["reports_per_s"] / t["reports_per_s"], j2["reports_per_s"] / t["reports_per_s"]
    return [row(f"textlint ({len(t['rules'])} Chinese-text rules), same files", f"{t['reports_per_s']:.0f} reports/s"),
            row("  govlint -j 1 / textlint", f"{r1:.1f}x", f">= {TARGETS['vs_textlint']:.0f}x",
                r1 >= TARGETS["vs_textlint"]),
            row("  govlint -j 2 / textlint", f"{r2:.1f}x")]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--govlint", help="govlint executable (default: the one installed beside this Python)")
    ap.add_argument("--runs", type=int, default=21, help="single-report runs (>= 10)")
    ap.add_argument("--repeats", type=int, default=3, help="corpus runs per -j setting")
    ap.add_argument("--reports", type=int, default=2000, help=".txt corpus size (>= 2000)")
    ap.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "govlint-bench",
                    help="where the generated inputs go (default: outside any project, so no configuration "
                         "file is found above them — the plain case)")
    ap.add_argument("--quick", action="store_true", help="skip the mixed-format corpus and near-limit input")
    ap.add_argument("--no-textlint", action="store_true",
                    help="skip textlint on the .txt corpus (run when node and npm are present; installed once "
                         "into WORK/textlint from npm)")
    ap.add_argument("--single", action="store_true", help="only the one-report latency (a quick check while working)")
    ap.add_argument("--memory", action="store_true",
                    help="only the peak memory for 500, 2,000 and 20,000 reports (and the flatness ratio)")
    ap.add_argument("--memory-jobs", type=int, default=2, help="-j of the memory runs (default 2)")
    a = ap.parse_args()
    a.work = a.work.resolve()
    govlint, python = find_govlint(a.govlint)
    where = installed_from(python)
    if "site-packages" not in where:
        print(f"bench: warning: checker is imported from {where}, not an installed copy", file=sys.stderr)
    if a.memory:
        return memory_only(a, govlint)
    stamp = a.work / f"stamp-{a.reports}.json"
    if not stamp.exists():
        print(f"bench: generating inputs in {a.work} …", file=sys.stderr)
        a.work.mkdir(parents=True, exist_ok=True)
        stamp.write_text(json.dumps(corpus.build(a.work, a.reports, 7, big=True)))
    res: dict = {"when": time.strftime("%Y-%m-%dT%H:%M:%S"), "machine": {
        "python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform()},
        "govlint": govlint, "checker_module": where, "corpus": json.loads(stamp.read_text()), "targets": TARGETS}
    # Run from the inputs' folder: govlint also reads the working directory's configuration (for the
    # output format), and bench/ sits in govlint's own project, whose pyproject.toml mentions govlint
    # and so costs a TOML parse that a report author's folder does not.
    os.chdir(a.work)
    res["single"] = single(govlint, python, a.work / "report10k.txt", max(10, a.runs))
    if a.single:
        s = res["single"]
        print(row("python -c pass (median)", f"{s['python_pass_ms']:.1f} ms"))
        print(row("check one report (median)", f"{s['check_ms']:.1f} ms", f"<= {TARGETS['single_ms']:.0f} ms",
                  s["check_ms"] <= TARGETS["single_ms"]))
        print(row("  ratio to python -c pass", f"{s['ratio']:.2f}x", f"<= {TARGETS['single_ratio']:.0f}x",
                  s["ratio"] <= TARGETS["single_ratio"]))
        print(row("  CPU time (user + system), ratio", f"{s['check_cpu_ms']:.1f} ms, {s['ratio_cpu']:.2f}x"))
        return 0
    res["pdf"] = pdf40.measure([govlint], python, runs=max(5, a.runs // 3))
    res["corpus_j1"] = corpus_rate(govlint, a.work / "txt", 1, a.repeats)
    res["corpus_j2"] = corpus_rate(govlint, a.work / "txt", 2, a.repeats)
    if not a.no_textlint:
        res["textlint"] = textlint_compare.measure(a.work, a.work / "txt", res["corpus_j1"]["files"])
    if not a.quick:
        res["mixed_j2"] = corpus_rate(govlint, a.work / "mixed", 2, 1)
    res["big"] = big_input(govlint, a.work / "big100m.txt")
    if not a.quick:
        res["memory"] = memory(govlint, _memory_folders(a.work), a.memory_jobs)
    if not a.quick:
        from_limit = near_limit_file(a.work / "big100m.txt", a.work / "near-limit.txt", 990_000)
        res["near_limit"] = big_input(govlint, from_limit)
    table = report(res)
    print(table)
    _save(res)
    return 0


def _memory_folders(work: Path) -> dict:
    print(f"bench: generating the memory corpora in {work / 'sizes'} (once) …", file=sys.stderr)
    return corpus.build_sizes(work / "sizes", list(MEMORY_SIZES), 7)


def memory_only(a, govlint: str) -> int:
    folders = _memory_folders(a.work)
    os.chdir(a.work)
    res = {"when": time.strftime("%Y-%m-%dT%H:%M:%S"), "govlint": govlint,
           "memory": memory(govlint, folders, a.memory_jobs)}
    print(row("measure", "value", "target", None))
    print("-" * 88)
    print("\n".join(memory_rows(res["memory"])))
    _save(res, "memory")
    return 0


def _save(res: dict, kind: str = "bench") -> None:
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"{kind}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps(res, ensure_ascii=False, indent=2))
    if kind == "bench":
        (RESULTS / "latest.json").write_text(out.read_text())
    print(f"\nwritten {out}")


if __name__ == "__main__":
    sys.exit(main())
