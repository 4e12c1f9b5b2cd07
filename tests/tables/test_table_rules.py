"""Presence, blank/odd cells, generation, completeness; tables from a reader; label variants."""

from __future__ import annotations

import random

import pytest

from checker.engine.loader import builtin_rules
from checker.engine.runner import check_source, select_rules
from checker.model.source import Source
from checker.model.table import RawCell, RawTable
from checker.tables.model import tables_for
from checker.tables.render import grid, render, zero_values
from conftest import check_text
from tablegen import valid_values

T21 = tables_for("gov-2021")
HEAD = "某某街道办事处2023年政府信息公开工作年度报告\n"
S3 = "三、收到和处理政府信息公开申请情况\n"


def codes(text, select=("GL2",), options=None):
    rules = select_rules(list(builtin_rules()), select=list(select))
    return [(d.code, d.severity.label, d.message) for d in check_source(Source("t.txt", text), rules, None,
                                                                            options).diagnostics]


def t3_text(values=None, layout="pipe"):
    tdef = T21["t3"]
    return HEAD + S3 + render(tdef, values or valid_values(tdef, random.Random(1)), layout) + "\n"


def test_heading_without_table_and_prose_only_section():
    text = HEAD + S3 + "本年度共收到申请十余件，均已按期答复。\n"
    assert [c for c, _, _ in codes(text)] == ["GL201"]


def test_prose_mentioning_row_labels_is_not_a_table():
    text = HEAD + S3 + "本年新收申请和上年结转申请均已办结，结转下年度继续办理的申请为零。\n"
    assert [c for c, _, _ in codes(text)] == ["GL201"]


def test_labels_without_numbers():
    tdef = T21["t3"]
    text = t3_text({c: "" for c in tdef.cells})
    found = [c for c, _, _ in codes(text)]
    assert "GL203" in found and "GL201" not in found


@pytest.mark.parametrize("mark,shown", [("", "空白"), ("/", "“/”"), ("—", "“—”"), ("不详", "“不详”")])
def test_blank_or_non_numeric_cell_warns_and_counts_as_zero(mark, shown):
    tdef = T21["t3"]
    values = valid_values(tdef, random.Random(2))
    zero_cell = next(k for k, v in values.items() if v == 0 and k[1] != "total")
    values[zero_cell] = mark
    found = codes(t3_text(values))
    assert [(c, s) for c, s, _ in found] == [("GL204", "warning")]
    assert shown in found[0][2]


@pytest.mark.parametrize("policy,expected", [("ignore", []), ("error", [("GL204", "error")]),
                                             ("info", [("GL204", "info")])])
def test_blank_cell_policy_from_options(policy, expected):
    values = valid_values(T21["t3"], random.Random(2))
    zero_cell = next(k for k, v in values.items() if v == 0 and k[1] != "total")
    values[zero_cell] = "/"
    found = codes(t3_text(values), options={"blank_cell_policy": policy})
    assert [(c, s) for c, s, _ in found] == expected


def test_negative_and_fractional_counts():
    tdef = T21["t4"]
    values = zero_values(tdef)
    values[("review", "upheld")] = -1
    values[("review", "pending")] = 1
    text = HEAD + "四、政府信息公开行政复议、行政诉讼情况\n" + render(tdef, values, "pipe") + "\n"
    assert [c for c, _, _ in codes(text)] == ["GL205"]
    values = valid_values(T21["t2"], random.Random(4))
    values[("regulations", "issued")] = 1.5
    text = HEAD + "二、主动公开政府信息情况\n" + render(T21["t2"], values, "tabs") + "\n"
    assert [c for c, _, _ in codes(text)] == ["GL205"]


def test_fee_amount_may_be_decimal():
    values = valid_values(T21["t2"], random.Random(4))
    values[("admin_fees", "fee_amount")] = 96171.6
    text = HEAD + "二、主动公开政府信息情况\n" + render(T21["t2"], values, "pipe") + "\n"
    assert codes(text) == []


def test_2019_tables_in_2021_report_and_reverse():
    t19 = tables_for("gov-2019")
    for tid in ("t2", "t3"):
        text = HEAD + {"t2": "二、主动公开政府信息情况\n", "t3": S3}[tid] + render(
            t19[tid], valid_values(t19[tid], random.Random(5)), "pipe") + "\n"
        assert [c for c, _, _ in codes(text)] == ["GL206"], tid
    text = HEAD.replace("2023", "2020") + S3 + render(T21["t3"], valid_values(T21["t3"], random.Random(5)), "pipe")
    assert [c for c, _, _ in codes(text)] == ["GL206"]


def test_missing_rows_and_columns():
    text = t3_text().replace("2.重复申请", "2.重复")
    found = [c for c, _, m in codes(text)]
    assert "GL207" in found
    tdef = T21["t3"]
    values = valid_values(tdef, random.Random(6))
    rendered = render(tdef, values, "aligned").replace("  科研机构", "")
    lines = [line for line in rendered.splitlines()]
    text = HEAD + S3 + "\n".join(lines) + "\n"
    found = codes(text)
    # every row still has its seven numbers: the header lost a label, the numbers are not in doubt
    assert any(c == "GL209" and "科研机构" in m for c, _, m in found)
    assert not any(c == "GL208" for c, _, _ in found)
    short = "\n".join(line.rsplit("  ", 1)[0] if "本年新收" in line else line for line in lines)
    found = codes(HEAD + S3 + short + "\n")
    assert any(c == "GL208" and "科研机构" in m for c, _, m in found)


def test_table_four_short_of_values():
    tdef = T21["t4"]
    text = HEAD + "四、政府信息公开行政复议、行政诉讼情况\n" + render(tdef, zero_values(tdef), "aligned")
    text = text.rsplit("0", 3)[0]
    assert [c for c, _, _ in codes(text + "\n五、存在的主要问题及改进情况\n无。\n")] == ["GL207"]
    # a copy that ends inside the table was cut off there: nothing is missing from the table itself
    assert [c for c, _, _ in codes(text)] == []


def test_document_ending_inside_table_three_is_not_missing_rows():
    text = t3_text()
    cut = text[:text.index("（四）无法提供")]
    assert not [c for c, _, _ in codes(cut) if c in ("GL206", "GL207", "GL208")]
    assert "GL207" in [c for c, _, _ in codes(cut + "四、政府信息公开行政复议、行政诉讼情况\n")]


def test_structured_table_from_a_reader_is_preferred():
    """A reader's table (merged cells, original offsets) fills the same model; the text copy of it
    in doc.text is not reported a second time."""
    tdef = T21["t4"]
    values = zero_values(tdef)
    values[("review", "upheld")] = 2
    values[("review", "total")] = 3          # wrong: 2 + 0 + 0 + 0
    body = render(tdef, values, "tabs")
    text = HEAD + "四、政府信息公开行政复议、行政诉讼情况\n" + body + "\n"
    base = text.index(body)
    rows, pos = [], base
    for g_row, line in zip(grid(tdef, values), body.split("\n")):
        cells, col = [], pos
        for gc, piece in zip(g_row, line.split("\t")):
            cells.append(RawCell(piece, col, col + len(piece), gc.rowspan, gc.colspan))
            col += len(piece) + 1
        rows.append(cells)
        pos += len(line) + 1
    src = Source("t.docx", text, format="docx", tables=[RawTable(rows, base, pos, origin="docx")])
    rules = select_rules(list(builtin_rules()), select=["GL2"])
    diags = check_source(src, rules).diagnostics
    assert [d.code for d in diags] == ["GL214"]
    assert text[diags[0].start:diags[0].end] == "3"


def test_label_variants_full_width_and_traditional():
    from opencc import OpenCC

    values = valid_values(T21["t3"], random.Random(8))
    values[("r1", "natural_person")] += 1
    text = t3_text(values, "cells").replace("1.", "1、").replace("2.", "2、")
    text = text.translate({ord(c): ord(c) + 0xFEE0 for c in "0123456789|"})
    text = OpenCC("s2t").convert(text)
    found = {c for c, _, _ in codes(text)}
    assert found == {"GL211", "GL213"}
