"""Do built-in regular expressions stay linear on adversarial text? Ratios of match times, per pattern.

Usage:  python bench/regex_scaling.py [--size 2000] [--factor 4] [--show 15]

Every pattern the package defines (tests/reliability/test_regex_safety.py collects them the same way)
is run with ``finditer`` over texts built from its own pieces: the literal characters of each group
and of the whole pattern, repeated, then a character that makes the match fail at the end (the input
that makes a backtracking engine try every way to split the repeats). Each text is timed at ``size``
and ``size × factor`` characters; a linear pattern shows a ratio near ``factor``, a quadratic one near
``factor²``, an exponential one does not finish the small size within ``--budget`` seconds (reported,
not waited for: the child process is stopped). The test suite checks the shapes; this measures them.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TAIL = "\x00"


def collect() -> list[tuple[str | bytes, int]]:
    import importlib
    import pkgutil

    import checker
    from checker import lazy_re
    from checker.engine.loader import load_rules
    from checker.engine.runner import check_path

    for mod in pkgutil.walk_packages(checker.__path__, "checker."):
        if not mod.name.endswith("__main__"):
            importlib.import_module(mod.name)
    rules = load_rules()
    for path in sorted((Path(checker.__file__).resolve().parent.parent / "seeds").iterdir()):
        check_path(str(path), rules)
    return sorted({(p.pattern, p._flags) for p in lazy_re.created()}, key=repr)


def _literals(source: str) -> str:
    """The characters of ``source`` that stand for themselves (escapes and syntax dropped)."""
    out, i = [], 0
    while i < len(source):
        c = source[i]
        if c == "\\":
            nxt = source[i + 1:i + 2]
            out.append({"s": " ", "d": "1", "w": "a", "n": "\n", "t": "\t"}.get(nxt, nxt if not nxt.isalnum() else ""))
            i += 2
            continue
        if c not in "()[]{}|?*+^$.":
            out.append(c)
        i += 1
    return "".join(out)


def units(source: str) -> list[str]:
    from checker.regex_shape import capture_groups

    bodies = [source] + capture_groups(source)
    # non-capturing groups too: every "(?:" body up to its own closing parenthesis
    start = source.find("(?:")
    while start >= 0:
        depth, j = 0, start
        while j < len(source):
            if source[j] == "\\":
                j += 2
                continue
            depth += source[j] == "("
            depth -= source[j] == ")"
            if depth == 0:
                bodies.append(source[start + 3:j])
                break
            j += 1
        start = source.find("(?:", start + 3)
    found = {_literals(b) for b in bodies} | {" ", "1", "一", "a"}
    return sorted(u for u in found if u)


def _time_one(args) -> float:
    pattern, flags, text = args
    import re

    rx = re.compile(pattern, flags)
    t = time.perf_counter()
    for _ in rx.finditer(text):
        pass
    return time.perf_counter() - t


def measure(pattern, flags, size: int, factor: int, budget: float, pool_factory) -> dict:
    source = pattern.decode("latin-1") if isinstance(pattern, bytes) else pattern
    worst = {"pattern": source[:100], "ratio": 0.0, "unit": "", "small_s": 0.0, "large_s": 0.0}
    for unit in units(source):
        texts = []
        for n in (size, size * factor):
            text = unit * max(1, n // len(unit)) + TAIL
            texts.append(text.encode("utf-8") if isinstance(pattern, bytes) else text)
        with pool_factory() as pool:
            small = pool.apply_async(_time_one, ((pattern, flags, texts[0]),))
            try:
                t_small = small.get(budget)
                t_large = pool.apply_async(_time_one, ((pattern, flags, texts[1]),)).get(budget * factor ** 2)
            except mp.TimeoutError:
                pool.terminate()
                return {**worst, "ratio": float("inf"), "unit": unit[:20], "small_s": budget}
        ratio = t_large / max(t_small, 1e-6)
        if t_large > 2e-4 and ratio > worst["ratio"]:          # below 0.2 ms the ratio is noise
            worst = {**worst, "ratio": round(ratio, 1), "unit": unit[:20], "small_s": round(t_small, 5),
                     "large_s": round(t_large, 5)}
    return worst


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=2000)
    ap.add_argument("--factor", type=int, default=4)
    ap.add_argument("--budget", type=float, default=2.0, help="seconds allowed for the small size")
    ap.add_argument("--show", type=int, default=15)
    a = ap.parse_args()
    patterns = collect()
    ctx = mp.get_context("fork")
    rows = [measure(p, f, a.size, a.factor, a.budget, lambda: ctx.Pool(1)) for p, f in patterns]
    rows.sort(key=lambda r: -r["ratio"])
    linear = sum(r["ratio"] <= a.factor * 2.5 for r in rows)
    print(f"{len(rows)} built-in patterns, texts of {a.size} and {a.size * a.factor} characters: "
          f"{linear} with a time ratio <= {a.factor * 2.5:g} (linear is {a.factor})")
    for r in rows[: a.show]:
        print(f"{r['ratio']:>8} x  {r['large_s'] * 1000:8.2f} ms  unit {r['unit']!r:<24} {r['pattern']!r}")
    out = Path(__file__).resolve().parent / "results" / "regex-scaling.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
