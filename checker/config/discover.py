"""Find the configuration that applies to a directory: the closest one walking up (ruff's rule).

The walk stops at the repository root (a folder holding ``.git``) or the user's home folder, and, as
git's ``safe.directory`` does, a configuration someone else could have planted is ignored with one
line on stderr: one in a folder anyone may write to (the system temporary folder) unless both the
folder and the file are the current user's. Otherwise a ``.govlint.yaml`` dropped in /tmp could
switch every rule off (``ignore: [GL]``) for every report below it."""

from __future__ import annotations

import os
import stat
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


def _untrusted(candidate: Path) -> bool:
    """A configuration in a folder anyone may write to, unless folder and file are both the user's."""
    if not hasattr(os, "geteuid"):
        return False
    try:
        folder, own = os.stat(candidate.parent), os.stat(candidate)
    except OSError:
        return True
    if not folder.st_mode & stat.S_IWOTH and not own.st_mode & stat.S_IWOTH:
        return False
    me = os.geteuid()
    return not (folder.st_uid == me and own.st_uid == me)


def _boundary(directory: Path) -> bool:
    """The walk ends here: a repository root or the user's home folder."""
    try:
        home = Path.home()
    except (KeyError, RuntimeError):
        home = None
    return directory == home or (directory / ".git").exists()


@lru_cache(maxsize=None)
def find_config(directory: Path) -> Path | None:
    """The configuration file for ``directory`` (absolute), or None when there is none up to the
    repository root, the home folder or the file-system root."""
    for name in CANDIDATES:
        candidate = directory / name
        if candidate.is_file() and (name != "pyproject.toml" or _has_govlint_table(candidate)):
            if _untrusted(candidate):
                print(f"govlint: 忽略配置文件 {candidate}：所在目录任何人都可写入，且目录或文件不属于当前用户",
                      file=sys.stderr)
                continue
            return candidate
    parent = directory.parent
    return None if parent == directory or _boundary(directory) else find_config(parent)
