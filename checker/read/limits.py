"""Input size limits, so that memory stays bounded whatever is thrown at the checker.

A real annual report is 5–60 KB of text (a .docx or .pdf with pictures a few MB). The pipeline holds
the text several times over (bytes, decoded str, normalised copy, per-edit offset maps, parsed
tables): about 75 bytes of memory per character of text measured on mirrored reports. Two limits:

* the file size (default 16 MB, ``--max-file-size``): checked with ``fstat`` before reading, so a
  100 MB file is refused without being read (peak memory stays at the interpreter's ~25 MB);
* the extracted text (1,000,000 characters, ≈ 50 long reports): checked after reading, before any
  normalisation; the largest accepted text peaks near 100 MB.

Either refusal is an error for that file only (exit code 2, a one-line message naming the file);
the other files of the run are still checked. ``--max-file-size 0`` lifts both limits.
"""

from __future__ import annotations

import os
import re
import stat

from . import InputError

DEFAULT_MAX_BYTES = 16 * 1024 * 1024
MAX_TEXT_CHARS = 1_000_000
_UNITS = {"": 1, "b": 1, "k": 1024, "kb": 1024, "m": 1024 ** 2, "mb": 1024 ** 2, "g": 1024 ** 3, "gb": 1024 ** 3}


def parse_size(text: str) -> int:
    """``20M``, ``512k``, ``1048576`` → bytes; ``0`` means no limit."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmg]?b?)\s*", text.lower())
    if not m:
        raise ValueError(f"无法识别的大小“{text}”（例如 20M、512K、0 表示不限）")
    return int(float(m.group(1)) * _UNITS[m.group(2)])


def human(n: int) -> str:
    return f"{n / 1024 ** 2:.1f} MB" if n >= 1024 ** 2 else f"{n / 1024:.0f} KB"


def too_large(path: str, size: int | None, limit: int) -> InputError:
    what = f"文件过大（{human(size)}）" if size is not None else "文件过大"
    return InputError(path, f"{what}，超过上限 {human(limit)}，未检查；年度报告通常不足 1 MB，"
                            f"如确需检查请使用 --max-file-size 调高上限")


class NotRegularFile(OSError):
    """A FIFO, device or socket where a file was expected: reading it could block forever or never end.
    An OSError with a Chinese ``strerror``, so every caller's ``except OSError`` reports it as is."""


_KINDS = ((stat.S_ISFIFO, "命名管道（FIFO）"), (stat.S_ISCHR, "字符设备"), (stat.S_ISBLK, "块设备"),
          (stat.S_ISSOCK, "套接字"), (stat.S_ISDIR, "目录"))


def open_regular(path: str):
    """Open ``path`` for reading in binary, refusing anything but a regular file. O_NONBLOCK keeps the
    open itself from waiting for a FIFO's writer; fstat then judges what was actually opened (no race
    with a rename between a stat and the open)."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "特殊文件")
            raise NotRegularFile(0, f"是{kind}，不是普通文件，未读取")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_stream(fh, path: str, limit: int) -> bytes:
    """Read an open binary stream, refusing it as soon as it passes ``limit`` bytes (0 = no limit)."""
    if limit:
        try:
            st = os.fstat(fh.fileno())
        except (OSError, AttributeError, ValueError):
            st = None
        regular = st is not None and stat.S_ISREG(st.st_mode)
        if regular and st.st_size > limit:
            raise too_large(path, st.st_size, limit)
        # read(n) allocates n bytes up front: ask a regular file for its size (one byte more shows it
        # grew), pipes for the limit; never hold more than limit + 1 bytes
        data = fh.read(st.st_size + 1 if regular else limit + 1)
        if regular and len(data) > st.st_size:
            data += fh.read(limit + 1 - len(data))
        if len(data) > limit:
            raise too_large(path, None, limit)
        return data
    return fh.read()


def check_text_size(source) -> None:
    n = len(source.text)
    if n > MAX_TEXT_CHARS:
        raise InputError(source.path, f"文本过长（{n:,} 字符），超过上限 {MAX_TEXT_CHARS:,} 字符，未检查；"
                                      f"如确需检查请使用 --max-file-size 0 取消限制")
