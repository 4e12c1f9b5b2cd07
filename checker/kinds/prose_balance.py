"""Prose that states all four application counts must balance: received + carried over = closed +
carried forward (the table 三 relation, applied to the words of 总体情况). The quantities are regex
patterns in the rule's params; the first statement of each is used."""

from __future__ import annotations

from ..tables.prose import compile_quantities, stated_quantity


def compile(params):
    qs = {q.name: q for q in compile_quantities(params["quantities"])}
    return qs, tuple(params["lhs"]), tuple(params["rhs"])


def check(doc, rule):
    qs, lhs, rhs = rule.compiled
    stated = {}
    for name in (*lhs, *rhs):
        found = stated_quantity(doc, qs[name])
        if not found:
            return
        stated[name] = found[0]
    left = sum(stated[n].value for n in lhs)
    right = sum(stated[n].value for n in rhs)
    if left == right:
        return
    side = lambda names, total: " + ".join(f"{n}({stated[n].value})" for n in names) + f" = {total}"  # noqa: E731
    equation = f"{side(lhs, left)} ≠ {side(rhs, right)}  (差 {abs(left - right)})"
    first = stated[lhs[0]]
    d = rule.diag(doc, first.start, first.end, equation=equation)
    d.related = [(*doc.orig_span(n.start, n.end), name) for name, n in stated.items() if n is not first]
    yield d
