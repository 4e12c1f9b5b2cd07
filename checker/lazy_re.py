"""Built-in regular expressions compiled on first use instead of at import.

``re`` compiles in Python, ~0.1–2 ms a pattern; a one-file run defines ~190 patterns but many serve
inputs it does not have (HTML, PDF, mojibake, spam, Taiwan phrasing) or rules whose cheap literal
pre-test fails first. A module-level ``lazy_re.compile(...)`` costs nothing until one of its methods
is called; then the real pattern is compiled with ``re.compile`` and its bound methods are stored on
the object, so later calls cost what calls on the pattern cost. Nothing is cached across processes.
"""

from __future__ import annotations

import re

_FORWARDED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
              "flags", "groups", "groupindex")


_CREATED: list = []                     # every pattern defined in this process, for the safety tests


class LazyPattern:
    """Stands for ``re.compile(pattern, flags)``; ``.pattern`` needs no compilation."""

    def __init__(self, pattern: str | bytes, flags: int = 0) -> None:
        self.pattern = pattern
        self._flags = int(flags)
        _CREATED.append(self)

    def compiled(self) -> re.Pattern:
        rx = self.__dict__.get("_rx")
        if rx is None:
            rx = re.compile(self.pattern, self._flags)
            self.__dict__["_rx"] = rx
            for name in _FORWARDED:
                self.__dict__[name] = getattr(rx, name)
        return rx

    def __getattr__(self, name: str):
        # Called only for names not yet in the instance dict: the first use of a pattern method.
        if name not in _FORWARDED:
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self):
        return LazyPattern, (self.pattern, self._flags)

    def __repr__(self) -> str:
        return f"lazy_re.compile({self.pattern!r}, {self._flags})"


def compile(pattern: str | bytes, flags: int = 0) -> LazyPattern:       # noqa: A001 — re's name, on purpose
    return LazyPattern(pattern, flags)


def created() -> list[LazyPattern]:
    """Every LazyPattern made in this process so far (module-level ones once their module is imported)."""
    return list(_CREATED)


def is_compiled(rx) -> bool:
    """Whether ``rx`` (a LazyPattern) has been compiled in this process; for tests and benchmarks."""
    return "_rx" in rx.__dict__
