"""The statistics tables of a Document, keyed by template table id, memoised in ``doc.cache``.

Structured tables from the readers (``doc.source.tables``, docx/html/pdf) come first; a table id they
do not provide is looked for in the body of its section in the normalised text, trying every text
layout and both table generations and keeping the best mapping. A candidate whose score bound
(labels.score_bound) cannot beat the best mapping so far is not mapped at all: same result, less work.
"""

from __future__ import annotations

import re

from .labels import map_prepared, prepare, score_bound
from .layouts import NAMES, get_module
from .model import FilledTable, TableDef, tables_for

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
    for raw in doc.source.tables:
        p = prepare(raw)
        best = _best(((p, tdef) for g in gens for tdef in tables_for(g).values()), normalised=False)
        if best is not None and best.tdef.id not in out:
            out[best.tdef.id] = best
    for tid, tdef in tables_for(gens[0]).items():
        if tid in out:
            continue
        section = doc.structure.section_for(tdef.section)
        if section is None:
            continue
        found = parse_span(doc.text, section.body_start, section.body_end, tid, gens)
        if found is not None:
            out[tid] = found
    return out


def parse_span(text: str, start: int, end: int, tid: str, gens=GENERATIONS) -> FilledTable | None:
    """Best mapping of ``text[start:end]`` to table ``tid`` over every layout and generation."""
    if not text[start:end].strip():
        return None
    defs: list[TableDef] = [tables_for(g)[tid] for g in gens if tid in tables_for(g)]
    return _best(_layout_candidates(text, start, end, defs))


def _layout_candidates(text: str, start: int, end: int, defs):
    span = text[start:end]
    for name in NAMES:
        if _may_be(name, span):
            p = prepare(get_module(name).parse(text, start, end))
            yield from ((p, tdef) for tdef in defs)


# a line of one CJK character, or of single characters separated by spaces (interleaved headers)
_PDF_HINT = re.compile(r"^[ \t]*[\u3400-\u9fff](?:[ \t]+[\u3400-\u9fff])*[ \t]*$", re.M)


def _may_be(layout: str, span: str) -> bool:
    """Cheap evidence a layout could apply; whitespace splitting always can."""
    if layout == "pipe":
        return "|" in span or "｜" in span
    if layout == "tabs":
        return "\t" in span
    if layout == "pdf":
        return _PDF_HINT.search(span) is not None
    if layout == "cells":
        return "\n\n" in span or "|\n" in span or "｜\n" in span
    return True


def _best(candidates, normalised: bool = True) -> FilledTable | None:
    """The best-scoring mapping of (prepared table, TableDef) pairs; the first wins ties (stricter
    layouts, own generation)."""
    best = None
    for p, tdef in candidates:
        if best is not None and score_bound(p, tdef) <= best.score + 1e-9:
            continue                           # could not replace ``best`` below
        ft = map_prepared(p, tdef, normalised)
        if is_table(ft) and (best is None or ft.score > best.score + 1e-9):
            best = ft
    return best


def is_table(ft: FilledTable) -> bool:
    """Enough of the template's labels to be this table, not a sentence that mentions two of them."""
    if ft.score < MIN_SCORE:
        return False
    if ft.tdef.flat:
        return len(ft.columns_found) >= 3
    rows = sum(1 for r in ft.tdef.data_rows if r in ft.rows_found)
    return rows >= 3 or (rows >= 1 and ft.header_found)
