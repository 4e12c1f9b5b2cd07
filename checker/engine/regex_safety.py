"""Refuse user regexes whose shape makes the backtracking ``re`` engine take exponential time.

Rule files may carry regexes (built-in kinds with a pattern parameter). Python's ``re`` cannot be
interrupted, so a bad pattern would hang a pre-commit hook on an ordinary report. Instead of bounding
matching in time, patterns are checked when the rule file is loaded, on the parsed pattern tree:

* a variable-width quantifier inside another quantifier (star height > 1): ``(a+)+``, ``(.*)*``,
  ``(\\d+[,，]?)*``;
* alternatives under a quantifier that can start with the same character, so the engine can split
  the same input between them in exponentially many ways: ``(a|a)*``, ``(a|aa)*``, ``(\\w|\\d)+``.

Possessive quantifiers and atomic groups (``a++``, ``(?>…)``, Python 3.11+) never backtrack and are
accepted. Polynomial shapes (``.*.*x``) are not refused: with the input size limit their cost stays
bounded. The check is conservative; a refused pattern can always be rewritten (character class instead
of alternatives, possessive quantifier, or a single quantifier).
"""

from __future__ import annotations

import re

try:
    from re import _constants as C, _parser as P          # Python 3.11+
except ImportError:                                      # pragma: no cover - Python 3.10
    import sre_constants as C
    import sre_parse as P

MAX_PATTERN_LENGTH = 2000
ANY = None                     # first-character set that may contain anything

# Representative code point intervals of the categories, enough to decide overlap conservatively.
_CATEGORIES = {
    C.CATEGORY_DIGIT: [(0x30, 0x39), (0x660, 0x669), (0xFF10, 0xFF19)],
    C.CATEGORY_SPACE: [(0x09, 0x0D), (0x20, 0x20), (0x85, 0x85), (0xA0, 0xA0), (0x2000, 0x200A), (0x3000, 0x3000)],
    C.CATEGORY_WORD: [(0x30, 0x39), (0x41, 0x5A), (0x5F, 0x5F), (0x61, 0x7A), (0xAA, 0x10FFFF)],
}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT}
_POSSESSIVE = getattr(C, "POSSESSIVE_REPEAT", object())     # av = (min, max, body)
_ATOMIC_GROUP = getattr(C, "ATOMIC_GROUP", object())        # av = body
_ATOMIC = {_POSSESSIVE, _ATOMIC_GROUP}


class UnsafePattern(ValueError):
    """A regex refused at load time; the message says why, in Chinese, for the rule author."""


def compile_user_regex(pattern: str, flags: int = 0) -> re.Pattern:
    """Compile a regex from a rule file after the safety check; raises UnsafePattern with the reason."""
    check_pattern(pattern)
    return re.compile(pattern, flags)


def check_pattern(pattern: str) -> None:
    if not isinstance(pattern, str):
        raise UnsafePattern("正则表达式必须是字符串")
    if len(pattern) > MAX_PATTERN_LENGTH:
        raise UnsafePattern(f"正则表达式过长（{len(pattern)} 字符，上限 {MAX_PATTERN_LENGTH}）")
    try:
        tree = P.parse(pattern)
    except re.error as exc:
        raise UnsafePattern(f"正则表达式语法错误：{exc}") from None
    _walk(list(tree), repeated=False, follow=[])


# ---- first-character sets: list of (lo, hi) intervals, or ANY ----

def _union(a, b):
    return ANY if a is ANY or b is ANY else a + b


def _overlap(a, b) -> bool:
    if a is ANY or b is ANY:
        return bool(a is ANY and b is ANY) or bool(a or b)
    return any(lo1 <= hi2 and lo2 <= hi1 for lo1, hi1 in a for lo2, hi2 in b)


def _in_set(items):
    out = []
    for op, av in items:
        if op is C.NEGATE:
            return ANY
        if op is C.LITERAL:
            out.append((av, av))
        elif op is C.RANGE:
            out.append(av)
        elif op is C.CATEGORY and av in _CATEGORIES:
            out.extend(_CATEGORIES[av])
        else:                               # negated categories, unicode properties: anything
            return ANY
    return out


def _first(items):
    """(first-character set, whether the sequence can match the empty string)."""
    acc = []
    for op, av in items:
        f, nullable = _first_node(op, av)
        acc = _union(acc, f)
        if not nullable:
            return acc, False
    return acc, True


def _first_node(op, av):
    if op is C.LITERAL:
        return [(av, av)], False
    if op in (C.NOT_LITERAL, C.ANY):
        return ANY, False
    if op is C.IN:
        return _in_set(av), False
    if op is C.SUBPATTERN:
        return _first(av[-1])
    if op is C.BRANCH:
        acc, nullable = [], False
        for alt in av[1]:
            f, n = _first(alt)
            acc, nullable = _union(acc, f), nullable or n
        return acc, nullable
    if op is _ATOMIC_GROUP:
        return _first(av)
    if op in _REPEATS or op is _POSSESSIVE:
        f, n = _first(av[2])
        return f, n or av[0] == 0
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return [], True
    return ANY, True                        # group references, conditionals: assume the worst


# ---- the walk ----

def _walk(items, repeated: bool, follow) -> None:
    """``follow``: first characters of what may come after ``items`` inside the innermost repeat."""
    for i, (op, av) in enumerate(items):
        rest, rest_nullable = _first(items[i + 1:])
        after = _union(rest, follow) if rest_nullable else rest
        if op in _REPEATS:
            lo, hi, body = av
            if repeated and lo != hi:
                raise UnsafePattern(_nested_message())
            loops = hi > 1
            body_first, _ = _first(body)
            _walk(list(body), repeated or loops, _union(body_first, after) if loops else after)
        elif op in _ATOMIC:          # never backtracks into: safe whatever it contains at this level
            _walk(list(av if op is _ATOMIC_GROUP else av[2]), False, [])
        elif op is C.SUBPATTERN:
            _walk(list(av[-1]), repeated, after)
        elif op is C.BRANCH:
            if repeated:
                _check_alternatives(av[1], after)
            for alt in av[1]:
                _walk(list(alt), repeated, after)
        elif op in (C.ASSERT, C.ASSERT_NOT):
            _walk(list(av[1]), repeated, [])
        elif op is C.GROUPREF_EXISTS:
            for branch in av[1:]:
                if branch is not None:
                    _walk(list(branch), repeated, after)


def _check_alternatives(alts, after) -> None:
    firsts = []
    for alt in alts:
        f, nullable = _first(alt)
        firsts.append(_union(f, after) if nullable else f)
    for i in range(len(firsts)):
        for j in range(i + 1, len(firsts)):
            if _overlap(firsts[i], firsts[j]):
                raise UnsafePattern("正则表达式在量词内含有可匹配相同开头的分支（如 (a|a)*、(a|aa)*），"
                                    "匹配时间可能随文本长度指数增长；请改用字符类或合并分支")


def _nested_message() -> str:
    return ("正则表达式含有嵌套的可变长量词（如 (a+)+、(.*)*），匹配时间可能随文本长度指数增长；"
            "请改写为单个量词，或使用占有量词 a++ / 原子组 (?>…)")


_REGEX_KEYS = re.compile(r"(?:^|_)(?:pattern|patterns|regex|regexes)$")


def unsafe_params(params, path: str = "params") -> tuple[str, str] | None:
    """First (JSON path, reason) of a refused regex among ``params`` values under keys named like
    ``pattern``/``regex`` (strings or lists of strings), for any rule kind, current or future."""
    if isinstance(params, dict):
        for key, value in params.items():
            sub = f"{path}.{key}"
            if _REGEX_KEYS.search(str(key)):
                values = value if isinstance(value, list) else [value]
                for i, v in enumerate(values):
                    if isinstance(v, str):
                        try:
                            check_pattern(v)
                        except UnsafePattern as exc:
                            return (f"{sub}[{i}]" if isinstance(value, list) else sub), str(exc)
            found = unsafe_params(value, sub)
            if found:
                return found
    elif isinstance(params, list):
        for i, v in enumerate(params):
            found = unsafe_params(v, f"{path}[{i}]")
            if found:
                return found
    return None
