"""The ``--fix`` / ``--unsafe-fixes`` / ``--diff`` part of ``govlint check``."""

from __future__ import annotations

import os
import sys

from ..model.record import MutableRecord
from . import diff as differ
from .loop import fix_source, wanted
from .write import FixWriteError, tree_roots, write_fixed


class FixRun(MutableRecord):
    __slots__ = ("results", "files", "fixed", "failed")

    def __init__(self, results: list, files: int = 0, fixed: int = 0, failed: int = 0) -> None:
        self.results = results      # FileResults: after fixing, what remains (unchanged with --diff)
        self.files = files          # files changed (or, with --diff, that would change)
        self.fixed = fixed          # fixes applied
        self.failed = failed        # files with fixes that could not or must not be written


def fix_results(results: list, plans: list, args, out, err, color: bool) -> FixRun:
    """``plans[i]`` is (rules, template, options) that ``results[i]`` was checked with."""
    run = FixRun(list(results))
    roots = tree_roots(args.paths)
    diff_lines: list[str] = []
    done: dict[tuple[int, int], object] = {}      # (device, inode) → the fixed result of its first path
    # identities taken before anything is written: a replaced file gets a new inode
    keys = [None if r.error or r.source is None else _identity(r.path) for r in results]
    for i, r in enumerate(results):
        if r.error or r.source is None or not wanted(r, args.unsafe_fixes):
            continue
        refusal = _refusal(r, args)
        if refusal:
            print(f"govlint: {r.path}: {refusal}", file=err)
            run.failed += 1
            continue
        key = keys[i]
        if key is not None and key in done:     # a symlink or hard-link alias of a file already handled
            if not args.diff and done[key] is not None:
                run.results[i] = _renamed(done[key], r.path)
            continue
        if key is not None:
            done[key] = None
        rules, template, options = plans[i]
        outcome = fix_source(r.source, rules, template, options, args.unsafe_fixes, first=r)
        if not outcome.changed:
            continue
        if args.diff:
            diff_lines.extend(differ.unified(r.path, outcome.source.text, outcome.text))
        else:
            try:
                write_fixed(r.path, outcome.source, outcome.text, roots)
            except FixWriteError as exc:
                print(f"govlint: {r.path}: {exc}", file=err)
                run.failed += 1
                continue
            run.results[i] = outcome.result
            if key is not None:
                done[key] = outcome.result
        run.files += 1
        run.fixed += outcome.fixed
    if diff_lines:
        from ..report.output import open_output, written

        stream = open_output(None, "text") if out is sys.stdout else out    # closed stdout: one line, exit 2
        written(None, lambda: differ.render(diff_lines, stream, color))
    return run


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_dev, st.st_ino


def _renamed(result, path: str):
    """The fixed file's remaining findings, reported under the alias it was also reached by."""
    return result.replace(path=path, diagnostics=[d.replace(path=path) for d in result.diagnostics])


def _refusal(r, args) -> str | None:
    fmt = r.source.format
    if fmt != "text":
        return f"无法自动修复 {fmt} 格式的文件（只能安全改写纯文本），请在原文件中修改"
    if r.path in ("-", "<stdin>") and not args.diff:
        return "标准输入无法就地修复，可用 --diff 查看修改内容"
    return None


def summary(run: FixRun, diff: bool) -> str:
    if diff:
        return f"govlint: 可修复 {run.fixed} 处问题，涉及 {run.files} 个文件（--diff 未写入任何文件）"
    return f"govlint: 已修复 {run.fixed} 处问题，写入 {run.files} 个文件"
