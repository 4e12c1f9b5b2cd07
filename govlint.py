"""``import govlint``: the library interface of the govlint checker (implemented in checker/api.py)."""

from checker import __version__
from checker.api import check_path, check_paths, check_text, rules

__all__ = ["__version__", "check_path", "check_paths", "check_text", "rules"]
