"""The run's post-pass for rules that compare files (a kind with ``facts`` and ``across``): after every
file is checked, each such rule sees the facts its files kept and adds findings to the files they
concern. Works the same with -j (facts travel back with each file's result).

A kind's facts carry everything a finding needs (values, offsets, and the line, column and anchor of
those offsets), so the post-pass sees a file only as its path and facts: a streamed run keeps these
facts, not the files' text or findings (checker/cli/streaming.py)."""

from __future__ import annotations

from ..model.diagnostic import Diagnostic


class CrossFile:
    """What ``across`` sees of one checked file: its index in the run, path and cross-rule facts."""

    __slots__ = ("index", "path", "facts")

    def __init__(self, index: int, path: str, facts: dict) -> None:
        self.index, self.path, self.facts = index, path, facts


def cross_rules(rules) -> list:
    """The rules of a run that compare files, once each."""
    return [r for r in {r.code: r for r in rules}.values() if getattr(r.module, "across", None) is not None]


def kept_facts(result, codes) -> dict | None:
    """The facts ``result`` keeps for the cross-file rules ``codes``, or None (it can get no such finding)."""
    if not result.cross:
        return None
    facts = {c: f for c, f in result.cross.items() if c in codes}
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
