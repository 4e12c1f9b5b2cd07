from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def check_text(text: str, select=(), template: str | None = None, path: str = "example.txt",
               options: dict | None = None):
    """Run the whole pipeline on ``text`` (with document ``options``, as a configuration file sets them)
    and return its diagnostics."""
    from checker.engine.loader import builtin_rules
    from checker.engine.runner import check_source, select_rules
    from checker.model.source import Source

    rules = select_rules(list(builtin_rules()), select=list(select))
    return check_source(Source(path=path, text=text), rules, template, options).diagnostics


def check_texts(texts, select=()):
    """Several texts checked in one run (a.txt, b.txt …), with the run's cross-file post-pass; the
    diagnostics of each, in order."""
    from checker.engine.crossfile import cross_check
    from checker.engine.loader import builtin_rules
    from checker.engine.runner import check_source, select_rules
    from checker.model.source import Source

    rules = select_rules(list(builtin_rules()), select=list(select))
    results = [check_source(Source(path=f"{chr(97 + i)}.txt", text=t), rules) for i, t in enumerate(texts)]
    cross_check(results, rules)
    return [r.diagnostics for r in results]


def check_bytes(data: bytes, path: str, select=(), template: str | None = None):
    """Read ``data`` as the file ``path`` (format sniffed as for a real file) and return its diagnostics."""
    from checker.engine.loader import builtin_rules
    from checker.engine.runner import check_source, select_rules
    from checker.read.formats import read_bytes

    rules = select_rules(list(builtin_rules()), select=list(select))
    return check_source(read_bytes(data, path), rules, template).diagnostics


def run_cli(*args, stdin: bytes | None = None, cwd=None, env=None):
    return subprocess.run([sys.executable, "-m", "checker", *args], input=stdin, capture_output=True,
                          cwd=cwd or ROOT, env=env)


@pytest.fixture
def seeds() -> Path:
    return SEEDS
