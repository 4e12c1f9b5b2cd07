"""Worker processes for ``-j``: each reads chunks of paths from a pipe of its own and writes their
results back on another, which the parent polls between the files it checks itself.

Not multiprocessing.Pool: its task and result threads need the parent's GIL for every hand-over,
and a parent busy checking files gives it up only every switch interval, several times per chunk, so
workers idled ~15% of a run waiting to hand results over. Plain pipes read by the main thread need no
threads; the result pipe is widened so a worker's write of a whole chunk never waits for the reader.
"""

from __future__ import annotations

import os
from collections import deque

PIPE_BYTES = 1 << 20            # Linux's default limit for an unprivileged F_SETPIPE_SZ
F_SETPIPE_SZ = 1031             # fcntl.F_SETPIPE_SZ, named there only from Python 3.10 on Linux


# Descriptors the parent holds per worker once it runs: the task and result pipe ends, and the two ends
# of multiprocessing's own sentinel pipes; starting one briefly needs as many again.
FDS_PER_WORKER = 4
FD_RESERVE = 32                 # for the files the parent reads and what libraries open meanwhile
PR_SET_PDEATHSIG = 1


def fd_budget(wanted: int) -> int:
    """Workers that fit under the open-file limit (``-j 600`` under ``ulimit -n 1024`` must not fail)."""
    try:
        import resource

        soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    except (ImportError, OSError, ValueError):
        return wanted
    if soft == resource.RLIM_INFINITY:
        return wanted
    try:
        in_use = len(os.listdir("/proc/self/fd"))
    except OSError:
        in_use = 16
    return max(0, min(wanted, (soft - in_use - FD_RESERVE - FDS_PER_WORKER) // FDS_PER_WORKER))


class Worker:
    """One worker process and the chunks it has been given, oldest first."""

    def __init__(self, ctx, serve, spec, siblings: list[Worker] = ()) -> None:
        tasks_in, self._tasks = ctx.Pipe(duplex=False)
        self._results, results_out = ctx.Pipe(duplex=False)
        # A forked worker inherits the parent's end of its own pipes and of every earlier worker's: each
        # must be closed in the worker, or a parent killed with -9 leaves the worker waiting on a task
        # pipe that it keeps open itself. (A spawned worker inherits nothing.)
        inherited = [self._tasks, self._results] + [c for w in siblings for c in (w._tasks, w._results)]
        forked = ctx.get_start_method() == "fork"
        self.process = ctx.Process(target=serve, daemon=True,
                                   args=(tasks_in, results_out, spec, inherited if forked else [], os.getpid()))
        try:
            self.process.start()
        except BaseException:
            for c in (tasks_in, results_out, self._tasks, self._results):
                c.close()
            raise
        tasks_in.close()
        results_out.close()
        _widen(self._results.fileno())
        self.pending: deque[tuple[int, list[str]]] = deque()     # (index of the first path, paths)
        self.alive = True

    def give(self, first: int, paths: list[str]) -> None:
        try:
            self._tasks.send(paths)
        except OSError:             # the worker is gone: its chunk comes back unchecked from take()
            self.alive = False
        self.pending.append((first, paths))

    def has_result(self) -> bool:
        return bool(self.pending) and (not self.alive or self._results.poll())

    def take(self) -> tuple[int, list[str], list | None]:
        """The oldest chunk's (first index, paths, results); results None if the worker died."""
        first, paths = self.pending.popleft()
        if self.alive:
            try:
                return first, paths, self._results.recv()
            except (EOFError, OSError):
                self.alive = False
        return first, paths, None

    def stop(self, finished: bool) -> None:
        """After a finished run the worker is asked to exit; after an error or Ctrl-C it is ended."""
        if finished and self.alive:
            try:
                self._tasks.send(None)
            except OSError:
                pass
            self.process.join(timeout=5)
        if self.process.is_alive():
            self.process.terminate()
            self.process.join()
        self._tasks.close()
        self._results.close()


def detach(inherited: list, parent: int) -> None:
    """In a new worker: close the parent's pipe ends, and die with the parent (Linux)."""
    for conn in inherited:
        conn.close()
    try:
        import ctypes
        import signal

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (ImportError, OSError, AttributeError):   # not Linux: end-of-file on the task pipe still ends it
        pass
    if os.getppid() != parent:      # the parent died before the signal was armed
        os._exit(0)


def _widen(fd: int) -> None:
    try:
        import fcntl

        fcntl.fcntl(fd, F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, OSError):  # not Linux, or a lower limit: smaller writes just wait for the reader
        pass
