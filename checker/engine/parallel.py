"""Check many files on several processes; results come back in the order the files were given.

``-j N`` is N processes in all: the parent checks files too, beside N - 1 workers. Workers are forked
after the parent has loaded and compiled the rules, so each worker starts with them ready
(copy-on-write) and never re-loads or re-compiles per file. Where fork is unavailable the
initializer rebuilds the rules once per worker from the same settings.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator

from ..model.record import MutableRecord
from .runner import FileResult, check_path

# Forking a worker costs a few milliseconds; below this many files per worker one process is faster.
MIN_FILES_PER_WORKER = 8
MAX_CHUNK = 16
FREEZE_EVERY = 64               # files; see _in_process


class RunSpec(MutableRecord):
    """What a worker needs to rebuild the rule set when it cannot inherit it (spawn start method)."""

    __slots__ = ("rule_files", "select", "ignore", "extend_select", "template", "options")

    def __init__(self, rule_files: list[str] | None = None, select: list[str] | None = None,
                 ignore: list[str] | None = None, extend_select: list[str] | None = None,
                 template: str | None = None, options: dict | None = None) -> None:
        self.rule_files = [] if rule_files is None else rule_files
        self.select = [] if select is None else select
        self.ignore = [] if ignore is None else ignore
        self.extend_select = [] if extend_select is None else extend_select
        self.template = template
        self.options = {} if options is None else options


_rules: list | None = None
_spec: RunSpec | None = None


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:          # not on Linux
        return max(1, os.cpu_count() or 1)


def check_one(path: str, rules: list, spec: RunSpec) -> FileResult:
    """One file; an unexpected failure inside a rule becomes an error for this file, not a crash of the run."""
    try:
        return check_path(path, rules, spec.template, spec.options)
    except (MemoryError, RecursionError) as exc:
        return FileResult(path, error=f"内部错误：处理此文件时资源耗尽（{type(exc).__name__}）")
    except Exception as exc:  # noqa: BLE001 — one bad file must not stop the other files being checked
        import traceback

        where = traceback.extract_tb(exc.__traceback__)[-1]
        return FileResult(path, error=f"内部错误：{type(exc).__name__}: {exc}（{os.path.basename(where.filename)}:"
                                      f"{where.lineno}，请报告此问题）")


def warm(rules: list) -> None:
    """Import every kind and compile every rule once, before forking, so workers share the result."""
    for r in rules:
        r.compiled  # noqa: B018 — the property builds and caches the compiled form


def workers_for(n_files: int, jobs: int) -> int:
    return max(1, min(jobs, n_files // MIN_FILES_PER_WORKER))


def check_many(paths: list[str], rules: list, spec: RunSpec, jobs: int) -> Iterator[FileResult]:
    """Results for ``paths`` in order, on up to ``jobs`` processes (standard input is read here)."""
    n = workers_for(len(paths), jobs)
    if n <= 1 or "-" in paths:
        yield from _in_process(paths, rules, spec)
    else:
        yield from _fanned_out(paths, rules, spec, n)


def _in_process(paths: list[str], rules: list, spec: RunSpec) -> Iterator[FileResult]:
    for i, p in enumerate(paths):
        yield check_one(p, rules, spec)
        if i % FREEZE_EVERY == 0 and len(paths) > 1:
            # What is alive now lives to the end of the run: modules, rules and patterns (all loaded
            # after the first file) and the results so far. Out of the collector's reach, they are
            # not walked again by every full collection. Readers of .docx/.html leave reference
            # cycles behind: collected first (only what came since the last freeze is walked), so
            # no garbage is frozen.
            if i:
                gc.collect()
            gc.freeze()
    gc.unfreeze()


def _fanned_out(paths: list[str], rules: list, spec: RunSpec, n: int) -> Iterator[FileResult]:
    import multiprocessing          # 13 ms (socket, pickle): only runs that fan out pay for it

    from .workers import Worker, fd_budget

    global _rules, _spec
    warm(rules)
    _rules, _spec = rules, spec
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    # The rules, patterns and modules loaded so far outlive the workers: moved out of the collector's
    # reach, they are never written to (and so never copied) by a collection in a forked worker.
    gc.freeze()
    workers: list[Worker] = []
    finished = False
    try:
        for _ in range(fd_budget(n - 1)):
            try:
                workers.append(Worker(ctx, _serve, spec, workers))
            except OSError:         # no more processes or descriptors: the workers started so far do the run
                break
        if workers:
            yield from _in_order(_shared(workers, paths, rules, spec))
        else:
            yield from _in_process(paths, rules, spec)
        finished = True
    finally:
        for w in workers:
            w.stop(finished)
        gc.unfreeze()
        _rules = None


def _shared(workers: list, paths: list[str], rules: list, spec: RunSpec) -> Iterator[tuple[int, FileResult]]:
    """(index, result) of every path. The parent checks files too, one at a time, between keeping each
    worker two chunks ahead: n processes on n cores, no core left to a parent that only waits, and
    only the workers' results cross a pipe (unpickling them costs the parent ~0.15 ms a file). A
    chunk whose worker died is checked by the parent."""
    chunk = max(1, min(MAX_CHUNK, len(paths) // (len(workers) * 8)))
    nxt = 0
    while nxt < len(paths) or any(w.pending for w in workers):
        for w in workers:
            while w.alive and len(w.pending) < 2 and nxt < len(paths):
                w.give(nxt, paths[nxt:nxt + chunk])
                nxt += chunk
        if nxt < len(paths):
            yield nxt, check_one(paths[nxt], rules, spec)
            nxt += 1
        for w in workers:
            while w.pending and (nxt >= len(paths) or w.has_result()):
                first, chunk_paths, results = w.take()
                if results is None:
                    results = [check_one(p, rules, spec) for p in chunk_paths]
                yield from enumerate(results, first)


def _in_order(indexed: Iterator[tuple[int, FileResult]]) -> Iterator[FileResult]:
    waiting: dict[int, FileResult] = {}
    upto = 0
    for i, result in indexed:
        waiting[i] = result
        while upto in waiting:
            yield waiting.pop(upto)
            upto += 1


def _serve(tasks, results, spec: RunSpec, inherited: list = (), parent: int = 0) -> None:
    """A worker: chunks of paths in, their results out, until the parent sends None or goes away."""
    global _rules, _spec
    import signal                   # workers only: a one-process run never needs it

    from .workers import detach

    detach(inherited, parent or os.getppid())
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # Ctrl-C is the parent's to handle (it stops the workers)
    _spec = spec
    if _rules is None:              # spawned, not forked: build the rule set once for this worker
        from .loader import load_rules
        from .runner import select_rules

        _rules = select_rules(load_rules(spec.rule_files), spec.select, spec.ignore, spec.extend_select)
    while True:
        try:
            paths = tasks.recv()
        except EOFError:
            return
        if paths is None:
            return
        try:
            results.send([check_one(p, _rules, _spec) for p in paths])
        except OSError:             # the parent is gone
            return
