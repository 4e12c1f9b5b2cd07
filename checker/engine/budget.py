"""Per-file budget on findings: one rule reports at most MAX_PER_RULE findings in one file.

A crafted or broken file (one punctuation slip repeated on a 100,000-character line) can make a rule
fire tens of thousands of times; every reporter, the fixer and the fingerprints then pay for each one.
Past the cap the earliest findings (by position) are kept and one info finding names the limit."""

from __future__ import annotations

from ..model.diagnostic import Diagnostic, Severity

MAX_PER_RULE = 1000


def capped(found, rule, path: str) -> list[Diagnostic]:
    diags = found if isinstance(found, list) else list(found)
    if len(diags) <= MAX_PER_RULE:
        return diags
    diags.sort(key=lambda d: (d.start, d.end))
    kept, first_dropped = diags[:MAX_PER_RULE], diags[MAX_PER_RULE]
    note = Diagnostic(rule.code, rule.name, Severity.INFO,
                      f"本规则在此文件中发现 {len(diags):,} 处问题，超过每个文件 {MAX_PER_RULE:,} 处的上限，"
                      f"只列出前 {MAX_PER_RULE:,} 处，自此处起其余 {len(diags) - MAX_PER_RULE:,} 处未列出",
                      path, first_dropped.start, first_dropped.start)
    return kept + [note]
