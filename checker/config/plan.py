"""Group the files of a run by the rule set that applies to them, so each group is checked in one
batch (possibly on several processes) and every configuration is read once."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..engine.rule import Rule
from .settings import Resolver, Settings


@dataclass
class Batch:
    settings: Settings
    rules: list[Rule]
    paths: list[str] = field(default_factory=list)


def plan(files: list[str], resolver: Resolver) -> list[Batch]:
    """Batches in order of first appearance. Raises ConfigError/RuleFileError before anything runs."""
    batches: dict[tuple[int, tuple[str, ...]], Batch] = {}
    for f in files:
        settings = resolver.for_path(f)
        key = (id(settings), settings.ignored_for(f))
        if key not in batches:
            batches[key] = Batch(settings, settings.rules_for(f))
        batches[key].paths.append(f)
    return list(batches.values())
