"""Write a fixed file back safely.

The new bytes go to a temporary file in the same directory, are flushed to disk, get the original
file's permission bits, owner and group, and replace the original with one ``os.replace`` — so a
crash, a kill or Ctrl-C leaves either the old file or the new one, never a half-written one.
Encoding, BOM and line endings are those of the file as read (line endings survive because fixes
never rewrite them).

A rename would break what the file is to others, so two cases are written in place instead, from the
same fully written and flushed temporary file, which is removed only once the copy is on disk (a kill
during the copy leaves the complete new text beside the file): a file with more than one hard link,
and a file whose owner or group this user cannot give the new file. A read-only file is refused,
never overridden; a failure to write (full disk, read-only folder) is reported for that file only.
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
    try:
        st = os.stat(target)
        if _read_only(target, st):
            raise FixWriteError("文件是只读的，未写入（如需修复请先取消只读属性）")
        with open(target, "rb") as fh:
            current = fh.read()
        try:
            unchanged = decode(current, path).text == source.text
        except InputError:
            unchanged = False
        if not unchanged:
            raise FixWriteError("在检查期间被其他程序修改，未写入")
        replace_atomically(target, data, st, current)
    except OSError as exc:
        raise FixWriteError(f"写入失败：{_why(exc)}，文件未改动") from None
    return True


def _read_only(target: str, st: os.stat_result) -> bool:
    # root may write anything: the permission bits still say what the owner wants
    return not (st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH)) or not os.access(target, os.W_OK)


def _why(exc: OSError) -> str:
    import errno

    named = {errno.ENOSPC: "磁盘空间不足", errno.EACCES: "没有写入权限（文件或所在目录）", errno.EPERM: "没有写入权限",
             errno.EROFS: "只读文件系统", errno.EIO: "输入输出错误", getattr(errno, "EDQUOT", -1): "超出磁盘配额"}
    return named.get(exc.errno) or exc.strerror or type(exc).__name__


def replace_atomically(target: str, data: bytes, st: os.stat_result | None = None,
                       original: bytes | None = None) -> None:
    st = st or os.stat(target)
    directory, name = os.path.split(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=TEMP_SUFFIX, dir=directory)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        in_place = st.st_nlink > 1 or not _same_owner(tmp, st)
        pause = os.environ.get(PAUSE_ENV)
        if pause:
            time.sleep(float(pause))
        if in_place:
            _copy_into(target, data, original)
            os.unlink(tmp)
        else:
            os.replace(tmp, target)
    except BaseException:               # including KeyboardInterrupt: never leave the temp file behind
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _sync_dir(directory)


def _same_owner(tmp: str, st: os.stat_result) -> bool:
    """Give the new file the original's owner and group; False when this user may not."""
    if not hasattr(os, "chown"):
        return True
    mine = os.stat(tmp)
    if (mine.st_uid, mine.st_gid) == (st.st_uid, st.st_gid):
        return True
    try:
        os.chown(tmp, st.st_uid, st.st_gid)
        os.chmod(tmp, stat.S_IMODE(st.st_mode))     # chown clears set-user/group-ID bits
        return True
    except OSError:
        return False


def _copy_into(target: str, data: bytes, original: bytes | None) -> None:
    """Overwrite ``target`` itself (same inode: links, owner and mode stay), then make it durable. A
    write that fails half-way (a longer text on a full disk) puts the original bytes back: they fit
    in the blocks the file already had."""
    fd = os.open(target, os.O_WRONLY)
    try:
        try:
            _write_all(fd, data)
            os.ftruncate(fd, len(data))
            os.fsync(fd)
        except OSError:
            if original is not None:
                os.lseek(fd, 0, os.SEEK_SET)
                _write_all(fd, original)
                os.ftruncate(fd, len(original))
            raise
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


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
