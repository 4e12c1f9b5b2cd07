"""The report's title line, issuing body and year, and the template generation they select."""

from __future__ import annotations

from collections import Counter

from .. import lazy_re
from ..model.record import MutableRecord
from ..templates import Template, get_template, template_for_year
from .report_title import Title, find_title
from .structure import Structure

__all__ = ["ReportMeta", "Title", "find_title", "find_year", "resolve_meta"]

_PERIOD = lazy_re.compile(r"统计期限[^。\n]{0,12}?((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日")
_YEAR = lazy_re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")


class ReportMeta(MutableRecord):
    __slots__ = ("title", "year", "year_source", "template", "template_source")

    def __init__(self, title: Title | None, year: int | None, year_source: str, template: Template,
                 template_source: str) -> None:
        self.title, self.year, self.year_source = title, year, year_source
        self.template, self.template_source = template, template_source


def find_year(text: str, structure: Structure, title: Title | None) -> tuple[int | None, str]:
    if title:
        return title.year, "标题"
    m = _PERIOD.search(text)
    if m:
        return int(m.group(1)), "统计期限"
    if structure.sections:
        first = structure.sections[0]
        m = _YEAR.search(text, first.body_start, first.body_end)
        if m:
            return int(m.group(1)), "总体情况首个年份"
    years = Counter(int(y) for y in _YEAR.findall(text))
    if years:
        return years.most_common(1)[0][0], "正文中最常见的年份"
    return None, ""


def resolve_meta(text: str, structure_for, override: str | None) -> ReportMeta:
    """``structure_for(template)`` parses the text against a template; the year decides which."""
    default = get_template("gov-2021")
    structure = structure_for(default)
    title = find_title(text, structure.head_end)
    year, source = find_year(text, structure, title)
    if override:
        return ReportMeta(title, year, source, get_template(override), "--template 指定")
    if year is None:
        return ReportMeta(title, None, "", default, "未能确定报告年份，按现行格式检查")
    return ReportMeta(title, year, source, template_for_year(year), f"报告年份 {year}（来自{source}）")
