"""Shared by the ecosystem tests: running the CLI from any directory against this checkout."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"


def cli_env(**extra) -> dict:
    """Import ``checker`` from this checkout even when cwd is elsewhere (an installed copy may be stale)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    env.pop("NO_COLOR", None)
    env.update(extra)
    return env


def govlint(*args, cwd=None, stdin: bytes | None = None, **env) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], input=stdin, capture_output=True,
                          cwd=cwd or ROOT, env=cli_env(**env))
