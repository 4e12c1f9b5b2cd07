"""Script findings: traditional characters per line, pinyin annotations, Taiwan phrasing."""

from __future__ import annotations

from checker.normalise.taiwan import edits as taiwan_edits, parse_table
from conftest import check_text
from garble import byte_shift

HEAD = "某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n"


def test_traditional_is_one_finding_per_line_with_per_character_fix():
    text = HEAD + "本縣堅持公開。\n全縣辦結申請。\n"
    diags = check_text(text, select=["GL401"])
    assert [d.line for d in diags] == [3, 4]
    first = diags[0]
    assert first.fix.safe and [e.replacement for e in first.fix.edits] == ["县", "坚", "开"]
    assert all(e.end - e.start == 1 for e in first.fix.edits)


def test_simplified_report_has_no_script_findings():
    assert check_text(HEAD + "本县坚持公开，档案馆、著作权登记照常。\n", select=["GL4"]) == []


def test_traditional_fix_leaves_the_garbled_run_to_the_mojibake_rule():
    text = HEAD + byte_shift("\u3000（一）推動(dòng)落實") + "\n"
    diags = check_text(text, select=["GL401", "GL403"])
    moji = [d for d in diags if d.code == "GL403"][0]
    for d in diags:
        if d.code == "GL401":
            assert all(e.end <= moji.start or e.start >= moji.end for e in d.fix.edits)
    assert moji.fix.edits[0].replacement == "（一）推动"


def test_partial_mojibake_repair_is_only_an_unsafe_fix():
    text = HEAD + byte_shift("\u3000（一）變動(dòng)情況") + "\n"
    (d,) = check_text(text, select=["GL403"])
    assert d.fix is not None and not d.fix.safe


def test_pinyin_annotations_grouped_per_line_and_legit_brackets_kept():
    text = HEAD + "本縣(xiàn)堅(jiān)持公開(一)(以下简称《办法》)(app)。\n"
    (d,) = check_text(text, select=["GL402"])
    removed = [text[e.start:e.end] for e in d.fix.edits]
    assert removed == ["(xiàn)", "(jiān)"] and all(e.replacement == "" for e in d.fix.edits)


def test_taiwan_phrases_need_two_strong_markers():
    assert taiwan_edits("入口网站建设", {}) == []
    got = [(e.note, e.replacement) for e in taiwan_edits("入口网站完成最佳化，档案馆与档案同步", {})]
    assert got == [("入口网站", "门户网站"), ("最佳化", "优化"), ("档案", "文件")]


def test_contextual_entries_respect_their_context():
    table = parse_table("网路\t网络\tstrong\n萤幕\t屏幕\tstrong\n套用\t应用\tafter=网站\tbefore=绩效\n")
    assert table["套用"].applies("提高网站套用", 4, 6)
    assert table["套用"].applies("套用绩效", 0, 2)
    assert not table["套用"].applies("套用模板", 0, 2)


def test_taiwan_finding_replaces_the_traditional_phrase_whole():
    text = HEAD + "區政府入口網站完成最佳化。\n"
    diags = check_text(text, select=["GL406", "GL401"])
    tw = [d for d in diags if d.code == "GL406"]
    assert [(d.found, d.expected) for d in tw] == [("入口網站", "门户网站"), ("最佳化", "优化")]
    (trad,) = [d for d in diags if d.code == "GL401"]
    spans = [(d.start, d.end) for d in tw]
    assert all(not (s < e.end and e.start < t) for e in trad.fix.edits for s, t in spans)
