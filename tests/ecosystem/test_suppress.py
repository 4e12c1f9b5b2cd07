"""In-text suppression markers and GL901 (unused or unknown suppressions)."""

from __future__ import annotations

from checker.model.source import Source
from checker.suppress import parse_markers, regions
from conftest import check_text

TITLE = "某某区人民政府2024年政府信息公开工作年度报告\n"
BODY = ("一、总体情况\n本年度工作概况。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
        "四、政府信息公开行政复议、行政诉讼情况\n")
FIVE = "五、下一步工作计划\n"                 # GL102: the template says 五、存在的主要问题及改进情况
REST = "问题。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n"


def report(five_line: str = FIVE, before: str = "", after: str = "") -> str:
    return TITLE + before + BODY + five_line + REST + after


def codes(text: str, select=("GL102", "GL901")) -> list[str]:
    return [d.code for d in check_text(text, select=select)]


def test_unsuppressed_report_has_the_finding():
    assert codes(report()) == ["GL102"]


def test_disable_line_at_the_end_of_the_line():
    assert codes(report(FIVE.rstrip("\n") + " <!-- govlint-disable-line GL102 -->\n")) == []


def test_disable_next_line_and_prefix_codes():
    assert codes(report(before="", five_line="<!-- govlint-disable-next-line GL1 -->\n" + FIVE)) == []


def test_disable_enable_range():
    text = TITLE + "<!-- govlint-disable GL102 -->\n" + BODY + FIVE + "<!-- govlint-enable GL102 -->\n" + REST
    assert codes(text) == []
    # The range ends at the enable marker: a finding after it is reported.
    text = TITLE + "<!-- govlint-disable GL102 -->\n<!-- govlint-enable -->\n" + BODY + FIVE + REST
    assert codes(text) == ["GL901", "GL102"]


def test_disable_file_and_blanket_disable():
    assert codes(report(after="<!-- govlint-disable-file GL102 -->\n")) == []
    assert codes(report(before="<!-- govlint-disable -->\n")) == []


def test_marker_for_another_code_does_not_suppress_and_is_unused():
    text = report(FIVE.rstrip("\n") + "<!-- govlint-disable-line GL101 -->\n")
    found = codes(text, select=("GL1", "GL901"))
    assert "GL102" in found and "GL901" in found and "GL101" not in found


def test_unused_marker_is_reported_at_the_marker_with_a_fix():
    text = report(after="<!-- govlint-disable-next-line GL102 -->\n无。\n")
    [d] = [d for d in check_text(text, select=["GL102", "GL901"]) if d.code == "GL901"]
    assert "GL102" in d.message and "未抑制" in d.message
    assert text[d.start:d.end] == "<!-- govlint-disable-next-line GL102 -->"
    [edit] = d.fix.edits
    assert text[:edit.start] + edit.replacement + text[edit.end:] == report(after="无。\n")


def test_unknown_code_is_reported_even_when_nothing_else_runs():
    [d] = check_text(report(after="无。<!-- govlint-disable-line GL9999 -->\n"), select=["GL901"])
    assert "GL9999" in d.message and "不是已知的规则代码" in d.message


def test_markers_of_rules_that_did_not_run_are_not_reported():
    text = report(after="<!-- govlint-disable-file GL101 -->\n")
    assert codes(text, select=("GL901",)) == []


def test_markers_are_not_report_text():
    # A marker above the title must not hide the title (GL107) nor count as a heading or content.
    plain = [(d.code, d.message) for d in check_text(report(), select=["GL1"])]
    for marked in ("<!-- govlint-disable-file GL999 -->\n" + report(),
                   report(before="<!-- govlint-disable-next-line GL9 -->\n"),
                   report(after="<!-- govlint-disable GL999 -->\n")):
        assert [(d.code, d.message) for d in check_text(marked, select=["GL1"])] == plain
    assert "GL102" in [c for c, _ in plain] and "GL107" not in [c for c, _ in plain]


def test_regions_of_each_marker_kind():
    text = ("a <!-- govlint-disable-line GL1 -->\n<!-- govlint-disable-next-line GL2, GL3 -->\nb\n"
            "<!-- govlint-disable GL4 -->\nc\n<!-- govlint-enable GL4 -->\n<!-- govlint-disable -->\nd\n")
    markers = parse_markers(Source("x.txt", text))
    assert [(m.kind, m.codes, m.line) for m in markers] == [
        ("disable-line", ("GL1",), 1), ("disable-next-line", ("GL2", "GL3"), 2), ("disable", ("GL4",), 4),
        ("enable", ("GL4",), 6), ("disable", (), 7)]
    spans = sorted((r.code, r.first, r.last) for r in regions(markers, 9))
    assert spans == [("", 7, 9), ("GL1", 1, 1), ("GL2", 3, 3), ("GL3", 3, 3), ("GL4", 4, 6)]


def test_text_without_markers_is_cheap_and_untouched():
    assert parse_markers(Source("x.txt", report())) == []
