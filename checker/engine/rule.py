"""A rule as loaded from YAML, and the helper kinds use to turn a finding into a Diagnostic."""

from __future__ import annotations

from importlib import import_module

from ..model.diagnostic import Diagnostic, Fix, Severity
from ..model.record import MutableRecord
from .message import render


class Rule(MutableRecord):
    __slots__ = ("code", "name", "kind", "severity", "message", "summary", "doc", "params", "generations",
                 "fixable", "examples", "origin", "aggregate", "_compiled", "_module")

    def __init__(self, code: str, name: str, kind: str, severity: Severity, message: str, summary: str, doc: str,
                 params: dict | None = None, generations: tuple[str, ...] = (), fixable: bool = False,
                 examples: dict | None = None, origin: str = "", aggregate: dict | None = None, _compiled: object = None,
                 _module: object = None) -> None:
        self.code, self.name, self.kind, self.severity = code, name, kind, severity
        self.message, self.summary, self.doc = message, summary, doc
        self.params = {} if params is None else params
        self.generations, self.fixable = generations, fixable
        self.examples = {} if examples is None else examples
        self.origin = origin
        self.aggregate = aggregate      # {scope, min, message}: many findings become one (engine/aggregate.py)
        self._compiled, self._module = _compiled, _module      # built on first use (see below)

    @property
    def module(self):
        if self._module is None:
            self._module = import_module(f"checker.kinds.{self.kind.replace('-', '_')}")
        return self._module

    @property
    def compiled(self):
        """Per-process compiled form of ``params`` (regexes, automata), built on first use."""
        if self._compiled is None:
            build = getattr(self.module, "compile", None)
            self._compiled = build(self.params) if build else self.params
        return self._compiled

    def applies_to(self, template_id: str) -> bool:
        return not self.generations or template_id in self.generations

    def diag(self, doc, start: int, end: int, *, normalised: bool = True, fix: Fix | None = None,
             expected: str | None = None, found: str | None = None, **args) -> Diagnostic:
        """Diagnostic at ``start:end`` (normalised offsets unless ``normalised=False``)."""
        if normalised:
            start, end = doc.orig_span(start, end)
        args.setdefault("expected", expected or "")
        args.setdefault("found", found or "")
        return Diagnostic(
            code=self.code, name=self.name, severity=self.severity,
            message=render(self.message, args), path=doc.source.path,
            start=start, end=end, fix=fix, expected=expected, found=found,
        )
