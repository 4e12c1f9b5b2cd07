"""``govlint template --year 2025 --agency 广州市某某区人民政府``: print a blank, compliant report
skeleton (six sections, the three tables with every row and column, zero-filled) for that year's
template generation (2021 format from 2021 on, the 2019 trial format for 2019 and 2020)."""

from __future__ import annotations

import sys

from ..tables.layouts import RENDERINGS


def add_parser(sub) -> None:
    p = sub.add_parser("template", help="输出一份空白的合规年度报告框架（含三张统计表）",
                       description="输出一份空白的合规年度报告：六个部分和三张统计表（数值为 0）",
                       epilog="示例：\n  govlint template --year 2025 --agency 广州市某某区人民政府 > 报告.txt")
    p.add_argument("--year", type=int, required=True, help="报告年度，决定适用的格式（2019、2020 年为试行格式）")
    p.add_argument("--agency", required=True, help="发布机关全称，如 广州市某某区人民政府")
    p.add_argument("--layout", choices=sorted(RENDERINGS), default="pipe",
                   help="统计表的文本排版（默认 pipe：每行一行，单元格以 | 分隔）")
    p.set_defaults(handler=run)


def run(args) -> int:
    from ..tables.skeleton import skeleton

    if args.year < 2019:
        print("govlint: 2019 年以前没有全国统一的年度报告格式，无法生成框架", file=sys.stderr)
        return 2
    sys.stdout.write(skeleton(args.year, args.agency.strip(), args.layout))
    return 0
