"""Regular expressions from users' rule files, compiled with RE2 (google-re2) when the file is loaded.

Python's ``re`` backtracks and cannot be interrupted, so a user's pattern could hang a run on an
ordinary report; RE2 matches in time linear in the text by construction and refuses what it cannot
do that way (back-references, lookarounds, possessive quantifiers). Everything a pattern could fail
on later is checked here, once, with a Chinese message naming the file, the rule and the place:
RE2 syntax, the size of the compiled program, and the capture groups the quantity kinds read as a
count (at least one, each made of ASCII digits only, so ``int()`` always succeeds).

re2 is imported only when a user rule file has a pattern; built-in patterns stay on ``re``
(``checker/lazy_re.py``) and are kept linear by tests/reliability/test_regex_safety.py.
"""

from __future__ import annotations

import re

from .. import lazy_re
from ..regex_shape import capture_groups

MAX_PATTERN_LENGTH = 2000
MAX_PROGRAM_MEMORY = 8 << 20            # RE2's own default budget for one compiled pattern
_REGEX_KEYS = lazy_re.compile(r"(?:^|_)(?:pattern|patterns|regex|regexes)$")
# what a count group may contain: digits, once or repeated (lazy allowed)
_UNICODE_ESCAPE = lazy_re.compile(r"(?<!\\)((?:\\\\)*)\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))")
_DIGIT_GROUP = lazy_re.compile(r"(?:\\d|\[0-9\])(?:[+*]|\{[0-9]{1,3}(?:,[0-9]{0,3})?\})?\??")


class UserPatternError(ValueError):
    """A pattern refused at load time; the message says why, in Chinese."""


class UserPattern(str):
    """A pattern string from a user's rule file, with its RE2 form (``regex``) attached at load."""

    regex: object = None


def compile_param(pattern: str):
    """The compiled form of a pattern parameter: RE2 for a user's (already compiled at load), a lazily
    compiled ``re`` pattern for a built-in rule's."""
    if isinstance(pattern, UserPattern) and pattern.regex is not None:
        return pattern.regex
    return lazy_re.compile(pattern)


def compile_user_pattern(pattern: str, count_groups: bool = True):
    """The RE2 pattern for ``pattern``, or UserPatternError saying what is wrong with it."""
    if not isinstance(pattern, str):
        raise UserPatternError("正则表达式必须是字符串")
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise UserPatternError(f"正则表达式过长（{len(pattern)} 字符，上限 {MAX_PATTERN_LENGTH}）")
    import re2

    options = re2.Options()
    options.log_errors = False           # RE2 would print its own English line on stderr
    options.max_mem = MAX_PROGRAM_MEMORY
    try:
        rx = re2.compile(_UNICODE_ESCAPE.sub(_re2_escape, pattern), options)
    except re2.error as exc:
        raise UserPatternError(_explain(pattern, exc)) from None
    if count_groups:
        _check_count_groups(pattern, rx.groups)
    return rx


def _re2_escape(m) -> str:
    """Python's ``\\uXXXX``/``\\UXXXXXXXX`` in RE2's spelling ``\\x{XXXX}`` (an escaped backslash before
    it stays as it is)."""
    return m.group(1) + "\\x{" + (m.group(2) or m.group(3)) + "}"


def _explain(pattern: str, exc) -> str:
    detail = exc.args[0].decode("utf-8", "replace") if exc.args and isinstance(exc.args[0], bytes) else str(exc)
    if re.search(r"\\[1-9]|\(\?P=", pattern):
        what = "反向引用（\\1、(?P=name)）"
    elif re.search(r"\(\?<?[=!]", pattern):
        what = "前后查找（(?=…)、(?!…)、(?<=…)、(?<!…)）"
    elif "(?>" in pattern or re.search(r"[*+?}]\+", pattern):
        what = "原子组或占有量词（(?>…)、a++）"
    elif "repetition size" in detail:
        what = "超过 1000 的重复次数"
    elif "pattern too large" in detail:
        what = "过于庞大的模式"
    else:
        return f"正则表达式无效（RE2：{detail}）"
    return f"正则表达式含有 RE2 不支持的{what}；用户规则的正则由 RE2 以线性时间匹配，请改写（RE2：{detail}）"


def _check_count_groups(pattern: str, groups: int) -> None:
    if groups == 0:
        raise UserPatternError("正则表达式没有捕获组：第一个非空捕获组是所述的数量，如 (\\d+)")
    for body in capture_groups(pattern):
        if not _DIGIT_GROUP.fullmatch(body):
            raise UserPatternError(f"捕获组 ({body[:40]}) 不是纯数字：数量组只能是 (\\d+) 这样的数字，"
                                   "其他分组请写成 (?:…)")


def compile_user_params(params, path: str = "params"):
    """``params`` with every pattern string (values under keys named like ``pattern``/``regex``, any
    kind) replaced by a UserPattern carrying its RE2 form; raises UserPatternError with the JSON path."""
    if isinstance(params, dict):
        return {k: _compile_value(v, f"{path}.{k}") if _REGEX_KEYS.search(str(k))
                else compile_user_params(v, f"{path}.{k}") for k, v in params.items()}
    if isinstance(params, list):
        return [compile_user_params(v, f"{path}[{i}]") for i, v in enumerate(params)]
    return params


def _compile_value(value, path: str):
    if isinstance(value, list):
        return [_compile_value(v, f"{path}[{i}]") for i, v in enumerate(value)]
    if not isinstance(value, str):
        return compile_user_params(value, path)
    try:
        regex = compile_user_pattern(value)
    except UserPatternError as exc:
        raise UserPatternError(f"位置 {path}：{exc}") from None
    marked = UserPattern(value)
    marked.regex = regex
    return marked
