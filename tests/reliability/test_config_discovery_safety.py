"""Configuration discovery (issue 19, item 18): the walk stops at the repository root or the home
folder, and a configuration planted in a folder anyone may write to is ignored, as git's
safe.directory does."""

from __future__ import annotations

import os

import pytest
from reliability_helpers import SIMPLIFIED_SEED, govlint

from checker.config import discover
from checker.config.discover import find_config


@pytest.fixture(autouse=True)
def fresh():
    find_config.cache_clear()
    yield
    find_config.cache_clear()


def _layout(tmp_path):
    top = tmp_path / "shared"
    (top / "repo" / "reports").mkdir(parents=True)
    (top / ".govlint.yaml").write_text("ignore: [GL]\n", encoding="utf-8")
    return top, top / "repo", top / "repo" / "reports"


def test_walk_stops_at_the_repository_root(tmp_path):
    top, repo, reports = _layout(tmp_path)
    assert find_config(reports) == top / ".govlint.yaml"
    find_config.cache_clear()
    (repo / ".git").mkdir()
    assert find_config(reports) is None
    (repo / ".govlint.yaml").write_text("select: [GL1]\n", encoding="utf-8")
    find_config.cache_clear()
    assert find_config(reports) == repo / ".govlint.yaml"


def test_walk_stops_at_home(tmp_path, monkeypatch):
    top, repo, reports = _layout(tmp_path)
    monkeypatch.setenv("HOME", str(repo))
    assert find_config(reports) is None


def test_config_in_a_world_writable_folder_of_someone_else_is_ignored(tmp_path, monkeypatch, capsys):
    top, repo, reports = _layout(tmp_path)
    os.chmod(top, 0o1777)
    monkeypatch.setattr(discover.os, "geteuid", lambda: os.stat(top).st_uid + 1)   # someone else's folder
    assert find_config(reports) is None
    assert "忽略配置文件" in capsys.readouterr().err


def test_own_config_in_own_world_writable_folder_is_used(tmp_path):
    top, repo, reports = _layout(tmp_path)
    os.chmod(top, 0o1777)
    assert find_config(reports) == top / ".govlint.yaml"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="planting another user's file needs root")
def test_planted_config_does_not_silence_the_run(tmp_path):
    top, repo, reports = _layout(tmp_path)
    os.chmod(top, 0o1777)
    os.chown(top / ".govlint.yaml", 12345, 12345)
    (reports / "r.txt").write_bytes(SIMPLIFIED_SEED.read_bytes())
    r = govlint("check", reports / "r.txt", "--format", "concise")
    assert r.returncode == 1 and "忽略配置文件" in r.stderr


def test_rule_file_that_is_not_one_is_not_echoed(tmp_path):
    secret = tmp_path / "secret"
    secret.write_text("root:$6$abcdefgh:19000:0:99999:7:::\nuser:$6$zzzz:19000:0:99999:7:::\n", encoding="utf-8")
    r = govlint("check", "--rules", secret, SIMPLIFIED_SEED)
    assert r.returncode == 2 and "$6$" not in r.stderr and "abcdefgh" not in r.stderr
