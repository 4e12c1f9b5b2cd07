"""The statistics tables as the template defines them (rules/tables/*.yaml) and as a report fills them.

A table is a grid keyed by the template's own ids: ``(row_id, column_id)``. Table 四 is modelled as
three rows (行政复议, 未经复议直接起诉, 复议后起诉) × five columns, printed as one flat row.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .. import lazy_re
from ..model.record import MutableRecord, Record
from ..resources import rules_root
from ..yamlio import load_yaml

# Numbering in front of a label (一、 （一） 1. 1、 (1)) and everything that is not a letter or digit:
# labels are compared without them, so 1、/1. , full/half width and 、/， variants all match.
# ``unnumbered`` strips them with string tests: the pattern, ^(?:[一二三四五六七八九十]+[、.]|
# [(][一二三四五六七八九十\d]+[)]|\d+[.、]), takes ~0.5 ms to compile for its class of numerals.
_NUMERALS = frozenset("一二三四五六七八九十")
_NOT_WORD = lazy_re.compile(r"[\W_]+")


@lru_cache(maxsize=8192)          # the same cell texts recur in every layout and generation tried
def squash(text: str) -> str:
    """Comparable form of a label: NFKC, no whitespace or punctuation."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text))


def squash_text(text: str) -> str:
    """``squash`` for one-off long texts (whole table spans), kept out of its cache."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text))


@lru_cache(maxsize=8192)          # template labels, asked for by every report
def label_key(label: str) -> str:
    return squash(unnumbered(unicodedata.normalize("NFKC", label).strip()))


def unnumbered(s: str) -> str:
    """``s`` without the numbering it opens with. Each kind of numbering is known by its first
    character and takes a whole run of numerals, so there is one candidate to test."""
    first = s[:1]
    if first in _NUMERALS:
        n = _run_end(s, 0, _NUMERALS.__contains__)
        return s[n + 1:] if s[n:n + 1] in ("、", ".") else s
    if first == "(":
        n = _run_end(s, 1, lambda ch: ch in _NUMERALS or ch.isdecimal())
        return s[n + 1:] if n > 1 and s[n:n + 1] == ")" else s
    if first.isdecimal():
        n = _run_end(s, 0, str.isdecimal)
        return s[n + 1:] if s[n:n + 1] in (".", "、") else s
    return s


def _run_end(s: str, i: int, test) -> int:
    while i < len(s) and test(s[i]):
        i += 1
    return i


class Column(Record):
    __slots__ = ("id", "label", "short", "keys", "decimal", "signed")

    def __init__(self, id: str, label: str, short: str, keys: tuple[str, ...] = (), decimal: bool = False,
                 signed: bool = False) -> None:
        self.id, self.label, self.short, self.keys = id, label, short, keys
        self.decimal = decimal      # amounts in 万元/元 may have decimals
        self.signed = signed        # 本年增/减 may be negative


class Row(Record):
    __slots__ = ("id", "label", "short", "data", "keys")

    def __init__(self, id: str, label: str, short: str, data: bool = True, keys: tuple[str, ...] = ()) -> None:
        self.id, self.label, self.short, self.data, self.keys = id, label, short, data, keys


class HeaderCell(Record):
    __slots__ = ("text", "colspan", "rowspan")

    def __init__(self, text: str, colspan: int = 1, rowspan: int = 1) -> None:
        self.text, self.colspan, self.rowspan = text, colspan, rowspan


class Block(Record):
    __slots__ = ("rows", "columns", "header", "caption", "flat")

    def __init__(self, rows: tuple[str, ...], columns: tuple[str, ...],
                 header: tuple[tuple[HeaderCell, ...], ...], caption: str = "", flat: bool = False) -> None:
        self.rows, self.columns, self.header, self.caption, self.flat = rows, columns, header, caption, flat


class TableDef:
    """One table of one generation. Compared and hashed by identity: one instance per definition.
    The derived lookups are computed once here, since every mapping of every report reads them."""

    __slots__ = ("id", "generation", "section", "name", "title", "columns", "rows", "blocks", "header_keys",
                 "flat", "_row_blocks", "data_rows", "cells", "_row_keys")

    def __init__(self, id: str, generation: str, section: str, name: str, title: str, columns: dict[str, Column],
                 rows: dict[str, Row], blocks: tuple[Block, ...], header_keys: tuple[str, ...] = ()) -> None:
        self.id, self.generation, self.section, self.name, self.title = id, generation, section, name, title
        self.columns, self.rows, self.blocks, self.header_keys = columns, rows, blocks, header_keys
        self.flat = any(b.flat for b in blocks)
        self._row_blocks = {r: b for b in blocks for r in b.rows}
        self.data_rows = tuple(r for r in rows if rows[r].data)
        self.cells = tuple((r, c) for r in self.data_rows for c in self.columns_of(r))
        self._row_keys = {r: tuple((r, c) for c in self.columns_of(r)) for r in self._row_blocks}

    def __repr__(self) -> str:
        return f"TableDef({self.generation}:{self.id})"

    def block_of(self, row_id: str) -> Block:
        return self._row_blocks[row_id]

    def columns_of(self, row_id: str) -> tuple[str, ...]:
        return self._row_blocks[row_id].columns

    def keys_of(self, row_id: str) -> tuple[tuple[str, str], ...]:
        """The cell keys of a row, ``(row_id, column)`` for every column of ``columns_of``."""
        return self._row_keys[row_id]

    def cell_name(self, row_id: str, col_id: str) -> str:
        row = self.rows[row_id]
        col = self.columns[col_id]
        if self.flat:
            return f"{row.short}{col.short}"
        if len(self.columns_of(row_id)) == 1:
            return row.short
        return f"{row.short}·{col.short}"


def _header_cell(c) -> HeaderCell:
    if isinstance(c, str):
        return HeaderCell(c)
    return HeaderCell(c["text"], c.get("colspan", 1), c.get("rowspan", 1))


def _build(data: dict, generation: str) -> TableDef:
    cols = {c["id"]: Column(c["id"], c["label"], c.get("short", c["label"]), tuple(c.get("keys", ())),
                            c.get("decimal", False), c.get("signed", False)) for c in data["columns"]}
    rows = {r["id"]: Row(r["id"], r["label"], r.get("short", r["label"]), r.get("data", True),
                         tuple(r.get("keys", ()))) for r in data["rows"]}
    blocks = tuple(
        Block(tuple(b["rows"]), tuple(b["columns"]),
              tuple(tuple(_header_cell(c) for c in hr) for hr in b.get("header", ())),
              b.get("caption", ""), b.get("flat", False))
        for b in data["blocks"]
    )
    return TableDef(data["id"], generation, data["section"], data["name"], data["title"], cols, rows, blocks,
                    tuple(data.get("header_keys", ())))


@lru_cache(maxsize=1)
def definitions() -> dict[str, dict[str, TableDef]]:
    """{generation: {table id: TableDef}} for every file in rules/tables/."""
    out: dict[str, dict[str, TableDef]] = {}
    for path in sorted((rules_root() / "tables").glob("*.yaml")):
        data = load_yaml(path)
        gen = data["generation"]
        out[gen] = {t["id"]: _build(t, gen) for t in data["tables"]}
    return out


def tables_for(generation: str) -> dict[str, TableDef]:
    return definitions().get(generation, {})


# ---- a filled table -------------------------------------------------------------------------------

NUMBER, BLANK, NA, TEXT = "number", "blank", "na", "text"


class Cell(MutableRecord):
    __slots__ = ("text", "state", "value", "start", "end")

    def __init__(self, text: str, state: str, value: float | None, start: int = -1, end: int = -1) -> None:
        self.text = text
        self.state = state          # number | blank | na (“/”, “—”) | text (other non-numeric)
        self.value = value
        self.start, self.end = start, end

    @property
    def number(self) -> float:
        """Value for arithmetic: blanks and non-numeric cells count as 0 (they are flagged separately)."""
        return self.value if self.value is not None else 0.0


class FilledTable(MutableRecord):
    """A table as read from a report. Which token of ``source`` (the cells it was read from: parallel
    per-token lists ``texts``, ``starts``, ``ends``, ``cells`` (classified, without position) and
    ``numbers`` (``Cell.number``)) fills each template cell is ``index``; the positioned ``Cell``
    objects of ``cells`` are built only when asked for, since the checks read the lists directly."""

    __slots__ = ("tdef", "source", "index", "rows_found", "columns_found", "header_found", "start", "end",
                 "normalised", "origin", "score", "short_rows", "unplaced", "label_typos", "incomplete", "_cells",
                 "_numbers",
                 "_top", "_codes")

    def __init__(self, tdef: TableDef, source, start: int = -1, end: int = -1, normalised: bool = True,
                 origin: str = "") -> None:
        self.tdef = tdef
        self.source = source
        self.index: dict[tuple[str, str], int] = {}         # (row id, column id) -> token of source
        self.rows_found: dict[str, tuple[int, int]] = {}     # row id -> label span
        self.columns_found: set[str] = set()
        self.header_found = False
        self.start, self.end = start, end
        self.normalised = normalised    # offsets in doc.text (text layouts) or in source.text (readers)
        self.origin = origin
        self.score = 0.0
        self.short_rows: list[str] = []   # rows with fewer values than columns
        # short rows of a layout where blank cells leave no trace (aligned or run-together text): which
        # columns their values belong to is not known, so they are not placed in ``index`` at all
        self.unplaced: list[str] = []
        self.label_typos: dict[str, str] = {}     # row id -> the misspelt label it was recognised by
        self.incomplete = False     # the reader could not put the table together (a page break): rows may be lost
        self._cells: dict | None = None
        self._numbers: dict | None = None
        self._top: float | None = -1.0
        self._codes: str | None = None

    @property
    def generation(self) -> str:
        return self.tdef.generation

    @property
    def cells(self) -> dict[tuple[str, str], Cell]:
        """Every filled cell, with its position, in ``index`` order; read once the table is complete
        (tables are not changed after extraction)."""
        if self._cells is None:
            src = self.source
            texts, starts, ends, base = src.texts, src.starts, src.ends, src.cells
            self._cells = {k: Cell(texts[i], base[i].state, base[i].value, starts[i], ends[i])
                           for k, i in self.index.items()}
        return self._cells

    def classified(self, row: str, col: str) -> Cell | None:
        """The cell's text, state and value (no position), or None when it was not filled."""
        i = self.index.get((row, col))
        return None if i is None else self.source.cells[i]

    def cell_codes(self) -> str:
        """The event codes (labels.Prepared) of the filled cells, in ``index`` order (read by several
        rules; tables are not changed after extraction)."""
        if self._codes is None:
            self._codes = "".join(map(self.source.codes.__getitem__, self.index.values()))
        return self._codes

    def value(self, row: str, col: str) -> float:
        i = self.index.get((row, col))
        return 0.0 if i is None else self.source.numbers[i]

    def numbers(self) -> dict[tuple[str, str], float]:
        """``Cell.number`` of every cell, for the relations."""
        if self._numbers is None:
            self._numbers = dict(zip(self.index, map(self.source.numbers.__getitem__, self.index.values())))
        return self._numbers

    def integral_max(self) -> float | None:
        """The largest ``numbers()`` value when every one is a non-negative integer, else None. Only
        number cells with such a value have the code P (labels.Prepared); every other cell counts 0."""
        if self._top == -1.0:
            nums = self.numbers()
            self._top = None if "Q" in self.cell_codes() else max(nums.values(), default=0.0)
        return self._top

    def has_numbers(self) -> bool:
        return any(self.source.cells[i].state == NUMBER for i in self.index.values())

    def span(self, row: str, col: str) -> tuple[int, int]:
        i = self.index.get((row, col))
        if i is not None and self.source.starts[i] >= 0:
            return self.source.starts[i], self.source.ends[i]
        return self.rows_found.get(row, (self.start, self.start))
