"""Decode report bytes: BOMs, UTF-8, then GB18030 and Big5 — the encodings real reports arrive in."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

from .. import lazy_re
from ..model.record import MutableRecord
from . import InputError

_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


class Decoded(MutableRecord):
    __slots__ = ("text", "encoding", "bom", "newline")

    def __init__(self, text: str, encoding: str, bom: bool, newline: str) -> None:
        self.text, self.encoding, self.bom, self.newline = text, encoding, bom, newline


@lru_cache(maxsize=1)
def _suspicious_chars() -> re.Pattern:
    """Characters that a wrong legacy decoding produces: kana, bopomofo, box drawing, private use.
    Compiled on first use: re spends ~0.6 ms on a class of 6,700 BMP code points, and most runs never
    meet a legacy-encoded file."""
    return lazy_re.compile("[\u3040-\u30ff\u3100-\u312f\u2500-\u257f\ue000-\uf8ff]")


def _suspicious(text: str) -> int:
    return len(_suspicious_chars().findall(text))


def _legacy(data: bytes, path: str) -> tuple[str, str]:
    candidates = []
    for enc in ("gb18030", "big5"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        candidates.append((_suspicious(text), enc, text))
        if candidates[0][0] == 0:
            break                           # GB18030 wins ties: a clean reading cannot be beaten
    if not candidates:
        raise InputError(path, "无法识别文件编码（不是 UTF-8、UTF-16、GB18030 或 Big5 文本）")
    candidates.sort(key=lambda c: c[0])    # stable: GB18030 wins ties, Big5 only when it reads cleaner
    _, enc, text = candidates[0]
    return text, enc


def detect_newline(text: str) -> str:
    i = text.find("\n")
    if i > 0 and text[i - 1] == "\r":
        return "\r\n"
    if i == -1 and "\r" in text:
        return "\r"
    return "\n"


def decode(data: bytes, path: str) -> Decoded:
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(path, f"文件声明为 {enc}（BOM）但内容无法按此编码解码：{exc.reason}") from None
            return Decoded(text, enc, True, detect_newline(text))
    if b"\x00" in data:
        raise InputError(path, "文件含有 NUL 字节，不是文本文件（二进制或未声明的 UTF-16）")
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, enc = _legacy(data, path)
    return Decoded(text, enc, False, detect_newline(text))


def encode(text: str, encoding: str, bom: bool) -> bytes:
    """Inverse of ``decode`` for writing fixes back in the file's own encoding."""
    if bom:
        prefix = dict((enc, b) for b, enc in _BOMS)[encoding]
        return prefix + text.encode(encoding)
    return text.encode(encoding)
