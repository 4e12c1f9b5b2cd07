"""argparse in Chinese: its help headings and its error messages, with a suggestion for a mistyped
command or option.

argparse formats its messages in English before ``error`` sees them; they are translated here by
pattern (the wording is stable across Python 3.10–3.13), never by patching the argparse module."""

from __future__ import annotations

import argparse
import re
from functools import lru_cache

_MESSAGES = [
    (r"the following arguments are required: (.*)", "缺少必需的参数：{0}"),
    (r"unrecognized arguments: (.*)", "无法识别的参数：{0}"),
    (r"argument (\S+): (.*)", "参数 {0}：{1}"),
    (r"invalid choice: (.*) \(choose from (.*)\)", "无效的选择：{0}（可选：{1}）"),
    (r"expected one argument", "需要一个值"),
    (r"expected at most one argument", "最多需要一个值"),
    (r"expected at least one argument", "至少需要一个值"),
    (r"expected (\d+) arguments?", "需要 {0} 个值"),
    (r"not allowed with argument (.*)", "不能与参数 {0} 同时使用"),
    (r"ambiguous option: (\S+) could match (.*)", "选项 {0} 有歧义，可能是：{1}"),
    (r"invalid (\S+) value: (.*)", "无效的 {0} 值：{1}"),
    (r"one of the arguments (.*) is required", "必须给出以下参数之一：{0}"),
    (r"ignored explicit argument (.*)", "多余的参数值：{0}"),
    (r"unexpected option string: (.*)", "意外的选项：{0}"),
]


@lru_cache(maxsize=1)
def _compiled() -> list:
    """Compiled at the first message to translate: a run without a usage error never needs them."""
    return [(re.compile(p), t) for p, t in _MESSAGES]


def translate(message: str) -> str:
    """The Chinese form of one argparse message (nested: ``argument X: invalid choice …``)."""
    for pattern, template in _compiled():
        m = pattern.fullmatch(message)
        if m:
            return template.format(*(translate(g) if i else g for i, g in enumerate(m.groups())))
    return message


def suggestion(message: str, options: list[str], commands: list[str]) -> str | None:
    """“你是不是想用 --format？” for an unknown option or an invalid choice close to a known one."""
    import difflib

    m = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
    if m:
        choices = re.findall(r"'([^']*)'", m.group(2))
        close = difflib.get_close_matches(m.group(1), choices, n=1, cutoff=0.5)
        return f"你是不是想用 {close[0]}？" if close else None
    m = re.match(r"unrecognized arguments: (.*)", message)
    if m:
        for word in m.group(1).split():
            pool = options if word.startswith("-") else commands
            close = difflib.get_close_matches(word.split("=", 1)[0], pool, n=1, cutoff=0.6)
            if close:
                return f"{word}：你是不是想用 {close[0]}？"
    return None


class Formatter(argparse.RawDescriptionHelpFormatter):
    """Chinese usage prefix; descriptions and epilogs keep their line breaks (they hold examples)."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)

    def _split_lines(self, text, width):
        """Help wrapped by terminal cells (textwrap counts a CJK character as one column, not two),
        between CJK characters or at spaces, never inside a Latin word such as an option name."""
        from ..report.cells import width as cells

        rows, row, used = [], "", 0
        for token in _TOKEN.findall(" ".join(text.split())):
            w = cells(token)
            if used + w > width and row.strip():
                rows.append(row.rstrip())
                row, used = "", 0
                if token == " ":
                    continue
            row += token
            used += w
        return rows + ([row] if row.strip() else [])


_TOKEN = re.compile(r"[\x21-\x7e]+| |.")


def chinese_headings(parser: argparse.ArgumentParser) -> None:
    # argparse takes no title for its two default groups; these attributes are how they are named
    parser._positionals.title = "位置参数"
    parser._optionals.title = "选项"
    parser.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示此帮助并退出")
