"""The value classes that replaced dataclasses keep what callers rely on: pickling across ``-j``
worker processes, value equality, hashing of the immutable ones only, ``replace`` and a readable repr."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from checker.config.settings import Settings
from checker.contamination.lexicon import load
from checker.engine.loader import builtin_rules
from checker.engine.runner import FileResult, check_source
from checker.fix.loop import with_text
from checker.model.diagnostic import Diagnostic, Edit, Fix, Severity
from checker.model.source import ReaderNote, Source
from checker.model.table import RawCell, RawTable
from checker.suppress import parse_markers
from checker.templates import get_template

TEXT = "某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本年度主动公开信息。\n"


def _diag(**changes) -> Diagnostic:
    d = Diagnostic("GL999", "demo", Severity.WARNING, "消息", "r.txt", 3, 7, fix=Fix((Edit(3, 7, "甲"),), safe=False))
    for name, value in changes.items():
        setattr(d, name, value)
    return d


def test_a_check_result_survives_the_trip_from_a_worker_process():
    cell = RawCell("12", 40, 42, rowspan=2)
    src = Source("r.docx", TEXT, format="docx", tables=[RawTable([[cell]], 40, 42, "docx", ["有损"])],
                 anchors=[(0, "段落 1")], notes=[ReaderNote(40, 42, "lossy", "合并单元格")])
    src.line_col(10)                                   # fills the private line cache too
    result = FileResult(src.path, [_diag(related=[(1, 2, "分项")])], src, None, {"id": "gov-2021"}, [("ok", "a", "a")])
    back = pickle.loads(pickle.dumps(result))
    assert back == result and back is not result
    assert back.source.tables[0].rows[0][0] == cell and back.diagnostics[0].fix.edits == (Edit(3, 7, "甲"),)
    assert back.source.line_col(len(TEXT)) == src.line_col(len(TEXT))


def test_a_real_check_pickles_to_an_equal_result():
    result = check_source(Source("r.txt", TEXT), list(builtin_rules()))
    assert result.diagnostics and pickle.loads(pickle.dumps(result)) == result


def test_every_field_of_a_diagnostic_and_its_fix_survives_pickling():
    """Diagnostic and Fix pickle through their own compact ``__reduce__``: a field added to the class
    but not to it would be lost silently."""
    from checker.model.record import fields

    for severity in Severity:
        d = _diag(severity=severity, line=2, column=3, end_line=4, end_column=5, expected="期", found="现",
                  related=[(1, 2, "注")], location="第 2 页")
        d.fix = Fix((Edit(1, 2, "a"), Edit(5, 9, "")), safe=True, description="说明")
        back = pickle.loads(pickle.dumps(d, pickle.HIGHEST_PROTOCOL))
        assert [getattr(back, n) for n in fields(Diagnostic)] == [getattr(d, n) for n in fields(Diagnostic)]
        assert back.severity is severity and type(back.fix.edits) is tuple


def test_mutable_records_compare_by_value_and_are_not_hashable():
    assert _diag() == _diag() and _diag() != _diag(line=2)
    assert Source("a.txt", "x") != Source("b.txt", "x")
    for value in (_diag(), Source("a.txt", "x"), RawCell("1"), FileResult("a.txt"), builtin_rules()[0]):
        with pytest.raises(TypeError):
            hash(value)


def test_immutable_records_are_hashable_by_value():
    assert len({Edit(1, 2, "x"), Edit(1, 2, "x"), Edit(1, 2, "y")}) == 2
    assert {Fix((Edit(0, 1, ""),)): 1}[Fix((Edit(0, 1, ""),), True, "")] == 1
    assert hash(ReaderNote(0, 1, "lossy", "d")) == hash(ReaderNote(0, 1, "lossy", "d"))
    t = get_template("2021")
    assert pickle.loads(pickle.dumps(t)) == t and {t: 1}[pickle.loads(pickle.dumps(t))] == 1
    assert hash(load()) == hash(load.__wrapped__())     # a fresh, equal lexicon finds its cached pattern


def test_defaults_are_fresh_per_instance():
    a, b = Source("a.txt", ""), Source("b.txt", "")
    a.notes.append(ReaderNote(0, 0, "lossy", ""))
    assert b.notes == [] and b.tables == [] and b.anchors == []
    assert _diag().related is not _diag().related
    assert RawTable().rows is not RawTable().rows


def test_with_text_copies_the_source_and_forgets_its_line_starts():
    src = Source("r.txt", "甲\n乙\n", encoding="gb18030", bom=True, newline="\r\n")
    assert src.line_col(2) == (2, 1)
    new = with_text(src, "甲乙\n丙\n丁\n")
    assert (new.path, new.encoding, new.bom, new.newline) == ("r.txt", "gb18030", True, "\r\n")
    assert new.line_col(5) == (3, 1) and src.line_col(2) == (2, 1)


def test_a_severity_override_copies_the_rule_and_keeps_its_compiled_form():
    rule = next(r for r in builtin_rules() if r.severity != Severity.INFO)
    rule.compiled  # noqa: B018 — build it, so the copy must carry it over
    settings = Settings(None, Path("."), severity={rule.code: "info"})
    copy = settings._with_severity(rule)
    assert copy.severity == Severity.INFO and rule.severity != Severity.INFO
    assert copy.replace(severity=rule.severity) == rule and copy.compiled is rule.compiled
    with pytest.raises(TypeError):
        rule.replace(no_such_field=1)


def test_repr_shows_fields_but_not_private_caches():
    src = Source("r.txt", "甲\n")
    src.line_col(1)
    assert repr(src).startswith("Source(path='r.txt', text='甲\\n', encoding='utf-8'") and "_line_starts" not in repr(src)
    assert repr(Edit(1, 2, "x")) == "Edit(start=1, end=2, replacement='x')"
    marker = parse_markers(Source("r.txt", "甲 <!-- govlint-disable-line GL301 -->\n"))[0]
    assert (marker.kind, marker.codes, marker.line, marker.used) == ("disable-line", ("GL301",), 1, set())
