"""A line of porn title keywords (``A,B,C`` / ``A_B_C`` / ``A|B``) pasted before or into a report.

Counted per line on the normalised text: several distinct porn tokens, and at least half of the
line's short separator-joined items made of two or more of them. Legitimate sentences may contain a token or two (精品课程,
一区一策, 国产化) but never a line of items made of them.
"""

from __future__ import annotations

from .. import lazy_re
from ..contamination import lexicon as lx
from ..contamination.spam import folded_hits, lexicon_for
from ..model.diagnostic import Edit, Fix

_SEPARATORS = lazy_re.compile(r"[,，_|｜]|\s-\s|-(?=\S)")
_STACKED = lazy_re.compile(r"(?:亚洲|欧美|日韩|国产){2,}")


def check(doc, rule):
    p = rule.params
    lex = lexicon_for(doc)
    text = doc.text
    # Lexicon terms never hold a line break, so the document's hits are the lines' hits: a line with
    # fewer distinct porn tokens than either branch of _spam_items needs is skipped without a look.
    need = min(2, p.get("min_tokens", 3))
    porn = [(s, term) for s, _, section, term in folded_hits(doc)[1] if section == "porn"]
    if len({term for _, term in porn}) < need:
        return
    porn.sort()
    pos = i = 0
    for line in text.splitlines(keepends=True):
        terms = set()
        while i < len(porn) and porn[i][0] < pos + len(line):
            terms.add(porn[i][1])
            i += 1
        body = line.rstrip("\r\n")
        tokens = _spam_items(lex, body, p) if len(terms) >= need else []
        if tokens:
            s, e = doc.orig_span(pos, pos + len(line))
            fix = Fix((Edit(s, e, ""),), safe=False, description="删除该行")
            yield rule.diag(doc, pos, pos + len(body), fix=fix, found=body, sample="、".join(tokens[:4]))
        pos += len(line)


def _spam_items(lex, line: str, p: dict) -> list[str]:
    if not line.strip() or len(line) > p.get("max_line", 400):
        return []
    folded = lx.fold(line)
    tokens = list(dict.fromkeys(t for _, _, _, t in lx.hits(lex, folded, ("porn",))))
    if _STACKED.search(folded) and len(tokens) >= 2:
        return tokens
    items = [i for i in _SEPARATORS.split(folded) if i.strip()]
    if len(tokens) < p.get("min_tokens", 3) or len(items) < 2:
        return []
    # a porn title item is built of tokens (无码人妻在线观看); a sentence item holds one at most (开展成人教育)
    dirty = sum(1 for i in items if len({t for _, _, _, t in lx.hits(lex, i, ("porn", "brand"))}) >= 2)
    short = sum(1 for i in items if len(i.strip()) <= p.get("max_item", 24))
    if dirty >= p.get("min_dirty_share", 0.6) * len(items) and short >= 0.8 * len(items):
        return tokens
    return []
