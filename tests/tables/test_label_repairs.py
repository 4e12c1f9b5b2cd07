"""Label mapping repairs met in real reports: a blank cell between a row's label and its numbers, a blank
header cell in table 四, a misspelt row label (read by resemblance only when one missing row clearly
fits), and the generation of a table decided by the report year unless the other generation's own
rows show."""

from __future__ import annotations

import random

from checker.engine.loader import builtin_rules
from checker.engine.runner import check_source, select_rules
from checker.model.source import Source
from checker.tables.model import tables_for
from checker.tables.render import render, zero_values
from tablegen import valid_values

T21 = tables_for("gov-2021")
HEAD = "某某街道办事处2023年政府信息公开工作年度报告\n"
S3 = "三、收到和处理政府信息公开申请情况\n"
S4 = "四、政府信息公开行政复议、行政诉讼情况\n"
TAIL = "五、存在的主要问题及改进情况\n无。\n"


def codes(text):
    rules = select_rules(list(builtin_rules()), select=["GL2"])
    return [(d.code, d.message) for d in check_source(Source("t.txt", text), rules, None, None).diagnostics]


def t3_pipe(values=None) -> str:
    return render(T21["t3"], values or valid_values(T21["t3"], random.Random(3)), "pipe")


def test_blank_cell_between_label_and_numbers_is_not_a_value():
    text = t3_pipe().replace("（七）总计 | ", "（七）总计 |  | ")
    assert codes(HEAD + S3 + text + TAIL) == []


def test_blank_header_cell_of_table_four_is_not_a_value():
    t4 = render(T21["t4"], zero_values(T21["t4"]), "pipe").replace("行政复议 | ", "行政复议 |  | ", 1)
    assert codes(HEAD + S4 + t4 + TAIL) == []


def test_misspelt_label_is_read_and_reported_once():
    text = t3_pipe().replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开")
    found = codes(HEAD + S3 + text + TAIL)
    assert [c for c, _ in found] == ["GL209"]
    assert "2.其他法律行政法规禁止公开" in found[0][1]


def test_wrong_number_under_a_misspelt_label_is_still_found():
    values = valid_values(T21["t3"], random.Random(3))
    values[("r3_3_2", "total")] = values[("r3_3_2", "total")] + 1
    text = t3_pipe(values).replace("2.其他法律行政法规禁止公开", "2.其他法律行政止公开")
    found = {c for c, _ in codes(HEAD + S3 + text + TAIL)}
    assert "GL209" in found and "GL213" in found


def test_label_resembling_no_row_clearly_is_not_guessed():
    text = t3_pipe().replace("2.其他法律行政法规禁止公开", "2.其他情况")
    found = [c for c, _ in codes(HEAD + S3 + text + TAIL)]
    assert "GL207" in found and "GL209" not in found


def test_table_cut_short_in_a_2023_report_is_not_the_2019_format():
    lines = t3_pipe().splitlines()
    cut = [ln for ln in lines if not ln.startswith(("（六）", "2.申请人逾期", "3.其他"))]
    found = [c for c, _ in codes(HEAD + S3 + "\n".join(cut) + "\n" + TAIL)]
    assert "GL206" not in found and "GL207" in found
