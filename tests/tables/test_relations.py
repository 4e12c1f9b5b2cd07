"""The relation expression language: parsing, ranges and patterns, generation-specific ids."""

from __future__ import annotations

import random

import pytest

from checker.tables.extract import parse_span
from checker.tables.model import tables_for
from checker.tables.relations import RelationError, compile_relation, evaluate
from checker.tables.render import render
from tablegen import valid_values


def table(gen, tid, change=None):
    tdef = tables_for(gen)[tid]
    values = valid_values(tdef, random.Random(21))
    if change:
        values[change[0]] += change[1]
    text = render(tdef, values, "pipe")
    return parse_span(text, 0, len(text), tid, (gen,))


@pytest.mark.parametrize("params", [
    {"table": "t3", "expr": "r1 + r2", "for_each_column": "all"},
    {"table": "t3", "expr": "r1 == r2 == r4", "for_each_column": "all"},
    {"table": "t3", "expr": "r1 + * == r2", "for_each_column": "all"},
    {"table": "t3", "expr": "r1 == r2"},
])
def test_malformed_relations_are_rejected(params):
    with pytest.raises(RelationError):
        compile_relation(params)


def test_pattern_sum_follows_the_generation():
    rel = compile_relation({"table": "t3", "expr": "r3_7 == r3_1 + r3_2 + sum(r3_3*) + sum(r3_4*) + sum(r3_5*) + sum(r3_6*)",
                            "for_each_column": "all"})
    for gen in ("gov-2021", "gov-2019"):
        insts = evaluate(rel, table(gen, "t3"))
        assert len(insts) == 7 and all(i.holds for i in insts)
    assert len(evaluate(rel, table("gov-2021", "t3"))[0].cells) == 1 + 2 + 8 + 3 + 5 + 3


def test_unknown_id_skips_the_relation_for_that_generation():
    rel = compile_relation({"table": "t3", "expr": "r3_6 == sum(r3_6_1..r3_6_3)", "for_each_column": "all"})
    assert evaluate(rel, table("gov-2021", "t3")) == []


def test_failure_equation_text():
    rel = compile_relation({"table": "t4", "expr": "total == upheld + corrected + other + pending",
                            "for_each_row": ["review"]})
    (inst,) = evaluate(rel, table("gov-2021", "t4", (("review", "upheld"), 5)))
    assert not inst.holds
    assert inst.equation().endswith("(差 5)")
    assert inst.equation().startswith(f"总计({int(inst.left)}) ≠ 结果维持(")
