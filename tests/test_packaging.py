"""pyproject lists every sub-package explicitly (the mapped rules package prevents auto-discovery)."""

from __future__ import annotations

import re

from conftest import ROOT


def test_every_subpackage_is_listed():
    listed = set(re.search(r"packages = \[(.*?)\]", (ROOT / "pyproject.toml").read_text(), re.S).group(1)
                 .replace('"', "").replace(" ", "").split(","))
    actual = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "checker").rglob("__init__.py")}
    assert actual <= listed, f"add to pyproject packages: {sorted(actual - listed)}"
