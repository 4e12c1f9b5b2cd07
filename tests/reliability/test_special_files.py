"""Only regular files are read: a FIFO (which would block forever), a device or a closed standard input
is refused with one line and the run goes on."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from reliability_helpers import ROOT, SIMPLIFIED_SEED, env, error_lines, govlint

fifo_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")


@fifo_only
def test_fifo_in_a_checked_folder_is_refused_and_the_rest_is_checked(tmp_path):
    (tmp_path / "a.txt").write_bytes(SIMPLIFIED_SEED.read_bytes())
    os.mkfifo(tmp_path / "x.txt")
    r = govlint("check", tmp_path, "--format", "json", timeout=60)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    lines = error_lines(r.stderr, tmp_path / "x.txt")
    assert len(lines) == 1 and "命名管道" in lines[0]
    assert '"a.txt"' in r.stdout or "a.txt" in r.stdout


@fifo_only
def test_fifo_on_the_command_line_is_refused(tmp_path):
    os.mkfifo(tmp_path / "x.txt")
    r = govlint("check", tmp_path / "x.txt", SIMPLIFIED_SEED, timeout=60)
    assert r.returncode == 2 and len(error_lines(r.stderr, tmp_path / "x.txt")) == 1


@fifo_only
@pytest.mark.parametrize("option", ["--rules", "lexicon"])
def test_fifo_as_rule_file_or_word_list_is_refused(tmp_path, option):
    os.mkfifo(tmp_path / "x.yaml")
    if option == "--rules":
        r = govlint("check", "--rules", tmp_path / "x.yaml", SIMPLIFIED_SEED, timeout=60)
    else:
        (tmp_path / ".govlint.yaml").write_text(f"lexicon-files: [{tmp_path / 'x.yaml'}]\n", encoding="utf-8")
        r = govlint("check", "--config", tmp_path / ".govlint.yaml", SIMPLIFIED_SEED, timeout=60)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "不是普通文件" in r.stderr


def test_device_is_refused():
    r = govlint("check", "/dev/null", timeout=60)
    assert r.returncode == 2 and "字符设备" in r.stderr


def test_closed_standard_input_is_a_clean_error():
    r = subprocess.run([sys.executable, "-m", "checker", "check", "-"], cwd=ROOT, env=env(), capture_output=True,
                       text=True, timeout=60, stdin=None, preexec_fn=lambda: os.close(0))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "标准输入已关闭" in r.stderr
