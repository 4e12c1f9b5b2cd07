"""Paths as CI services want them: relative to the working directory (the repository root in CI), '/'."""

from __future__ import annotations

import os
from pathlib import PurePath


def relative_posix(path: str) -> str:
    if path.startswith("<"):             # <stdin>
        return path
    rel = os.path.relpath(os.path.abspath(path))
    if rel.startswith(".."):
        return PurePath(os.path.abspath(path)).as_posix()
    return PurePath(rel).as_posix()
