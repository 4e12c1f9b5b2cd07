"""Configuration discovery (closest file wins), validation messages, and how settings shape a run."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker.config import ConfigError, Resolver, find_config, load_config
from checker.config.settings import enabled
from eco_helpers import SEEDS, cli_env, govlint

REPORT = SEEDS / "002_f77436c89a48de9e.txt"       # one GL102 finding (第五部分标题) among others
# Structure findings only: GL101 (第六部分缺失), GL102 (第五部分标题), GL109 (总体情况) and no other GL1 rule.
SMALL = ("某某区人民政府2024年政府信息公开工作年度报告\n一、总体情况\n本年度工作概况。\n二、主动公开政府信息情况\n"
         "三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、下一步工作计划\n问题。\n")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes(proc) -> list[str]:
    return [json.loads(line)["code"] for line in proc.stdout.decode().splitlines() if '"code"' in line]


@pytest.fixture
def tree(tmp_path):
    """tmp/.govlint.yaml (GL102 only) ; tmp/sub/pyproject.toml (GL101 only); tmp/sub/deeper/ (no config)."""
    find_config.cache_clear()
    write(tmp_path / ".govlint.yaml", "select: [GL102]\n")
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n\n[tool.govlint]\nselect = ["GL101"]\n')
    (tmp_path / "sub" / "deeper").mkdir()
    yield tmp_path
    find_config.cache_clear()


def test_closest_configuration_wins(tree):
    assert find_config(tree) == tree / ".govlint.yaml"
    assert find_config(tree / "sub") == tree / "sub" / "pyproject.toml"
    assert find_config(tree / "sub" / "deeper") == tree / "sub" / "pyproject.toml"


def test_pyproject_without_a_govlint_table_is_walked_past(tree):
    write(tree / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    find_config.cache_clear()
    assert find_config(tree / "sub" / "deeper") == tree / ".govlint.yaml"


def test_dedicated_file_beats_pyproject_in_the_same_directory(tree):
    write(tree / "sub" / ".govlint.yaml", "select: [GL108]\n")
    find_config.cache_clear()
    assert find_config(tree / "sub") == tree / "sub" / ".govlint.yaml"


def test_each_file_is_checked_with_its_own_configuration(tree):
    for d in (tree, tree / "sub" / "deeper"):
        write(d / "r.txt", SMALL)
    proc = govlint("check", tree, "--format", "json-lines", cwd=tree)
    by_path = {}
    for line in proc.stdout.decode().splitlines():
        obj = json.loads(line)
        by_path.setdefault(Path(obj["path"]).parent.name, set()).add(obj["code"])
    assert by_path == {tree.name: {"GL102"}, "deeper": {"GL101"}}
    assert proc.returncode == 1


def test_config_option_replaces_discovery_and_isolated_ignores_it(tree):
    (tree / "sub" / "r.txt").write_bytes(REPORT.read_bytes())
    explicit = govlint("check", "sub/r.txt", "--config", ".govlint.yaml", "--format", "json-lines", cwd=tree)
    assert set(codes(explicit)) == {"GL102"}
    isolated = govlint("check", "sub/r.txt", "--isolated", "--format", "json-lines", cwd=tree)
    assert {"GL102"} < set(codes(isolated))


def test_command_line_select_overrides_the_file_and_ignore_adds(tree):
    write(tree / "r.txt", SMALL)
    proc = govlint("check", "r.txt", "--select", "GL1", "--ignore", "GL102", "--format", "json-lines", cwd=tree)
    assert set(codes(proc)) == {"GL101", "GL109"}
    proc = govlint("check", "r.txt", "--extend-select", "GL101", "--format", "json-lines", cwd=tree)
    assert set(codes(proc)) == {"GL101", "GL102"}


def test_selection_by_specificity():
    assert enabled("GL301", ["GL3"], ["GL301"]) is False
    assert enabled("GL301", ["GL301"], ["GL3"]) is True
    assert enabled("GL302", ["GL301"], ["GL3"]) is False
    assert enabled("GL101", [""], ["GL1"]) is False          # "" = every rule, the least specific selector
    assert enabled("GL101", ["GL1"], ["GL1"]) is False       # a tie goes to ignore


def test_severity_override_longest_prefix_and_fail_on(tmp_path):
    write(tmp_path / ".govlint.yaml", "select: [GL102]\nseverity: {GL1: warning, GL102: info}\nfail-on: warning\n")
    (tmp_path / "r.txt").write_bytes(REPORT.read_bytes())
    proc = govlint("check", "r.txt", "--format", "json-lines", cwd=tmp_path)
    [obj] = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert obj["severity"] == "info" and proc.returncode == 0
    write(tmp_path / ".govlint.yaml", "select: [GL102]\nseverity: {GL1: warning}\nfail-on: warning\n")
    assert govlint("check", "r.txt", cwd=tmp_path).returncode == 1
    assert govlint("check", "r.txt", "--fail-on", "error", cwd=tmp_path).returncode == 0


def test_per_file_ignores_by_path_glob_and_by_file_name(tmp_path):
    write(tmp_path / ".govlint.yaml", 'select: [GL102]\nper-file-ignores:\n  "archive/**": [GL1]\n  "*-draft.txt": [GL102]\n')
    for rel in ("archive/2019/r.txt", "r-draft.txt", "current/r.txt"):
        write(tmp_path / rel, REPORT.read_text(encoding="utf-8"))
    proc = govlint("check", ".", "--format", "json-lines", cwd=tmp_path)
    paths = {os.path.normpath(json.loads(line)["path"]) for line in proc.stdout.decode().splitlines()}
    assert paths == {os.path.join("current", "r.txt")}


def test_relative_paths_resolve_against_the_config_file_and_reach_document_options(tmp_path):
    write(tmp_path / "cfg" / ".govlint.yaml",
          "agency: 某某区人民政府\nlexicon-files: [words.txt]\nblank-cell-policy: error\nrule-files: [extra.yaml]\n")
    write(tmp_path / "cfg" / "extra.yaml", "rules: []\n")
    write(tmp_path / "cfg" / "words.txt", "[brands]\n某某娱乐城\n")
    s = Resolver(cwd=tmp_path).for_path(str(tmp_path / "cfg" / "r.txt"))
    assert s.options == {"agency": "某某区人民政府", "lexicon_files": [str(tmp_path / "cfg" / "words.txt")],
                         "blank_cell_policy": "error"}
    assert s.rule_files == (str(tmp_path / "cfg" / "extra.yaml"),)


def test_check_passes_configured_options_to_the_runner(tmp_path, monkeypatch):
    from checker.cli import check, main

    write(tmp_path / ".govlint.yaml", "agency: 某某区人民政府\nblank-cell-policy: ignore\ntemplate: '2019'\n")
    write(tmp_path / "r.txt", REPORT.read_text(encoding="utf-8"))
    seen = []

    def fake_check_many(paths, rules, spec, jobs):
        seen.append(spec)
        return iter([])

    monkeypatch.setattr(check, "check_many", fake_check_many)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(KeyError):          # no results came back for r.txt
        main.main(["check", "r.txt"])
    [spec] = seen
    assert spec.options["agency"] == "某某区人民政府" and spec.options["blank_cell_policy"] == "ignore"
    assert spec.template == "2019"


def test_extra_rule_files_from_config_are_schema_validated(tmp_path):
    write(tmp_path / ".govlint.yaml", "rule-files: [bad.yaml]\n")
    write(tmp_path / "bad.yaml", "rules:\n  - code: XX1\n    name: Bad\n")
    write(tmp_path / "r.txt", REPORT.read_text(encoding="utf-8"))
    proc = govlint("check", "r.txt", cwd=tmp_path)
    assert proc.returncode == 2
    assert "bad.yaml" in proc.stderr.decode()


@pytest.mark.parametrize("text,expected", [
    ("select: [GL102]\nfoo: 1\n", "第 2 行，顶层：未知的配置项 foo"),
    ("severity:\n  GL1: fatal\n", "第 2 行，severity.GL1：取值 'fatal' 无效"),
    ("select: [GL102, 'not a code']\n", "第 1 行，select[1]：'not a code' 不是规则代码或前缀"),
    ("fail-on: [error]\n", "fail-on"),
    ("select: GL102\n", "select：应为 array"),
    ("select: [GL102\n", "YAML 语法错误"),
])
def test_invalid_yaml_configuration_is_reported_precisely(tmp_path, text, expected):
    path = write(tmp_path / ".govlint.yaml", text)
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    assert str(path) in str(exc.value) and expected in str(exc.value)


def test_invalid_pyproject_configuration_names_the_table(tmp_path):
    path = write(tmp_path / "pyproject.toml", '[tool.govlint]\nignore = ["GL1"]\nfail_on = "error"\n')
    with pytest.raises(ConfigError, match=r"\[tool\.govlint\].*未知的配置项 fail_on"):
        load_config(path)
    write(tmp_path / "pyproject.toml", "[tool.govlint\n")
    with pytest.raises(ConfigError, match="TOML 语法错误"):
        load_config(path)


def test_unknown_rule_codes_are_an_error_with_exit_code_2(tmp_path):
    write(tmp_path / ".govlint.yaml", "ignore: [GL999]\n")
    write(tmp_path / "r.txt", REPORT.read_text(encoding="utf-8"))
    proc = govlint("check", "r.txt", cwd=tmp_path)
    assert proc.returncode == 2 and "GL999" in proc.stderr.decode()
    assert govlint("check", "r.txt", "--isolated", "--select", "ZZ9", cwd=tmp_path).returncode == 2


def test_missing_explicit_config_is_an_error(tmp_path):
    proc = govlint("check", REPORT, "--config", tmp_path / "nope.yaml", cwd=tmp_path)
    assert proc.returncode == 2 and "无法读取配置文件" in proc.stderr.decode()


def test_output_format_comes_from_the_configuration(tmp_path):
    write(tmp_path / ".govlint.yaml", "output-format: concise\nselect: [GL102]\n")
    write(tmp_path / "r.txt", REPORT.read_text(encoding="utf-8"))
    out = govlint("check", "r.txt", cwd=tmp_path).stdout.decode()
    assert out.startswith("r.txt:11:3: GL102 [错误]")


def _imports_jsonschema(cwd: Path) -> bool:
    code = ("import sys\nfrom checker.cli.main import main\nmain(['check', 'r.txt', '-j', '1', '-q'])\n"
            "print('jsonschema' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, cwd=cwd, env=cli_env())
    return proc.stdout.decode().strip().splitlines()[-1] == "True"


def test_jsonschema_is_imported_only_when_a_configuration_exists(tmp_path):
    write(tmp_path / "r.txt", REPORT.read_text(encoding="utf-8"))
    if find_config(tmp_path) is None:         # nothing above tmp_path either
        assert not _imports_jsonschema(tmp_path)
    write(tmp_path / ".govlint.yaml", "select: [GL1]\n")
    assert _imports_jsonschema(tmp_path)


def test_resolver_reads_each_configuration_once(tmp_path, monkeypatch):
    import checker.config.settings as settings_mod

    write(tmp_path / ".govlint.yaml", "select: [GL1]\n")
    calls = []
    real = settings_mod.load_config
    monkeypatch.setattr(settings_mod, "load_config", lambda p: calls.append(p) or real(p))
    r = Resolver(cwd=tmp_path)
    for name in ("a.txt", "b.txt", "c/d.txt"):
        r.for_path(str(tmp_path / name))
    assert len(calls) == 1
