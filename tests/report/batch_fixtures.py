"""A small batch of reports for the batch formats: a clean report, one with a wrong table cell, one whose
text carries injected markup (as copies from hacked pages do), and an unreadable file."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

AGENCY = "某某市某某区人民政府"
# What a hacked page leaves in a report: markup that would run if a report page pasted it unescaped.
INJECTED = ('<script>document.title="PWNED";document.body.setAttribute("data-pwned","1")</script>'
            '<img src=x onerror="document.body.setAttribute(\'data-pwned\',\'2\')">')


def skeleton(year: int = 2024, agency: str = AGENCY) -> str:
    out = run_cli("template", "--year", str(year), "--agency", agency)
    assert out.returncode == 0, out.stderr.decode()
    return out.stdout.decode("utf-8")


def with_wrong_cell(text: str) -> str:
    """自然人 received 5 and 总计 5, while no result and no carry-over is counted: the application balance
    of table 三 fails in both columns."""
    old = "一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0"
    assert old in text
    return text.replace(old, "一、本年新收政府信息公开申请数量 | 5 | 0 | 0 | 0 | 0 | 0 | 5")


def make_batch(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "clean": folder / "a_clean.txt",
        "wrong": folder / "b_wrong_cell.txt",
        "injected": folder / "c_injected.txt",
        "unreadable": folder / "d_unreadable.doc",
    }
    files["clean"].write_text(skeleton(2024), encoding="utf-8")
    files["wrong"].write_text(with_wrong_cell(skeleton(2023, "某某县人民政府")), encoding="utf-8")
    # in a heading (so findings quote it) and in the agency name of the title (so the overview shows it)
    injected = skeleton(2022, "某某镇人民政府").replace("五、存在的主要问题及改进情况\n", f"五、存在的主要问题{INJECTED}\n", 1)
    injected = injected.replace("某某镇人民政府", "某某镇<b onmouseover=alert(1)>人民政府</b>", 1)
    files["injected"].write_text(f"=HYPERLINK(\"http://x\")\n{injected}", encoding="utf-8")
    files["unreadable"].write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)   # an old .doc (OLE2)
    return files
