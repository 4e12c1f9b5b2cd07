"""The report opens with a title naming the issuing body and the year."""

from __future__ import annotations


def check(doc, rule):
    title = doc.title
    if title is None:
        at = doc.structure.head_end if not doc.text[:doc.structure.head_end].strip() else 0
        yield rule.diag(doc, at, at, problem="未找到标题行（“××机关××年政府信息公开工作年度报告”）")
    elif len(title.agency) < rule.params.get("min_agency_length", 2):
        yield rule.diag(doc, title.start, title.end, problem="标题未写明发布机关")
