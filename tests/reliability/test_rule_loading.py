"""Rule and config files: safe YAML only, clear errors; the built-in JSON cache matches the YAML."""

from __future__ import annotations

import json

import pytest

from reliability_helpers import govlint

from checker.engine import yamlcache
from checker.engine.loader import RuleFileError, builtin_rule_files, parse_rule_file
from checker.resources import rules_root
from checker.yamlio import YamlError, load_yaml_text


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system ['echo pwned']",
                                 "!!python/name:os.system", "!!python/object:collections.OrderedDict {}"])
def test_yaml_never_constructs_objects(tag):
    with pytest.raises(YamlError):
        load_yaml_text(f"rules: {tag}\n", "evil.yaml")


def test_invalid_yaml_in_user_rule_file_exits_2_naming_file(tmp_path):
    bad = tmp_path / "坏 规则.yaml"
    bad.write_text("rules:\n  - code: XX1\n    name: [unclosed\n", encoding="utf-8")
    good = tmp_path / "r.txt"
    good.write_text("一、总体情况\n", encoding="utf-8")
    proc = govlint("check", good, "--rules", bad)
    assert proc.returncode == 2 and str(bad) in proc.stderr and "YAML" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_unknown_key_is_rejected_with_rule_and_path():
    text = """
rules:
  - code: XX952
    name: demo
    kind: section-missing
    severity: warning
    summary: demo
    message: demo
    doc: demo
    colour: red
    examples: {fail: [a], pass: [b]}
"""
    with pytest.raises(RuleFileError) as exc:
        parse_rule_file(text, "u.yaml", validate=True)
    assert "u.yaml" in str(exc.value) and "XX952" in str(exc.value) and "colour" in str(exc.value)


def test_builtin_cache_is_current_and_equal_to_the_yaml():
    """scripts/update_manifest.py writes it; a stale cache would be ignored (slower start, same result)."""
    data = json.loads((rules_root() / yamlcache.CACHE).read_text(encoding="utf-8"))
    assert data["digest"] == yamlcache.current_digest(), "rules/ changed: run python scripts/update_manifest.py"
    for path in builtin_rule_files():
        key = path.relative_to(rules_root()).as_posix()
        assert data["files"][key] == load_yaml_text(path.read_text(encoding="utf-8"), str(path))


def test_stale_cache_is_ignored(monkeypatch):
    yamlcache._entries.cache_clear()
    monkeypatch.setattr(yamlcache, "current_digest", lambda: "0" * 64)
    try:
        assert yamlcache.cached(builtin_rule_files()[0]) is None
    finally:
        yamlcache._entries.cache_clear()
