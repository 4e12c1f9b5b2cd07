"""``--format csv``: the batch overview, one row per report, for Excel and WPS.

UTF-8 with a byte-order mark — without it Excel on a Chinese Windows reads the file as GBK and every
agency name turns to mojibake. Rows are written as results arrive; nothing is kept.
"""

from __future__ import annotations

import csv

from .overview import OverviewRow, columns, flat_row


def render(results, out, options) -> None:
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns())
    for r in results:
        writer.writerow([_cell(v) for v in flat_row(OverviewRow(r))])


def _cell(value):
    # A cell starting with = + - @ is run as a formula by Excel and WPS (CSV injection): a report's agency
    # name comes from the document, which may come from a hacked page.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value
