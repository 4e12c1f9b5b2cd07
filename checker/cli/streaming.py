"""How ``govlint check`` keeps memory flat in the number of files.

Streamed formats (a reporter module with a ``Stream`` class: text, concise, json-lines, github, gitlab,
csv) write each file's part as soon as it and every file before it are final, then drop it. A file is
final when no later file can add a cross-report finding to it: one whose facts a cross-file rule keeps
(the same body's report of another year may still come) waits for the end of the run, and so does every
file after it, in input order. Waiting results (but the first few) are pickled to an anonymous temporary
file (checker/engine/spill.py); memory keeps only the cross-file facts' index values (their other facts are
spilled too) and each waiting file's place in that file.

Formats that need the whole run before writing (json, sarif, junit, html, xlsx, --statistics) are
given a ``Spooled`` sequence: every result is on disk, and each pass of the reporter reads them back one
at a time, with the cross-file findings added as they are read.

Whatever the format, the run keeps a ``Tally`` (the closing line), the unreadable files' messages and
whether any finding reaches --fail-on, all of them counted on the final results.
"""

from __future__ import annotations

from ..engine.crossfile import SpilledFacts, add_findings, cross_findings, cross_rules, kept_facts, spilled
from ..engine.spill import SpillFile
from ..model.diagnostic import Severity
from ..report.summary import Tally


HELD = 32           # results kept as they are before the spool goes to disk: a small run writes no file


class Spool:
    """Results by index (0 … count − 1): the first ``HELD`` kept as objects, the others in a spill file
    that goes away with the run. Where each one lies is kept in two arrays: 16 bytes a file, not a dict
    entry."""

    def __init__(self, count: int, spill: SpillFile) -> None:
        from array import array

        self._spill = spill
        self._held: dict = {}
        self._offset = array("q", [-1]) * count
        self._size = array("q", [0]) * count

    def put(self, key: int, result) -> None:
        if len(self._held) < HELD:
            self._held[key] = result
            return
        self._offset[key], self._size[key] = self._spill.put(result)

    def get(self, key: int):
        """The result; a spilled one is a new copy at each call."""
        if key in self._held:
            return self._held[key]
        return self._spill.get(self._offset[key], self._size[key])

    def take(self, key: int):
        if key in self._held:
            return self._held.pop(key)
        result = self.get(key)
        self._offset[key] = -1
        return result

    def copied(self, key: int) -> bool:
        return key not in self._held

    def __contains__(self, key: int) -> bool:
        return key in self._held or (0 <= key < len(self._offset) and self._offset[key] >= 0)



class Spooled:
    """The run's final results in input order, read back from the spool at each pass."""

    def __init__(self, spool: Spool, count: int, extra: dict) -> None:
        self._spool, self._count, self._extra = spool, count, extra

    def __len__(self) -> int:
        return self._count

    def __iter__(self):
        for i in range(self._count):
            r = self._spool.get(i)
            if self._spool.copied(i):       # a held result got its cross-file findings in Ordered.finish
                add_findings(r, self._extra.get(i))
            yield r


class Ordered:
    """Takes each file's result as it is checked (any order, by index into the run's files) and hands
    the final results to ``emit`` in input order (``emit`` None: everything is spooled for a reporter
    that needs the whole run, see ``results``)."""

    def __init__(self, count: int, rules, emit=None, names=None) -> None:
        from array import array

        self.count, self.emit = count, emit
        # each file's --fail-on, as an index into the few distinct values a run has: a byte a file
        self._levels: list[str] = []
        self._level_of = array("B", [0]) * count
        self.rules = cross_rules(rules)
        self.by_code = {r.code: r for r in self.rules}
        self.spill = SpillFile()
        self.spool = Spool(count, self.spill)
        self.names = names              # the run's own path strings, shared instead of the workers' copies
        self.shared: dict = {}          # equal index values of facts (a body's name, a year) kept once
        self.next = 0                   # the first index not emitted yet
        self.waits_from: int | None = None      # the first index that may still get a cross-file finding
        self.cross: list[SpilledFacts] = []
        self.extra: dict = {}
        self.tally = Tally()
        self.failing = False
        self.errors: list[tuple[str, str]] = []

    def add(self, index: int, result, fail_on: str) -> None:
        if fail_on not in self._levels:
            self._levels.append(fail_on)
        self._level_of[index] = self._levels.index(fail_on)
        facts = kept_facts(result, self.by_code)
        result.cross = {}               # the facts live on in self.cross only
        if facts is not None:
            self.cross += spilled(index, self._path(index, result.path), facts, self.by_code, self.spill, self.shared)
            if self.waits_from is None or index < self.waits_from:
                self.waits_from = index
        if self.emit is not None and index == self.next and self._may_emit(index):
            self._final(index, result)
            self.next += 1
            self._drain()
        else:
            self.spool.put(index, result)

    def _path(self, index: int, path: str) -> str:
        names = self.names
        return names[index] if names is not None and names[index] == path else path

    def _may_emit(self, index: int) -> bool:
        return self.waits_from is None or index < self.waits_from

    def _drain(self) -> None:
        while self.next in self.spool and self._may_emit(self.next):
            self._final(self.next, self.spool.take(self.next))
            self.next += 1

    def _final(self, index: int, result) -> None:
        """``result`` will change no more: counted, then written (streamed formats)."""
        add_findings(result, self.extra.get(index))
        self.tally.add(result)
        if result.error:
            self.errors.append((result.path, result.error))
        if not self.failing:
            level = Severity.parse(self._levels[self._level_of[index]])
            self.failing = any(d.severity >= level for d in result.diagnostics)
        if self.emit is not None:
            self.emit(result)

    def finish(self):
        """After the last file: the cross-file findings, then the rest in order. Returns the results for
        a whole-run reporter (a ``Spooled`` sequence), or None when they were emitted."""
        self.extra = cross_findings(self.cross, self.rules)
        self.cross = []
        if self.emit is not None:
            self.waits_from = None
            self._drain()
            if self.next < self.count:      # a file's result never came back: a bug, not a shorter report
                raise KeyError(self.next)
            return None
        for i in range(self.count):     # counted once here; the reporter reads them again
            r = self.spool.get(i)
            self._final(i, r)
        return Spooled(self.spool, self.count, self.extra)

    def close(self) -> None:
        self.spill.close()
