"""The labelled values under a finding without a fix (应为 … 实为 …)."""

from __future__ import annotations

from types import SimpleNamespace

from checker.report.text import values_lines


def _text(lines) -> str:
    return "".join(seg for line in lines for seg, _ in line)


def test_both_values_shown():
    d = SimpleNamespace(expected="2.其他法律行政法规禁止公开", found="2.其他法律行政止公开", code="GL209")
    assert _text(values_lines(d, "table-completeness", 120)).strip() == "应为：2.其他法律行政法规禁止公开　实为：2.其他法律行政止公开"


def test_nothing_found_shows_no_empty_label():
    d = SimpleNamespace(expected="（六）1", found=None, code="GL207")
    assert _text(values_lines(d, "table-completeness", 120)).strip() == "应为：（六）1"
