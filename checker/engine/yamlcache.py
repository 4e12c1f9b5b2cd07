"""Built-in YAML (rules, templates) parsed ahead of time and stored as JSON beside the rules.

``python scripts/update_manifest.py`` writes the cache together with the content hash of the sources.
At run time the cache is used only while that hash still matches the files, so an edited rule file
is never shadowed by a stale cache; it is simply parsed from YAML (≈10 ms slower to start).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from ..resources import rules_root

CACHE = "schema/builtin.cache"


@lru_cache(maxsize=1)
def current_digest() -> str:
    from .loader import builtin_digest

    return builtin_digest()


@lru_cache(maxsize=1)
def _entries() -> dict:
    try:
        data = json.loads((rules_root() / CACHE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("digest") != current_digest():
        return {}
    files = data.get("files")
    return files if isinstance(files, dict) else {}


def _key(path: Path) -> str | None:
    try:
        return Path(path).resolve().relative_to(rules_root().resolve()).as_posix()
    except ValueError:
        return None


def cached(path: Path):
    """Parsed content of a built-in YAML file, or None when it must be parsed (no cache, stale, not built-in)."""
    key = _key(path)
    return None if key is None else _entries().get(key)


def build() -> dict:
    """Every built-in YAML file whose parsed content survives a JSON round trip unchanged."""
    from ..yamlio import load_yaml_text

    from .loader import builtin_digest

    root = rules_root()
    files = {}
    for p in sorted(root.rglob("*.yaml")):
        data = load_yaml_text(p.read_text(encoding="utf-8"), str(p))
        if json.loads(json.dumps(data, ensure_ascii=False)) == data:   # dates, int keys… stay YAML-only
            files[p.relative_to(root).as_posix()] = data
    return {"digest": builtin_digest(), "files": files}


def write() -> Path:
    path = rules_root() / CACHE
    path.write_text(json.dumps(build(), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return path
