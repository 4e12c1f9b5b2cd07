"""The command line people meet (issue 15): Chinese help and errors with suggestions, -V, shell
completion, directory excludes, the progress bar's conditions, and the aggregation of systemic findings."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from checker.engine.aggregate import aggregate
from checker.model.diagnostic import Diagnostic, Edit, Fix, Severity
from eco_helpers import SEEDS, govlint

SEED = SEEDS / "001_2a84802cd6720988.txt"


def test_help_is_chinese_with_examples():
    for args in (["--help"], ["check", "--help"], ["rules", "--help"], ["completion", "--help"]):
        out = govlint(*args, COLUMNS="100").stdout.decode()
        assert out.startswith("用法：govlint") and "选项" in out and "显示此帮助并退出" in out
        assert "usage:" not in out and "show this help" not in out and "options:" not in out
    assert "示例：" in govlint("check", "--help").stdout.decode()


@pytest.mark.parametrize("args,wrong,right", [
    (["chek", "x"], "chek", "check"),
    (["check", "--fromat", "json", "x"], "--fromat", "--format"),
    (["check", "--format", "jsn", "x"], "jsn", "json"),
    (["check", "--extend-selct", "GL1", "x"], "--extend-selct", "--extend-select"),
])
def test_mistyped_commands_and_options_get_a_suggestion(args, wrong, right):
    proc = govlint(*args)
    err = proc.stderr.decode()
    assert proc.returncode == 2
    assert "错误：" in err and wrong in err and f"你是不是想用 {right}？" in err
    assert "error:" not in err and "invalid choice" not in err and "unrecognized" not in err


def test_missing_value_is_reported_in_chinese():
    err = govlint("check", "--format").stderr.decode()
    assert "参数 --format/--output-format：需要一个值" in err


def test_short_and_long_version():
    for flag in ("-V", "--version"):
        proc = govlint(flag)
        assert proc.returncode == 0 and proc.stdout.decode().startswith("govlint ")


def test_completion_scripts_cover_commands_and_options():
    bash = govlint("completion", "bash").stdout.decode()
    assert "complete -o default -F _govlint govlint" in bash
    for word in ("check", "explain", "--format", "--extend-exclude", "json-lines"):
        assert word in bash
    if shutil.which("bash"):
        assert subprocess.run(["bash", "-n"], input=bash.encode()).returncode == 0
    zsh = govlint("completion", "zsh").stdout.decode()
    assert zsh.startswith("#compdef govlint") and "bashcompinit" in zsh
    fish = govlint("completion", "fish").stdout.decode()
    assert "complete -c govlint -n __fish_use_subcommand -a check" in fish and "-l format" in fish


def test_text_to_a_pipe_needs_neither_rich_nor_pathspec(tmp_path):
    """rich colours a terminal's report only; pathspec reads patterns only when there are some."""
    import sys

    from eco_helpers import cli_env

    probe = ("import sys; from checker.cli.main import main; main(sys.argv[1:]); "
             "print(' '.join(sorted(m.split('.')[0] for m in sys.modules)))")
    (tmp_path / "r.txt").write_bytes(SEED.read_bytes())
    proc = subprocess.run([sys.executable, "-c", probe, "check", "r.txt", "--format", "text"], cwd=tmp_path,
                          capture_output=True, text=True, env=cli_env())
    modules = proc.stdout.splitlines()[-1].split()
    assert "rich" not in modules and "pathspec" not in modules


def _tree(root):
    (root / ".git").mkdir()                     # a repository: its .gitignore files count
    for folder in ("reports", "venv/lib", "node_modules/x", "build", "archive", "drafts"):
        (root / folder).mkdir(parents=True)
        shutil.copyfile(SEED, root / folder / "r.txt")
    (root / ".gitignore").write_text("archive/\n", encoding="utf-8")
    (root / "README.md").write_text("# 年报\n\n本仓库存放政府信息公开工作年度报告。\n", encoding="utf-8")
    (root / "reports" / "README.txt").write_text("说明：本目录存放信息公开年报。\n", encoding="utf-8")
    shutil.copyfile(SEED, root / "reports" / "r2.md")
    return root


def _checked(root, *args) -> set[str]:
    proc = govlint("check", ".", "--isolated", "--format", "json", *args, cwd=root)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return {f["path"].removeprefix("./") for f in json.loads(proc.stdout)["files"]}


def test_directory_walk_skips_tool_folders_ignored_files_and_readmes(tmp_path):
    root = _tree(tmp_path)
    assert _checked(root) == {"reports/r.txt", "reports/r2.md", "drafts/r.txt"}
    assert _checked(root, "--extend-exclude", "drafts/") == {"reports/r.txt", "reports/r2.md"}
    # --exclude replaces the defaults: build and venv are walked again; .gitignore still counts
    assert _checked(root, "--exclude", "reports,drafts") == {"venv/lib/r.txt", "node_modules/x/r.txt",
                                                           "build/r.txt"}
    assert "README.md" in {f["path"] for f in json.loads(govlint("check", "README.md", "--isolated", "--format",
                                                                  "json", cwd=root).stdout)["files"]}


def test_excludes_from_the_configuration(tmp_path):
    root = _tree(tmp_path)
    (root / ".govlint.yaml").write_text("extend-exclude: [drafts/, '*2.md']\n", encoding="utf-8")
    proc = govlint("check", ".", "--format", "json", cwd=root)
    assert {f["path"].removeprefix("./") for f in json.loads(proc.stdout)["files"]} == {"reports/r.txt"}
    (root / ".govlint.yaml").write_text("exclude: [reports/]\n", encoding="utf-8")
    proc = govlint("check", ".", "--format", "json", cwd=root)
    assert "build/r.txt" in {f["path"].removeprefix("./") for f in json.loads(proc.stdout)["files"]}
    (root / ".govlint.yaml").write_text("exclude: nope\n", encoding="utf-8")
    assert govlint("check", ".", cwd=root).returncode == 2


def test_gitignore_outside_a_repository_is_not_read(tmp_path):
    (tmp_path / "a").mkdir()
    shutil.copyfile(SEED, tmp_path / "a" / "r.txt")
    (tmp_path / ".gitignore").write_text("a/\n", encoding="utf-8")
    assert _checked(tmp_path) == {"a/r.txt"}


def test_progress_only_on_a_terminal_for_people(monkeypatch):
    import argparse
    import io

    from checker.cli import progress

    args = argparse.Namespace(output_file=None)
    assert not progress.wanted("text", args, 100)        # pytest's stdout is not a terminal
    monkeypatch.setattr("checker.cli.check.is_terminal", lambda out: True)
    assert progress.wanted("text", args, 100) and progress.wanted("concise", args, 100)
    assert not progress.wanted("json", args, 100) and not progress.wanted("sarif", args, 100)
    assert not progress.wanted("text", args, 1)
    assert not progress.wanted("text", argparse.Namespace(output_file="out.txt"), 100)
    bar = progress.Progress(3, enabled=False)
    for p in "abc":
        bar.advance(p)
    bar.close()
    assert bar.done == 3 and bar._bar is None and isinstance(io.StringIO(), io.StringIO)


class _Rule:
    def __init__(self, code, aggregate):
        self.code, self.aggregate, self.message = code, aggregate, "本行 {count}"


def _diag(code, start, end, fix=True, safe=True):
    f = Fix((Edit(start, start + 1, "x"),), safe=safe, description="改") if fix else None
    return Diagnostic(code, "n", Severity.ERROR, f"第 {start} 处", "p.txt", start, end, fix=f, found="y")


SPEC = {"scope": "document", "min": 3, "message": "全文：{lines} 行共 {count} 处（{sample}）"}


def test_aggregation_only_from_the_threshold_on():
    text = "".join(f"{c}123456789\n" for c in "abcde")
    sporadic = [_diag("GL9", 0, 2), _diag("GL9", 11, 13)]
    assert aggregate(list(sporadic), [_Rule("GL9", SPEC)], text) == sporadic
    many = [_diag("GL9", i * 11, i * 11 + 2) for i in range(4)] + [_diag("GL8", 5, 6)]
    out = aggregate(many, [_Rule("GL9", SPEC), _Rule("GL8", None)], text)
    [doc] = [d for d in out if d.code == "GL9"]
    assert [d.code for d in out].count("GL8") == 1
    assert doc.start == 0 and doc.message == "全文：4 行共 4 处（a→x、b→x、c→x…）"
    assert [r[0] for r in doc.related] == [0, 11, 22, 33] and len(doc.fix.edits) == 4 and doc.fix.safe


def test_aggregation_keeps_the_weakest_fix_safety_and_no_partial_fix():
    text = "abcdefghij\n" * 5
    mixed = [_diag("GL9", 0, 2), _diag("GL9", 11, 13, safe=False), _diag("GL9", 22, 24)]
    [doc] = aggregate(mixed, [_Rule("GL9", SPEC)], text)
    assert doc.fix is not None and not doc.fix.safe
    partial = [_diag("GL9", 0, 2), _diag("GL9", 11, 13, fix=False), _diag("GL9", 22, 24)]
    [doc] = aggregate(partial, [_Rule("GL9", SPEC)], text)
    assert doc.fix is None and doc.message.startswith("全文：3 行共 3 处")


def test_missing_sections_in_template_order(tmp_path):
    (tmp_path / "r.txt").write_text("某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本县。\n"
                                    "四、政府信息公开行政复议、行政诉讼情况\n本县。\n", encoding="utf-8")
    out = govlint("check", "r.txt", "--isolated", "--select", "GL101", "--format", "json", cwd=tmp_path).stdout
    messages = [d["message"] for d in json.loads(out)["files"][0]["diagnostics"]]
    order = [next(n for n in "二三五六" if f"第{n}部分" in m) for m in messages]
    assert order == ["二", "三", "五", "六"]
