"""Traditional characters → simplified, per character so every position maps back exactly.

A set-membership test over a generated list of traditional-only characters decides whether OpenCC is
needed at all; mainland reports never pay for importing or running it.
"""

from __future__ import annotations

from functools import lru_cache

from ..resources import data_path
from .mapped import StepEdit


@lru_cache(maxsize=1)
def traditional_chars() -> frozenset[str]:
    lines = data_path("traditional-chars.txt").read_text(encoding="utf-8").splitlines()
    return frozenset("".join(line for line in lines if not line.startswith("#")))


@lru_cache(maxsize=1)
def _converter():
    from opencc import OpenCC  # heavy: imported only for documents that contain traditional characters

    return OpenCC("t2s")


def count_traditional(text: str) -> int:
    trad = traditional_chars()
    return sum(1 for c in text if c in trad)


def to_simplified(text: str) -> str:
    return _converter().convert(text)


def edits(text: str, ctx: dict) -> list[StepEdit]:
    trad = traditional_chars()
    if trad.isdisjoint(text):
        ctx["traditional_count"] = 0
        return []
    out: list[StepEdit] = []
    count = 0
    pos = 0
    for line in text.splitlines(keepends=True):
        if not trad.isdisjoint(line):
            count += sum(1 for c in line if c in trad)
            out.extend(_line_edits(line, pos))
        pos += len(line)
    ctx["traditional_count"] = count
    return out


def _line_edits(line: str, base: int) -> list[StepEdit]:
    converted = to_simplified(line)
    if len(converted) != len(line):
        return [StepEdit(base, base + len(line), converted, "traditional", line)]
    return [
        StepEdit(base + i, base + i + 1, new, "traditional", old)
        for i, (old, new) in enumerate(zip(line, converted)) if old != new
    ]
