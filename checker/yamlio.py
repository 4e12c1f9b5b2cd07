"""YAML loading: the libyaml C parser when present, only the *safe* constructors, and bounds.

A few hundred bytes of nested anchors and aliases (``&a [*b, *b, …]``) stand for billions of nodes:
the loader shares them, but whatever walks the result (schema validation, an error message, JSON)
pays for every one. So the composed node graph is walked first and refused when it would expand to
more than MAX_NODES nodes or uses more than MAX_ALIASES aliases; the expansion is never printed.
Integers are parsed only up to MAX_INT_DIGITS digits (Python refuses 4,300 and more with a
traceback-worthy ValueError; no setting needs more than a few).
"""

from __future__ import annotations

from pathlib import Path

MAX_ALIASES = 100
MAX_NODES = 200_000
MAX_INT_DIGITS = 30


class YamlError(Exception):
    pass


def _loader_class():
    import yaml  # 10 ms: built-in rules and templates normally come from the JSON cache (engine/yamlcache.py)

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class BoundedLoader(base):
        def construct_yaml_int(self, node):
            digits = sum(ch.isdigit() for ch in node.value)
            if digits > MAX_INT_DIGITS:
                raise yaml.constructor.ConstructorError(
                    None, None, f"整数过长（{digits} 位，上限 {MAX_INT_DIGITS} 位）", node.start_mark)
            return super().construct_yaml_int(node)

    BoundedLoader.add_constructor("tag:yaml.org,2002:int", BoundedLoader.construct_yaml_int)
    return yaml, BoundedLoader


def _check_expansion(yaml, root, name: str) -> None:
    """Refuse a node graph whose tree expansion is too large (aliases share nodes; cycles are refused too)."""
    if root is None:
        return
    seen_ids: set[int] = set()
    aliases = visits = 0
    stack = [root]
    while stack:
        node = stack.pop()
        visits += 1
        if id(node) in seen_ids:
            aliases += 1
        seen_ids.add(id(node))
        if visits > MAX_NODES or aliases > MAX_ALIASES:
            raise YamlError(f"{name}: YAML 锚点/别名过多或展开过大（上限 {MAX_ALIASES} 个别名、"
                            f"{MAX_NODES} 个节点），不读取")
        if isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.append(key)
                stack.append(value)


def load_yaml_text(text: str, name: str):
    yaml, loader_class = _loader_class()
    loader = loader_class(text)
    try:
        root = loader.get_single_node()
        _check_expansion(yaml, root, name)
        return None if root is None else loader.construct_document(root)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第 {mark.line + 1} 行第 {mark.column + 1} 列" if mark else ""
        problem = str(getattr(exc, "problem", None) or "无法解析")[:120]
        what = "内容错误" if isinstance(exc, yaml.constructor.ConstructorError) else "语法错误"
        raise YamlError(f"{name}: YAML {what} {where}：{problem}") from None
    finally:
        loader.dispose()


def load_yaml(path: Path):
    """A built-in YAML file (rules/templates): from the JSON cache when current, else parsed."""
    from .engine.yamlcache import cached

    data = cached(path)
    if data is not None:
        return data
    return load_yaml_text(Path(path).read_text(encoding="utf-8"), str(path))
