"""Write a fixed file back safely.

The new bytes go to a temporary file in the same directory, are flushed to disk, get the original
file's permission bits, and replace the original with one ``os.replace`` — so a crash, a kill or
Ctrl-C leaves either the old file or the new one, never a half-written one. Encoding, BOM and line
endings are those of the file as read (line endings survive because fixes never rewrite them).
"""

from __future__ import annotations

import os
import stat
import tempfile
import time

from ..model.source import Source
from ..read import InputError
from ..read.decode import decode, encode

# Test hook: seconds to sleep between writing the temporary file and renaming it, so a test can
# kill the process at the most dangerous moment. Unset in normal use.
PAUSE_ENV = "GOVLINT_TEST_PAUSE_BEFORE_RENAME"
TEMP_SUFFIX = ".govlint-tmp"


class FixWriteError(Exception):
    """A fix that must not be written; the message says why (in Chinese, for the user)."""


def inside(path: str, roots: list[str]) -> bool:
    real = os.path.realpath(path)
    return any(real == r or real.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def tree_roots(args_paths: list[str]) -> list[str]:
    """The checked trees: each directory argument, or the directory of each file argument."""
    roots = []
    for p in args_paths:
        if p == "-":
            continue
        roots.append(os.path.realpath(p if os.path.isdir(p) else os.path.dirname(os.path.abspath(p))))
    return roots


def target_of(path: str, roots: list[str]) -> str:
    """The regular file to replace: symlinks are followed only while they stay inside the checked tree."""
    if not inside(path, roots):
        raise FixWriteError(f"经符号链接指向检查范围之外（{os.path.realpath(path)}），拒绝写入")
    real = os.path.realpath(path)
    if not os.path.isfile(real):
        raise FixWriteError("不是普通文件，拒绝写入")
    return real


def encoded(source: Source, text: str) -> bytes:
    try:
        return encode(text, source.encoding, source.bom)
    except UnicodeEncodeError as exc:
        raise FixWriteError(f"修复后的文本含有 {source.encoding} 编码无法表示的字符“{exc.object[exc.start:exc.end]}”，"
                            "未写入") from None


def write_fixed(path: str, source: Source, text: str, roots: list[str]) -> bool:
    """Write ``text`` over ``path``; False when there was nothing to write."""
    if text == source.text:
        return False
    target = target_of(path, roots)
    data = encoded(source, text)
    with open(target, "rb") as fh:
        current = fh.read()
    try:
        unchanged = decode(current, path).text == source.text
    except InputError:
        unchanged = False
    if not unchanged:
        raise FixWriteError("在检查期间被其他程序修改，未写入")
    replace_atomically(target, data)
    return True


def replace_atomically(target: str, data: bytes) -> None:
    mode = stat.S_IMODE(os.stat(target).st_mode)
    directory, name = os.path.split(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        pause = os.environ.get(PAUSE_ENV)
        if pause:
            time.sleep(float(pause))
        os.replace(tmp, target)
    except BaseException:               # including KeyboardInterrupt: never leave the temp file behind
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _sync_dir(directory)


def _sync_dir(directory: str) -> None:
    """Make the rename itself durable (POSIX); harmless where directories cannot be opened."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
