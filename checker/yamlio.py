"""YAML loading: the libyaml C loader when present, and only ever the *safe* loaders."""

from __future__ import annotations

from pathlib import Path


class YamlError(Exception):
    pass


def load_yaml_text(text: str, name: str):
    import yaml  # 10 ms: built-in rules and templates normally come from the JSON cache (engine/yamlcache.py)

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 — a safe loader, never object construction
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else ""
        raise YamlError(f"{name}: YAML 语法错误 {where}：{getattr(exc, 'problem', exc)}") from None


def load_yaml(path: Path):
    from .engine.yamlcache import cached

    data = cached(path)
    if data is not None:
        return data
    return load_yaml_text(Path(path).read_text(encoding="utf-8"), str(path))
