"""Output that cannot be written, and file names that are not UTF-8: one line and exit 2 (a reader
that left a pipe: quiet 141), never a traceback; machine formats stay valid UTF-8."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from reliability_helpers import ROOT, SIMPLIFIED_SEED, env, govlint

MACHINE = ["json", "json-lines", "sarif", "gitlab", "github", "junit", "html", "csv"]
HUMAN = ["text", "concise"]


def run(*args, stdout=subprocess.PIPE, preexec_fn=None):
    return subprocess.run([sys.executable, "-m", "checker", *map(str, args)], stdout=stdout, stderr=subprocess.PIPE,
                          cwd=ROOT, env=env(), timeout=120, preexec_fn=preexec_fn)


@pytest.fixture
def odd_name(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    name = os.fsencode(folder) + b"/r\xff\xfe.txt"
    with open(name, "wb") as fh:
        fh.write(SIMPLIFIED_SEED.read_bytes())
    return folder


@pytest.mark.parametrize("fmt", MACHINE + HUMAN)
@pytest.mark.parametrize("to_file", [False, True])
def test_non_utf8_file_name_in_every_format(odd_name, tmp_path, fmt, to_file):
    out = tmp_path / f"out.{fmt}"
    args = ["check", odd_name, "--format", fmt] + (["-o", out] if to_file else [])
    r = run(*args)
    assert r.returncode == 1 and b"Traceback" not in r.stderr, r.stderr.decode(errors="replace")
    data = out.read_bytes() if to_file else r.stdout
    if fmt in MACHINE:
        text = data.decode("utf-8")         # valid UTF-8, the odd bytes replaced
        assert "\ufffd" in text or "%FF%FE" in text
        if fmt == "json":
            assert json.loads(text)["files"][0]["path"].endswith("r\ufffd\ufffd.txt")
    else:
        assert b"r\xff\xfe.txt" in data     # people see the name's own bytes, as ls prints them


def test_stdout_closed():
    r = run("check", SIMPLIFIED_SEED, preexec_fn=lambda: os.close(1), stdout=None)
    assert r.returncode == 2 and b"Traceback" not in r.stderr
    assert len(r.stderr.decode().strip().splitlines()) == 1


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_stdout_on_a_full_disk(fmt):
    with open("/dev/full", "w") as full:
        r = run("check", SIMPLIFIED_SEED, "--format", fmt, stdout=full)
    assert r.returncode == 2 and b"Traceback" not in r.stderr
    assert "磁盘空间不足" in r.stderr.decode()


def test_output_file_in_a_missing_folder_or_onto_a_folder(tmp_path):
    for target, words in ((tmp_path / "missing" / "out.txt", "目录不存在"), (tmp_path, "是目录")):
        r = govlint("check", SIMPLIFIED_SEED, "-o", target)
        assert r.returncode == 2 and "Traceback" not in r.stderr
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and words in lines[0]


def test_reader_leaving_the_pipe_is_a_quiet_141(tmp_path):
    for i in range(40):
        (tmp_path / f"r{i}.txt").write_bytes(SIMPLIFIED_SEED.read_bytes())
    proc = subprocess.Popen([sys.executable, "-m", "checker", "check", str(tmp_path), "-j", "1", "--format", "json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env())
    proc.stdout.read(10)
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 141 and err == b""


def test_unexpected_exception_is_one_line_and_exit_2(monkeypatch, capsys):
    from checker.cli import check, main

    def boom(args):
        raise RuntimeError("坏了")

    monkeypatch.setattr(check, "run", boom)
    monkeypatch.delenv("GOVLINT_TRACEBACK", raising=False)
    parser = main.build_parser()
    monkeypatch.setattr(main, "build_parser", lambda: parser)
    parser._subparsers._group_actions[0].choices["check"].set_defaults(handler=boom)
    assert main.guarded(["check", str(SIMPLIFIED_SEED)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "内部错误" in err[0] and "RuntimeError" in err[0]


def test_non_utf8_file_name_in_an_excel_workbook(odd_name, tmp_path):
    import zipfile

    out = tmp_path / "out.xlsx"
    r = run("check", odd_name, "--format", "xlsx", "-o", out)
    assert r.returncode == 1 and b"Traceback" not in r.stderr and b"\xe5\x86\x85\xe9\x83\xa8" not in r.stderr
    with zipfile.ZipFile(out) as z:
        strings = z.read("xl/sharedStrings.xml").decode("utf-8") if "xl/sharedStrings.xml" in z.namelist() \
            else "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".xml"))
    assert "r\ufffd\ufffd.txt" in strings
