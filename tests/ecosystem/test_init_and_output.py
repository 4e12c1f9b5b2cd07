"""``govlint init`` and the run-wide output options (--output-file, --statistics, colour)."""

from __future__ import annotations

import json

from checker.config import find_config, load_config
from eco_helpers import SEEDS, govlint

SEED = SEEDS / "002_f77436c89a48de9e.txt"


def test_init_writes_a_valid_commented_config(tmp_path):
    proc = govlint("init", cwd=tmp_path)
    assert proc.returncode == 0
    text = (tmp_path / ".govlint.yaml").read_text(encoding="utf-8")
    assert text.count("\n#") > 20                      # documented, mostly commented out
    assert load_config(tmp_path / ".govlint.yaml") == {"fail-on": "error"}
    again = govlint("init", cwd=tmp_path)
    assert again.returncode == 2 and "已存在" in again.stderr.decode()
    assert govlint("init", "--force", cwd=tmp_path).returncode == 0


def test_every_commented_key_of_the_starter_is_valid_when_uncommented(tmp_path):
    from checker.cli.init_cmd import YAML_STARTER

    lines = [line[2:] if line.startswith("# ") and (":" in line[2:] and not line[2:].startswith(" ")
                                                 or line.startswith("#   ")) else line
             for line in YAML_STARTER.splitlines()]
    uncommented = "\n".join(line[2:] if line.startswith("#   ") else line for line in lines) + "\n"
    path = tmp_path / ".govlint.yaml"
    path.write_text(uncommented, encoding="utf-8")
    data = load_config(path)
    assert {"select", "ignore", "severity", "per-file-ignores", "agency", "blank-cell-policy",
            "rule-files", "lexicon-files", "template", "output-format"} <= set(data)


def test_init_pyproject_appends_a_valid_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "reports"\n', encoding="utf-8")
    assert govlint("init", "--pyproject", cwd=tmp_path).returncode == 0
    find_config.cache_clear()
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"
    assert load_config(tmp_path / "pyproject.toml") == {"fail-on": "error"}
    assert govlint("init", "--pyproject", cwd=tmp_path).returncode == 2
    find_config.cache_clear()


def test_output_file_gets_the_report_without_colour(tmp_path):
    out = tmp_path / "report.json"
    proc = govlint("check", SEED, "--isolated", "--format", "json", "--output-file", out, "--color")
    assert proc.stdout == b"" and proc.returncode == 1
    assert json.loads(out.read_text(encoding="utf-8"))["files"][0]["path"].endswith(SEED.name)
    text_out = tmp_path / "report.txt"
    govlint("check", SEED, "--isolated", "-o", text_out)
    assert "\x1b[" not in text_out.read_text(encoding="utf-8")


def test_colour_only_when_asked_or_on_a_terminal_and_never_with_no_color():
    plain = govlint("check", SEED, "--isolated").stdout.decode()
    assert "\x1b[" not in plain                                       # a pipe is not a terminal
    forced = govlint("check", SEED, "--isolated", "--color").stdout.decode()
    assert "\x1b[" in forced
    assert "\x1b[" not in govlint("check", SEED, "--isolated", NO_COLOR="1").stdout.decode()


def test_colour_on_a_pseudo_terminal_unless_no_color():
    import os
    import pty
    import subprocess
    import sys

    from eco_helpers import ROOT, cli_env

    def run(**env) -> bytes:
        master, slave = pty.openpty()
        proc = subprocess.Popen([sys.executable, "-m", "checker", "check", str(SEED), "--isolated"], stdout=slave,
                                stderr=subprocess.DEVNULL, cwd=ROOT, env=cli_env(**env))
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait()
        os.close(master)
        return b"".join(chunks)

    assert b"\x1b[" in run()
    assert b"\x1b[" not in run(NO_COLOR="1")


def test_statistics_counts_per_code():
    proc = govlint("check", SEEDS, "--isolated", "--statistics", "--format", "json")
    table = json.loads(proc.stdout)
    full = json.loads(govlint("check", SEEDS, "--isolated", "--format", "json").stdout)
    expected: dict[str, int] = {}
    for f in full["files"]:
        for d in f["diagnostics"]:
            expected[d["code"]] = expected.get(d["code"], 0) + 1
    assert {row["code"]: row["count"] for row in table} == expected
    counts = [row["count"] for row in table]
    assert counts == sorted(counts, reverse=True)
    text = govlint("check", SEEDS, "--isolated", "--statistics").stdout.decode().splitlines()
    assert len(text) == len(table) and text[0].split()[:2] == [str(table[0]["count"]), table[0]["code"]]
