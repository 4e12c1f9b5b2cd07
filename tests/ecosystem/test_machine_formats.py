"""SARIF, GitHub, GitLab, JUnit and JSON Lines output: structure and the details CI services rely on."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from checker.engine.loader import builtin_rules
from checker.engine.runner import FileResult, check_source, select_rules
from checker.model.source import Source
from checker.report import FORMATS, github, reporter, sarif
from eco_helpers import govlint

SCHEMA = Path(__file__).parent / "sarif-schema-2.1.0.json"   # OASIS schema; provenance in README.md here
HEADER_ONLY = "某某区人民政府2024年政府信息公开工作年度报告\n一、总体情况\n"


def results_for(text: str, path: str = "r.txt", select=("GL1",)) -> list[FileResult]:
    rules = select_rules(list(builtin_rules()), select=list(select))
    return [check_source(Source(path=path, text=text), rules)]


def render(fmt: str, results, **options) -> str:
    import io

    buf = io.StringIO()
    reporter(fmt).render(results, buf, {"quiet": True, **options})
    return buf.getvalue()


@pytest.fixture(scope="module")
def seed_sarif() -> dict:
    proc = govlint("check", "seeds", "--isolated", "--format", "sarif")
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return json.loads(proc.stdout)


def test_sarif_of_the_seeds_validates_against_the_official_schema(seed_sarif):
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(seed_sarif), key=str)
    assert not errors, errors[0]
    run = seed_sarif["runs"][0]
    assert run["columnKind"] == "utf16CodeUnits"
    assert run["results"], "the seeds have findings"
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    for res in run["results"]:
        assert ids[res["ruleIndex"]] == res["ruleId"]
        assert res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("seeds/")


def test_sarif_counts_columns_in_utf16_units():
    from checker.model.diagnostic import Diagnostic, Severity

    # "𠀀" (U+20000, CJK Extension B) is one code point but two UTF-16 units.
    src = Source(path="wide.txt", text="标题\n𠀀甲乙丙\n")
    d = Diagnostic("GL102", "section-title-mismatch", Severity.ERROR, "消息", "wide.txt", start=5, end=7,
                   line=2, column=3, end_line=2, end_column=5)
    log = sarif.sarif_log([FileResult("wide.txt", [d], src)], builtin_rules())
    jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)
    region = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region == {"startLine": 2, "startColumn": 4, "endLine": 2, "endColumn": 6, "snippet": {"text": "乙丙"}}


def test_sarif_reports_an_unreadable_file_as_a_tool_notification():
    log = sarif.sarif_log([FileResult("missing.txt", error="无法读取")], builtin_rules())
    inv = log["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert "无法读取" in inv["toolExecutionNotifications"][0]["message"]["text"]
    jsonschema.Draft7Validator(json.loads(SCHEMA.read_text(encoding="utf-8"))).validate(log)


def test_github_escapes_data_and_properties():
    assert github.escape_data("100%\r\nok") == "100%25%0D%0Aok"
    assert github.escape_property("a,b:c%") == "a%2Cb%3Ac%25"
    line = github.command("warning", "第一行\n第二行", file="dir/a,b:c.txt", line=3, title="t")
    assert line == "::warning file=dir/a%2Cb%3Ac.txt,line=3,title=t::第一行%0A第二行"


GITHUB_LINE = re.compile(r"^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,"
                         r"title=govlint GL\d{3} \([a-z0-9-]+\)::GL\d{3} \[(错误|警告|提示)\] .+$")


def test_github_annotations_on_the_seeds_have_workflow_command_syntax():
    proc = govlint("check", "seeds", "--isolated", "--format", "github", "-q")
    lines = proc.stdout.decode().splitlines()
    assert lines and proc.returncode == 1
    for line in lines:
        assert GITHUB_LINE.match(line), line
    levels = {line.split(" ", 1)[0] for line in lines}
    assert "::error" in levels


def test_github_maps_severities_and_reports_unreadable_files():
    out = render("github", results_for(HEADER_ONLY) + [FileResult("gone.txt", error="文件不存在")])
    assert "::error file=gone.txt,title=govlint::无法检查：文件不存在" in out
    assert re.search(r"^::error file=r\.txt,line=\d+", out, re.M)


def test_gitlab_code_quality_report():
    res = results_for(HEADER_ONLY)
    issues = json.loads(render("gitlab", res))
    assert len(issues) == len(res[0].diagnostics) > 0
    for issue in issues:
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"] == "r.txt" and issue["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_gitlab_fingerprints_survive_lines_moving():
    before = json.loads(render("gitlab", results_for(HEADER_ONLY)))
    after = json.loads(render("gitlab", results_for("\n\n" + HEADER_ONLY)))
    assert [i["location"]["lines"]["begin"] + 2 for i in before] == [i["location"]["lines"]["begin"] for i in after]
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]
    other = json.loads(render("gitlab", results_for(HEADER_ONLY, path="other.txt")))
    assert not {i["fingerprint"] for i in other} & {i["fingerprint"] for i in before}


def test_junit_one_suite_per_file_one_case_per_finding():
    clean = results_for("某某区人民政府2024年政府信息公开工作年度报告\n", path="clean.txt", select=["GL108"])
    dirty = results_for(HEADER_ONLY)
    root = ET.fromstring(render("junit", dirty + clean + [FileResult("bad.txt", error="坏")]))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["r.txt", "clean.txt", "bad.txt"]
    assert len(suites[0].findall("testcase/failure")) == len(dirty[0].diagnostics) == int(suites[0].get("failures"))
    [case] = suites[1].findall("testcase")
    assert case.find("failure") is None and suites[1].get("failures") == "0"
    assert suites[2].find("testcase/error") is not None
    assert int(root.get("tests")) == len(dirty[0].diagnostics) + 2


def test_json_lines_one_object_per_finding():
    res = results_for(HEADER_ONLY)
    lines = render("json-lines", res + [FileResult("x.txt", error="坏")]).splitlines()
    objs = [json.loads(line) for line in lines]
    assert len(objs) == len(res[0].diagnostics) + 1
    assert all(o["path"] == "r.txt" and o["code"].startswith("GL1") for o in objs[:-1])
    assert objs[-1] == {"path": "x.txt", "error": "坏"}


def test_every_registered_format_renders_an_empty_run(tmp_path):
    for fmt in FORMATS:
        if getattr(reporter(fmt), "BINARY", False):         # written to a file named with -o
            target = tmp_path / f"empty.{fmt}"
            reporter(fmt).write([], str(target), {"quiet": True})
            assert target.stat().st_size > 0
            continue
        out = render(fmt, [])
        if fmt in ("json", "sarif", "gitlab"):
            json.loads(out)
        elif fmt == "junit":
            assert ET.fromstring(out).get("tests") == "0"
        elif fmt == "csv":
            assert out.startswith("\ufeff文件,") and out.count("\n") == 1
        elif fmt == "html":
            assert "共 0 份报告" in out and out.rstrip().endswith("</html>")
