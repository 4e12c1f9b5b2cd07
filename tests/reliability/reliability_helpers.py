"""Shared by the reliability tests: run the CLI from this checkout and read its output."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
SEEDS = ROOT / "seeds"
SIMPLIFIED_SEED = SEEDS / "001_2a84802cd6720988.txt"


def env() -> dict:
    e = dict(os.environ, PYTHONPATH=str(ROOT), NO_COLOR="1")
    e.pop("PYTHONDONTWRITEBYTECODE", None)
    return e


def govlint(*args, cwd=None, timeout=120, preexec_fn=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd or ROOT, env=env(), timeout=timeout, preexec_fn=preexec_fn)


def error_lines(stderr: str, path) -> list[str]:
    """stderr lines that report ``path`` as unreadable."""
    return [line for line in stderr.splitlines() if str(path) in line]
