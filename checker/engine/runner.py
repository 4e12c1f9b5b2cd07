"""Run the selected rules over one file and collect everything reporters need."""

from __future__ import annotations

import sys

from ..model.diagnostic import Diagnostic
from ..model.document import Document
from ..model.record import MutableRecord
from ..model.source import Source
from ..read import InputError
from ..read.formats import read_bytes
from ..read.limits import DEFAULT_MAX_BYTES, NotRegularFile, check_text_size, open_regular, read_stream
from ..report.facts import report_facts, table_snapshots
from ..suppress import apply as apply_suppressions, parse_markers
from .aggregate import aggregate
from .budget import capped
from .rule import Rule


class FileResult(MutableRecord):
    __slots__ = ("path", "diagnostics", "source", "error", "template", "outline", "facts", "tables", "cross")

    def __init__(self, path: str, diagnostics: list[Diagnostic] | None = None, source: Source | None = None,
                 error: str | None = None, template: dict | None = None,
                 outline: list[tuple[str, str, str]] | None = None, facts: dict | None = None,
                 tables: list[dict] | None = None, cross: dict | None = None) -> None:
        self.path = path
        self.diagnostics = [] if diagnostics is None else diagnostics
        self.source, self.error = source, error
        self.template = {} if template is None else template
        self.outline = [] if outline is None else outline       # (status, expected, found)
        self.facts = {} if facts is None else facts             # agency, year (checker.report.facts)
        self.tables = tables        # table snapshots, only when a reporter asked for them (options["snapshot"])
        self.cross = {} if cross is None else cross     # rule code → compact values for cross-file rules


def matches(code: str, prefixes) -> bool:
    return any(code.startswith(p) for p in prefixes)


def select_rules(rules: list[Rule], select=(), ignore=(), extend_select=()) -> list[Rule]:
    """ruff semantics: ``select`` replaces the default (all), ``extend_select`` adds, ``ignore`` removes."""
    chosen = [r for r in rules if (not select or matches(r.code, select)) or matches(r.code, extend_select)]
    return [r for r in chosen if not matches(r.code, ignore)]


def read_path(path: str, limit: int = DEFAULT_MAX_BYTES) -> Source:
    try:
        if path == "-":
            if sys.stdin is None:               # started with standard input closed (`<&-`)
                raise InputError("<stdin>", "标准输入已关闭，没有可读取的内容")
            data = read_stream(sys.stdin.buffer, "<stdin>", limit)
        else:
            with open_regular(path) as fh:
                data = read_stream(fh, path, limit)
    except IsADirectoryError:
        raise InputError(path, "是目录，不是文件") from None
    except NotRegularFile as exc:
        raise InputError(path, exc.strerror) from None
    except OSError as exc:
        raise InputError(path, f"无法读取：{exc.strerror}") from None
    source = read_bytes(data, "<stdin>" if path == "-" else path)
    if limit:
        check_text_size(source)
    return source


def check_source(source: Source, rules: list[Rule], template: str | None = None,
                 options: dict | None = None) -> FileResult:
    doc = Document(source, template_override=template, options=options or {})
    diags: list[Diagnostic] = []
    tid = doc.template.id
    gates, early, late, codes = _plan(rules, tid)
    for rule in gates:              # e.g. not-a-report: when a gate reports, no other rule runs
        diags.extend(rule.module.check(doc, rule))
        if diags:
            early = late = ()
            break
    pending = []
    # an aggregating rule's findings as rows (see engine/aggregate.py) when no marker can suppress one
    direct = not parse_markers(source)
    for rule in early:
        rows = getattr(rule.module, "occurrences", None) if direct and rule.aggregate else None
        if rows is not None:
            pending.append(rows(doc, rule))
        else:
            diags.extend(capped(rule.module.check(doc, rule), rule, source.path))
    diags = apply_suppressions(doc, diags, codes)
    for rule in late:
        diags.extend(capped(rule.module.check(doc, rule), rule, source.path))
    diags = aggregate(diags, rules, source.text, pending)
    for d in diags:
        d.line, d.column = source.line_col(d.start)
        d.end_line, d.end_column = source.line_col(d.end)
        d.location = d.location or source.anchor(d.start)
    diags.sort(key=Diagnostic.sort_key)
    meta = doc.meta
    info = {"id": tid, "name": doc.template.name, "basis": doc.template.basis,
            "reason": meta.template_source, "year": meta.year}
    tables = table_snapshots(doc) if doc.options.get("snapshot") else None
    return FileResult(source.path, diags, source, None, info, outline(doc), report_facts(doc), tables,
                      _cross(doc, early + late))


def _cross(doc: Document, rules: list[Rule]) -> dict:
    """What cross-file rules (a kind with ``facts``) keep of this file for the run's post-pass."""
    out = {}
    for rule in rules:
        take = getattr(rule.module, "facts", None)
        if take is not None:
            f = take(doc, rule)
            if f is not None:
                out[rule.code] = f
    return out


# (template id, the rules by identity) → the rules that apply, split at the suppression step: a run
# checks many files with one rule list, so the split is worked out once per template, not per file.
# A plan keeps its rules alive, so an id in a key is never reused by another rule while the key exists.
_PLANS: dict[tuple, tuple[tuple[Rule, ...], list[Rule], list[Rule], list[Rule], frozenset[str]]] = {}


def _plan(rules: list[Rule], tid: str) -> tuple[list[Rule], list[Rule], list[Rule], frozenset[str]]:
    """(gates, rules before suppression, rules after it, active codes). A gate (a kind module with
    ``GATE = True``) runs first and, when it reports, is the file's only finding."""
    key = (tid, *map(id, rules))
    plan = _PLANS.get(key)
    if plan is None:
        active = [r for r in rules if r.applies_to(tid)]
        gates = [r for r in active if getattr(r.module, "GATE", False)]
        rest = [r for r in active if not getattr(r.module, "GATE", False)]
        after = [getattr(r.module, "AFTER_SUPPRESSIONS", False) for r in rest]     # e.g. GL901
        plan = (tuple(rules), gates, [r for r, a in zip(rest, after) if not a],
                [r for r, a in zip(rest, after) if a], frozenset(r.code for r in active))
        if len(_PLANS) >= 64:
            _PLANS.clear()
        _PLANS[key] = plan
    return plan[1], plan[2], plan[3], plan[4]


def check_path(path: str, rules: list[Rule], template: str | None = None,
               options: dict | None = None) -> FileResult:
    try:
        source = read_path(path, (options or {}).get("max_file_bytes", DEFAULT_MAX_BYTES))
    except InputError as exc:
        return FileResult(exc.path, error=exc.message)
    return check_source(source, rules, template, options)


def outline(doc: Document) -> list[tuple[str, str, str]]:
    """Template sections against the headings found, for a diff-style view."""
    rows: list[tuple[str, str, str]] = []
    found = {s.template.index: s for s in reversed(doc.structure.sections) if s.template is not None}
    for sec in doc.template.sections:
        s = found.get(sec.index)
        want = f"{sec.number}、{sec.title}"
        if s is None:
            rows.append(("missing" if sec.required else "optional", want, ""))
        else:
            h = s.heading
            rows.append(("ok" if s.how == "exact" else "differs", want, f"{h.number_text}{h.sep}{h.title}"))
    for s in doc.structure.sections:
        if s.template is None:
            h = s.heading
            rows.append(("extra", "", f"{h.number_text}{h.sep}{h.title}"))
    return rows
