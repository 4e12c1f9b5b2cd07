"""Complete reports in every text layout: the correct version has no finding at all (every rule of
every helper); each broken version has one wrong cell, caught by the right relation, pointing at it."""

from __future__ import annotations

import random
import re

import pytest

from checker.tables.layouts import RENDERINGS
from checker.tables.model import tables_for
from checker.tables.skeleton import skeleton
from conftest import check_text
from tablegen import valid_values

AGENCY = "广州市某某区人民政府"
LAYOUTS = sorted(RENDERINGS)
WRONG = 987           # larger than any generated value, so its position in the text is unique


def report(year: int, layout: str, change=None, seed: int = 3) -> str:
    gen = "gov-2019" if year < 2021 else "gov-2021"
    rng = random.Random(seed)
    values = {tid: valid_values(tdef, rng) for tid, tdef in tables_for(gen).items()}
    if change:
        tid, cell = change
        values[tid][cell] = WRONG
    return skeleton(year, AGENCY, layout, values)


@pytest.mark.parametrize("year", [2024, 2020])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_correct_report_has_no_findings(layout, year):
    diags = check_text(report(year, layout))
    assert [(d.code, d.message) for d in diags] == []


BROKEN = [
    # (relation code, table, cell, the other relation that localises the cell)
    ("GL211", "t3", ("r2", "commercial")),
    ("GL211", "t3", ("r4", "natural_person")),
    ("GL212", "t3", ("r3_3_5", "research")),
    ("GL212", "t3", ("r3_4_2", "public_welfare")),
    ("GL212", "t3", ("r3_5_4", "other_org")),
    ("GL212", "t3", ("r3_1", "legal_service")),
    ("GL213", "t3", ("r3_2", "total")),
    ("GL213", "t3", ("r1", "total")),
    ("GL214", "t4", ("review", "total")),
    ("GL214", "t4", ("direct_suit", "total")),
    ("GL214", "t4", ("suit_after_review", "total")),
]
BROKEN_2021 = BROKEN + [("GL212", "t3", ("r3_6_2", "commercial"))]
BROKEN_2019 = BROKEN + [("GL212", "t3", ("r3_6", "commercial"))]


def _check_broken(year, layout, code, tid, cell):
    text = report(year, layout, (tid, cell))
    diags = check_text(text)
    assert {d.code for d in diags} <= {"GL211", "GL212", "GL213", "GL214"}, [d.message for d in diags]
    mine = [d for d in diags if d.code == code]
    assert mine, f"{code} missed a wrong {cell}"
    at = re.search(rf"(?<![\d.]){WRONG}(?![\d.])", text).start()
    assert any(d.start == at for d in mine), [(d.start, d.message) for d in mine]
    assert all(str(WRONG) in d.message for d in mine)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("code,tid,cell", BROKEN_2021)
def test_broken_2021_report_names_the_wrong_cell(layout, code, tid, cell):
    _check_broken(2024, layout, code, tid, cell)


@pytest.mark.parametrize("layout", ["pipe", "cells", "aligned", "pdf"])
@pytest.mark.parametrize("code,tid,cell", BROKEN_2019)
def test_broken_2019_report_names_the_wrong_cell(layout, code, tid, cell):
    _check_broken(2020, layout, code, tid, cell)


def test_equation_message_shows_values_and_difference():
    text = report(2024, "pipe", ("t3", ("r2", "commercial")))
    d = next(d for d in check_text(text, select=["GL211"]))
    assert re.search(r"表三“商业企业”列：一\(\d+\) \+ 二\(987\) = \d+ ≠ （七）总计\(\d+\) \+ 四\(\d+\) = \d+  \(差 \d+\)", d.message)
    assert "疑为“二·商业企业”有误" in d.message
    assert d.related
