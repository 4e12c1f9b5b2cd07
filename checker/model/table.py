"""Tables as readers deliver them (docx/html/pdf cells, or text parsed into rows) before any
mapping to template ids. Layout parsing fills these; label mapping (checker.tables) reads them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class RawCell:
    text: str
    start: int = -1          # offsets in Source.text of the rendered cell text; -1 when unknown
    end: int = -1
    rowspan: int = 1
    colspan: int = 1


@dataclass
class RawTable:
    rows: list[list[RawCell]] = field(default_factory=list)
    start: int = -1          # span of the whole table in Source.text
    end: int = -1
    origin: str = ""         # "docx", "html", "pdf", "text:<layout>"
    notes: list[str] = field(default_factory=list)   # e.g. lossy extraction remarks from the reader
