"""``govlint check -j N``: same output whatever N, in the order files were given; one file's internal
error does not stop the run."""

from __future__ import annotations

import os
import types

from reliability_helpers import SEEDS, govlint

from checker.engine import parallel
from checker.engine.loader import builtin_rules
from checker.engine.parallel import RunSpec, check_many, workers_for


def _tree(tmp_path, copies: int = 6):
    out = []
    for i in range(copies):
        for seed in sorted(SEEDS.glob("*.txt")):
            p = tmp_path / f"{i:02d}-{seed.name}"
            p.write_bytes(seed.read_bytes())
            out.append(p)
    return out


def _without_time(text: str) -> str:
    return "\n".join(line.rsplit("，用时", 1)[0] for line in text.splitlines())


def test_output_is_identical_for_any_job_count(tmp_path):
    _tree(tmp_path)
    runs = [govlint("check", tmp_path, "--format", "json", "-j", str(j)) for j in (1, 2, 3)]
    assert {r.returncode for r in runs} == {1}
    # json carries no timing; concise/text output end with the elapsed time, compared without it below
    assert runs[0].stdout == runs[1].stdout == runs[2].stdout
    concise = [_without_time(govlint("check", tmp_path, "--format", "concise", "-j", str(j)).stdout) for j in (1, 2)]
    assert concise[0] == concise[1] and "30 个文件" in concise[0]


def test_results_follow_the_given_order(tmp_path):
    files = [str(p) for p in _tree(tmp_path, copies=4)][::-1]     # not sorted: order is the caller's
    rules = list(builtin_rules())
    got = [r.path for r in check_many(files, rules, RunSpec(), jobs=2)]
    assert got == files


def test_one_file_failing_inside_a_rule_does_not_stop_the_others(tmp_path):
    files = [str(p) for p in _tree(tmp_path, copies=2)]
    boom = types.SimpleNamespace(check=lambda doc, rule: (_ for _ in ()).throw(ValueError("坏规则")))
    rules = list(builtin_rules())
    broken = rules[0].replace(_module=boom, code="ZZ999", generations=())
    results = list(check_many(files, [broken], RunSpec(), jobs=1))
    assert len(results) == len(files)
    assert all(r.error and "内部错误" in r.error and "ValueError" in r.error for r in results)


def test_small_runs_stay_in_one_process():
    assert workers_for(1, 8) == 1
    assert workers_for(parallel.MIN_FILES_PER_WORKER * 2 - 1, 2) == 1
    assert workers_for(1000, 2) == 2
    assert workers_for(1000, 1) == 1


def test_invalid_job_count_is_a_usage_error(tmp_path):
    proc = govlint("check", tmp_path, "-j", "0")
    assert proc.returncode == 2 and "-j" in proc.stderr


def test_files_of_a_worker_that_dies_are_checked_by_the_parent(tmp_path):
    files = [str(p) for p in _tree(tmp_path, copies=4)]
    parent = os.getpid()

    def check(doc, rule):
        if os.getpid() != parent:
            os._exit(3)             # the worker process dies in its first file
        return iter(())

    rules = list(builtin_rules())
    killer = rules[0].replace(_module=types.SimpleNamespace(check=check), code="ZZ998", generations=())
    expected = [r.diagnostics for r in check_many(files, rules, RunSpec(), jobs=1)]
    results = list(check_many(files, [*rules, killer], RunSpec(), jobs=2))
    assert [r.path for r in results] == files and not any(r.error for r in results)
    assert [r.diagnostics for r in results] == expected
