"""The statistics tables of a Document, keyed by template table id, memoised in ``doc.cache``.

Structured tables from the readers (``doc.source.tables``, docx/html/pdf) come first; a table id they
do not provide is looked for in the body of its section in the normalised text, trying every text
layout and both table generations and keeping the best mapping. A candidate whose score bound
(labels.score_bound) cannot beat the best mapping so far is not parsed or mapped at all: same result,
less work.
"""

from __future__ import annotations

import math
from functools import lru_cache
from operator import itemgetter

from .. import lazy_re
from .labels import Prepared, map_prepared, max_score, prepare, score_bound, text_bound
from .layouts import NAMES, get_module
from .model import FilledTable, TableDef, label_key, squash_text, tables_for

GENERATIONS = ("gov-2021", "gov-2019")
MIN_SCORE = 0.0


def generations_for(doc) -> tuple[str, ...]:
    """The document's own generation first (it wins ties), then the other one."""
    own = doc.template.id
    if own not in GENERATIONS:
        return ()
    return (own, *(g for g in GENERATIONS if g != own))


def document_tables(doc) -> dict[str, FilledTable]:
    if "tables" not in doc.cache:
        doc.cache["tables"] = _extract(doc)
    return doc.cache["tables"]


def _extract(doc) -> dict[str, FilledTable]:
    gens = generations_for(doc)
    out: dict[str, FilledTable] = {}
    if not gens:
        return out
    for p, incomplete in _reader_tables(doc.source.tables, gens):
        best = _map_reader(p, gens)
        if best is not None and best.tdef.id not in out:
            best.incomplete = incomplete
            out[best.tdef.id] = best
    for tid, tdef in tables_for(gens[0]).items():
        if tid in out:
            continue
        section = doc.structure.section_for(tdef.section)
        if section is None:
            continue
        found = own_unless_shown(parse_span(doc.text, section.body_start, section.body_end, tid, gens), gens,
                                 lambda: parse_span(doc.text, section.body_start, section.body_end, tid, gens[:1]))
        if found is not None:
            out[tid] = found
    return out


def _map_reader(p: Prepared, gens) -> FilledTable | None:
    def search(gs):
        defs = [tdef for g in gs for tdef in tables_for(g).values()]
        return _search([("", lambda: p, list(enumerate(defs)))], normalised=False)

    return own_unless_shown(search(gens), gens, lambda: search(gens[:1]))


def _reader_tables(raws, gens):
    """(Prepared, incomplete) for every table of the reader. A table the reader saw continue on the
    next page but could not join is read together with its continuation (cells in order, so every
    row keeps its label and numbers) unless the continuation is a table of its own; either way it
    is marked incomplete: rows at the break may be lost or split."""
    out: list[list] = []
    for raw in raws:
        p = prepare(raw)
        if raw.continued and out and _same_table(out[-1][0], p, gens):
            head = out[-1][0]
            out[-1] = [Prepared(head.texts + p.texts, head.starts + p.starts, head.ends + p.ends, head.start, p.end,
                                head.origin), True]
        else:
            out.append([p, bool(raw.continued)])
    return [(p, incomplete) for p, incomplete in out]


def _same_table(head: Prepared, more: Prepared, gens) -> bool:
    """Does ``more`` continue the table of ``head`` rather than start another one?"""
    first, second = _map_reader(head, gens), _map_reader(more, gens)
    return second is None or first is None or second.tdef.id == first.tdef.id


def own_unless_shown(best: FilledTable | None, gens, own_only) -> FilledTable | None:
    """The report year decides the generation: a table is read as the other generation only when it
    shows rows or columns that only the other generation has. A table that merely lacks rows (cut
    short, badly extracted) fits the other generation as well and is read as its own."""
    if best is None or best.generation == gens[0] or differences(best, tables_for(gens[0]).get(best.tdef.id))[0]:
        return best
    return own_only() or best


def differences(ft: FilledTable, own: TableDef | None) -> tuple[list[str], list[str]]:
    """(labels of ``ft``'s filled rows and columns that ``own`` does not have — a label contained in one
    of ``own``'s counts as the same (规范性文件 / 行政规范性文件) —, names of ``own``'s rows and columns
    that ``ft``'s generation does not have)."""
    if own is None:
        return [], []
    tdef = ft.tdef
    extra_rows, extra_cols, lacking = _gaps(tdef, own)
    extra = [tdef.rows[r].label for r in dict.fromkeys(map(_ROW, ft.index)) if r in extra_rows]
    extra += [tdef.columns[c].label for c in dict.fromkeys(map(_COL, ft.index)) if c in extra_cols]
    return extra, list(lacking)


_ROW, _COL = itemgetter(0), itemgetter(1)


@lru_cache(maxsize=64)
def _gaps(tdef: TableDef, own: TableDef) -> tuple[frozenset, frozenset, tuple[str, ...]]:
    """What ``differences`` compares, worked out once per pair of table definitions (they never
    change, every report asks): the rows and columns of ``tdef`` whose label ``own`` does not have,
    and the names of ``own``'s rows and columns that ``tdef`` does not have."""
    own_rows = [label_key(own.rows[r].label) for r in own.data_rows]
    own_cols = [label_key(c.label) for c in own.columns.values()]
    their_rows = [label_key(tdef.rows[r].label) for r in tdef.data_rows]
    their_cols = [label_key(c.label) for c in tdef.columns.values()]
    extra_rows = frozenset(r for r, row in tdef.rows.items() if not _within(label_key(row.label), own_rows))
    extra_cols = frozenset(c for c, col in tdef.columns.items() if not _within(label_key(col.label), own_cols))
    lacking = [own.rows[r].short for r in own.data_rows if label_key(own.rows[r].label) not in their_rows]
    lacking += [c.label for c in own.columns.values() if label_key(c.label) not in their_cols]
    return extra_rows, extra_cols, tuple(lacking)


def _within(key: str, keys: list[str]) -> bool:
    return any(key in k for k in keys)


def parse_span(text: str, start: int, end: int, tid: str, gens=GENERATIONS) -> FilledTable | None:
    """Best mapping of ``text[start:end]`` to table ``tid`` over every layout and generation.

    Candidates are (layout, generation) pairs in tie-break order, bounded in three steps, each dearer
    than the one before and only worked out when the cheaper one could not rule a candidate out: every
    label found; the labels found in the squashed span (any layout but ``pdf``: its cells are pieces of
    the span in order with only spaces and bars between them, so every key of its label text occurs in
    the span too); the labels found in its own cells, after parsing.
    """
    span = text[start:end]
    if not span.strip():
        return None
    defs: list[TableDef] = [tables_for(g)[tid] for g in gens if tid in tables_for(g)]
    names = [n for n in NAMES if _may_be(n, span)]
    squashed: list[str] = []
    bounds: dict[TableDef, float] = {}      # the same for every layout but pdf: worked out once per definition

    def span_bound(name: str, tdef: TableDef) -> float:
        if name == "pdf":
            return math.inf
        if tdef not in bounds:
            if not squashed:
                squashed.append(squash_text(span))
            bounds[tdef] = text_bound(squashed[0], tdef)
        return bounds[tdef]

    groups = [(name, lambda name=name: _parse_layout(name, text, start, end),
               [(li * len(defs) + di, tdef) for di, tdef in enumerate(defs)]) for li, name in enumerate(names)]
    return _search(groups, span_bound)


def _parse_layout(name: str, text: str, start: int, end: int) -> Prepared:
    mod = get_module(name)
    tokens = getattr(mod, "tokens", None)
    if tokens is None:
        return prepare(mod.parse(text, start, end))
    return Prepared(*tokens(text, start, end), start, end, f"text:{name}")


# A line of single non-ASCII characters separated by spaces (matched from the newline before it, in
# "\n" + span: a pattern starting with a literal is searched for that character, not tried at every
# position); _pdf_hint() keeps those whose characters are all CJK. As a class in the pattern,
# U+3400–U+9FFF would cost ~1.3 ms to compile on every run.
_SINGLES_LINE = lazy_re.compile(r"\n[ \t]*([^\s\x00-\x7f](?:[ \t]+[^\s\x00-\x7f])*)[ \t]*(?=\n|\Z)")


def _pdf_hint(span: str) -> bool:
    """A line of one CJK character, or of single CJK characters separated by spaces (interleaved headers)."""
    return any(all("\u3400" <= c <= "\u9fff" for c in m.group(1).split())
               for m in _SINGLES_LINE.finditer("\n" + span))


def _may_be(layout: str, span: str) -> bool:
    """Cheap evidence a layout could apply; whitespace splitting always can."""
    if layout == "pipe":
        return "|" in span or "｜" in span
    if layout == "tabs":
        return "\t" in span
    if layout == "pdf":
        return _pdf_hint(span)
    if layout == "cells":
        return "\n\n" in span or "|\n" in span or "｜\n" in span
    return True


EPS = 1e-9          # scores are sums of counts and k/n shares: distinct ones differ by far more


def _search(groups, span_bound=None, normalised: bool = True) -> FilledTable | None:
    """The best-scoring mapping of one table's candidates, the lowest tie-break index winning ties
    (stricter layouts, own generation). ``groups``: (layout, function parsing it, [(tie-break index,
    TableDef)]). Branch and bound: a candidate is parsed and mapped only when its bound could beat the
    best so far, and within a layout the highest bound is mapped first (the likeliest winner), so
    that the others are mostly ruled out by their bound."""
    best, best_i = None, -1
    for name, parse, members in groups:
        if best is not None:
            members = [(i, t) for i, t in members if not _hopeless(max_score(t), i, best.score, best_i)
                       and not (span_bound and _hopeless(span_bound(name, t), i, best.score, best_i))]
            if not members:
                continue                        # not even parsed
        p = parse()
        for bound, i, tdef in sorted(((score_bound(p, t), i, t) for i, t in members), key=lambda c: -c[0]):
            if best is not None and _hopeless(bound, i, best.score, best_i):
                continue
            ft = map_prepared(p, tdef, normalised)
            if is_table(ft) and (best is None or ft.score > best.score + EPS
                                 or (ft.score >= best.score - EPS and i < best_i)):
                best, best_i = ft, i
    return best


def _hopeless(bound: float, i: int, best: float, best_i: int) -> bool:
    """A candidate scoring at most ``bound`` cannot replace the best: lower, or a tie it would lose."""
    return bound < best - EPS or (bound <= best + EPS and i > best_i)


def is_table(ft: FilledTable) -> bool:
    """Enough of the template's labels to be this table, not a sentence that mentions two of them."""
    if ft.score < MIN_SCORE:
        return False
    if ft.tdef.flat:
        return len(ft.columns_found) >= 3
    rows = sum(1 for r in ft.tdef.data_rows if r in ft.rows_found)
    return rows >= 3 or (rows >= 1 and ft.header_found)
