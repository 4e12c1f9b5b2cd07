"""Configuration: ``.govlint.yaml`` or ``[tool.govlint]`` in pyproject.toml, found by walking up from
each checked file (the closest file wins, no merging), or given with ``--config``."""

from __future__ import annotations

from .discover import find_config
from .load import ConfigError, load_config
from .settings import Resolver, Settings

__all__ = ["ConfigError", "Resolver", "Settings", "find_config", "load_config"]
