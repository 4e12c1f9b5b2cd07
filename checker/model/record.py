"""Plain value classes without the start-up cost of ``dataclasses``.

``@dataclass`` writes each class's methods as source text and compiles it when the module is imported
(~0.4 ms a class, plus importing ``inspect``); govlint has dozens of small record types, and a one-file
run spent a fifth of its time there. A record lists its fields in ``__slots__`` (base classes' slots
come first) and writes its own ``__init__``; equality, ``repr`` and ``replace`` come from the slots.
``Record`` is hashable by value (for immutable records); ``MutableRecord`` is not hashable, as a
non-frozen dataclass is not.
"""

from __future__ import annotations

_FIELDS: dict[type, tuple[str, ...]] = {}


def fields(cls: type) -> tuple[str, ...]:
    """Every slot of ``cls`` and its bases, base classes first."""
    names = _FIELDS.get(cls)
    if names is None:
        names = _FIELDS[cls] = tuple(
            n for k in reversed(cls.__mro__) for n in k.__dict__.get("__slots__", ()) if n != "__weakref__")
    return names


class Record:
    __slots__ = ()

    def _values(self) -> tuple:
        return tuple(getattr(self, n) for n in fields(type(self)))

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        shown = (f"{n}={getattr(self, n)!r}" for n in fields(type(self)) if not n.startswith("_"))
        return f"{type(self).__name__}({', '.join(shown)})"

    def replace(self, **changes):
        """A copy with some fields changed (``dataclasses.replace``)."""
        unknown = set(changes) - set(fields(type(self)))
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
        new = object.__new__(type(self))
        for n in fields(type(self)):
            object.__setattr__(new, n, changes[n] if n in changes else getattr(self, n))
        return new


class MutableRecord(Record):
    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]  # mutable: equal now need not mean equal later
