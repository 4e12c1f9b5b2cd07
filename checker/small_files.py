"""Reading the small text files a run depends on: configurations, rule files, lexicons.

Only regular files are read: a FIFO would block forever, ``/dev/zero`` never ends. The file is opened
without blocking (a FIFO opens at once), checked with fstat, and read up to its size cap plus one
byte, so a file that grows while read is refused as well. Messages name the file and the limit and
never quote its content (``rule-files: [/etc/shadow]`` must not print the file).
"""

from __future__ import annotations

import os
import stat

CONFIG_LIMIT = 1 << 20           # 1 MB: a configuration is a few hundred bytes
RULE_FILE_LIMIT = 4 << 20        # the built-in rules together are ~70 KB
LEXICON_LIMIT = 8 << 20


class SmallFileError(Exception):
    """One Chinese line naming the file."""


def _size_text(n: int) -> str:
    return f"{n >> 20} MB" if n >= 1 << 20 else f"{n >> 10} KB"


def read_text(path, limit: int, what: str) -> str:
    """The UTF-8 text of ``path`` (a BOM dropped), or SmallFileError saying why it cannot be used."""
    name = os.fspath(path)
    try:
        fd = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise SmallFileError(f"{name}: 无法读取{what}：{exc.strerror}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SmallFileError(f"{name}: {what}不是普通文件（FIFO、设备、套接字或目录），不读取")
        if info.st_size > limit:
            raise SmallFileError(f"{name}: {what}过大（{_size_text(info.st_size)}，上限 {_size_text(limit)}）")
        data = _read_at_most(fd, limit + 1)
    except OSError as exc:
        raise SmallFileError(f"{name}: 无法读取{what}：{exc.strerror}") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise SmallFileError(f"{name}: {what}过大（超过上限 {_size_text(limit)}）")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SmallFileError(f"{name}: {what}不是 UTF-8 编码（第 {exc.start + 1} 字节）") from None


def _read_at_most(fd: int, n: int) -> bytes:
    chunks, left = [], n
    while left > 0:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
