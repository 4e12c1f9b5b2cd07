"""Numbers run together: crawler text prints a table row's cells without separators
(``21710000218`` for 217 | 1 | 0 | 0 | 0 | 0 | 218, ``20263542`` for 2026 | 3542).

A run is split only when exactly one way of cutting every run satisfies the constraints given (a row
total equals its parts, a part is at most its total, this year at most the cumulative count …). A
number has no leading zero unless it is 0 itself. Two or more solutions, or none, give None: the
caller then says the table cannot be checked instead of reporting arithmetic on a guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..model.record import Record

MAX_DIGITS = 9          # a cell of these tables never holds a count of a billion
MAX_STEPS = 200_000     # search effort before giving up (then: not split)
MAX_READINGS = 5_000    # readings of one run kept for the joint search


class Constraint(Record):
    """``sum(lhs) op sum(rhs)`` over values named (run index, value index); op is ``==`` or ``<=``."""

    __slots__ = ("lhs", "rhs", "op")

    def __init__(self, lhs: tuple[tuple[int, int], ...], rhs: tuple[tuple[int, int], ...], op: str = "==") -> None:
        if op not in ("==", "<="):
            raise ValueError(op)
        self.lhs, self.rhs, self.op = tuple(lhs), tuple(rhs), op

    def runs(self) -> frozenset[int]:
        return frozenset(r for r, _ in self.lhs + self.rhs)

    def holds(self, values) -> bool:
        left = sum(values[r][i] for r, i in self.lhs)
        right = sum(values[r][i] for r, i in self.rhs)
        return left == right if self.op == "==" else left <= right


@lru_cache(maxsize=4096)
def cuts(digits: str, count: int) -> tuple[tuple[int, ...], ...]:
    """Every way to read ``digits`` as ``count`` numbers (no leading zeros, at most MAX_DIGITS each)."""
    if count == 1:
        ok = 0 < len(digits) <= MAX_DIGITS and (digits == "0" or digits[0] != "0")
        return ((int(digits),),) if ok else ()
    out = []
    first_max = min(MAX_DIGITS, len(digits) - (count - 1))
    for n in range(1, first_max + 1):
        head = digits[:n]
        if n > 1 and head[0] == "0":
            break
        out.extend((int(head), *rest) for rest in cuts(digits[n:], count - 1))
    return tuple(out)


def readings(digits: str, count: int, run: int = 0, constraints: Sequence[Constraint] = ()) -> list[tuple[int, ...]]:
    """``cuts`` of one run that satisfy ``constraints`` (on this run only), built number by number and
    each constraint tested as soon as its last number is read; [] when there are more than
    MAX_READINGS or the search takes more than MAX_STEPS steps (a run that long is not split)."""
    due: list[list[Constraint]] = [[] for _ in range(count)]
    for c in constraints:
        due[max(i for _, i in c.lhs + c.rhs)].append(c)
    out: list[tuple[int, ...]] = []
    values: list[int] = []
    steps = [0]

    def walk(pos: int) -> bool:
        k = len(values)
        if k == count:
            if pos == len(digits):
                out.append(tuple(values))
            return len(out) <= MAX_READINGS
        left = count - k - 1
        for n in range(1, MAX_DIGITS + 1):
            end = pos + n
            rest = len(digits) - end
            if rest < left or n > 1 and digits[pos] == "0":
                break
            if rest > left * MAX_DIGITS:
                continue
            steps[0] += 1
            if steps[0] > MAX_STEPS:
                return False
            values.append(int(digits[pos:end]))
            ok = all(c.holds({run: values}) for c in due[k])
            if ok and not walk(end):
                return False
            values.pop()
        return True

    if count < 1 or not walk(0):
        return []
    return out


def split_runs(runs: Sequence[str], counts: Sequence[int],
               constraints: Sequence[Constraint] = ()) -> list[tuple[int, ...]] | None:
    """The one split of every run (``counts[i]`` numbers for ``runs[i]``) satisfying every constraint,
    or None when there is none, more than one, or the search is too large to settle."""
    if len(runs) != len(counts):
        raise ValueError("runs and counts differ in length")
    if any(not r.isdigit() or not r.isascii() for r in runs):
        return None
    own = [[c for c in constraints if c.runs() == {i}] for i in range(len(runs))]
    options = [readings(r, n, i, own[i]) for i, (r, n) in enumerate(zip(runs, counts))]
    if any(not o for o in options):
        return None             # no reading, or too many to search
    order = sorted(range(len(runs)), key=lambda i: len(options[i]))
    shared = [c for c in constraints if len(c.runs()) > 1]
    # a constraint is tested as soon as the last of its runs has a value
    position = {run: k for k, run in enumerate(order)}
    due: list[list[Constraint]] = [[] for _ in order]
    for c in shared:
        due[max(position[r] for r in c.runs())].append(c)
    found: list[dict] = []
    steps = [0]
    if not _search(order, options, due, 0, {}, found, steps):
        return None
    if len(found) != 1:
        return None
    return [found[0][i] for i in range(len(runs))]


def _search(order, options, due, k, values, found, steps) -> bool:
    """Depth-first over the runs in ``order``; stops at a second solution. False: gave up (too large)."""
    if k == len(order):
        found.append(dict(values))
        return True
    run = order[k]
    for v in options[run]:
        steps[0] += 1
        if steps[0] > MAX_STEPS:
            return False
        values[run] = v
        if all(c.holds(values) for c in due[k]):
            if not _search(order, options, due, k + 1, values, found, steps):
                return False
            if len(found) > 1:
                break
        del values[run]
    values.pop(run, None)
    return True


def row_total(run: int, parts: int) -> Constraint:
    """The last of a run's ``parts + 1`` numbers is the sum of the others."""
    return Constraint(tuple((run, i) for i in range(parts)), ((run, parts),))
