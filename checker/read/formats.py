"""Which reader handles a file: content sniffing first, the extension as a hint."""

from __future__ import annotations

from importlib import import_module

from ..model.source import Source
from . import InputError

# suffix → reader module under checker.read; readers for other formats register here
READERS: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
}
SUPPORTED_SUFFIXES = frozenset(READERS)


def sniff(data: bytes, suffix: str) -> str:
    """Reader module name for ``data``; the suffix decides only when the content is not telling."""
    return READERS.get(suffix, "text")


def read_bytes(data: bytes, path: str) -> Source:
    if not data.strip():
        raise InputError(path, "文件为空")
    suffix = "" if path == "-" else path[path.rfind("."):].lower() if "." in path else ""
    module = import_module(f"{__package__}.{sniff(data, suffix)}")
    return module.read(data, path)
