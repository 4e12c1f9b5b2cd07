"""Load rule files. Built-in rules are validated by the test-suite and trusted while their content
hash matches the shipped manifest; anything else (edited built-ins, user rule files) goes through
the JSON Schema, their messages must be plain templates and their patterns compile with RE2 at load
(so nothing accepted here fails on a file later); a plain ``govlint check`` never imports jsonschema."""

from __future__ import annotations

import os
import re
import zlib
from functools import lru_cache
from pathlib import Path

from ..model.diagnostic import Severity
from ..resources import rules_root
from ..small_files import RULE_FILE_LIMIT, SmallFileError, read_text
from ..yamlio import load_yaml_text
from .rule import Rule
from .yamlcache import cached, current_digest

MANIFEST = "schema/builtin.digest"


class RuleFileError(Exception):
    """Invalid rule file; the message names file, rule and JSON path."""


def builtin_rule_files() -> list[Path]:
    return sorted(rules_root().glob("*.yaml"))


def builtin_digest() -> str:
    """Checksum of every built-in rule, template and schema file (data/ excluded: it is not schema-checked).

    It detects edits, it does not authenticate: whoever can edit the rules can edit the manifest too. So
    CRC-32 and the total size, not a cryptographic hash — importing hashlib alone costs ~5 ms per run."""
    crc, size = 0, 0
    for rel in _rule_data_files(str(rules_root())):
        with open(os.path.join(rules_root(), rel), "rb") as fh:
            data = fh.read()
        crc = zlib.crc32(data, zlib.crc32(rel.encode() + b"\0", crc))
        size += len(data)
    return f"crc32:{crc:08x}:{size}"


def _rule_data_files(root: str) -> list[str]:
    """Relative POSIX paths of the .yaml/.json files under ``root``, sorted."""
    out = []
    for folder, dirs, files in os.walk(root):
        rel = os.path.relpath(folder, root).replace(os.sep, "/")
        out.extend(f if rel == "." else f"{rel}/{f}" for f in files if f.endswith((".yaml", ".json")))
    return sorted(out)


def _trusted() -> bool:
    manifest = rules_root() / MANIFEST
    return manifest.is_file() and manifest.read_text().strip() == current_digest()


def parse_rule_file(text: str, name: str, validate: bool, builtin: bool = False) -> list[Rule]:
    """Rules of one file; ``validate``: against the schema, and for a user's file (not ``builtin``) with
    the template and RE2 checks."""
    data = load_yaml_text(text, name)
    if validate:
        from .validate import validate_rule_file  # jsonschema: only for files not known to be valid

        validate_rule_file(data, name)
    if builtin or not validate:
        return [_rule(entry, name) for entry in data.get("rules", [])]
    rules = [_user_rule(entry, name) for entry in data.get("rules", [])]
    for rule in rules:
        _compile_now(rule, name)
    return rules


def _user_rule(entry: dict, name: str) -> Rule:
    """A rule from a file that is not a trusted built-in: its message must be a plain template and its
    patterns compile with RE2 (engine/message.py, engine/user_regex.py)."""
    from .message import template_problem
    from .user_regex import UserPatternError, compile_user_params

    where = f"{name}: 规则 {entry.get('code', '?')}"
    problem = template_problem(entry.get("message"))
    if problem:
        raise RuleFileError(f"{where}，位置 message：{problem}")
    try:
        params = compile_user_params(entry.get("params", {}), "params")
    except UserPatternError as exc:
        raise RuleFileError(f"{where}，{exc}") from None
    return _rule({**entry, "params": params}, name)


def _compile_now(rule: Rule, name: str) -> None:
    """Build the rule's compiled parameters at load, so a parameter that cannot work (min_chars above
    max_chars, a bound too large for a pattern) stops the run here instead of failing on every file."""
    try:
        rule.compiled
    except (ValueError, OverflowError, TypeError, re.error) as exc:
        raise RuleFileError(f"{name}: 规则 {rule.code}，位置 params：参数无效：{_short(exc)}") from None


def _short(exc: Exception) -> str:
    return str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__


def _rule(e: dict, origin: str) -> Rule:
    return Rule(
        code=e["code"], name=e["name"], kind=e["kind"], severity=Severity.parse(e["severity"]),
        message=e["message"], summary=e.get("summary", ""), doc=e.get("doc", ""),
        params=e.get("params", {}), generations=tuple(e.get("generations", ())),
        fixable=e.get("fixable", False), examples=e.get("examples", {}), origin=origin,
        aggregate=e.get("aggregate"),
    )


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[Rule, ...]:
    validate = not _trusted()
    rules: list[Rule] = []
    for path in builtin_rule_files():
        data = None if validate else cached(path)     # parsed ahead of time: no YAML import on a normal run
        if data is not None:
            rules.extend(_rule(entry, str(path)) for entry in data.get("rules", []))
        else:
            rules.extend(parse_rule_file(path.read_text(encoding="utf-8"), str(path), validate, builtin=True))
    _check_unique(rules)
    return tuple(rules)


def load_rules(extra_files: list[str] = ()) -> list[Rule]:
    rules = list(builtin_rules())
    for f in extra_files:
        try:
            text = read_text(f, RULE_FILE_LIMIT, "规则文件")
        except SmallFileError as exc:
            raise RuleFileError(str(exc)) from None
        rules.extend(parse_rule_file(text, f, validate=True))
    _check_unique(rules)
    return rules


def _check_unique(rules: list[Rule]) -> None:
    seen: dict[str, str] = {}
    for r in rules:
        if r.code in seen:
            raise RuleFileError(f"{r.origin}: 规则代码 {r.code} 重复（已在 {seen[r.code]} 中定义）")
        seen[r.code] = r.origin
