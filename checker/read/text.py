"""Plain text and Markdown reports."""

from __future__ import annotations

from ..model.source import Source
from .decode import decode


def read(data: bytes, path: str) -> Source:
    d = decode(data, path)
    return Source(path=path, text=d.text, encoding=d.encoding, bom=d.bom, newline=d.newline, format="text")
