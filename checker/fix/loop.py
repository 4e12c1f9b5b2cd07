"""Fix a source until it is stable, like ruff: apply, re-check, repeat (bounded)."""

from __future__ import annotations

from ..engine.runner import FileResult, check_source
from ..model.record import MutableRecord
from ..model.source import Source
from . import apply as applier

MAX_ROUNDS = 10


class FixOutcome(MutableRecord):
    __slots__ = ("source", "text", "result", "fixed", "rounds")

    def __init__(self, source: Source, text: str, result: FileResult, fixed: int, rounds: int) -> None:
        self.source = source        # as read
        self.text = text            # after fixing
        self.result = result        # the check of ``text``: what remains
        self.fixed = fixed          # fixes applied over all rounds
        self.rounds = rounds

    @property
    def changed(self) -> bool:
        return self.text != self.source.text


def wanted(result: FileResult, unsafe: bool) -> list:
    return [d.fix for d in result.diagnostics if d.fix and d.fix.edits and (d.fix.safe or unsafe)]


def fix_source(source: Source, rules, template=None, options=None, unsafe: bool = False,
               first: FileResult | None = None, max_rounds: int = MAX_ROUNDS) -> FixOutcome:
    """Apply fixes round after round until none applies; ``first`` is an existing check of ``source``."""
    result = first or check_source(source, rules, template, options)
    text, fixed, rounds = source.text, 0, 0
    while rounds < max_rounds:
        fixes = wanted(result, unsafe)
        new_text, n = applier.apply(text, fixes)
        if n == 0 or new_text == text:
            break
        text, fixed, rounds = new_text, fixed + n, rounds + 1
        result = check_source(with_text(source, text), rules, template, options)
    return FixOutcome(source, text, result, fixed, rounds)


def with_text(source: Source, text: str) -> Source:
    return source.replace(text=text, _line_starts=None)
