"""One severity vocabulary: Chinese words in formats people read, English keys (``Severity.label``)
in formats programs read."""

from __future__ import annotations

from ..model.diagnostic import Severity

ZH = {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"}
ZH_BY_KEY = {s.label: word for s, word in ZH.items()}
STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def zh(severity) -> str:
    """The Chinese word for a Severity or its English key."""
    return ZH[severity] if isinstance(severity, Severity) else ZH_BY_KEY.get(severity, severity)
