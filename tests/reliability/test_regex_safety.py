"""Regular expressions cannot hang a run: users' patterns run on RE2 (checked at load), built-in
patterns on ``re`` have no shape that backtracks exponentially, and no code uses the interpreter's
private regex internals or keeps compiled patterns on disk."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import checker
from checker import lazy_re
from checker.engine.user_regex import UserPatternError, compile_user_pattern
from checker.regex_shape import nested_repeats, required_literal

PACKAGE = Path(checker.__file__).resolve().parent

# Built-in patterns the shape reader flags or cannot model, each reviewed: why it stays linear.
REVIEWED = {
    r"([\u4e00-\u9fff]{3,20}?)\1":
        "back-reference to a group of at most 20 characters: ≤ 18 × 20 steps per position",
    r"\n[ \t]*([^\s\x00-\x7f](?:[ \t]+[^\s\x00-\x7f])*)[ \t]*(?=\n|\Z)":
        "each repeat is spaces then one non-space: the spaces before a non-space split one way only",
}
# The boilerplate tail pattern (rules/data/boilerplate.txt): each repeat starts with optional spaces and
# ends with a fixed word, so a line splits into repeats one way only.
REVIEWED_FRAGMENT = "(?:\\s*(?:【\\s*)?(?:打印本页|关闭窗口|打印|关闭|收藏|分享到微信)(?:\\s*】)?)*"


def test_no_interpreter_regex_internals_and_no_pattern_cache_in_the_package():
    banned = re.compile(r"\b_sre\b|re\._compiler|re\._parser|re\._constants|\bsre_(?:compile|parse|constants)\b|"
                        r"from re import _|GOVLINT_CACHE_DIR|GOVLINT_NO_CACHE|rxcache|\bmarshal\b")
    found = [f"{p.relative_to(PACKAGE)}:{n}" for p in PACKAGE.rglob("*.py")
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if banned.search(line)]
    assert found == []


def _all_builtin_patterns() -> set[tuple[str, int]]:
    """Every pattern the package defines: module-level ones by importing every module, the ones built
    from data (labels, boilerplate, lexicon, Taiwan phrases) by checking the seeds."""
    for mod in pkgutil.walk_packages(checker.__path__, "checker."):
        if not mod.name.endswith("__main__"):
            importlib.import_module(mod.name)
    from checker.engine.loader import load_rules
    from checker.engine.runner import check_path

    rules = load_rules()
    for path in sorted((PACKAGE.parent / "seeds").iterdir()):
        check_path(str(path), rules)
    return {(p.pattern.decode("latin-1") if isinstance(p.pattern, bytes) else p.pattern, p._flags)
            for p in lazy_re.created()}


def test_every_builtin_pattern_has_no_exponential_shape_or_is_reviewed():
    patterns = _all_builtin_patterns()
    assert len(patterns) > 60
    unreviewed = []
    for source, _flags in patterns:
        shape = nested_repeats(source)
        if source in REVIEWED or shape == [] or (shape and all(REVIEWED_FRAGMENT.endswith(s) or s in REVIEWED_FRAGMENT
                                                                   for s in shape)):
            continue
        unreviewed.append((source, shape))
    assert unreviewed == []


@pytest.mark.parametrize("pattern", [r"(a+)+b", r"(a|a)*b", r"(.*)*x", r"(a|aa)*b", r"(\d+[,，]?)*元",
                                     r"((ab)*)+c", r"(?:[一二三]+、?)+。", r"(<!--.*?-->\s*)*<"])
def test_the_shape_reader_flags_exponential_shapes(pattern):
    assert nested_repeats(pattern)


@pytest.mark.parametrize("pattern", [r"第[0-9]+条", r"(ab)+", r"(a|b)+", r"(?:一|二|三)+", r"\d{4}年",
                                     r"(\d{1,3})(,\d{3})*", r"(?:\ufffd|锟斤拷)+", r"[^，。]{2,20}(?:办公室|局)"])
def test_the_shape_reader_passes_ordinary_patterns(pattern):
    assert nested_repeats(pattern) == []


def test_the_two_exponential_builtin_shapes_found_are_gone():
    """`(<!--.*?-->\\s*)*` sniffing HTML and the boilerplate line `(【?\\s*(打印|…)\\s*】?\\s*)+$` took
    seconds at 20 repeats and hours at 30; both run at once on 3,000 now."""
    from checker.parse.boilerplate import is_boilerplate
    from checker.read.formats import sniff

    assert sniff(b"<!---->" * 3000 + b"x", ".txt") == "text"
    assert sniff(b"<!-- a --> <!-- b -->\n<html>", ".txt") == "html"
    assert not is_boilerplate("打印 " * 3000 + "x", "tail")
    assert is_boilerplate("【打印本页】 【关闭窗口】", "tail")


def test_required_literal_reads_pattern_text():
    assert required_literal(r"(?<![未不])办结(\d+)") == ("办结", 0, 0)
    assert required_literal(r"(?:上年|上一年度?|\d{4}年)结转") == ("结转", 2, 5)
    assert required_literal(r"a|结转") is None                  # top-level alternation: nothing required
    assert required_literal(r"(?i)结转") is None                # inline flags are not modelled


# ---- users' patterns: RE2 ----

# issue 19 item 8: each hung Python's re 30–60 s+; RE2 accepts them and matches in linear time.
REDOS = ["一?" * 28 + "一" * 28 + r"(\d)", r"\d*" * 8 + r"(\d)件x", r"(?i)(?:kx|Kx)*(\d)件",
         r"(?:\d一|[०-९]一)*(\d)件", r"(?:\s一|\u1680一)*(\d)件"]


@pytest.mark.parametrize("pattern", REDOS)
def test_issue_redos_patterns_run_linearly_on_re2(pattern):
    rx = compile_user_pattern(pattern)
    for text in ("一" * 20_000 + "x", "1一" * 10_000 + "x", "kx" * 10_000, " 一" * 10_000, "1" * 20_000):
        list(rx.finditer(text))         # Python's re would not return on these within the hour


@pytest.mark.parametrize("pattern,fragment", [
    (r"(\d+)件\1", "反向引用"), (r"(?<![未不])办结(\d+)", "前后查找"), (r"办结(?=\d)(\d+)", "前后查找"),
    (r"(?<=办结.*)(\d+)", "前后查找"), (r"(\d++)件", "占有量词"), (r"(?>\d+)(\d)", "原子组"),
    (r"(\d{2000})", "重复次数"), (r"(unclosed", "无效"), ("a" * 5000 + r"(\d)", "过长"),
    (r"办结\d+件", "没有捕获组"), (r"(办结)(\d+)", "不是纯数字"), (r"(\d+(?:\.\d+)?)件", "不是纯数字"),
])
def test_what_re2_or_a_count_cannot_use_is_refused_in_chinese(pattern, fragment):
    with pytest.raises(UserPatternError) as exc:
        compile_user_pattern(pattern)
    assert fragment in str(exc.value)


@pytest.mark.parametrize("pattern", [r"办结(\d+)件", r"(?:收到|新收)[^。]{0,16}?(\d+)\s*[宗件]", r"第([0-9]{1,4})条",
                                     r"共(\d+?)件"])
def test_ordinary_count_patterns_are_accepted(pattern):
    assert compile_user_pattern(pattern).groups >= 1
