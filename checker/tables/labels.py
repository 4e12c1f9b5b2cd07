"""Map cells of a RawTable (from any text layout or a docx/html/pdf reader) to template ids.

Cells are read in row-major order as a stream. Consecutive label cells are joined (so “商业\\n企业”,
a label split over PDF lines, or a group label merged in front of its first row all read as one
label); the row labels found in a joined label name the row that the following value cells belong
to. Column headers only tell which columns are present; values are taken in template column order.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from ..model.table import RawTable
from .model import BLANK, NA, NUMBER, TEXT, Cell, FilledTable, TableDef, label_key, squash

_NUM = re.compile(r"^([+\-−]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(?:万元|元|件|宗|个|条|项|次|家)?$")
_CHANGE = re.compile(r"^(增加|减少|增|减)\s*(\d+(?:\.\d+)?)\s*(?:件|个|项)?$")
_NA = re.compile(r"^(?:/+|\\|—+|-+|－+|–+|―+|─+|无|空|×|&nbsp;|nbsp)$")
_LEAD_NUM = re.compile(r"^[一二三四五六七八九十\d]+")
_PROSE = re.compile(r"[。；;！？]")
SHORT_KEY = 2
MAX_LABEL = 60
MAX_TEXT_CELL = 6


def _text_cell(text: str) -> bool:
    """One to four CJK ideographs (不详, 暂无). A string test: a regex class this wide takes ~0.5 ms
    to compile at every start."""
    return 1 <= len(text) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in text)


@lru_cache(maxsize=4096)
def classify(text: str) -> Cell:
    """What a cell's text is (shared instances: callers copy, never mutate)."""
    t = unicodedata.normalize("NFKC", text).strip()
    if not t:
        return Cell(text, BLANK, None)
    m = _NUM.match(t)
    if m:
        sign = -1 if m.group(1) in ("-", "−") else 1
        return Cell(text, NUMBER, sign * float(m.group(2).replace(",", "") + (m.group(3) or "")))
    m = _CHANGE.match(t)
    if m:
        sign = -1 if m.group(1).startswith("减") else 1
        return Cell(text, NUMBER, sign * float(m.group(2)))
    if _NA.match(t):
        return Cell(text, NA, None)
    return Cell(text, TEXT, None)


@dataclass
class _Token:
    text: str
    start: int
    end: int
    cell: Cell


@dataclass(frozen=True)
class _Keys:
    rx: re.Pattern
    entries: dict            # key -> tuple[(kind, id)]


@lru_cache(maxsize=16)
def _keys(tdef: TableDef) -> _Keys:
    entries: dict[str, list] = {}

    def add(key: str, kind: str, ident):
        if key and (kind, ident) not in entries.setdefault(key, []):
            entries[key].append((kind, ident))

    for row in tdef.rows.values():
        kind = "hdr" if tdef.flat else "row"
        for k in (label_key(row.label), *map(squash, row.keys)):
            add(k, kind, row.id)
    for col in tdef.columns.values():
        for k in (label_key(col.label), *map(squash, col.keys)):
            add(k, "col", col.id)
    for k in tdef.header_keys:
        add(squash(k), "hdr", None)
    for b in tdef.blocks:
        if b.caption:
            add(squash(b.caption), "hdr", None)
    alts = sorted(entries, key=len, reverse=True)
    rx = re.compile("|".join(re.escape(k) for k in alts))
    return _Keys(rx, {k: tuple(v) for k, v in entries.items()})


@dataclass
class _State:
    table: FilledTable
    rows_phase: bool = False
    current: str | None = None
    pending: dict = field(default_factory=dict)     # row -> list of value tokens
    flat_values: list = field(default_factory=list)
    stray: int = 0
    matched_keys: int = 0
    groups_found: set = field(default_factory=set)


class Prepared:
    """A RawTable's cells classified once, shared by every TableDef it is mapped to."""

    def __init__(self, raw: RawTable):
        self.raw = raw
        self.tokens = [_Token(c.text, c.start, c.end, classify(c.text)) for row in raw.rows for c in row]

    @cached_property
    def label_text(self) -> str:
        """Squashed text of every cell that can be part of a label, NUL where a label cannot continue:
        every key ``_flush`` can match lies inside it, so it bounds the labels a mapping can find."""
        parts = []
        for tok in self.tokens:
            state = tok.cell.state
            if state == NA or (state == TEXT and not _PROSE.search(tok.text) and len(tok.text) <= MAX_LABEL):
                parts.append(squash(tok.text))
            else:
                parts.append("\0")
        return "".join(parts)


def prepare(raw: RawTable) -> Prepared:
    return Prepared(raw)


def map_table(raw: RawTable, tdef: TableDef, normalised: bool = True) -> FilledTable:
    """Fill ``tdef``'s grid from ``raw``; ``table.score`` says how well the labels matched (0..1)."""
    return map_prepared(prepare(raw), tdef, normalised)


def score_bound(p: Prepared, tdef: TableDef) -> float:
    """No mapping of ``p`` to ``tdef`` scores more than this: every counted label found, every cell
    filled, no stray number. Lets the caller skip mappings that cannot beat one already made."""
    text = p.label_text
    found: set = set()
    for key, ids in _counted_keys(tdef):
        if key in text:
            found |= ids
    return len(found) + 1.0


@lru_cache(maxsize=16)
def _counted_keys(tdef: TableDef) -> tuple[tuple[str, frozenset], ...]:
    """(key, the ids it may add to ``_score``'s label count) for every key of ``tdef``."""
    data = set(tdef.data_rows)

    def counted(kind, ident) -> bool:
        if kind == "col":
            return True
        return ident is not None and (kind == "hdr" if tdef.flat else (kind == "row" and ident in data))

    out = []
    for key, entries in _keys(tdef).entries.items():
        ids = frozenset(e for e in entries if counted(*e))
        if ids:
            out.append((key, ids))
    return tuple(out)


def map_prepared(p: Prepared, tdef: TableDef, normalised: bool = True) -> FilledTable:
    raw, tokens = p.raw, p.tokens
    st = _State(FilledTable(tdef, start=raw.start, end=raw.end, normalised=normalised, origin=raw.origin))
    buf: list[_Token] = []
    for i, tok in enumerate(tokens):
        state = tok.cell.state
        if state == NA and buf and i + 1 < len(tokens) and tokens[i + 1].cell.state == TEXT:
            buf.append(tok)               # “/” between label pieces: 本年增/减 printed one character per line
            continue
        if state == TEXT:
            if _PROSE.search(tok.text) or len(tok.text) > MAX_LABEL:
                _flush(st, buf, tdef)          # a sentence, not a label: it ends the row before it
                buf = []
                st.current = None
            else:
                buf.append(tok)
            continue
        if buf:
            _flush(st, buf, tdef)
            buf = []
        _value(st, tok, tdef)
    if buf:
        _flush(st, buf, tdef)
    _assign(st, tdef)
    st.table.score = _score(st, tdef)
    return st.table


def _flush(st: _State, buf: list[_Token], tdef: TableDef) -> None:
    if not buf:
        return
    keys = _keys(tdef)
    text, owner = "", []
    for i, tok in enumerate(buf):
        s = squash(tok.text)
        text += s
        owner.extend([i] * len(s))
    if st.current is not None and keys.rx.search(text) is None and _inside_row(st, tdef, buf):
        st.pending.setdefault(st.current, []).extend(buf)    # “不详”, “暂无” in a value cell
        return
    st.current = None
    last = -1
    for m in keys.rx.finditer(text):
        key = m.group()
        if len(key) <= SHORT_KEY and not _whole(buf, owner, m, key):
            continue
        kind, ident = _resolve(keys.entries[key], st.rows_phase)
        st.matched_keys += 1
        first = buf[owner[m.start()]]
        last = owner[m.end() - 1]
        if kind == "row":
            st.rows_phase = True
            row = tdef.rows[ident]
            if ident not in st.table.rows_found:
                st.table.rows_found[ident] = (first.start, buf[last].end)
                st.current = ident if row.data else None
            else:
                st.current = None          # a second row with the same label: its values are not read
        elif kind == "col":
            st.table.columns_found.add(ident)
            st.table.header_found = True
        else:
            st.table.header_found = True
            if ident is not None:
                st.groups_found.add(ident)
    tail = buf[last + 1:]
    if st.current is not None and tail and all(_text_cell(t.text.strip()) for t in tail):
        st.pending.setdefault(st.current, []).extend(tail)   # “不详” right after the row label


def _inside_row(st: _State, tdef: TableDef, buf) -> bool:
    """Short unknown text while the current row still lacks values is a non-numeric cell of it."""
    have = len(st.pending.get(st.current, ()))
    return all(len(t.text.strip()) <= MAX_TEXT_CELL for t in buf) and have + len(buf) <= len(tdef.columns_of(st.current))


def _whole(buf, owner, m, key: str) -> bool:
    """A short key (其他, 总计, 规章) counts only as a whole label, not inside a longer one."""
    first, last = owner[m.start()], owner[m.end() - 1]
    joined = "".join(squash(buf[i].text) for i in range(first, last + 1))
    return _LEAD_NUM.sub("", joined) == key


def _resolve(entries, rows_phase: bool):
    rows = [e for e in entries if e[0] == "row"]
    if rows and (rows_phase or len(rows) == len(entries)):
        return rows[0]
    others = [e for e in entries if e[0] != "row"]
    return others[0]


def _value(st: _State, tok: _Token, tdef: TableDef) -> None:
    if tdef.flat:
        if st.table.header_found:
            st.flat_values.append(tok)
        return
    if st.current is None:
        st.stray += tok.cell.state == NUMBER
        return
    st.pending.setdefault(st.current, []).append(tok)


def _assign(st: _State, tdef: TableDef) -> None:
    t = st.table
    if tdef.flat:
        cells = tdef.cells
        vals = [v for v in st.flat_values]
        for (r, c), tok in zip(cells, vals):
            t.cells[(r, c)] = _cell(tok)
            t.rows_found.setdefault(r, (tok.start, tok.end))
        st.stray += max(0, sum(v.cell.state == NUMBER for v in vals[len(cells):]))
        if len(vals) < len(cells):
            t.short_rows.extend(sorted({r for r, _ in cells[len(vals):]}, key=list(tdef.rows).index))
        return
    for rid, toks in st.pending.items():
        cols = _columns_for(t, tdef, rid, toks)
        toks = _trim(toks, len(cols))
        for col, tok in zip(cols, toks):
            t.cells[(rid, col)] = _cell(tok)
        st.stray += sum(tok.cell.state == NUMBER for tok in toks[len(cols):])
        if len(toks) < len(cols):
            t.short_rows.append(rid)


def _columns_for(t: FilledTable, tdef: TableDef, rid: str, toks) -> tuple[str, ...]:
    """Template order; when the header shows only some columns and the row has exactly that many
    values, the values belong to the columns shown."""
    cols = tdef.columns_of(rid)
    shown = tuple(c for c in cols if c in t.columns_found)
    if t.header_found and 0 < len(shown) < len(cols) and len(toks) == len(shown):
        return shown
    return cols


def _trim(toks, n: int):
    """Merged cells copied as extra empty cells (a value spanning 3 columns): drop blanks beyond ``n``;
    a single-value row takes its first non-blank value."""
    if len(toks) <= n:
        return toks
    if n == 1:
        numbers = [t for t in toks if t.cell.state != BLANK]
        return numbers[:1] or toks[:1]
    extra = toks[n:]
    if all(t.cell.state == BLANK for t in extra):
        return toks[:n]
    return toks


def _cell(tok: _Token) -> Cell:
    c = tok.cell
    return Cell(tok.text, c.state, c.value, tok.start, tok.end)


def _score(st: _State, tdef: TableDef) -> float:
    """Labels matched, plus the share of cells filled, minus numbers that fitted nowhere. Counts, not
    shares, so that the generation whose extra labels are present wins and a partial table ties."""
    t = st.table
    if tdef.flat:
        found = len(t.columns_found) + len(st.groups_found)
    else:
        found = sum(1 for r in tdef.data_rows if r in t.rows_found) + len(t.columns_found)
    filled = sum(1 for c in tdef.cells if c in t.cells) / max(len(tdef.cells), 1)
    return found + filled - st.stray
