"""Every rule's YAML examples: failing text must trigger the rule, passing text must not."""

from __future__ import annotations

import pytest

from checker.engine.loader import builtin_rules
from conftest import check_bytes, check_text, check_texts


def _cases():
    for rule in builtin_rules():
        for kind in ("fail", "pass"):
            for i, ex in enumerate(rule.examples.get(kind, [])):
                ex = {"text": ex} if isinstance(ex, str) else ex
                yield pytest.param(rule, kind, ex, id=f"{rule.code}-{kind}-{i}")


@pytest.mark.parametrize("rule,kind,example", list(_cases()))
def test_example(rule, kind, example):
    if example.get("previous"):
        diags = check_texts([example["previous"], example["text"]], select=[rule.code])[-1]
    elif example.get("format", "text") == "text":
        diags = check_text(example["text"], select=[rule.code], template=example.get("template"),
                           options=example.get("options"))
    else:
        diags = check_bytes(example["text"].encode(), f"example.{example['format']}", select=[rule.code],
                            template=example.get("template"))
    codes = [d.code for d in diags]
    if kind == "fail":
        assert rule.code in codes, f"{rule.code} did not fire on its failing example"
    else:
        assert rule.code not in codes, f"{rule.code} fired on its passing example"


def test_every_rule_has_both_kinds_of_example():
    for rule in builtin_rules():
        assert rule.examples.get("fail") and rule.examples.get("pass"), rule.code
