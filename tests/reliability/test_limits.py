"""Input size policy: large files refused before reading, long texts before normalisation; exit 2."""

from __future__ import annotations

import io
import os

import pytest

from reliability_helpers import SIMPLIFIED_SEED, error_lines, govlint

from checker.read import InputError
from checker.read import limits
from checker.read.limits import parse_size, read_stream


@pytest.mark.parametrize("text,expected", [("16M", 16 * 2**20), ("512k", 512 * 1024), ("1048576", 2**20),
                                           ("0", 0), ("1.5MB", int(1.5 * 2**20)), (" 2 g ", 2 * 2**30)])
def test_parse_size(text, expected):
    assert parse_size(text) == expected


@pytest.mark.parametrize("text", ["", "-1", "十兆", "12 parsecs"])
def test_parse_size_rejects(text):
    with pytest.raises(ValueError):
        parse_size(text)


def test_regular_file_over_limit_is_refused_without_reading(tmp_path):
    p = tmp_path / "big.txt"
    with open(p, "wb") as fh:
        fh.truncate(10_000)                  # sparse: reading it would be the only way to notice
    with open(p, "rb") as fh, pytest.raises(InputError) as exc:
        read_stream(fh, str(p), 1000)
    assert "过大" in exc.value.message
    with open(p, "rb") as fh:
        assert len(read_stream(fh, str(p), 0)) == 10_000      # 0: no limit


def test_stream_without_size_is_cut_at_limit():
    class Pipe(io.BytesIO):
        def fileno(self):
            raise io.UnsupportedOperation

    assert read_stream(Pipe(b"x" * 100), "-", 100) == b"x" * 100
    with pytest.raises(InputError):
        read_stream(Pipe(b"x" * 101), "-", 100)


def test_real_pipe_over_limit_is_refused():
    r, w = os.pipe()
    os.write(w, b"y" * 5000)
    os.close(w)
    with os.fdopen(r, "rb") as fh, pytest.raises(InputError):
        read_stream(fh, "<stdin>", 4096)


def test_long_text_is_refused_and_limit_can_be_lifted(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 500)
    from checker.engine.runner import check_path
    from checker.engine.loader import builtin_rules

    p = tmp_path / "long.txt"
    p.write_bytes(SIMPLIFIED_SEED.read_bytes())
    refused = check_path(str(p), list(builtin_rules()))
    assert refused.error and "文本过长" in refused.error
    lifted = check_path(str(p), list(builtin_rules()), options={"max_file_bytes": 0})
    assert lifted.error is None


def test_cli_option_and_stdin(tmp_path):
    p = tmp_path / "r.txt"
    p.write_bytes(SIMPLIFIED_SEED.read_bytes())
    proc = govlint("check", p, "--max-file-size", "1k", "--format", "concise")
    assert proc.returncode == 2 and len(error_lines(proc.stderr, p)) == 1
    ok = govlint("check", p, "--max-file-size", "1M", "--format", "concise")
    assert ok.returncode in (0, 1) and ok.stderr == ""
    bad = govlint("check", p, "--max-file-size", "lots")
    assert bad.returncode == 2 and "--max-file-size" in bad.stderr
