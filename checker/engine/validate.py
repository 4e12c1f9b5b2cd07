"""JSON Schema validation of rule files with messages naming file, rule and JSON path."""

from __future__ import annotations

import json
from functools import lru_cache

from .. import lazy_re
from ..resources import rules_root
from .loader import RuleFileError


_IDENTIFIER = lazy_re.compile(r"[A-Za-z_][A-Za-z0-9_.-]{0,39}")


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


def shown(value) -> str:
    """A value from the file, quoted only when it is a short one-line scalar: an error message never
    reproduces a file's content (a secret file given as a rule file must not be printed)."""
    if isinstance(value, (int, float, bool)) and len(str(value)) <= 20:
        return repr(value)
    if isinstance(value, str) and len(value) <= 40 and "\n" not in value:
        return repr(value)
    return {dict: "映射", list: "列表", str: "字符串"}.get(type(value), type(value).__name__)


def key_names(keys) -> str:
    """Unknown keys, named only when they look like setting names (a file that is no configuration
    at all, such as a password file read as YAML, has its lines as keys)."""
    names = [k for k in keys if isinstance(k, str) and _IDENTIFIER.fullmatch(k)]
    if len(names) != len(keys) or not names:
        return f"（{len(keys)} 个，不像配置项；这是规则/配置文件吗？）"
    return ", ".join(names[:3]) + ("…" if len(names) > 3 else "")


def schema_message(err) -> str:
    """A Chinese sentence for a jsonschema error that quotes at most short scalars (see ``shown``)."""
    v, value = err.validator, err.validator_value
    if v == "type":
        return f"应为 {value}，实际为 {shown(err.instance)}"
    if v == "enum":
        return f"取值 {shown(err.instance)} 无效，可选：{', '.join(map(str, value))}"
    if v == "const":
        return f"取值 {shown(err.instance)} 无效，应为 {value!r}"
    if v == "required":
        missing = [k for k in value if isinstance(err.instance, dict) and k not in err.instance]
        return f"缺少必填项 {', '.join(missing) or ', '.join(value)}"
    if v == "additionalProperties" and isinstance(err.instance, dict):
        extra = [k for k in err.instance if k not in err.schema.get("properties", {})]
        return f"不允许的键 {key_names(extra)}"
    if v in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        word = {"minimum": "不得小于", "maximum": "不得大于", "exclusiveMinimum": "必须大于",
                "exclusiveMaximum": "必须小于"}[v]
        return f"数值 {shown(err.instance)} {word} {value}"
    if v in ("minItems", "maxItems", "minLength", "maxLength"):
        return f"长度不符合要求（{v} = {value}）"
    if v == "pattern":
        return f"{shown(err.instance)} 不符合格式 {value}"
    return f"不符合规则文件的格式（{v}）"


def validate_rule_file(data, name: str) -> None:
    import jsonschema

    if not isinstance(data, dict):
        raise RuleFileError(f"{name}: 不是规则文件：顶层应为含 rules 列表的 YAML 映射，实际为 {shown(data)}")
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
    raise RuleFileError(f"{name}: {where}位置 {_pointer(path)}：{schema_message(err)}")
