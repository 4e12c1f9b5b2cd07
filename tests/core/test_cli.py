"""The command-line contract: exit codes, formats, stdin, errors next to good files."""

from __future__ import annotations

import json

from conftest import run_cli

CLEAN = """广州市某某区人民政府2016年政府信息公开工作年度报告
一、概述
概况。
二、主动公开政府信息情况
主动公开信息100条。
三、依申请公开政府信息情况
收到申请3件。
四、政府信息公开的收费及减免情况
未收费。
五、因政府信息公开申请行政复议、提起行政诉讼的情况
无。
六、存在的主要问题及改进措施
继续改进。
"""


def test_clean_report_exits_zero(tmp_path):
    f = tmp_path / "clean.txt"
    f.write_text(CLEAN, encoding="utf-8")
    r = run_cli("check", str(f), "--format", "concise", "--select", "GL1")
    assert r.returncode == 0, r.stdout.decode()
    assert "1 个文件，错误 0，警告 0" in r.stdout.decode()


def test_findings_exit_one_and_fail_on_controls_it(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(CLEAN.replace("一、概述", "一 概述"), encoding="utf-8")
    assert run_cli("check", str(f), "--select", "GL1").returncode == 0           # only a warning
    r = run_cli("check", str(f), "--select", "GL1", "--fail-on", "warning", "--format", "concise")
    assert r.returncode == 1
    assert f"{f}:2:2: GL108 [警告]" in r.stdout.decode()
    assert run_cli("check", str(f), "--select", "GL1", "--fail-on", "warning", "--exit-zero").returncode == 0


def test_missing_file_exits_two_but_other_files_are_checked(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(CLEAN.replace("一、概述", "一 概述"), encoding="utf-8")
    r = run_cli("check", str(f), str(tmp_path / "nope.txt"), "--format", "concise", "--select", "GL1")
    assert r.returncode == 2
    assert "GL108" in r.stdout.decode()
    assert "nope.txt" in r.stderr.decode() and "不存在" in r.stderr.decode()


def test_stdin_and_json_shape():
    r = run_cli("check", "-", "--format", "json", "--select", "GL1", stdin=CLEAN.replace("一、概述", "一 概述").encode())
    doc = json.loads(r.stdout)
    [f] = doc["files"]
    assert f["path"] == "<stdin>" and f["template"]["id"] == "pre-2019" and f["template"]["year"] == 2016
    [d] = f["diagnostics"]
    assert d["code"] == "GL108" and d["location"]["line"] == 2 and d["fix"]["applicability"] == "safe"
    assert d["fix"]["edits"] == [{"offset": d["location"]["offset"], "end_offset": d["location"]["end_offset"],
                                  "content": "、"}]
    assert doc["summary"] == {"files": 1, "errors": 0, "warnings": 1, "infos": 0, "unreadable": 0}


def test_template_override_and_unknown_template(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(CLEAN, encoding="utf-8")
    r = run_cli("check", str(f), "--template", "2021", "--format", "json", "--select", "GL101")
    codes = [d["code"] for d in json.loads(r.stdout)["files"][0]["diagnostics"]]
    assert r.returncode == 1 and codes.count("GL101") >= 1
    bad = run_cli("check", str(f), "--template", "1999")
    assert bad.returncode == 2 and "未知模板" in bad.stderr.decode()


def test_text_report_names_template_and_underlines(tmp_path):
    f = tmp_path / "r.txt"
    f.write_text(CLEAN.replace("一、概述", "一 概述"), encoding="utf-8")
    out = run_cli("check", str(f), "--select", "GL1", "--no-color").stdout.decode()
    assert "模板：2019 年以前格式" in out and "报告年份 2016（来自标题）" in out
    assert "    2 | 一 概述" in out and "^" in out and "\x1b[" not in out


def test_explain_and_rules():
    out = run_cli("explain", "GL101").stdout.decode()
    assert out.startswith("GL101 missing-section") and "不合规示例" in out and "合规示例" in out
    listing = run_cli("rules").stdout.decode()
    assert "GL108" in listing and "heading-separator" in listing
    assert run_cli("explain", "GL999").returncode == 2
