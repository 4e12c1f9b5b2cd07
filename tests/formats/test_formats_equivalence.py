"""The same report as .txt, .docx, .html (UTF-8 and GBK) and .pdf gives the same text, tables and findings;
so does a broken version; so do the five seeds converted to .docx and .html."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import convert_seeds
import report_fixture
from conftest import SEEDS

FORMATS = ["docx", "html", "gbk.html", "pdf"]


@pytest.fixture(scope="module")
def fixtures(tmp_path_factory) -> dict[str, dict[str, Path]]:
    out = tmp_path_factory.mktemp("formats")
    return {"complete": report_fixture.write_all(report_fixture.complete_report(), out, "complete"),
            "broken": report_fixture.write_all(report_fixture.broken_report(), out, "broken")}


def read(path: Path):
    from checker.read.formats import read_bytes

    return read_bytes(path.read_bytes(), str(path))


def findings(path: Path) -> Counter:
    from checker.engine.loader import builtin_rules
    from checker.engine.runner import check_path

    result = check_path(str(path), list(builtin_rules()))
    assert result.error is None, result.error
    return Counter((d.code, d.message) for d in result.diagnostics)


@pytest.mark.parametrize("report", ["complete", "broken"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_rendered_text_equals_the_text_version(fixtures, report, fmt):
    files = fixtures[report]
    source = read(files[fmt])
    assert source.format == fmt.split(".")[-1]
    assert source.text == files["txt"].read_text(encoding="utf-8")
    assert not source.notes


@pytest.mark.parametrize("fmt", FORMATS)
def test_tables_have_the_same_cells_and_spans_in_every_format(fixtures, fmt):
    expected = [t.rows for t in report_fixture.complete_report().blocks if isinstance(t, report_fixture.Table)]
    got = [[[(c.text, c.rowspan, c.colspan) for c in row] for row in t.rows] for t in read(fixtures["complete"][fmt]).tables]
    assert got == [[[(text, rs, cs) for text, rs, cs in row] for row in rows] for rows in expected]


@pytest.mark.parametrize("report", ["complete", "broken"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_same_findings_as_the_text_version(fixtures, report, fmt):
    assert findings(fixtures[report][fmt]) == findings(fixtures[report]["txt"])


def test_the_broken_report_has_findings_the_complete_one_does_not(fixtures):
    broken, complete = findings(fixtures["broken"]["txt"]), findings(fixtures["complete"]["txt"])
    codes = {code for code, _ in broken - complete}
    assert {"GL102", "GL110"} <= codes


@pytest.mark.parametrize("seed", sorted(p.name for p in SEEDS.glob("*.txt")))
def test_seeds_converted_to_docx_and_html_give_the_same_findings(tmp_path, seed):
    converted = convert_seeds.convert(SEEDS / seed, tmp_path)
    expected = findings(SEEDS / seed)
    assert expected, "every seed has findings; an empty comparison would prove nothing"
    for path in converted.values():
        assert findings(path) == expected, path.suffix
