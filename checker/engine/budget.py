"""Per-file budget on findings: one rule reports at most MAX_PER_RULE findings in one file.

A crafted or broken file (one punctuation slip repeated on a 100,000-character line) can make a rule
fire tens of thousands of times; every reporter, the fixer and the fingerprints then pay for each one.
Past the cap the first findings the rule gives (rules report in text order) are kept, the others are
only counted — never held, so a rule firing on every character costs no memory for them — and one
info finding names the limit."""

from __future__ import annotations

from itertools import islice

from ..model.diagnostic import Diagnostic, Severity

MAX_PER_RULE = 1000


def capped(found, rule, path: str) -> list[Diagnostic]:
    if getattr(rule, "aggregate", None):    # merged into one document finding later, counting them all
        return found if isinstance(found, list) else list(found)
    if isinstance(found, list) and len(found) <= MAX_PER_RULE:
        return found
    rest = iter(found)
    kept: list[Diagnostic] = list(islice(rest, MAX_PER_RULE))
    first_dropped = next(rest, None)
    if first_dropped is None:
        return kept
    dropped = 1 + sum(1 for _ in rest)
    kept.sort(key=lambda d: (d.start, d.end))
    note = Diagnostic(rule.code, rule.name, Severity.INFO,
                      f"本规则在此文件中发现 {len(kept) + dropped:,} 处问题，超过每个文件 {MAX_PER_RULE:,} 处的上限，"
                      f"只列出前 {MAX_PER_RULE:,} 处，自此处起其余 {dropped:,} 处未列出",
                      path, first_dropped.start, first_dropped.start)
    return kept + [note]
