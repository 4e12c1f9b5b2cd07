"""Bad inputs (issue 8): each one gets a clear one-line message naming the file, the run exits 2,
and the good file checked in the same run is still reported."""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

from reliability_helpers import SIMPLIFIED_SEED, error_lines, govlint


def _empty(d: Path) -> Path:
    p = d / "empty.txt"
    p.write_bytes(b"")
    return p


def _binary(d: Path) -> Path:
    p = d / "program.txt"
    p.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 64)
    return p


def _nul(d: Path) -> Path:
    p = d / "nul.txt"
    p.write_bytes("一、总体情况\n本年度".encode() + b"\x00\x00" + "继续推进政务公开。\n".encode())
    return p


def _not_any_encoding(d: Path) -> Path:
    """0xFF never starts a character in UTF-8, GB18030 or Big5."""
    p = d / "garbage.txt"
    p.write_bytes("一、总体情况\n".encode() + b"\xff\xff\xfe abc \xff\n")
    return p


def _huge(d: Path) -> Path:
    p = d / "huge.txt"
    block = SIMPLIFIED_SEED.read_bytes() * 64
    with open(p, "wb") as fh:
        while fh.tell() < 100 * 1024 * 1024:
            fh.write(block)
    return p


def _docx_bomb(d: Path) -> Path:
    p = d / "bomb.docx"
    with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"<w:document>" + b" " * (300 * 1024 * 1024) + b"</w:document>")
    return p


def _docx_not_zip(d: Path) -> Path:
    p = d / "notzip.docx"
    p.write_text("这只是改了扩展名的文本，不是 Word 文档。", encoding="utf-8")
    return p


def _pdf_truncated(d: Path) -> Path:
    p = d / "cut.pdf"
    p.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa")
    return p


def _pdf_encrypted(d: Path) -> Path:
    pytest.importorskip("reportlab")
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    p = d / "locked.pdf"
    c = canvas.Canvas(str(p), encrypt=pdfencrypt.StandardEncryption("user", "owner"))
    c.drawString(72, 700, "2023 annual report")
    c.save()
    return p


def _html_deep(d: Path) -> Path:
    p = d / "deep.html"
    p.write_text("<html><body>" + "<div>" * 10_000 + "一、总体情况" + "</div>" * 10_000 + "</body></html>",
                 encoding="utf-8")
    return p


CASES = {       # name: (input maker, a word the message must contain to say what is wrong)
    "empty file": (_empty, "空"),
    "binary file": (_binary, "二进制"),
    "NUL bytes": (_nul, "NUL"),
    "invalid UTF-8, not GB18030 either": (_not_any_encoding, "编码"),
    "100 MB file": (_huge, "过大"),
    "docx zip bomb": (_docx_bomb, "压缩炸弹"),
    "docx that is not a zip": (_docx_not_zip, "zip"),
    "truncated PDF": (_pdf_truncated, "不完整"),
    "PDF needing a password": (_pdf_encrypted, "已加密"),
    "HTML nested 10,000 levels": (_html_deep, "嵌套"),
}


def _good(d: Path) -> Path:
    p = d / "good.txt"
    p.write_bytes(SIMPLIFIED_SEED.read_bytes())
    return p


def assert_refused_alone(proc, bad: Path, good: Path, word: str) -> None:
    assert proc.returncode == 2, proc.stderr
    lines = error_lines(proc.stderr, bad)
    assert len(lines) == 1, proc.stderr                    # one line, naming the file
    assert lines[0].startswith(f"govlint: {bad}: ") and word in lines[0], lines[0]
    assert "Traceback" not in proc.stderr
    assert f"{good}:" in proc.stdout                        # the other file was still checked
    assert "2 个文件" in proc.stdout


@pytest.mark.parametrize("make,word", CASES.values(), ids=CASES.keys())
def test_bad_input_is_refused_clearly_and_others_still_checked(tmp_path, make, word):
    bad, good = make(tmp_path), _good(tmp_path)
    proc = govlint("check", bad, good, "--format", "concise")
    assert_refused_alone(proc, bad, good, word)


def test_symlink_loop_is_reported_once_and_walk_continues(tmp_path):
    sub = tmp_path / "reports" / "sub"
    sub.mkdir(parents=True)
    good = sub / "good.txt"
    good.write_bytes(SIMPLIFIED_SEED.read_bytes())
    os.symlink("..", sub / "back")
    proc = govlint("check", tmp_path / "reports", "--format", "concise", timeout=60)
    assert proc.returncode == 2
    loop_lines = [line for line in proc.stderr.splitlines() if "循环" in line]
    assert len(loop_lines) == 1 and str(sub / "back") in loop_lines[0]
    assert f"{good}:" in proc.stdout and "1 个文件" in proc.stdout


def test_chinese_name_with_spaces_is_checked_and_named_exactly(tmp_path):
    report = tmp_path / "某某区 人民政府 2023年 年度报告.txt"
    report.write_bytes(SIMPLIFIED_SEED.read_bytes())
    proc = govlint("check", report, "--format", "concise")
    assert proc.returncode in (0, 1), proc.stderr
    assert proc.stderr == ""
    assert f"{report}:" in proc.stdout


def test_unreadable_file(tmp_path):
    """Permission denied. Root reads anything, so as root the check runs in a child that drops to nobody."""
    if os.geteuid() != 0:
        bad, good = tmp_path / "locked.txt", _good(tmp_path)
        bad.write_bytes(SIMPLIFIED_SEED.read_bytes())
        bad.chmod(0)
        assert_refused_alone(govlint("check", bad, good, "--format", "concise"), bad, good, "无法读取")
        return
    folder = Path(tempfile.mkdtemp(prefix="govlint-perm-", dir="/tmp"))
    try:
        folder.chmod(0o755)
        bad, good = folder / "locked.txt", _good(folder)
        good.chmod(0o644)
        bad.write_bytes(SIMPLIFIED_SEED.read_bytes())
        bad.chmod(0)
        code, out, err = _run_as_nobody(["check", str(bad), str(good), "--format", "concise", "-j", "1"], good)
        assert code == 2, err
        lines = error_lines(err, bad)
        assert len(lines) == 1 and lines[0].startswith(f"govlint: {bad}: 无法读取"), err
        assert f"{good}:" in out and "2 个文件" in out
    finally:
        shutil.rmtree(folder)


def _run_as_nobody(argv: list[str], warm: Path) -> tuple[int, str, str]:
    """Fork, drop to uid nobody, run the CLI in-process (everything it needs imported beforehand)."""
    from checker.cli.main import main

    import io
    sys_out, sys_err = sys.stdout, sys.stderr
    warm_out = io.StringIO()
    sys.stdout = warm_out
    try:
        main(["check", str(warm), "--format", "concise", "-j", "1"])   # imports every module the run needs
    finally:
        sys.stdout = sys_out
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    pid = os.fork()
    if pid == 0:                                             # child
        try:
            os.setgid(65534)
            os.setuid(65534)
            os.dup2(out_w, 1)
            os.dup2(err_w, 2)
            sys.stdout = io.TextIOWrapper(os.fdopen(1, "wb", closefd=False), encoding="utf-8")
            sys.stderr = io.TextIOWrapper(os.fdopen(2, "wb", closefd=False), encoding="utf-8")
            code = main(argv)
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:                                # noqa: BLE001 — report through the exit code
            code = 99
        os._exit(code)
    os.close(out_w)
    os.close(err_w)
    with os.fdopen(out_r, encoding="utf-8") as o, os.fdopen(err_r, encoding="utf-8") as e:
        out, err = o.read(), e.read()
    _, status = os.waitpid(pid, 0)
    sys.stdout, sys.stderr = sys_out, sys_err
    return os.waitstatus_to_exitcode(status), out, err
