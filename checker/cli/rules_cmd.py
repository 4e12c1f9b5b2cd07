"""``govlint rules`` and ``govlint explain CODE``: the rule docs, straight from the YAML."""

from __future__ import annotations

import sys

from ..engine.loader import builtin_rules


def add_parsers(sub) -> None:
    p = sub.add_parser("rules", help="列出全部规则", description="列出全部规则（按代码排序）：代码、名称、级别、可修复、说明",
                       epilog="示例：\n  govlint rules\n  govlint rules --format json\n"
                              "  govlint rules --format markdown > docs/rules.md")
    p.add_argument("--format", choices=["text", "json", "markdown"], default="text",
                   help="text：表格；json：机器可读；markdown：即 docs/rules.md")
    p.set_defaults(handler=list_rules)
    e = sub.add_parser("explain", help="显示一条规则的说明和示例", description="显示一条规则的说明、不合规和合规示例",
                       epilog="示例：\n  govlint explain GL101\n  govlint explain traditional-script")
    e.add_argument("code", metavar="CODE", help="规则代码或名称")
    e.set_defaults(handler=explain)


def list_rules(args) -> int:
    fmt = getattr(args, "format", "text")
    if fmt != "text":
        import json

        from . import rule_docs

        rules = builtin_rules()
        text = rule_docs.markdown(rules) if fmt == "markdown" else (
            json.dumps(rule_docs.as_dicts(rules), ensure_ascii=False, indent=2) + "\n")
        sys.stdout.write(text)
        return 0
    rules_table(sorted(builtin_rules(), key=lambda r: r.code), sys.stdout)
    return 0


def rules_table(rules, out) -> None:
    """A rich table: rich measures CJK cells, so the columns line up at any terminal width."""
    from rich.console import Console
    from rich.table import Table

    from ..report.vocab import STYLE, ZH

    table = Table(box=None, header_style="bold", pad_edge=False, show_edge=False)
    table.add_column("代码", no_wrap=True)
    table.add_column("名称", no_wrap=True)
    table.add_column("级别", no_wrap=True)
    table.add_column("可修复", no_wrap=True)
    table.add_column("说明")
    for r in rules:
        table.add_row(r.code, r.name, f"[{STYLE[r.severity]}]{ZH[r.severity]}[/]", "是" if r.fixable else "",
                      r.summary)
    Console(file=out, highlight=False).print(table)


def explain_text(rule) -> str:
    from ..report.vocab import ZH

    gens = "、".join(rule.generations) if rule.generations else "全部格式"
    parts = [f"{rule.code} {rule.name} — {rule.summary}", "",
             f"级别：{ZH[rule.severity]}    可修复：{'是' if rule.fixable else '否'}    适用：{gens}", "",
             rule.doc.rstrip(), ""]
    for label, key in (("不合规示例", "fail"), ("合规示例", "pass")):
        for ex in rule.examples.get(key, []):
            text = ex if isinstance(ex, str) else ex["text"]
            parts.append(f"{label}：")
            parts.extend("    " + line for line in text.rstrip("\n").splitlines())
            parts.append("")
    return "\n".join(parts)


def explain(args) -> int:
    code = args.code.upper()
    for r in builtin_rules():
        if r.code == code or r.name == args.code:
            sys.stdout.write(explain_text(r) + "\n")
            return 0
    print(f"govlint: 没有规则 {args.code}（用 govlint rules 查看全部）", file=sys.stderr)
    return 2
