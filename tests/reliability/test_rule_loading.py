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


# ---- issue 19: hostile configuration, rule and lexicon files (items 6, 7, 9, 15, 16, 20) ----

REPORT = "某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本年收到申请12件。\n"


def _rule(kind: str, params: str, message: str = "demo {found}") -> str:
    return (f"rules:\n  - code: XX971\n    name: demo-rule\n    kind: {kind}\n    severity: warning\n"
            f"    summary: demo\n    doc: demo\n    message: '{message}'\n    params: {params}\n"
            f"    examples: {{fail: [a], pass: [b]}}\n")


def _count_rule(pattern: str) -> str:
    params = ("{quantities: [{name: a, patterns: ['%s']}, {name: b, patterns: ['x(\\d+)']}], lhs: [a], rhs: [b]}"
              % pattern.replace("'", "''"))
    return _rule("prose-balance", params, message="demo {equation}")


def _refused(tmp_path, *args, name: str):
    """Run on a small report; the run must stop with exit 2 and one line naming ``name``."""
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    proc = govlint("check", report, *args, timeout=60)
    lines = proc.stderr.strip().splitlines()
    assert proc.returncode == 2, proc.stderr
    assert len(lines) == 1 and str(name) in lines[0] and "Traceback" not in proc.stderr, proc.stderr
    assert proc.stdout == ""
    return lines[0]


BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)) + "select: *i\n"


def test_alias_bomb_in_config_is_refused_without_expanding(tmp_path):      # item 6
    cfg = tmp_path / ".govlint.yaml"
    cfg.write_text(BOMB, encoding="utf-8")
    line = _refused(tmp_path, "--config", cfg, name=cfg)
    assert "别名" in line and len(line) < 300


def test_alias_bomb_in_rule_file_is_refused_without_expanding(tmp_path):   # item 6
    rules = tmp_path / "bomb.yaml"
    rules.write_text(BOMB.replace("select: *i", "rules: *i"), encoding="utf-8")
    line = _refused(tmp_path, "--rules", rules, name=rules)
    assert "别名" in line and "x, x" not in line


def test_a_few_aliases_still_load():
    assert load_yaml_text("a: &a {k: 1}\nb: *a\nc: *a\n", "ok.yaml") == {"a": {"k": 1}, "b": {"k": 1}, "c": {"k": 1}}


def test_recursive_alias_is_refused():
    with pytest.raises(YamlError, match="别名"):
        load_yaml_text("a: &a [*a]\n", "loop.yaml")


@pytest.mark.parametrize("key", ["rule-files", "lexicon-files"])
def test_device_as_rule_or_lexicon_file_is_refused(tmp_path, key):            # item 7
    cfg = tmp_path / ".govlint.yaml"
    cfg.write_text(f"{key}: [/dev/zero]\n", encoding="utf-8")
    assert "不是普通文件" in _refused(tmp_path, "--config", cfg, name="/dev/zero")


@pytest.mark.parametrize("role", ["config", "rules", "lexicon"])
def test_fifo_as_config_rule_or_lexicon_file_is_refused_at_once(tmp_path, role):   # items 5 and 7
    import os

    fifo = tmp_path / "x.yaml"
    os.mkfifo(fifo)
    if role == "config":
        args = ("--config", fifo)
    elif role == "rules":
        args = ("--rules", fifo)
    else:
        cfg = tmp_path / ".govlint.yaml"
        cfg.write_text(f"lexicon-files: [{fifo}]\n", encoding="utf-8")
        args = ("--config", cfg)
    assert "不是普通文件" in _refused(tmp_path, *args, name=fifo)


def test_oversized_config_and_lexicon_are_refused(tmp_path):                 # item 7
    cfg = tmp_path / "big.yaml"
    cfg.write_text("# padding\n" * 120_000, encoding="utf-8")                 # 1.2 MB
    assert "过大" in _refused(tmp_path, "--config", cfg, name=cfg)
    lexicon = tmp_path / "big.txt"
    with open(lexicon, "wb") as fh:                                           # 9 MB, sparse
        fh.seek(9 << 20)
        fh.write(b"\n")
    cfg2 = tmp_path / ".govlint.yaml"
    cfg2.write_text(f"lexicon-files: [{lexicon}]\n", encoding="utf-8")
    assert "过大" in _refused(tmp_path, "--config", cfg2, name=lexicon)


def test_user_lexicon_hits_equal_the_builtin_search(tmp_path):
    from checker.contamination.lexicon import all_hits, load

    extra = tmp_path / "mine.txt"
    extra.write_text("甲乙丙娱乐\n[porn]\n丁戊己\n", encoding="utf-8")
    user = load((str(extra),))
    text = "甲乙丙娱乐城丁戊己一本道，开云体育"
    assert user.user and {h[3] for h in all_hits(user, text)} >= {"甲乙丙娱乐", "丁戊己"}
    builtin_only = [h for h in all_hits(user, text) if h[3] not in ("甲乙丙娱乐", "丁戊己")]
    assert builtin_only == all_hits(load(), text)


@pytest.mark.parametrize("message", ["{found:>300000000}", "{found!r}", "{found.__class__}", "{found[0]}",
                                     "{nosuchfield}", "a } b"])
def test_rule_message_is_a_template_with_a_closed_set_of_fields(tmp_path, message):   # item 9
    rules = tmp_path / "msg.yaml"
    rules.write_text(_rule("repeated-phrase", "{min_chars: 3}", message), encoding="utf-8")
    assert "XX971" in _refused(tmp_path, "--rules", rules, name=rules)


def test_rule_message_fields_are_substituted_and_braces_escaped(tmp_path):
    from checker.engine.message import render, template_problem

    assert template_problem("“{phrase}”重复 {{字面}}") is None
    assert render("“{phrase}”重复 {{字面}} {found:>9}", {"phrase": "原因是"}) == "“原因是”重复 {字面} {found:>9}"


def test_every_builtin_message_uses_the_closed_field_set():
    from checker.engine.loader import builtin_rules
    from checker.engine.message import template_problem

    assert [(r.code, template_problem(r.message)) for r in builtin_rules() if template_problem(r.message)] == []


def test_huge_integer_in_config_or_rule_file_is_refused(tmp_path):          # item 15
    cfg = tmp_path / ".govlint.yaml"
    cfg.write_text("blank-cell-policy: " + "9" * 5000 + "\n", encoding="utf-8")
    assert "整数过长" in _refused(tmp_path, "--config", cfg, name=cfg)
    cfg.unlink()
    rules = tmp_path / "int.yaml"
    rules.write_text(_rule("repeated-phrase", "{min_chars: %s}" % ("7" * 5000)), encoding="utf-8")
    assert "整数过长" in _refused(tmp_path, "--rules", rules, name=rules)


@pytest.mark.parametrize("text,fragment", [
    (_count_rule(r"办结\d+件"), "没有捕获组"),                                  # item 16: no group
    (_count_rule(r"(办结)\d+件"), "不是纯数字"),                                # non-digit group
    (_count_rule(r"(?<![未不])办结(\d+)"), "前后查找"),                         # variable lookbehind
    (_count_rule(r"(\d+)件\1"), "反向引用"),
    (_rule("repeated-phrase", "{min_chars: 9, max_chars: 3}"), "min_chars"),   # min_chars > max_chars
    (_rule("repeated-phrase", "{min_chars: 3, max_chars: %d}" % 2**70), "max_chars"),   # 2**70 bound
    (_rule("lost-characters", "{min_question_marks: %d}" % 2**70), "min_question_marks"),
])
def test_user_parameters_that_would_fail_per_file_are_refused_at_load(tmp_path, text, fragment):
    rules = tmp_path / "mine.yaml"
    rules.write_text(text, encoding="utf-8")
    line = _refused(tmp_path, "--rules", rules, name=rules)
    assert "XX971" in line and fragment in line


def test_a_valid_user_count_rule_runs_on_re2(tmp_path):
    rules = tmp_path / "mine.yaml"
    rules.write_text(_count_rule(r"收到申请(\d+)件"), encoding="utf-8")
    report, second = tmp_path / "r.txt", tmp_path / "s.txt"
    for f in (report, second):
        f.write_text(REPORT + "办理x3件\n", encoding="utf-8")
    for jobs in ("1", "2"):
        proc = govlint("check", report, second, "--rules", rules, "--select", "XX971", "--format", "concise", "-j", jobs)
        assert "Traceback" not in proc.stderr
        assert proc.stdout.count("XX971 [警告] demo a(12) = 12 ≠ b(3) = 3") == 2, proc.stdout     # both files


def test_file_contents_are_never_echoed(tmp_path):                           # item 18 (its echo half)
    secret = tmp_path / "shadow"
    secret.write_text("root:$6$s3cretSALT$HASHHASHHASH:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n")
    cfg = tmp_path / ".govlint.yaml"
    cfg.write_text(f"rule-files: [{secret}]\n", encoding="utf-8")
    said = _refused(tmp_path, "--config", cfg, name=secret).split(str(secret), 1)[1]
    assert "s3cret" not in said and "root" not in said and "daemon" not in said and "19000" not in said


def test_no_compiled_pattern_cache_is_written(tmp_path):                      # item 20
    import os

    home = tmp_path / "home"
    home.mkdir()
    report = tmp_path / "r.txt"
    report.write_text(REPORT, encoding="utf-8")
    env = dict(os.environ, HOME=str(home), XDG_CACHE_HOME=str(home / ".cache"))
    import subprocess
    import sys

    from reliability_helpers import ROOT

    env["PYTHONPATH"] = str(ROOT)
    subprocess.run([sys.executable, "-m", "checker", "check", str(report)], capture_output=True, env=env, timeout=60)
    assert list(home.rglob("*")) == []
