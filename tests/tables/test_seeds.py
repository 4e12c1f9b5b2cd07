"""The table and arithmetic findings on the five seeds, and none of their must-not-flag sums."""

from __future__ import annotations

from conftest import SEEDS, check_text

SECTIONS = ["二", "三", "四"]


def gl2(name):
    path = next(SEEDS.glob(f"{name}_*.txt"))
    return [(d.code, d.line, d.message) for d in check_text(path.read_text(encoding="utf-8"), select=["GL2"])]


def missing_tables(found):
    return [m.split("部分")[0][-1] for c, _, m in found if c == "GL201"]


def test_000_three_missing_tables_and_balanced_prose():
    found = gl2("000")
    assert missing_tables(found) == SECTIONS
    assert [c for c, _, _ in found] == ["GL201"] * 3


def test_001_missing_tables_with_attachment_note():
    found = gl2("001")
    assert missing_tables(found) == SECTIONS
    assert [c for c, _, _ in found] == ["GL201"] * 3 + ["GL202"]


def test_002_missing_tables_checked_against_2019_format():
    found = gl2("002")
    assert missing_tables(found) == SECTIONS
    assert {c for c, _, _ in found} <= {"GL201", "GL202"}


def test_003_missing_tables_and_101_items_add_up():
    found = gl2("003")
    assert [c for c, _, _ in found] == ["GL201"] * 3
    assert missing_tables(found) == SECTIONS


def test_004_only_the_618_vs_606_list():
    found = gl2("004")
    assert found == [("GL222", 24, "“在已经答复的618件申请中”：分项 411 + 55 + 7 + 31 + 73 + 29 = 606 ≠ 618（差 12；列出 5 类办理结果，应为全部构成）")]
