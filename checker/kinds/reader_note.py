"""What the reader could not turn into checkable text (``Source.notes``): lossy PDF tables, glyphs without
a Unicode mapping, image-only pages, embedded documents. Reported so nothing is skipped silently."""

from __future__ import annotations


def check(doc, rule):
    kinds = set(rule.params.get("note_kinds", ()))
    for note in doc.source.notes:
        if note.kind in kinds:
            yield rule.diag(doc, note.start, note.end, normalised=False, detail=note.detail)
