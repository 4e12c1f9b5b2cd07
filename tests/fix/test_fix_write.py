"""Writing fixes back: encoding, BOM, line endings and mode kept; nothing written without a change;
symlinks out of the checked tree and non-text formats refused."""

from __future__ import annotations

import os
import stat

import pytest

from checker.fix.write import FixWriteError, tree_roots, write_fixed
from checker.read.formats import read_bytes

TRAD = "某某縣人民政府2023年政府信息公開工作年度報告\n一、總體情況\n本縣堅持公開。\n"
SIMP = "某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本县坚持公开。\n"


def _fix_file(path, roots=None):
    from checker.engine.loader import builtin_rules
    from checker.fix.loop import fix_source

    source = read_bytes(path.read_bytes(), str(path))
    out = fix_source(source, list(builtin_rules()))
    return write_fixed(str(path), source, out.text, roots or tree_roots([str(path.parent)]))


@pytest.mark.parametrize("encoding,bom,newline", [
    ("utf-8", b"", "\n"), ("utf-8", b"\xef\xbb\xbf", "\r\n"), ("gb18030", b"", "\r\n"),
    ("utf-16-le", b"\xff\xfe", "\n"),
])
def test_encoding_bom_and_newlines_survive(tmp_path, encoding, bom, newline):
    p = tmp_path / "r.txt"
    p.write_bytes(bom + TRAD.replace("\n", newline).encode(encoding))
    assert _fix_file(p)
    data = p.read_bytes()
    assert data == bom + SIMP.replace("\n", newline).encode(encoding)


def test_mode_is_kept(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text(TRAD, encoding="utf-8")
    os.chmod(p, 0o640)
    assert _fix_file(p)
    assert stat.S_IMODE(p.stat().st_mode) == 0o640
    assert not [f for f in os.listdir(tmp_path) if f != "r.txt"]      # no temp file left


def test_nothing_written_when_nothing_changes(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text(SIMP, encoding="utf-8")
    before = p.stat()
    assert _fix_file(p) is False
    after = p.stat()
    assert (before.st_ino, before.st_mtime_ns) == (after.st_ino, after.st_mtime_ns)


def test_symlink_out_of_tree_is_refused(tmp_path):
    outside = tmp_path / "outside"
    tree = tmp_path / "tree"
    outside.mkdir()
    tree.mkdir()
    real = outside / "r.txt"
    real.write_text(TRAD, encoding="utf-8")
    link = tree / "r.txt"
    link.symlink_to(real)
    with pytest.raises(FixWriteError):
        _fix_file(link, tree_roots([str(tree)]))
    assert real.read_text(encoding="utf-8") == TRAD


def test_symlink_inside_tree_writes_the_target_and_keeps_the_link(tmp_path):
    real = tmp_path / "r.txt"
    real.write_text(TRAD, encoding="utf-8")
    link = tmp_path / "alias.txt"
    link.symlink_to(real)
    assert _fix_file(link, tree_roots([str(tmp_path)]))
    assert link.is_symlink() and real.read_text(encoding="utf-8") == SIMP


def test_unencodable_result_is_refused(tmp_path):
    p = tmp_path / "r.txt"
    p.write_bytes(TRAD.encode("big5"))
    source = read_bytes(p.read_bytes(), str(p))
    assert source.encoding == "big5"
    with pytest.raises(FixWriteError):
        write_fixed(str(p), source, SIMP, tree_roots([str(tmp_path)]))
    assert p.read_bytes() == TRAD.encode("big5")


def test_file_changed_since_reading_is_not_overwritten(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text(TRAD, encoding="utf-8")
    source = read_bytes(p.read_bytes(), str(p))
    p.write_text(TRAD + "新增一行。\n", encoding="utf-8")
    with pytest.raises(FixWriteError):
        write_fixed(str(p), source, SIMP, tree_roots([str(tmp_path)]))
