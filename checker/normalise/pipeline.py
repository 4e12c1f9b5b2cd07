"""The fixed order of normalisation steps. Parsing always sees the fully normalised text.

Order matters: byte-level repairs must see the garbled characters before script conversion rewrites
them, and annotations must go before t2s so the converter sees whole words.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import import_module

from .mapped import MappedText

# (step name, module under checker.normalise providing ``edits(text, ctx)``)
STEPS: list[tuple[str, str]] = [
    ("suppression-markers", "markers"),     # first: govlint's own comments are not report text
    ("mojibake", "mojibake"),               # byte repairs need the garbled characters untouched
    ("pinyin-annotation", "pinyin"),
    ("traditional", "script"),
    ("taiwan-phrase", "taiwan"),            # keyed by simplified TW words, so after t2s
    ("width", "width"),
]


def normalise(original: str) -> tuple[MappedText, dict]:
    mapped = MappedText(original)
    ctx: dict = {}
    for name, edits in _steps():
        mapped.apply(name, edits(mapped.text, ctx))
    return mapped, ctx


@lru_cache(maxsize=1)
def _steps() -> list[tuple[str, object]]:
    """(step name, its ``edits`` function), looked up once per process."""
    return [(name, import_module(f"{__package__}.{module}").edits) for name, module in STEPS]
