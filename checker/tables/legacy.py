"""The pre-2019 统计表 (指标名称 | 计量单位 | 本年度 | 历年累计), as crawler text prints it: every row run
into the next, the two numbers of a row run together and the next row's item number glued on
(``主动公开信息数条20263542其中：1.网站公开条179533042.政府公报公开条07…``).

Rows are read as label + unit + digits. The two numbers of a row are split by digit_runs only when
the split is unique under constraints that hold whether or not the table's sums are right — this
year at most the cumulative count, a part at most its total — plus, when that is not enough, a
number the text states for that row (“主动公开政府信息2026条”) if exactly one reading of the row has
it. The equalities (total = sum of parts) are what is checked afterwards, so they never choose a split.
"""

from __future__ import annotations

from .. import lazy_re
from ..model.record import MutableRecord
from .digit_runs import Constraint, cuts, split_runs
from .model import squash

_HEADER = lazy_re.compile(r"指标名称[\s|｜]*计量单位[\s|｜]*(?:\d{4}\s*年度?|本年度?)[\s|｜]*历年累计")
# label, unit, digits (spaces or bars may separate the two numbers when the crawler kept them)
_ROW = lazy_re.compile(r"[\s|｜]*(?:其中[：:]?)?[\s|｜]*(?:\d{0,2}\s*[.．、])?\s*(?P<label>[^\d\s。；;|｜]{2,40}?)"
                       r"[\s|｜]*(?P<unit>条|件|个|次|人次|项)[\s|｜]*(?P<num>\d+(?:[ \t|｜]+\d+)?)")
_ITEM_MARK = ".．、"
_PROSE_NUMBER = lazy_re.compile(r"(?<![\d.])(\d+)\s*(?:条|件)")
CONTEXT = 16            # characters before a prose number searched for the row's words
ANCHOR_WORDS = 4        # that many consecutive characters of the row label must occur there


class LegacyRow(MutableRecord):
    __slots__ = ("label", "key", "digits", "start", "end", "values")

    def __init__(self, label: str, digits: str, start: int, end: int) -> None:
        self.label, self.key = label, squash(label)
        self.digits = digits            # the numbers as printed (run together, or separated by spaces)
        self.start, self.end = start, end
        self.values: tuple[int, int] | None = None


class LegacyTable(MutableRecord):
    __slots__ = ("start", "end", "rows", "ambiguous")

    def __init__(self, start: int, end: int, rows: list[LegacyRow]) -> None:
        self.start, self.end, self.rows = start, end, rows
        self.ambiguous = False          # its numbers could not all be read in exactly one way


def find_table(text: str) -> LegacyTable | None:
    head = _HEADER.search(text)
    if head is None:
        return None
    rows, pos = [], head.end()
    while True:
        m = _ROW.match(text, pos)
        if m is None:
            break
        digits, end = m.group("num"), m.end("num")
        if len(digits) > 1 and text[end:end + 1] and text[end:end + 1] in _ITEM_MARK and digits[-2].isdigit():
            digits, end = digits[:-1], end - 1          # the next row's “2.” was glued on
        rows.append(LegacyRow(m.group("label"), digits, m.start("label"), end))
        pos = end
    return LegacyTable(head.start(), pos, rows) if len(rows) >= 3 else None


def resolve(table: LegacyTable, relations, prose: str) -> None:
    """Fill ``values`` of every row, splitting run-together numbers where that is certain, or set
    ``ambiguous``. ``relations``: (total row, part rows) index pairs; ``prose``: the report
    text outside the table (for stated numbers)."""
    runs, counts, fixed = [], [], {}
    for i, row in enumerate(table.rows):
        parts = row.digits.replace("|", " ").replace("｜", " ").split()
        if len(parts) == 2:         # _ROW reads one run or two numbers apart
            fixed[i] = (int(parts[0]), int(parts[1]))
        runs.append("".join(parts))
        counts.append(2)
    constraints = [Constraint(((i, 0),), ((i, 1),), "<=") for i in range(len(runs))]
    constraints += [Constraint(((p, c),), ((t, c),), "<=") for t, parts in relations for p in parts for c in (0, 1)]
    got = _split(runs, counts, constraints, fixed)
    if got is None:
        got = _split(runs, counts, constraints, {**_anchors(table, runs, prose), **fixed})
    if got is None:
        table.ambiguous = True
        return
    for row, values in zip(table.rows, got):
        row.values = values


def _split(runs, counts, constraints, pinned: dict[int, tuple[int, int]]):
    """split_runs with some rows pinned to one reading (printed apart, or named by the text): each
    pinned number is a one-number run of its own that the row's number must equal."""
    runs, counts, constraints = list(runs), list(counts), list(constraints)
    width = len(runs)
    for i, reading in pinned.items():
        for k, value in enumerate(reading):
            constraints.append(Constraint(((i, k),), ((len(runs), 0),)))
            runs.append(str(value))
            counts.append(1)
    got = split_runs(runs, counts, constraints)
    return None if got is None else got[:width]


def _anchors(table: LegacyTable, runs, prose: str) -> dict[int, tuple[int, int]]:
    """Rows whose readings are told apart by a number the text states next to the row's words: the
    one reading whose first number (this year) the text gives, when exactly one has it."""
    stated = _stated_numbers(prose)
    out = {}
    for i, (row, run) in enumerate(zip(table.rows, runs)):
        readings = cuts(run, 2)
        if len(readings) < 2:
            continue
        hits = [r for r in readings if any(_near(row.key, ctx) for ctx in stated.get(r[0], ()))]
        if len(hits) == 1:
            out[i] = hits[0]
    return out


def _stated_numbers(prose: str) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for m in _PROSE_NUMBER.finditer(prose):
        found.setdefault(int(m.group(1)), []).append(squash(prose[max(0, m.start() - CONTEXT):m.start()]))
    return found


def _near(key: str, context: str) -> bool:
    return any(key[i:i + ANCHOR_WORDS] in context for i in range(len(key) - ANCHOR_WORDS + 1))
