"""``govlint rules`` / ``explain`` and docs/rules.md, all generated from the rule YAML."""

from __future__ import annotations

import json

from checker.cli.rule_docs import markdown
from checker.engine.loader import builtin_rules
from eco_helpers import ROOT, govlint


def test_docs_rules_md_is_up_to_date():
    current = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == markdown(builtin_rules()), "docs/rules.md is stale: run python scripts/gen_rule_docs.py"


def test_docs_cover_every_rule_with_its_examples():
    doc = markdown(builtin_rules())
    for r in builtin_rules():
        assert f"\n## {r.code}\n" in doc and f"[{r.code}](#{r.code.lower()})" in doc
        first_fail = r.examples["fail"][0]
        text = first_fail if isinstance(first_fail, str) else first_fail["text"]
        assert text.rstrip("\n") in doc


def test_rules_table_lists_code_name_severity_fixable():
    from checker.report.cells import width

    out = govlint("rules", COLUMNS="100").stdout.decode()
    header, *rows = out.splitlines()
    assert header.split()[:4] == ["代码", "名称", "级别", "可修复"]
    codes = [row.split()[0] for row in rows if row[:2] == "GL"]    # long summaries wrap onto more rows
    assert codes == sorted(r.code for r in builtin_rules())
    assert max(width(row.rstrip()) for row in out.splitlines()) <= 100
    gl108 = next(row for row in rows if row.startswith("GL108"))
    assert "heading-separator" in gl108 and "警告" in gl108 and "是" in gl108
    # the columns line up although names and summaries mix Latin and CJK
    assert len({width(row[:row.index(code) + len(code)]) for row in rows if row[:2] == "GL"
                for code in [row.split()[2]]}) == 1


def test_rules_json_and_markdown_formats():
    data = json.loads(govlint("rules", "--format", "json").stdout)
    assert [d["code"] for d in data] == sorted(r.code for r in builtin_rules())
    assert set(data[0]) >= {"code", "name", "severity", "fixable", "summary", "doc", "generations"}
    md = govlint("rules", "--format", "markdown").stdout.decode()
    assert md == markdown(builtin_rules())


def test_explain_shows_documentation_and_examples():
    proc = govlint("explain", "GL901")
    out = proc.stdout.decode()
    assert proc.returncode == 0
    assert out.startswith("GL901 unused-suppression") and "不合规示例" in out and "合规示例" in out
    assert govlint("explain", "unused-suppression").stdout == proc.stdout
    missing = govlint("explain", "GL000")
    assert missing.returncode == 2 and "没有规则" in missing.stderr.decode()
