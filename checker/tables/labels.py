"""Map cells of a RawTable (from any text layout or a docx/html/pdf reader) to template ids.

Cells are read in row-major order as a stream (row boundaries do not matter). Consecutive label cells are joined (so “商业\\n企业”,
a label split over PDF lines, or a group label merged in front of its first row all read as one
label); the row labels found in a joined label name the row that the following value cells belong
to. Column headers only tell which columns are present; values are taken in template column order.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from .. import lazy_re
from ..model.table import RawTable
from .model import BLANK, NA, NUMBER, TEXT, Cell, FilledTable, TableDef, label_key, squash

_NUM = lazy_re.compile(r"^([+\-−]?)(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(?:万元|元|件|宗|个|条|项|次|家)?$")
_CHANGE = lazy_re.compile(r"^(增加|减少|增|减)\s*(\d+(?:\.\d+)?)\s*(?:件|个|项)?$")
_NA = lazy_re.compile(r"^(?:/+|\\|—+|-+|－+|–+|―+|─+|无|空|×|&nbsp;|nbsp)$")
_LEAD_NUM = lazy_re.compile(r"^[一二三四五六七八九十\d]+")
_PROSE = lazy_re.compile(r"[。；;！？]")
SHORT_KEY = 2
MAX_LABEL = 60
MAX_TEXT_CELL = 6
# Digits a number cell may have: beyond 15 a float is no longer exact, and 400 nines is infinity. No
# report counts that high; such a cell is read as text (reported like any other text in a number cell).
MAX_CELL_DIGITS = 15


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
    if m and _too_long(m.group(2)):
        return Cell(text, TEXT, None)
    if m:
        sign = -1 if m.group(1) in ("-", "−") else 1
        return Cell(text, NUMBER, sign * float(m.group(2).replace(",", "") + (m.group(3) or "")))
    m = _CHANGE.match(t)
    if m and _too_long(m.group(2)):
        return Cell(text, TEXT, None)
    if m:
        sign = -1 if m.group(1).startswith("减") else 1
        return Cell(text, NUMBER, sign * float(m.group(2)))
    if _NA.match(t):
        return Cell(text, NA, None)
    return Cell(text, TEXT, None)


def _too_long(number: str) -> bool:
    return sum(ch.isdigit() for ch in number) > MAX_CELL_DIGITS


class _Keys:
    """The label keys of one TableDef: the keys by first character, longest first, to find them, what
    each names, and a memo of the matches in label texts already seen (the template's labels recur in
    every report)."""

    __slots__ = ("by_first", "entries", "memo")

    def __init__(self, keys: list[str], entries: dict) -> None:
        self.by_first: dict[str, list[str]] = {}
        for k in sorted(keys, key=len, reverse=True):
            self.by_first.setdefault(k[0], []).append(k)
        self.entries = entries      # key -> tuple[(kind, id)]
        self.memo: dict = {}        # squashed label pieces -> _matches(...)

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, key) of every key in ``text``, as ``re.finditer`` of the alternation of the keys,
        longest first, finds them: at each position the longest key there, then on from its end. A
        scan instead of the alternation, which ``re`` takes 1–3 ms to compile for a table's keys."""
        out = []
        p, n, by_first = 0, len(text), self.by_first
        while p < n:
            for k in by_first.get(text[p], ()):
                if text.startswith(k, p):
                    out.append((p, p + len(k), k))
                    p += len(k)
                    break
            else:
                p += 1
        return out


MEMO_MAX = 4096


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
    return _Keys(list(entries), {k: tuple(v) for k, v in entries.items()})


def _matches(keys: _Keys, parts: tuple[str, ...]):
    """(any key occurs, accepted matches) in the joined label ``parts``; a match is (first piece, last
    piece, meaning outside the rows, meaning once rows have started). Depends only on ``parts``."""
    found = keys.memo.get(parts)
    if found is None:
        if len(keys.memo) >= MEMO_MAX:
            keys.memo.clear()
        found = keys.memo[parts] = _find(keys, parts)
    return found


def _find(keys: _Keys, parts: tuple[str, ...]):
    text, owner = "".join(parts), []
    for i, s in enumerate(parts):
        owner.extend([i] * len(s))
    raw = keys.find(text)
    accepted = []
    for start, end, key in raw:
        first, last = owner[start], owner[end - 1]
        if len(key) <= SHORT_KEY and _LEAD_NUM.sub("", "".join(parts[first:last + 1])) != key:
            continue                   # a short key (其他, 总计, 规章) counts only as a whole label
        entries = keys.entries[key]
        accepted.append((first, last, _resolve(entries, False), _resolve(entries, True)))
    return bool(raw), tuple(accepted)


LABELS, RESET, VALUES = 0, 1, 2
_RESET = (RESET, None, None)

# One letter per cell for the event scan: a label piece, a sentence (text that cannot be a label), a
# “/”-like cell, a number (P: a non-negative integer, the usual case; Q: any other) or a blank.
LABEL, SENTENCE, NA_CODE, PLAIN, ODD, BLANK_CODE = "L", "S", "N", "P", "Q", "B"
# The events of Prepared._read as runs of codes: label pieces (a “/” between two pieces, or between a
# piece and a sentence, belongs to the label: 本年增/减 printed one character per line), a sentence,
# or a run of value cells.
_EVENT = lazy_re.compile(r"(L(?:L|N(?=[LS]))*)|(S)|[NPQB]+")


@lru_cache(maxsize=8192)
def _info(text: str) -> tuple[Cell, str, str, float]:
    """What ``Prepared`` needs of one cell text: its classification, its event code, its share of the
    label text (its squashed text if it can be part of a label, else NUL) and its ``Cell.number``."""
    cell = classify(text)
    state = cell.state
    if state == NUMBER:
        value = cell.value
        return cell, PLAIN if value >= 0 and value.is_integer() else ODD, "\0", value   # inf: not integer
    if state == TEXT:
        if len(text) <= MAX_LABEL and _PROSE.search(text) is None:
            return cell, LABEL, squash(text), 0.0
        return cell, SENTENCE, "\0", 0.0
    if state == NA:
        return cell, NA_CODE, squash(text), 0.0
    return cell, BLANK_CODE, "\0", 0.0


class Prepared:
    """Cells classified once, shared by every TableDef they are mapped to. The stream of events —
    label runs, sentences that end a row, runs of value cells — does not depend on the TableDef either,
    so it is worked out here once, with the label text that bounds the score; mapping only matches
    keys and assigns values. Per cell: ``cells`` (classified, without position), ``codes`` (one letter
    each, see _EVENT) and ``numbers`` (``Cell.number``)."""

    __slots__ = ("start", "end", "origin", "texts", "starts", "ends", "cells", "codes", "numbers", "events",
                 "label_text")

    def __init__(self, texts: list[str], starts: list[int], ends: list[int], start: int, end: int,
                 origin: str) -> None:
        self.start, self.end, self.origin = start, end, origin
        self.texts, self.starts, self.ends = texts, starts, ends
        if texts:
            self.cells, codes, parts, self.numbers = zip(*map(_info, texts))
        else:
            self.cells, codes, parts, self.numbers = (), (), (), ()
        self.codes = "".join(codes)
        self.label_text = "".join(parts)
        self.events = self._read(parts)

    def _read(self, parts: tuple[str, ...]) -> list[tuple]:
        """The events: (LABELS, token indices, their squashed texts) for a run of label cells read as one
        label, (RESET, None, None) for a sentence, (VALUES, token indices, how many are numbers).
        ``label_text`` is the squashed text of every cell that can be part of a label, NUL
        where a label cannot continue: every key ``_flush`` can match lies inside it, so it bounds the
        labels a mapping can find."""
        codes = self.codes
        events: list[tuple] = []
        for m in _EVENT.finditer(codes):
            s, e = m.span()
            code = codes[s]
            if code == LABEL:
                events.append((LABELS, range(s, e), parts[s:e]))
            elif code == SENTENCE:
                events.append(_RESET)
            else:
                numbers = codes.count(PLAIN, s, e) + codes.count(ODD, s, e)
                events.append((VALUES, range(s, e), numbers))
        return events


def prepare(raw: RawTable) -> Prepared:
    cells = [c for row in raw.rows for c in row]
    return Prepared([c.text for c in cells], [c.start for c in cells], [c.end for c in cells],
                    raw.start, raw.end, raw.origin)


def map_table(raw: RawTable, tdef: TableDef, normalised: bool = True) -> FilledTable:
    """Fill ``tdef``'s grid from ``raw``; ``table.score`` says how well the labels matched (0..1)."""
    return map_prepared(prepare(raw), tdef, normalised)


def score_bound(p: Prepared, tdef: TableDef) -> float:
    """No mapping of ``p`` to ``tdef`` scores more than this: every counted label found, every cell
    filled, no stray number. Lets the caller skip mappings that cannot beat one already made."""
    return text_bound(p.label_text, tdef)


def text_bound(text: str, tdef: TableDef) -> float:
    """``score_bound`` for any text in which every key of the label text occurs (a superset)."""
    found: set = set()
    for key, ids in _counted_keys(tdef):
        if key in text:
            found |= ids
    return len(found) + 1.0


@lru_cache(maxsize=16)
def max_score(tdef: TableDef) -> float:
    """The best score any mapping to ``tdef`` can reach: ``text_bound`` with every key found."""
    return len(frozenset().union(*(ids for _, ids in _counted_keys(tdef)))) + 1.0


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


class _State:
    __slots__ = ("table", "rows_phase", "current", "pending", "flat_values", "stray", "groups_found", "unknown")

    def __init__(self, table: FilledTable) -> None:
        self.table = table
        self.rows_phase = False
        self.current: str | None = None
        self.pending: dict[str, list[int]] = {}     # row -> token indices of its values
        self.flat_values: list[int] = []
        self.stray = 0
        self.groups_found: set = set()
        self.unknown: list[tuple[range, str, list[int], int]] = []  # unknown labels: tokens, text, values, numbers


def map_prepared(p: Prepared, tdef: TableDef, normalised: bool = True) -> FilledTable:
    st = _State(FilledTable(tdef, p, start=p.start, end=p.end, normalised=normalised, origin=p.origin))
    keys, flat = _keys(tdef), tdef.flat
    events = p.events
    for n, (kind, idx, extra) in enumerate(events):
        if kind == LABELS:
            _flush(st, p, idx, extra, tdef, keys)
        elif kind == RESET:
            st.current = None
        elif flat:
            # blank cells between header labels (a header cell split by a ruling) are not values
            if st.table.header_found and (extra or n + 1 == len(events) or events[n + 1][0] != LABELS):
                st.flat_values.extend(idx)
        elif st.current is None:
            st.stray += extra
            if st.unknown and st.unknown[-1][3] < 0:
                tokens, text, _, _ = st.unknown[-1]
                st.unknown[-1] = (tokens, text, list(idx), extra)
        else:
            st.pending.setdefault(st.current, []).extend(idx)
    if st.unknown and not flat:
        _resolve_typos(st, p, tdef)
    _assign(st, p, tdef)
    st.table.score = _score(st, tdef)
    return st.table


def _flush(st: _State, p: Prepared, idx: range, parts: tuple[str, ...], tdef: TableDef, keys: _Keys) -> None:
    """A run of label cells (token indices ``idx``, squashed texts ``parts``) read as one label."""
    any_key, accepted = _matches(keys, parts)
    if st.unknown and st.unknown[-1][3] < 0:        # an unknown label with no values after it
        st.unknown[-1] = st.unknown[-1][:3] + (0,)
    if st.current is not None and not any_key and _inside_row(st, p, tdef, idx):
        st.pending.setdefault(st.current, []).extend(idx)    # “不详”, “暂无” in a value cell
        return
    st.current = None
    table = st.table
    last = -1
    for first, last, outside, inside in accepted:
        kind, ident = inside if st.rows_phase else outside
        if kind == "row":
            st.rows_phase = True
            if ident not in table.rows_found:
                table.rows_found[ident] = (p.starts[idx[first]], p.ends[idx[last]])
                st.current = ident if tdef.rows[ident].data else None
            else:
                st.current = None          # a second row with the same label: its values are not read
        elif kind == "col":
            table.columns_found.add(ident)
            table.header_found = True
        else:
            table.header_found = True
            if ident is not None:
                st.groups_found.add(ident)
    if st.current is not None and last + 1 < len(idx) and all(_text_cell(p.texts[i].strip()) for i in idx[last + 1:]):
        st.pending.setdefault(st.current, []).extend(idx[last + 1:])   # “不详” right after the row label
    elif st.current is None and st.rows_phase:
        rest = _LEAD_NUM.sub("", "".join(parts[last + 1:]))
        if len(rest) >= TYPO_MIN:      # a row label the template does not know: perhaps a misspelt one
            st.unknown.append((idx[last + 1:], rest, [], -1))


def _inside_row(st: _State, p: Prepared, tdef: TableDef, idx: range) -> bool:
    """Short unknown text while the current row still lacks values is a non-numeric cell of it."""
    have = len(st.pending.get(st.current, ()))
    return (have + len(idx) <= len(tdef.columns_of(st.current))
            and all(len(p.texts[i].strip()) <= MAX_TEXT_CELL for i in idx))


def _resolve(entries, rows_phase: bool):
    rows = [e for e in entries if e[0] == "row"]
    if rows and (rows_phase or len(rows) == len(entries)):
        return rows[0]
    others = [e for e in entries if e[0] != "row"]
    return others[0]


# Text layouts in which a blank cell leaves no mark: cells split at runs of spaces, or digits run together.
BLANKS_UNSEEN = frozenset({"text:whitespace", "text:runs"})


def _assign(st: _State, p: Prepared, tdef: TableDef) -> None:
    t, cells, starts, ends = st.table, p.cells, p.starts, p.ends
    index = t.index
    if tdef.flat:
        tcells, vals = tdef.cells, st.flat_values
        index.update(zip(tcells, vals))
        for (r, _c), i in zip(tcells, vals):
            t.rows_found.setdefault(r, (starts[i], ends[i]))
        st.stray += sum(1 for i in vals[len(tcells):] if cells[i].state == NUMBER)
        if len(vals) < len(tcells):
            t.short_rows.extend(sorted({r for r, _ in tcells[len(vals):]}, key=list(tdef.rows).index))
        return
    for rid, toks in st.pending.items():
        if len(toks) == len(tdef.columns_of(rid)):         # the usual row: one value per column
            index.update(zip(tdef.keys_of(rid), toks))
            continue
        cols = _columns_for(t, tdef, rid, toks)
        toks = _trim(p, toks, len(cols))
        if len(toks) < len(cols) and p.origin in BLANKS_UNSEEN:
            t.short_rows.append(rid)
            t.unplaced.append(rid)          # any of its columns may be the blank ones: no guess
            continue
        index.update(zip(tdef.keys_of(rid) if cols is tdef.columns_of(rid) else [(rid, c) for c in cols], toks))
        if len(toks) > len(cols):
            st.stray += sum(1 for i in toks[len(cols):] if cells[i].state == NUMBER)
        elif len(toks) < len(cols):
            t.short_rows.append(rid)


def _columns_for(t: FilledTable, tdef: TableDef, rid: str, toks) -> tuple[str, ...]:
    """Template order; when the header shows only some columns and the row has exactly that many
    values, the values belong to the columns shown."""
    cols = tdef.columns_of(rid)
    if t.header_found and len(toks) < len(cols):
        shown = tuple(c for c in cols if c in t.columns_found)
        if 0 < len(shown) and len(toks) == len(shown):
            return shown
    return cols


def _trim(p: Prepared, toks: list[int], n: int) -> list[int]:
    """Merged cells copied as extra empty cells (a value spanning 3 columns): drop blanks beyond ``n``;
    a single-value row takes its first non-blank value."""
    if len(toks) <= n:
        return toks
    cells = p.cells
    if n == 1:
        numbers = [i for i in toks if cells[i].state != BLANK]
        return numbers[:1] or toks[:1]
    lead = 0        # a blank label cell left between the label and the numbers
    while lead < len(toks) - n and cells[toks[lead]].state == BLANK:
        lead += 1
    toks = toks[lead:]
    if all(cells[i].state == BLANK for i in toks[n:]):
        return toks[:n]
    return toks


TYPO_MIN = 4         # shorter unknown labels are too little to go on
TYPO_SIMILAR = 0.7   # share of the characters two labels have in common, in order (2·LCS / total)
TYPO_MARGIN = 0.15   # how much better the best template row must fit than the next one


def _resolve_typos(st: _State, p: Prepared, tdef: TableDef) -> None:
    """A label no key matched, followed by a full row of values, is the template row it resembles
    (characters in common, in order) when exactly one missing row clearly fits best: “2.其他法律行政止公开”
    is 2.其他法律行政法规禁止公开 with two characters lost. The row's values are read and the label
    is kept in ``label_typos`` to be reported against the template wording."""
    t = st.table
    missing = [r for r in tdef.data_rows if r not in t.rows_found]
    picks: dict[str, list] = {}
    for tokens, text, values, numbers in st.unknown:
        if numbers <= 0:
            continue
        ranked = sorted(((_similar(text, label_key(tdef.rows[r].label)), r) for r in missing
                         if len(tdef.columns_of(r)) <= len(values)), reverse=True)
        if not ranked or ranked[0][0] < TYPO_SIMILAR or (len(ranked) > 1 and ranked[1][0] > ranked[0][0] - TYPO_MARGIN):
            continue
        picks.setdefault(ranked[0][1], []).append((tokens, values, numbers))
    for rid, found in picks.items():
        if len(found) != 1:
            continue                    # two labels resemble the same row: neither is sure
        tokens, values, numbers = found[0]
        t.rows_found[rid] = (p.starts[tokens[0]], p.ends[tokens[-1]])
        t.label_typos[rid] = " ".join(p.texts[i] for i in tokens)
        st.pending[rid] = values
        st.stray -= numbers


def _similar(a: str, b: str) -> float:
    """2·LCS(a, b) / (|a| + |b|): 1 for equal strings, high when one lost or changed a few characters."""
    if not a or not b:
        return 0.0
    prev = [0] * (len(b) + 1)
    for ch in a:
        cur = [0]
        for j, other in enumerate(b):
            cur.append(prev[j] + 1 if ch == other else max(prev[j + 1], cur[j]))
        prev = cur
    return 2 * prev[-1] / (len(a) + len(b))


def _score(st: _State, tdef: TableDef) -> float:
    """Labels matched, plus the share of cells filled, minus numbers that fitted nowhere. Counts, not
    shares, so that the generation whose extra labels are present wins and a partial table ties."""
    t = st.table
    if tdef.flat:
        found = len(t.columns_found) + len(st.groups_found)
    else:
        # rows read from a misspelt label add values, not label matches: the score stays within score_bound
        found = sum(1 for r in tdef.data_rows if r in t.rows_found) - len(t.label_typos) + len(t.columns_found)
    filled = len(t.index) / max(len(tdef.cells), 1)      # every key of t.index is one of tdef.cells
    return found + filled - st.stray
