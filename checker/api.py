"""govlint as a library: check texts and files from Python and get plain data back.

    import govlint
    result = govlint.check_path("2024年报.pdf")
    for d in result["diagnostics"]:
        print(d["code"], d["message"])

Results are the ``--format json`` file objects (README, “JSON output”): dicts of strings, numbers and
lists, so they pickle, cross process boundaries and serialise as they are — what a distributed engine
(Dask, Ray, Spark) needs. No configuration file is read: every choice is an argument, so the same call
gives the same result on every machine of a cluster. Rules are loaded and compiled once per process
for each set of choices and reused by every later call.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from .read.limits import DEFAULT_MAX_BYTES

__all__ = ["check_path", "check_paths", "check_text", "rules"]


@lru_cache(maxsize=16)
def _rules(select: tuple[str, ...], ignore: tuple[str, ...], rule_files: tuple[str, ...]) -> list:
    from .engine.loader import load_rules
    from .engine.runner import select_rules

    return select_rules(load_rules(list(rule_files)), select=list(select), ignore=list(ignore))


def _options(agency: str | None, max_file_size: int, options: dict | None) -> dict:
    out = dict(options or {})
    out["max_file_bytes"] = max_file_size
    if agency:
        out["agency"] = agency
    return out


def _plain(result) -> dict:
    from .report.json_format import file_dict

    return file_dict(result)


def check_text(text: str, path: str = "<text>", *, template: str | None = None, select: Iterable[str] = (),
               ignore: Iterable[str] = (), rule_files: Iterable[str] = (), agency: str | None = None,
               options: dict | None = None) -> dict:
    """Check a report given as text; ``path`` only names it in the result."""
    from .engine.runner import check_source
    from .model.source import Source

    rules = _rules(tuple(select), tuple(ignore), tuple(rule_files))
    return _plain(check_source(Source(path=path, text=text), rules, template,
                               _options(agency, DEFAULT_MAX_BYTES, options)))


def check_path(path: str, *, template: str | None = None, select: Iterable[str] = (), ignore: Iterable[str] = (),
               rule_files: Iterable[str] = (), agency: str | None = None, max_file_size: int = DEFAULT_MAX_BYTES,
               options: dict | None = None) -> dict:
    """Check one file (.txt/.md, .docx, .html, .pdf). A file that cannot be read gives ``error`` set and no
    diagnostics, never an exception — one bad file must not stop a corpus run."""
    from .engine.parallel import RunSpec, check_one

    rules = _rules(tuple(select), tuple(ignore), tuple(rule_files))
    spec = RunSpec(list(rule_files), list(select), list(ignore), [], template,
                   _options(agency, max_file_size, options))
    return _plain(check_one(str(path), rules, spec))


def check_paths(paths: Iterable[str], *, jobs: int = 1, template: str | None = None, select: Iterable[str] = (),
                ignore: Iterable[str] = (), rule_files: Iterable[str] = (), agency: str | None = None,
                max_file_size: int = DEFAULT_MAX_BYTES, options: dict | None = None) -> Iterator[dict]:
    """Check many files on ``jobs`` processes of this machine; results come in the order of ``paths``,
    each as soon as it and the ones before it are done."""
    from .engine.parallel import RunSpec, check_many

    paths = [str(p) for p in paths]
    rules = _rules(tuple(select), tuple(ignore), tuple(rule_files))
    spec = RunSpec(list(rule_files), list(select), list(ignore), [], template,
                   _options(agency, max_file_size, options))
    for result in check_many(paths, rules, spec, jobs):
        yield _plain(result)


def rules() -> list[dict]:
    """Every built-in rule: code, name, severity, fixable, summary."""
    from .engine.loader import builtin_rules

    return [{"code": r.code, "name": r.name, "severity": r.severity.label, "fixable": r.fixable,
             "summary": r.summary} for r in builtin_rules()]
