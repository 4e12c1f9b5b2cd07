"""Format handling seen from the command line: bad inputs of every format give one clear line naming the
file and exit code 2 while the other files are still checked; directories pick up every format; the
reporters show docx/html/pdf positions; --fix refuses formats it cannot rewrite."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

import report_fixture
from conftest import SEEDS, run_cli

GOOD = SEEDS / "003_2a443156898f67a2.txt"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _bomb(path: Path) -> Path:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\0" * (40 * 1024 * 1024))
    path.write_bytes(buf.getvalue())
    return path


def _truncated_pdf(path: Path, tmp: Path) -> Path:
    full = report_fixture.write_pdf(report_fixture.complete_report(), tmp / "full.pdf").read_bytes()
    path.write_bytes(full[: len(full) // 2])
    return path


BAD = {
    "not-a-zip.docx": (lambda p, t: _write(p, "这只是改了扩展名的文本。\n".encode()), "不是有效的 Word 文档"),
    "bomb.docx": (lambda p, t: _bomb(p), "压缩炸弹"),
    "sheet.docx": (lambda p, t: _zip(p, {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>"}),
                   "Excel"),
    "truncated.pdf": (_truncated_pdf, "PDF 文件不完整"),
    "deep.html": (lambda p, t: _write(p, ("<html><body>" + "<div>" * 10_000 + "一、总体情况" + "</div>" * 10_000
                                          + "</body></html>").encode()), "嵌套层级过深"),
    "old.doc": (lambda p, t: _write(p, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600), "旧版 Office"),
    "scan.pdf": (lambda p, t: _image_only_pdf(p), "没有文字层"),
}


def _zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _image_only_pdf(path: Path) -> Path:
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = io.BytesIO()
    Image.new("RGB", (60, 40), "gray").save(img, "PNG")
    c = canvas.Canvas(str(path))
    c.drawImage(ImageReader(io.BytesIO(img.getvalue())), 100, 500, 300, 200)
    c.save()
    return path


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_one_clear_line_exit_2_and_other_files_are_still_checked(tmp_path, name):
    make, words = BAD[name]
    bad = make(tmp_path / name, tmp_path)
    r = run_cli("check", str(bad), str(GOOD), "--format", "json")
    assert r.returncode == 2
    lines = r.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and str(bad) in lines[0] and words in lines[0], lines
    files = {f["path"]: f for f in json.loads(r.stdout)["files"]}
    assert files[str(bad)]["error"] and not files[str(bad)]["diagnostics"]
    assert files[str(GOOD)]["error"] is None and files[str(GOOD)]["diagnostics"]


def test_directory_picks_up_every_format_and_reports_positions(tmp_path):
    report_fixture.write_all(report_fixture.broken_report(), tmp_path, "r")
    (tmp_path / "notes.xlsx").write_bytes(b"PK")          # not a supported suffix: not picked up
    r = run_cli("check", str(tmp_path), "--format", "json")
    files = json.loads(r.stdout)["files"]
    assert sorted((Path(f["path"]).name, f["format"]) for f in files) == [
        ("r.docx", "docx"), ("r.gbk.html", "html"), ("r.html", "html"), ("r.pdf", "pdf"), ("r.txt", "text")]
    context = {f["format"]: [d["location"].get("context") for d in f["diagnostics"] if d["code"] == "GL102"][0]
               for f in files}
    assert context["text"] is None
    assert context["docx"].startswith("段落 ")
    assert context["pdf"].startswith("第 3 页第 ")
    assert context["html"].startswith("源文件第 ")


def test_text_reporter_shows_the_position_in_the_original_document(tmp_path):
    path = report_fixture.write_docx(report_fixture.broken_report(), tmp_path / "r.docx")
    out = run_cli("check", str(path), "--no-color").stdout.decode()
    line = next(x for x in out.splitlines() if "GL102" in x)
    assert "（段落 " in line


def test_fix_refuses_formats_it_cannot_rewrite(tmp_path):
    report = report_fixture.complete_report()
    report.blocks[report.blocks.index("一、总体情况")] = "一 总体情况"     # GL108, a safe fix
    paths = [report_fixture.write_docx(report, tmp_path / "r.docx"), report_fixture.write_html(report, tmp_path / "r.html"),
             report_fixture.write_pdf(report, tmp_path / "r.pdf")]
    before = {p: p.read_bytes() for p in paths}
    r = run_cli("check", "--fix", *map(str, paths))
    assert r.returncode == 2
    err = r.stderr.decode()
    for p in paths:
        assert p.read_bytes() == before[p]
        assert any(str(p) in line and "无法自动修复" in line for line in err.splitlines()), err
