"""The rule reference as Markdown (docs/rules.md) and as JSON — both from the rules' own YAML,
so the documentation cannot drift from what ``govlint check`` runs."""

from __future__ import annotations

GENERATIONS = {"gov-2021": "2021 格式", "gov-2019": "2019 试行格式", "pre-2019": "2019 年以前"}
HEADER = """# govlint 规则

<!-- 由 scripts/gen_rule_docs.py 根据 rules/*.yaml 生成，请勿手工编辑；tests/ecosystem 检查它是否最新。 -->

共 {n} 条规则。`govlint explain 代码` 在终端显示同样的说明；`govlint rules --format json` 输出机器可读的列表。
级别可在配置文件的 `severity` 中调整，规则可用 `select` / `ignore` 开关（见 README）。

| 代码 | 名称 | 级别 | 可修复 | 适用格式 | 说明 |
|---|---|---|---|---|---|
"""


def generations(rule) -> str:
    return "、".join(GENERATIONS.get(g, g) for g in rule.generations) if rule.generations else "全部"


def _examples(rule) -> list[str]:
    out: list[str] = []
    for label, key in (("不合规示例", "fail"), ("合规示例", "pass")):
        for ex in rule.examples.get(key, []):
            ex = {"text": ex} if isinstance(ex, str) else ex
            note = f"（按 {ex['template']} 模板）" if ex.get("template") else ""
            out += [f"{label}{note}：", "", "```text", ex["text"].rstrip("\n"), "```", ""]
            if ex.get("fixed"):
                out += ["修复后：", "", "```text", ex["fixed"].rstrip("\n"), "```", ""]
    return out


def _cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def _zh(rule) -> str:
    from ..report.vocab import ZH

    return ZH[rule.severity]


def _aggregate(rule) -> list[str]:
    a = rule.aggregate
    if not a:
        return []
    return [f"同一文件中有 {a['min']} 条及以上时合并为一条全文问题（消息：`{a['message']}`），"
            "每处位置仍列在机器可读格式的 related 中，修复合并为一个。", ""]


def markdown(rules) -> str:
    rules = sorted(rules, key=lambda r: r.code)
    parts = [HEADER.format(n=len(rules))]
    for r in rules:
        parts.append(f"| [{r.code}](#{r.code.lower()}) | {r.name} | {_zh(r)} | "
                     f"{'是' if r.fixable else ''} | {generations(r)} | {_cell(r.summary)} |\n")
    for r in rules:
        body = [f"## {r.code}", "", f"**{r.name}** — {r.summary}", "",
                f"级别：{_zh(r)}　可修复：{'是' if r.fixable else '否'}　适用：{generations(r)}", "",
                r.doc.rstrip(), "", f"消息：`{r.message}`", "", *_aggregate(r), *_examples(r)]
        parts.append("\n" + "\n".join(body).rstrip("\n") + "\n")
    return "".join(parts)


def as_dicts(rules) -> list[dict]:
    return [{"code": r.code, "name": r.name, "kind": r.kind, "severity": r.severity.label, "fixable": r.fixable,
             "generations": list(r.generations), "summary": r.summary, "message": r.message, "doc": r.doc}
            for r in sorted(rules, key=lambda r: r.code)]
