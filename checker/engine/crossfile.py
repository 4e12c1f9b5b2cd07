"""The run's post-pass for rules that compare files (a kind with ``facts`` and ``across``): after every
file is checked, each such rule sees the facts its files kept and adds findings to the files they
concern. Works the same with -j (facts travel back with each file's result).

A kind's facts carry everything a finding needs (values, offsets, and the line, column and anchor of
those offsets), so the post-pass sees a file only as its path and facts: a streamed run keeps these
facts, not the files' text or findings (checker/cli/streaming.py)."""

from __future__ import annotations

import pickle
import zlib
from collections.abc import Mapping

from ..model.diagnostic import Diagnostic

SCALARS = (str, int, float, type(None))


class Packed(Mapping):
    """One file's facts for one rule, kept small for the whole run: the scalar values (the body's name,
    the year: what ``across`` indexes every file by) at hand, the rest (values and positions of cells)
    compressed, and unpacked again only when ``across`` compares this file with another."""

    __slots__ = ("_scalars", "_packed")

    def __init__(self, facts: dict) -> None:
        self._scalars = {k: v for k, v in facts.items() if isinstance(v, SCALARS)}
        rest = {k: v for k, v in facts.items() if k not in self._scalars}
        self._packed = zlib.compress(pickle.dumps(rest, pickle.HIGHEST_PROTOCOL), 1) if rest else None

    def _rest(self) -> dict:
        return pickle.loads(zlib.decompress(self._packed)) if self._packed else {}

    def __getitem__(self, key):
        if key in self._scalars:
            return self._scalars[key]
        return self._rest()[key]

    def __contains__(self, key) -> bool:
        return key in self._scalars or key in self._rest()

    def __iter__(self):
        yield from self._scalars
        yield from self._rest()

    def __len__(self) -> int:
        return len(self._scalars) + len(self._rest())


class CrossFile:
    """What ``across`` sees of one checked file: its index in the run, path and cross-rule facts."""

    __slots__ = ("index", "path", "facts")

    def __init__(self, index: int, path: str, facts: dict) -> None:
        self.index, self.path, self.facts = index, path, facts


def cross_rules(rules) -> list:
    """The rules of a run that compare files, once each."""
    return [r for r in {r.code: r for r in rules}.values() if getattr(r.module, "across", None) is not None]


def kept_facts(result, codes, pack: bool = False) -> dict | None:
    """The facts ``result`` keeps for the cross-file rules ``codes`` (each ``Packed`` if ``pack``), or None
    (it can get no such finding)."""
    if not result.cross:
        return None
    facts = {c: Packed(f) if pack else f for c, f in result.cross.items() if c in codes}
    return facts or None


def cross_findings(files: list[CrossFile], rules) -> dict[int, list[Diagnostic]]:
    """index → the findings the cross-file rules add to that file."""
    out: dict[int, list[Diagnostic]] = {}
    for rule in cross_rules(rules):
        items = [(f, f.facts[rule.code]) for f in files if rule.code in f.facts]
        if len(items) < 2:
            continue
        for handle, d in rule.module.across(items, rule):
            out.setdefault(handle.index, []).append(d)
    return out


def add_findings(result, found: list[Diagnostic] | None) -> None:
    if found:
        result.diagnostics.extend(found)
        result.diagnostics.sort(key=Diagnostic.sort_key)


def cross_check(results: list, rules) -> None:
    """The post-pass over results held in memory (--fix, the tests)."""
    codes = {r.code for r in cross_rules(rules)}
    files = [CrossFile(i, r.path, f) for i, r in enumerate(results) if (f := kept_facts(r, codes))]
    for i, found in cross_findings(files, rules).items():
        add_findings(results[i], found)
