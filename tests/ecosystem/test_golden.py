"""Every output format on the five seeds, compared with the stored output in golden/.

Rules are still being added, so the findings change: regenerate with
    GOVLINT_UPDATE_GOLDEN=1 python -m pytest tests/ecosystem/test_golden.py
and review the diff of tests/ecosystem/golden/ before committing it."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from checker.report import FORMATS
from eco_helpers import govlint

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("GOVLINT_UPDATE_GOLDEN") == "1"
SUFFIX = {"json": ".json", "json-lines": ".jsonl", "sarif": ".sarif", "gitlab": ".json", "junit": ".xml",
          "statistics-json": ".json"}
BINARY = {"xlsx"}      # a workbook written with -o; tests/report/test_batch_formats.py reads it back
SUFFIX.update({"html": ".html", "csv": ".csv"})
CASES = [(f, ["--format", f]) for f in sorted(set(FORMATS) - {"full"} - BINARY)] + [
    ("statistics", ["--statistics"]), ("statistics-json", ["--statistics", "--format", "json"])]


def _stable(text: str) -> str:
    """The summary line's timing and the html page's date are the parts of the output that differ from run
    to run."""
    text = re.sub(r"用时 \d+\.\d+s", "用时 <elapsed>", text)
    return re.sub(r"生成于 \d{4}-\d\d-\d\d \d\d:\d\d", "生成于 <time>", text)     # --format html


@pytest.mark.parametrize("name,args", CASES, ids=[c[0] for c in CASES])
def test_format_matches_golden(name, args):
    # --isolated: a configuration file above the checkout must not change the goldens; -j 1: one process.
    proc = govlint("check", "seeds", "--isolated", "--no-color", "-j", "1", *args, NO_COLOR="1", COLUMNS="80")
    assert proc.returncode in (0, 1), proc.stderr.decode()
    out = _stable(proc.stdout.decode("utf-8"))
    golden = GOLDEN / f"seeds.{name}{SUFFIX.get(name, '.txt')}"
    if UPDATE or not golden.exists():
        golden.write_text(out, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{golden.name} did not exist; written now — review it and run again")
    assert out == golden.read_bytes().decode("utf-8"), (   # bytes: csv lines end in CRLF
        f"output of --format {name} differs from {golden.name}; if the change is intended, regenerate with "
        "GOVLINT_UPDATE_GOLDEN=1")


def test_every_format_has_a_golden_case():
    assert set(FORMATS) - {"full"} - BINARY <= {c[0] for c in CASES}
