"""Rule files against the JSON Schema: built-ins valid, manifest current, malformed files rejected precisely."""

from __future__ import annotations

import pytest

from checker.engine.loader import MANIFEST, RuleFileError, builtin_digest, builtin_rule_files, parse_rule_file
from checker.resources import rules_root
from checker.yamlio import YamlError

GOOD = """
rules:
  - code: XX901
    name: demo-rule
    kind: section-missing
    severity: warning
    summary: demo
    message: demo
    doc: demo
    examples: {fail: [a], pass: [b]}
"""


def test_builtin_rule_files_validate():
    for path in builtin_rule_files():
        parse_rule_file(path.read_text(encoding="utf-8"), str(path), validate=True, builtin=True)


def test_manifest_is_current():
    recorded = (rules_root() / MANIFEST).read_text().strip()
    assert recorded == builtin_digest(), "rules/ changed: run python scripts/update_manifest.py"


def test_valid_user_rule_file_loads():
    rules = parse_rule_file(GOOD, "user.yaml", validate=True)
    assert [r.code for r in rules] == ["XX901"]


@pytest.mark.parametrize("bad,fragment", [
    (GOOD.replace("severity: warning", "severity: fatal"), "$.rules[0].severity"),
    (GOOD.replace("code: XX901", "code: x1"), "$.rules[0].code"),
    (GOOD.replace("    doc: demo\n", ""), "缺少必填项 doc"),
    (GOOD.replace("    doc: demo\n", "    doc: demo\n    colour: red\n"), "colour"),
    (GOOD.replace("kind: section-missing", "kind: no-such-kind"), "$.rules[0].kind"),
    (GOOD.replace("kind: section-missing", "kind: heading-style\n    params: {separator: 12}"),
     "$.rules[0].params.separator"),
])
def test_schema_rejects_with_precise_message(bad, fragment):
    with pytest.raises(RuleFileError) as exc:
        parse_rule_file(bad, "user.yaml", validate=True)
    msg = str(exc.value)
    assert msg.startswith("user.yaml: 规则 ")
    assert fragment in msg


def test_invalid_yaml_names_position():
    with pytest.raises(YamlError) as exc:
        parse_rule_file("rules: [\n  - {code: ", "broken.yaml", validate=True)
    assert "broken.yaml" in str(exc.value) and "行" in str(exc.value)


def test_yaml_never_constructs_objects():
    with pytest.raises(YamlError):
        parse_rule_file("rules: !!python/object/apply:os.system ['true']", "evil.yaml", validate=True)
