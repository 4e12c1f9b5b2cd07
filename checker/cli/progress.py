"""A progress bar on standard error for runs that take a while (rich.progress).

Nothing is shown, and rich is not imported, until a run has taken ``DELAY`` seconds; only when both
standard output and standard error are terminals and the format is one people read, so machine
output, pipes and files never see it. The bar is transient: it is gone when the report prints.

A streamed report prints while files are still being checked: the bar is taken down before each
write and comes back only after ``DELAY`` seconds without output (a run waiting on a slow file, or on
the end of the run for cross-report checks), so bar and report never share a line."""

from __future__ import annotations

import sys
import time

DELAY = 1.0
HUMAN_FORMATS = ("text", "full", "concise")


def wanted(fmt: str, args, total: int) -> bool:
    from .check import is_terminal

    return (total > 1 and fmt in HUMAN_FORMATS and not getattr(args, "output_file", None)
            and is_terminal(sys.stdout) and is_terminal(sys.stderr))


class Progress:
    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.enabled = total, enabled
        self.done = 0
        self.started = time.perf_counter()       # … or the last output: the bar waits DELAY after either
        self._bar = self._task = None

    def advance(self, path: str) -> None:
        self.done += 1
        if not self.enabled:
            return
        if self._bar is None:
            if time.perf_counter() - self.started < DELAY or self.done >= self.total:
                return
            self._start()
        self._bar.update(self._task, completed=self.done, description=_short(path))

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bar, TextColumn, TimeElapsedColumn

        self._bar = Bar(TextColumn("检查中"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        TextColumn("{task.description}"), console=Console(file=sys.stderr), transient=True)
        self._task = self._bar.add_task("", total=self.total, completed=self.done)
        self._bar.start()

    def before_output(self) -> None:
        """The report is about to print on the terminal: the bar goes, and waits for DELAY of silence."""
        if self.enabled:
            self.close()
            self.started = time.perf_counter()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def _short(path: str) -> str:
    return path if len(path) <= 40 else "…" + path[-39:]
