"""The table area's fast paths against the straightforward code they replaced: the event stream of
Prepared (one regex over per-cell codes instead of a loop over cells), FilledTable's lazily built
cells and index-based accessors, and the pdf hint."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.tables.extract import _pdf_hint, parse_span
from checker.tables.labels import _PROSE, LABELS, MAX_LABEL, RESET, VALUES, Prepared, classify
from checker.tables.model import NA, NUMBER, TEXT, squash, tables_for
from checker.tables.render import render
from tablegen import valid_values

CELLS = ["", "5", "12", "-3", "2.5", "1,000", "增加3", "/", "—", "无", "不详", "其他", "行政复议", "本年新收",
         "总计", "结果维持", "这是一句话。", "其中；", "自然人", "x" * 70, "商业", "企业", " "]


def _reference_events(texts):
    """Prepared's events and label text as the per-cell loop worked them out."""
    cells = [classify(t) for t in texts]
    events, parts, buf, run, numbers = [], [], [], [], 0
    for i, cell in enumerate(cells):
        if cell.state == TEXT:
            if run:
                events.append((VALUES, run, numbers))
                run, numbers = [], 0
            if len(texts[i]) <= MAX_LABEL and _PROSE.search(texts[i]) is None:
                buf.append(i)
                parts.append(squash(texts[i]))
            else:
                if buf:
                    events.append((LABELS, buf, tuple(squash(texts[j]) for j in buf)))
                    buf = []
                events.append((RESET, None, None))
                parts.append("\0")
            continue
        if cell.state == NA:
            parts.append(squash(texts[i]))
            if buf and i + 1 < len(cells) and cells[i + 1].state == TEXT:
                buf.append(i)
                continue
        else:
            parts.append("\0")
        if buf:
            events.append((LABELS, buf, tuple(squash(texts[j]) for j in buf)))
            buf = []
        run.append(i)
        numbers += cell.state == NUMBER
    if run:
        events.append((VALUES, run, numbers))
    if buf:
        events.append((LABELS, buf, tuple(squash(texts[j]) for j in buf)))
    return events, "".join(parts)


@settings(max_examples=300, deadline=None)
@given(texts=st.lists(st.sampled_from(CELLS), max_size=30))
def test_prepared_events_equal_the_per_cell_loop(texts):
    p = Prepared(texts, list(range(len(texts))), list(range(len(texts))), 0, len(texts), "test")
    events = [(k, None if i is None else list(i), x) for k, i, x in p.events]
    assert (events, p.label_text) == _reference_events(texts)
    assert list(p.cells) == [classify(t) for t in texts]
    assert list(p.numbers) == [c.number for c in p.cells]


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 10**6), tid=st.sampled_from(("t2", "t3", "t4")),
       layout=st.sampled_from(("tabs", "pipe", "aligned", "cells")), blank=st.integers(0, 5))
def test_filled_table_accessors_agree_with_its_cells(seed, tid, layout, blank):
    tdef = tables_for("gov-2021")[tid]
    values = valid_values(tdef, random.Random(seed))
    for key in list(values)[:blank]:
        values[key] = ""
    text = render(tdef, values, layout)
    ft = parse_span(text, 0, len(text), tid)
    assert ft is not None
    cells = ft.cells
    assert list(cells) == list(ft.index)
    for (r, c), cell in cells.items():
        assert (cell.text, cell.start, cell.end) == (text[cell.start:cell.end], *ft.span(r, c))
        assert ft.value(r, c) == cell.number == ft.numbers()[(r, c)]
        assert ft.classified(r, c).state == cell.state
    assert ft.has_numbers() == any(c.state == NUMBER for c in cells.values())
    assert len(ft.cell_codes()) == len(cells)


_OLD_SINGLES = re.compile(r"^[ \t]*[^\s\x00-\x7f](?:[ \t]+[^\s\x00-\x7f])*[ \t]*$", re.M)


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from(["一", "二", " ", "\t", "\n", "\r", "a", "é", "行政", "\u3000"]),
                     max_size=30).map("".join))
def test_pdf_hint_equals_line_anchored_pattern(text):
    expected = any(all("\u3400" <= c <= "\u9fff" for c in m.group().split()) for m in _OLD_SINGLES.finditer(text))
    assert _pdf_hint(text) == expected


def _plain_differences(ft, own):
    """``differences`` as it compared every label key on every call."""
    from checker.tables.model import label_key

    if own is None:
        return [], []
    tdef = ft.tdef
    own_rows = [label_key(own.rows[r].label) for r in own.data_rows]
    own_cols = [label_key(c.label) for c in own.columns.values()]
    filled_rows = dict.fromkeys(r for r, _ in ft.index)
    filled_cols = dict.fromkeys(c for _, c in ft.index)
    extra = [tdef.rows[r].label for r in filled_rows if not any(label_key(tdef.rows[r].label) in k for k in own_rows)]
    extra += [tdef.columns[c].label for c in filled_cols
              if not any(label_key(tdef.columns[c].label) in k for k in own_cols)]
    their_rows = [label_key(tdef.rows[r].label) for r in tdef.data_rows]
    their_cols = [label_key(c.label) for c in tdef.columns.values()]
    lacking = [own.rows[r].short for r in own.data_rows if label_key(own.rows[r].label) not in their_rows]
    lacking += [c.label for c in own.columns.values() if label_key(c.label) not in their_cols]
    return extra, lacking


PAIRS = [(tdef, other) for g in ("gov-2021", "gov-2019") for tid, tdef in tables_for(g).items()
         for h in ("gov-2021", "gov-2019") for other in [tables_for(h).get(tid)]]


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(PAIRS) - 1), st.randoms(use_true_random=False))
def test_differences_per_definition_pair_are_the_plain_comparison(n, rnd):
    """``differences`` with the label comparisons worked out once per pair of definitions, over any
    subset of filled cells in any order (rows and columns also outside the data rows)."""
    from checker.tables.extract import differences
    from checker.tables.model import FilledTable

    tdef, own = PAIRS[n]
    keys = [(r, c) for r in tdef.rows for c in tdef.columns]
    ft = FilledTable(tdef, None)
    for k in rnd.sample(keys, rnd.randint(0, len(keys))):
        ft.index[k] = 0
    assert differences(ft, own) == _plain_differences(ft, own)
    assert differences(ft, None) == ([], [])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(-1, 50), max_size=8), st.text(alphabet=" \t\n|。三本x", max_size=60))
def test_cut_off_reads_after_the_last_placed_cell(ends, text):
    from types import SimpleNamespace

    from checker.kinds.table_completeness import CUT_FRAGMENT, _cut_off

    placed = [e for e in ends if e >= 0]
    rest = text[max(placed):].strip(" \t\r\n\u3000|｜") if placed else "\n"
    plain = not rest or ("\n" not in rest and len(rest) <= CUT_FRAGMENT and rest[-1] not in "。；;！？）)")
    ft = SimpleNamespace(source=SimpleNamespace(ends=ends), normalised=True)
    assert _cut_off(SimpleNamespace(text=text), ft) == plain


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["\t", "\n", " ", "\r", "\u3000", "5", "12", "本年新收", "x", "（一）", " 3 ", "\t\t"]),
                max_size=30).map("".join), st.integers(0, 3), st.integers(0, 3))
def test_tab_tokens_are_the_parsed_rows_flattened(text, lead, trail):
    """``tabs.tokens`` (the loop with the trimming inlined, untrimmed cells taken as they are) against
    ``parse``'s rows, cell by cell, for a span anywhere in the text."""
    from checker.tables.layouts import flatten, tabs

    text = "x" * lead + text + "y" * trail
    start, end = lead, len(text) - trail
    rows = [[(c.text, c.start, c.end) for c in row] for row in tabs.parse(text, start, end).rows]
    assert tabs.tokens(text, start, end) == flatten(rows)
