"""Group the files of a run by the rule set that applies to them, so each group is checked in one
batch (possibly on several processes) and every configuration is read once."""

from __future__ import annotations

from ..engine.rule import Rule
from ..model.record import MutableRecord
from .settings import Resolver, Settings


class Batch(MutableRecord):
    """``paths`` and, beside them, each one's place in the run's file list (4 bytes a file, not a dict)."""

    __slots__ = ("settings", "rules", "paths", "indexes")

    def __init__(self, settings: Settings, rules: list[Rule], paths: list[str] | None = None,
                 indexes=None) -> None:
        from array import array

        self.settings, self.rules = settings, rules
        self.paths = [] if paths is None else paths
        self.indexes = array("l") if indexes is None else indexes


def plan(files: list[str], resolver: Resolver) -> list[Batch]:
    """Batches in order of first appearance. Raises ConfigError/RuleFileError before anything runs."""
    batches: dict[tuple[int, tuple[str, ...]], Batch] = {}
    for i, f in enumerate(files):
        settings = resolver.for_path(f)
        key = (id(settings), settings.ignored_for(f))
        if key not in batches:
            batches[key] = Batch(settings, settings.rules_for(f))
        batches[key].paths.append(f)
        batches[key].indexes.append(i)
    return list(batches.values())
