"""The pre-2019 统计表 in crawler text: rows, certain splits only, sums (GL216) and GL217."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.tables.legacy import find_table
from conftest import check_text

HEAD = "某县人民政府2012年政府信息公开工作年度报告 一、概述 {prose} 附件1：统计表 指标名称计量单位2012年度历年累计"
ROWS = ("主动公开信息数条{a}其中：1.网站公开条{b}2.政府公报公开条{c}受理依申请公开信息总数条{d}其中：1.当面申请数条{e}"
        "2.传真申请数条003.电子邮件申请数条{f}4.网上申请数条005.信函申请数条006.其它形式申请数条00对申请的答复数条{d}"
        "其中：1.同意公开答复数条{g}2.同意部分公开答复数条223.否决公开答复数条22行政复议数条00")


def report(prose="本年度工作情况良好。", **cells):
    values = dict(a="20263542", b="17953304", c="07", d="2121", e="1818", f="33", g="1717")
    values.update(cells)
    return HEAD.format(prose=prose) + ROWS.format(**values)


def codes(text):
    return [(d.code, d.message) for d in check_text(text, select=["GL216", "GL217"])]


def test_rows_and_glued_item_numbers():
    table = find_table(report())
    assert [(r.label, r.digits) for r in table.rows][:4] == [
        ("主动公开信息数", "20263542"), ("网站公开", "17953304"), ("政府公报公开", "07"), ("受理依申请公开信息总数", "2121")]
    assert table.rows[-1].digits == "00"


def test_ambiguous_split_is_one_info_and_no_arithmetic():
    # 202 | 63542 with 179 | 53304 reads as well as 2026 | 3542 with 1795 | 3304
    got = codes(report())
    assert [c for c, _ in got] == ["GL217"]


def test_a_number_the_text_gives_for_the_row_settles_the_split():
    got = codes(report(prose="全年主动公开政府信息2026条。"))
    assert sorted(m for c, m in got if c == "GL216") == [
        "统计表“历年累计”列：主动公开信息数(3542) ≠ 网站公开(3304) + 政府公报公开(7) = 3311  (差 231)",
        "统计表“本年度”列：主动公开信息数(2026) ≠ 网站公开(1795) + 政府公报公开(0) = 1795  (差 231)"]
    assert all(c == "GL216" for c, _ in got)


def test_a_number_near_other_words_does_not_anchor():
    # 2026 stated, but about something else: no anchor, no guess
    assert [c for c, _ in codes(report(prose="全年共召开会议，印发材料2026条。"))] == ["GL217"]


def test_correct_table_read_with_certainty_has_no_finding():
    assert codes(report(a="4251516", b="4181509", c="77")) == []


def test_numbers_kept_apart_need_no_split():
    text = report(a="2026 3542", b="1795 3304", c="0 7")
    assert [c for c, _ in codes(text)] == ["GL216", "GL216"]


FULL = Path("/work/shared/corpus/full")


@pytest.mark.skipif(not FULL.is_dir(), reason="shared full corpus not present")
@pytest.mark.parametrize("name", ["d001.txt", "d002.txt", "d003.txt"])
def test_labelled_crawler_tables(name):
    import yaml

    from checker.engine.loader import builtin_rules
    from checker.kinds.legacy_table import _table
    from checker.model.document import Document
    from checker.model.source import Source

    entry = next(e for e in yaml.safe_load((FULL / "labels.yaml").read_text("utf-8")) if e["file"] == name)
    rule = next(r for r in builtin_rules() if r.code == "GL216")
    doc = Document(Source(name, (FULL / name).read_text("utf-8")))
    table = _table(doc, rule)
    got = {r.label: list(r.values) for r in table.rows}
    assert got == entry["tables"]["legacy_stat_table"]["rows"]
    failing = {(r["column"], r["expr"].split(" = ")[0]) for r in entry["relations"]["legacy_stat_table"] if not r["holds"]}
    reported = {(d.message.split("“")[1].split("”")[0], d.message.split("：")[1].split("(")[0])
                for d in check_text((FULL / name).read_text("utf-8"), select=["GL216", "GL217"])}
    assert reported == failing


def test_table_from_a_document_reader_one_row_per_line():
    text = ("某县人民政府2012年政府信息公开工作年度报告\n一、概述\n概况。\n附件：统计表\n指标名称 | 计量单位 | 2012年度 | 历年累计\n"
            "主动公开信息数 | 条 | 2026 | 3542\n其中：1.网站公开 | 条 | 1795 | 3304\n2.政府公报公开 | 条 | 0 | 7\n"
            "受理依申请公开信息总数 | 条 | 21 | 21\n")
    got = codes(text)
    assert sorted(c for c, _ in got) == ["GL216", "GL216"]
