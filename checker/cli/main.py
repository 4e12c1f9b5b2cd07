"""``govlint`` command line. argparse, not typer: typer costs ~90 ms per start (measured in
../shared/reference/library-performance.md §1), a third of the single-file budget."""

from __future__ import annotations

import argparse
import sys

from .. import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="govlint", description="政府信息公开工作年度报告合规检查工具")
    p.add_argument("--version", action="version", version=f"govlint {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    from . import check, rules_cmd

    check.add_parser(sub)
    rules_cmd.add_parsers(sub)
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
    sys.exit(main())
