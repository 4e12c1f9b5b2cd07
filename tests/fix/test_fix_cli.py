"""``govlint check --fix/--diff`` end to end, including a process killed in the middle of a write."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
TRAD = "某某縣人民政府2023年政府信息公開工作年度報告\n一、總體情況\n本縣堅持公開。\n"


def govlint(*args, env=None, **kw):
    e = dict(os.environ, PYTHONPATH=str(ROOT), **(env or {}))
    e.pop("NO_COLOR", None)
    return subprocess.run([sys.executable, "-m", "checker", "check", "--isolated", "-j", "1", *map(str, args)],
                          capture_output=True, cwd=ROOT, env=e, **kw)


@pytest.fixture
def seed_copies(tmp_path):
    for p in SEEDS.glob("*.txt"):
        shutil.copy(p, tmp_path / p.name)
    return tmp_path


def _fixable_safe(proc) -> list:
    import json

    data = json.loads(proc.stdout)
    return [(f["path"], d["code"]) for f in data["files"] for d in f["diagnostics"]
            if d["fix"] and d["fix"]["applicability"] == "safe"]


def test_fix_on_seed_copies_then_nothing_fixable_remains(seed_copies):
    before = {p.name: p.read_bytes() for p in seed_copies.iterdir()}
    first = govlint(seed_copies, "--fix", "--format", "json")
    assert first.returncode in (0, 1), first.stderr.decode()
    second = govlint(seed_copies, "--format", "json")
    assert _fixable_safe(second) == []
    fixed000 = next(seed_copies.glob("000_*.txt")).read_text(encoding="utf-8")
    from checker.normalise.pinyin import annotations
    from checker.normalise.script import count_traditional

    assert count_traditional(fixed000) == 0 and not any(annotations(fixed000))
    assert "（一）主动公开情况。" in fixed000 and "（四）信息公开平台建设情况。" in fixed000
    fixed004 = next(seed_copies.glob("004_*.txt")).read_text(encoding="utf-8")
    for tw in ("入口网站", "套用", "最佳化", "网路", "萤幕", "选单", "图示", "软硬体"):
        assert tw not in fixed004
    assert "门户网站" in fixed004 and "新媒体应用" in fixed004
    # seed 001 has nothing but half-width punctuation to fix: only those marks change, one for one
    typo = next(seed_copies.glob("001_*.txt"))
    old, new = before[typo.name].decode("utf-8"), typo.read_text(encoding="utf-8")
    assert len(old) == len(new) and old != new
    assert {(a, b) for a, b in zip(old, new) if a != b} <= set(zip(",.:;?!()", "，。：；？！（）"))
    after_first = {p.name: p.read_bytes() for p in seed_copies.iterdir()}
    third = govlint(seed_copies, "--fix")                     # idempotent: nothing more to write
    assert {p.name: p.read_bytes() for p in seed_copies.iterdir()} == after_first
    assert "写入 0 个文件" in third.stderr.decode()


def test_check_without_fix_never_writes(seed_copies):
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in seed_copies.iterdir()}
    govlint(seed_copies)
    assert {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in seed_copies.iterdir()} == before


def test_diff_prints_and_writes_nothing(tmp_path):
    p = tmp_path / "r.txt"
    p.write_text(TRAD, encoding="utf-8")
    proc = govlint(p, "--diff")
    out = proc.stdout.decode()
    assert proc.returncode == 1
    assert "-本縣堅持公開。" in out and "+本县坚持公开。" in out and out.startswith("---")
    assert p.read_text(encoding="utf-8") == TRAD
    coloured = govlint(p, "--diff", "--color").stdout.decode()
    assert "\x1b[" in coloured


def test_unsafe_fixes_need_the_flag(tmp_path):
    p = tmp_path / "r.txt"
    text = "abc888亚洲官网 2023年政府信息公开工作年度报告\n一、总体情况\n加强abc888亚洲官网 门户网站建设。\n"
    p.write_text(text, encoding="utf-8")
    govlint(p, "--fix", "--agency", "某某县人民政府")
    # the safe fixes only take the space between name and year out (GL708); the name stays
    assert p.read_text(encoding="utf-8") == text.replace("官网 2023", "官网2023")
    govlint(p, "--fix", "--unsafe-fixes", "--agency", "某某县人民政府")
    assert p.read_text(encoding="utf-8").startswith("某某县人民政府2023年")


def test_fix_refuses_non_text_formats(tmp_path):
    import argparse
    import io

    from checker.engine.loader import builtin_rules
    from checker.engine.runner import check_source
    from checker.fix.cli import fix_results
    from checker.model.source import Source

    p = tmp_path / "r.docx"
    p.write_bytes(b"PK-not-really")
    rules = list(builtin_rules())
    result = check_source(Source(str(p), TRAD, format="docx"), rules)
    assert any(d.fix for d in result.diagnostics)
    args = argparse.Namespace(paths=[str(tmp_path)], unsafe_fixes=False, diff=False)
    err = io.StringIO()
    run = fix_results([result], [(rules, None, {})], args, io.StringIO(), err, False)
    assert run.failed == 1 and run.files == 0 and "无法自动修复 docx" in err.getvalue()
    assert p.read_bytes() == b"PK-not-really"


def _big_traditional_file(path: Path) -> bytes:
    data = ("某某縣人民政府2023年政府信息公開工作年度報告\n一、總體情況\n"
            + "本縣堅持公開，辦結申請，處理訴訟。\n" * 8000).encode("utf-8")
    path.write_bytes(data)
    return data


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_during_write_leaves_the_original(tmp_path, sig):
    p = tmp_path / "big.txt"
    original = _big_traditional_file(p)
    env = dict(os.environ, PYTHONPATH=str(ROOT), GOVLINT_TEST_PAUSE_BEFORE_RENAME="30")
    proc = subprocess.Popen([sys.executable, "-m", "checker", "check", "--isolated", "-j", "1", "--fix", str(p)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while not list(tmp_path.glob(".big.txt.*.govlint-tmp")):           # temp file fully written
            assert proc.poll() is None, "govlint exited before writing"
            assert time.monotonic() < deadline
            time.sleep(0.05)
        proc.send_signal(sig)
        proc.wait(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert p.read_bytes() == original
    leftovers = list(tmp_path.glob(".big.txt.*.govlint-tmp"))
    if sig == signal.SIGINT:
        assert leftovers == []                                             # cleaned up on Ctrl-C


def test_kill_at_random_moments_never_leaves_a_partial_file(tmp_path):
    p = tmp_path / "big.txt"
    original = _big_traditional_file(p)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    expected = None
    for delay in (0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0):
        p.write_bytes(original)
        proc = subprocess.Popen([sys.executable, "-m", "checker", "check", "--isolated", "-j", "1", "--fix", str(p)],
                                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.kill()
        proc.wait()
        data = p.read_bytes()
        if data != original:
            if expected is None:
                expected = data
            assert data == expected and "本县坚持公开".encode() in data and "縣".encode() not in data
