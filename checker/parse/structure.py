"""Sections of a report: level-1 headings matched to the template's sections, with their bodies."""

from __future__ import annotations

from ..model.record import MutableRecord
from ..templates import Template, TemplateSection
from .boilerplate import tail_start
from .headings import Heading
from .titles import identify


class Section(MutableRecord):
    __slots__ = ("heading", "template", "how", "body_start", "body_end")

    def __init__(self, heading: Heading, template: TemplateSection | None, how: str, body_start: int,
                 body_end: int) -> None:
        self.heading, self.template = heading, template
        self.how = how                                          # exact | variant | fuzzy | number | ""
        self.body_start, self.body_end = body_start, body_end   # normalised offsets

    def body(self, text: str) -> str:
        return text[self.body_start:self.body_end]


class Structure(MutableRecord):
    __slots__ = ("headings", "sections", "head_end", "subheadings")

    def __init__(self, headings: list[Heading], sections: list[Section], head_end: int,
                 subheadings: list[Heading] | None = None) -> None:
        self.headings, self.sections = headings, sections
        self.head_end = head_end                # end of the text before the first section heading
        self.subheadings = [] if subheadings is None else subheadings

    def section_for(self, number: str) -> Section | None:
        for s in self.sections:
            if s.template is not None and s.template.number == number:
                return s
        return None


def parse_structure(text: str, template: Template, headings: list[Heading]) -> Structure:
    """``headings``: ``find_headings(text, template.table_labels)`` (Document finds them once for all
    templates)."""
    level1 = [h for h in headings if h.level == 1]
    sections: list[Section] = []
    for i, h in enumerate(level1):
        # the last section ends where trailing web boilerplate (返回顶部, 相关词条 …) begins
        end = level1[i + 1].start if i + 1 < len(level1) else tail_start(text, h.end)
        sec, how = _assign(h, template)
        body_start = min(h.end + 1, end) if h.title_end == h.end and _line_ends(text, h.end) else h.title_end
        sections.append(Section(h, sec, how, body_start, end))
    if template.order == "loose":
        _drop_lookalikes(sections)
    head_end = level1[0].start if level1 else len(text)
    return Structure(headings, sections, head_end, [h for h in headings if h.level == 2])


def _drop_lookalikes(sections: list[Section]) -> None:
    """Before 2019 a topic is known by its words: a heading that only looks like a topic's title
    (“政府信息公开咨询处理情况” like “政府信息公开的收费及减免情况”) names no section when another
    heading states that topic (“政府信息公开支出与收费”)."""
    stated = {s.template.index for s in sections if s.template is not None and s.how in ("exact", "variant")}
    for s in sections:
        if s.how == "fuzzy" and s.template.index in stated:
            s.template, s.how = None, ""


def _line_ends(text: str, at: int) -> bool:
    """The heading's line ends at ``at`` (an inline heading's body follows on the same line)."""
    return text[at:at + 1] in ("\n", "\r", "")


def _assign(h: Heading, template: Template) -> tuple[TemplateSection | None, str]:
    sec, how, _ = identify(h.title, template)
    if sec is not None:
        return sec, how
    if template.order == "loose":
        return None, ""                     # no fixed numbering before 2019: a number names no topic
    for s in template.sections:             # unknown wording: the number says which slot it fills
        if s.number == h.number_text:
            return s, "number"
    return None, ""
