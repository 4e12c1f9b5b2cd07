"""PDF latency: a 6-page and a 40-page report checked end to end, as multiples of `python -c pass`
measured in the same run (issue 18: 6 pages ≤ 150 ms and ≤ 15×, 40 pages ≤ 0.6 s).

Usage:  python bench/pdf40.py [--govlint CMD] [--runs 7] [--corpus DIR]

The reports are real ones: the pages of the corpus PDFs (``full/*.pdf`` of GOVLINT_CORPUS or the shared
corpus, fonts embedded as Word and WPS print them) put together with PDFium until the page count is
reached. A third measure is the generated 40-page report of tests/formats/report_fixture.py (reportlab,
the STSong-Light font NOT embedded), which the reader sends through pdfplumber page by page: the
slow path, for comparison. Each check runs as ``govlint check FILE`` (interpreter start, imports,
extraction and all rules), interleaved with ``python -c pass`` so machine load hits both alike; the
medians are printed. ``measure()`` returns them for bench/run.py.

``--phases`` adds the PDF reader's own share, CPU time in a fresh interpreter per file (imports cold,
then the fastest of ``--runs`` reads): importing the reader modules, loading PDFium, the pages
(objects, rulings and characters from PDFium), layout and tables, and page chrome + joining +
rendering. The rest of a check (rules on the text) is what a .txt report of that size costs too.
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "formats"))
sys.path.insert(0, str(ROOT / "bench"))

TARGETS = {"pdf6_ms": 150.0, "pdf6_ratio": 15.0, "pdf40_s": 0.6}


def make_pdf(path: Path, pages: int) -> int:
    """Write the generated report (reportlab) of at least ``pages`` pages; returns the page count."""
    import pypdfium2

    import report_fixture

    repeat = max(1, pages * 3)          # ~3 paragraphs of section 一 fit on a page with the tables
    while True:
        report_fixture.write_pdf(report_fixture.complete_report(), path, repeat=repeat)
        n = len(pypdfium2.PdfDocument(path))
        if n >= pages:
            return n
        repeat = int(repeat * pages / max(n, 1)) + 1


def real_pdf(path: Path, pages: int, sources: list[Path]) -> int:
    """The pages of ``sources`` in turn, repeated until there are ``pages``; returns the page count."""
    import pypdfium2

    docs = [pypdfium2.PdfDocument(s) for s in sources]
    out = pypdfium2.PdfDocument.new()
    while len(out) < pages:
        for doc in docs:
            take = min(len(doc), pages - len(out))
            if take > 0:
                out.import_pages(doc, pages=list(range(take)))
    out.save(path)
    return len(out)


def corpus_pdfs(corpus: Path | None) -> list[Path]:
    from accuracy import default_corpus

    return sorted((corpus or default_corpus()).glob("full/*.pdf"))


def _timed(cmd: list[str]) -> tuple[float, int, float]:
    """(wall seconds, exit code, CPU seconds user + system: on a loaded machine it varies far less)."""
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    _, status, usage = os.wait4(p.pid, 0)
    return time.perf_counter() - t, os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime


def time_files(govlint: list[str], python: str, files: dict[str, Path], runs: int) -> dict:
    """Median wall time of ``govlint check`` on each file and of ``python -c pass``, interleaved."""
    base: list[tuple[float, int, float]] = []
    times: dict[str, list[tuple[float, int, float]]] = {name: [] for name in files}
    for path in files.values():
        _timed(govlint + ["check", str(path), "--format", "concise", "-q"])        # warm caches
    for _ in range(runs):
        base.append(_timed([python, "-c", "pass"]))
        for name, path in files.items():
            r = _timed(govlint + ["check", str(path), "--format", "concise", "-q"])
            if r[1] not in (0, 1):
                raise SystemExit(f"govlint failed on {path} (exit {r[1]})")
            times[name].append(r)
    b, b_cpu = statistics.median(t for t, _, _ in base), statistics.median(c for _, _, c in base)
    out = {"python_pass_ms": round(b * 1000, 1), "python_pass_cpu_ms": round(b_cpu * 1000, 1), "runs": runs}
    for name, rs in times.items():
        m, cpu = statistics.median(t for t, _, _ in rs), statistics.median(c for _, _, c in rs)
        out[name] = {"ms": round(m * 1000, 1), "min_ms": round(min(t for t, _, _ in rs) * 1000, 1),
                     "ratio": round(m / b, 2), "cpu_ms": round(cpu * 1000, 1), "ratio_cpu": round(cpu / b_cpu, 2)}
    return out


def measure(govlint: list[str], python: str, runs: int = 7, corpus: Path | None = None) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        files: dict[str, Path] = {}
        pages: dict[str, int] = {}
        sources = corpus_pdfs(corpus)
        if sources:
            for n in (6, 40):
                files[f"real{n}"] = Path(tmp) / f"real{n}.pdf"
                pages[f"real{n}"] = real_pdf(files[f"real{n}"], n, sources)
        files["generated40"] = Path(tmp) / "generated40.pdf"
        pages["generated40"] = make_pdf(files["generated40"], 40)
        result = time_files(govlint, python, files, runs)
    for name, n in pages.items():
        result[name]["pages"] = n
    return result


_PHASES = r"""
import sys, time
cpu = time.process_time
t = cpu()
from checker.read import pdf, pdf_join, pdf_layout, pdf_pdfium, render
modules = cpu() - t
t = cpu()
pdf_pdfium._api()
stack = cpu() - t
data = open(sys.argv[1], "rb").read()
best = [float("inf")] * 3
for _ in range(int(sys.argv[2])):
    t = cpu()
    doc = pdf_pdfium.open_document(data)
    fast = [pdf_pdfium.page(doc, i) for i in range(len(doc))]
    doc.close()
    t1 = cpu()
    pages = [pdf._page(pdf._Fast(p), i + 1) for i, p in enumerate(fast)]
    t2 = cpu()
    b = render.Builder()
    pdf._render(pdf_join.join(pdf._drop_chrome(pages)), b)
    b.source("x.pdf", "pdf")
    best = [min(x, y) for x, y in zip(best, (t1 - t, t2 - t1, cpu() - t2))]
print(modules, stack, *best, "pdfplumber" in sys.modules)
"""
PHASES = ("reader modules", "PDFium loaded", "pages (PDFium)", "layout + tables", "chrome + join + render")


def phases(path: Path, runs: int) -> dict:
    """The reader's phases on ``path`` (CPU ms, fresh interpreter; see the module docstring)."""
    out = subprocess.run([sys.executable, "-c", _PHASES, str(path), str(runs)], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout.split()
    res = {name: round(float(v) * 1000, 1) for name, v in zip(PHASES, out)}
    res["pdfplumber imported"] = out[-1] == "True"
    return res


def rows(res: dict) -> list[tuple[str, str, str, bool | None]]:
    """(measure, value, target, met) lines for a report."""
    out = [("python -c pass (median, PDF runs)", f"{res['python_pass_ms']:.1f} ms", "", None),
           ("  CPU time (user + system)", f"{res['python_pass_cpu_ms']:.1f} ms", "", None)]
    if "real6" in res:
        r = res["real6"]
        out.append((f"check a real {r['pages']}-page PDF (median)", f"{r['ms']:.0f} ms, {r['ratio']:.1f}x",
                    f"<= {TARGETS['pdf6_ms']:.0f} ms, {TARGETS['pdf6_ratio']:.0f}x",
                    r["ms"] <= TARGETS["pdf6_ms"] and r["ratio"] <= TARGETS["pdf6_ratio"]))
    if "real40" in res:
        r = res["real40"]
        out.append((f"check a real {r['pages']}-page PDF (median)", f"{r['ms'] / 1000:.2f} s, {r['ratio']:.1f}x",
                    f"<= {TARGETS['pdf40_s']} s", r["ms"] <= TARGETS["pdf40_s"] * 1000))
    for name in ("real6", "real40"):
        if name in res:
            out.append((f"  CPU time ({res[name]['pages']} pages), ratio",
                        f"{res[name]['cpu_ms']:.0f} ms, {res[name]['ratio_cpu']:.1f}x", "", None))
    g = res["generated40"]
    out.append((f"  {g['pages']}-page PDF, fonts not embedded", f"{g['ms'] / 1000:.2f} s, {g['ratio']:.1f}x", "", None))
    return out


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--govlint", default=f"{sys.executable} -m checker", help="command to run (default: this python -m checker)")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--corpus", type=Path, help="corpus folder with full/*.pdf (default: GOVLINT_CORPUS or the shared corpus)")
    ap.add_argument("--phases", action="store_true", help="also the PDF reader's phases on the real reports (CPU ms)")
    args = ap.parse_args(argv)
    if args.phases:
        print_phases(args.runs, args.corpus)
    res = measure(shlex.split(args.govlint), sys.executable, args.runs, args.corpus)
    for name, value, target, ok in rows(res):
        mark = "" if ok is None else ("PASS" if ok else "MISS")
        print(f"{name:<44} {value:>22} {target:>20} {mark:>5}")
    if "real6" not in res:
        print("(no corpus PDFs found: set GOVLINT_CORPUS for the real-report measures)")
    return res


def print_phases(runs: int, corpus: Path | None) -> None:
    sources = corpus_pdfs(corpus)
    if not sources:
        return
    with tempfile.TemporaryDirectory() as tmp:
        for n in (6, 40):
            path = Path(tmp) / f"real{n}.pdf"
            real_pdf(path, n, sources)
            res = phases(path, runs)
            print(f"reader phases, {n} pages (CPU ms): " + " | ".join(f"{k} {v}" for k, v in res.items()))


if __name__ == "__main__":
    main()
