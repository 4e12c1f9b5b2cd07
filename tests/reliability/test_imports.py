"""A plain one-file run must not import the heavy modules it does not need (start-up budget, issue 7).

Asserted on ``sys.modules`` after a real run in a fresh interpreter, not with a timer: timings are
too noisy on a shared machine to assert, the import set is exact."""

from __future__ import annotations

import json
import subprocess
import sys

from reliability_helpers import SIMPLIFIED_SEED, env

# Each costs 10–480 ms to import (../shared/reference/library-performance.md §1, §5). yaml is here
# because built-in rules and templates come from the JSON cache; multiprocessing because one file
# never fans out; pyahocorasick (0.3 ms) is allowed: the spam lexicon may need it on every file.
HEAVY = ["rich", "jsonschema", "typer", "pydantic", "click", "opencc", "charset_normalizer", "docx", "pdfplumber",
         "pdfminer", "pypdf", "pypdfium2", "fitz", "pymupdf", "lxml", "bs4", "selectolax", "yaml",
         "fastjsonschema", "regex", "re2", "multiprocessing", "tomllib", "hypothesis"]

# Standard-library modules a plain run must not need: building a dataclass compiles generated source at
# import time and pulls in inspect (~0.4 ms a class, ~5 ms for the pair); govlint's value classes are
# plain classes with __slots__ (checker/model/record.py). hashlib costs ~5 ms to import; the built-in rule
# manifest is a CRC-32 (checker/engine/loader.py).
NOT_AT_START = ["dataclasses", "inspect", "hashlib"]

PROBE = """
import io, json, sys
from checker.cli.main import main
out = io.StringIO()
sys.stdout, real = out, sys.stdout
code = main(sys.argv[1:])
sys.stdout = real
print(json.dumps({"code": code, "out": out.getvalue(), "modules": sorted(sys.modules)}))
"""


def run_probe(cwd, *args) -> dict:
    """Run in ``cwd`` (outside any project, so no configuration file applies) with this checkout's code."""
    proc = subprocess.run([sys.executable, "-c", PROBE, *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, env=env(), timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.splitlines()[-1])


def loaded(modules: list[str], name: str) -> bool:
    return any(m == name or m.startswith(name + ".") for m in modules)


def test_plain_concise_run_imports_no_heavy_module(tmp_path):
    report = tmp_path / "报告.txt"
    report.write_bytes(SIMPLIFIED_SEED.read_bytes())
    res = run_probe(tmp_path, "check", report, "--format", "concise")
    assert res["code"] in (0, 1) and str(report) in res["out"]
    assert [m for m in HEAVY if loaded(res["modules"], m)] == []
    assert [m for m in NOT_AT_START if loaded(res["modules"], m)] == []


def test_probe_sees_lazily_imported_modules(tmp_path):
    """The probe must be able to fail: colour output does pull rich in."""
    report = tmp_path / "report.txt"
    report.write_bytes(SIMPLIFIED_SEED.read_bytes())
    res = run_probe(tmp_path, "check", report, "--format", "text", "--color")
    assert loaded(res["modules"], "rich")


def test_traditional_report_loads_converter_only_then(tmp_path):
    trad = tmp_path / "trad.txt"
    trad.write_text("一、總體情況\n本機關認真貫徹落實《條例》，積極推進政務公開工作。\n", encoding="utf-8")
    res = run_probe(tmp_path, "check", trad, "--format", "concise")
    assert loaded(res["modules"], "opencc")
