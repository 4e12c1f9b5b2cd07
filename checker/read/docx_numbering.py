"""Word automatic numbering: the “一、” or “（二）” Word draws in front of a paragraph is not in the
paragraph's text, yet it is what makes the line a section heading. Resolve it from numbering.xml."""

from __future__ import annotations

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN = "零一二三四五六七八九"


def chinese(n: int) -> str:
    """1 → 一, 12 → 十二, 21 → 二十一 (heading numbers; up to 99)."""
    if n <= 0 or n >= 100:
        return str(n)
    tens, ones = divmod(n, 10)
    out = ("" if tens == 1 else _CN[tens]) + "十" if tens else ""
    return out + (_CN[ones] if ones else "")


def _roman(n: int) -> str:
    vals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
            (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for v, s in vals:
        while n >= v:
            out, n = out + s, n - v
    return out


def _letter(n: int) -> str:
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


_FORMATS = {
    "decimal": str,
    "decimalZero": lambda n: f"{n:02d}",
    "chineseCounting": chinese,
    "chineseCountingThousand": chinese,
    "chineseLegalSimplified": chinese,
    "ideographTraditional": lambda n: "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10],
    "japaneseCounting": chinese,
    "taiwaneseCounting": chinese,
    "decimalEnclosedCircle": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "decimalEnclosedCircleChinese": lambda n: chr(0x2460 + n - 1) if 1 <= n <= 20 else str(n),
    "decimalEnclosedParen": lambda n: f"({n})",
    "decimalFullWidth": lambda n: "".join(chr(0xFF10 + int(d)) for d in str(n)),
    "lowerLetter": _letter,
    "upperLetter": lambda n: _letter(n).upper(),
    "lowerRoman": _roman,
    "upperRoman": lambda n: _roman(n).upper(),
}


def _val(el, path: str, default=None):
    found = el.find(path) if el is not None else None
    return found.get(W + "val") if found is not None else default


class Numbering:
    """Counts numbered paragraphs in document order and renders their labels."""

    def __init__(self, numbering_el, styles_el) -> None:
        self._abstract = {}
        self._nums = {}
        if numbering_el is not None:
            for a in numbering_el.findall(W + "abstractNum"):
                self._abstract[a.get(W + "abstractNumId")] = a
            for n in numbering_el.findall(W + "num"):
                self._nums[n.get(W + "numId")] = n
        self._styles = {}
        if styles_el is not None:
            for s in styles_el.findall(W + "style"):
                self._styles[s.get(W + "styleId")] = s
        self._counters: dict[str, list[int]] = {}

    def _style_numpr(self, style_id: str | None, depth: int = 0):
        style = self._styles.get(style_id) if style_id else None
        if style is None or depth > 10:
            return None, None
        num_id = _val(style, f"{W}pPr/{W}numPr/{W}numId")
        if num_id is not None:
            return num_id, _val(style, f"{W}pPr/{W}numPr/{W}ilvl", "0")
        return self._style_numpr(_val(style, f"{W}basedOn"), depth + 1)

    def label(self, p) -> str:
        """The number Word shows before paragraph ``p`` ('' when it is not numbered)."""
        num_id = _val(p, f"{W}pPr/{W}numPr/{W}numId")
        ilvl = _val(p, f"{W}pPr/{W}numPr/{W}ilvl")
        if num_id is None:
            num_id, style_lvl = self._style_numpr(_val(p, f"{W}pPr/{W}pStyle"))
            ilvl = ilvl or style_lvl
        if num_id is None or num_id == "0" or num_id not in self._nums:
            return ""
        level = int(ilvl or 0)
        num = self._nums[num_id]
        abstract = self._abstract.get(_val(num, f"{W}abstractNumId"))
        lvl = self._level(abstract, level)
        if lvl is None or _val(lvl, f"{W}numFmt", "decimal") in ("bullet", "none"):
            return ""
        key = _val(num, f"{W}abstractNumId") or num_id
        counts = self._counters.setdefault(key, [0] * 9)
        if counts[level] == 0:
            counts[level] = self._start(num, abstract, level) - 1
        counts[level] += 1
        for deeper in range(level + 1, 9):
            counts[deeper] = 0
        text = _val(lvl, f"{W}lvlText", "")
        for i in range(9):
            if f"%{i + 1}" in text:
                fmt = _FORMATS.get(_val(self._level(abstract, i), f"{W}numFmt", "decimal"), str)
                text = text.replace(f"%{i + 1}", fmt(max(counts[i], 1)))
        suffix = _val(lvl, f"{W}suff", "tab")
        return text + ("" if suffix == "nothing" or text.endswith(("、", "．", ".", "）", ")")) else " ")

    @staticmethod
    def _level(abstract, level: int):
        if abstract is None:
            return None
        for lvl in abstract.findall(W + "lvl"):
            if lvl.get(W + "ilvl") == str(level):
                return lvl
        return None

    def _start(self, num, abstract, level: int) -> int:
        for o in num.findall(W + "lvlOverride"):
            if o.get(W + "ilvl") == str(level) and _val(o, f"{W}startOverride") is not None:
                return int(_val(o, f"{W}startOverride"))
        return int(_val(self._level(abstract, level), f"{W}start", "1"))
