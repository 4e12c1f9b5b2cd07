"""JSON arrays written one element at a time, byte for byte as ``json.dump(…, indent=2)`` writes them:
a report of twenty thousand files never holds the whole document."""

from __future__ import annotations

import json


class ArrayWriter:
    """The array at nesting ``level`` (0: the document itself), opened by the first element."""

    def __init__(self, out, level: int) -> None:
        self.out, self.count = out, 0
        self.pad = "\n" + "  " * (level + 1)

    def add(self, value) -> None:
        text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", self.pad)
        self.out.write(("[" if not self.count else ",") + self.pad + text)
        self.count += 1

    def close(self) -> None:
        self.out.write(self.pad[:-2] + "]" if self.count else "[]")


def nested(value, level: int) -> str:
    """``value`` as ``json.dump(…, indent=2)`` writes it at nesting ``level``."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * level)
