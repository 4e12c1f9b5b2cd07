"""The library interface (import govlint) and a corpus run on dask.bag, compared with the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

import govlint
from conftest import ROOT, SEEDS, run_cli

SEED_FILES = sorted(str(p) for p in SEEDS.glob("*.txt"))


def _cli_files(*paths: str) -> list[dict]:
    out = run_cli("check", *paths, "--isolated", "-j", "1", "--format", "json")
    assert out.returncode in (0, 1), out.stderr.decode()
    return json.loads(out.stdout)["files"]


def test_check_path_equals_the_cli_json():
    cli = _cli_files(*SEED_FILES)
    api = [govlint.check_path(p) for p in SEED_FILES]
    assert api == cli


def test_check_paths_keeps_order_and_reports_unreadable_files(tmp_path):
    missing = str(tmp_path / "missing.txt")
    got = list(govlint.check_paths([SEED_FILES[1], missing, SEED_FILES[0]], jobs=2))
    assert [r["path"] for r in got] == [SEED_FILES[1], missing, SEED_FILES[0]]
    assert got[1]["error"] and got[1]["diagnostics"] == []
    assert got[0] == govlint.check_path(SEED_FILES[1])


def test_check_text_with_select_and_plain_data():
    text = Path(SEED_FILES[4]).read_text(encoding="utf-8")
    result = govlint.check_text(text, path="004.txt", select=["GL222"])
    assert {d["code"] for d in result["diagnostics"]} == {"GL222"}
    assert json.loads(json.dumps(result)) == result            # plain data all the way down
    assert result["year"] == 2017 and result["template"]["id"] == "pre-2019"


def test_rules_lists_every_builtin_rule():
    listed = {r["code"] for r in govlint.rules()}
    out = run_cli("rules", "--format", "json")
    assert listed == {r["code"] for r in json.loads(out.stdout)}


def test_dask_bag_corpus_run_matches_the_cli(tmp_path):
    pytest.importorskip("dask.bag", reason="dask is in the test extras: pip install '.[test]'")
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        import dask_corpus
    finally:
        sys.path.pop(0)
    out = tmp_path / "out"
    counts = dask_corpus.run(dask_corpus.corpus(SEEDS), out, partitions=3, scheduler="processes")
    lines = [json.loads(line) for part in sorted(out.glob("part-*.jsonl"))
             for line in part.read_text(encoding="utf-8").splitlines()]
    by_path = {r["path"]: r for r in lines}
    cli = _cli_files(*SEED_FILES)
    assert [by_path[f["path"]] for f in cli] == cli
    expected = {}
    for f in cli:
        for d in f["diagnostics"]:
            expected[d["code"]] = expected.get(d["code"], 0) + 1
    assert dict(counts) == expected
