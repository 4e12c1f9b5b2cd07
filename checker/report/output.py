"""Where a report is written, and what happens when it cannot be.

File names are bytes on POSIX; Python hands undecodable ones over as lone surrogates. Formats read by
people keep them as the original bytes (``surrogateescape``, as ls and grep print them); formats read by
programs (JSON, SARIF, XML, workflow commands) must be valid UTF-8, so each such character becomes
U+FFFD. Writing failures — standard output closed or on a full disk, ``-o`` naming a folder or a
missing folder — become an ``OutputError`` with one Chinese line (exit code 2); a reader that went
away (``govlint check … | head``) is a ``BrokenPipeError`` the command line ends quietly on.
"""

from __future__ import annotations

import codecs
import sys

STRICT_UTF8 = frozenset({"json", "json-lines", "sarif", "gitlab", "github", "junit", "html", "csv"})
REPLACE = "govlint-replace"


class OutputError(Exception):
    """The report could not be written; the message is shown as is."""


def why(exc: OSError) -> str:
    """A failed write's cause in Chinese; causes not named here keep the system's wording."""
    import errno

    named = {errno.ENOSPC: "磁盘空间不足", errno.EBADF: "输出已关闭", errno.EACCES: "没有写入权限",
             errno.EPERM: "没有写入权限", errno.EROFS: "只读文件系统", errno.EIO: "输入输出错误",
             getattr(errno, "EDQUOT", -1): "超出磁盘配额"}
    return named.get(exc.errno) or exc.strerror or type(exc).__name__


def _replace(exc: UnicodeError):
    if isinstance(exc, UnicodeEncodeError):
        # bytes: the UTF-8 encoder accepts a str replacement only if it is ASCII
        return "\ufffd".encode("utf-8") * (exc.end - exc.start), exc.end
    raise exc


codecs.register_error(REPLACE, _replace)


def clean(text: str) -> str:
    """``text`` with every lone surrogate (an undecodable file-name byte) replaced by U+FFFD."""
    return text.encode("utf-8", REPLACE).decode("utf-8")


def errors_for(fmt: str) -> str:
    return REPLACE if fmt in STRICT_UTF8 else "surrogateescape"


def open_output(path: str | None, fmt: str):
    """The stream to write the report on: the file ``path``, or standard output."""
    errors = errors_for(fmt)
    if path:
        try:
            return open(path, "w", encoding="utf-8", errors=errors)
        except IsADirectoryError:
            raise OutputError(f"{path}: 是目录，无法把报告写入其中（-o 需要文件名）") from None
        except FileNotFoundError:
            raise OutputError(f"{path}: 所在目录不存在，无法写入报告") from None
        except OSError as exc:
            raise OutputError(f"{path}: 无法写入报告：{why(exc)}") from None
    out = sys.stdout
    if out is None or getattr(out, "closed", False):
        raise OutputError("标准输出已关闭，无法写出报告（可用 -o FILE 写入文件）")
    try:
        if fmt in STRICT_UTF8:
            out.reconfigure(encoding="utf-8", errors=errors)
        else:
            out.reconfigure(errors=errors)
    except (AttributeError, ValueError, OSError):   # not a TextIOWrapper (tests' capture), or already written
        pass
    return out


def finish(out, path: str | None) -> None:
    """Flush (standard output) or close (a file), turning a failed write into an ``OutputError``."""
    try:
        if path:
            out.close()
        else:
            out.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(f"{path or '标准输出'}: 无法写出报告：{why(exc)}") from None


def written(path: str | None, write) -> None:
    """Run ``write()``; a failed write (full disk, closed descriptor) becomes an ``OutputError``."""
    try:
        write()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(f"{path or '标准输出'}: 无法写出报告：{why(exc)}") from None
