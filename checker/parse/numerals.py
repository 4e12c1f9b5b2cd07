"""Chinese numerals as used in heading numbers (一 … 二十)."""

from __future__ import annotations

_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_to_int(s: str) -> int | None:
    if not s:
        return None
    if s == "十":
        return 10
    if s.startswith("十") and len(s) == 2:
        return 10 + _DIGITS.get(s[1], -100)
    if len(s) == 1:
        return _DIGITS.get(s)
    if len(s) in (2, 3) and s[1] == "十":
        tail = _DIGITS.get(s[2], -100) if len(s) == 3 else 0
        return _DIGITS.get(s[0], -100) * 10 + tail
    return None
