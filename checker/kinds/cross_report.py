"""Reports of one body for consecutive years, checked in one run: what a year carries into the next
must be what the next year says it received (``relation: carry_over``: 表三 “上年结转” of year Y =
“结转下年度继续办理” of year Y−1, column by column), and a running total must grow by the year's
figure (``relation: cumulative``: pre-2019 统计表 历年累计 (Y) = 历年累计 (Y−1) + 本年度 (Y), row by
row; a row whose cells were run together is judged only when no split of either year fits, and then
only if both years' splits were definite).

Per file, ``facts`` keeps only what the comparison needs (the body's normalised name, the year, the
two rows' number cells with their names and positions); the run's post-pass (engine/crossfile.py)
hands every file's facts to ``across``, which pairs year Y with year Y−1 of the same body. A blank or
unread cell is not compared; a body named twice for one year (two copies) is compared with each.
"""

from __future__ import annotations

import re

from ..engine.message import render
from ..model.diagnostic import Diagnostic
from ..tables.extract import document_tables
from ..tables.locate import orig_span
from ..tables.model import NUMBER

_NOISE = re.compile(r"[\s\u3000·•、，,。:：()（）\[\]【】《》“”\"']|关于|的$")
_BRACKETS = re.compile(r"[(（][^()（）]{0,30}[)）]")


# what ``across`` indexes every file by: kept in memory for the whole run, the other facts on disk
INDEX = ("body", "year")


def body_key(agency: str) -> str:
    """The agency name as a key: bracketed notes, spaces and punctuation dropped (“淮安市洪泽区人民政府
    （办公室）” and “淮安市 洪泽区人民政府” are one body)."""
    return _NOISE.sub("", _BRACKETS.sub("", agency))


_GENERIC = re.compile(r"(?:人民政府)?(?:办公厅|办公室)?$")
_BODY_LINE = re.compile(r"^\s*(\S{2,30}?(?:政府|办公厅|办公室|局|委员会|委|厅|署|办事处|街道|镇|乡|中心|院))\s*$")


def _suffixes(key: str):
    """The key and its tails that still name a place or body (“洪泽区人民政府” of
    “淮安市洪泽区人民政府”), not a bare “人民政府”."""
    for i in range(len(key) - 1):
        tail = key[i:]
        if len(_GENERIC.sub("", tail)) >= 2:
            yield tail


def _agency(doc, title) -> str:
    """The body named by the title; a title broken before the year (“洪泽区人民政府\n2023 年……报告”)
    names it on the line before."""
    if title.agency:
        return title.agency
    text = doc.text
    end = text.rfind("\n", 0, title.line_start)
    line = text[text.rfind("\n", 0, end) + 1:end] if end >= 0 else ""
    m = _BODY_LINE.match(line)
    return m.group(1) if m else ""


def facts(doc, rule) -> dict | None:
    title = doc.meta.title
    year = doc.meta.year
    agency = _agency(doc, title) if title is not None else ""
    if not agency or year is None:
        return None
    p = rule.params
    if p.get("relation") == "cumulative":
        return _legacy_facts(doc, agency, year)
    tables = document_tables(doc)
    ft = tables.get(p["table"])
    if ft is None:
        return None
    rows = {}
    for key in ("carried_in", "carried_out"):
        rows[key] = {}
        for col in ft.tdef.columns_of(p[key]):
            cell = ft.classified(p[key], col)
            if cell is None or cell.state != NUMBER:
                continue
            s, e = ft.span(p[key], col)
            s, e = orig_span(doc, ft, s, e) if s >= 0 else (0, 0)
            rows[key][col] = (ft.value(p[key], col), s, e, ft.tdef.cell_name(p[key], col))
    if not any(rows.values()):
        return None
    offsets = [o for row in rows.values() for _, s, e, _ in row.values() for o in (s, e)]
    return {"body": body_key(agency), "agency": agency, "year": year, **rows, "at": _positions(doc, offsets)}


def _positions(doc, offsets) -> dict:
    """(line, column, anchor) of each offset a finding may point at: the post-pass then needs no source
    text, so a run keeps only these facts of a file whose own output has already been written."""
    source = doc.source
    return {o: (*source.line_col(o), source.anchor(o)) for o in offsets}


def across(items, rule):
    """``items``: (result, facts) of every file with facts. Yields (result, Diagnostic) for the later
    file of each failing pair."""
    whole: dict[tuple[str, int], list] = {}
    tails: dict[tuple[str, int], list] = {}
    for n, (result, f) in enumerate(items):
        whole.setdefault((f["body"], f["year"]), []).append(n)
        for t in _suffixes(f["body"]):
            tails.setdefault((t, f["year"]), []).append(n)
    for result, f in items:
        prev = set(tails.get((f["body"], f["year"] - 1), ()))
        for t in _suffixes(f["body"]):
            prev.update(whole.get((t, f["year"] - 1), ()))
        for n in sorted(prev):
            prev_result, p = items[n]
            yield from _compare(rule, prev_result, p, result, f)


def _legacy_facts(doc, agency: str, year: int) -> dict | None:
    from ..tables.legacy_stats import legacy_rows

    rows = {}
    for label, r in legacy_rows(doc).items():
        s, e = doc.orig_span(r.start, r.end)
        rows[label] = (r.splits, s, e)
    if not rows:
        return None
    offsets = [o for _, s, e in rows.values() for o in (s, e)]
    return {"body": body_key(agency), "agency": agency, "year": year, "rows": rows, "at": _positions(doc, offsets)}


def _compare(rule, prev_result, prev, result, f):
    if "rows" in f:
        yield from _cumulative(rule, prev_result, prev, result, f)
        return
    for col, (value, s, e, name) in f["carried_in"].items():
        before = prev["carried_out"].get(col)
        if before is None or before[0] == value:
            continue
        yield result, _diag(rule, result, f, s, e, name, value, prev_result, prev, before)


def _cumulative(rule, prev_result, prev, result, f):
    for label, (splits, s, e) in f["rows"].items():
        before = prev["rows"].get(label)
        if before is None:
            continue
        if any(b == pb + a for a, b in splits for _, pb in before[0]):
            continue
        if len(splits) != 1 or len(before[0]) != 1:
            continue                    # cells run together and no split fits: cannot tell which is wrong
        (a, b), (_, pb) = splits[0], before[0][0]
        message = render(rule.message, dict(
            year=f["year"], cell=label, value=b, prev_year=prev["year"], prev_file=prev_result.path,
            prev_where=_where(prev, before[1]), prev_value=pb, this_year=a,
            equation=f"{b} ≠ {pb} + {a} = {pb + a}（差 {abs(b - pb - a)}）"))
        yield result, _make(rule, result, f, s, e, message, str(pb + a), str(b))


def _diag(rule, result, f, s, e, name, value, prev_result, prev, before) -> Diagnostic:
    prev_value, ps, pe, prev_name = before
    year, prev_year, prev_where = f["year"], prev["year"], _where(prev, ps)
    message = render(rule.message, dict(
        year=year, cell=name, value=_num(value), prev_year=prev_year, prev_cell=prev_name,
        prev_value=_num(prev_value), prev_file=prev_result.path, prev_where=prev_where,
        equation=f"{_num(value)} ≠ {_num(prev_value)}（差 {_num(abs(value - prev_value))}）"))
    return _make(rule, result, f, s, e, message, _num(prev_value), _num(value))


def _make(rule, result, f, s, e, message, expected, found) -> Diagnostic:
    """``result`` only names the file (its path): positions come from the facts."""
    d = Diagnostic(code=rule.code, name=rule.name, severity=rule.severity, message=message, path=result.path,
                   start=s, end=e, expected=expected, found=found)
    d.line, d.column, d.location = f["at"][s]
    d.end_line, d.end_column, _ = f["at"][e]
    return d


def _where(f, offset: int) -> str:
    line, _, anchor = f["at"][offset]
    return f"第 {line} 行" + (f"，{anchor}" if anchor else "")


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def check(doc, rule):
    """Nothing to say about one file alone: the comparison runs after every file is checked."""
    return iter(())
