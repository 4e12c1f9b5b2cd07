"""Every hot path of issue 19 scales linearly: doubling its input at most ~2.5× its work, counted in
interpreter instructions (not timed). The inputs stretch what an attacker would: rows, a run-on
sentence, findings on one long line (see scaling_cases.py; bench/scaling.py times the same at larger
sizes). Work done in C (slicing, regex search) is not counted here; where a C-level scan was made
quadratic by where it started, a test below counts the characters it is given."""

from __future__ import annotations

import pytest
from opcount import opcodes, ratio
from scaling_cases import WORKLOADS, long_line_result

SIZES = {"table-parser": 20, "read-docx": 20, "prose-arithmetic": 40, "contamination": 20}


@pytest.mark.parametrize("name", sorted(WORKLOADS))
def test_doubling_the_input_at_most_doubles_the_work(name):
    make = WORKLOADS[name]
    n = SIZES.get(name, 50)
    assert ratio(lambda k: opcodes(make(k)), n, 2 * n) < 2.5


def test_text_report_measures_a_long_line_once(monkeypatch):
    """1,000 findings on one 240,000-character line were measured 1,000 times over (35 s)."""
    from checker.report import snippet, text

    measured = []
    real = snippet.LineView.__init__

    def counting(self, line):
        measured.append(len(line))
        real(self, line)

    monkeypatch.setattr(snippet.LineView, "__init__", counting)
    import io

    text.render([long_line_result(200)], io.StringIO(), {"color": False, "elapsed": 0.0})
    assert len(measured) == 1


def test_question_mark_scan_looks_back_a_fixed_reach(monkeypatch):
    """A long line of ``?`` between Chinese characters: each mark's question-word search covers at most
    the reach of a question, not the line up to the mark (which made the line quadratic)."""
    from checker.contamination import dropped

    scanned = []
    real = dropped._QUESTION

    class Counting:
        def search(self, text, pos, endpos):
            scanned.append(endpos - pos)
            return real.search(text, pos, endpos)

    monkeypatch.setattr(dropped, "_QUESTION", Counting())
    losses = dropped.find("本机关?收到申请" * 2000, (dropped.QMARK,))
    assert len(losses) == 2000 and max(scanned) <= dropped._QUESTION_REACH


def test_question_mark_after_a_question_word_is_still_a_question():
    from checker.contamination import dropped

    near = "甲" * 500 + "是否" + "乙" * 12 + "?再说"      # the furthest a question word may stand
    far = "甲" * 500 + "是否" + "乙" * 13 + "?再说"       # one further: a lost character
    assert dropped.find(near, (dropped.QMARK,)) == []
    assert [x.start for x in dropped.find(far, (dropped.QMARK,))] == [far.index("?")]
