"""--fix respects what a file is: read-only files refused, owner/group/mode and hard links kept, a
symlink alias fixed once, and a write failure (full disk, read-only folder) reported for that file
while the other files are still fixed."""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys

import pytest
from reliability_helpers import ROOT, env

from checker.fix import write as writer

TRAD = "某某縣人民政府2023年政府信息公開工作年度報告\n一、總體情況\n本縣堅持公開。\n"
SIMP = "某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本县坚持公开。\n"


def fix(*paths, preexec_fn=None):
    return subprocess.run([sys.executable, "-m", "checker", "check", "--isolated", "-j", "1", "--fix",
                           "--format", "json", *map(str, paths)], capture_output=True, text=True, cwd=ROOT,
                          env=env(), timeout=120, preexec_fn=preexec_fn)


def _file(folder, name="r.txt", text=TRAD):
    p = folder / name
    p.write_text(text, encoding="utf-8")
    return p


def test_read_only_file_is_refused_and_left_alone(tmp_path):
    ro, rw = _file(tmp_path, "ro.txt"), _file(tmp_path, "rw.txt")
    os.chmod(ro, 0o444)
    r = fix(tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert [line for line in r.stderr.splitlines() if "ro.txt" in line and "只读" in line]
    assert ro.read_text(encoding="utf-8") == TRAD and stat.S_IMODE(ro.stat().st_mode) == 0o444
    assert rw.read_text(encoding="utf-8") == SIMP


def test_hard_links_are_kept(tmp_path):
    p = _file(tmp_path)
    other = tmp_path.parent / f"{tmp_path.name}-link.txt"       # outside the checked folder
    os.link(p, other)
    try:
        fix(tmp_path)
        assert p.read_text(encoding="utf-8") == SIMP
        assert os.path.samefile(p, other) and p.stat().st_nlink == 2
        assert not [f for f in os.listdir(tmp_path) if f != "r.txt"]      # the temporary file is gone
    finally:
        other.unlink()


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_owner_group_and_mode_are_kept(tmp_path):
    p = _file(tmp_path)
    os.chown(p, 12345, 23456)
    os.chmod(p, 0o664)
    fix(tmp_path)
    st = p.stat()
    assert p.read_text(encoding="utf-8") == SIMP
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (12345, 23456, 0o664)


def test_owner_this_user_cannot_give_is_kept_by_writing_in_place(tmp_path, monkeypatch):
    p = _file(tmp_path)
    ino = p.stat().st_ino
    monkeypatch.setattr(writer, "_same_owner", lambda tmp, st: False)
    source = _read(p)
    assert writer.write_fixed(str(p), source, SIMP, writer.tree_roots([str(tmp_path)]))
    assert p.stat().st_ino == ino and p.read_text(encoding="utf-8") == SIMP


def _read(p):
    from checker.read.formats import read_bytes

    return read_bytes(p.read_bytes(), str(p))


def test_symlink_alias_inside_the_tree_is_fixed_once(tmp_path):
    real = _file(tmp_path, "real.txt")
    (tmp_path / "alias.txt").symlink_to(real)
    r = fix(tmp_path)
    assert "其他程序修改" not in r.stderr and r.returncode != 2, r.stderr
    assert real.read_text(encoding="utf-8") == SIMP
    assert "写入 1 个文件" in r.stderr
    paths = [f["path"] for f in json.loads(r.stdout)["files"]]
    assert sorted(os.path.basename(p) for p in paths) == ["alias.txt", "real.txt"]


@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EACCES, errno.EROFS])
def test_write_failure_is_reported_and_the_other_files_are_fixed(tmp_path, monkeypatch, err):
    from checker.cli.main import main

    bad, good = _file(tmp_path, "a-bad.txt"), _file(tmp_path, "b-good.txt")
    real_mkstemp = writer.tempfile.mkstemp

    def mkstemp(prefix="", suffix="", dir=None):
        if "a-bad" in prefix:
            raise OSError(err, os.strerror(err))
        return real_mkstemp(prefix=prefix, suffix=suffix, dir=dir)

    monkeypatch.setattr(writer.tempfile, "mkstemp", mkstemp)
    code = main(["check", "--isolated", "-j", "1", "--fix", "--format", "concise", str(tmp_path)])
    assert code == 2
    assert bad.read_text(encoding="utf-8") == TRAD and good.read_text(encoding="utf-8") == SIMP


def test_disk_full_in_the_middle_of_an_in_place_copy_restores_the_original(tmp_path, monkeypatch):
    p = _file(tmp_path)
    os.link(p, tmp_path / "second-name")
    calls = []
    real_write = os.write

    def write(fd, data):
        calls.append(len(data))
        if len(calls) == 1:                 # the copy into the file, half-way
            real_write(fd, bytes(data)[:5])
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(writer.os, "write", write)
    data = SIMP.encode()
    with pytest.raises(OSError):
        writer.replace_atomically(str(p), data, None, TRAD.encode())
    monkeypatch.undo()
    assert p.read_text(encoding="utf-8") == TRAD
