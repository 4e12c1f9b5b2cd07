"""Find the configuration that applies to a directory: the closest one walking up (ruff's rule)."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

# In one directory the dedicated file wins over pyproject.toml, as .ruff.toml does over pyproject.toml.
CANDIDATES = (".govlint.yaml", ".govlint.yml", "pyproject.toml")


def _has_govlint_table(pyproject: Path) -> bool:
    """Only a pyproject.toml with [tool.govlint] counts; others are walked past."""
    try:        # any spelling of the table contains the word; most projects' files do not (tomllib: 3–5 ms)
        if b"govlint" not in pyproject.read_bytes():
            return False
    except OSError:
        return False
    if sys.version_info >= (3, 11):
        import tomllib
    else:                                           # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        # A broken pyproject.toml that never mentions govlint is not ours to report.
        text = pyproject.read_text(encoding="utf-8", errors="replace") if pyproject.is_file() else ""
        return "[tool.govlint]" in text
    return isinstance(data.get("tool"), dict) and "govlint" in data["tool"]


@lru_cache(maxsize=None)
def find_config(directory: Path) -> Path | None:
    """The configuration file for ``directory`` (absolute), or None when there is none up to the root."""
    for name in CANDIDATES:
        candidate = directory / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_govlint_table(candidate)):
            return candidate
    parent = directory.parent
    return None if parent == directory else find_config(parent)
