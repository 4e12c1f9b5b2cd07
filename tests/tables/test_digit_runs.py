"""Splitting numbers run together (crawler text): unique splits only."""

from __future__ import annotations

from itertools import product

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.tables.digit_runs import Constraint, cuts, row_total, split_runs


def le(a, b):
    return Constraint((a,), (b,), "<=")


# pre-2019 统计表 rows [本年度, 历年累计]: 主动公开, 网站公开, 政府公报公开 (parts of the first)
LEGACY = [le((r, 0), (r, 1)) for r in range(3)] + [le((p, c), (0, c)) for p in (1, 2) for c in (0, 1)]


def test_table_three_row_with_its_total():
    assert split_runs(["21710000218"], [7], [row_total(0, 6)]) == [(217, 1, 0, 0, 0, 0, 218)]
    assert split_runs(["123000015"], [7], [row_total(0, 6)]) == [(12, 3, 0, 0, 0, 0, 15)]


def test_row_whose_total_does_not_add_up_is_not_split():
    assert split_runs(["123000016"], [7], [row_total(0, 6)]) is None


def test_two_numbers_without_a_relation_are_ambiguous():
    assert split_runs(["20263542"], [2], [le((0, 0), (0, 1))]) is None


def test_parts_and_this_year_bound_the_split():
    # 平潭县 2011: 425 | 1516, 418 | 1509, 7 | 7 — the inequalities alone leave one reading
    assert split_runs(["4251516", "4181509", "77"], [2, 2, 2], LEGACY) == [(425, 1516), (418, 1509), (7, 7)]


def test_inequalities_leaving_two_readings_give_none():
    # 平潭县 2012: 202 | 63542 with 179 | 53304 fits as well as 2026 | 3542 with 1795 | 3304
    assert split_runs(["20263542", "17953304", "07"], [2, 2, 2], LEGACY) is None


def test_an_anchor_settles_it():
    anchor = Constraint(((0, 0),), (), "==")      # placeholder replaced below
    anchored = [*LEGACY, Constraint(((0, 0),), ((3, 0),))]
    assert anchor.op == "=="
    got = split_runs(["20263542", "17953304", "07", "2026"], [2, 2, 2, 1], anchored)
    assert got == [(2026, 3542), (1795, 3304), (0, 7), (2026,)]


def test_leading_zeros_and_width():
    assert cuts("007", 2) == ()
    assert cuts("07", 2) == ((0, 7),)
    assert cuts("1" * 20, 1) == ()
    assert split_runs(["12a"], [2]) is None


def _brute(runs, counts, constraints):
    found = []
    for combo in product(*(cuts(r, n) for r, n in zip(runs, counts))):
        values = dict(enumerate(combo))
        if all(c.holds(values) for c in constraints):
            found.append(list(combo))
    return found


@st.composite
def tables(draw):
    """Rows of small counts with their totals, some rows linked by part ≤ total constraints."""
    rows = draw(st.integers(1, 3))
    width = draw(st.integers(1, 3))
    values = [draw(st.lists(st.integers(0, 120), min_size=width, max_size=width)) for _ in range(rows)]
    constraints, counts, runs = [], [], []
    for r, vals in enumerate(values):
        with_total = draw(st.booleans())
        cells = vals + [sum(vals)] if with_total else vals
        if with_total:
            constraints.append(row_total(r, width))
        runs.append("".join(map(str, cells)))
        counts.append(len(cells))
    for r in range(1, rows):
        if draw(st.booleans()):
            constraints.append(le((r, 0), (0, 0)))
    if draw(st.booleans()):                      # a wrong stated total now and then
        r = draw(st.integers(0, rows - 1))
        runs[r] = runs[r] + draw(st.sampled_from(["1", "0", "7"]))
        counts[r] += 1
    return runs, counts, constraints


@settings(max_examples=300, deadline=None)
@given(tables())
def test_a_split_reproduces_the_digits_satisfies_the_constraints_and_is_the_only_one(case):
    runs, counts, constraints = case
    got = split_runs(runs, counts, constraints)
    solutions = _brute(runs, counts, constraints)
    if got is None:
        assert len(solutions) != 1
        return
    assert solutions == [got]
    values = dict(enumerate(got))
    assert all(c.holds(values) for c in constraints)
    for run, vals, n in zip(runs, got, counts):
        assert len(vals) == n and "".join(map(str, vals)) == run


@pytest.mark.parametrize("op", ["<", ">="])
def test_unknown_operator_is_refused(op):
    with pytest.raises(ValueError):
        Constraint(((0, 0),), ((0, 1),), op)
