"""Arithmetic relations over cell ids, written as data (``r1 + r2 == r3_7 + r4``) and evaluated on a
FilledTable. No Python per relation: the expression language is sums of terms on two sides.

A term is an id, ``sum(a..b)`` (an inclusive range in template order) or ``sum(prefix*)`` (every data
id matching the pattern). With ``for_each_column`` the ids are rows and the relation is checked once
per column; with ``for_each_row`` the ids are columns, checked once per row.
"""

from __future__ import annotations

from fnmatch import fnmatchcase

from .. import lazy_re
from ..model.record import MutableRecord, Record
from .model import NUMBER, FilledTable, TableDef
from .render import format_number

_TERM = lazy_re.compile(r"\s*([+-])?\s*(sum\(\s*([\w*]+)\s*(?:\.\.\s*(\w+))?\s*\)|\w+)\s*")


class RelationError(ValueError):
    pass


class Term(Record):
    __slots__ = ("sign", "first", "last", "pattern")

    def __init__(self, sign: int, first: str, last: str | None = None, pattern: bool = False) -> None:
        self.sign, self.first = sign, first
        self.last = last            # range end
        self.pattern = pattern      # first is a glob


class Relation:
    """A compiled relation. Compared by identity: it keys the memo of its plans (``_plan``), and
    hashing it by value (every term) cost more than the plan saved."""

    __slots__ = ("table", "lhs", "rhs", "scope", "over", "tolerance", "plans")

    def __init__(self, table: str, lhs: tuple[Term, ...], rhs: tuple[Term, ...], scope: str,
                 over: tuple[str, ...] | str, tolerance: float = 0.0) -> None:
        self.table, self.lhs, self.rhs = table, lhs, rhs
        self.scope = scope          # "column" | "row"
        self.over = over            # ids, or "all"
        self.tolerance = tolerance
        self.plans: dict = {}       # TableDef -> _plan(self, it)

    def __repr__(self) -> str:
        return f"Relation({self.table}: {self.lhs!r} == {self.rhs!r}, {self.scope} {self.over!r})"


class Instance(MutableRecord):
    __slots__ = ("where", "lhs", "rhs", "left", "right", "cells")

    def __init__(self, where: str, lhs: list[tuple[int, str, float]], rhs: list[tuple[int, str, float]],
                 left: float, right: float, cells: list[tuple[str, str]]) -> None:
        self.where = where          # the column or row the relation was checked for
        self.lhs, self.rhs = lhs, rhs   # (sign, term name, value)
        self.left, self.right = left, right
        self.cells = cells          # every cell of the equation, lhs first

    @property
    def holds(self) -> bool:
        return abs(self.left - self.right) < 1e-6

    def equation(self) -> str:
        return f"{_side(self.lhs, self.left)} ≠ {_side(self.rhs, self.right)}  (差 {format_number(round(abs(self.left - self.right), 4))})"


def _side(terms, total) -> str:
    text = ""
    for i, (sign, name, value) in enumerate(terms):
        part = f"{name}({format_number(value)})"
        if i == 0:
            text = part if sign > 0 else f"-{part}"
        else:
            text += f" {'+' if sign > 0 else '-'} {part}"
    return text if len(terms) == 1 else f"{text} = {format_number(total)}"


def parse_side(text: str) -> tuple[Term, ...]:
    terms, pos = [], 0
    while pos < len(text):
        m = _TERM.match(text, pos)
        if not m or m.end() == pos:
            raise RelationError(f"无法解析表达式：{text[pos:]!r}")
        sign = -1 if m.group(1) == "-" else 1
        if m.group(3):
            terms.append(Term(sign, m.group(3), m.group(4), "*" in m.group(3)))
        else:
            terms.append(Term(sign, m.group(2)))
        pos = m.end()
    if not terms:
        raise RelationError("表达式一侧为空")
    return tuple(terms)


def compile_relation(params: dict) -> Relation:
    expr = params["expr"]
    if expr.count("==") != 1:
        raise RelationError(f"表达式须恰有一个“==”：{expr}")
    left, right = expr.split("==")
    if "for_each_column" in params:
        scope, over = "column", params["for_each_column"]
    elif "for_each_row" in params:
        scope, over = "row", params["for_each_row"]
    else:
        raise RelationError("须指定 for_each_column 或 for_each_row")
    over = over if over == "all" else tuple(over)
    return Relation(params["table"], parse_side(left), parse_side(right), scope, over, params.get("tolerance", 0.0))


def _ids(tdef: TableDef, scope: str) -> tuple[str, ...]:
    """The ids a term can name: data rows when iterating columns, columns when iterating rows."""
    if scope == "column":
        return tdef.data_rows
    return tuple(tdef.columns)


def _expand(term: Term, ids: tuple[str, ...]) -> list[str] | None:
    if term.pattern:
        hits = [i for i in ids if fnmatchcase(i, term.first)]
        return hits or None
    if term.first not in ids:
        return None
    if term.last is None:
        return [term.first]
    if term.last not in ids:
        return None
    a, b = ids.index(term.first), ids.index(term.last)
    return list(ids[a:b + 1]) if a <= b else None


def evaluate(rel: Relation, ft: FilledTable) -> list[Instance]:
    """Every instance of ``rel`` whose cells were all read; empty when the table's generation lacks an id."""
    plan = _plan(rel, ft.tdef)
    if plan is None:
        return []
    sides, over = plan[0], plan[1]
    return [i for i in (_instance(rel, ft, sides, o) for o, _ in over) if i is not None]


def failures(rel: Relation, ft: FilledTable) -> list[Instance]:
    """The instances of ``evaluate`` that do not hold. Each equation is first summed over the plan's
    cell keys; only the failing ones are built."""
    plan = _plan(rel, ft.tdef)
    if plan is None:
        return []
    sides, over, moved, width = plan
    nums = ft.numbers()
    top = ft.integral_max()
    if top is not None and top * width <= EXACT:
        found = _exact_failures(rel, ft, sides, moved, nums)
    else:
        found = []
        for (o, (lhs, rhs)), signed in zip(over, moved):
            try:
                left, right = _total(lhs, nums), _total(rhs, nums)
            except KeyError:
                continue                    # a cell was not read: no equation
            if abs(left - right) >= 1e-6:
                found.append((signed, _instance(rel, ft, sides, o)))
    if not found:
        return []
    unknown = unfilled(ft)
    return [inst for (_, plus, minus), inst in found if not unknown or _certain(plus, minus, nums, unknown)]


def unfilled(ft: FilledTable) -> frozenset:
    """Keys of the cells read without a number (blank, “/”, “—”, text): what they stand for is not known."""
    cells = ft.source.cells
    return frozenset(k for k, i in ft.index.items() if cells[i].state != NUMBER)


def _certain(plus, minus, nums, unknown) -> bool:
    """Whether the equation ``sum(plus) == sum(minus)`` fails whatever non-negative numbers its unfilled
    cells stand for. Counted as 0 they make it fail; but when they are on both sides, or on the side
    that falls short, some values would make it hold — a blank is not a 0, so that is not an error.
    Only the side that is already too large may hold unfilled cells."""
    open_plus, open_minus = any(k in unknown for k in plus), any(k in unknown for k in minus)
    if not (open_plus or open_minus):
        return True
    if open_plus and open_minus:
        return False
    known_plus = sum(nums[k] for k in plus if k not in unknown)
    known_minus = sum(nums[k] for k in minus if k not in unknown)
    return known_plus > known_minus if open_plus else known_minus > known_plus


# Integers up to 2**53 are exact floats. When every value is a non-negative integer and the terms of
# an equation add up to at most this, every float sum of them is exact in any order: the sides are
# equal exactly when the positive terms of both sides (lhs +, rhs -) add up to the negative ones.
EXACT = 2.0 ** 53


def _exact_failures(rel: Relation, ft: FilledTable, sides, moved, nums) -> list[tuple]:
    """``failures`` when the sums are exact (see EXACT): each equation as two flat sums; (moved entry,
    instance) pairs."""
    get, out = nums.__getitem__, []
    for signed in moved:
        o, plus, minus = signed
        try:
            differ = sum(map(get, plus)) != sum(map(get, minus))
        except KeyError:
            continue                    # a cell was not read: no equation
        if differ:
            out.append((signed, _instance(rel, ft, sides, o)))
    return out


def _total(terms, nums) -> float:
    """A side's value, summed in ``_instance``'s order (so the float result is the same)."""
    total = 0.0
    for sign, keys in terms:
        if len(keys) == 1:
            total += sign * nums[keys[0]]       # == sign * sum([v]): 0.0 + (-0.0) is 0.0 either way
        else:
            total += sign * sum(map(nums.__getitem__, keys))
    return total


def _plan(rel: Relation, tdef: TableDef):
    """The terms expanded to ids, and for every column or row the relation is checked for, the cell
    keys of each term, the same keys moved to the side where they add (for exact sums) and the most
    keys an equation has: (sides, ((o, (lhs, rhs)), ...), ((o, plus, minus), ...), width); None when
    ``tdef`` lacks an id. Once per relation and table definition."""
    try:
        return rel.plans[tdef]
    except KeyError:
        plan = rel.plans[tdef] = _make_plan(rel, tdef)
        return plan


def _make_plan(rel: Relation, tdef: TableDef):
    ids = _ids(tdef, rel.scope)
    sides = []
    for side in (rel.lhs, rel.rhs):
        expanded = [(t, _expand(t, ids)) for t in side]
        if any(e is None for _, e in expanded):
            return None
        sides.append(expanded)
    others = tuple(tdef.columns) if rel.scope == "column" else tdef.data_rows
    over = others if rel.over == "all" else tuple(o for o in rel.over if o in others)
    column = rel.scope == "column"
    keyed = tuple(
        (o, tuple(tuple((term.sign, tuple((i, o) if column else (o, i) for i in ids)) for term, ids in side)
                  for side in sides))
        for o in over)
    moved = tuple((o, _moved(lhs, rhs, 1), _moved(lhs, rhs, -1)) for o, (lhs, rhs) in keyed)
    width = max((len(plus) + len(minus) for _, plus, minus in moved), default=0)
    return sides, keyed, moved, width


def _moved(lhs, rhs, sign: int) -> tuple:
    """The keys of the terms of sign ``sign`` on the left and of the opposite sign on the right."""
    return (tuple(k for s, keys in lhs if s == sign for k in keys)
            + tuple(k for s, keys in rhs if s == -sign for k in keys))


def _instance(rel, ft: FilledTable, sides, o: str) -> Instance | None:
    """The equation for column or row ``o``; None when a cell is missing."""
    cells, values, totals, nums = [], [], [], ft.numbers()
    for side in sides:
        side_values, total = [], 0.0
        for term, ids in side:
            keys = [(i, o) for i in ids] if rel.scope == "column" else [(o, i) for i in ids]
            if any(k not in nums for k in keys):
                return None
            cells.extend(keys)
            vals = [nums[k] for k in keys]
            total += term.sign * sum(vals)
            side_values.append(vals)
        values.append(side_values)
        totals.append(total)
    tdef = ft.tdef
    shown = [_shown(tdef, rel.scope, side, side_values, o) for side, side_values in zip(sides, values)]
    where = tdef.columns[o].label if rel.scope == "column" else tdef.rows[o].short
    return Instance(where, shown[0], shown[1], totals[0], totals[1], cells)


def _shown(tdef: TableDef, scope: str, side, side_values, o: str) -> list[tuple[int, str, float]]:
    terms = []
    for (term, ids), vals in zip(side, side_values):
        shown_ids = [(i, v) for i, v in zip(ids, vals) if v] if len(ids) > 1 else list(zip(ids, vals))
        if not shown_ids:                 # a range of zeros is shown once: （三）1…（三）8(0)
            terms.append((term.sign, _name(tdef, scope, ids, o), 0.0))
        for i, v in shown_ids:            # otherwise every non-zero cell by name
            terms.append((term.sign, _name(tdef, scope, [i], o), v))
    return terms


def _name(tdef: TableDef, scope: str, ids: list[str], o: str) -> str:
    def one(i):
        return tdef.rows[i].short if scope == "column" else tdef.columns[i].short
    return one(ids[0]) if len(ids) == 1 else f"{one(ids[0])}…{one(ids[-1])}"


def stated_totals(rels, ft: FilledTable) -> list[tuple[tuple[str, str], float]]:
    """Total cells left unfilled while some of their parts hold numbers: (cell key, sum of the parts
    read), in the table's cell order. A total is the one-cell left side of a relation of ``rels``."""
    unknown = unfilled(ft)
    if not unknown:
        return []
    nums, found = ft.numbers(), {}
    for rel in rels:
        plan = _plan(rel, ft.tdef) if rel.table == ft.tdef.id else None
        if plan is None or len(rel.lhs) != 1 or rel.lhs[0].last is not None or rel.lhs[0].pattern:
            continue
        for _, (lhs, rhs) in plan[1]:
            [(_, (key,))] = lhs
            parts = [k for _, keys in rhs for k in keys if k in nums and k not in unknown]
            if key in unknown and parts and key not in found:
                found[key] = sum(nums[k] for k in parts)
    order = {k: i for i, k in enumerate(ft.tdef.cells)}
    return sorted(found.items(), key=lambda kv: order.get(kv[0], len(order)))
