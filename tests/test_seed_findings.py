"""End to end on the five real seeds: the exact findings (code → lines), the template applied, and
the must-not-flag items of ../shared/reference/seed-findings.md."""

from __future__ import annotations

import json

import pytest

from conftest import SEEDS, run_cli

TRAD_LINES_004 = [1, 3, *range(6, 45)]      # 46–50: tail furniture, deleted by GL502

EXPECTED = {
    "000_319f16b0a12be965.txt": ("gov-2021", {
        "GL107": [2],                                   # no title line
        "GL201": [14, 15, 16],                          # 二 三 四 without tables
        "GL401": [2],                                   # traditional characters: one finding for the document
        "GL402": [3],                                   # pinyin annotations: one finding for the document
        "GL403": [4, 10],                               # byte-shifted GBK mojibake
        "GL502": [22],                                  # 公開方式:主動公開
        "GL701": [3],                                   # half-width , ; : in Chinese: one document finding
        "GL702": [6],                                   # (二) (三) (五) …: one document finding
    }),
    "001_2a84802cd6720988.txt": ("gov-2021", {
        "GL201": [16, 17, 18],
        "GL202": [28],                                  # info: tables may be in the attachment
        "GL701": [2],                                   # half-width punctuation throughout
        "GL702": [2],                                   # half-width brackets throughout
        "GL706": [2],                                   # 《…年度报告格式》的通知》: the outer 《 is missing
    }),
    "002_f77436c89a48de9e.txt": ("gov-2019", {
        "GL102": [11],                                  # 五、下一步工作计划
        "GL201": [8, 9, 10],
        "GL202": [16],
        "GL302": [1, 4, 4, 6, 7, 15, 15, 16],           # every bet365亚洲官网
        "GL701": [3],
        "GL702": [4],
        "GL708": [1, 16],                               # bet365亚洲官网 2020年: a space before the year
    }),
    "003_2a443156898f67a2.txt": ("gov-2021", {
        "GL107": [1],
        "GL110": [24],                                  # 六 is just 无。
        "GL201": [18, 19, 20],
        "GL502": [26],                                  # 返回顶部
        "GL701": [2],
        "GL702": [3],
    }),
    "004_43d8a4995bb3e670.txt": ("pre-2019", {
        "GL108": [5, 18, 21, 31, 33, 35],               # 一 概述 without 、
        "GL222": [24],                                  # 618 stated, parts sum to 606
        "GL401": [1],                                   # traditional script throughout: one finding
        "GL406": [7, 7, 7, 9, 11, 13, 13, 13, 15, 15, 15, 15, 15, 15, 15, 16, 17, 17, 19, 19, 20, 37, 39],
        "GL502": [46],                                  # 相關詞條 熱門詞條 聯絡我們
        "GL503": [27, 30],                              # 主要是因為主要是因為
        "GL701": [3],                                   # 114 half-width marks in Chinese: ONE finding
        "GL702": [6],
    }),
}


@pytest.fixture(scope="module")
def report():
    r = run_cli("check", str(SEEDS), "--format", "json", "--isolated")
    assert r.returncode == 1, r.stderr.decode()
    return {f["path"].rsplit("/", 1)[-1]: f for f in json.loads(r.stdout)["files"]}


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_exact_findings(report, seed):
    template, expected = EXPECTED[seed]
    f = report[seed]
    assert f["template"]["id"] == template
    found: dict[str, list[int]] = {}
    for d in f["diagnostics"]:
        found.setdefault(d["code"], []).append(d["location"]["line"])
    assert {c: sorted(v) for c, v in found.items()} == {c: sorted(v) for c, v in expected.items()}


def test_systemic_findings_keep_every_line_as_related_locations(report):
    """One finding per systemic problem, every occurrence still in the machine format."""
    [trad] = [d for d in report["004_43d8a4995bb3e670.txt"]["diagnostics"] if d["code"] == "GL401"]
    assert sorted({r["line"] for r in trad["related"]}) == TRAD_LINES_004
    assert trad["message"].startswith(f"全文使用繁体字：{len(TRAD_LINES_004)} 行共 ")
    assert trad["fix"]["applicability"] == "safe" and len(trad["fix"]["edits"]) > len(TRAD_LINES_004)
    pinyin = [d for d in report["000_319f16b0a12be965.txt"]["diagnostics"] if d["code"] == "GL402"]
    assert len(pinyin) == 1 and [r["line"] for r in pinyin[0]["related"]] == [
        3, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22]


def _messages(report, seed):
    return "\n".join(d["message"] for d in report[seed]["diagnostics"])


def test_002_names_the_spam_and_keeps_legitimate_names(report):
    text = _messages(report, "002_f77436c89a48de9e.txt")
    assert text.count("bet365亚洲官网") >= 8
    for legit in ("花都区", "广州花都发布", "今日花都", "510800", "020-36999015"):
        assert legit not in text


def test_002_section_five_shows_expected_and_found(report):
    [d] = [d for d in report["002_f77436c89a48de9e.txt"]["diagnostics"] if d["code"] == "GL102"]
    assert d["expected"] == "五、存在的主要问题及改进情况" and d["found"] == "五、下一步工作计划"


def test_004_sum_message_and_pre2019_generation(report):
    f = report["004_43d8a4995bb3e670.txt"]
    assert "2019 年以前格式" in f["template"]["name"] and f["template"]["year"] == 2017
    [d] = [d for d in f["diagnostics"] if d["code"] == "GL222"]
    assert "606" in d["message"] and "618" in d["message"]
    assert not [d for d in f["diagnostics"] if d["code"] == "GL101"]


def test_004_taiwan_phrases_all_named(report):
    text = _messages(report, "004_43d8a4995bb3e670.txt")
    for tw, mainland in [("入口網站", "门户网站"), ("套用", "应用"), ("最佳化", "优化"), ("網路", "网络"),
                         ("檔案", "文件"), ("軟硬體", "软硬件"), ("螢幕", "屏幕"), ("選單", "菜单"), ("圖示", "图标")]:
        assert f"“{tw}”是台湾用语，内地报告应写作“{mainland}”" in text


def test_must_not_flag_balanced_sums(report):
    for seed in ("000_319f16b0a12be965.txt", "001_2a84802cd6720988.txt", "003_2a443156898f67a2.txt"):
        codes = {d["code"] for d in report[seed]["diagnostics"]}
        assert not codes & {"GL211", "GL212", "GL213", "GL214", "GL221", "GL222", "GL223", "GL224"}
