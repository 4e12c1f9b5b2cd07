"""A blank, compliant report: six sections, prose prompts, the three tables zero-filled.

The tables are rendered by the same renderer the parsers are tested against, so the skeleton is
read back exactly by ``govlint check``.
"""

from __future__ import annotations

from ..templates import template_for_year
from .model import tables_for
from .render import render, zero_values

PROSE = {
    "一": [
        "（一）主动公开",
        "本年度主动公开政府信息的情况，包括政策文件、解读回应和重点领域信息的公开。（请填写）",
        "（二）依申请公开",
        "本年度收到和处理政府信息公开申请的情况，数据见第三部分统计表。（请填写）",
        "（三）政府信息管理",
        "本年度政府信息管理情况，包括公开属性认定、保密审查和失效文件清理。（请填写）",
        "（四）政府信息公开平台建设",
        "本年度政府门户网站、政务新媒体等公开平台建设情况。（请填写）",
        "（五）监督保障",
        "本年度工作考核、社会评议、责任追究和培训等监督保障情况。（请填写）",
    ],
    "五": ["本年度政府信息公开工作存在的主要问题和改进情况。（请填写）"],
    "六": ["依据《政府信息公开信息处理费管理办法》收取信息处理费的情况。（请填写）"],
}


def skeleton(year: int, agency: str, layout: str = "pipe", values: dict | None = None) -> str:
    """``values`` maps a table id to its cell values ({(row, column): number}); default all zero."""
    template = template_for_year(year)
    tables = {t.section: t for t in tables_for(template.id).values()}
    lines = [
        f"{agency}{year}年政府信息公开工作年度报告",
        f"本报告依据《中华人民共和国政府信息公开条例》和{template.basis}编制。"
        f"本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
    ]
    for section in template.sections:
        lines.append(f"{section.number}、{section.title}")
        tdef = tables.get(section.number)
        if tdef is not None:
            filled = (values or {}).get(tdef.id) or zero_values(tdef)
            lines.append(render(tdef, filled, layout))
        else:
            lines.extend(PROSE.get(section.number, ["（请填写）"]))
    return "\n".join(lines) + "\n"
