"""Coverage-guided fuzzing of the whole pipeline with atheris (libFuzzer), outside the normal test run.

Usage:  pip install '.[fuzz]' && python scripts/fuzz.py [--runs 100000] [--jobs 2] [--timeout 10]

The target takes arbitrary bytes; the first byte picks the file suffix (.txt .md .html .docx .pdf or
none), the rest is the file. It reads, decodes, normalises, parses, runs every built-in rule, renders
every report format and applies every fix. The only accepted failure is ``InputError`` (a file
refused with a message); any other exception, or an input taking longer than --timeout seconds, is a
crash and libFuzzer saves it under .fuzz/crashes/. The seed corpus is the five seeds plus generated
reports with complete tables in several formats and encodings. Prints the number of inputs run.
"""

from __future__ import annotations

import argparse
import io
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
WORK = ROOT / ".fuzz"
SUFFIXES = [".txt", ".md", ".html", ".docx", ".pdf", ""]


# ---------------- the target (runs inside each libFuzzer worker) ----------------

def _load_target():
    import atheris

    # Coverage feedback where input handling branches most (readers, decoding, normalisation, parsing);
    # rules and reporters run uninstrumented, which keeps each input several times cheaper.
    with atheris.instrument_imports(include=["checker.read", "checker.normalise", "checker.parse"]):
        import pkgutil

        import checker.kinds
        import checker.normalise
        import checker.parse
        import checker.read
        from checker.engine.loader import builtin_rules
        from checker.engine.runner import check_source
        from checker.fix.apply import apply
        from checker.read import InputError
        from checker.read.formats import read_bytes
        from checker.report import FORMATS

        for pkg in (checker.kinds, checker.read, checker.normalise, checker.parse):   # lazily imported normally
            for m in pkgutil.iter_modules(pkg.__path__):
                __import__(f"{pkg.__name__}.{m.name}")
    rules = list(builtin_rules())
    for r in rules:
        r.compiled  # noqa: B018 — compile once, outside the measured inputs
    formats = sorted({FORMATS[f] for f in FORMATS})

    def one_input(data: bytes) -> None:
        if not data:
            return
        path = "fuzz" + SUFFIXES[data[0] % len(SUFFIXES)]
        try:
            source = read_bytes(data[1:], path)
        except InputError:
            return
        result = check_source(source, rules)
        for name in formats:
            if name == "sarif" and hash(data) % 64:       # 20 ms of rule metadata per call: sample it
                continue
            reporter_module = __import__(f"checker.report.{name}", fromlist=["render"])
            if getattr(reporter_module, "BINARY", False):     # xlsx: written to a file, checked by its tests
                continue
            reporter_module.render([result], io.StringIO(), {"color": False, "elapsed": 0.0, "rules": rules})
        fixes = [d.fix for d in result.diagnostics if d.fix]
        fixed, _ = apply(source.text, fixes)
        _assert_outside_spans_kept(source.text, fixed, fixes)

    return one_input


def _assert_outside_spans_kept(before: str, after: str, fixes) -> None:
    """Text before the first edit and after the last one is untouched by applying fixes."""
    edits = [e for f in fixes for e in f.edits]
    if not edits:
        assert after == before, "fixes without edits changed the text"
        return
    lo, hi = min(e.start for e in edits), max(e.end for e in edits)
    assert after.startswith(before[:lo]) and after.endswith(before[hi:]), "a fix changed text outside its span"


def worker(argv: list[str]) -> None:
    import atheris

    target = _load_target()
    atheris.Setup(argv, target)
    atheris.Fuzz()


# ---------------- the seed corpus ----------------

def build_corpus(folder: Path, skip: frozenset[str] = frozenset()) -> int:
    sys.path.insert(0, str(ROOT / "bench"))
    import random

    import corpus as gen

    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(11)
    simp, trad = gen.simplified_seeds()
    items: list[tuple[str, bytes]] = [(".txt", p.read_bytes()) for p in gen.SEEDS]
    for i in range(12):
        parts = gen.make_report(rng, simp, trad)
        text = gen.render_text(parts)
        items += [(".txt", text.encode("gb18030")), (".md", gen.render_text(parts, gen.as_pipe).encode()),
                  (".html", gen.render_html(parts, "报告").encode()), (".txt", text.encode("utf-16"))]
        if i < 4:
            docx = folder / "tmp.docx"
            gen.render_docx(parts, docx)
            items.append((".docx", docx.read_bytes()))
            docx.unlink()
    items += crafted(text, skip)
    for n, (suffix, data) in enumerate(items):
        (folder / f"seed-{n:03d}").write_bytes(bytes([SUFFIXES.index(suffix)]) + data)
    return len(items)


def crafted(report: str, skip: frozenset[str] = frozenset()) -> list[tuple[str, bytes]]:
    """The hostile classes of issue 19, each a few hundred bytes to 1 MB: span and grid bombs, huge and
    overlong numbers, long lines (one with 30,000 findings), run-on sentences, traditional script."""
    html = [b"<table><tr><td rowspan=65534 colspan=1000>x</td></tr><tr><td>y</td></tr></table>",
            b"<table>" + b"<tr><td colspan=1000>x</td></tr>" * 20000 + b"</table>",
            b"<table><tr><td colspan=1000>a</td></tr>" + b"<tr><td>1</td></tr>" * 3000 + b"</table>",
            b"<table><tr><td rowspan=0 colspan=-5>a</td><td rowspan=9999999999999>b</td></tr></table>"]
    lines = report.splitlines()
    nines = "\n".join(line.replace("0", "9" * 400, 1) if "|" in line else line for line in lines)
    digits = "\n".join(line.replace("0", "1" * 5000, 1) if "|" in line else line for line in lines)
    percent = report + "\n本年收到申请" + "9" * 4400 + "件，其中办结" + "8" * 400 + "件，占99.5%。\n"
    run_on = report + "本年收到申请30件，其中办结29件，占96.7%，" * 3000 + "\n"
    long_line = report + "本机关,收到申请30件;" * 20000 + "\n"
    findings_line = report + "本机关?收到申请" * 30000 + "\n"      # 240,000 characters, 30,000 findings
    trad = report.translate(str.maketrans("国务院办公厅关于开展政府信息公开报告", "國務院辦公廳關於開展政府信息公開報告"))
    out = [(".html", h) for h in html]
    texts = {"nines": nines, "digits": digits, "percent": percent, "run-on": run_on, "long-line": long_line,
             "findings-line": findings_line, "traditional": trad * 4}
    out += [(".txt", t.encode()) for name, t in texts.items() if name not in skip]
    out += [(".docx", _docx_span(tag, value)) for tag, value in (("gridSpan", "999999999"), ("gridSpan", "abc"),
                                                                 ("gridBefore", "x"), ("gridBefore", "99999"))]
    out.append((".md", ("|" + "9" * 400 + "|" + "1" * 4400 + "|\n") .encode() * 10))
    return out


def _docx_span(tag: str, value: str) -> bytes:
    import docx
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    d = docx.Document()
    d.add_paragraph("2024年政府信息公开工作年度报告")
    t = d.add_table(rows=2, cols=2)
    t.cell(1, 1).text = "5"
    parent = t.cell(0, 0)._tc.get_or_add_tcPr() if tag == "gridSpan" else t.rows[0]._tr.get_or_add_trPr()
    el = OxmlElement(f"w:{tag}")
    el.set(qn("w:val"), value)
    parent.append(el)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


# ---------------- the driver ----------------

DONE = re.compile(r"Done (\d+) runs in (\d+) second|stat::number_of_executed_units: (\d+)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=100_000, help="total inputs over all jobs")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--timeout", type=int, default=60, help="seconds one input may take before it counts as a hang")
    ap.add_argument("--max-len", type=int, default=1 << 20, help="longest input in bytes (1 MB: a long report)")
    ap.add_argument("--skip-crafted", default="", metavar="NAMES",
                    help="crafted text classes left out of a new corpus, comma separated (nines, digits, percent, "
                         "run-on, long-line, findings-line, traditional): a known hang stops libFuzzer at its first input")
    ap.add_argument("--worker", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.worker is not None:
        worker([sys.argv[0], *a.worker])
        return 0
    seeds, crashes = WORK / "corpus", WORK / "crashes"
    crashes.mkdir(parents=True, exist_ok=True)
    if not seeds.is_dir() or not any(seeds.iterdir()):
        skip = frozenset(filter(None, a.skip_crafted.split(",")))
        print(f"fuzz: {build_corpus(seeds, skip)} seed inputs in {seeds}")
    started = time.time()
    per_job = -(-a.runs // a.jobs)
    procs = []
    for j in range(a.jobs):
        args = [str(seeds), f"-runs={per_job}", f"-seed={1000 + j}", f"-timeout={a.timeout}", f"-max_len={a.max_len}",
                "-rss_limit_mb=3072", f"-artifact_prefix={crashes}/", "-print_final_stats=1"]
        log = open(WORK / f"job{j}.log", "w")
        procs.append((subprocess.Popen([sys.executable, __file__, "--worker", *args], stdout=log,
                                       stderr=subprocess.STDOUT), log))
    total, failed = 0, []
    for j, (p, log) in enumerate(procs):
        code = p.wait()
        log.close()
        text = (WORK / f"job{j}.log").read_text(errors="replace")
        m = DONE.search(text)
        total += int(m.group(1) or m.group(3)) if m else 0
        if code != 0 or not m:
            failed.append(f"job {j}: exit {code}, see {WORK / f'job{j}.log'}")
    # slow-unit-*: inputs over libFuzzer's 10 s report threshold, wall clock (a busy machine), not failures
    found = sorted(p.name for p in crashes.iterdir() if not p.name.startswith("slow-unit-"))
    print(f"fuzz: {total} inputs in {time.time() - started:.0f} s over {a.jobs} jobs; "
          f"crashes/hangs: {len(found)} {found[:5]}")
    for f in failed:
        print("fuzz:", f)
    return 0 if not found and not failed and total >= a.runs else 1


if __name__ == "__main__":
    sys.exit(main())
