"""PDFium and pdfplumber read a PDF alike: the same text, positions, tables and notes whichever engine read
a page. Pages PDFium measures with a substitute font (fonts not embedded) go to pdfplumber, so the result
does not depend on the fonts a machine has.

The fast path needs fonts embedded, as Word and WPS print reports: the generated reports here embed
reportlab's Vera (Latin only, so their words are English; the structure — wrapped paragraphs, page
numbers, ruled tables with merged cells continued over a page break — is what is compared). The real
Chinese reports of the shared corpus (GOVLINT_CORPUS) are compared too when it is present."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

pytest.importorskip("reportlab")

ROOT = Path(__file__).resolve().parents[2]


def _source(data: bytes, pdfium: bool) -> dict:
    from checker.read.pdf import read

    s = read(data, "r.pdf", pdfium=pdfium)
    return {"text": s.text, "anchors": s.anchors, "notes": [(n.start, n.end, n.kind, n.detail) for n in s.notes],
            "tables": [[[(c.text, c.start, c.end, c.rowspan, c.colspan) for c in row] for row in t.rows]
                       for t in s.tables], "continued": [t.continued for t in s.tables]}


def _fast_pages(data: bytes) -> list[bool]:
    from checker.read import pdf_pdfium

    doc = pdf_pdfium.open_document(data)
    try:
        return [pdf_pdfium.page(doc, i) is not None for i in range(len(doc))]
    finally:
        doc.close()


def _vera():
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("Vera", os.path.join(os.path.dirname(reportlab.__file__), "fonts", "Vera.ttf")))
    return "Vera"


def _page_number(canvas, doc) -> None:
    canvas.saveState()
    canvas.setFont("Vera", 9)
    canvas.drawCentredString(297, 30, f"- {doc.page} -")
    canvas.restoreState()


def _report(path: Path, rows: int, white_boxes: bool = False) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    font = _vera()
    body = ParagraphStyle("body", fontName=font, fontSize=11, leading=16, firstLineIndent=22)
    head = ParagraphStyle("head", parent=body, firstLineIndent=0)
    story = [Paragraph("Annual report on government information disclosure", head)]
    for i in range(1, 5):
        story.append(Paragraph(f"{i}. Section heading", head))
        story.append(Paragraph("The office kept publishing its rules, budgets and decisions on the portal, "
                               "answered requests within the statutory period and reviewed every refusal. " * 3,
                               body))
    data = [["Item", "Received", "Answered", "Total"], ["Group A", "", "", ""]]
    data += [[f"Row {i}", str(i), str(2 * i), str(3 * i)] for i in range(1, rows + 1)]
    style = [("FONTNAME", (0, 0), (-1, -1), font), ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
             ("SPAN", (1, 1), (3, 1))]
    if white_boxes:         # WPS boxes body lines in white rectangles: layout, not rulings
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.white))
    story += [Table(data, repeatRows=1, style=TableStyle(style)), Spacer(1, 8),
              Paragraph("5. Closing remarks follow the table and end the report.", head)]
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=72, rightMargin=72, topMargin=72,
                      bottomMargin=72).build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return path.read_bytes()


@pytest.mark.parametrize("rows,white_boxes", [(12, False), (60, False), (60, True), (120, False)])
def test_embedded_fonts_take_the_fast_path_and_read_as_pdfplumber_reads_them(tmp_path, rows, white_boxes):
    data = _report(tmp_path / "r.pdf", rows, white_boxes)
    assert all(_fast_pages(data))
    fast = _source(data, pdfium=True)
    assert fast == _source(data, pdfium=False)
    assert fast["tables"] and "Closing remarks" in fast["text"]
    assert not any(line.strip("- ").isdigit() for line in fast["text"].splitlines())


def test_fonts_not_embedded_go_to_pdfplumber_page_by_page(tmp_path):
    import pypdfium2

    import report_fixture

    cjk = report_fixture.write_pdf(report_fixture.complete_report(), tmp_path / "cjk.pdf")
    latin = tmp_path / "latin.pdf"
    _report(latin, 12)
    mixed = pypdfium2.PdfDocument.new()
    for src in (latin, cjk):
        mixed.import_pages(pypdfium2.PdfDocument(src))
    mixed.save(tmp_path / "mixed.pdf")
    data = (tmp_path / "mixed.pdf").read_bytes()
    routes = _fast_pages(data)
    n_latin = len(pypdfium2.PdfDocument(latin))
    assert routes == [True] * n_latin + [False] * (len(routes) - n_latin)
    assert _source(data, pdfium=True) == _source(data, pdfium=False)


def _corpus_pdfs() -> list[Path]:
    spec = importlib.util.spec_from_file_location("govlint_bench_accuracy", ROOT / "bench" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return sorted((module.default_corpus() / "full").glob("*.pdf"))


@pytest.mark.parametrize("path", _corpus_pdfs() or [None], ids=lambda p: p.name if p else "no-corpus")
def test_real_reports_read_alike_with_either_engine(path):
    if path is None:
        pytest.skip("shared corpus not found; set GOVLINT_CORPUS")
    data = path.read_bytes()
    assert all(_fast_pages(data))
    assert _source(data, pdfium=True) == _source(data, pdfium=False)


def _geometry(data: bytes) -> list[tuple[list, list]]:
    """Each page's lines (text, box, size) and tables (box, cell boxes, texts) from both engines."""
    import io

    import pdfplumber

    from checker.read import pdf, pdf_pdfium

    def lines(page) -> list:
        return [(ln["text"], *(ln[k] for k in ("x0", "x1", "top", "bottom")), max(c["size"] for c in ln["chars"]))
                for ln in page.lines(lambda c: True)]

    def tables(page) -> list:
        return [(tuple(t.bbox), [[c and tuple(c) for c in r.cells] for r in t.rows], page.cells(t))
                for t in page.tables()]

    doc = pdf_pdfium.open_document(data)
    out = []
    with pdfplumber.open(io.BytesIO(data)) as plumber:
        for i, p in enumerate(plumber.pages):
            fast, slow = pdf._Fast(pdf_pdfium.page(doc, i)), pdf._Plumber(p)
            out.append(((lines(fast), tables(fast)), (lines(slow), tables(slow))))
    doc.close()
    return out


def _alike(a, b, tol: float = 0.05) -> bool:
    """Equal structure and text; coordinates within ``tol`` pt (PDFium computes in single precision)."""
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, (int, float)) and isinstance(b, (int, float)) and abs(a - b) <= tol
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(_alike(x, y, tol) for x, y in zip(a, b))
    return a == b


@pytest.mark.parametrize("rows", [12, 60])
def test_lines_and_tables_have_the_same_geometry(tmp_path, rows):
    """PDFium advances reportlab's subset of Vera by the font program's widths, not the PDF's /Widths
    (pdfminer's): a line's right end may differ by a fraction of a point (0.55 on the longest line), so
    x1 is compared within 1 pt and everything else within 0.05."""
    for (fast_lines, fast_tables), (slow_lines, slow_tables) in _geometry(_report(tmp_path / "r.pdf", rows)):
        assert _alike(fast_tables, slow_tables), (fast_tables, slow_tables)
        assert len(fast_lines) == len(slow_lines)
        for (text, x0, x1, *rest), (text2, x0b, x1b, *rest2) in zip(fast_lines, slow_lines):
            assert text == text2 and _alike([x0, *rest], [x0b, *rest2]) and abs(x1 - x1b) <= 1.0, (text, x1, x1b)


@pytest.mark.parametrize("path", _corpus_pdfs() or [None], ids=lambda p: p.name if p else "no-corpus")
def test_real_reports_have_the_same_geometry(path):
    if path is None:
        pytest.skip("shared corpus not found; set GOVLINT_CORPUS")
    for fast, slow in _geometry(path.read_bytes()):
        assert _alike(fast, slow), (fast, slow)
