"""Read and validate one configuration file. jsonschema is imported here only, so a run without any
configuration file never pays for it."""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

from ..resources import rules_root


class ConfigError(Exception):
    """An unreadable or invalid configuration; the message names the file, the key and the line."""


def _toml():
    if sys.version_info >= (3, 11):
        import tomllib
    else:                                           # pragma: no cover - Python 3.10
        import tomli as tomllib
    return tomllib


@lru_cache(maxsize=1)
def config_schema() -> dict:
    return json.loads((rules_root() / "schema" / "config.schema.json").read_text(encoding="utf-8"))


def _read(path: Path) -> str:
    from ..small_files import CONFIG_LIMIT, SmallFileError, read_text

    try:
        return read_text(path, CONFIG_LIMIT, "配置文件")
    except SmallFileError as exc:
        raise ConfigError(str(exc)) from None


def _parse(path: Path, text: str) -> tuple[dict, str]:
    """The settings mapping and a prefix naming where it lives in the file."""
    if path.suffix == ".toml":
        tomllib = _toml()
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: TOML 语法错误：{exc}") from None
        if path.name == "pyproject.toml":
            table = data.get("tool", {}).get("govlint") if isinstance(data.get("tool"), dict) else None
            if table is None:
                raise ConfigError(f"{path}: 没有 [tool.govlint] 表")
            return table, "[tool.govlint]"
        return data, ""
    from ..yamlio import YamlError, load_yaml_text

    try:
        data = load_yaml_text(text, str(path))
    except YamlError as exc:
        raise ConfigError(str(exc)) from None
    return ({} if data is None else data), ""


def _pointer(path) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(path))


def _yaml_line(text: str, path) -> int | None:
    """1-based line of the YAML node at ``path`` (keys, then list items), for an error message."""
    import yaml

    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return None
    line = node.start_mark.line if node is not None else None
    for step in path:
        if isinstance(node, yaml.MappingNode):
            match = next(((k, v) for k, v in node.value if k.value == step), None)
            if match is None:
                break
            line, node = match[0].start_mark.line, match[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
            line = node.start_mark.line
        else:
            break
    return None if line is None else line + 1


def validate(data, path: Path, text: str, prefix: str) -> None:
    import jsonschema

    validator = jsonschema.Draft202012Validator(config_schema())
    errors = list(validator.iter_errors(data))
    if not errors:
        return
    err = jsonschema.exceptions.best_match(errors)
    loc = list(err.absolute_path)
    where = " ".join(p for p in (prefix, _pointer(loc)) if p) or "顶层"
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        extra = [k for k in err.instance if k not in err.schema.get("properties", {})]
        loc_line = loc + extra[:1]          # point at the unknown key itself
    else:
        loc_line = loc
    line = _yaml_line(text, loc_line) if path.suffix in (".yaml", ".yml") else None
    at = f"第 {line} 行，" if line else ""
    raise ConfigError(f"{path}: {at}{where}：{_message(err)}")


def _message(err) -> str:
    """The common cases said plainly in Chinese; file content quoted only as short scalars."""
    from ..engine.validate import key_names, schema_message, shown

    if err.validator == "additionalProperties" and isinstance(err.instance, dict) and "properties" in err.schema:
        extra = sorted((k for k in err.instance if k not in err.schema["properties"]), key=str)
        known = "、".join(sorted(err.schema["properties"]))
        return f"未知的配置项 {key_names(extra)}（可用：{known}）"
    if err.validator == "pattern":
        return f"{shown(err.instance)} 不是规则代码或前缀（如 GL301、GL3）"
    return schema_message(err)


def load_config(path: Path) -> dict:
    """The validated settings of ``path`` (an empty dict for an empty file)."""
    path = Path(path)
    text = _read(path)
    data, prefix = _parse(path, text)
    validate(data, path, text, prefix)
    return data
