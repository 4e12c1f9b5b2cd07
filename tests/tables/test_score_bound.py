"""The search for a table's best mapping skips candidates whose score bound cannot beat the best so
far. Property: the bound really bounds every mapping, and pruning picks exactly what mapping every
candidate would — on whole tables, damaged tables and arbitrary slices of them, in every layout."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.engine.loader import builtin_rules
from checker.tables.extract import _layout_candidates, is_table, parse_span
from checker.tables.labels import map_prepared, score_bound
from checker.tables.layouts import RENDERINGS
from checker.tables.model import tables_for
from checker.tables.relations import evaluate, failures
from checker.tables.render import render
from tablegen import valid_values

GENS = ("gov-2021", "gov-2019")
NOISE = ("", "/", "无", "不详", "其中", "。", "\t", " | ", "\n", "5")


def _damaged(text: str, rng: random.Random) -> str:
    for _ in range(rng.randint(0, 5)):
        i = rng.randrange(len(text) + 1)
        text = text[:i] + rng.choice(NOISE) + text[i + rng.randint(0, 3):]
    return text


def _exhaustive(text, start, end, tid, gens):
    """What the search returned before pruning: every candidate mapped, first best kept."""
    defs = [tables_for(g)[tid] for g in gens]
    best = None
    for p, tdef in _layout_candidates(text, start, end, defs):
        ft = map_prepared(p, tdef)
        if is_table(ft) and (best is None or ft.score > best.score + 1e-9):
            best = ft
    return best


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is b
    return (a.tdef is b.tdef and a.score == b.score and a.origin == b.origin and a.cells == b.cells
            and a.rows_found == b.rows_found and a.columns_found == b.columns_found
            and a.short_rows == b.short_rows and a.header_found == b.header_found)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), gen=st.sampled_from(GENS), tid=st.sampled_from(("t2", "t3", "t4")),
       layout=st.sampled_from(sorted(RENDERINGS)), damage=st.booleans(), sliced=st.booleans())
def test_pruned_search_equals_exhaustive_search(seed, gen, tid, layout, damage, sliced):
    rng = random.Random(seed)
    text = render(tables_for(gen)[tid], valid_values(tables_for(gen)[tid], rng), layout)
    if damage:
        text = _damaged(text, rng)
    start, end = 0, len(text)
    if sliced:
        start = rng.randrange(len(text))
        end = rng.randrange(start, len(text) + 1)
    gens = (gen, *(g for g in GENS if g != gen))
    defs = [tables_for(g)[tid] for g in gens]
    for p, tdef in _layout_candidates(text, start, end, defs):
        assert map_prepared(p, tdef).score <= score_bound(p, tdef)
    if text[start:end].strip():
        assert _same(parse_span(text, start, end, tid, gens), _exhaustive(text, start, end, tid, gens))


def test_failures_are_the_instances_that_do_not_hold():
    gen, tid = "gov-2021", "t3"
    tdef = tables_for(gen)[tid]
    values = valid_values(tdef, random.Random(5))
    values[("r1", "total")] += 3                       # breaks the relations through 本年新收·总计
    text = render(tdef, values, "tabs")
    ft = parse_span(text, 0, len(text), tid, GENS)
    broken = 0
    for rule in builtin_rules():
        if rule.kind == "relation" and rule.params["table"] == tid:
            expected = [i for i in evaluate(rule.compiled, ft) if not i.holds]
            got = failures(rule.compiled, ft)
            assert [(i.where, i.lhs, i.rhs, i.cells) for i in got] == \
                   [(i.where, i.lhs, i.rhs, i.cells) for i in expected]
            broken += len(got)
    assert broken > 0
