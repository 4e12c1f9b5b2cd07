"""The text report on a terminal of 80 and 160 columns (issue 15): nothing wider than the terminal,
fixes in git's direction, one finding per systemic problem, values that are not a fix labelled."""

from __future__ import annotations

import re

import pytest

from checker.report.cells import width
from eco_helpers import ROOT, SEEDS, govlint

ANSI = re.compile(r"\x1b\[[0-9;]*m")
SEED_000 = "seeds/000_319f16b0a12be965.txt"
SEED_004 = "seeds/004_43d8a4995bb3e670.txt"


def text_report(columns: int, *args, color: bool = False, **env) -> str:
    flag = "--color" if color else "--no-color"
    proc = govlint("check", *(args or ["seeds"]), "--isolated", "-j", "1", flag, COLUMNS=str(columns), **env)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return proc.stdout.decode("utf-8")


@pytest.fixture(scope="module", params=[80, 160])
def report(request):
    return request.param, text_report(request.param)


def findings(text: str, code: str) -> list[str]:
    """The blocks (head line to the next blank line) of one rule's findings."""
    blocks = text.split("\n\n")
    return [b for b in blocks if re.match(rf"\S+:\d+:\d+(（[^）]*）)?: {code} ", b)]


def test_no_line_is_wider_than_the_terminal(report):
    columns, text = report
    assert max(width(line) for line in text.splitlines()) <= columns


def test_colour_output_has_the_same_layout(report):
    from rich.cells import cell_len

    columns, plain = report
    coloured = text_report(columns, color=True)
    assert "\x1b[" in coloured
    stripped = ANSI.sub("", coloured)
    assert max(cell_len(line) for line in stripped.splitlines()) <= columns
    timing = re.compile(r"用时 \d+\.\d+s")
    assert timing.sub("", stripped).split() == timing.sub("", plain).split()


def test_one_finding_per_systemic_problem(report):
    _, text = report
    assert len([b for b in findings(text, "GL401") if b.startswith(SEED_004)]) == 1
    assert len([b for b in findings(text, "GL401") if b.startswith(SEED_000)]) == 1
    assert len([b for b in findings(text, "GL402") if b.startswith(SEED_000)]) == 1
    [trad] = [b for b in findings(text, "GL401") if b.startswith(SEED_004)]
    assert "全文使用繁体字：41 行共" in trad.replace("\n    ", "")
    assert "另有 38 行修改（--diff 显示全部）" in trad


def test_fix_preview_goes_in_git_direction(report):
    _, text = report
    [heading] = [b for b in findings(text, "GL108") if ":5:2:" in b]
    rows = heading.splitlines()
    minus = next(i for i, r in enumerate(rows) if r.strip().startswith("- "))
    assert rows[minus].strip() == "- 一 概述" and rows[minus + 1].strip() == "+ 一、概述"
    [trad] = [b for b in findings(text, "GL401") if b.startswith(SEED_004)]
    assert "- 廣州市荔灣區人民政府2017年政府信息公開年度報告\n" in trad
    assert "+ 广州市荔湾区人民政府2017年政府信息公开年度报告\n" in trad
    repeat = findings(text, "GL503")[0]
    old = next(r for r in repeat.splitlines() if r.strip().startswith("- "))
    new = next(r for r in repeat.splitlines() if r.strip().startswith("+ "))
    assert old.count("主要是因為") == 2 and new.count("主要是因為") == 1


def test_a_deleted_line_has_no_plus_side(report):
    _, text = report
    [tail] = [b for b in findings(text, "GL502") if b.startswith(SEED_000)]
    assert "- 公開方式:主動(dòng)公開" in tail and "\n    + " not in tail


def test_no_preview_without_a_fix_and_stated_values_labelled(report):
    _, text = report
    [total] = findings(text, "GL222")
    assert "正文：618　分项合计：606" in total
    assert not re.search(r"^\s+[-+] ", total, re.M)
    for block in findings(text, "GL201") + findings(text, "GL302"):
        assert not re.search(r"^\s+[-+] ", block, re.M), block


def test_structure_outline_is_explained_not_a_diff(report):
    _, text = report
    outline = text[text.index("结构对照（模板 / 报告）："):].split("\n\n")[0]
    assert "不同  五、存在的主要问题及改进情况 / 五、下一步工作计划" in outline.replace("\n          ", "")
    assert not re.search(r"^\s+[-+] ", outline, re.M)


def test_carets_cover_the_span_only(report):
    _, text = report
    block = next(b for b in findings(text, "GL302") if ":4:43:" in b)
    line, carets = block.splitlines()[-2:]
    assert carets.strip() == "^" * width("bet365亚洲官网")
    start = width(carets) - len(carets.lstrip())
    assert line[len(line) - len(line.lstrip()):].find("…") == line.strip().find("…")   # cut on the left
    shown = ""
    for c in line:
        if width(shown) >= start:
            break
        shown += c
    assert line[len(shown):].startswith("bet365亚洲官网")


def test_summary_counts_fixes_like_ruff(report):
    _, text = report
    last = " ".join(text.rstrip().splitlines()[-2:]).replace(" ", "")
    assert re.search(r"\d+处可用--fix修复（另有2处需--unsafe-fixes）", last), last


def test_formats_without_fix_support_count_no_fix(tmp_path):
    import docx

    d = docx.Document()
    for line in (ROOT / SEED_004).read_text(encoding="utf-8").splitlines():
        d.add_paragraph(line)
    d.save(tmp_path / "report.docx")
    text = text_report(120, tmp_path / "report.docx", ROOT / SEED_004)
    docx_part = text.split(str(ROOT / SEED_004))[0]
    assert "[可修复" not in docx_part and "修复（--fix）" not in docx_part
    assert text.replace("\n", "").count(".docx/.pdf/.html 文件不支持自动修复") == 1


def test_force_color_and_no_color():
    forced = govlint("check", SEED_004, "--isolated", "--select", "GL108", FORCE_COLOR="1").stdout.decode()
    assert "\x1b[" in forced
    both = govlint("check", SEED_004, "--isolated", "--select", "GL108", FORCE_COLOR="1", NO_COLOR="1")
    assert "\x1b[" not in both.stdout.decode()


def test_committed_captures_are_current():
    """docs/terminal-*.txt are what scripts/capture_terminal.py writes for the current renderer."""
    for columns in (80, 160):
        doc = (ROOT / "docs" / f"terminal-{columns}.txt").read_text(encoding="utf-8")
        now = re.sub(r"用时 \d+\.\d+s", "用时 0.00s", text_report(columns))
        assert [line.rstrip() for line in doc.splitlines()] == [line.rstrip() for line in now.splitlines()], (
            "run python scripts/capture_terminal.py")
        assert max(width(line) for line in doc.splitlines()) <= columns


def test_seeds_path_is_relative_in_captures():
    assert (ROOT / "docs" / "terminal-80.txt").read_text(encoding="utf-8").startswith(SEED_000)
    assert SEEDS.is_dir()
