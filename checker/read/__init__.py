"""Readers: bytes of any supported format → ``Source`` (text with positions)."""

from __future__ import annotations


class InputError(Exception):
    """A file that cannot be checked; the message is shown to the user as is (exit code 2)."""

    def __init__(self, path: str, message: str):
        super().__init__(f"{path}: {message}")
        self.path = path
        self.message = message
