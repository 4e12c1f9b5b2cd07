"""Crawler text with every table cell run into the next (layout ``runs``): certain splits only."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.model.document import Document
from checker.model.source import Source
from checker.tables.extract import document_tables
from checker.tables.layouts import runs
from checker.tables.model import tables_for
from checker.tables.render import grid
from conftest import check_text
from tablegen import valid_values

T21 = tables_for("gov-2021")
SECTIONS = (("t2", "二、主动公开政府信息情况"), ("t3", "三、收到和处理政府信息公开申请情况"),
            ("t4", "四、政府信息公开行政复议、行政诉讼情况"))


def crawled(values_by_table: dict) -> str:
    """A 2023 report as a crawler prints it: one line, headings inline, cells run together."""
    body = "".join(head + runs.render(grid(T21[tid], values_by_table[tid])) for tid, head in SECTIONS)
    return ("某某区人民政府2023年政府信息公开工作年度报告 本报告依据《条例》编制。一、总体情况 本年度工作有序推进。"
            + body + "五、存在的主要问题及改进情况 存在不足。六、其他需要报告的事项 本年度未收取信息处理费。")


def sparse(tdef, seed: int) -> dict:
    """Correct values, mostly zeros as in most reports."""
    values = valid_values(tdef, random.Random(seed), high=30)
    return values


def tokens(text):
    return runs.tokens(text, 0, len(text))[0]


def test_a_row_and_its_total():
    assert tokens("一、本年新收政府信息公开申请数量21710000218") == [
        "一、本年新收政府信息公开申请数量", "217", "1", "0", "0", "0", "0", "218"]


def test_item_numbers_glued_to_the_previous_row():
    text = "（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000"
    assert tokens(text) == ["（三）不予公开", "1.属于国家秘密", *"0000000", "2.其他法律行政法规禁止公开", *"0000000"]


def test_column_headings_run_into_the_first_row_are_cells():
    got = tokens("申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量0000000")
    assert "其他" in got and "总计" in got and "一、本年新收政府信息公开申请数量" in got


def test_a_row_whose_total_does_not_add_up_is_not_guessed():
    got = tokens("一、本年新收政府信息公开申请数量21710000219")
    assert got[1:] == [runs.UNREAD] * 7


def test_text_without_run_together_numbers_is_left_to_other_layouts():
    assert tokens("一、本年新收政府信息公开申请数量 5 0 0 0 0 1 6") == []


def _zero_report():
    return {tid: {k: 0 for k in T21[tid].cells} for tid, _ in SECTIONS}


def test_planted_balance_error_is_found_and_nothing_else():
    values = _zero_report()
    t3 = values["t3"]
    for row, n in (("r1", 217), ("r3_1", 200), ("r3_4_1", 17), ("r3_7", 217)):
        t3[(row, "natural_person")] = n
        t3[(row, "total")] = n
    t3[("r4", "natural_person")] = 3            # carried over although everything was answered
    t3[("r4", "total")] = 3
    found = [(d.code, d.message) for d in check_text(crawled(values)) if d.severity.label == "error"]
    assert sorted(c for c, _ in found) == ["GL211", "GL211"]
    assert all("四(3)" in m for _, m in found)


def test_whole_report_headings_and_tables():
    d = Document(Source("r.txt", crawled(_zero_report())))
    assert [s.template.number for s in d.structure.sections] == list("一二三四五六")
    assert set(document_tables(d)) == {"t2", "t3", "t4"}


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 100_000))
def test_correct_tables_never_give_errors_and_split_rows_are_true(seed):
    values = {tid: sparse(T21[tid], seed + i) for i, (tid, _) in enumerate(SECTIONS)}
    text = crawled(values)
    errors = [(d.code, d.message) for d in check_text(text) if d.severity.label == "error" and d.code.startswith("GL2")]
    assert errors == []
    d = Document(Source("r.txt", text))
    for tid, ft in document_tables(d).items():
        unread = set(runs.unread_keys(d, ft))
        for key, cell in ft.cells.items():
            if key not in unread:
                assert cell.value == values[tid][key], (tid, key)
