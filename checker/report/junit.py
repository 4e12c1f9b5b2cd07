"""``--format junit``: JUnit XML for CI test-report views — one testsuite per file, one testcase per
finding (failure), or a single passing testcase for a clean file. No timestamps, so output is stable."""

from __future__ import annotations

import xml.etree.ElementTree as ET


def _suite(parent, r):
    suite = ET.SubElement(parent, "testsuite", name=r.path)
    if r.error:
        case = ET.SubElement(suite, "testcase", name="govlint", classname=r.path, file=r.path)
        ET.SubElement(case, "error", message=r.error).text = f"{r.path}: 无法检查：{r.error}"
        return _counts(suite, 1, 0, 1)
    for d in r.diagnostics:
        where = f"{d.path}:{d.line}:{d.column}"
        case = ET.SubElement(suite, "testcase", name=f"{d.code} {where}", classname=r.path, file=r.path,
                             line=str(d.line))
        ET.SubElement(case, "failure", message=d.message, type=d.code).text = (
            f"{where}: {d.code} [{d.severity.label}] {d.message}")
    if not r.diagnostics:
        ET.SubElement(suite, "testcase", name="govlint", classname=r.path, file=r.path)
    return _counts(suite, max(1, len(r.diagnostics)), len(r.diagnostics), 0)


def _counts(el, tests: int, failures: int, errors: int) -> tuple[int, int, int]:
    el.set("tests", str(tests))
    el.set("failures", str(failures))
    el.set("errors", str(errors))
    return tests, failures, errors


def _totals(r) -> tuple[int, int, int]:
    if r.error:
        return 1, 0, 1
    return max(1, len(r.diagnostics)), len(r.diagnostics), 0


def render(results, out, options) -> None:
    """Byte for byte what indenting and serialising the whole tree writes, one testsuite at a time: the
    totals on the root element come from a first pass over the results."""
    totals = [sum(t) for t in zip((0, 0, 0), *(_totals(r) for r in results))]
    root = ET.Element("testsuites", name="govlint")
    _counts(root, *totals)
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    if not len(results):
        out.write(ET.tostring(root, encoding="unicode") + "\n")
        return
    root.text = "\0"
    out.write(ET.tostring(root, encoding="unicode").split("\0")[0])
    for r in results:
        holder = ET.Element("testsuites")
        _suite(holder, r)
        suite = holder[0]
        ET.indent(suite, level=1)
        out.write("\n  " + ET.tostring(suite, encoding="unicode"))
    out.write("\n</testsuites>\n")
