"""``govlint check PATH…``"""

from __future__ import annotations

import os
import sys
import time

from ..engine.loader import RuleFileError, load_rules
from ..engine.runner import check_path, select_rules
from ..model.diagnostic import Severity
from ..read.discover import discover
from ..report import FORMATS, reporter
from ..templates import get_template
from ..yamlio import YamlError

SEVERITIES = ["error", "warning", "info"]


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="检查年度报告", description="检查年度报告文件或目录（- 表示标准输入）")
    p.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    p.add_argument("--format", "--output-format", dest="format", choices=sorted(FORMATS), default=None,
                   help="输出格式（默认：终端为 text，否则为 text 无颜色）")
    p.add_argument("--fail-on", choices=SEVERITIES, default="error",
                   help="达到该级别的问题时退出码为 1（默认 error）")
    p.add_argument("--template", metavar="GEN",
                   help="强制使用的模板：2021、2019、pre2019（默认按报告年份选择）")
    p.add_argument("--select", type=_codes, default=[], metavar="CODES", help="只启用这些规则（代码或前缀，逗号分隔）")
    p.add_argument("--extend-select", type=_codes, default=[], metavar="CODES", help="在默认规则之外再启用")
    p.add_argument("--ignore", type=_codes, default=[], metavar="CODES", help="停用这些规则（代码或前缀）")
    p.add_argument("--rules", dest="rule_files", action="append", default=[], metavar="FILE",
                   help="额外的规则文件（YAML，按 JSON Schema 校验）")
    color = p.add_mutually_exclusive_group()
    color.add_argument("--color", dest="color", action="store_true", default=None, help="强制彩色输出")
    color.add_argument("--no-color", dest="color", action="store_false", help="关闭彩色输出")
    p.add_argument("--exit-zero", action="store_true", help="有问题时也以 0 退出")
    p.add_argument("-q", "--quiet", action="store_true", help="不打印汇总行")
    p.set_defaults(handler=run)


def use_color(args, out) -> bool:
    if args.color is not None:
        return args.color
    if os.environ.get("NO_COLOR"):
        return False
    return hasattr(out, "isatty") and out.isatty()


def run(args) -> int:
    from .main import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

    started = time.perf_counter()
    if args.template:
        try:
            get_template(args.template)
        except KeyError as exc:
            print(f"govlint: {exc.args[0]}", file=sys.stderr)
            return EXIT_ERROR
    try:
        rules = select_rules(load_rules(args.rule_files), args.select, args.ignore, args.extend_select)
    except (RuleFileError, YamlError) as exc:
        print(f"govlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    files, errors = discover(args.paths)
    for e in errors:
        print(f"govlint: {e.path}: {e.message}", file=sys.stderr)
    results = [check_path(f, rules, args.template) for f in files]
    out = sys.stdout
    fmt = args.format or "text"
    options = {"color": use_color(args, out), "elapsed": time.perf_counter() - started, "quiet": args.quiet}
    reporter(fmt).render(results, out, options)
    for r in results:
        if r.error:
            print(f"govlint: {r.path}: {r.error}", file=sys.stderr)
    if errors or any(r.error for r in results) or not (files or errors):
        if not (files or errors):
            print("govlint: 没有找到可检查的文件", file=sys.stderr)
        return EXIT_ERROR
    threshold = Severity.parse(args.fail_on)
    failing = any(d.severity >= threshold for r in results for d in r.diagnostics)
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_OK
