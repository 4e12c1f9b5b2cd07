"""The real blank Word template (merged cells as authors receive it) fills the same table model as
the text layouts: every cell of the three tables found, all empty."""

from __future__ import annotations

from pathlib import Path

from checker.model.document import Document
from checker.read.formats import read_bytes
from checker.tables.extract import document_tables
from conftest import check_bytes

DOCX = Path(__file__).resolve().parent.parent / "formats" / "data" / "template-2021-blank.docx"


def test_blank_word_template_maps_every_cell():
    src = read_bytes(DOCX.read_bytes(), DOCX.name)
    tables = document_tables(Document(src, template_override="2021"))
    assert sorted(tables) == ["t2", "t3", "t4"]
    for ft in tables.values():
        assert ft.origin == "docx" and not ft.normalised
        assert set(ft.cells) == set(ft.tdef.cells)
        assert not ft.has_numbers()
    assert [len(t.cells) for t in (tables["t2"], tables["t3"], tables["t4"])] == [10, 175, 15]


def test_blank_word_template_reports_three_empty_tables():
    diags = check_bytes(DOCX.read_bytes(), DOCX.name, select=["GL2"], template="2021")
    assert [d.code for d in diags] == ["GL203"] * 3
    assert all(d.location for d in diags)         # reader positions: table/row/column
