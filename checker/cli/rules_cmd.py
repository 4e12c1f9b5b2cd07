"""``govlint rules`` and ``govlint explain CODE``: the rule docs, straight from the YAML."""

from __future__ import annotations

import sys

from ..engine.loader import builtin_rules


def add_parsers(sub) -> None:
    p = sub.add_parser("rules", help="列出全部规则")
    p.add_argument("--format", choices=["text", "json", "markdown"], default="text",
                   help="text：表格；json：机器可读；markdown：即 docs/rules.md")
    p.set_defaults(handler=list_rules)
    e = sub.add_parser("explain", help="显示一条规则的说明和示例")
    e.add_argument("code", metavar="CODE")
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
    rows = [(r.code, r.name, r.severity.label, "是" if r.fixable else "", r.summary) for r in builtin_rules()]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    out = sys.stdout
    out.write(f"{'代码':<{widths[0]}}  {'名称':<{widths[1]}}  {'级别':<{widths[2]}}  可修复  说明\n")
    for code, name, sev, fix, summary in rows:
        out.write(f"{code:<{widths[0]}}  {name:<{widths[1]}}  {sev:<{widths[2]}}  {fix:<6}  {summary}\n")
    return 0


def explain_text(rule) -> str:
    gens = "、".join(rule.generations) if rule.generations else "全部格式"
    parts = [f"{rule.code} {rule.name} — {rule.summary}", "",
             f"级别：{rule.severity.label}    可修复：{'是' if rule.fixable else '否'}    适用：{gens}", "",
             rule.doc.rstrip(), ""]
    for label, key in (("不合规示例", "fail"), ("合规示例", "pass")):
        for ex in rule.examples.get(key, []):
            text = ex if isinstance(ex, str) else ex["text"]
            if not isinstance(ex, str) and ex.get("previous"):
                parts.append(f"{label}（上一年度报告）：")
                parts.extend("    " + line for line in ex["previous"].rstrip("\n").splitlines())
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
