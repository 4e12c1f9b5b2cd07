"""Diagnostics and fixes — the one currency between rules, reporters and the fixer."""

from __future__ import annotations

from enum import IntEnum

from .record import MutableRecord, Record


class Severity(IntEnum):
    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, name: str) -> "Severity":
        return cls[name.upper()]

    @property
    def label(self) -> str:
        return self.name.lower()


class Edit(Record):
    """Replace ``text[start:end]`` of the ORIGINAL file with ``replacement``."""

    __slots__ = ("start", "end", "replacement")

    def __init__(self, start: int, end: int, replacement: str) -> None:
        self.start, self.end, self.replacement = start, end, replacement


class Fix(Record):
    """A set of edits applied together; ``safe`` fixes run with ``--fix``, others need ``--unsafe-fixes``."""

    __slots__ = ("edits", "safe", "description")

    def __init__(self, edits: tuple[Edit, ...], safe: bool = True, description: str = "") -> None:
        self.edits, self.safe, self.description = edits, safe, description

    def __reduce__(self):
        # A summarised finding's fix holds hundreds of edits, and every result is pickled once or twice
        # (from a worker, into the spill file): plain tuples pickle several times faster than objects.
        return _fix, (tuple([(e.start, e.end, e.replacement) for e in self.edits]), self.safe, self.description)


def _fix(edits: tuple, safe: bool, description: str) -> Fix:
    return Fix(tuple([Edit(s, e, r) for s, e, r in edits]), safe, description)


class Diagnostic(MutableRecord):
    __slots__ = ("code", "name", "severity", "message", "path", "start", "end", "line", "column", "end_line",
                 "end_column", "fix", "expected", "found", "related", "location")

    def __init__(self, code: str, name: str, severity: Severity, message: str, path: str, start: int, end: int,
                 line: int = 0, column: int = 0, end_line: int = 0, end_column: int = 0, fix: Fix | None = None,
                 expected: str | None = None, found: str | None = None,
                 related: list[tuple[int, int, str]] | None = None, location: str | None = None) -> None:
        self.code, self.name, self.severity, self.message, self.path = code, name, severity, message, path
        self.start, self.end = start, end           # code-point offsets in the original text
        self.line, self.column, self.end_line, self.end_column = line, column, end_line, end_column
        self.fix = fix
        self.expected, self.found = expected, found     # for diff-style output (template vs found)
        self.related = [] if related is None else related   # (start, end, note)
        self.location = location    # non-text position (docx paragraph, pdf page) when the reader gives one

    def __reduce__(self):
        # the severity as a plain int: an enum member pickles through a Python-level __reduce_ex__
        return _diagnostic, (self.code, self.name, self.severity.value, self.message, self.path, self.start,
                             self.end, self.line, self.column, self.end_line, self.end_column, self.fix,
                             self.expected, self.found, self.related, self.location)

    def sort_key(self) -> tuple:
        # No message tie-break: findings of one rule at one place keep the rule's order (GL101 names
        # missing sections in template order; “三” sorts before “二” by code point).
        return (self.path, self.start, self.code)


_SEVERITY = {s.value: s for s in Severity}


def _diagnostic(code, name, severity, *rest) -> Diagnostic:
    return Diagnostic(code, name, _SEVERITY[severity], *rest)
