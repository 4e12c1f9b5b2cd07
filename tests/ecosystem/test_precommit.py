"""The real ``pre-commit try-repo`` against a temporary git repository holding a seed report.

pre-commit builds its own virtualenv and pip-installs govlint from a snapshot of this project, so this
test needs the package index (as ``pip install '.[test]'`` does); it takes tens of seconds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from checker.read.formats import READERS
from eco_helpers import ROOT, SEEDS

SKIP_DIRS = {".git", "build", "dist", ".pytest_cache", ".hypothesis", "__pycache__", ".venv", "venv", ".tox"}
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.invalid", "GIT_CONFIG_NOSYSTEM": "1"}


def _git(*args, cwd) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, env={**os.environ, **GIT_ENV})


def _snapshot(dest: Path) -> Path:
    """This project as a committed git repository: try-repo would miss files the checkout has not
    committed yet, and installs from a commit."""
    def ignore(directory, names):
        return {n for n in names if n in SKIP_DIRS or n.endswith(".egg-info")}

    shutil.copytree(ROOT, dest, ignore=ignore)
    _git("init", "-q", cwd=dest)
    _git("add", "-A", cwd=dest)
    _git("commit", "-q", "-m", "snapshot", cwd=dest)
    return dest


def _try_repo(hook_repo: Path, hook: str, cwd: Path, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GOVLINT", "PYTHONPATH", "VIRTUAL_ENV"))}
    env.update(GIT_ENV, PRE_COMMIT_HOME=str(home), NO_COLOR="1")
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), hook, "--all-files",
                           "--color", "never"], cwd=cwd, capture_output=True, text=True, env=env, timeout=900)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    return _snapshot(tmp_path_factory.mktemp("govlint-src") / "govlint")


@pytest.fixture
def home(tmp_path) -> Path:
    # try-repo keeps its hook environments in a temporary store of its own (one pip install per call);
    # PRE_COMMIT_HOME only keeps pre-commit's other files out of the user's cache.
    return tmp_path / "pre-commit-home"


def _reports_repo(tmp_path: Path, config: str, seed: str) -> Path:
    reports = tmp_path / "reports"
    reports.mkdir()
    _git("init", "-q", cwd=reports)
    # Only the rules a test is about: other rules' findings on the seed are not its business.
    (reports / ".govlint.yaml").write_text(config, encoding="utf-8")
    shutil.copyfile(SEEDS / seed, reports / "2020年报.txt")
    (reports / "notes.csv").write_text("不是报告,1\n", encoding="utf-8")
    _git("add", "-A", cwd=reports)
    return reports


def test_hook_fails_on_a_seed_then_passes_after_the_fix(hook_repo, home, tmp_path):
    reports = _reports_repo(tmp_path, "select: [GL102]\n", "002_f77436c89a48de9e.txt")
    report = reports / "2020年报.txt"

    first = _try_repo(hook_repo, "govlint", reports, home)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "Failed" in first.stdout
    assert "2020年报.txt:11:3: GL102 [错误]" in first.stdout
    assert "notes.csv" not in first.stdout                    # not a report type: not passed to the hook

    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("五、下一步工作计划", "五、存在的主要问题及改进情况"), encoding="utf-8")
    _git("add", "-A", cwd=reports)
    second = _try_repo(hook_repo, "govlint", reports, home)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout


def test_fix_hook_rewrites_the_report_and_then_passes(hook_repo, home, tmp_path):
    # Seed 004 writes its headings as “一 概述”: GL108 (fixable) wants “一、概述”.
    reports = _reports_repo(tmp_path, "select: [GL108]\nfail-on: warning\n", "004_43d8a4995bb3e670.txt")
    report = reports / "2020年报.txt"
    before = report.read_bytes()
    fixed = _try_repo(hook_repo, "govlint-fix", reports, home)
    assert fixed.returncode == 1, fixed.stdout + fixed.stderr          # files changed: the commit stops
    assert "files were modified by this hook" in fixed.stdout
    after = report.read_bytes()
    assert after != before and "一、概述".encode() in after

    _git("add", "-A", cwd=reports)
    again = _try_repo(hook_repo, "govlint", reports, home)
    assert again.returncode == 0, again.stdout + again.stderr


PLAIN_TEXT = {".txt", ".md", ".markdown"}


def test_manifest_hooks_match_what_each_can_handle():
    import re

    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"govlint", "govlint-fix"}
    for h in hooks.values():
        assert h["language"] == "python" and h["entry"].startswith("govlint check")
        files, exclude = re.compile(h["files"]), re.compile(h["exclude"])
        assert not files.search("report.csv") and not files.search("txt.py")
        for doc in ("README.md", "docs/readme.txt", "CHANGELOG.md", "LICENSE.txt", "CONTRIBUTING.md"):
            assert exclude.search(doc), doc
        assert not exclude.search("reports/2020年报.md") and not exclude.search("readme-reports/年报.txt")
    check, fix = hooks["govlint"], hooks["govlint-fix"]
    for suffix in READERS:
        assert re.search(check["files"], f"dir/report{suffix}") and re.search(check["files"], f"R{suffix.upper()}")
        # --fix refuses .docx/.pdf/.html (exit 2): the fixer must never be handed one
        assert bool(re.search(fix["files"], f"dir/report{suffix}")) == (suffix in PLAIN_TEXT), suffix
    assert "--fix" in fix["entry"]


def _to_docx(text: str, path: Path) -> None:
    import docx

    d = docx.Document()
    for line in text.splitlines():
        d.add_paragraph(line)
    d.save(path)


def test_hooks_in_a_repository_with_a_readme_and_a_word_report(hook_repo, home, tmp_path):
    """A README is not a report, and a .docx report is checked but never handed to the fixer."""
    reports = _reports_repo(tmp_path, "select: [GL1, GL2, GL4]\n", "004_43d8a4995bb3e670.txt")
    (reports / "README.md").write_text("# 年报仓库\n\n本仓库存放本单位历年政府信息公开工作年度报告。\n\n"
                                       "一、用法：提交前运行 pre-commit。\n二、联系：办公室。\n", encoding="utf-8")
    _to_docx((SEEDS / "001_2a84802cd6720988.txt").read_text(encoding="utf-8"), reports / "2022年报.docx")
    docx_before = (reports / "2022年报.docx").read_bytes()
    _git("add", "-A", cwd=reports)

    checked = _try_repo(hook_repo, "govlint", reports, home)
    assert checked.returncode == 1, checked.stdout + checked.stderr       # the seed reports have findings
    assert "2022年报.docx:" in checked.stdout and "2020年报.txt:" in checked.stdout
    assert "README.md" not in checked.stdout

    fixed = _try_repo(hook_repo, "govlint-fix", reports, home)
    assert "docx" not in fixed.stdout and "不支持" not in fixed.stdout, fixed.stdout
    assert "README.md" not in fixed.stdout
    assert (reports / "2022年报.docx").read_bytes() == docx_before
    assert "一、总体情况".encode() in (reports / "2020年报.txt").read_bytes() or fixed.returncode == 1
