"""Streamed output (checker/cli/streaming.py): a streamed format writes each file's part while later files
are still being checked, a file that may still get a cross-report finding waits for the end of the run,
and whatever the format or -j, the output is what rendering every result held in memory gives."""

from __future__ import annotations

import io
import os
import shutil
import sys

import pytest

import report_fixture as rf
from conftest import SEEDS, run_cli
from test_cross_report import YEARS, _reports

STREAMED = ["text", "concise", "json-lines", "github", "gitlab", "csv"]
WHOLE_RUN = ["json", "sarif", "junit"]
FILLERS = 18        # enough files that -j 2 fans out to a worker (checker.engine.parallel.MIN_FILES_PER_WORKER)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[str]:
    """One body's reports for three years, latest first, the 2023 one carrying in one application more
    than 2022 carried out: its finding comes from a file checked after it. Then seed reports."""
    folder = tmp_path_factory.mktemp("streamed")
    paths = []
    for n, (year, report) in enumerate(reversed(list(zip(YEARS, _reports(plant=2))))):
        p = folder / f"{n:02d}-{year}.txt"
        rf.write_txt(report, p)
        paths.append(str(p))
    seeds = sorted(SEEDS.glob("*.txt"))
    for n in range(FILLERS):
        p = folder / f"{n + 10:02d}-{seeds[n % len(seeds)].name}"
        shutil.copy(seeds[n % len(seeds)], p)
        paths.append(str(p))
    return paths


def _in_memory(paths: list[str], fmt: str) -> str:
    """Every result kept, the cross-file post-pass, one call of the reporter: the output before streaming."""
    from checker.engine.crossfile import cross_check
    from checker.engine.loader import builtin_rules
    from checker.engine.runner import check_path
    from checker.report import reporter

    rules = list(builtin_rules())
    results = [check_path(p, rules) for p in paths]
    cross_check(results, rules)
    out = io.StringIO()
    reporter(fmt).render(results, out, {"quiet": True, "format": fmt, "rules": rules, "width": 80, "color": False})
    return out.getvalue()


def _env() -> dict:
    env = {k: v for k, v in os.environ.items() if k != "FORCE_COLOR"}
    return {**env, "COLUMNS": "80", "NO_COLOR": "1"}


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("fmt", STREAMED + WHOLE_RUN)
def test_output_is_what_rendering_all_results_in_memory_gives(corpus, fmt, jobs):
    r = run_cli("check", "--isolated", "-q", "--exit-zero", "-j", jobs, "--format", fmt, *corpus, env=_env())
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout.decode("utf-8") == _in_memory(corpus, fmt)


def test_the_corpus_has_a_finding_from_a_later_file(corpus):
    """The first file gets GL231 from the third: the case where streaming must wait."""
    first = _in_memory(corpus, "concise").splitlines()
    assert any(line.startswith(corpus[0]) and " GL231 " in line for line in first)


def _output_when_last_is_read(paths: list[str], monkeypatch, *options) -> str:
    """Run the CLI in this process with -j 1 and return what it had written when the last file was read."""
    from checker.cli import main
    from checker.engine import parallel

    out = io.StringIO()
    seen = {}
    check_one = parallel.check_one

    def spy(path, rules, spec):
        if path == paths[-1]:
            seen["written"] = out.getvalue()
        return check_one(path, rules, spec)

    monkeypatch.setattr(parallel, "check_one", spy)
    monkeypatch.setattr(sys, "stdout", out)
    main.main(["check", "--isolated", "-q", "-j", "1", *options, *paths])
    assert out.getvalue().startswith(seen["written"])
    return seen["written"]


@pytest.mark.parametrize("fmt", STREAMED)
def test_a_streamed_format_writes_the_first_file_before_the_last_is_read(corpus, monkeypatch, fmt):
    seeds = corpus[3:]
    written = _output_when_last_is_read(seeds, monkeypatch, "--format", fmt, "--ignore", "GL231,GL232")
    assert _in_memory(seeds[:1], fmt) and written.startswith(_in_memory(seeds[:1], fmt).rstrip("\n]\r"))


def test_a_file_that_may_get_a_cross_report_finding_holds_back_the_output(corpus, monkeypatch):
    """The 2023 report's finding is known only once the 2022 report is checked: nothing is written before."""
    assert _output_when_last_is_read(corpus, monkeypatch, "--format", "concise") == ""


def test_files_before_the_first_that_may_get_a_cross_report_finding_are_written(corpus, monkeypatch):
    paths = corpus[5:] + corpus[:3]
    written = _output_when_last_is_read(paths, monkeypatch, "--format", "concise")
    assert written == _in_memory(corpus[5:], "concise")


@pytest.mark.parametrize("fmt", ["concise", "gitlab", "json", "sarif", "junit"])
def test_results_read_back_from_the_temporary_file_give_the_same_output(corpus, monkeypatch, fmt):
    """Every result goes to the spool file (as in a run of thousands of files), the first file's
    cross-report finding included."""
    from checker.cli import main, streaming

    monkeypatch.setattr(streaming, "HELD", 0)
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    main.main(["check", "--isolated", "-q", "--exit-zero", "-j", "1", "--format", fmt, *corpus])
    assert out.getvalue() == _in_memory(corpus, fmt)


def _facts_result(i: int):
    from checker.engine.runner import FileResult

    cells = {str(c): (float(i % 97 + c), 1000 + c, 1004 + c, f"第 {c} 列") for c in range(7)}
    facts = {"body": f"某市第{i % 50}区人民政府", "agency": f"某市 第{i % 50}区人民政府", "year": 2000 + i % 20,
             "carried_in": cells, "carried_out": dict(cells), "at": {o: (3, 4, "表三") for o in range(1000, 1020)}}
    return FileResult(f"reports/{i:06d}.txt", cross={"GL231": facts})


def test_a_file_with_cross_report_facts_costs_the_run_a_few_hundred_bytes():
    """What a waiting file keeps in memory is its index values (shared between files) and where the
    rest lies on disk, so memory stays flat however many reports a run holds (issue 18: 500 to 20,000)."""
    import tracemalloc

    from checker.cli.streaming import Ordered
    from checker.engine.loader import builtin_rules

    rules = [r for r in builtin_rules() if r.code == "GL231"]
    n = 3000
    names = [_facts_result(i).path for i in range(n)]
    run_ = Ordered(n, rules, emit=lambda r: None, names=names)
    tracemalloc.start()
    try:
        for i in range(500):
            run_.add(i, _facts_result(i), "error")
        small = tracemalloc.get_traced_memory()[0]
        for i in range(500, n):
            run_.add(i, _facts_result(i), "error")
        large = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        per_file = (large - small) / (n - 500)
        assert per_file < 300, per_file
        last = run_.cross[-1].of("GL231")
        assert last["carried_in"] == _facts_result(n - 1).cross["GL231"]["carried_in"]     # read back from disk
        assert run_.cross[50].of("GL231")["body"] is run_.cross[0].of("GL231")["body"]     # held once
    finally:
        tracemalloc.stop()
        run_.close()
