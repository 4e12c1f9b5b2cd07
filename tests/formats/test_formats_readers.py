"""Reader details: sniffing, Word merged cells and numbering, HTML body extraction and positions, PDF
geometry (page-split tables, page chrome, image-only pages)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from checker.read import InputError
from checker.read.formats import read_bytes, sniff
from conftest import check_bytes

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("data,suffix,expected", [
    (b"%PDF-1.7\n...", ".txt", "pdf"),
    (b"PK\x03\x04rest", ".pdf", "docx"),
    (b"\xef\xbb\xbf<!DOCTYPE html><html>", ".txt", "html"),
    ("<html>".encode("utf-16"), "", "html"),
    ("一、总体情况\n".encode(), ".html", "html"),       # not telling: the extension decides
    ("一、总体情况\n".encode(), ".txt", "text"),
    (b"<p>fragment</p>", ".md", "text"),
])
def test_content_decides_and_the_extension_is_only_a_hint(data, suffix, expected):
    assert sniff(data, suffix) == expected


def test_word_template_merged_cells_become_spans():
    s = read_bytes((DATA / "template-2021-blank.docx").read_bytes(), "t.docx")
    assert s.format == "docx" and len(s.tables) == 3
    t3 = s.tables[1]
    grid = t3.grid()
    assert (len(grid), len(grid[0])) == (28, 10)
    first = t3.rows[0][0]
    assert (first.rowspan, first.colspan) == (3, 3) and grid[2][2] is first
    results = next(c for row in t3.rows for c in row if c.text == "三、本年度办理结果")
    assert results.rowspan == 22
    assert s.text[results.start:results.end] == "三、本年度办理结果"
    assert dict((label, off) for off, label in s.anchors)["表 2 第 6 行第 1 列"] == results.start


def test_word_automatic_numbering_is_part_of_the_text(tmp_path):
    import docx

    d = docx.Document()
    for text in ("总体情况", "主动公开政府信息情况"):
        d.add_paragraph(text, style="List Number")
    d.save(tmp_path / "n.docx")
    s = read_bytes((tmp_path / "n.docx").read_bytes(), "n.docx")
    assert s.text.splitlines() == ["1.总体情况", "2.主动公开政府信息情况"]


PAGE = """<html><head><meta charset="gbk"><script>var x = "脚本";</script><style>p{}</style></head>
<body><div class="navbar">首页 政务公开</div>
<table><tr><td class="left"><p>某某区人民政府2023年政府信息公开工作年度报告</p>
<p style="display:none">隐藏的文字</p>
<table><tr><td rowspan="2">信息内容</td><td>本年</td></tr><tr><td>5</td></tr></table>
</td></tr></table>
<div class="footer">版权所有</div></body></html>"""


def test_html_body_without_chrome_layout_table_as_blocks_hidden_text_kept():
    s = read_bytes(PAGE.encode("gbk"), "p.html")
    assert s.text.splitlines() == ["某某区人民政府2023年政府信息公开工作年度报告", "隐藏的文字", "信息内容 | 本年", "5"]
    assert [[(c.text, c.rowspan) for c in row] for row in s.tables[0].rows] == [[("信息内容", 2), ("本年", 1)], [("5", 1)]]
    assert s.encoding == "gbk"


def test_html_positions_point_into_the_source():
    s = read_bytes(PAGE.encode("gbk"), "p.html")
    src = PAGE.splitlines()
    for offset, label in s.anchors[:2]:
        line, col = (int(x) for x in label.replace("源文件第 ", "").replace(" 列", "").split(" 行第 "))
        assert src[line - 1][col - 1:].startswith(s.text[offset:offset + 4])


def test_html_declared_utf8_but_saved_as_gbk_is_still_read():
    page = '<html><head><meta charset="utf-8"></head><body><p>一、总体情况</p></body></html>'
    assert read_bytes(page.encode("gbk"), "x.html").text == "一、总体情况\n"


def test_html_page_with_nothing_to_check_is_refused():
    with pytest.raises(InputError, match="没有可检查的正文"):
        read_bytes(b"<html><body><script>load()</script></body></html>", "x.html")


def _pdf(tmp_path: Path, build) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "t.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(build())
    return path.read_bytes()


def test_pdf_table_split_across_pages_is_joined_without_the_repeated_header(tmp_path):
    from reportlab.lib import colors
    from reportlab.platypus import Table, TableStyle

    def story():
        rows = [["项目", "数量"]] + [[f"第{i}项", str(i)] for i in range(1, 81)]
        t = Table(rows, repeatRows=1)
        t.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"),
                               ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
        return [t]

    s = read_bytes(_pdf(tmp_path, story), "t.pdf")
    assert len(s.tables) == 1 and not s.notes
    rows = [[c.text for c in row] for row in s.tables[0].rows]
    assert rows[0] == ["项目", "数量"] and rows[1:] == [[f"第{i}项", str(i)] for i in range(1, 81)]
    labels = [label for _, label in s.anchors]
    assert "第 2 页表格第 2 行第 1 列" in labels


def test_pdf_wrapped_lines_join_into_paragraphs_page_numbers_dropped(tmp_path):
    from checker.read.pdf import read
    import report_fixture

    path = report_fixture.write_pdf(report_fixture.complete_report(), tmp_path / "r.pdf", repeat=12)
    s = read(path.read_bytes(), str(path))
    lines = s.text.splitlines()
    assert not any(line.strip("- ").isdigit() for line in lines)
    body = "2023年，某某区人民政府认真贯彻落实《中华人民共和国政府信息公开条例》"
    assert sum(line.startswith(body) for line in lines) == 12
    pages = {label.split(" 页")[0] for _, label in s.anchors}
    assert len(pages) > 2


def test_pdf_image_only_page_is_reported(tmp_path):
    from PIL import Image
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    img = io.BytesIO()
    Image.new("RGB", (60, 40), "gray").save(img, "PNG")
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.setFont("STSong-Light", 12)
    c.drawString(72, 760, "某某区人民政府2023年政府信息公开工作年度报告")
    c.showPage()
    c.drawImage(ImageReader(io.BytesIO(img.getvalue())), 100, 500, 300, 200)
    c.save()
    diags = check_bytes(path.read_bytes(), "scan.pdf", select=["GL6"])
    assert [(d.code, d.location is None) for d in diags] == [("GL602", False)]
    assert "第 2 页没有文字层" in diags[0].message
