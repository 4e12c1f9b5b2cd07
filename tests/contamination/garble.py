"""Produce the garbles the detectors must recognise, from sentences written for the tests."""

from __future__ import annotations


def byte_shift(text: str) -> str:
    """``text`` (starting with U+3000) as a GBK decoder that started one byte late renders it.

    The orphan byte shows as ``?``; a pair of (lead, ASCII) bytes is replaced by one ``?`` and the
    decoder resynchronises on the ASCII byte — the PHP mbstring behaviour seen on real pages."""
    data = text.encode("gbk")[1:]
    out, i = ["?"], 0
    while i < len(data):
        b = data[i]
        if b < 0x80:
            out.append(chr(b))
            i += 1
        elif i + 1 < len(data) and data[i + 1] < 0x80 and not (0x40 <= data[i + 1] <= 0x7e):
            out.append("?")
            i += 2
        else:
            pair = data[i:i + 2]
            try:
                out.append(pair.decode("gbk"))
                i += 2
            except UnicodeDecodeError:
                out.append("?")
                i += 2
    return "".join(out)


def utf8_as_gbk(text: str, rounds: int = 1) -> str:
    for _ in range(rounds):
        text = text.encode("utf-8").decode("gb18030")
    return text
