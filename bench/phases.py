"""Where the per-report time goes: warm, in-process cost of each pipeline phase and each rule.

Usage:  python bench/phases.py [FOLDER] [--files N] [--profile]

FOLDER defaults to the .txt corpus that bench/run.py generates. Every file is read and checked once to
warm the caches a run builds (compiled rules, template lookups), then each phase is timed on its own:
read, normalise, meta (title, year, template, structures), tables, and every rule. ``--profile`` adds
a cProfile listing of a plain ``check_path`` loop, sorted by own time. The sum of the phases matches
``check_path`` per report to within a few percent; the difference is sorting, positions and suppressions.
"""

from __future__ import annotations

import argparse
import collections
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker.engine import runner  # noqa: E402
from checker.engine.aggregate import aggregate  # noqa: E402
from checker.engine.loader import load_rules  # noqa: E402
from checker.model.document import Document  # noqa: E402
from checker.tables.extract import document_tables  # noqa: E402


def timed_phases(files: list[str], rules) -> collections.Counter:
    acc: collections.Counter = collections.Counter()

    def clock(name, fn):
        t = time.perf_counter()
        out = fn()
        acc[name] += time.perf_counter() - t
        return out

    for f in files:
        doc = Document(clock("read", lambda: runner.read_path(f)))
        clock("normalise", lambda: doc.mapped)
        clock("meta + structures", lambda: doc.meta)
        clock("structure", lambda: doc.structure)
        clock("tables", lambda: document_tables(doc))
        for r in rules:
            if r.applies_to(doc.template.id):
                clock(f"rule {r.code} {r.kind}", lambda: _as_run(doc, r))
    return acc


def _as_run(doc, rule) -> list:
    """The rule's findings as check_source gets them: an aggregating rule whose kind gives its findings
    as rows (engine/aggregate.py) is timed with the merge of its rows, as in a file without markers."""
    rows = getattr(rule.module, "occurrences", None) if rule.aggregate else None
    if rows is None:
        return list(rule.module.check(doc, rule))
    return aggregate([], [rule], doc.source.text, [rows(doc, rule)])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", nargs="?", default=str(Path(tempfile.gettempdir()) / "govlint-bench" / "txt"))
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--profile", action="store_true")
    a = ap.parse_args()
    files = sorted(str(p) for p in Path(a.folder).iterdir() if p.is_file())[: a.files]
    if not files:
        sys.exit(f"phases: no files in {a.folder} (run python bench/run.py first to generate the corpus)")
    rules = load_rules()
    for f in files:
        runner.check_path(f, rules)
    acc = timed_phases(files, rules)
    t = time.perf_counter()
    for f in files:
        runner.check_path(f, rules)
    whole = (time.perf_counter() - t) * 1000 / len(files)
    print(f"{len(files)} files: check_path {whole:.3f} ms/report; phases sum {sum(acc.values()) * 1000 / len(files):.3f}")
    for name, sec in acc.most_common(25):
        print(f"{sec * 1000 / len(files):8.3f} ms  {name}")
    if a.profile:
        prof = cProfile.Profile()
        prof.runcall(lambda: [runner.check_path(f, rules) for f in files])
        pstats.Stats(prof).sort_stats("tottime").print_stats(30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
