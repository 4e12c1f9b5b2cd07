"""Accuracy on the labelled real corpora (bench/accuracy.py): floors that must never slip back.

The corpus lives beside the clone (``../shared/corpus``; ``../../shared/corpus`` for a worktree) or where
GOVLINT_CORPUS points; without it the test is skipped. Raise the floors when a change improves a family; never lower them to make a change pass.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# family: (labelled defects found at least, false errors at most, of them in the complete reports at most)
FLOORS = {
    "structure": (16, 0, 0),
    "tables": (11, 0, 0),
    "arithmetic": (19, 0, 0),
    "spam": (16, 0, 0),
    "garbling:mojibake": (3, 0, 0),
    "garbling:pinyin": (195, 0, 0),
    "garbling:lost-characters": (39, 0, 0),
    "garbling:other": (18, 0, 0),
    "boilerplate": (141, 0, 0),
    "script": (19, 0, 0),
    "typography": (88, 0, 0),
}


def _accuracy():
    spec = importlib.util.spec_from_file_location("govlint_bench_accuracy", ROOT / "bench" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def report():
    acc = _accuracy()
    corpus = acc.default_corpus()
    corpora = [corpus / "full", corpus / "excerpts"]
    missing = [str(c) for c in corpora if not (c / "labels.yaml").is_file()]
    if missing:
        pytest.skip(f"labelled corpus not found ({', '.join(missing)}); put shared/corpus beside the clone "
                    f"or set GOVLINT_CORPUS")
    return acc.score(corpora)


@pytest.mark.parametrize("family", sorted(FLOORS))
def test_family_floor(report, family):
    row = report["families"][family]
    found, false_errors, false_in_full = FLOORS[family]
    assert row["found"] >= found, f"{family}: found {row['found']}/{row['total']}, floor {found}"
    assert row["false_errors"] <= false_errors, \
        f"{family}: {row['false_errors']} false errors (at most {false_errors}) in {row['false_docs']}"
    assert row["false_in_full"] <= false_in_full, \
        f"{family}: {row['false_in_full']} false errors on the complete reports (at most {false_in_full})"


def test_typography_sample(report):
    """On the excerpts labelled for typography, every GL7xx finding matches a label and none would change
    a string the labels say is correct (numbers, URLs, letter-spaced labels, joint issuers)."""
    t = report["typography_sample"]
    assert t["documents"] >= 38
    assert t["found"] >= 87, f"typography sample: found {t['found']}/{t['total']}"
    assert t["unlabelled"] == 0 and t["on_correct"] == 0, t["unlabelled_list"]


def test_totals_are_the_labelled_counts(report):
    """The totals come from the labels, not from what govlint finds: a parsing slip in the benchmark
    would otherwise move the denominators silently."""
    fams = report["families"]
    assert fams["garbling:pinyin"]["total"] == 195
    assert fams["garbling:lost-characters"]["total"] == 43
    assert fams["spam"]["total"] == 16
    # 12 counted narrative inconsistencies in the excerpts + 9 definite ones in the complete reports
    assert fams["arithmetic"]["total"] == 21


def test_matching_is_positional(tmp_path):
    """A finding of the right family elsewhere in the file does not find a labelled string."""
    acc = _accuracy()
    text = "前言 某某网址 中间 其他 文字"
    label = acc.Label("spam", "某某网址", ["某某网址"])
    label.spans = acc.locate(text, "某某网址")

    class D:
        code, message, start, end, related, fix = "GL301", "", 9, 11, [], None
        severity = type("S", (), {"label": "error"})()

    far = acc.Finding(D())
    assert not acc._matches(far, label)
    D.start, D.end = 3, 5
    assert acc._matches(acc.Finding(D()), label)


def test_whitespace_insensitive_locate():
    acc = _accuracy()
    assert acc.locate("受理 政府信息\n公开申请 21 件", "受理政府信息公开申请21件") == [(0, 17)]
    assert acc.locate("abc", "xyz") == []
