"""Regular expressions compiled once per machine instead of once per run.

A plain ``govlint check report.txt`` compiles ~190 patterns, and ``re``'s compiler is written in
Python: it took ~17 ms of a ~55 ms run, the largest single cost left. What it produces for a pattern,
the program of integer op codes that ``re`` hands to its C engine, depends only on the pattern, the
flags and the Python build. So the programs are kept in a per-user cache file and later runs hand them
to the engine directly (``_sre.compile``, as ``re._compiler.compile`` itself does).

Safe by construction:
- a program is stored only after it was built by ``re``'s own parser and code generator and the
  pattern it gives agrees with ``re.compile``'s (flags, groups, group names);
- the file is used only by the exact Python build that wrote it (version string, engine MAGIC and
  code size in its header) and only by the govlint version that wrote it; anything else, a damaged
  or unreadable file, or a program the engine rejects (it validates every program) means
  ``re.compile`` as usual;
- ``GOVLINT_NO_CACHE=1`` turns the cache off, ``GOVLINT_CACHE_DIR`` moves it (default
  ``$XDG_CACHE_HOME/govlint`` or ``~/.cache/govlint``); a folder that cannot be written just means
  no cache. Only the process that ran ``save()`` (the command line, at exit) writes, atomically.
"""

from __future__ import annotations

import marshal
import os
import re
import sys

try:                                   # CPython 3.11+ (3.10 names these modules sre_*): else plain re
    import _sre
    from re import _compiler, _parser
except ImportError:
    _sre = _compiler = _parser = None

from . import __version__

_programs: dict | None = None          # (pattern, flags) → (flags, code, groups, groupindex, indexgroup)
_added: dict = {}


def compile(pattern: str | bytes, flags: int = 0) -> re.Pattern:
    """``re.compile(pattern, flags)``, from the cached program when there is one."""
    flags = int(flags)
    program = _cached().get((pattern, flags))
    if program is not None:
        try:
            return _sre.compile(pattern, *program)
        except Exception:               # noqa: BLE001 — a damaged entry: compile as usual below
            pass
    compiled = re.compile(pattern, flags)
    program = _program(pattern, flags, compiled)
    if program is not None:
        _added[(pattern, flags)] = program
    return compiled


def _program(pattern, flags: int, compiled: re.Pattern) -> tuple | None:
    """What ``re._compiler.compile`` passes to ``_sre.compile``, if it gives the same pattern."""
    if _compiler is None or not _enabled():
        return None
    try:
        parsed = _parser.parse(pattern, flags)
        code = [int(op) for op in _compiler._code(parsed, flags)]
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        program = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        again = _sre.compile(pattern, *program)
    except Exception:                   # noqa: BLE001 — an internals change: no caching, never an error
        return None
    same = (again.flags, again.groups, dict(again.groupindex)) == (
        compiled.flags, compiled.groups, dict(compiled.groupindex))
    return program if same else None


def _enabled() -> bool:
    return not os.environ.get("GOVLINT_NO_CACHE")


def cache_path() -> str:
    folder = os.environ.get("GOVLINT_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "govlint")
    return os.path.join(folder, f"regex-{__version__}-{sys.implementation.cache_tag}.marshal")


def _header() -> tuple:
    return (__version__, sys.version, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None))


def _cached() -> dict:
    global _programs
    if _programs is None:
        _programs = {}
        if _compiler is not None and _enabled():
            try:
                with open(cache_path(), "rb") as fh:
                    header, programs = marshal.load(fh)
                if header == _header() and isinstance(programs, dict):
                    _programs = programs
            except (OSError, EOFError, ValueError, TypeError):
                pass
    return _programs


def save() -> None:
    """Write the programs compiled in this run that the cache did not have yet (if any)."""
    if not _added or not _enabled():
        return
    programs = {**_cached(), **_added}
    path = cache_path()
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as fh:
            marshal.dump((_header(), programs), fh)
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return
    _programs.update(_added)
    _added.clear()
