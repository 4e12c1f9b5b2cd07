"""Property: a valid table rendered in any layout parses back to exactly the numbers rendered and
satisfies every relation; changing any one cell breaks at least one relation that names that cell."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.engine.loader import builtin_rules
from checker.tables.extract import parse_span
from checker.tables.layouts import RENDERINGS
from checker.tables.model import tables_for
from checker.tables.relations import evaluate
from checker.tables.render import render
from tablegen import valid_values

GENS = ("gov-2021", "gov-2019")
RELATIONS = [r for r in builtin_rules() if r.kind == "relation"]


def _parse(text, tid, gen):
    other = tuple(g for g in GENS if g != gen)
    return parse_span(text, 0, len(text), tid, (gen, *other))


def _failing(ft):
    return [i for r in RELATIONS if r.params["table"] == ft.tdef.id for i in evaluate(r.compiled, ft) if not i.holds]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), gen=st.sampled_from(GENS), tid=st.sampled_from(("t2", "t3", "t4")),
       layout=st.sampled_from(sorted(RENDERINGS)))
def test_valid_table_parses_exactly_and_balances(seed, gen, tid, layout):
    tdef = tables_for(gen)[tid]
    values = valid_values(tdef, random.Random(seed))
    ft = _parse(render(tdef, values, layout), tid, gen)
    assert ft is not None and ft.generation == gen
    assert {k: c.value for k, c in ft.cells.items()} == {k: float(v) for k, v in values.items()}
    assert _failing(ft) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), gen=st.sampled_from(GENS), tid=st.sampled_from(("t3", "t4")),
       layout=st.sampled_from(sorted(RENDERINGS)), data=st.data())
def test_changing_one_cell_is_caught(seed, gen, tid, layout, data):
    tdef = tables_for(gen)[tid]
    values = valid_values(tdef, random.Random(seed))
    cell = data.draw(st.sampled_from(tdef.cells))
    values[cell] += data.draw(st.integers(1, 40))
    ft = _parse(render(tdef, values, layout), tid, gen)
    assert ft is not None
    failing = _failing(ft)
    assert failing, f"{cell} changed, no relation failed"
    assert any(cell in i.cells for i in failing)


@pytest.mark.parametrize("layout", sorted(RENDERINGS))
def test_every_layout_has_its_parser_choose_generation_2019(layout):
    tdef = tables_for("gov-2019")["t2"]
    values = valid_values(tdef, random.Random(7))
    ft = _parse(render(tdef, values, layout), "t2", "gov-2021")       # a 2021 report quoting 2019 tables
    assert ft.generation == "gov-2019"
