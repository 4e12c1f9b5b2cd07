"""Where the shipped rule data lives, in a source checkout and in an installed wheel."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def rules_root() -> Path:
    installed = _HERE / "_rules"
    if installed.is_dir():
        return installed
    return _HERE.parent / "rules"


def data_path(*parts: str) -> Path:
    return rules_root().joinpath("data", *parts)
