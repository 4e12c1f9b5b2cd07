"""A file that is no annual report at all (a README, a notice) gets one note and no other findings.

Conservative on purpose: web excerpts and truncated copies of real reports often keep only a title, or
only 一、总体情况, or only part of a table. A file is judged not to be a report only when it has none of
the three: a report title (``××2024年政府信息公开工作年度报告``), a section heading of any template
generation recognised by its words (a heading placed only by its number, such as a notice's
"一、会议时间", does not count), and a statistics table (one the table parser maps, or at least
``min_table_lines`` rows: a table row label followed by its numbers) — nor reads like a report's prose
(``min_facts`` counts such as "公开政府信息311条", "收到申请21件": a copy whose headings were lost, or
whose words spam replaced, still states them).

``GATE = True``: the runner runs this rule first and, when it reports, skips every other rule for the
file (engine/runner.py). ``--ignore`` of this rule's code checks such files anyway.
"""

from __future__ import annotations

from .. import lazy_re
from ..templates import templates

GATE = True

_RECOGNISED = ("exact", "variant", "fuzzy")
_FACT = lazy_re.compile(r"(?:信息|申请|公开|复议|诉讼)[^，。；;,\n]{0,12}?\d+\s*(?:条|件)")
# A table row: a row label of any generation's tables (2021/2019 tables 二–四, the pre-2019 统计表) with two
# or more numbers after it separated only by spaces, tabs or bars, or with a number alone on a following
# line (cells one per line). Prose ("予以公开258件，占33.9%") is no row.
_TABLE_ROW = lazy_re.compile(
    r"(?:本年新收|上年结转|结转下年度|予以公开|不予公开|无法提供|不予处理|本年制发|本年废止|现行有效|"
    r"结果维持|结果纠正|尚未审结|主动公开信息数|申请数|答复数)[^\n\d]*"
    r"(?:\d+(?:[ \t\u3000|｜]+\d+)+|(?:\n[ \t\u3000]*)+\d+[ \t\u3000]*(?:\n|$))")


def check(doc, rule):
    params = rule.params
    if _looks_like_report(doc, params.get("min_table_lines", 3)) or _states_facts(doc, params.get("min_facts", 2)):
        return
    yield rule.diag(doc, 0, 0)


def _looks_like_report(doc, min_table_lines: int) -> bool:
    if doc.title is not None:
        return True
    own = doc.template
    others = [t for t in templates().values() if t.id != own.id]
    if any(s.how in _RECOGNISED for t in (own, *others) for s in doc.structure_for(t).sections):
        return True
    return _has_table(doc, min_table_lines)


def _states_facts(doc, min_facts: int) -> bool:
    for n, _ in enumerate(_FACT.finditer(doc.text), 1):
        if n >= min_facts:
            return True
    return False


def _has_table(doc, min_lines: int) -> bool:
    from ..tables.extract import document_tables    # the table parser only for files that got this far

    if any(ft.has_numbers() for ft in document_tables(doc).values()):
        return True
    rows = 0
    for _ in _TABLE_ROW.finditer(doc.text):     # counted lazily: a report's table settles it in a few rows
        rows += 1
        if rows >= min_lines:
            return True
    return False
