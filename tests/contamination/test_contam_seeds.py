"""The contamination and script findings seed-findings.md requires, and what it forbids."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.engine.loader import builtin_rules
from checker.engine.runner import check_path

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
GROUPS = ("GL3", "GL4", "GL5")


def _diags(name):
    (path,) = SEEDS.glob(f"{name}_*.txt")
    rules = [r for r in builtin_rules() if r.code.startswith(GROUPS) or r.code == "GL109"]
    return check_path(str(path), rules).diagnostics


def _by_code(diags):
    out: dict[str, list[int]] = {}
    for d in diags:
        out.setdefault(d.code, []).append(d.line)
    return out


def test_000_garbled_mirror():
    got = _by_code(_diags("000"))
    assert got["GL403"] == [4, 10]                      # both byte-shifted headings
    # systemic: one finding each for the document (engine/aggregate.py), every line kept as related
    lines = {d.code: len(d.related) for d in _diags("000") if d.code in ("GL401", "GL402")}
    assert got["GL401"] == [2] and got["GL402"] == [3]
    assert lines["GL401"] == 20 and lines["GL402"] >= 15       # line 22 is page metadata: GL502 deletes it
    assert got["GL502"] == [22]                          # 公开方式:主动公开
    assert "GL109" not in got                           # the repaired 主动公开 heading counts
    repaired = {d.expected for d in _diags("000") if d.code == "GL403"}
    assert repaired == {"（一）主动", "（四）信息公开"}


def test_002_every_spam_occurrence():
    text = next(SEEDS.glob("002_*.txt")).read_text(encoding="utf-8")
    diags = [d for d in _diags("002") if d.code == "GL302"]
    assert len(diags) == text.count("bet365亚洲官网") == 8
    assert all(d.found == "bet365亚洲官网" for d in diags)


def test_003_and_004_tails_and_repeats():
    assert _by_code(_diags("003")) == {"GL502": [26]}
    got = _by_code(_diags("004"))
    assert got["GL502"] == [46] and got["GL503"] == [27, 30]
    found = {d.found for d in _diags("004") if d.code == "GL406"}
    assert {"入口網站", "套用", "最佳化", "網路", "檔案", "軟硬體", "螢幕", "選單", "圖示"} <= found


@pytest.mark.parametrize("name", ["001", "002", "003"])
def test_clean_script_seeds(name):
    assert not [d for d in _diags(name) if d.code.startswith("GL4")]


def test_must_not_flag_names():
    texts = " ".join(d.found or "" for n in ("000", "001", "002", "003", "004") for d in _diags(n)
                     if d.code.startswith("GL3"))
    for legit in ("花都区", "广州花都发布", "今日花都", "510"):
        assert legit not in texts
    assert not [d for d in _diags("001") if d.code.startswith(GROUPS)]
