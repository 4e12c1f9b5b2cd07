"""Time every hot path of issue 19 at input n and 2n and print the ratio (linear ≈ 2, quadratic ≈ 4).

Usage:  python bench/scaling.py [--only NAME,…] [--n N] [--repeat 5]

The workloads are those of tests/reliability/scaling_cases.py (readers per format, normaliser, table
parser, prose arithmetic, contamination scanners, fix preview, every reporter), here at sizes where
work done in C — slicing, searching, copying lists — shows too: the tests count interpreter
instructions, which that work does not add to. Each time is the best of --repeat runs after one
warm-up; a ratio over 2.5 is marked OVER and makes the exit code 1.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "reliability")]

from scaling_cases import WORKLOADS  # noqa: E402

# n per workload: large enough that the per-call constant is small beside the work that grows, and
# both sizes past the allocator's switch to fresh pages for large blocks (read-txt: ~5× slower per byte there)
SIZES = {"read-docx": 400, "table-parser": 400, "prose-arithmetic": 3000, "contamination": 2000,
         "normalise": 10_000, "fix-preview": 3000, "read-txt": 10_000, "read-md": 10_000, "read-html": 5000}
REPORT_N = 1000         # findings on one line of ~100,000 characters


def best(fn, repeat: int) -> float:
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="")
    ap.add_argument("--n", type=int, help="one size for every workload (default: each its own)")
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    wanted = set(filter(None, a.only.split(",")))
    over = 0
    for name, make in WORKLOADS.items():
        if wanted and name not in wanted:
            continue
        n = a.n or SIZES.get(name, REPORT_N)
        small, large = best(make(n), a.repeat), best(make(2 * n), a.repeat)
        r = large / max(small, 1e-9)
        over += r > 2.5
        print(f"{name:22s} n={n:<7} {small * 1000:9.1f} ms  2n {large * 1000:9.1f} ms  ×{r:4.2f}  "
              f"{'OVER' if r > 2.5 else 'ok'}", flush=True)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
