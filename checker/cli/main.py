"""``govlint`` command line. argparse, not typer: typer costs ~90 ms per start (measured in
../shared/reference/library-performance.md §1), a third of the single-file budget."""

from __future__ import annotations

import argparse
import gc
import os
import sys

from .. import __version__
from .i18n import Formatter, chinese_headings

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class _Formatter(Formatter):
    """argparse builds a formatter for every add_argument; the stock one imports shutil (2 ms) for the
    terminal width even when no help is printed. Same width rule, from os directly."""

    def __init__(self, prog, indent_increment=2, max_help_position=24, width=None):
        if width is None:
            try:
                width = int(os.environ["COLUMNS"])
            except (KeyError, ValueError):
                try:
                    width = os.get_terminal_size(sys.__stdout__.fileno()).columns
                except (AttributeError, ValueError, OSError):
                    width = 80
            width -= 2
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    """Help and errors in Chinese, with a suggestion for a mistyped command or option."""

    def __init__(self, *args, formatter_class=_Formatter, add_help=True, **kwargs):
        super().__init__(*args, formatter_class=formatter_class, add_help=False, **kwargs)
        if add_help:
            chinese_headings(self)

    def error(self, message):
        from .i18n import suggestion, translate

        self.print_usage(sys.stderr)
        hint = suggestion(message, *_known_words(self))
        sys.stderr.write(f"{self.prog}: 错误：{translate(message)}\n" + (f"提示：{hint}\n" if hint else ""))
        sys.exit(EXIT_ERROR)


def _known_words(parser) -> tuple[list[str], list[str]]:
    """Every option string and command name of ``parser`` and its subcommands (for suggestions)."""
    options, commands = [], []
    stack = [parser]
    while stack:
        p = stack.pop()
        for action in p._actions:
            options.extend(action.option_strings)
            if isinstance(action.choices, dict):          # the subcommands' action maps names to parsers
                commands.extend(action.choices)
                stack.extend(action.choices.values())
    return sorted(set(options)), commands


EPILOG = """示例：
  govlint check 报告.txt                 检查一个文件
  govlint check reports/ --format json   检查目录，输出 JSON
  govlint check 报告.txt --fix           应用安全修复并写回
  govlint rules                          列出全部规则
  govlint explain GL101                  查看一条规则的说明和示例
  govlint completion bash                输出 bash 补全脚本

退出码：0 没有问题，1 有达到 --fail-on 级别的问题，2 用法错误或文件无法读取。"""


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="govlint", description="政府信息公开工作年度报告合规检查工具", epilog=EPILOG)
    p.add_argument("-V", "--version", action="version", version=f"govlint {__version__}",
                   help="显示版本号并退出")
    # an explicit prog spares argparse building a help formatter (and importing shutil) on every run
    sub = p.add_subparsers(dest="command", metavar="COMMAND", prog="govlint", title="命令")
    from . import check, completion, init_cmd, rules_cmd, template_cmd

    check.add_parser(sub)
    rules_cmd.add_parsers(sub)
    init_cmd.add_parser(sub)
    template_cmd.add_parser(sub)
    completion.add_parser(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return args.handler(args)
    except BrokenPipeError:          # `govlint check … | head` must not print a traceback
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("govlint: 已中断", file=sys.stderr)
        return 130


def entry() -> None:
    # Start-up allocates tens of thousands of long-lived objects (modules, rules, patterns); the default
    # gen-0 threshold of 700 runs the collector dozens of times for nothing (~1.5 ms of a one-file run).
    gc.set_threshold(10_000, 20, 20)
    code = main()
    if "coverage" in sys.modules:       # coverage.py writes its data from an atexit hook
        sys.exit(code)
    _exit_now(code)


def _exit_now(code: int) -> None:
    """Exit without tearing the interpreter down: freeing every module, rule and compiled pattern one
    by one takes ~7 ms, an eighth of a one-file run, and nothing needs cleaning once output is flushed
    (worker processes are stopped and files closed before ``main`` returns)."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):   # broken pipe or closed stream: nothing more can be written
            pass
    os._exit(code)
