"""The boilerplate shortcuts (one joined pattern, a windowed tail scan) answer as the plain versions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from checker.parse import boilerplate as bp

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _separate_patterns() -> dict[str, list[re.Pattern]]:
    """The data file's patterns compiled one by one, as is_boilerplate first tried them."""
    return {where: [re.compile(raw) for raw in raws] for where, raws in bp.pattern_sources().items()}


SEPARATE = _separate_patterns()


def _is_boilerplate_one_by_one(line: str, where: str) -> bool:
    s = line.strip()
    return bool(s) and any(rx.match(s) for rx in SEPARATE[where])


def _lines() -> list[str]:
    lines = [line for f in sorted(SEEDS.iterdir()) if f.suffix in (".txt", ".md")
             for line in f.read_text(encoding="utf-8", errors="replace").splitlines()]
    assert len(lines) > 100
    return lines


@pytest.mark.parametrize("where", [bp.HEAD, bp.TAIL])
def test_joined_pattern_matches_where_a_single_one_does(where):
    lines = _lines() + ["返回顶部", "当前位置：首页 > 政务公开", "字号：大 中 小", "版权所有：某某政府", "【打印本页】【关闭窗口】"]
    got = [bp.is_boilerplate(line, where) for line in lines]
    assert got == [_is_boilerplate_one_by_one(line, where) for line in lines]
    assert any(got) and not all(got)


def _tail_start_scanning_every_line(text: str, floor: int) -> int:
    """tail_start as first written: every line from the floor, scanned backwards."""
    start, found = len(text), False
    for s, _, body in reversed(list(bp.lines_with_offsets(text, floor))):
        if not body.strip():
            start = s if found else start
            continue
        if not bp.is_tail_line(body):
            break
        start, found = s, True
    return start if found else len(text)


pieces = st.sampled_from(["返回顶部", "正文内容", "", " ", "\u3000", "相关链接：", "版权所有 某某", "打印本页",
                          "\r", "\n", "\r\n", "\x85", "\u2028", "x"])


@settings(max_examples=500)
@given(st.lists(pieces, max_size=14).map("".join), st.data())
def test_windowed_tail_scan_equals_scanning_every_line(text, data):
    floor = data.draw(st.integers(0, len(text)))
    window = data.draw(st.integers(0, 20))
    saved = bp._TAIL_WINDOW
    bp._TAIL_WINDOW = window                   # small windows: the line cut short, the fallback
    try:
        assert bp.tail_start(text, floor) == _tail_start_scanning_every_line(text, floor)
    finally:
        bp._TAIL_WINDOW = saved
