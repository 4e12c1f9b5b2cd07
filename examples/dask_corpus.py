"""Check a corpus of reports with dask.bag — on this machine's cores, or on a cluster.

Usage: python examples/dask_corpus.py REPORTS_DIR OUT_DIR [--partitions N] [--scheduler processes|threads|ADDRESS]

Each partition of file paths is checked by ``govlint.check_path`` on a worker; results (plain dicts) are
written as JSON lines, one file per partition, and a per-rule count is printed. With ``--scheduler
tcp://host:8786`` (a running ``dask.distributed`` scheduler, ``pip install distributed``) the same code
runs across machines; every worker needs govlint installed and read access to the files.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import dask
import dask.bag as db

import govlint

SUFFIXES = {".txt", ".md", ".docx", ".html", ".htm", ".pdf"}


def corpus(folder: Path) -> list[str]:
    return sorted(str(p) for p in folder.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())


def run(paths: list[str], out: Path, partitions: int, scheduler: str) -> Counter:
    out.mkdir(parents=True, exist_ok=True)
    bag = db.from_sequence(paths, npartitions=max(1, min(partitions, len(paths))))
    results = bag.map(govlint.check_path)
    if scheduler.startswith("tcp://"):
        from dask.distributed import Client

        Client(scheduler)           # becomes dask's default scheduler for the calls below
        scheduler = None
    with dask.config.set(scheduler=scheduler) if scheduler else _nothing():
        results.map(lambda r: json.dumps(r, ensure_ascii=False)).to_textfiles(str(out / "part-*.jsonl"))
        counts = results.map(lambda r: [d["code"] for d in r["diagnostics"]]).flatten().frequencies().compute()
    return Counter(dict(counts))


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("reports", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--partitions", type=int, default=64)
    ap.add_argument("--scheduler", default="processes")
    a = ap.parse_args()
    counts = run(corpus(a.reports), a.out, a.partitions, a.scheduler)
    for code, n in counts.most_common():
        print(f"{code}\t{n}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
