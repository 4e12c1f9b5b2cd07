"""Blank govlint's in-text suppression markers (``<!-- govlint-disable … -->``): they are
instructions to the checker, not report text, so no rule should read them as content."""

from __future__ import annotations

from ..suppress import MARKER
from .mapped import StepEdit


def edits(text: str, ctx: dict) -> list[StepEdit]:
    if "govlint-" not in text:
        return []
    return [StepEdit(m.start(), m.end(), "", "suppression-marker") for m in MARKER.finditer(text)]
