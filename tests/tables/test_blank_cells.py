"""A blank is not 0: blank and non-numeric cells in the relations, GL204 once per table, GL215."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.engine.loader import builtin_rules
from checker.engine.runner import check_source, select_rules
from checker.model.source import Source
from checker.tables.model import tables_for
from checker.tables.render import render
from tablegen import valid_values

T21 = tables_for("gov-2021")
HEAD = "某某街道办事处2023年政府信息公开工作年度报告\n"
S3 = "三、收到和处理政府信息公开申请情况\n"
S4 = "四、政府信息公开行政复议、行政诉讼情况\n"
ORG = ("natural_person", "commercial", "research", "public_welfare", "legal_service", "other_org")


def found(text, select=("GL2",)):
    rules = select_rules(list(builtin_rules()), select=list(select))
    return [(d.code, d.message) for d in check_source(Source("t.txt", text), rules, None).diagnostics]


def t3(values):
    return HEAD + S3 + render(T21["t3"], values, "pipe") + "\n"


def base(seed=3):
    values = valid_values(T21["t3"], random.Random(seed))
    values[("r3_1", "natural_person")] += 5          # every row and column busy enough to matter
    values[("r3_1", "total")] += 5
    values[("r3_7", "natural_person")] += 5
    values[("r3_7", "total")] += 5
    values[("r1", "natural_person")] += 5
    values[("r1", "total")] += 5
    return values


def test_blank_total_with_filled_parts_is_one_finding_not_a_sum_error():
    values = base()
    for row in ("r3_1", "r3_2", "r1"):
        values[(row, "total")] = "—"
    got = found(t3(values))
    assert [c for c, _ in got].count("GL215") == 1
    assert not any(c in ("GL211", "GL212", "GL213") for c, _ in got)
    [msg] = [m for c, m in got if c == "GL215"]
    assert "3 处" in msg and f"分项合计 {sum(values[('r3_1', c)] for c in ORG)}" in msg


def test_blank_part_that_could_hold_the_difference_is_not_an_error():
    values = base()
    for key in (("r3_1", "commercial"), ("r3_1", "total"), ("r3_7", "commercial"), ("r3_7", "total"),
                ("r1", "commercial"), ("r1", "total")):
        values[key] += 4                              # a correct table whose r3_1·商业企业 is 4 …
    values[("r3_1", "commercial")] = "/"              # … left blank: the totals say 4 is missing, not 0
    assert [c for c, _ in found(t3(values))] == ["GL204"]


def test_filled_parts_already_above_the_total_are_an_error():
    values = base()
    values[("r3_1", "commercial")] = "/"
    values[("r3_1", "total")] = values[("r3_1", "natural_person")] - 1
    codes = [c for c, _ in found(t3(values))]
    assert "GL213" in codes and "GL204" in codes


def test_blank_cells_are_one_finding_per_table():
    values = base()
    cells = [("r3_3_1", c) for c in ORG[1:]] + [("r3_4_2", c) for c in ORG[2:]]
    for key in cells:
        values[key] = "/" if values[key] == 0 else values[key]
    blanked = [k for k in cells if values[k] == "/"]
    got = [m for c, m in found(t3(values)) if c == "GL204"]
    assert len(got) == 1 and f"有 {len(blanked)} 个单元格未填数字" in got[0]


def test_table_four_blank_total():
    tdef = T21["t4"]
    values = valid_values(tdef, random.Random(9))
    values[("review", "upheld")] = 3
    values[("review", "total")] = "—"
    text = HEAD + S4 + render(tdef, values, "pipe") + "\n"
    codes = [c for c, _ in found(text)]
    assert "GL215" in codes and "GL214" not in codes


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.sets(st.integers(0, 160), max_size=40), st.sampled_from(["/", "—"]))
def test_unfilling_cells_of_a_correct_table_never_gives_a_sum_error(seed, picks, mark):
    values = valid_values(T21["t3"], random.Random(seed))
    cells = list(T21["t3"].cells)
    for i in picks:
        values[cells[i % len(cells)]] = mark
    codes = {c for c, _ in found(t3(values), select=("GL211", "GL212", "GL213"))}
    assert codes == set()


def _html(values) -> bytes:
    """A 2023 report as a web page whose table 三 keeps empty cells (&nbsp;), as d007-like pages do."""
    from checker.tables.render import grid

    rows = []
    for row in grid(T21["t3"], values):
        cells = "".join(f'<td colspan="{c.colspan}">{c.text or "&nbsp;"}</td>' for c in row)
        rows.append(f"<tr>{cells}</tr>")
    page = (f"<html><body><p>{HEAD.strip()}</p><p>{S3.strip()}</p><table>{''.join(rows)}</table>"
            "<p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>")
    return page.encode()


def test_web_page_with_blank_totals_and_parts():
    from conftest import check_bytes

    values = base()
    for row in ("r3_1", "r3_4_1"):
        values[(row, "total")] = ""                    # result rows without their 总计
    for key, v in list(values.items()):
        if v == 0 and key[1] in ("research", "public_welfare"):
            values[key] = ""                           # columns left empty where nothing happened
    diags = check_bytes(_html(values), "r.html", select=["GL2"])
    codes = [d.code for d in diags]
    assert codes.count("GL204") == 1 and codes.count("GL215") == 1
    assert not {"GL211", "GL212", "GL213"} & set(codes)


@settings(max_examples=60, deadline=None)
@given(st.integers(0, 10_000), st.sets(st.integers(0, 160), min_size=1, max_size=40))
def test_blanks_that_leave_no_trace_in_aligned_text_are_never_guessed(seed, picks):
    """Aligned text shows a blank cell as more spaces: a short row's values cannot be placed, so no
    row-length error and no sum over values moved into the wrong column; GL219 says so once."""
    values = valid_values(T21["t3"], random.Random(seed))
    cells = list(T21["t3"].cells)
    for i in picks:
        values[cells[i % len(cells)]] = ""
    text = HEAD + S3 + render(T21["t3"], values, "aligned") + "\n"
    codes = [c for c, _ in found(text, select=("GL203", "GL208", "GL211", "GL212", "GL213", "GL219"))]
    assert not {"GL203", "GL208", "GL211", "GL212", "GL213"} & set(codes)
    assert codes.count("GL219") == 1


def test_short_row_where_blanks_show_is_still_reported():
    values = base()
    values[("r3_1", "commercial")] = ""
    text = t3(values).replace("|  |", "|")            # the pipe layout: a cell really left out
    codes = [c for c, _ in found(text, select=("GL208", "GL219"))]
    assert codes == ["GL208"]


def test_blank_total_at_the_end_of_a_pipe_row_is_a_cell_not_an_edge():
    # “（一）予以公开 | 20 | 1 | … | 0 | ” — no opening bar, so the closing one ends a blank 总计
    values = base()
    values[("r3_1", "total")] = ""
    text = t3(values)
    assert any(line.endswith("| ") for line in text.splitlines())
    codes = [c for c, _ in found(text)]
    assert "GL208" not in codes and codes.count("GL215") == 1
