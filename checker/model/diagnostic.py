"""Diagnostics and fixes — the one currency between rules, reporters and the fixer."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum


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


@dataclass(frozen=True)
class Edit:
    """Replace ``text[start:end]`` of the ORIGINAL file with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True)
class Fix:
    """A set of edits applied together; ``safe`` fixes run with ``--fix``, others need ``--unsafe-fixes``."""

    edits: tuple[Edit, ...]
    safe: bool = True
    description: str = ""


@dataclass
class Diagnostic:
    code: str
    name: str
    severity: Severity
    message: str
    path: str
    start: int                      # code-point offsets in the original text
    end: int
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0
    fix: Fix | None = None
    expected: str | None = None     # for diff-style output (template vs found)
    found: str | None = None
    related: list[tuple[int, int, str]] = field(default_factory=list)  # (start, end, note)
    location: str | None = None     # non-text position (docx paragraph, pdf page) when the reader gives one

    def sort_key(self) -> tuple:
        return (self.path, self.start, self.code, self.message)
