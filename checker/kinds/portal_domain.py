"""A non-government web address where the report names its government portal.

“本报告电子版可在××县政府网(http://www.xmzaj.com)下载”: a clone site puts its own domain where the
agency's *.gov.cn portal was. The address is judged only in a portal slot — right after 政府网 /
门户网站 / 人民政府网 — so the addresses of other organisations in the text are never looked at.
"""

from __future__ import annotations

import re

from .. import lazy_re

_SLOT = lazy_re.compile(
    r"(?:政府网|门户网站|政府门户网|政务网|政务服务网|政府网站)[”\"」]?\s*[(（:：]?\s*"
    r"((?:https?://)?([a-z0-9][a-z0-9\-.]*\.[a-z0-9\-]+))", re.I)
_GOV = lazy_re.compile(r"(?:^|\.)gov(?:\.[a-z]{2})?$|\.gov\.cn$|^(?:\d{1,3}\.){3}\d{1,3}$")


def check(doc, rule):
    text = doc.text
    if "://" not in text and "www." not in text.lower():
        return
    for m in _SLOT.finditer(text):
        host = m.group(2).lower()
        if _GOV.search(host) or "." not in host or host.replace(".", "").isdigit():
            continue
        yield rule.diag(doc, m.start(1), m.end(1), found=m.group(1), value=host)
