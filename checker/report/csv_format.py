"""``--format csv``: the batch overview, one row per report, for Excel and WPS.

UTF-8 with a byte-order mark — without it Excel on a Chinese Windows reads the file as GBK and every
agency name turns to mojibake. Rows are written as results arrive; nothing is kept.
"""

from __future__ import annotations

import csv

from .overview import OverviewRow, columns, flat_row
from .streamed import render_all


class Stream:
    """The header at once, then each report's row as soon as its result is given (streamed runs)."""

    def __init__(self, out, options) -> None:
        out.write("\ufeff")
        self.writer = csv.writer(out, lineterminator="\r\n")
        self.writer.writerow(columns())

    def file(self, r) -> None:
        self.writer.writerow([_cell(v) for v in flat_row(OverviewRow(r))])

    def end(self, tally) -> None:
        pass


def render(results, out, options) -> None:
    render_all(Stream(out, options), results, tally=False)


def _cell(value):
    # A cell starting with = + - @ is run as a formula by Excel and WPS (CSV injection): a report's agency
    # name comes from the document, which may come from a hacked page.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
