"""JSON Schema validation of rule files with messages naming file, rule and JSON path."""

from __future__ import annotations

import json
from functools import lru_cache

from ..resources import rules_root
from .loader import RuleFileError


@lru_cache(maxsize=1)
def rule_file_schema() -> dict:
    """The base schema with each kind's ``params`` schema (schema/kinds/<kind>.json) attached."""
    base_dir = rules_root() / "schema"
    schema = json.loads((base_dir / "rule-file.schema.json").read_text(encoding="utf-8"))
    kinds = {}
    for p in sorted((base_dir / "kinds").glob("*.json")):
        kinds[p.stem] = json.loads(p.read_text(encoding="utf-8"))
    rule = schema["$defs"]["rule"]
    rule["properties"]["kind"]["enum"] = sorted(kinds)
    rule["allOf"] = [
        {"if": {"properties": {"kind": {"const": k}}}, "then": {"properties": {"params": s}}}
        for k, s in kinds.items()
    ]
    return schema


def _pointer(path) -> str:
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)


def validate_rule_file(data, name: str) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(rule_file_schema())
    errors = sorted(validator.iter_errors(data), key=lambda e: (len(e.absolute_path), list(map(str, e.absolute_path))))
    if not errors:
        return
    err = jsonschema.exceptions.best_match(errors)
    path = list(err.absolute_path)
    rule_id = ""
    if len(path) >= 2 and path[0] == "rules" and isinstance(path[1], int):
        entry = data["rules"][path[1]]
        rule_id = f"规则 {entry.get('code', '?')}" if isinstance(entry, dict) else f"规则 #{path[1]}"
    where = f"{rule_id}，" if rule_id else ""
    if not path:        # not a rule file at all (say /etc/shadow): name the problem, never echo its content
        raise RuleFileError(f"{name}: 不是规则文件：顶层应为含 rules 列表的映射（{err.validator} 校验未通过）")
    message = err.message if len(err.message) <= 200 else err.message[:200] + "…"
    raise RuleFileError(f"{name}: {where}位置 {_pointer(path)}：{message}")
