"""A broken user lexicon named in the config is a clear configuration error (exit 2), not a crash."""

from __future__ import annotations

import pytest

from conftest import SEEDS, run_cli


@pytest.mark.parametrize("content,fragment", [
    ("[nonsense]\nfoo\n", "未知的词表分节 [nonsense]"),
    (None, "无法读取词表"),
])
def test_bad_lexicon_file(tmp_path, content, fragment):
    (tmp_path / ".govlint.yaml").write_text("lexicon-files: [extra.txt]\n", encoding="utf-8")
    if content is not None:
        (tmp_path / "extra.txt").write_text(content, encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_bytes((SEEDS / "003_2a443156898f67a2.txt").read_bytes())
    r = run_cli("check", str(report), "--format", "concise")
    err = r.stderr.decode()
    assert r.returncode == 2 and fragment in err and ".govlint.yaml" in err and "Traceback" not in err


def test_user_lexicon_term_is_found(tmp_path):
    (tmp_path / ".govlint.yaml").write_text("lexicon-files: [extra.txt]\n", encoding="utf-8")
    (tmp_path / "extra.txt").write_text("[brands]\n好运来娱乐城\n", encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("好运来娱乐城2024年政府信息公开工作年度报告\n一、总体情况\n概况。\n", encoding="utf-8")
    out = run_cli("check", str(report), "--format", "concise", "--select", "GL3").stdout.decode()
    assert "好运来娱乐城" in out
