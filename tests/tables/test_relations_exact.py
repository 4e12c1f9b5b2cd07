"""Relations summed exactly (relations.EXACT): the failures found with flat sums when every value is a
small non-negative integer are the ones the ordered float sums find."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.engine.loader import builtin_rules
from checker.tables.extract import parse_span
from checker.tables.model import tables_for
from checker.tables.relations import failures
from checker.tables.render import render
from tablegen import valid_values

RELATIONS = [r.compiled for r in builtin_rules() if r.kind == "relation"]


def _failing(rel, ft, exact: bool):
    ft._top = -1.0 if exact else None          # None: the ordered float sums
    return [(i.where, i.left, i.right, i.cells) for i in failures(rel, ft)]


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 10 ** 6), gen=st.sampled_from(["gov-2021", "gov-2019"]),
       tid=st.sampled_from(["t2", "t3", "t4"]), bumps=st.integers(0, 4),
       odd=st.sampled_from(["", "2.5", "-3", "1" + "0" * 17]))
def test_exact_sums_find_the_same_failures(seed, gen, tid, bumps, odd):
    tdef = tables_for(gen)[tid]
    rng = random.Random(seed)
    values = valid_values(tdef, rng)
    for key in rng.sample(sorted(values), bumps):
        values[key] += rng.randint(1, 9)
    if odd:
        values[rng.choice(sorted(values))] = odd
    text = render(tdef, values, "pipe")
    ft = parse_span(text, 0, len(text), tid, (gen,))
    assert ft is not None
    top = ft.integral_max()
    if odd in ("2.5", "-3"):
        assert top is None
    elif tid != "t2":                          # t2 has amounts with decimals
        assert top == max(ft.numbers().values())
    for rel in RELATIONS:
        if rel.table == tid:
            assert _failing(rel, ft, True) == _failing(rel, ft, False)
