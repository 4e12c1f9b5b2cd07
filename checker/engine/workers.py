"""Worker processes for ``-j``: each reads chunks of paths from a pipe of its own and writes their
results back on another, which the parent polls between the files it checks itself.

Not multiprocessing.Pool: its task and result threads need the parent's GIL for every hand-over,
and a parent busy checking files gives it up only every switch interval, several times per chunk, so
workers idled ~15% of a run waiting to hand results over. Plain pipes read by the main thread need no
threads; the result pipe is widened so a worker's write of a whole chunk never waits for the reader.
"""

from __future__ import annotations

from collections import deque

PIPE_BYTES = 1 << 20            # Linux's default limit for an unprivileged F_SETPIPE_SZ
F_SETPIPE_SZ = 1031             # fcntl.F_SETPIPE_SZ, named there only from Python 3.10 on Linux


class Worker:
    """One worker process and the chunks it has been given, oldest first."""

    def __init__(self, ctx, serve, spec) -> None:
        tasks_in, self._tasks = ctx.Pipe(duplex=False)
        self._results, results_out = ctx.Pipe(duplex=False)
        self.process = ctx.Process(target=serve, args=(tasks_in, results_out, spec), daemon=True)
        self.process.start()
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


def _widen(fd: int) -> None:
    try:
        import fcntl

        fcntl.fcntl(fd, F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, OSError):  # not Linux, or a lower limit: smaller writes just wait for the reader
        pass
