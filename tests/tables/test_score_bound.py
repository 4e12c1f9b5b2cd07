"""The search for a table's best mapping skips candidates whose score bound cannot beat the best so
far, before parsing them when the span itself bounds them. Property: the bounds really bound every
mapping, and the branch-and-bound search picks exactly what mapping every candidate in order would —
on whole tables, damaged tables and arbitrary slices of them, in every layout."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.engine.loader import builtin_rules
from checker.tables.extract import _may_be, _parse_layout, is_table, parse_span
from checker.tables.labels import map_prepared, prepare, score_bound, text_bound
from checker.tables.layouts import NAMES, RENDERINGS, flatten, get_module
from checker.tables.model import squash_text, tables_for
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


def _layout_candidates(text, start, end, defs):
    """Every (prepared layout, TableDef) pair in tie-break order, each layout parsed into a RawTable."""
    for name in NAMES:
        if _may_be(name, text[start:end]):
            p = prepare(get_module(name).parse(text, start, end))
            yield from ((p, tdef) for tdef in defs)


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
    squashed = squash_text(text[start:end])
    for p, tdef in _layout_candidates(text, start, end, defs):
        bound = score_bound(p, tdef)
        assert map_prepared(p, tdef).score <= bound
        if p.origin != "text:pdf":
            assert bound <= text_bound(squashed, tdef)      # the bound used before parsing
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


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=st.sampled_from(list("行政复议规章其他 \t\n|｜/0123。a\u3000\u0301")),
                   max_size=80),
       layout=st.sampled_from([n for n in NAMES if hasattr(get_module(n), "tokens")]))
def test_layout_tokens_are_the_parsed_cells_in_order(text, layout):
    p = _parse_layout(layout, text, 0, len(text))
    raw = get_module(layout).parse(text, 0, len(text))
    assert (p.texts, p.starts, p.ends) == flatten([(c.text, c.start, c.end) for c in row] for row in raw.rows)
    assert p.origin == raw.origin
