"""Applying fixes: non-overlapping in order, conflicts left for the next round, idempotence."""

from __future__ import annotations

import pytest

from checker.engine.loader import builtin_rules
from checker.engine.runner import select_rules
from checker.fix.apply import apply
from checker.fix.loop import fix_source
from checker.model.diagnostic import Edit, Fix
from checker.model.source import Source


def test_overlapping_fix_waits():
    fixes = [Fix((Edit(0, 2, "AB"),)), Fix((Edit(1, 3, "xx"),)), Fix((Edit(3, 4, "D"),))]
    assert apply("abcd", fixes) == ("ABcD", 2)


def test_two_insertions_at_one_point_conflict():
    fixes = [Fix((Edit(1, 1, "X"),)), Fix((Edit(1, 1, "Y"),))]
    assert apply("ab", fixes) == ("aXb", 1)


def test_adjacent_edits_both_apply():
    assert apply("abc", [Fix((Edit(0, 1, ""),)), Fix((Edit(1, 2, "B"),))]) == ("Bc", 2)


def _examples_with_fixed():
    for rule in builtin_rules():
        for ex in rule.examples.get("fail", []):
            if isinstance(ex, dict) and "fixed" in ex:
                yield pytest.param(rule.code, ex, id=rule.code)


@pytest.mark.parametrize("code,example", list(_examples_with_fixed()))
def test_rule_example_fixes_to_its_fixed_text(code, example):
    # the rule's family (GL4 for GL406): a Taiwan-phrase example also needs t2s to read as expected
    rules = select_rules(list(builtin_rules()), select=[code[:3]])
    options = example.get("options")
    out = fix_source(Source("ex.txt", example["text"]), rules, options=options)
    assert out.text == example["fixed"]
    again = fix_source(Source("ex.txt", out.text), rules, options=options)
    assert again.text == out.text and again.fixed == 0          # a second --fix changes nothing
    assert code not in {d.code for d in again.result.diagnostics}


def test_safe_only_unless_unsafe_requested():
    text = "某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n原因在于原因在于涉密。\n"
    rules = list(builtin_rules())
    assert fix_source(Source("x.txt", text), rules).text == text
    assert "原因在于原因在于" not in fix_source(Source("x.txt", text), rules, unsafe=True).text
