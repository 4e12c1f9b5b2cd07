"""Numbers in prose: parts against a stated total, percentages, the four-count balance, and prose
against the tables. Examples are written for these tests (not copied from the seeds)."""

from __future__ import annotations

import random

import pytest

from checker.tables.model import tables_for
from checker.tables.prose_enum import enumerations
from checker.tables.render import render
from conftest import check_text
from tablegen import valid_values

HEAD = "某某镇人民政府2023年政府信息公开工作年度报告\n一、总体情况\n"


def codes(body, select=("GL22",)):
    return [(d.code, d.message) for d in check_text(HEAD + body, select=list(select))]


def test_parts_not_adding_up_to_stated_total():
    body = ("在已办结的50件申请中：\n“予以公开”的30件，占60%；\n“部分公开”的12件，占24%；\n“不予公开”的1件；\n"
            "“无法提供”的6件。\n")
    found = codes(body, ["GL222"])
    assert found == [("GL222", "“在已办结的50件申请中”：分项 30 + 12 + 1 + 6 = 49 ≠ 50（差 1；列出 4 类办理结果，应为全部构成）")]


@pytest.mark.parametrize("body", [
    "全年共发布信息300条，其中：1.工作动态120条；2.通知公告100条；3.政策文件80条。\n",
    "主动公开信息45条，①机构信息5条。②规划信息40条。\n另外更新栏目20多条。\n",
    "共受理申请40件，其中网上申请30件，信函申请10件；另有上年结转申请3件。\n",
    "共收到申请90件（不含上年结转10件），其中已办结95件，结转下年度5件。\n",
    "大约40%的申请涉及规划类信息，30%涉及住房类信息。\n",
    "共收到申请约20件，其中网上申请12件，信函申请5件。\n",
])
def test_consistent_or_uncheckable_lists_are_not_flagged(body):
    assert codes(body) == []


def test_percentages_rounded_or_truncated_to_printed_precision():
    ok = "共受理申请300件，其中当面申请200件，占66.7%；网上申请99件，占33%；信函申请1件，占0.3%。\n"
    assert codes(ok) == []
    bad = "共受理申请300件，其中当面申请200件，占76.7%；网上申请100件，占33.3%。\n"
    assert codes(bad) == [("GL223", "200/300 = 66.7%，正文写作 76.7%（共受理申请300件）")]


def test_four_count_balance():
    ok = "本年收到政府信息公开申请30件，上年结转4件，办结31件，结转下年度继续办理3件。\n"
    assert codes(ok, ["GL224"]) == []
    bad = ok.replace("办结31件", "办结32件")
    (code, msg), = codes(bad, ["GL224"])
    assert msg == "正文所述申请件数不平衡：本年新收(30) + 上年结转(4) = 34 ≠ 办结(32) + 结转下年度(3) = 35  (差 1)"


def test_prose_against_table():
    tdef = tables_for("gov-2021")["t3"]
    values = valid_values(tdef, random.Random(11))
    received = values[("r1", "total")]
    table = "三、收到和处理政府信息公开申请情况\n" + render(tdef, values, "pipe") + "\n"
    ok = f"本年度共收到政府信息公开申请{received}件。\n"
    assert codes(ok + table, ["GL221"]) == []
    bad = f"本年度共收到政府信息公开申请{received + 2}件。\n"
    (code, msg), = codes(bad + table, ["GL221"])
    assert msg == f"正文写“本年新收申请”{received + 2}件，表三一·总计为 {received}"


def test_prose_without_table_is_not_compared():
    assert codes("本年度共收到政府信息公开申请12件。\n三、收到和处理政府信息公开申请情况\n", ["GL221"]) == []


def test_list_extraction_keeps_aside_counts():
    (e,) = enumerations("共收到申请90件（不含上年结转10件），其中已办结95件，结转下年度5件。")
    assert (e.total.value, e.asides, [t.value for t in e.terms]) == (90, [10], [95, 5])
    assert e.parts_sum() in e.targets()
