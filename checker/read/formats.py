"""Which reader handles a file: content sniffing first, the extension as a hint."""

from __future__ import annotations

import re
from importlib import import_module

from .. import lazy_re
from ..model.source import Source
from . import InputError

# suffix → reader module under checker.read; readers for other formats register here
READERS: dict[str, str] = {
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".shtml": "html",
    ".xhtml": "html",
    ".pdf": "pdf",
}
SUPPORTED_SUFFIXES = frozenset(READERS)

# Formats recognisable by their first bytes that govlint cannot read: a clear message beats garbage.
_UNSUPPORTED_MAGIC = [
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "旧版 Office 文件（.doc/.wps/.xls），请另存为 .docx 后再检查"),
    (b"{\\rtf", "RTF 文件，请另存为 .docx 后再检查"),
    (b"\x89PNG\r\n\x1a\n", "PNG 图片，无法检查图片中的文字"),
    (b"\xff\xd8\xff", "JPEG 图片，无法检查图片中的文字"),
    (b"GIF8", "GIF 图片，无法检查图片中的文字"),
    (b"Rar!", "RAR 压缩包，请解压后再检查"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩包，请解压后再检查"),
    (b"\x1f\x8b", "gzip 压缩文件，请解压后再检查"),
]
# Any run of comments before the first tag is one lazy ``<!--.*?-->`` (it may span several): the same
# language as repeating a comment group, without the exponential ways to split ``<!---->`` × 30.
_HTML_START = lazy_re.compile(rb"\s*(<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)?<(!doctype\s+html|html|head|body|meta|title)\b",
                              re.I | re.S)


class Unsupported(Exception):
    """Content no reader handles; the message says what the file is."""


def _head_as_ascii(data: bytes) -> bytes:
    """The first 4 KB as bytes an ASCII pattern can match, whatever the BOM says (UTF-16/32 HTML exists)."""
    head = data[:4096]
    for bom, enc in ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
                     (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"), (b"\xef\xbb\xbf", "utf-8")):
        if head.startswith(bom):
            return head[len(bom):].decode(enc, "ignore").encode("ascii", "ignore")
    return head


def sniff(data: bytes, suffix: str) -> str:
    """Reader module name for ``data``: the content decides; the suffix only when the content is not telling."""
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "docx"           # the docx reader tells a Word package from other zips (xlsx, odt…)
    if b"%PDF-" in data[:1024]:
        return "pdf"
    for magic, what in _UNSUPPORTED_MAGIC:
        if data.startswith(magic):
            raise Unsupported(f"不支持的文件格式：{what}")
    if _HTML_START.match(_head_as_ascii(data)):
        return "html"
    return READERS.get(suffix, "text")


def read_bytes(data: bytes, path: str) -> Source:
    if not data.strip():
        raise InputError(path, "文件为空")
    suffix = "" if path == "-" else path[path.rfind("."):].lower() if "." in path else ""
    try:
        name = sniff(data, suffix)
    except Unsupported as exc:
        raise InputError(path, str(exc)) from None
    module = import_module(f"{__package__}.{name}")
    return module.read(data, path)
