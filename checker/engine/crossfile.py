"""The run's post-pass for rules that compare files (a kind with ``facts`` and ``across``): after every
file is checked, each such rule sees the facts its files kept and adds findings to the files they
concern. Works the same with -j (facts travel back with each file's result).

A kind's facts carry everything a finding needs (values, offsets, and the line, column and anchor of
those offsets), so the post-pass sees a file only as its path and facts: a streamed run keeps these
facts, not the files' text or findings (checker/cli/streaming.py)."""

from __future__ import annotations

from collections.abc import Mapping

from ..model.diagnostic import Diagnostic

SCALARS = (str, int, float, type(None))


class CrossFile:
    """What ``across`` sees of one checked file: its index in the run, path and cross-rule facts."""

    __slots__ = ("index", "path", "facts")

    def __init__(self, index: int, path: str, facts: dict) -> None:
        self.index, self.path, self.facts = index, path, facts

    def of(self, code: str):
        return self.facts.get(code)


class SpilledFacts(Mapping):
    """One file's facts for one rule in a streamed run, which may hold tens of thousands of them: the
    values ``across`` indexes every file by (the kind's ``INDEX`` names: the body's name, the year) at
    hand, each equal value held once for the run (``shared``), the rest (values and positions of
    cells) in the run's spill file, read back only when ``across`` compares this file with another.
    It is its own ``CrossFile`` too: one small object a file."""

    __slots__ = ("index", "path", "code", "_names", "_values", "_spill", "_offset", "_size")

    def __init__(self, index: int, path: str, code: str, facts: dict, spill, index_names, shared: dict) -> None:
        self.index, self.path, self.code = index, path, code
        keep = tuple(k for k, v in facts.items() if (index_names is None or k in index_names) and isinstance(v, SCALARS))
        self._names = shared.setdefault(keep, keep)
        self._values = tuple(shared.setdefault(facts[k], facts[k]) for k in keep)
        rest = {k: v for k, v in facts.items() if k not in keep}
        self._spill = spill
        self._offset, self._size = spill.put(rest) if rest else (-1, 0)

    def of(self, code: str):
        return self if code == self.code else None

    def _rest(self) -> dict:
        return self._spill.get(self._offset, self._size) if self._offset >= 0 else {}

    def __getitem__(self, key):
        if key in self._names:
            return self._values[self._names.index(key)]
        return self._rest()[key]

    def __contains__(self, key) -> bool:
        return key in self._names or key in self._rest()

    def __iter__(self):
        yield from self._names
        yield from self._rest()

    def __len__(self) -> int:
        return len(self._names) + len(self._rest())


def cross_rules(rules) -> list:
    """The rules of a run that compare files, once each."""
    return [r for r in {r.code: r for r in rules}.values() if getattr(r.module, "across", None) is not None]


def kept_facts(result, codes) -> dict | None:
    """The facts ``result`` keeps for the cross-file rules ``codes``, or None (it can get no such finding)."""
    if not result.cross:
        return None
    return {c: f for c, f in result.cross.items() if c in codes} or None


def spilled(index: int, path: str, facts: dict, rules: dict, spill, shared: dict) -> list[SpilledFacts]:
    """``facts`` (code → one rule's facts) of the file at ``index``, set aside in ``spill``."""
    return [SpilledFacts(index, path, c, f, spill, getattr(rules[c].module, "INDEX", None), shared)
            for c, f in facts.items()]


def cross_findings(files: list, rules) -> dict[int, list[Diagnostic]]:
    """index → the findings the cross-file rules add to that file (``files``: each a ``CrossFile`` or
    ``SpilledFacts``)."""
    out: dict[int, list[Diagnostic]] = {}
    for rule in cross_rules(rules):
        items = [(f, facts) for f in files if (facts := f.of(rule.code)) is not None]
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
