"""Catastrophic-backtracking regexes in rule files are refused at load time."""

from __future__ import annotations

import pytest

from checker.engine.loader import RuleFileError, parse_rule_file
from checker.engine.regex_safety import UnsafePattern, check_pattern, compile_user_regex, unsafe_params

# Each of these takes seconds on ~30 characters with Python's re (measured while writing the check).
EXPONENTIAL = [r"(a+)+b", r"(a|a)*b", r"(.*)*x", r"(a|aa)*b", r"(\d+[,，]?)*元", r"(a*)*b", r"((ab)*)+c",
               r"(?:[一二三]+、?)+。"]
SAFE = [r"第[0-9]+条", r"[一二三四五六]、", r"(ab)+", r"(a|b)+", r"(a|ab)*c", r"(?:一|二|三)+", r"\d{4}年",
        r"(政府|公开)+", r".*?说明", r"^(\s*)$", r"(\d{1,3})(,\d{3})*", r"(\w|\d)+x", r"(a++)+", r"(?>a+)+",
        r"(?:[一二三]、)+", r"[^，。]{2,20}(?:办公室|局)"]


@pytest.mark.parametrize("pattern", EXPONENTIAL)
def test_exponential_shapes_are_refused(pattern):
    with pytest.raises(UnsafePattern) as exc:
        check_pattern(pattern)
    assert "指数" in str(exc.value)


@pytest.mark.parametrize("pattern", SAFE)
def test_ordinary_patterns_pass(pattern):
    assert compile_user_regex(pattern).pattern == pattern


def test_syntax_errors_and_overlong_patterns_are_refused():
    with pytest.raises(UnsafePattern, match="语法"):
        check_pattern("(unclosed")
    with pytest.raises(UnsafePattern, match="过长"):
        check_pattern("a" * 5000)


def test_unsafe_params_names_the_json_path():
    params = {"label": "x", "patterns": ["第[0-9]+条", "(a+)+$"], "nested": {"regex": "ok"}}
    path, reason = unsafe_params(params, "$.rules[0].params")
    assert path == "$.rules[0].params.patterns[1]" and "嵌套" in reason
    assert unsafe_params({"pattern": "第[0-9]+条", "words": ["(a+)+"]}) is None   # only regex-named keys


RULE_FILE = """
rules:
  - code: XX951
    name: demo-pattern
    kind: section-missing
    severity: warning
    summary: demo
    message: demo
    doc: demo
    params: {pattern: "%s"}
    examples: {fail: [a], pass: [b]}
"""


def test_rule_file_with_catastrophic_regex_is_rejected_at_load(monkeypatch):
    # section-missing takes no pattern; skip the schema so the regex check itself is what refuses
    monkeypatch.setattr("checker.engine.validate.validate_rule_file", lambda data, name: None)
    with pytest.raises(RuleFileError) as exc:
        parse_rule_file(RULE_FILE % "(x+)+y", "mine.yaml", validate=True)
    msg = str(exc.value)
    assert msg.startswith("mine.yaml: 规则 XX951") and "$.rules[0].params.pattern" in msg
    assert parse_rule_file(RULE_FILE % "第[0-9]+条", "mine.yaml", validate=True)[0].code == "XX951"
