"""GL100: a file that is no annual report gets one info finding and nothing else; anything with a
report title, a template heading, a statistics table or report-like counts is still checked."""

from __future__ import annotations

import json

from conftest import check_text, run_cli

README = """# 使用说明

本目录存放各单位报送的材料。文件按 `单位-年份.txt` 命名，例如 `某某局-2024.txt`。

| 列 | 含义 |
|---|---|
| 本年新收 + 上年结转 | 见模板说明 |

如有疑问请联系办公室（电话 12345678）。
"""

NOTICE = """关于召开政务公开工作会议的通知
各科室：
一、会议时间
2024年3月1日上午9时。
二、参会人员
各科室负责人。
"""


def codes(text, **kw):
    return [d.code for d in check_text(text, **kw)]


def test_readme_and_notice_get_one_info_only():
    for text in (README, NOTICE):
        diags = check_text(text)
        assert [(d.code, d.severity.label) for d in diags] == [("GL100", "info")]
        assert "未检查" in diags[0].message


def test_ignoring_the_gate_checks_the_file_anyway():
    from checker.engine.loader import builtin_rules
    from checker.engine.runner import check_source, select_rules
    from checker.model.source import Source

    rules = select_rules(list(builtin_rules()), ignore=["GL100"])
    found = {d.code for d in check_source(Source(path="n.txt", text=NOTICE), rules).diagnostics}
    assert "GL101" in found and "GL100" not in found


def test_truncated_reports_are_still_checked():
    fragments = [
        "一、总体情况\n2024年，本局认真贯彻落实《条例》。\n",                     # only heading 一
        "某某区人民政府\n2024年政府信息公开工作年度报告\n",                      # only a two-line title
        "一、概述\n2012年我局继续推进政府信息公开工作。\n",                      # pre-2019 heading
        "本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3\n"
        "上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n"
        "（一）予以公开 | 2 | 0 | 0 | 0 | 0 | 0 | 2\n",                          # only part of table 三
        "一、本年新收政府信息公开申请数量\n\n1\n\n0\n\n0\n\n0\n\n0\n\n0\n\n1\n"
        "二、上年结转政府信息公开申请数量\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n\n0\n"
        "（一）予以公开\n\n1\n\n0\n\n0\n\n0\n\n0\n\n0\n\n1\n",                   # cells one per line
        "主动买球网站信息情况。2016年,全局信息总数为1604条,其中本局信息4条。\n",   # headings lost, counts kept
    ]
    for text in fragments:
        assert "GL100" not in codes(text), text


def test_folder_with_a_readme(tmp_path):
    (tmp_path / "README.md").write_text(README, encoding="utf-8")
    (tmp_path / "notice.txt").write_text(NOTICE, encoding="utf-8")
    out = run_cli("check", "--isolated", str(tmp_path), "--format", "json")
    assert out.returncode == 0, out.stderr.decode()
    files = {f["path"].rsplit("/", 1)[-1]: f for f in json.loads(out.stdout)["files"]}
    assert files, "the folder's files were not checked"
    for f in files.values():
        assert [d["code"] for d in f["diagnostics"]] == ["GL100"]
