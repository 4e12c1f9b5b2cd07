"""Settings for one file: its configuration file merged with the command line, and the rules that
follow from them (selection by specificity, severity overrides, per-file ignores)."""

from __future__ import annotations

import os
from fnmatch import fnmatchcase
from pathlib import Path

from ..engine.loader import load_rules
from ..engine.rule import Rule
from ..model.diagnostic import Severity
from ..model.record import MutableRecord
from .discover import find_config
from .load import ConfigError, load_config

# config key → Document.options key (rules of other areas read these with .get)
OPTION_KEYS = {"agency": "agency", "lexicon-files": "lexicon_files", "blank-cell-policy": "blank_cell_policy",
               "cjk-spacing": "cjk_spacing"}
PATH_OPTIONS = {"lexicon-files"}


def _longest(code: str, prefixes) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


def enabled(code: str, select, ignore) -> bool:
    """ruff's rule: the most specific selector wins, and on a tie ``ignore`` does."""
    return _longest(code, select) > _longest(code, ignore)


class Settings(MutableRecord):
    __slots__ = ("path", "root", "select", "ignore", "severity", "per_file_ignores", "fail_on", "template",
                 "rule_files", "options", "output_format", "exclude", "extend_exclude", "_rules")

    def __init__(self, path: Path | None, root: Path, select: tuple[str, ...] = ("",), ignore: tuple[str, ...] = (),
                 severity: dict[str, str] | None = None,
                 per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = (), fail_on: str = "error",
                 template: str | None = None, rule_files: tuple[str, ...] = (), options: dict | None = None,
                 output_format: str | None = None, exclude: tuple[str, ...] | None = None,
                 extend_exclude: tuple[str, ...] = ()) -> None:
        self.path = path                # the configuration file, None for built-in defaults
        self.root = root                # relative paths and per-file globs are read from here
        self.select, self.ignore = select, ignore      # "" selects every rule
        self.severity = {} if severity is None else severity
        self.per_file_ignores, self.fail_on, self.template = per_file_ignores, fail_on, template
        self.rule_files = rule_files
        self.options = {} if options is None else options
        self.output_format = output_format
        self.exclude, self.extend_exclude = exclude, extend_exclude    # directory walks (read/excludes.py)
        self._rules: list[Rule] | None = None

    @property
    def rules(self) -> list[Rule]:
        """Loaded (and the selectors checked) on first use: a configuration nobody checks a file with
        never loads its rule files."""
        if self._rules is None:
            rules = load_rules(list(self.rule_files))
            self._check_selectors({r.code for r in rules})
            self._rules = [self._with_severity(r) for r in rules if enabled(r.code, self.select, self.ignore)]
        return self._rules

    def _with_severity(self, rule: Rule) -> Rule:
        best = max((k for k in self.severity if rule.code.startswith(k)), key=len, default=None)
        if best is None or Severity.parse(self.severity[best]) == rule.severity:
            return rule
        return rule.replace(severity=Severity.parse(self.severity[best]))

    def _check_selectors(self, codes: set[str]) -> None:
        """A selector that matches no rule is a typo; say so rather than silently select nothing."""
        used = [*self.select, *self.ignore, *self.severity, *(c for _, cs in self.per_file_ignores for c in cs)]
        unknown = sorted({s for s in used if s and not any(c.startswith(s) for c in codes)})
        if unknown:
            where = self.path or "命令行"
            raise ConfigError(f"{where}: 未知的规则代码或前缀：{', '.join(unknown)}（用 govlint rules 查看全部）")

    def ignored_for(self, file: str) -> tuple[str, ...]:
        if file == "-" or not self.per_file_ignores:
            return ()
        rel = Path(os.path.relpath(os.path.abspath(file), self.root)).as_posix()
        name = rel.rsplit("/", 1)[-1]
        out: list[str] = []
        for pattern, codes in self.per_file_ignores:
            if fnmatchcase(rel, pattern) or ("/" not in pattern and fnmatchcase(name, pattern)):
                out.extend(codes)
        return tuple(out)

    def rules_for(self, file: str) -> list[Rule]:
        ignored = self.ignored_for(file)
        if not ignored:
            return self.rules
        return [r for r in self.rules if _longest(r.code, ignored) < 0]


class Overrides(MutableRecord):
    """What the command line says; None/empty means “not given”."""

    __slots__ = ("select", "extend_select", "ignore", "fail_on", "template", "rule_files", "output_format")

    def __init__(self, select: list[str] | None = None, extend_select: list[str] | None = None,
                 ignore: list[str] | None = None, fail_on: str | None = None, template: str | None = None,
                 rule_files: list[str] | None = None, output_format: str | None = None) -> None:
        self.select = select
        self.extend_select = [] if extend_select is None else extend_select
        self.ignore = [] if ignore is None else ignore
        self.fail_on, self.template = fail_on, template
        self.rule_files = [] if rule_files is None else rule_files
        self.output_format = output_format


def build_settings(path: Path | None, data: dict, cli: Overrides, cwd: Path) -> Settings:
    root = path.parent if path else cwd

    def rel(p: str) -> str:
        return str(root / p) if not os.path.isabs(p) else p

    if cli.select:
        select = [*cli.select, *cli.extend_select]
    else:
        select = [*(data.get("select") or [""]), *data.get("extend-select", []), *cli.extend_select]
    options = {}
    for key, opt in OPTION_KEYS.items():
        if key in data:
            options[opt] = [rel(p) for p in data[key]] if key in PATH_OPTIONS else data[key]
    if options.get("lexicon_files"):
        _check_lexicons(path, options["lexicon_files"])
    return Settings(
        path=path, root=root,
        select=tuple(s.upper() for s in select),
        ignore=tuple(s.upper() for s in [*data.get("ignore", []), *cli.ignore]),
        severity={k.upper(): v for k, v in data.get("severity", {}).items()},
        per_file_ignores=tuple((g, tuple(c.upper() for c in cs)) for g, cs in data.get("per-file-ignores", {}).items()),
        fail_on=cli.fail_on or data.get("fail-on", "error"),
        template=cli.template or data.get("template"),
        rule_files=tuple([*(rel(p) for p in data.get("rule-files", [])), *cli.rule_files]),
        options=options,
        output_format=cli.output_format or data.get("output-format"),
        exclude=tuple(data["exclude"]) if "exclude" in data else None,
        extend_exclude=tuple(data.get("extend-exclude", ())),
    )


def _check_lexicons(config: Path | None, files: list[str]) -> None:
    """Read user lexicons now, so a broken one is a configuration error (exit 2), not a crash mid-run."""
    from ..contamination.lexicon import LexiconError, load

    try:
        load(tuple(files))
    except LexiconError as exc:
        raise ConfigError(f"{config}: lexicon-files：{exc}") from None


class Resolver:
    """Settings per checked file, each configuration file read and validated once."""

    def __init__(self, cli: Overrides | None = None, config: str | None = None, isolated: bool = False,
                 cwd: Path | None = None):
        self.cli = cli or Overrides()
        self.config = Path(config) if config else None
        self.isolated = isolated
        self.cwd = Path(cwd or os.getcwd())
        self._cache: dict[Path | None, Settings] = {}

    def config_for(self, file: str) -> Path | None:
        if self.isolated:
            return None
        if self.config is not None:
            return self.config
        directory = self.cwd if file == "-" else Path(os.path.dirname(os.path.abspath(file)))
        return find_config(directory)

    def for_path(self, file: str) -> Settings:
        path = self.config_for(file)
        if path not in self._cache:
            data = load_config(path) if path is not None else {}
            self._cache[path] = build_settings(path, data, self.cli, self.cwd)
        return self._cache[path]

    def for_cwd(self) -> Settings:
        """Run-wide settings (output format) come from the configuration of the current directory."""
        return self.for_path("-")
