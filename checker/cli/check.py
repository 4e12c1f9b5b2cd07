"""``govlint check PATH…``"""

from __future__ import annotations

import os
import sys
import time

from ..config import ConfigError, Resolver
from ..config.plan import plan
from ..config.settings import Overrides
from ..engine.loader import RuleFileError
from ..engine.parallel import RunSpec, check_many, default_jobs
from ..model.diagnostic import Severity
from ..read.discover import discover
from ..read.limits import DEFAULT_MAX_BYTES, parse_size
from ..report import FORMATS, reporter
from ..templates import get_template
from ..yamlio import YamlError

SEVERITIES = ["error", "warning", "info"]


def _codes(value: str) -> list[str]:
    return [c.strip().upper() for c in value.split(",") if c.strip()]


def _patterns(value: str) -> list[str]:
    return [p.strip() for p in value.split(",") if p.strip()]


def _jobs(value: str) -> int:
    import argparse

    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"进程数必须是正整数：{value}")
    return int(value)


def _size(value: str) -> int:
    import argparse

    try:
        return parse_size(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


CHECK_EPILOG = """示例：
  govlint check 报告.txt                       检查一个文件
  govlint check reports/                       检查目录下所有支持的文件
  cat 报告.txt | govlint check -               检查标准输入
  govlint check reports/ --format concise      每个问题一行
  govlint check reports/ --statistics          每条规则的问题数
  govlint check 报告.txt --diff                显示修复内容，不写入
  govlint check 报告.txt --fix                 应用安全修复并写回
  govlint check reports/ --exclude 存档        跳过目录

退出码：0 没有问题，1 有达到 --fail-on 级别的问题，2 用法错误或文件无法读取。"""


def add_parser(sub) -> None:
    p = sub.add_parser("check", help="检查年度报告", description="检查年度报告文件或目录（- 表示标准输入）",
                       epilog=CHECK_EPILOG)
    p.add_argument("paths", nargs="*", default=["."], metavar="PATH",
                   help="文件、目录或 -（标准输入）；默认当前目录")
    p.add_argument("--format", "--output-format", dest="format", choices=sorted(FORMATS), default=None,
                   metavar="FORMAT", help=f"输出格式：{'、'.join(sorted(FORMATS))}（默认 text，或配置的 output-format）")
    p.add_argument("--fail-on", choices=SEVERITIES, default=None,
                   help="达到该级别的问题时退出码为 1（默认 error，或配置文件的 fail-on）")
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
    p.add_argument("--config", metavar="FILE", help="使用此配置文件（.govlint.yaml 或 pyproject.toml），不再逐目录查找")
    p.add_argument("--isolated", action="store_true", help="忽略所有配置文件")
    p.add_argument("--statistics", action="store_true", help="只输出每条规则的问题数")
    p.add_argument("-o", "--output-file", metavar="FILE", help="把报告写入文件（不加颜色）而不是标准输出")
    p.add_argument("-j", "--jobs", type=_jobs, default=None, metavar="N",
                   help="并行检查的进程数（默认：CPU 核数；输出顺序与进程数无关）")
    p.add_argument("--max-file-size", type=_size, default=DEFAULT_MAX_BYTES, metavar="SIZE",
                   help="超过此大小的文件（或超过 100 万字符的文本）不检查，退出码 2（默认 16M；0 表示不限）")
    p.add_argument("--fix", action="store_true", help="应用安全修复并写回文件（原子替换，保留编码、BOM 和换行符）")
    p.add_argument("--unsafe-fixes", action="store_true", help="与 --fix/--diff 同用时也应用不安全的修复")
    p.add_argument("--diff", action="store_true", help="以统一差异格式显示修复内容，不写入任何文件")
    p.add_argument("--agency", metavar="NAME", help="报告的发布机关全称（用于发现和替换被篡改的机关名称）")
    p.add_argument("--exclude", type=_patterns, default=None, metavar="PATTERNS",
                   help="遍历目录时跳过的路径（gitignore 模式，逗号分隔），替换默认列表"
                        "（.git、venv、.venv、node_modules、build、dist 等）和配置的 exclude")
    p.add_argument("--extend-exclude", type=_patterns, default=[], metavar="PATTERNS",
                   help="在默认列表之外再跳过的路径（gitignore 模式，逗号分隔）；.gitignore 中的文件总是跳过")
    p.set_defaults(handler=run)


def use_color(args, out) -> bool:
    """--color/--no-color, then NO_COLOR, then FORCE_COLOR, then whether ``out`` is a terminal (rich's order)."""
    if args.color is not None:
        return args.color
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return is_terminal(out)


def is_terminal(out) -> bool:
    try:
        return out.isatty()
    except (AttributeError, ValueError):
        return False


def term_width(out) -> int:
    """As rich: COLUMNS, else the terminal's width, else 80 (files and pipes)."""
    try:
        return max(20, int(os.environ["COLUMNS"]))
    except (KeyError, ValueError):
        pass
    if is_terminal(out):
        try:
            return os.get_terminal_size(out.fileno()).columns
        except (AttributeError, ValueError, OSError):
            pass
    return 80


def run(args) -> int:
    from .main import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

    started = time.perf_counter()
    if args.template:
        try:
            get_template(args.template)
        except KeyError as exc:
            print(f"govlint: {exc.args[0]}", file=sys.stderr)
            return EXIT_ERROR
    resolver = Resolver(Overrides(args.select or None, args.extend_select, args.ignore, args.fail_on, args.template,
                                  args.rule_files, args.format), args.config, args.isolated)
    try:
        excludes = _excludes(resolver, args)
    except (ConfigError, YamlError) as exc:
        print(f"govlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    files, errors = discover(args.paths, excludes)
    for e in errors:
        print(f"govlint: {e.path}: {e.message}", file=sys.stderr)
    try:
        batches = plan(files, resolver)
        fmt = resolver.for_cwd().output_format or "text"
    except (ConfigError, RuleFileError, YamlError) as exc:
        print(f"govlint: {exc}", file=sys.stderr)
        return EXIT_ERROR
    fmt_module = reporter(fmt)
    if getattr(fmt_module, "BINARY", False) and not args.output_file and not args.statistics:
        print(f"govlint: --format {fmt} 生成的是二进制文件，请用 -o 指定输出文件（如 -o 检查结果.{fmt}）", file=sys.stderr)
        return EXIT_ERROR
    args.snapshot = getattr(fmt_module, "NEEDS_TABLES", False) and not args.statistics
    rules = [r for b in batches for r in b.rules]
    if args.fix or args.diff:
        return _fix_run(files, batches, errors, args, fmt, started)
    options = {"quiet": args.quiet, "format": fmt, "rules": list({r.code: r for r in rules}.values())}
    stream = None if args.statistics else getattr(fmt_module, "Stream", None)
    if stream is not None:
        run_ = _streamed(files, batches, args, options, stream, started)
    else:
        run_ = _whole(files, batches, args, options, started)
    for path, error in run_.errors:
        print(f"govlint: {path}: {error}", file=sys.stderr)
    return _exit_code(errors, files, run_.errors, run_.failing, args)


def _streamed(files, batches, args, options: dict, stream, started: float):
    """Each file's part written as soon as it and the files before it are final (checker/cli/streaming.py)."""
    from ..report.output import finish, open_output, written
    from .streaming import Ordered

    fmt = options["format"]
    out = open_output(args.output_file, fmt)
    try:
        options["color"] = use_color(args, out)
        options["width"] = term_width(out)
        writer = stream(out, options)
        progress = _progress(files, args, fmt)

        def emit(result) -> None:
            progress.before_output()
            written(args.output_file, lambda: writer.file(result))

        run_ = Ordered(len(files), [r for b in batches for r in b.rules], emit, files)
        try:
            _check_batches(files, batches, args, run_, progress)
            run_.finish()
        finally:
            progress.close()
            run_.close()
        options["elapsed"] = time.perf_counter() - started
        written(args.output_file, lambda: writer.end(run_.tally))
    except BaseException:
        _close(out)
        raise
    finish(out, args.output_file)
    return run_


def _whole(files, batches, args, options: dict, started: float):
    """Formats that need the whole run (and --statistics): results spooled, read back by the reporter."""
    from .streaming import Ordered

    run_ = Ordered(len(files), [r for b in batches for r in b.rules], names=files)
    progress = _progress(files, args, options["format"])
    try:
        try:
            _check_batches(files, batches, args, run_, progress)
        finally:
            progress.close()
        results = run_.finish()
        options["elapsed"] = time.perf_counter() - started
        _report(results, options["format"], options, args)
    finally:
        run_.close()
    return run_


def _fix_run(files, batches, errors, args, fmt: str, started: float) -> int:
    """--fix and --diff: every result in memory, as the fixer rewrites files and reports on them all."""
    from ..engine.crossfile import cross_check
    from ..fix.cli import fix_results, summary
    from .main import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

    results, fail_on = _collect(files, batches, args, fmt)
    cross_check(results, [r for b in batches for r in b.rules])
    plans = {f: (b.rules, b.settings.template, _run_options(b.settings, args)) for b in batches for f in b.paths}
    run_ = fix_results(results, [plans[f] for f in files], args, sys.stdout, sys.stderr, use_color(args, sys.stdout))
    if not args.quiet:
        print(summary(run_, args.diff), file=sys.stderr)
    if args.diff:
        return EXIT_ERROR if run_.failed else EXIT_FINDINGS if run_.files else EXIT_OK
    results = run_.results
    options = {"elapsed": time.perf_counter() - started, "quiet": args.quiet, "format": fmt,
               "rules": list({r.code: r for b in batches for r in b.rules}.values())}
    _report(results, fmt, options, args)
    for r in results:
        if r.error:
            print(f"govlint: {r.path}: {r.error}", file=sys.stderr)
    failing = any(d.severity >= Severity.parse(fail_on[r.path]) for r in results for d in r.diagnostics)
    unreadable = [(r.path, r.error) for r in results if r.error]
    return _exit_code(errors, files, unreadable, failing, args, bool(run_.failed))


def _exit_code(errors, files, unreadable, failing: bool, args, fix_failed: bool = False) -> int:
    from .main import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK

    if errors or fix_failed or unreadable or not (files or errors):
        if not (files or errors):
            print("govlint: 没有找到可检查的文件", file=sys.stderr)
        return EXIT_ERROR
    return EXIT_FINDINGS if failing and not args.exit_zero else EXIT_OK


def _excludes(resolver, args):
    from ..read.excludes import from_settings

    return from_settings(resolver.for_cwd(), getattr(args, "exclude", None), getattr(args, "extend_exclude", ()))


def _progress(files, args, fmt: str):
    from .progress import Progress, wanted

    return Progress(len(files), wanted(fmt, args, len(files)))


def _check_batches(files: list[str], batches, args, take, progress) -> None:
    """Check every batch; ``take.add(index in files, result, its --fail-on)`` as each file is done (a
    file's configuration may set its --fail-on)."""
    for b in batches:
        s = b.settings
        # A spawned worker rebuilds rules from the spec: name the exact codes ("-" matches none).
        spec = RunSpec(list(s.rule_files), [r.code for r in b.rules] or ["-"], [], [], s.template,
                       _run_options(s, args))
        results = check_many(b.paths, b.rules, spec, args.jobs or default_jobs())
        for path, i, result in zip(b.paths, b.indexes, results):
            progress.advance(path)
            take.add(i, result, s.fail_on)


def _collect(files: list[str], batches, args, fmt: str = "text") -> tuple[list, dict[str, str]]:
    """Results in the order of ``files``, all in memory, and each file's --fail-on."""

    class Keep:
        def __init__(self) -> None:
            self.done, self.fail_on = {}, {}

        def add(self, index: int, result, fail_on: str) -> None:
            self.done[index] = result
            self.fail_on[result.path] = fail_on

    keep = Keep()
    progress = _progress(files, args, fmt)
    try:
        _check_batches(files, batches, args, keep, progress)
    finally:
        progress.close()
    return [keep.done[i] for i in range(len(files))], keep.fail_on


def _run_options(s, args) -> dict:
    extra = {"agency": args.agency} if getattr(args, "agency", None) else {}
    if getattr(args, "snapshot", False):
        extra["snapshot"] = True        # the reporter draws the statistics tables
    return {**s.options, "max_file_bytes": args.max_file_size, **extra}


def _report(results, fmt: str, options: dict, args) -> None:
    from ..report.output import finish, open_output, written

    if getattr(reporter(fmt), "BINARY", False) and not args.statistics:
        written(args.output_file, lambda: reporter(fmt).write(results, args.output_file, options))
        return
    out = open_output(args.output_file, fmt)
    try:
        options["color"] = use_color(args, out)
        options["width"] = term_width(out)
        if args.statistics:
            from ..report import statistics

            written(args.output_file, lambda: statistics.render(results, out, options))
        else:
            written(args.output_file, lambda: reporter(fmt).render(results, out, options))
    except BaseException:
        _close(out)
        raise
    finish(out, args.output_file)


def _close(out) -> None:
    if out is not sys.stdout:
        try:
            out.close()
        except OSError:
            pass
