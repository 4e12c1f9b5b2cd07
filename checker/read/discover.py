"""Turn command-line paths into the list of files to check, in a stable order."""

from __future__ import annotations

import os
from pathlib import Path

from . import InputError
from .formats import SUPPORTED_SUFFIXES


def discover(paths: list[str], excludes=None) -> tuple[list[str], list[InputError]]:
    """Files to check and the errors met while looking (missing paths, loops); '-' means stdin.
    ``excludes`` (read/excludes.py) decides what a directory walk leaves out."""
    if excludes is None:
        from .excludes import Excludes

        excludes = Excludes()
    files: list[str] = []
    errors: list[InputError] = []
    for p in paths:
        if p == "-":
            files.append("-")
        elif os.path.isdir(p):
            files.extend(_walk(p, errors, excludes))
        elif os.path.exists(p):
            files.append(p)
        else:
            errors.append(InputError(p, "文件或目录不存在"))
    seen: set[str] = set()
    unique = [f for f in files if not (f in seen or seen.add(f))]
    return unique, errors


def _walk(root: str, errors: list[InputError], excludes) -> list[str]:
    out: list[str] = []
    visited: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=lambda e: errors.append(
            InputError(e.filename or root, f"无法读取目录：{e.strerror}"))):
        st = os.stat(dirpath)
        if (st.st_dev, st.st_ino) in visited:       # symlink loop: walk each real directory once
            errors.append(InputError(dirpath, "目录符号链接形成循环，已跳过"))
            dirnames[:] = []
            continue
        visited.add((st.st_dev, st.st_ino))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and not excludes.skip_dir(dirpath, d))
        for name in sorted(filenames):
            if Path(name).suffix.lower() in SUPPORTED_SUFFIXES and not name.startswith(".") \
                    and not excludes.skip_file(dirpath, name):
                out.append(os.path.join(dirpath, name))
    return out
